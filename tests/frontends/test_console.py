"""The console: answers as plain text, and the chat loop over any text stream."""

from __future__ import annotations

import io

from fake_engine import FakeEngine, clarify_answer, normal_answer, short_answer, unknown_answer

from bot.frontends.console import chat, render_plain
from bot.frontends.texts import TEXTS


def test_plain_text_for_the_console():
    assert render_plain(normal_answer()) == (
        "Meta hired Ruoming Pang from Apple. He leads a new models team.\n"
        "\n"
        "[1] «Meta hired Ruoming Pang, who led Apple's foundation models team.» "
        "— Meta poaches Apple's top AI models executive\n"
        "[2] «Fourteen Meta researchers joined xAI in a month.» — xAI & Meta: 14 talents move"
    )
    assert (
        render_plain(clarify_answer())
        == "Which Alex do you mean?\n\n1. Alexandr Wang\n2. Alex Karp"
    )
    assert render_plain(unknown_answer()) == "I don't know."


def test_a_piped_chat_answers_each_line_in_one_conversation_until_quit():
    engine = FakeEngine()
    stdout = io.StringIO()
    lines = "Who hired Ruoming Pang?\n\nAnd after?\nquit\nnever\n"
    assert chat(engine, io.StringIO(lines), stdout) == 0
    assert [c.question for c in engine.calls] == ["Who hired Ruoming Pang?", "And after?"]
    assert engine.calls[1].state is engine.calls[0].returned
    assert stdout.getvalue().startswith(render_plain(normal_answer()) + "\n\n")


def test_more_shows_what_the_last_reply_held_back_once():
    engine = FakeEngine()
    stdout = io.StringIO()
    assert chat(engine, io.StringIO("A brief one\nmore\nplus\n"), stdout) == 0
    assert [c.question for c in engine.calls] == ["A brief one"]  # "more" is no question
    shown = stdout.getvalue()
    assert render_plain(short_answer()) in shown
    assert render_plain(short_answer().more) in shown
    assert shown.rstrip().endswith(TEXTS["en"]["nothing_more"])
