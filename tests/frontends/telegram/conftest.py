"""Fixtures of the Telegram tests: the fake Bot API, a canned engine, the bot polling the fake."""

from __future__ import annotations

import pytest
from fake_engine import FakeEngine
from telegram_helpers import settings_for

from bot.frontends.telegram import intake
from bot.frontends.telegram.app import build_application, polling
from bot.testing.fake_bot_api import FakeBotAPI


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test's own MERCATO_DATA_DIR (the SQLite store), for its bots and their processes."""
    directory = tmp_path / "data"
    monkeypatch.setenv("MERCATO_DATA_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def quick_answer_retries(monkeypatch):
    """In-process bots answer a failed update again after 50 ms, then 100, 200 ms (not 1 s…)."""
    monkeypatch.setattr(intake, "ANSWER_PAUSES", (0.05, 0.2))


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
def canned():
    return FakeEngine()


@pytest.fixture
async def bot(api, canned):
    """The Mercato application with the canned engine, polling the fake until the test ends."""
    application = build_application(settings_for(api), canned)
    async with polling(application):
        yield application
