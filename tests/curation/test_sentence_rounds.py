# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""A funding round's lead and participants, a valuation after its sum, titles in pieces and
clauses that name no one, on invented sentences."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

ARTICLE = """Vectoria Labs raises a seed round
In July, Vectoria Labs closed a $2 billion seed round at a $12 billion valuation, one of the largest ever, led by Nordkapp Ventures alongside Lumenic and Quillstone.
Ingrid Solberg, previously Lumenic's vice-president of research, became chief technology officer, and Helena Varga, a Lumenic co-founder who had spent barely five months at Orbiton, joined as chief scientist.
Tomasz Wierzbicki built his team from Lumenic, while others arrived from Orbiton and Quillstone, and the company has not said who will take over.
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("rounds"), ARTICLE, "rounds-en")[0]


def test_the_lead_investor_and_those_alongside(facts) -> None:
    lead = find(facts, type="invested", subject="nordkapp-ventures", object="vectoria-labs")
    assert lead and lead[0]["role"]["en"] == "lead investor"
    for beside in ("lumenic", "quillstone"):
        took_part = find(facts, type="invested", subject=beside, object="vectoria-labs")
        assert took_part and "role" not in took_part[0], beside


def test_a_valuation_named_after_its_sum(facts) -> None:
    valued = find(facts, type="valuation", subject="vectoria-labs")
    assert valued and valued[0]["amount"]["value"] == 12_000_000_000
    assert not [f for f in find(facts, type="amount") if f["amount"]["value"] == 12_000_000_000]


def test_a_hyphenated_title_is_one_past_role(facts) -> None:
    roles = find(facts, type="role", subject="ingrid-solberg", object="lumenic")
    assert [(r["role"]["en"], r["tense"]) for r in roles] == [
        ("vice-president of research", "past")
    ]


def test_a_founders_title_names_its_company_before_a_relative_clause(facts) -> None:
    assert find(facts, type="cofounded", subject="helena-varga", object="lumenic")
    assert not find(facts, type="cofounded", object="orbiton")


def test_others_arriving_and_an_unsaid_statement_name_no_one(facts) -> None:
    moves = [f for f in facts if f["type"] in ("joined", "left", "hired", "statement")]
    assert not [f for f in moves if f["citations"][0]["ref"].endswith(":2")]
