"""`add`, `review` and `sentences` as users run them: a real process on a copy of a base."""

from __future__ import annotations

import shutil

from commands import mercato, ok
from paths import DATA


def test_add_from_stdin_then_review_then_check(env, tmp_path) -> None:
    base = tmp_path / "base"
    shutil.copytree(DATA / "third_article", base)
    text = (DATA / "curation" / "nebulon-fr.txt").read_text(encoding="utf-8")

    added = ok(
        mercato("add", "-", "--id", "nebulon", "--knowledge", str(base), env=env, stdin=text)
    )
    assert "draft facts:" in added and "review: python -m bot review nebulon" in added
    assert (base / "articles" / "nebulon.txt").exists()
    assert "Amélie Desrosiers" in ok(mercato("review", "--knowledge", str(base), env=env))
    assert "nebulon:2  Depuis l’automne" in ok(
        mercato("sentences", "nebulon", "--knowledge", str(base), env=env)
    )
    assert "await review" in ok(mercato("check", str(base), env=env))
