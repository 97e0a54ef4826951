"""Definitions asked the way people chat: every acronym that an article spells out (its
expansion, one of its aliases, written in the article) is spelt out however it is asked, even as
a new question in the middle of a conversation."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.kb import KnowledgeBase
from bot.text import fold


def acronyms(base: KnowledgeBase) -> list[tuple[str, str]]:
    """(acronym, expansion) for each entity named by the initials of an alias an article writes."""
    texts = [article.text for article in base.articles.values()]
    found = []
    for entity in base.entities.values():
        short = entity.name.en
        for alias in entity.aliases:
            capitals = "".join(c for c in alias if c.isupper())
            written = any(alias in text for text in texts)
            if short.isupper() and " " in alias and capitals == short and written:
                found.append((short, alias))
    return found


def test_the_base_has_an_acronym_spelt_out(base: KnowledgeBase) -> None:
    assert acronyms(base)


@pytest.mark.parametrize(
    "template", ["what does {} stand for", "wtf does {} stand for", "{} ça veut dire quoi"]
)
def test_an_acronym_is_spelt_out(engine: Engine, base: KnowledgeBase, template: str) -> None:
    for short, expansion in acronyms(base):
        answer, _ = engine.answer(template.format(short))
        assert fold(expansion) in fold(answer.text), (template, answer.text)


def test_wtf_asks_what(engine: Engine, base: KnowledgeBase) -> None:
    for short, _ in acronyms(base):
        assert engine.answer(f"wtf is {short}")[0].text == engine.answer(f"what is {short}")[0].text


def test_an_acronym_asked_after_another_question_is_its_own_question(
    engine: Engine, base: KnowledgeBase
) -> None:
    for short, expansion in acronyms(base):
        person = next(e for e in base.entities.values() if e.type == "person")
        _, state = engine.answer(f"qui est {person.name.fr} ?")
        answer, _ = engine.answer(f"et {short} ça veut dire quoi", state)
        assert fold(expansion) in fold(answer.text), answer.text
