"""Replies are short by default: the answer first, then at most three quotes; everything held
back stays in `more`, which says all of it."""

from __future__ import annotations

import yaml
from devset_runner import run_devset
from paths import DATA

from bot.engine import Engine
from bot.frontends.console import render_plain

SETS = ("devset", "heldout", "blind", "blind2", "casual")
MAX_QUOTES = 3
MAX_LENGTH = 2000  # characters of a whole message: text and quoted sentences


def answers(engine: Engine):
    for name in SETS:
        items = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        for outcome in run_devset(engine, items):
            yield outcome.item["id"], outcome.answer


def test_no_reply_quotes_more_than_three_sentences_or_runs_long(engine: Engine) -> None:
    long = [
        f"{item}: {len(a.citations)} quotes, {len(render_plain(a))} characters"
        for item, a in answers(engine)
        if len(a.citations) > MAX_QUOTES or len(render_plain(a)) > MAX_LENGTH
    ]
    assert not long, "\n".join(long)


def test_what_is_held_back_is_in_the_whole_reply(engine: Engine) -> None:
    for item, answer in answers(engine):
        whole = answer.more
        if whole is None:
            continue
        assert whole.more is None, item
        assert (whole.kind, whole.language) == (answer.kind, answer.language), item
        opening = answer.text.split("\n")[0][:60]  # the verdict, the names, or the first fact
        assert whole.text.startswith(opening), item
        quoted = {(c.article, c.sentence) for c in whole.citations}
        assert {(c.article, c.sentence) for c in answer.citations} <= quoted, item
        assert len(whole.text) + len(whole.citations) > len(answer.text) + len(answer.citations)


def test_a_list_of_names_comes_first(engine: Engine) -> None:
    answer, _ = engine.answer("Who joined xAI from Meta?")
    names = answer.text.split("\n")[0]
    assert names.count(",") >= 2 and names.endswith(".")
    assert answer.more is not None
