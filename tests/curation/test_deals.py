# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Funding rounds, founders' lists, offices, acquisitions and figures read from sentences
written for these tests (invented names), in both languages; and the bot answering from the
drafts at once, in the asker's language."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

from bot.engine import Engine
from bot.kb import loader as kb
from bot.text import fold

FUNDING_EN = """Quillora raises $500 million as Brightwater leads the round
In May, Quillora raised $500 million in a round led by Brightwater Partners, at a valuation of $6 billion.
Halden Ventures, Ostrava Capital and Maple Row had backed its first round of $50 million in 2023.
Quillora, which is also backed by Sorrel Fund and Tannery Group, has offices in Lisbon and Oslo.
Verdant Labs did not invest.
"""

FUNDING_FR = """Quillora lève 1,2 milliard d'euros auprès de Brightwater
Quillora a levé 1,2 milliard d'euros lors d'un tour de table mené par Brightwater Partners, a annoncé la start-up en juin.
Le fonds néerlandais, dirigé par Anneke Vos, investit 400 millions d'euros.
Halden Ventures, Ostrava Capital et Maple Row ont aussi participé à l'opération.
La start-up est désormais valorisée 9,5 milliards d'euros.
Fondée en 2022 par Claire Arrieta, Sanne Okafor et Teodor Lind, trois anciens chercheurs de Veltrax, elle emploie 200 personnes.
Verdant Labs n'a en revanche pas investi.
"""

DEALS_EN = """Orbiton gets Numerik's team after Veltrax deal collapses
Veltrax's planned $1 billion purchase of the start-up Numerik fell apart on Friday, July 11, 2025.
Orbiton is not buying Numerik.
On Monday, July 14, Kestrel said it would acquire Numerik's product, brand and remaining team.
Ilan Roviere runs Numerik; Mara Quent, who co-founded the company with him, had tried to sell it before.
Zephyr Systems reportedly tried to acquire Kestrel last year.
"""

DEALS_FR = """Kestrel rachète Numerik
Selon Le Courrier, Orbiton aurait envisagé de racheter Numerik cet été.
Zephyr Systems ne rachète pas Numerik.
Kestrel a racheté Numerik en juillet.
"""


def _add(tmp_path: Path, text: str, article: str) -> tuple[list[dict], Path]:
    return add_snippet(tmp_path, text, article)


_find = find


@pytest.fixture(scope="module")
def funding_en(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("fund-en"), FUNDING_EN, "quillora-en")


@pytest.fixture(scope="module")
def funding_fr(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("fund-fr"), FUNDING_FR, "quillora-fr")


@pytest.fixture(scope="module")
def deals_en(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("deals-en"), DEALS_EN, "numerik-en")


@pytest.fixture(scope="module")
def deals_fr(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("deals-fr"), DEALS_FR, "numerik-fr")


def test_the_lead_investor_of_a_round_and_its_date(funding_en, funding_fr) -> None:
    for facts, _ in (funding_en, funding_fr):
        led = _find(facts, type="invested", subject="brightwater-partners", object="quillora")
        assert led and led[0]["role"]["en"] == "lead investor", facts
        assert "round" in led[0]["text"]["en"] and "tour de table" in led[0]["text"]["fr"]
    led = _find(funding_en[0], type="invested", subject="brightwater-partners")
    assert led[0]["when"] == {"month": 5}


def test_every_backer_of_a_round_invested_in_its_company(funding_en, funding_fr) -> None:
    for facts, _ in (funding_en, funding_fr):
        for investor in ("halden-ventures", "ostrava-capital", "maple-row"):
            assert _find(facts, type="invested", subject=investor, object="quillora"), investor
    for investor in ("sorrel-fund", "tannery-group"):  # "which is backed by X and Y"
        assert _find(funding_en[0], type="invested", subject=investor, object="quillora")
    # a round's figure is its company's, not the last backer's
    assert not _find(funding_en[0], type="amount", subject="maple-row")


def test_an_investor_that_did_not_invest_is_negated(funding_en, funding_fr) -> None:
    for facts, _ in (funding_en, funding_fr):
        no = _find(facts, type="invested", subject="verdant-labs", object="quillora")
        assert no and no[0]["polarity"] == "negated", facts


def test_the_investor_a_definite_noun_names_and_what_it_put_in(funding_fr) -> None:
    facts, _ = funding_fr
    put = [
        f for f in _find(facts, type="invested", subject="brightwater-partners") if f.get("amount")
    ]
    assert put and put[0]["amount"]["value"] == 400_000_000, facts


def test_decimals_and_valuations(funding_en, funding_fr) -> None:
    raised = _find(funding_fr[0], type="amount", subject="quillora")
    assert raised and raised[0]["amount"]["value"] == 1_200_000_000
    assert "1,2 milliard d’euros" in raised[0]["text"]["fr"]
    valued = _find(funding_fr[0], type="valuation", subject="quillora")
    assert valued and valued[0]["amount"]["value"] == 9_500_000_000
    valued = _find(funding_en[0], type="valuation", subject="quillora")
    assert valued and valued[0]["amount"]["value"] == 6_000_000_000


def test_every_founder_of_a_list_after_fondee_par(funding_fr) -> None:
    facts, _ = funding_fr
    for founder in ("claire-arrieta", "sanne-okafor", "teodor-lind"):
        found = _find(facts, type="cofounded", subject=founder, object="quillora")
        assert found and found[0]["when"] == {"year": 2022}, founder


def test_offices_in_several_places(funding_en) -> None:
    facts, _ = funding_en
    places = {f["place"] for f in _find(facts, type="location", subject="quillora")}
    assert places == {"lisbon", "oslo"}


def test_a_purchase_that_collapsed_and_one_denied_are_negated(deals_en, deals_fr) -> None:
    facts, _ = deals_en
    collapsed = _find(facts, type="acquired", subject="veltrax", object="numerik")
    assert collapsed and collapsed[0]["polarity"] == "negated", facts
    assert collapsed[0]["when"] == {"year": 2025, "month": 7, "day": 11}
    assert _find(facts, type="acquired", subject="orbiton", object="numerik", polarity="negated")
    facts, _ = deals_fr
    assert _find(
        facts, type="acquired", subject="zephyr-systems", object="numerik", polarity="negated"
    )


def test_an_announced_a_tried_and_a_reported_purchase_are_no_deed(deals_en, deals_fr) -> None:
    facts, _ = deals_en
    announced = _find(facts, type="acquired", subject="kestrel", object="numerik")
    assert announced and announced[0]["modality"] == "planned", facts
    said = _find(facts, type="statement", subject="kestrel")
    assert said and said[0]["when"] == {"month": 7, "day": 14}  # the announcement's day
    tried = _find(facts, type="acquired", subject="zephyr-systems", object="kestrel")
    assert tried and tried[0]["modality"] == "possible"
    facts, _ = deals_fr
    considered = _find(facts, type="acquired", subject="orbiton", object="numerik")
    assert considered and considered[0]["modality"] in ("planned", "reported")
    done = _find(facts, type="acquired", subject="kestrel", object="numerik")
    assert done and done[0].get("modality", "stated") == "stated"


def test_co_founded_the_company_with_him(deals_en) -> None:
    facts, _ = deals_en
    for founder in ("mara-quent", "ilan-roviere"):
        assert _find(facts, type="cofounded", subject=founder, object="numerik"), facts


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("Who led Quillora's round?", ["Brightwater"], ["Halden"]),
        ("Qui a mené le tour de table de Quillora ?", ["Brightwater"], ["Halden"]),
        ("Qui sont les investisseurs de Quillora ?", ["Halden", "Ostrava", "Maple Row"], []),
        ("Which investors backed Quillora?", ["Sorrel", "Tannery"], ["Verdant"]),
    ],
)
def test_the_bot_names_the_investors(funding_en, question, expected, absent) -> None:
    _, base = funding_en
    answer, _ = Engine(kb.load(base)).answer(question)
    assert answer.kind == "answer", answer.text
    assert all(fold(e) in fold(answer.text) for e in expected), answer.text
    assert not any(fold(a) in fold(answer.text.split("\n")[0]) for a in absent), answer.text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("Did Verdant Labs invest in Quillora?", "No"),
        ("Verdant Labs a-t-il investi dans Quillora ?", "Non"),
        ("Is Halden Ventures an investor in Quillora?", "Yes"),
    ],
)
def test_an_investment_verdict_follows_its_polarity(funding_en, question, starts) -> None:
    _, base = funding_en
    answer, _ = Engine(kb.load(base)).answer(question)
    assert answer.text.startswith(starts), answer.text
    assert "invest" in fold(answer.text.split("\n", 1)[-1]), answer.text  # the fact, quoted


@pytest.mark.parametrize(
    ("question", "never"),
    [
        ("Did Kestrel acquire Numerik?", "Yes"),
        ("Zephyr Systems a-t-il racheté Kestrel ?", "Oui"),
    ],
)
def test_a_planned_or_tried_purchase_never_gets_a_yes(deals_en, question, never) -> None:
    _, base = deals_en
    answer, _ = Engine(kb.load(base)).answer(question)
    assert not answer.text.startswith(never), answer.text
    said = fold(answer.text)
    assert "acqui" in said or "rachet" in said, answer.text  # what the sentence says of it


def test_who_bought_it_names_the_buyer(deals_en) -> None:
    _, base = deals_en
    answer, _ = Engine(kb.load(base)).answer("Qui rachète Numerik ?")
    assert "Kestrel" in answer.text, answer.text


def test_when_quotes_a_dated_sentence_with_no_typed_fact_in_the_askers_language(
    tmp_path,
) -> None:
    article = (
        "Numerik sort de l'ombre\n"
        "Numerik, une jeune pousse de Lyon, a dévoilé son premier robot le 3 mars 2025.\n"
    )
    _, base = _add(tmp_path, article, "numerik-robot")
    answer, _ = Engine(kb.load(base)).answer("When did Numerik unveil its first robot?")
    assert answer.kind == "answer", answer.text
    assert "March 3, 2025" in answer.text, answer.text


def test_a_report_reaches_no_further_than_its_semicolon(tmp_path) -> None:
    article = (
        "Orbiton lève 80 millions d'euros\n"
        "Orbiton a bouclé un tour de table de 80 millions d'euros.\n"
        "Le tour aurait été mené par Brightwater Partners, selon Le Courrier ; Halden Ventures et Maple Row y ont participé.\n"
    )
    facts, _ = _add(tmp_path, article, "orbiton-tour")
    led = _find(facts, type="invested", subject="brightwater-partners", object="orbiton")
    assert led and led[0]["modality"] == "reported", facts
    for investor in ("halden-ventures", "maple-row"):
        took_part = _find(facts, type="invested", subject=investor, object="orbiton")
        assert took_part and "modality" not in took_part[0], took_part


@pytest.mark.parametrize(
    ("article", "word"),
    [
        (
            "Orbiton et ses recrues\nParmi eux figure Ilan Roviere, qui était salarié de Veltrax : cet été, Mara Quent l'avait invité à rejoindre Orbiton.\nRoviere a décliné l'offre et n'a jamais rejoint Orbiton.\n",
            "décliné",
        ),
        (
            "Orbiton hires\nLast summer, Mara Quent had invited Ilan Roviere to join Orbiton.\nRoviere turned down the offer and never joined Orbiton.\n",
            "turned down",
        ),
    ],
)
def test_an_invitation_is_no_move_and_a_refusal_is_said(tmp_path, article, word) -> None:
    facts, _ = _add(tmp_path, article, "orbiton-offer")
    assert not _find(facts, type="joined", subject="mara-quent"), facts
    joins = _find(facts, type="joined", subject="ilan-roviere", object="orbiton")
    assert joins and all(
        f.get("polarity") == "negated" or f.get("modality") == "possible" for f in joins
    ), joins
    refused = [f for f in joins if f.get("polarity") == "negated"]
    assert refused and any(word in text for text in refused[0]["text"].values()), refused


@pytest.mark.parametrize(
    "article",
    [
        "Orbiton recrute\nPiotr Solberg, until then head of sales, became chief executive of Orbiton.\nSolberg later wrote on LinkedIn that the mood was very bleak.\n",
        "Orbiton recrute\nPiotr Solberg, jusqu'ici responsable des ventes, dirige désormais Orbiton.\nSolberg a ensuite écrit sur LinkedIn que l'ambiance était très morose.\n",
    ],
)
def test_a_surname_alone_is_the_person_the_article_named(tmp_path, article) -> None:
    # the base knows Ingrid Solberg ("Solberg"); the article names only Piotr Solberg
    facts, _ = _add(tmp_path, article, "orbiton-solberg")
    said = _find(facts, type="statement")
    assert said and said[0]["subject"] == "piotr-solberg", said
    assert not [f for f in facts if "ingrid-solberg" in (f["subject"], *f.get("about", []))]


def test_what_is_said_is_about_who_it_names_and_it_is_the_company_named_before(tmp_path) -> None:
    article = (
        "Orbiton, Kestrel and Numerik\n"
        "Orbiton is not buying Numerik.\n"
        "According to Tech Ledger, it is paying about $300 million for a licence to Numerik's technology.\n"
        "On Monday, July 14, Kestrel said it would acquire Numerik's product and team.\n"
    )
    facts, _ = _add(tmp_path, article, "numerik-deal")
    paid = _find(facts, type="amount", subject="orbiton")
    assert paid and paid[0]["amount"]["value"] == 300_000_000, facts
    said = _find(facts, type="statement", subject="kestrel")
    assert said and "numerik" in said[0].get("about", []), said


def test_who_leads_the_start_ups_activity_and_the_maker_an_opener_names(tmp_path) -> None:
    article = (
        "Quillora lève 1,2 milliard d'euros auprès de Brightwater\n"
        "Quillora a levé 1,2 milliard d'euros lors d'un tour de table mené par Brightwater Partners.\n"
        "Le fonds néerlandais, dirigé par Anneke Vos, investit 400 millions d'euros.\n"
        "Teodor Lind, qui avait travaillé chez Veltrax à Paris, dirige la recherche scientifique de la start-up.\n"
    )
    facts, _ = _add(tmp_path, article, "quillora-lead")
    assert _find(facts, type="leads", subject="anneke-vos", object="brightwater-partners"), facts
    research = _find(facts, type="leads", subject="teodor-lind")
    assert [f["object"] for f in research] == ["quillora"], research
    assert research[0]["role"]["fr"] == "recherche scientifique" and "place" not in research[0]


@pytest.mark.parametrize(
    ("article", "now", "before"),
    [
        (
            "Quillora change de tête\nQuillora est une start-up de robotique.\nClaire Dubois, jusqu'ici responsable des ventes de la start-up, est devenue directrice générale par intérim.\n",
            "directrice générale par intérim",
            "responsable des ventes",
        ),
        (
            "Quillora's new boss\nQuillora is a robotics start-up.\nLevy Marchetti, until now the start-up's principal scientist, was promoted to president.\n",
            "president",
            "principal scientist",
        ),
    ],
)
def test_an_appointment_is_a_current_role_and_until_then_a_past_one(
    tmp_path, article, now, before
) -> None:
    facts, _ = _add(tmp_path, article, "quillora-boss")
    roles = _find(facts, type="role", object="quillora")
    assert {(f["tense"], f["role"]["fr" if "start-up de" in article else "en"]) for f in roles} >= {
        ("current", now),
        ("past", before),
    }, roles


def test_an_appointment_names_no_organisation_the_sentence_does_not(tmp_path) -> None:
    article = (
        "Orbiton hires\nMara Quent left Veltrax in May.\nIlan Roviere was promoted to president.\n"
    )
    facts, _ = _add(tmp_path, article, "orbiton-promoted")
    assert not _find(facts, type="role", subject="ilan-roviere"), facts


@pytest.mark.parametrize(
    "article",
    [
        "Quillora attire des chercheurs\nQuillora est une jeune pousse de robotique.\nSelon le quotidien lyonnais, plus de vingt chercheurs ont quitté Veltrax, Numerik et Orbiton ces dernières semaines pour les rejoindre.\n",
        "Quillora lures researchers\nQuillora is a young robotics company.\nMore than 20 researchers have left Veltrax, Numerik and Orbiton in recent weeks to join them, according to the local paper.\n",
    ],
)
def test_counted_departures_to_join_them_are_the_article_companys_hire(tmp_path, article) -> None:
    facts, _ = _add(tmp_path, article, "quillora-hires")
    hired = _find(facts, type="hired", subject="quillora")
    assert hired, facts
    h = hired[0]
    assert h["quantity"]["value"] == 20 and h["quantity"]["qualifier"] == "more_than"
    assert h["from"] == "veltrax" and set(h["about"]) == {"numerik", "orbiton"}
    assert h["modality"] == "reported" and "attributed_to" not in h  # the paper is no entity
    for text in h["text"].values():
        assert all(name in text for name in ("Veltrax", "Numerik", "Orbiton")), text


@pytest.mark.parametrize(
    ("article", "said"),
    [
        (
            "Quillora lève des fonds\nQuillora a levé 50 millions d'euros.\nAnneke Vos, associée de Brightwater Partners, aurait décidé d'investir sur-le-champ.\n",
            "partner",
        ),
        (
            "Quillora raises money\nQuillora raised $50 million.\nAnneke Vos, a partner at Brightwater Partners, decided to invest at once.\n",
            "associé",
        ),
    ],
)
def test_a_partner_of_a_fund_is_a_role_in_both_languages(tmp_path, article, said) -> None:
    facts, _ = _add(tmp_path, article, "quillora-partner")
    role = _find(facts, type="role", subject="anneke-vos", object="brightwater-partners")
    assert role and any(said in text for text in role[0]["text"].values()), facts
    assert not _find(facts, type="invested", object="brightwater-partners")


def test_a_hyphenated_title_and_the_one_after_and_are_both_the_persons(tmp_path) -> None:
    article = (
        "Kestrel buys Numerik\n"
        "Mara Quent, Kestrel's co-founder and chief executive, struck the deal over a single weekend.\n"
    )
    facts, _ = _add(tmp_path, article, "kestrel-deal")
    assert _find(facts, type="cofounded", subject="mara-quent", object="kestrel"), facts
    roles = _find(facts, type="role", subject="mara-quent", object="kestrel")
    assert [f["role"]["en"] for f in roles] == ["chief executive"], roles


def test_investing_in_no_named_company_outside_a_round_is_no_investment(tmp_path) -> None:
    article = "Orbiton builds\nOrbiton hires from Veltrax.\nVeltrax is investing heavily in data centres this year.\n"
    facts, _ = _add(tmp_path, article, "orbiton-capex")
    assert not _find(facts, type="invested"), facts


@pytest.mark.parametrize(
    ("article", "place"),
    [
        ("Quillora grandit\nQuillora ouvre un bureau à Lisbonne.\n", "lisbonne"),
        ("Quillora grows\nQuillora opens an office in Lisbon.\n", "lisbon"),
        ("Quillora grandit\nQuillora, installée à Lyon, recrute.\n", "lyon"),
    ],
)
def test_an_office_opened_or_a_base_is_a_location(tmp_path, article, place) -> None:
    facts, _ = _add(tmp_path, article, "quillora-office")
    assert [f["place"] for f in _find(facts, type="location", subject="quillora")] == [place]


def test_a_clause_on_what_is_bought_names_no_purchase(tmp_path: Path) -> None:
    """ "buy out its early backers, led by X": X led the backers, nobody bought X."""
    text = """Numerik pays its first investors
The money allowed Numerik to buy out its early backers, led by Halden Ventures, at about $40 a share.
"""
    facts, _ = add_snippet(tmp_path, text, "buyout")
    assert not find(facts, type="acquired")


def test_a_reported_sum_comes_from_the_name_after_the_hedge(tmp_path: Path) -> None:
    """ "Selon X, A versera … à B": X reports it, not B, named later in the sentence."""
    text = """Quillon paiera Lumenic
Selon la Gazette de Brisk, Quillon versera environ 50 millions de dollars à Lumenic pour une licence.
"""
    facts, _ = add_snippet(tmp_path, text, "hedge")
    sums = [f for f in facts if f.get("amount")]
    assert sums and all(f.get("via") != "lumenic" for f in sums)
