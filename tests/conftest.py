"""Shared fixtures: the tests' frozen copy of the knowledge base (tests/data/base, never
knowledge/) and its engine, loaded once per test session, the reviewed curation bases, built
once, and a private copy of the invented fixture base, free to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import DATA, KNOWLEDGE
from review_overlay import REVIEWED_ARTICLES, build_reviewed

from bot import kb
from bot.engine import Engine


@pytest.fixture(scope="session")
def base() -> kb.KnowledgeBase:
    return kb.load(KNOWLEDGE)  # the tests' frozen base, not knowledge/


@pytest.fixture(scope="session")
def engine(base: kb.KnowledgeBase) -> Engine:
    return Engine(base)


@pytest.fixture
def base_dir(tmp_path: Path) -> Path:
    target = tmp_path / "base"
    shutil.copytree(DATA / "third_article", target)
    return target


@pytest.fixture(scope="session")
def reviewed_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The project's base plus each curation article, added by `add` then reviewed (the
    overlays of tests/data/curation/reviewed/); built once, read only."""
    root = tmp_path_factory.mktemp("reviewed")
    return {name: build_reviewed(name, root / name) for name in REVIEWED_ARTICLES}
