"""Articles written for a test, added zero-edit to a copy of the invented fixture base
(tests/data/third_article)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from paths import DATA

from bot import kb
from bot.curation.writer import add_article


def add_snippet(tmp: Path, text: str, article: str) -> tuple[list[dict], Path]:
    """The facts `add` drafted from `text` (as facts.yaml holds them), and the base's folder;
    the base must load after `add`."""
    base = tmp / article
    shutil.copytree(DATA / "third_article", base)
    add_article(text, base, id=article)
    kb.load(base)
    facts = yaml.safe_load((base / "facts.yaml").read_text(encoding="utf-8"))["facts"]
    return [f for f in facts if f["citations"][0].get("ref", "").startswith(article + ":")], base


def find(facts: list[dict], **slots: object) -> list[dict]:
    """The facts whose slots hold all of these values."""
    return [f for f in facts if all(f.get(k) == v for k, v in slots.items())]
