"""`run()` as the real process runs it: exit codes, stderr, signals, against the fake Bot API."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bot_process import start_bot
from paths import REPO

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


def hangups_ignored(pid: int) -> bool:
    """Whether the process ignores SIGHUP now (Linux: the SigIgn mask in /proc)."""
    with open(f"/proc/{pid}/status") as status:
        ignored = next(line for line in status if line.startswith("SigIgn:")).split()[1]
    return bool(int(ignored, 16) & (1 << (signal.SIGHUP - 1)))


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux's /proc")
def test_sighups_from_the_first_line_to_the_exit_never_kill_the_bot(api):
    process = subprocess.Popen(  # `python -m bot run`: the real entry point and engine
        [sys.executable, "-m", "bot", "run"],
        cwd=REPO,
        env={**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Before its first line runs, Python itself has SIGHUP's default: nothing to do there.
        while not hangups_ignored(process.pid):
            assert process.poll() is None
        user = make_user(1001, "Ada")
        api.push_message(private_chat(user), user, "Who joined xAI?")  # held until polled
        while not any(call.status == 200 for call in api.calls_to("sendMessage")):
            process.send_signal(signal.SIGHUP)  # through loading, start-up and serving
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.05)
        for _ in range(10):  # while serving, with time for a reload to run (a loaded machine)
            process.send_signal(signal.SIGHUP)
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        while process.poll() is None:  # and through the shutdown
            process.send_signal(signal.SIGHUP)
            time.sleep(0.01)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "SIGHUP:" in stderr  # the reloads it asked for
    data = Path(os.environ["MERCATO_DATA_DIR"])
    assert [oct(stat.S_IMODE(p.stat().st_mode)) for p in (data, data / "mercato.sqlite3")] == [
        "0o700",
        "0o600",
    ]
