"""Breaking copies of a knowledge base on purpose, and reading what the loader says of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

from bot import kb


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> None:
    text = read(path)
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def lines_with(path: Path, needle: str) -> list[int]:
    """1-based numbers of the lines of `path` that contain `needle`."""
    return [n for n, line in enumerate(read(path).splitlines(), 1) if needle in line]


def line_with(path: Path, needle: str) -> int:
    """1-based number of the only line of `path` that contains `needle`."""
    found = lines_with(path, needle)
    assert len(found) == 1, f"{needle!r} is on lines {found} of {path}"
    return found[0]


def problems_of(directory: Path) -> list[str]:
    """Every problem the loader reports for the base in `directory` (it must refuse it)."""
    with pytest.raises(kb.KnowledgeError) as info:
        kb.load(directory)
    return info.value.problems


def run_check(directory: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bot check DIRECTORY` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", str(directory)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
