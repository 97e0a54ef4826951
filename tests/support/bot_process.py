"""The bot as a real process (`run()` with the canned engine), pointed at a fake Bot API."""

from __future__ import annotations

import os
import subprocess
import sys

from paths import REPO, TESTS

from bot.testing.fake_bot_api import FakeBotAPI

# What `python -m bot` does once a token is configured, with the canned engine.
ENTRY_POINT = f"""
import sys
sys.path.insert(0, {str(TESTS / "support")!r})
from fake_engine import FakeEngine
from bot.settings import Settings
from bot.frontends.telegram.app import run
sys.exit(run(Settings(_env_file=None), FakeEngine()))
"""


def start_bot(
    api: FakeBotAPI, token: str | None = None, *, entry_point: str = ENTRY_POINT, **env: str
) -> subprocess.Popen[str]:
    """Start the bot for `api` (its token unless `token`); MERCATO_DATA_DIR is inherited.

    `entry_point`: the program run (default: `run()` with the canned engine)."""
    variables = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token or api.token,
        "TELEGRAM_BASE_URL": api.base_url,
        "MERCATO_LOG_LEVEL": "INFO",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-c", entry_point],
        cwd=REPO,
        env=variables,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
