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


# Issue 21, "Read real news": the part a name plays, read from the parse and the article's
# other mentions (invented articles and names).
RETURN_EN = """Velmora brings back a founder
Velmora has hired Tobias Renquist, the founder of the start-up Quorra.AI, and Elin Marsh, who co-founded the firm with him.
Its early backers, led by Harrow Whitcombe, were bought out at $40 a share, The Signal reported.
Quorra.AI had raised money from Pellow Granger in 2023.
He had quit after Velmora refused to release Zephyrin, a chatbot he had built.
Renquist now co-leads Ostrava, Velmora's flagship family of models.
Tobias will work on Polaru, the company's assistant.
In May, Varnett Law reported that regulators were looking at the deal.
On Monday, Brannock, the maker of the coding agent Vesko, said it would hire more staff.
Interviewed by Brightline last August, Renquist defended the deal.
"""

RETURN_FR = """Velmora recrute le fondateur d'une start-up
Le 3 mai, Velmora a annoncé le recrutement de Tobias Renquist et de Maud Castagne, les fondateurs de la start-up Quorra AI.
Renquist devient directeur de Velmora Labs, une nouvelle division chargée de Zephyrin, de Polaru et d'Ostrava.
« Je connais Tobias depuis longtemps », a écrit Marek Hollan.
Basée à Lisbonne, Quorra avait levé 20 millions auprès de Pellow Granger.
Quorra a créé Vintaro, un assistant conversationnel.
Selon le Helder Gazette, les investisseurs, menés par Harrow Whitcombe, ont été remboursés.
Marek Hollan a déclaré au New Amsterdam Courier que tout allait bien.
"""


@pytest.mark.parametrize(
    "text, name",
    [
        (RETURN_EN, "Harrow Whitcombe"),  # "its early backers, led by X"
        (RETURN_EN, "Pellow Granger"),  # "raised money from X"
        (RETURN_FR, "Harrow Whitcombe"),  # "les investisseurs, menés par X"
        (RETURN_FR, "Pellow Granger"),  # "levé 20 millions auprès de X"
    ],
)
def test_those_who_fund_are_organisations_however_personal_their_names(text, name) -> None:
    assert _types(text)[name] == "organization"


@pytest.mark.parametrize(
    "text, name",
    [
        (RETURN_EN, "The Signal"),  # "…, X reported": a common word keeps its article
        (RETURN_EN, "Varnett Law"),  # "X reported that …", however personal the name
        (RETURN_EN, "Brightline"),  # "interviewed by X"
        (RETURN_FR, "Helder Gazette"),  # a newspaper's last word
        (RETURN_FR, "New Amsterdam Courier"),  # "New" is the name's first word
    ],
)
def test_who_reports_the_news_is_a_medium(text, name) -> None:
    assert _types(text).get(name) == "media"


@pytest.mark.parametrize(
    "text, name",
    [
        (RETURN_EN, "Zephyrin"),  # "X, a chatbot he had built"
        (RETURN_EN, "Ostrava"),  # "X, Velmora's flagship family of models"
        (RETURN_EN, "Polaru"),  # "X, the company's assistant"
        (RETURN_EN, "Vesko"),  # "the coding agent X"
        (RETURN_FR, "Zephyrin"),  # "une division chargée de X"
        (RETURN_FR, "Polaru"),  # listed after it, its preposition repeated
        (RETURN_FR, "Ostrava"),
        (RETURN_FR, "Vintaro"),  # "X, un assistant conversationnel"
    ],
)
def test_what_is_described_or_handled_as_a_product_is_a_product(text, name) -> None:
    assert _types(text)[name] == "product"


def test_a_dotted_name_stays_whole() -> None:
    types = _types(RETURN_EN)
    assert types["Quorra.AI"] == "organization"
    assert "Quorra" not in types and "AI" not in types


@pytest.mark.parametrize("text", [RETURN_EN, RETURN_FR])
def test_a_first_name_alone_is_the_person_the_article_named_in_full(text) -> None:
    types = _types(text)
    assert types["Tobias Renquist"] == "person"
    assert "Tobias" not in types


def test_a_company_written_short_is_the_company_named_in_full() -> None:
    base = kb.load(DATA / "third_article")
    draft = read(RETURN_FR, id="types")
    parses = analyse([s.text for s in draft.sentences], draft.language)
    names = find_names(draft, base, EntityIndex(base, lx.STOPWORDS), parses)
    types = {e.name: e for e in names.new.values()}
    assert "Quorra" not in types and "Quorra" in types["Quorra AI"].aliases


def test_a_short_name_written_before_the_full_one_is_a_name_of_its_own() -> None:
    text = """Velmora opens a lab
Velmora hired Dora Fenwick in May.
She will run Velmora Labs, its new research unit.
"""
    types = _types(text)
    assert types["Velmora"] == "organization" and types["Velmora Labs"] == "organization"
