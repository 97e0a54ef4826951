"""The review pass on the curation articles (tests/data/curation/): `add`, then a curator's edits
kept as overlays in tests/data/curation/reviewed/ (tests/support/review_overlay.py). The reviewed
base checks with no draft left and answers the questions written before `add` at least as well
as measured after review (floors; zero-edit was nebulon-fr 13/14, halcyon-en 14/14; neb-13, an
English question with French names read as French, is not a curation matter)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from devset_runner import run_devset
from paths import DATA

from bot import kb
from bot.cli import check
from bot.engine import Engine

CURATION = DATA / "curation"
# name: questions passed after review (the measured floor); the bases are built once per
# session (tests/conftest.py, `reviewed_dirs`).
REVIEWED = {"nebulon-fr": 13, "halcyon-en": 14}


@pytest.fixture(params=list(REVIEWED))
def reviewed(request, reviewed_dirs: dict[str, Path]) -> tuple[str, Path]:
    return request.param, reviewed_dirs[request.param]


def test_reviewed_base_checks_with_no_draft_left(reviewed) -> None:
    _, directory = reviewed
    out = io.StringIO()
    assert check(directory, out=out, err=io.StringIO()) == 0, out.getvalue()
    assert "await review" not in out.getvalue()
    assert "warning:" not in out.getvalue()


def test_reviewed_base_scores_at_least_its_floor(reviewed) -> None:
    name, directory = reviewed
    items = yaml.safe_load((CURATION / f"{name}.questions.yaml").read_text(encoding="utf-8"))
    outcomes = run_devset(Engine(kb.load(directory)), items)
    assert sum(not o.problems for o in outcomes) >= REVIEWED[name], [
        (o.item["id"], o.problems) for o in outcomes if o.problems
    ]
