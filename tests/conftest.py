"""Shared fixtures: the project's knowledge base and engine, loaded once per test session, and
a private copy of the invented fixture base, free to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import DATA, KNOWLEDGE

from bot import kb
from bot.engine import Engine


@pytest.fixture(scope="session")
def base() -> kb.KnowledgeBase:
    return kb.load(KNOWLEDGE)


@pytest.fixture(scope="session")
def engine(base: kb.KnowledgeBase) -> Engine:
    return Engine(base)


@pytest.fixture
def base_dir(tmp_path: Path) -> Path:
    target = tmp_path / "base"
    shutil.copytree(DATA / "third_article", target)
    return target
