# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Who did what in a long sentence read word by word: a title's organisation is the one
written before it ("the Zeta co-founder"), the person after "by" steered or led, nobody hired
them, a unit is also called by its name without its owner's, and "two of their leaders"
counts no one."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

ARTICLE = """Veltrax poursuit ses recrutements chez Lumenic Orbiton
Veltrax has hired roughly two dozen engineers from Lumenic Orbiton over the past six months, according to reports published by Wirepost and the Daily Ledger on 22 July 2025, in a recruiting drive steered by Ada Lind, the Orbiton co-founder who now runs Veltrax Labs.
Bo Strand, an engineer at Orbiton, left in May, while pointing out that Ilse Varga and Omar Haddou, two of their own leaders, had opposed the practice.
"""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> tuple[list[dict], dict]:
    import yaml

    facts, base = add_snippet(tmp_path_factory.mktemp("titles"), ARTICLE, "veltrax-orbiton")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    return facts, {e["id"]: e for e in entities}


def test_a_title_belongs_to_the_organisation_written_before_it(drafted) -> None:
    facts, _ = drafted
    founded = [f for f in facts if f["type"] in ("founded", "cofounded")]
    assert founded, "the co-founder's title gave no founding"
    assert {(f["subject"], f["object"]) for f in founded} == {("ada-lind", "lumenic-orbiton")}


def test_the_person_after_by_is_not_the_one_hired(drafted) -> None:
    facts, _ = drafted
    assert not find(facts, type="hired", object="ada-lind")
    assert not [
        f for f in facts if f["type"] == "hired" and f["subject"] in ("wirepost", "daily-ledger")
    ]


def test_a_unit_is_also_called_by_its_name_past_its_owners(drafted) -> None:
    _, entities = drafted
    unit = entities["lumenic-orbiton"]
    assert unit["type"] == "unit" and unit.get("part_of") == "lumenic"
    assert "Orbiton" in unit.get("aliases", [])
    assert "orbiton" not in entities  # the short name is the unit, not a new entity


def test_some_of_a_group_is_no_count_of_it(drafted) -> None:
    facts, _ = drafted
    counts = [f for f in facts if f["type"] == "count"]
    assert not [f for f in counts if f["quantity"]["value"] == 2]
