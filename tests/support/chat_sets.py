"""The chat sets (tests/data/chat_sets/*.jsonl) answered by an engine and graded as the
curation grader grades the batch contract: `python tests/support/chat_sets.py [NAME…]`."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import grade
from paths import DATA

from bot.cli import answer_record
from bot.engine import Engine, State

SETS = DATA / "chat_sets"


@dataclass(frozen=True)
class Graded:
    case: dict
    record: dict
    problems: list[str]
    confidently_wrong: bool


def load(name: str) -> list[dict]:
    path = SETS / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run(engine: Engine, name: str) -> list[Graded]:
    """Every case in file order; cases sharing `chat` share one conversation."""
    chats: dict[str, State] = {}
    graded = []
    for case in load(name):
        chat = case.get("chat")
        answer, state = engine.answer(case["q"], chats.get(str(chat)) if chat else None)
        if chat:
            chats[str(chat)] = state
        record = answer_record(answer, case["q"], case["id"])
        graded.append(
            Graded(
                case,
                record,
                grade.grade_one(case, record, None),
                grade.confidently_wrong(case, record),
            )
        )
    return graded


def summary(name: str, graded: list[Graded]) -> str:
    passed = sum(not g.problems for g in graded)
    wrong = [g.case["id"] for g in graded if g.confidently_wrong]
    return f"{name}: {passed}/{len(graded)}, confidently wrong {len(wrong)} {' '.join(wrong)}"


def main(names: list[str]) -> None:
    from paths import KNOWLEDGE

    from bot import kb

    engine = Engine(kb.load(KNOWLEDGE))
    for name in names or sorted(p.stem for p in SETS.glob("*.jsonl")):
        graded = run(engine, name)
        for g in graded:
            if g.problems:
                print(f"FAIL {g.case['id']} {g.case['q']!r}: {'; '.join(g.problems)}")
                print(f"     -> [{g.record['kind']}] {g.record['text'][:200]!r}")
        print(summary(name, graded))


if __name__ == "__main__":
    main(sys.argv[1:])
