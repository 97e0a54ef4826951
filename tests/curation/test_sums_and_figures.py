# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Sums and figures as the sentence tells them: an offer to someone whose offerer goes unnamed
is the article's company's, inferred; a sum someone tells of is theirs to claim; a day beside
its month and a percentage are no counts; leading a company's funding round is not leading it;
the person a company is named after ("le groupe de X") is not who served in it; the French
conditional reports the titles and leads it tells."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

ARTICLE = """Orbiton courts Lumenic's engineers
On 24 March 2025, Orbiton hired Ada Lind, a co-founder of Lumenic, and much of its engineering staff.
Ada Lind was reportedly offered a package worth up to $900 million over five years.
Bo Strand, the chief executive of Nordfund, the investment firm that led Lumenic's latest funding round, told Signal Weekly that Orbiton had agreed to pay $4 billion in cash.
About 80% of Lumenic's employees are moving to Orbiton, and its shareholders will get around 60% paid upfront.
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory) -> list[dict]:
    drafted, _ = add_snippet(tmp_path_factory.mktemp("sums"), ARTICLE, "orbiton-sums")
    return drafted


def test_an_offer_no_one_is_named_to_make_is_the_article_company_s_reported(facts) -> None:
    offers = [f for f in find(facts, type="amount") if f.get("object", "").startswith("ada")]
    assert len(offers) == 1
    assert offers[0]["subject"].startswith("orbiton")
    assert offers[0]["amount"]["value"] == 900_000_000
    assert offers[0].get("modality") == "reported"


def test_a_sum_someone_tells_of_is_reported_and_theirs(facts) -> None:
    told = [f for f in find(facts, type="amount") if f["amount"]["value"] == 4_000_000_000]
    assert len(told) == 1
    assert told[0].get("modality") == "reported"
    assert told[0].get("attributed_to", "").startswith("bo")


def test_a_day_and_a_percentage_are_no_counts(facts) -> None:
    counted = [f["quantity"]["value"] for f in find(facts, type="count")]
    assert 24 not in counted and 60 not in counted and 80 not in counted


def test_leading_a_funding_round_is_not_leading_the_company(facts) -> None:
    assert not [f for f in find(facts, type="leads") if f.get("object", "").startswith("lumenic")]


OWNED = """Ada Lind quitte Orbiton
Ada Lind, la chercheuse qui a fondé le laboratoire Nordlab d'Orbiton, a confirmé qu'elle quittait le groupe de Bo Strand, après douze ans passés comme directrice fondatrice de Nordlab, pendant cinq ans, puis comme directrice scientifique, pendant sept ans.
"""


def test_a_person_named_as_a_company_s_owner_is_not_the_one_who_served(tmp_path) -> None:
    drafted, _ = add_snippet(tmp_path, OWNED, "ada-lind-quitte")
    served = [f for f in drafted if f["type"] in ("role", "duration")]
    assert served and all(f["subject"].startswith("ada") for f in served)


WHOSE = """Orbiton weighs its options
If the reported figure is right, the payment would be close to three times the $3 billion valuation that Lumenic reached in May 2025, when it raised $400 million from backers including Nordfund, and it would dwarf the $2 billion that Orbiton paid for Vectoria Labs in 2019.
"""


def test_a_sum_belongs_to_who_its_clause_says(tmp_path) -> None:
    """ "the $N valuation that X reached", "when it raised" (it: the X named before), "the $N
    that Y paid": each sum is its own clause's subject's, not the nearest name's."""
    drafted, _ = add_snippet(tmp_path, WHOSE, "orbiton-whose")
    owners = {
        f["amount"]["value"]: (f["type"], f["subject"])
        for f in drafted
        if f.get("amount") and f["type"] != "mention"
    }
    assert owners[400_000_000][1].startswith("lumenic")
    assert owners[2_000_000_000][1].startswith("orbiton")
    assert owners[3_000_000_000] == ("valuation", owners[400_000_000][1])


CONDITIONAL = """Lumenic se réorganise
Ada Lind deviendrait directrice générale de Lumenic, tandis que Bo Strand, ancien ingénieur de Vectoria Labs, prendrait la direction scientifique de Lumenic.
"""


def test_the_french_conditional_reports_titles_and_leads(tmp_path) -> None:
    drafted, _ = add_snippet(tmp_path, CONDITIONAL, "lumenic-conditionnel")
    told = [
        f
        for f in drafted
        if f["type"] in ("role", "leads") and f.get("object", "").startswith("lumenic")
    ]
    assert told
    assert all(f.get("modality") == "reported" for f in told), told


def test_an_offer_made_by_a_named_company_is_that_company_s(tmp_path) -> None:
    article = """Lumenic loses Ada Lind
Ada Lind was reportedly offered a package worth $500 million by Vectoria Labs.
"""
    drafted, _ = add_snippet(tmp_path, article, "lumenic-loses")
    offers = [f for f in find(drafted, type="amount") if f.get("object", "").startswith("ada")]
    assert [f["subject"] for f in offers] == ["vectoria-labs"]
