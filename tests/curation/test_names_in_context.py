# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Names read in their context (invented articles and names): a surname several people share,
asked with "and" beside someone it shares a sentence with, is that person's partner ("X and
Wierzbicki"; with "or" the two are set side by side, and the one asked is who moved); "the
start-up" is the company its sentence named before; a "chief executive" is a CEO."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet

from bot.engine import Engine
from bot.kb import loader as kb

TEXT = """Quillon hires two founders
Quillon has hired Ilse Okoro and Anselm Wierzbicki, who co-founded the start-up Brenvale together.
Okoro and Wierzbicki will work at Quillon Research, in Vel-Arun.
"""


def test_a_shared_surname_beside_its_partner_is_that_person(tmp_path: Path) -> None:
    _, base = add_snippet(tmp_path, TEXT, "pair")
    engine = Engine(kb.load(base))
    answer, _ = engine.answer("Where do Okoro and Wierzbicki work now?")
    assert answer.kind != "clarify", answer.text
    # Set side by side with "or", the Wierzbicki asked is the one who moved at all: of the
    # three the base knows, only Anselm was hired anywhere.
    answer, _ = engine.answer("Okoro or Wierzbicki, who joined first?")
    assert answer.kind != "clarify" and "Anselm Wierzbicki" in answer.text, answer.text


ROLE_TEXT = """Quillon hires Brenvale's founder
Quillon hired Ilse Okoro, the founder of Brenvale, in May.
Dora Fenwick, Brenvale's general counsel, did not make the move: she became interim chief executive of the start-up.
"""


def test_the_start_up_is_the_company_its_sentence_named_before(tmp_path: Path) -> None:
    facts, base = add_snippet(tmp_path, ROLE_TEXT, "counsel")
    roles = [f for f in facts if f["type"] == "role" and "interim" in f["role"]["en"]]
    assert [f["object"] for f in roles] == ["brenvale"]
    answer, _ = Engine(kb.load(base)).answer("Who is the CEO of Brenvale?")
    assert "Dora Fenwick" in answer.text  # "chief executive" is a CEO


def test_a_sentence_opened_by_a_pronoun_names_the_person_before(tmp_path: Path) -> None:
    """ "Il et X s'étaient connus à Y": the sentence names the person "il" stands for too, so
    that a question naming both finds it."""
    text = """Quillon recrute Anselm Brody
Quillon a recruté Anselm Brody en mai.
Lui et Dora Fenwick s'étaient connus à Vel-Arun, au fil d'une conversation.
"""
    facts, _ = add_snippet(tmp_path, text, "met")
    second = [f for f in facts if f["citations"][0]["ref"] == "met:1"]
    assert any("anselm-brody" in [f["subject"], *f.get("about", [])] for f in second)


def test_a_pronoun_repeated_stands_for_what_the_sentence_opened_with(tmp_path: Path) -> None:
    """ "He and X had quit …, and he then accused …": "he" is still the one before, not X."""
    text = """Quillon loses a founder
Anselm Brody left Quillon in May.
He and Dora Fenwick had quit after Quillon refused to release Zephyrin, a chatbot, and he then accused Quillon of being too timid.
"""
    facts, _ = add_snippet(tmp_path, text, "timid")
    critics = [f["subject"] for f in facts if f["type"] == "criticism"]
    assert critics and "dora-fenwick" not in critics
