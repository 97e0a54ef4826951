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


def test_a_token_revoked_while_running_ends_the_process_with_one_line(api):
    process = start_bot(api, api.token)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        api.fail("getUpdates", 401, description="Unauthorized", times=1000)
        user = make_user(1001, "Ada")
        api.push_message(private_chat(user), user, "Who hired Ruoming Pang?")  # ends the poll
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert stderr.splitlines()[-1] == TOKEN_REJECTED
    assert stderr.count(TOKEN_REJECTED) == 1
    assert "Traceback" not in stderr
    assert api.token.partition(":")[2] not in stderr + stdout


def test_transient_polling_errors_are_one_warning_line_each(api):
    process = start_bot(api, api.token)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        api.fail("getUpdates", 502, description="Bad Gateway")
        api.fail("getUpdates", 504, description="Gateway Timeout")
        user = make_user(1001, "Ada")
        api.push_message(private_chat(user), user, "Who hired Ruoming Pang?")
        api.wait_for_calls_sync("sendMessage", 1, timeout=10)
        api.wait_until_sync(lambda: len(api.calls_to("getUpdates")) >= 3, timeout=15)
        api.push_message(private_chat(user), user, "Who left Meta?")  # polling goes on
        api.wait_for_calls_sync("sendMessage", 2, timeout=15)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    warnings = [line for line in stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 2, stderr
    assert "polling: NetworkError: Bad Gateway" in warnings[0]
    assert "Traceback" not in stderr
