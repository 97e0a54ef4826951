"""`python -m bot check --impact`: which answers a change of the knowledge base changes.

The project's question sets (YAML lists of items with `id` and `question`, items sharing `chat`
asked in one conversation, `context` items only setting one up, as the tests read them) are
answered twice: on the base as last committed (`git show HEAD:…` into a temporary directory)
and on the working tree's. Every answer whose kind or text changed is listed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import kb
from bot.engine import Engine, State
from bot.model import Answer


class ImpactError(Exception):
    """Nothing to compare: no question set, or the committed base cannot be read (no git, not a
    repository, nothing committed)."""


@dataclass(frozen=True)
class Change:
    key: str  # "set.yaml:item-id"
    question: str
    before: Answer
    after: Answer


def default_sets_dir(knowledge_dir: Path) -> Path:
    """`tests/data` of the project that holds `knowledge_dir`."""
    return Path(knowledge_dir).resolve().parent / "tests" / "data"


def question_sets(directory: Path) -> Iterator[tuple[str, list[dict]]]:
    """(file name, items) of every YAML file of `directory` that is a list of questions."""
    for path in sorted(Path(directory).glob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(items, list) and all(isinstance(i, dict) and "question" in i for i in items):
            yield path.name, items


def answer_all(engine: Engine, items: list[dict]) -> dict[str, tuple[str, Answer]]:
    """Each item's (question, answer), keyed by id; items sharing `chat` share a conversation."""
    chats: dict[str, State] = {}
    answers = {}
    for n, item in enumerate(items):
        chat = item.get("chat")
        answer, state = engine.answer(str(item["question"]), chats.get(chat) if chat else None)
        if chat:
            chats[chat] = state
        if not item.get("context"):
            answers[str(item.get("id", n))] = (str(item["question"]), answer)
    return answers


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise ImpactError("git is not available: cannot read the committed base") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise ImpactError(f"git {' '.join(args[:2])} failed: {message}")
    return done.stdout


def export_committed(knowledge_dir: Path, target: Path) -> Path:
    """Write the base as committed at HEAD into `target`; return it."""
    knowledge_dir = Path(knowledge_dir).resolve()
    top = Path(_git(knowledge_dir, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    prefix = knowledge_dir.relative_to(top).as_posix()
    names = _git(top, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", prefix)
    files = [n for n in names.decode("utf-8").split("\0") if n]
    if not files:
        raise ImpactError(f"nothing committed under {prefix}/ at HEAD")
    for name in files:
        path = target / Path(name).relative_to(prefix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_git(top, "show", f"HEAD:{name}"))
    return target


def _same(a: Answer, b: Answer) -> bool:
    return a.kind == b.kind and a.text == b.text


def impact(knowledge_dir: Path, sets_dir: Path) -> tuple[list[Change], int]:
    """Answers changed between the committed base and the working tree's, and how many were
    compared. Raises ImpactError (no committed base) or kb.KnowledgeError (a broken base)."""
    sets = list(question_sets(sets_dir))
    if not sets:
        raise ImpactError(f"no question set in {sets_dir} (YAML lists of questions)")
    after = Engine(kb.load(knowledge_dir))
    temp = Path(tempfile.mkdtemp(prefix="mercato-impact-"))
    try:
        before = Engine(kb.load(export_committed(knowledge_dir, temp / "knowledge")))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    changes, total = [], 0
    for name, items in sets:
        old, new = answer_all(before, items), answer_all(after, items)
        total += len(new)
        for item_id, (question, answer) in new.items():
            if not _same(old[item_id][1], answer):
                changes.append(Change(f"{name}:{item_id}", question, old[item_id][1], answer))
    return changes, total


def first_line(answer: Answer) -> str:
    return f"[{answer.kind}] {(answer.text.splitlines() or [''])[0]}"


def report(changes: list[Change], total: int) -> list[str]:
    lines = []
    for change in changes:
        lines.append(f"{change.key}: {change.question}")
        lines.append(f"  {first_line(change.before)}")
        lines.append(f"  → {first_line(change.after)}")
    lines.append(f"{len(changes)} of {total} answer(s) changed")
    return lines
