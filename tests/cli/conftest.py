"""The environment every command of the command-line tests runs in."""

from __future__ import annotations

from pathlib import Path

import pytest
from commands import clean_env


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No token, the data directory in tmp_path, UTF-8 streams, `bot` importable."""
    return clean_env(tmp_path)
