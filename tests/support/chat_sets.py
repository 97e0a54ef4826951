"""The chat sets (tests/data/chat_sets/*.jsonl) answered by an engine and graded as the
curation grader grades the batch contract: `python tests/support/chat_sets.py [NAME…]`."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import grade
from paths import DATA

from bot.cli import answer_record
from bot.engine import Conversation, Engine

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
    chats: dict[str, Conversation] = {}
    graded = []
    for case in load(name):
        chat = case.get("chat")
        context = chats.setdefault(str(chat), Conversation()) if chat else Conversation()
        record = answer_record(engine.answer(case["q"], context), case["q"], case["id"])
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
    from bot import kb
    from bot.settings import DEFAULT_KNOWLEDGE_DIR

    engine = Engine(kb.load(DEFAULT_KNOWLEDGE_DIR))
    for name in names or sorted(p.stem for p in SETS.glob("*.jsonl")):
        graded = run(engine, name)
        for g in graded:
            if g.problems:
                print(f"FAIL {g.case['id']} {g.case['q']!r}: {'; '.join(g.problems)}")
                print(f"     -> [{g.record['kind']}] {g.record['text'][:200]!r}")
        print(summary(name, graded))


if __name__ == "__main__":
    main(sys.argv[1:])
