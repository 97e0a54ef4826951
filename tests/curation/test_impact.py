"""`python -m bot check --impact` (bot/curation/impact.py) on a git repository made for the test:
the fixture base committed, one fact changed in the working tree, four questions asked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from base_edits import replace_once
from paths import DATA, REPO

QUESTIONS = """\
- id: count
  question: Combien d'ingénieurs Lumenic a-t-il recrutés chez Vectoria Labs ?
- id: founder
  question: Who founded Lumenic?
- id: tampere
  question: Qui dirige le laboratoire de Lumenic à Tampere ?
- id: weather
  question: What's the weather like in Paris?
"""


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def run_impact(knowledge: Path, sets: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", str(knowledge), "--impact", "--sets", str(sets)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "project"
    shutil.copytree(DATA / "third_article", root / "knowledge")
    (root / "sets").mkdir()
    (root / "sets" / "questions.yaml").write_text(QUESTIONS, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "knowledge")
    git(root, "commit", "-q", "-m", "base")
    return root


def test_impact_lists_the_answers_a_changed_fact_changes(repo: Path) -> None:
    facts = repo / "knowledge" / "facts.yaml"
    replace_once(facts, "quantity: {value: 9,", "quantity: {value: 12,")
    replace_once(
        facts,
        'fr: "Depuis janvier, Lumenic a recruté au moins 9 ',
        'fr: "Depuis janvier, Lumenic a recruté au moins 12 ',
    )
    replace_once(
        facts,
        'en: "Since January, Lumenic has hired at least 9 ',
        'en: "Since January, Lumenic has hired at least 12 ',
    )

    result = run_impact(repo / "knowledge", repo / "sets")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("knowledge base OK", 1)[1].splitlines()
    report = lines[lines.index(next(x for x in lines if x.startswith("questions.yaml:"))) :]
    assert report[0] == (
        "questions.yaml:count: Combien d'ingénieurs Lumenic a-t-il recrutés chez Vectoria Labs ?"
    )
    assert report[1].startswith("  [answer]") and "9" in report[1]
    assert report[2].startswith("  → [answer]") and "12" in report[2]
    assert report[3:] == ["1 of 4 answer(s) changed"]


def test_impact_with_nothing_changed_lists_nothing(repo: Path) -> None:
    result = run_impact(repo / "knowledge", repo / "sets")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 of 4 answer(s) changed"


def test_impact_outside_a_git_repository_says_why(tmp_path: Path) -> None:
    shutil.copytree(DATA / "third_article", tmp_path / "knowledge")
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "questions.yaml").write_text(QUESTIONS, encoding="utf-8")

    result = run_impact(tmp_path / "knowledge", tmp_path / "sets")

    assert result.returncode == 2
    assert result.stderr.startswith("check --impact: git rev-parse")
