"""The question-set runner (tests/support/devset_runner.py) counts the confidently wrong replies
apart from the failures: a Yes or a No the item does not expect, a forbidden name stated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from devset_runner import confidently_wrong, main, run_devset, summary
from paths import DATA

from bot.engine import State
from bot.model import Answer


def reply(text: str, kind: str = "answer") -> Answer:
    return Answer(kind=kind, language="en", text=text, confidence=0.9)


def item(**fields) -> dict:
    return {"id": "q-1", "family": "yesno", "lang": "en", "question": "Did A join B?",
            "kind": "answer", **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("expected", "text", "kind", "wrong"),
    [
        ({"starts_with": "No"}, "Yes. A joined B.", "answer", True),
        ({"starts_with": "Yes"}, "No.", "answer", True),
        ({"starts_with": "Non"}, "Oui.", "answer", True),
        ({"starts_with": "Not confirmed"}, "Yes.", "answer", True),
        ({"starts_with": "Pas confirmé"}, "Non.", "answer", True),
        ({"kind": "unknown"}, "Yes.", "answer", True),
        ({"starts_with": "No"}, "No. A joined C.", "answer", False),
        ({"starts_with": "No"}, "Not confirmed: the articles don't say so.", "answer", False),
        ({"starts_with": "Yes"}, "I can't find the answer.", "unknown", False),
        ({"starts_with": "Not confirmed"}, "Not confirmed.", "answer", False),
        ({"kind": "unknown"}, "I can't find the answer.", "unknown", False),
        ({}, "A joined B in June.", "answer", False),  # no verdict expected
    ],
)
def test_a_verdict_the_item_does_not_expect_is_confidently_wrong(expected, text, kind, wrong):
    assert bool(confidently_wrong(item(**expected), reply(text, kind))) is wrong


def test_a_forbidden_name_is_confidently_wrong_unless_the_reply_does_not_know() -> None:
    forbids = item(not_contains=["Ruoming Pang"], contains=["Xinlei Chen"])
    assert confidently_wrong(forbids, reply("Xinlei Chen and Ruoming Pang."))
    assert not confidently_wrong(forbids, reply("Xinlei Chen."))
    assert not confidently_wrong(forbids, reply("The articles don't say that about Ruoming Pang."))


class Saying:
    """An engine stand-in that answers every question with the same words."""

    def __init__(self, text: str) -> None:
        self.text = text

    def answer(self, question: str, state=None) -> tuple[Answer, State]:
        return reply(self.text), State()


def test_the_summary_counts_failures_and_confidently_wrong_apart() -> None:
    items = [
        item(id="a", starts_with="No"),  # gets Yes: failed and confidently wrong
        item(id="b", starts_with="Yes"),  # passes
        item(id="c", starts_with="Yes", contains=["June"]),  # fails, not confidently wrong
    ]
    outcomes = run_devset(Saying("Yes."), items)
    assert [bool(o.problems) for o in outcomes] == [True, False, True]
    assert [bool(o.wrong) for o in outcomes] == [True, False, False]
    assert summary("synthetic", outcomes) == "synthetic: 1/3, confidently wrong 1"


def test_the_command_prints_each_set_and_its_confidently_wrong_replies(tmp_path: Path, capsys):
    questions = [
        item(id="ok", question="Who founded Lumenic?", contains=["Tomasz Wierzbicki"]),
        item(id="bad", question="Did Ingrid Solberg join Lumenic?", starts_with="No"),
    ]
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(questions), encoding="utf-8")
    main([str(path), "--knowledge", str(DATA / "third_article")])
    out = capsys.readouterr().out
    assert "CONFIDENTLY WRONG bad: Did Ingrid Solberg join Lumenic?" in out
    assert out.rstrip().endswith("mine: 1/2, confidently wrong 1")


def test_an_unknown_set_is_one_line_and_a_failure(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["no-such-set"])
    assert "no question set 'no-such-set'" in str(stop.value.code)
