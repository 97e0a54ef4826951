"""The question-set checker (tests/support/devset_runner.py) lets the base grow: an on-topic item
written as `unknown` that a larger base now answers is reported apart, not failed; an off-topic
one (`out_of_scope`) must stay unknown."""

from __future__ import annotations

from devset_runner import learned, run_devset
from paths import DATA

from bot import kb
from bot.engine import Engine


def item(family: str) -> dict:
    return {
        "id": f"{family}-1",
        "family": family,
        "lang": "en",
        "question": "Who founded Lumenic?",
        "kind": "unknown",
    }


def test_an_unknown_that_becomes_answerable_is_reported_apart_not_failed() -> None:
    engine = Engine(kb.load(DATA / "third_article"))

    outcomes = run_devset(engine, [item("profile"), item("out_of_scope")])

    grown, off_topic = outcomes
    assert grown.answer.kind == "answer" and not grown.problems and grown.learned
    assert off_topic.problems == ["kind 'answer', expected 'unknown'"]
    assert not off_topic.learned
    assert learned(outcomes) == ["profile-1"]
