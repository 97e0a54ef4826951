"""Durable intake, as a real process: killed or stopped mid-backlog, nothing is lost.

The bot runs as a subprocess against the fake Bot API; replies are slowed down so that a backlog
builds up, then the process is killed (SIGKILL) or stopped (SIGTERM) and started again on the
same MERCATO_DATA_DIR. Each question is "echo <n>", which the canned engine answers with itself.
"""

from __future__ import annotations

import collections
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from bot_process import start_bot

from bot.frontends.telegram.app import TOKEN_REJECTED
from bot.testing.fake_bot_api import FakeBotAPI, make_user, private_chat

QUESTIONS = 150
CHATS = 10
STORAGE_LOCK = 8  # seconds another program holds the store's write lock
SEND_DELAY = 0.2  # seconds each sendMessage takes: 10 chats in parallel, ~50 replies a second


def push_backlog(api: FakeBotAPI) -> set[str]:
    users = [make_user(3000 + n, f"User{n}") for n in range(CHATS)]
    texts = [f"echo {n}" for n in range(QUESTIONS)]
    for n, text in enumerate(texts):
        user = users[n % CHATS]
        api.push_message(private_chat(user), user, text)
    return set(texts)


def answers(api: FakeBotAPI) -> collections.Counter[str]:
    return collections.Counter(
        call.params["text"] for call in api.calls_to("sendMessage") if call.status == 200
    )


def stop(process: subprocess.Popen[str], how: signal.Signals) -> tuple[int, str]:
    process.send_signal(how)
    try:
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, stderr


def restart_and_finish(api: FakeBotAPI, texts: set[str]) -> tuple[str, collections.Counter[str]]:
    """Start the bot again; once every question has an answer, stop it; its stderr, the counts."""
    process = start_bot(api)
    try:
        api.wait_until_sync(lambda: texts <= set(answers(api)), timeout=60)
    finally:
        returncode, stderr = stop(process, signal.SIGTERM)
    assert returncode == 0, stderr
    return stderr, answers(api)


def test_sigkill_mid_backlog_loses_no_question(api):
    api.delay("sendMessage", SEND_DELAY, times=100_000)
    process = start_bot(api)
    api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
    texts = push_backlog(api)
    api.wait_for_calls_sync("sendMessage", 30, timeout=30)
    returncode, _ = stop(process, signal.SIGKILL)
    assert returncode == -signal.SIGKILL
    before = sum(answers(api).values())

    stderr, counts = restart_and_finish(api, texts)
    lost = len(texts - set(counts))
    duplicated = sum(count - 1 for count in counts.values())
    print(f"SIGKILL after {before} of {QUESTIONS} answers: {lost} lost, {duplicated} duplicated")
    assert lost == 0
    assert duplicated <= CHATS  # at most the one in flight in each chat
    assert "left unfinished by the last run" in stderr


def test_sigterm_finishes_in_flight_quickly_and_leaves_the_rest_for_the_next_start(api):
    api.delay("sendMessage", SEND_DELAY, times=100_000)
    process = start_bot(api)
    api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
    texts = push_backlog(api)
    api.wait_for_calls_sync("sendMessage", 30, timeout=30)
    returncode, stderr = stop(process, signal.SIGTERM)
    assert returncode == 0
    assert "left recorded for the next start" in stderr
    assert "Traceback" not in stderr
    before = answers(api)
    assert len(before) < QUESTIONS  # it did not drain the whole backlog before stopping

    _, counts = restart_and_finish(api, texts)
    assert set(counts) == texts
    print(f"SIGTERM after {sum(before.values())} answers: all {QUESTIONS} answered in the end")


def test_a_token_revoked_mid_backlog_stops_the_bot_and_the_restored_token_answers_all(api):
    api.delay("sendMessage", SEND_DELAY / 4, times=100_000)
    process = start_bot(api)
    api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
    texts = push_backlog(api)
    api.wait_for_calls_sync("sendMessage", 30, timeout=30)
    token, api.token = api.token, "987654:REVOKED-while-running"  # every call now gets 401
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 1
    assert stderr.splitlines()[-1] == TOKEN_REJECTED
    assert "Traceback" not in stderr
    before = len(set(answers(api)))
    assert before < QUESTIONS

    api.token = token  # restored (a new token from @BotFather: the same, for the fake)
    _, counts = restart_and_finish(api, texts)
    print(f"token revoked after {before} of {QUESTIONS} answers: {len(texts - set(counts))} lost")
    assert set(counts) == texts


def test_eight_seconds_of_502_on_every_send_loses_no_question(api):
    process = start_bot(api)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        api.fail("sendMessage", 502, times=1_000_000)  # a proxy answering 502 to every send
        texts = push_backlog(api)
        time.sleep(8)
        before = len(set(answers(api)))
        api.heal("sendMessage")
        api.wait_until_sync(lambda: texts <= set(answers(api)), timeout=120)
    finally:
        returncode, stderr = stop(process, signal.SIGTERM)
    assert returncode == 0, stderr
    lost = len(texts - set(answers(api)))
    print(f"8 s of 502 on every send: {before} answered during it, {lost} of {QUESTIONS} lost")
    assert before == 0 and lost == 0


def test_an_eight_second_storage_lock_loses_no_question(api):
    process = start_bot(api)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        store = Path(os.environ["MERCATO_DATA_DIR"]) / "mercato.sqlite3"
        holder = sqlite3.connect(store, timeout=30)
        holder.execute("BEGIN EXCLUSIVE")  # another program holding the write lock
        texts = push_backlog(api)
        time.sleep(STORAGE_LOCK)
        before = len(set(answers(api)))
        holder.rollback()
        holder.close()
        api.wait_until_sync(lambda: texts <= set(answers(api)), timeout=120)
    finally:
        returncode, stderr = stop(process, signal.SIGTERM)
    assert returncode == 0, stderr
    lost = len(texts - set(answers(api)))
    print(f"{STORAGE_LOCK} s storage lock: {before} answered during it, {lost} of {QUESTIONS} lost")
    assert lost == 0


def test_a_third_of_sends_failing_with_5xx_loses_no_question(api):
    process = start_bot(api)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
        api.fail("sendMessage", 503, times=1_000_000, rate=0.3)
        texts = push_backlog(api)
        api.wait_until_sync(lambda: texts <= set(answers(api)), timeout=120)
    finally:
        returncode, stderr = stop(process, signal.SIGTERM)
    assert returncode == 0, stderr
    failed = sum(1 for call in api.calls_to("sendMessage") if call.status >= 500)
    lost = len(texts - set(answers(api)))
    print(f"30% of sends failing (503): {failed} sends failed, {lost} of {QUESTIONS} lost")
    assert failed and lost == 0
