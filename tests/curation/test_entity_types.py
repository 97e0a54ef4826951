# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""The type `add` gives a new name comes from the part it plays in its sentence, not from its
shape alone (issue 21): investors are organisations however personal their names look, a
company hired, joined or bought is no place, what is led or listed among products is a
product, a hyphenated city is one place, a one-letter first word or a name's article stays,
and a lone common noun the parser does not read as a proper noun is no name. The articles are
written for these tests; the names are invented."""

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


def _types(text: str) -> dict[str, str]:
    """Each new name the article's drafts propose, with its type (the small test base)."""
    base = kb.load(DATA / "third_article")
    draft = read(text, id="types")
    parses = analyse([s.text for s in draft.sentences], draft.language)
    names = find_names(draft, base, EntityIndex(base, lx.STOPWORDS), parses)
    return {e.name: e.type for e in names.new.values()}


INVESTORS_EN = """Quillon raises its first round
In March, Quillon raised $40 million in a round led by Harwick Pemberton.
Halvard Osgood, Brisk Street, Nordkapp Ventures and QT Angel had backed its seed round.
The start-up also drew participation from Marlowe Dunmore.
"""

INVESTORS_FR = """Quillon lève 40 millions d'euros
En mars, Quillon a levé 40 millions d'euros lors d'un tour de table mené par Harwick Pemberton.
Halvard Osgood, Bastide Capital, Nordkapp Ventures, Lumenic et Corvane ont aussi participé à l'opération.
Le fonds Marlowe Dunmore a investi dans la start-up.
"""


@pytest.mark.parametrize(
    "text, name",
    [
        (INVESTORS_EN, "Harwick Pemberton"),  # "a round led by X"
        (INVESTORS_EN, "Halvard Osgood"),  # subject of "backed", with its list
        (INVESTORS_EN, "Brisk Street"),  # "<Word> Street", listed among backers
        (INVESTORS_EN, "QT Angel"),
        (INVESTORS_EN, "Marlowe Dunmore"),  # "participation from X"
        (INVESTORS_FR, "Harwick Pemberton"),  # "un tour de table mené par X"
        (INVESTORS_FR, "Halvard Osgood"),  # listed among organisations that took part
        (INVESTORS_FR, "Marlowe Dunmore"),  # "le fonds X"
    ],
)
def test_an_investor_is_an_organisation_however_personal_its_name(text, name) -> None:
    assert _types(text)[name] == "organization"


def test_people_who_join_stay_people_beside_investors() -> None:
    text = """Quillon hires
Tamsin Orr, Ilse Okoro and Dora Fenwick joined Quillon in May.
"""
    types = _types(text)
    assert [types[n] for n in ("Tamsin Orr", "Ilse Okoro", "Dora Fenwick")] == ["person"] * 3


COMPANIES_EN = """Lumenic buys a rival
Lumenic acquired Sarnia in May.
Dora Fenwick led pre-training for Orvanis at Lumenic.
Lumenic has offices in Tel-Aviv and Vel-Arun.
Dora Fenwick later worked at Y Foundry as a partner.
"""

COMPANIES_FR = """Lumenic recrute encore
Quillon publie ses modèles, comme Quillon Large et son assistant Le Phare.
Lumenic a des bureaux à Porto-Vecchio et à Saint-Aurel.
Dora Fenwick a ensuite travaillé chez Y Foundry.
Ecole de pensée opposée à celle de Lumenic, Quillon a été soutenue par l'Etat.
"""


def test_a_company_that_is_bought_is_no_place() -> None:
    assert _types(COMPANIES_EN)["Sarnia"] == "organization"


def test_what_is_led_or_listed_among_products_is_a_product() -> None:
    assert _types(COMPANIES_EN)["Orvanis"] == "product"
    types = _types(COMPANIES_FR)
    assert types["Quillon Large"] == "product"  # "comme X", after "ses modèles"
    assert types["Le Phare"] == "product"  # a common word keeps its article


@pytest.mark.parametrize(
    "text, places",
    [(COMPANIES_EN, ["Tel-Aviv", "Vel-Arun"]), (COMPANIES_FR, ["Porto-Vecchio", "Saint-Aurel"])],
)
def test_a_hyphenated_city_is_one_place(text, places) -> None:
    types = _types(text)
    assert [types.get(p) for p in places] == ["place", "place"]
    halves = {h for p in places for h in p.split("-")}
    assert not halves & set(types)


@pytest.mark.parametrize("text", [COMPANIES_EN, COMPANIES_FR])
def test_a_one_letter_first_word_stays_in_the_name(text) -> None:
    types = _types(text)
    assert types.get("Y Foundry") == "organization"
    assert "Foundry" not in types


def test_a_lone_common_noun_with_a_capital_is_no_name() -> None:
    types = _types(COMPANIES_FR)
    assert "Etat" not in types and "Ecole" not in types
    assert types["Quillon"] == "organization"
