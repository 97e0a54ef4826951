"""Shared fixtures: the project's knowledge base and engine, loaded once per test session."""

from __future__ import annotations

import pytest

from bot import kb
from bot.engine import Engine
from bot.settings import DEFAULT_KNOWLEDGE_DIR


@pytest.fixture(scope="session")
def base() -> kb.KnowledgeBase:
    return kb.load(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def engine(base: kb.KnowledgeBase) -> Engine:
    return Engine(base)
