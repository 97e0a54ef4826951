# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Moves read through what stands between a subject and its verb (an apposition, a relative
clause) and through what a sentence says twice ("the company" for the organisation named
before), on invented sentences."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

TITLED = """Lumenic loses a co-founder of Vectoria Labs
Ingrid Solberg, a co-founder of Vectoria Labs, the start-up that Helena Varga unveiled on 3 May 2024, has left the company for Lumenic, according to Signal Boreal.
"""


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("titled"), TITLED, "titled-en")[0]


def test_the_company_is_the_one_the_movers_title_names(titled) -> None:
    left = find(titled, type="left", subject="ingrid-solberg", object="vectoria-labs", to="lumenic")
    assert left and left[0]["modality"] == "reported"


def test_a_person_inside_the_title_does_not_move(titled) -> None:
    assert not [f for f in titled if f["subject"] == "helena-varga" and f["type"] in ("left", "joined")]
