"""The project installs as a normal package: the wheel carries the knowledge base and the
lexicons, and the command line finds them from any working directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from commands import mercato, ok
from paths import PROJECT_KNOWLEDGE as KNOWLEDGE
from paths import REPO

from bot.settings import DEFAULT_KNOWLEDGE_DIR


def test_the_default_knowledge_base_is_the_projects() -> None:
    assert KNOWLEDGE.resolve() == DEFAULT_KNOWLEDGE_DIR


def test_the_wheel_ships_the_knowledge_base(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("mercato-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"bot/knowledge/{path.relative_to(KNOWLEDGE).as_posix()}"
        for path in KNOWLEDGE.rglob("*")
        if path.is_file()
    }
    assert shipped <= names, sorted(shipped - names)
    assert not any(name.startswith(("tests/", "knowledge/")) for name in names)


def test_ask_answers_from_another_directory(tmp_path: Path, env: dict[str, str]) -> None:
    answer = ok(mercato("ask", "Who founded xAI?", env=env, cwd=tmp_path))

    assert "xAI" in answer


def test_a_pipe_closed_early_ends_quietly(env: dict[str, str]) -> None:
    command = f"{sys.executable} -m bot batch | head -c 1"
    lines = "".join(f'{{"id": {i}, "question": "Who joined xAI?"}}\n' for i in range(300))
    result = subprocess.run(
        ["bash", "-c", command], input=lines, env=env, cwd=REPO,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
