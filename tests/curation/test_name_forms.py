# ruff: noqa: E501  (the sentences are one line each, as in an article file)
"""How a realistic article writes its names (issue 21): a dateline's place in capitals, a
headline's short form of a company, a newspaper's last word ("the Journal"), a correlative
conjunction opening a sentence. Each is one entity of the right type. Names invented."""

from __future__ import annotations

import pytest
from paths import DATA

pytest.importorskip("spacy")

from bot import kb
from bot.curation.analysis import analyse
from bot.curation.entities import find_names
from bot.curation.ingest import read
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex

ARTICLE = """Brightwater lures Quillon Works co-founder Andrew Vasquez
PORT OSLOVIK, 14 March 2025 - Andrew Vasquez, a co-founder of Quillon Works Lab, has left the start-up for Brightwater, according to The Morning Ledger Journal.
The Journal reported that Vasquez had turned down an earlier offer.
Neither Maria Okafor nor Vasquez's deputy, Ilse Brandvold, has followed him.
"""


@pytest.fixture(scope="module")
def names():
    base = kb.load(DATA / "third_article")
    draft = read(ARTICLE, id="forms")
    parses = analyse([s.text for s in draft.sentences], draft.language)
    return find_names(draft, base, EntityIndex(base, lx.STOPWORDS), parses)


def by_name(names) -> dict[str, str]:
    return {e.name: e.type for e in names.new.values()}


def test_a_datelines_capitals_are_a_place_named_as_usual(names) -> None:
    assert by_name(names).get("Port Oslovik") == "place"
    assert "PORT OSLOVIK" not in by_name(names)


def test_a_headlines_short_form_is_the_company_of_the_body(names) -> None:
    companies = [n for n in by_name(names) if n.startswith("Quillon")]
    assert companies == ["Quillon Works Lab"], by_name(names)


def test_a_newspapers_last_word_is_that_newspaper(names) -> None:
    assert "Journal" not in by_name(names)
    ledger = next(e for e in names.new.values() if e.name.endswith("Morning Ledger Journal"))
    second = {o.entity for o in names.occurrences[1]}
    assert ledger.id in second


def test_a_correlative_conjunction_is_no_part_of_a_name(names) -> None:
    assert by_name(names).get("Maria Okafor") == "person"
    assert not [n for n in by_name(names) if n.lower().startswith("neither")]
