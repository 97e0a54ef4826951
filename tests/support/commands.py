"""Running `python -m bot` as users do: a real process, a clean environment, a time limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import KNOWLEDGE, REPO

TIMEOUT = 60  # seconds; a command that hangs fails its test instead of the whole run
FAKE_TOKEN = "999999:obviously-FAKE-token-for-Mercato-tests"


def clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment of every command: no token, the cache in tmp_path, UTF-8 streams."""
    clean = {
        name: value
        for name, value in os.environ.items()
        # PYTHONUNBUFFERED would hide a missing flush: users' pipes are block-buffered
        if not name.startswith(("TELEGRAM_", "MERCATO_")) and name != "PYTHONUNBUFFERED"
    }
    return {
        **clean,
        "TELEGRAM_BOT_TOKEN": "",
        "MERCATO_DATA_DIR": str(tmp_path / "data"),
        # the tests' frozen base: what the commands answer does not change with knowledge/
        "MERCATO_KNOWLEDGE_DIR": str(KNOWLEDGE),
        "PYTHONIOENCODING": "utf-8",
        # `bot` importable from any working directory, installed or not
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }


def mercato(
    *args: str, env: dict[str, str], cwd: Path = REPO, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` with `stdin` as its input (none: an empty input)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        input=stdin or "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The standard output of a command that must have succeeded quietly."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout
