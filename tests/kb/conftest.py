"""A private copy of the invented fixture base, free to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import DATA


@pytest.fixture
def base_dir(tmp_path: Path) -> Path:
    target = tmp_path / "base"
    shutil.copytree(DATA / "third_article", target)
    return target
