"""A surname several people share, asked with "and" beside someone it shares a sentence with,
is that person's partner ("X and Wierzbicki"); with "or" the two are set side by side and
the question asks which Wierzbicki (invented article and names)."""

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
    answer, _ = engine.answer("Okoro or Wierzbicki, who joined first?")
    assert answer.kind == "clarify", answer.text
