"""`python -m bot check [DIR]`: validate the knowledge base and print counts or problems."""

from __future__ import annotations

import sys
from pathlib import Path

from bot import kb


def run_check(directory: Path) -> int:
    """Print every problem as `file:line: path: message` (exit 1) or the base's counts (exit 0)."""
    try:
        base = kb.load(directory)
    except kb.KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {directory}", file=sys.stderr)
        return 1
    coverage = 100 * base.covered_sentences / base.total_sentences if base.total_sentences else 0
    by_type: dict[str, int] = {}
    for entity in base.entities.values():
        by_type[entity.type] = by_type.get(entity.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    print(f"knowledge base OK: {directory}")
    print(f"  articles:  {len(base.articles)}")
    print(f"  sentences: {base.total_sentences}")
    print(f"  entities:  {len(base.entities)} ({kinds})")
    print(f"  facts:     {len(base.facts)} ({len({f.type for f in base.facts})} types)")
    print(
        f"  coverage:  {base.covered_sentences}/{base.total_sentences} sentences "
        f"cited or marked as context ({coverage:.0f}%)"
    )
    return 0
