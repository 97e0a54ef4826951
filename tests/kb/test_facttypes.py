"""The fact-type table (bot/kb/facttypes.py) and the checks it drives when a base is loaded.

Broken copies of the fixture base (tests/data/third_article) show the exact `file:line` problem.
"""

from __future__ import annotations

from pathlib import Path

from base_edits import line_with, problems_of, replace_once

from bot import kb
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx


def test_every_type_has_one_row_with_a_meaning() -> None:
    assert len(ft.TYPE_NAMES) == len(set(ft.TYPE_NAMES))
    for row in ft.TABLE:
        assert row.meaning, row.name
        assert row.answers | row.also_answers <= set(ft.RELATIONS), row.name


def test_every_relation_the_lexicons_evoke_is_answered_by_the_table() -> None:
    assert set(lx.RELATION_CUES) <= set(ft.RELATIONS)


def test_moves_name_their_mover_source_and_destination_fields() -> None:
    fields = set(kb.Fact.model_fields)
    for name in ft.MOVE_FACT_TYPES:
        move = ft.FACT_TYPES[name].move
        assert {move.mover, move.source, move.dest} <= fields, name


def test_a_move_without_what_was_joined_is_reported(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    replace_once(
        facts, "    object: lumenic\n    from: vectoria-labs\n", "    from: vectoria-labs\n"
    )
    line = line_with(facts, "type: joined")

    assert problems_of(base_dir) == [
        f"{facts}:{line}: facts[0].type: a 'joined' fact needs `object`"
    ]


def test_a_field_the_type_does_not_have_is_reported(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    replace_once(
        facts, "    when: {year: 2019}\n", "    when: {year: 2019}\n    to: nordkapp-ventures\n"
    )
    line = line_with(facts, "    to: nordkapp-ventures")

    (problem,) = problems_of(base_dir)
    assert problem.startswith(f"{facts}:{line}: facts[3].to: a 'founded' fact has no `to`")


def test_a_day_that_does_not_exist_is_reported(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    replace_once(facts, "    when: {month: 3}\n", "    when: {month: 2, day: 31}\n")
    line = line_with(facts, "when: {month: 2, day: 31}")

    assert problems_of(base_dir) == [f"{facts}:{line}: facts[0].when.day: no day 31 in month 2"]


def test_a_leap_day_without_a_year_is_accepted(base_dir: Path) -> None:
    replace_once(
        base_dir / "facts.yaml", "    when: {month: 3}\n", "    when: {month: 2, day: 29}\n"
    )

    assert kb.load(base_dir).facts[0].when.day == 29


def test_a_part_of_cycle_is_reported(base_dir: Path) -> None:
    entities = base_dir / "entities.yaml"
    replace_once(
        entities,
        "    name: {fr: Lumenic, en: Lumenic}\n",
        "    name: {fr: Lumenic, en: Lumenic}\n    part_of: lumenic-tampere-lab\n",
    )

    lumenic_line = line_with(entities, "part_of: lumenic-tampere-lab")
    lines = entities.read_text(encoding="utf-8").splitlines()
    lab_line = lines.index("    part_of: lumenic") + 1
    assert problems_of(base_dir) == [
        f"{entities}:{lumenic_line}: entities[4].part_of: part_of cycle: "
        "lumenic -> lumenic-tampere-lab -> lumenic",
        f"{entities}:{lab_line}: entities[7].part_of: part_of cycle: "
        "lumenic-tampere-lab -> lumenic -> lumenic-tampere-lab",
    ]
