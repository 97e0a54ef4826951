"""What a company is worth is its own measure: money it raised or paid, or its headcount, do
not answer it; a valuation fact does."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import DATA

from bot import kb
from bot.engine import Engine
from bot.text import fold

ASKED = ["How much is Lumenic worth?", "Combien vaut Lumenic ?", "lumenic est valorisée a cb"]
VALUED = """
  - id: lumenic-valued
    type: valuation
    subject: lumenic
    amount: {value: 400000000, currency: EUR, qualifier: about}
    text:
      fr: "Lumenic est valorisée environ 400 millions d’euros."
      en: "Lumenic is valued at about 400 million euros."
    citations:
      - article: lumenic-debauche-vectoria
        sentence: "{sentence}"
"""
SENTENCE = (
    "Lumenic emploie environ 300 personnes et a levé plus de 50 millions d’euros auprès du "
    "fonds Nordkapp Ventures."
)


@pytest.mark.parametrize("question", ASKED)
def test_money_raised_or_a_headcount_is_no_valuation(question: str) -> None:
    answer, _ = Engine(kb.load(DATA / "third_article")).answer(question)
    assert answer.kind == "unknown", answer.text
    assert "50" not in answer.text and "300" not in answer.text


@pytest.mark.parametrize("question", ASKED)
def test_a_valuation_fact_answers(base_dir: Path, question: str) -> None:
    facts = base_dir / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    valued = VALUED.lstrip("\n").replace("{sentence}", SENTENCE)
    facts.write_text(text.replace("facts:\n", "facts:\n" + valued, 1), encoding="utf-8")
    answer, _ = Engine(kb.load(base_dir)).answer(question)
    assert answer.kind == "answer" and "400" in fold(answer.text), answer.text
