"""The project installs as a normal package: the wheel carries the knowledge base (read only) and
the lexicons, and the command line finds them from any working directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from commands import mercato, ok
from paths import PROJECT_KNOWLEDGE as KNOWLEDGE
from paths import REPO

from bot import __version__
from bot.settings import SHIPPED_KNOWLEDGE_DIR

# What a build must not see of the checkout: it builds in a copy, so that nothing it leaves
# (build/, *.egg-info) reaches a later wheel.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "data"
)


def test_a_source_tree_ships_its_own_knowledge_directory() -> None:
    assert KNOWLEDGE.resolve() == SHIPPED_KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a copy of the checkout."""
    copy = tmp_path_factory.mktemp("checkout") / "mercato"
    shutil.copytree(REPO, copy, ignore=NOT_COPIED, symlinks=True)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (built,) = out.glob("mercato-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory where the wheel is installed, as site-packages would hold it."""
    target = tmp_path_factory.mktemp("site-packages")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return target


def as_installed(env: dict[str, str], site: Path) -> dict[str, str]:
    """The environment of a command run from the installed wheel, not from the checkout, with
    no base configured: the installed bot finds its own."""
    installed = {**env, "PYTHONPATH": str(site)}
    installed.pop("MERCATO_KNOWLEDGE_DIR")
    return installed


def test_the_installed_bot_answers_from_its_base_in_any_directory(
    installed: Path, env: dict[str, str], tmp_path: Path
) -> None:
    shutil.copy(REPO / ".env.example", tmp_path / ".env")  # as a deployer would start
    out = ok(
        mercato("ask", "Who founded xAI?", "--json", env=as_installed(env, installed), cwd=tmp_path)
    )
    assert json.loads(out)["kind"] == "answer"


def test_adding_to_the_installed_base_is_refused_in_one_line(
    installed: Path, env: dict[str, str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("A title\n\nSomeone joined Somewhere in 2025.\n", encoding="utf-8")
    shipped = installed / "bot" / "knowledge"
    before = sorted(p.name for p in shipped.rglob("*"))
    result = mercato(
        "add",
        str(article),
        "--knowledge",
        str(shipped),
        env=as_installed(env, installed),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "read only" in result.stderr
    assert sorted(p.name for p in shipped.rglob("*")) == before


def test_adding_with_no_base_here_names_the_missing_base(
    installed: Path, env: dict[str, str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("A title\n\nSomeone joined Somewhere in 2025.\n", encoding="utf-8")
    result = mercato("add", str(article), env=as_installed(env, installed), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "knowledge" in result.stderr
    assert not (installed / "bot" / "knowledge" / "articles" / "article.txt").exists()


def test_the_wheel_ships_exactly_the_knowledge_base(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {name for name in names if name.startswith("bot/knowledge/")}
    base = {
        f"bot/knowledge/{path.relative_to(KNOWLEDGE).as_posix()}"
        for path in KNOWLEDGE.rglob("*")
        if path.is_file()
    }
    assert shipped == base
    assert not any(name.startswith(("tests/", "knowledge/", "build/")) for name in names)


def test_the_wheel_says_its_licence_authors_and_addresses(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        fields = Parser().parsestr(archive.read(metadata).decode())
    assert fields["License-Expression"] and fields["Author-email"]
    assert fields.get_all("Project-URL")
    assert 'extra == "graph"' in " ".join(fields.get_all("Requires-Dist"))


def test_ask_answers_from_another_directory(tmp_path: Path, env: dict[str, str]) -> None:
    out = ok(mercato("ask", "Who founded xAI?", "--json", env=env, cwd=tmp_path))

    assert json.loads(out)["kind"] == "answer"


def test_version(env: dict[str, str]) -> None:
    assert ok(mercato("--version", env=env)).strip() == f"mercato {__version__}"


def test_a_pipe_closed_early_ends_quietly(env: dict[str, str]) -> None:
    command = f"{sys.executable} -m bot batch | head -c 1"
    lines = "".join(f'{{"id": {i}, "question": "Who joined xAI?"}}\n' for i in range(300))
    result = subprocess.run(
        ["bash", "-c", command], input=lines, env=env, cwd=REPO,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
