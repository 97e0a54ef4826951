"""`run()` as the real process runs it: exit codes, stderr, signals, against the fake Bot API."""

from __future__ import annotations

import signal

from bot_process import start_bot

from bot.frontends.telegram.app import TOKEN_REJECTED
from bot.testing.fake_bot_api import make_user, private_chat


def test_a_rejected_token_exits_1_with_one_line_and_no_traceback(api):
    wrong = "987654:WRONG-TOKEN-that-telegram-rejects"
    process = start_bot(api, wrong)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1
    assert stderr.splitlines() == [TOKEN_REJECTED]
    assert "WRONG-TOKEN" not in stderr + stdout
    assert [call.status for call in api.calls] == [401]  # one getMe, refused


def test_sigterm_stops_a_running_bot_cleanly(api):
    process = start_bot(api, api.token)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        user = make_user(1001, "Ada")
        api.push_message(private_chat(user), user, "Who hired Ruoming Pang?")
        [reply] = api.wait_for_calls_sync("sendMessage", 1, timeout=10)
        assert reply.status == 200
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Traceback" not in stderr
    assert api.token.partition(":")[2] not in stderr + stdout
    assert "update 1: private chat, answer" in stderr
    assert "Who hired" not in stderr
