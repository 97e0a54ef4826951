"""People asked by name when the articles only count them: "the articles don't name them",
never a count passed off as the names. Generated from every group hire of the base that no
named person's move shares (so that nobody could be named)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.factindex import orient
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.text import fold

ASK = {
    "en": "{hirer} hired people from {source}: what are their names?",
    "fr": "{hirer} a recruté des gens chez {source} : ils s'appellent comment ?",
}
UNNAMED = {"en": "the articles don't name them", "fr": "les articles ne les nomment pas"}


def anonymous_hires(base: KnowledgeBase) -> list[Fact]:
    named_moves = {
        (orient(f).dest, orient(f).source)
        for f in base.facts
        if f.type in ft.MOVE_FACT_TYPES and orient(f).mover
        and base.entities[orient(f).mover].type == "person"
    }  # fmt: skip
    return [
        f
        for f in base.facts
        if f.type == "hired" and f.quantity is not None and f.object is None
        and f.source is not None and (f.subject, f.source) not in named_moves
    ]  # fmt: skip


def test_the_base_has_an_anonymous_group_hire(base: KnowledgeBase) -> None:
    assert anonymous_hires(base)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_count_is_not_given_for_names(engine: Engine, base: KnowledgeBase, language) -> None:
    for fact in anonymous_hires(base):
        question = ASK[language].format(
            hirer=base.entities[fact.subject].name.get(language),
            source=base.entities[fact.source].name.get(language),
        )
        answer, _ = engine.answer(question)
        assert answer.kind == "unknown", (question, answer.text)
        assert fold(answer.text).startswith(fold(UNNAMED[language])), (question, answer.text)
