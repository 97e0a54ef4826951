"""The dev set: every question of tests/data/devset.yaml answered as expected, quotes verbatim."""

from __future__ import annotations

from collections import Counter

import pytest
from devset_runner import load_devset, run_devset

from bot import kb
from bot.engine import Engine

FAMILIES = {
    "moves", "when", "roles", "profile", "numbers", "statements", "places", "yesno",
    "aggregates", "robustness", "ambiguity", "followups", "out_of_scope",
}  # fmt: skip


@pytest.fixture(scope="module")
def outcomes(engine: Engine):
    return run_devset(engine)


def test_devset_is_large_and_covers_every_family_in_both_languages() -> None:
    items = load_devset()
    assert len(items) >= 250
    assert len({item["id"] for item in items}) == len(items)
    per_family = Counter((item["family"], item["lang"]) for item in items)
    for family in FAMILIES:
        assert per_family[(family, "fr")] >= 3, family
        assert per_family[(family, "en")] >= 3, family


def test_every_devset_question_is_answered_as_expected(outcomes) -> None:
    failures = [
        f"{o.item['id']} {o.item['question']!r} -> {o.answer.text[:120]!r}: {o.problems}"
        for o in outcomes
        if o.problems
    ]
    assert failures == []


def test_every_citation_is_a_verbatim_sentence_of_its_article(outcomes, base: kb.KnowledgeBase):
    sentences = {(s.article, s.text) for a in base.articles.values() for s in a.sentences}
    for outcome in outcomes:
        for citation in outcome.answer.citations:
            assert (citation.article, citation.sentence) in sentences
            assert citation.title == base.articles[citation.article].title
        assert [c.n for c in outcome.answer.citations] == list(
            range(1, len(outcome.answer.citations) + 1)
        )


def test_clarifications_offer_options_and_answers_offer_none(outcomes) -> None:
    for outcome in outcomes:
        if outcome.answer.kind == "clarify":
            assert len(outcome.answer.options) >= 2
        else:
            assert outcome.answer.options == []
