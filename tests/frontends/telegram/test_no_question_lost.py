"""No question lost, in-process against the fake Bot API: the store failing under the intake or
the handlers, a send failing past its retries, pruning while running, what the logs say.

Answering again is quick here (conftest.py: 50 ms, doubling to 200 ms) so nothing waits long.
"""

from __future__ import annotations

import logging
import time

import pytest
from failing_store import FULL, LOCKED, break_store
from telegram_helpers import ADA, BOB, QUESTION, settings_for

from bot.frontends.telegram import intake
from bot.frontends.telegram.app import STORE, build_application, polling
from bot.testing.fake_bot_api import private_chat


def outcomes(bot) -> dict:
    return bot.bot_data[STORE].outcomes(bot.bot.id)


def answered(api, chat_id: int) -> list[str]:
    return [
        c.params["text"]
        for c in api.calls_to("sendMessage")
        if c.params["chat_id"] == chat_id and c.status == 200
    ]


@pytest.mark.parametrize("error", [FULL, LOCKED], ids=["full disk", "locked"])
async def test_a_storage_outage_while_recording_confirms_nothing_and_the_bot_recovers(
    bot, api, caplog, monkeypatch, error
):
    monkeypatch.setattr(intake, "RETRY_PAUSES", (0.05, 0.2))  # read by the poll loop as it runs
    disk = break_store(bot.bot_data[STORE])
    disk.error = error
    api.push_message(private_chat(ADA), ADA, "echo 1")
    await api.wait_until(lambda: disk.refused >= 3)  # the batch fetched and refused 3 times
    assert not api.calls_to("sendMessage")
    offsets = {c.params.get("offset") for c in api.calls_to("getUpdates")}
    assert offsets == {None}  # nothing confirmed to Telegram: update 1 is still held there
    assert f"storage: OperationalError: {error}; nothing confirmed to Telegram" in caplog.text
    disk.error = None  # space freed, lock released
    await api.wait_until(lambda: answered(api, ADA["id"]) == ["echo 1"])
    api.push_message(private_chat(ADA), ADA, "echo 2")  # polling goes on
    await api.wait_until(lambda: answered(api, ADA["id"]) == ["echo 1", "echo 2"])
    await api.wait_until(lambda: outcomes(bot) == {1: "done", 2: "done"})


async def test_a_reply_is_sent_even_when_its_bookkeeping_cannot_be_stored(bot, api, caplog):
    disk = break_store(bot.bot_data[STORE], lambda sql: "INTO items" in sql or "misses" in sql)
    disk.error = FULL
    api.push_message(private_chat(ADA), ADA, "nothing known about this")  # a miss to record
    api.push_message(private_chat(BOB), BOB, "A brief one, please")  # a "More" to keep
    await api.wait_until(lambda: outcomes(bot) == {1: "done", 2: "done"})
    assert answered(api, ADA["id"]) and answered(api, BOB["id"])
    assert disk.refused == 4  # two conversations, the miss, the held-back reply
    assert (
        "could not keep the buttons (OperationalError: database or disk is full); the "
        "reply was sent" in caplog.text
    )


async def test_marking_done_waits_for_the_store_without_answering_twice(bot, api, caplog):
    disk = break_store(bot.bot_data[STORE], lambda sql: sql.startswith("UPDATE updates"))
    disk.error = FULL
    api.push_message(private_chat(ADA), ADA, "echo 1")
    await api.wait_until(lambda: answered(api, ADA["id"]) == ["echo 1"])
    await api.wait_until(lambda: "answered but not yet marked done" in caplog.text)
    assert outcomes(bot) == {1: None}
    disk.error = None
    api.push_message(private_chat(ADA), ADA, "echo 2")  # the next batch writes what was kept
    await api.wait_until(lambda: outcomes(bot) == {1: "done", 2: "done"})
    assert answered(api, ADA["id"]) == ["echo 1", "echo 2"]


async def test_a_send_failing_for_long_is_given_up_with_a_warning(api, canned, caplog, monkeypatch):
    monkeypatch.setattr(intake, "GIVE_UP_AFTER", 0.5)
    api.fail("sendMessage", 502, times=10_000, chat_id=ADA["id"])
    async with polling(build_application(settings_for(api), canned)) as bot:
        api.push_message(private_chat(ADA), ADA, QUESTION)
        await api.wait_until(lambda: (outcomes(bot).get(1) or "").startswith("given up"), 10)
    assert "update 1: not answered in 0 min (NetworkError), given up" in caplog.text


async def test_a_reply_not_sent_at_a_stop_is_answered_after_the_restart(api, canned, monkeypatch):
    monkeypatch.setattr(intake, "ANSWER_PAUSES", (30.0, 60.0))  # the stop comes first
    api.fail("sendMessage", 500, times=4)  # one try and the limiter's 3 retries
    async with polling(build_application(settings_for(api), canned)) as bot:
        api.push_message(private_chat(ADA), ADA, "echo 1")
        await api.wait_for_calls("sendMessage", 4, timeout=10)
        started = time.monotonic()
    assert time.monotonic() - started < 2  # the stop does not wait out the pause
    assert outcomes(bot) == {1: None}  # pending, for the next start
    async with polling(build_application(settings_for(api), canned)) as bot:
        await api.wait_until(lambda: outcomes(bot) == {1: "done"})
    assert answered(api, ADA["id"]) == ["echo 1"]


async def test_done_updates_are_pruned_while_the_bot_runs(api, canned, monkeypatch):
    monkeypatch.setattr(intake, "PRUNE_EVERY", 0.05)
    async with polling(build_application(settings_for(api), canned)) as bot:
        store = bot.bot_data[STORE]
        store.record(bot.bot.id, [(999, "{}")])
        store.finish(bot.bot.id, 999, "done")
        store._db.execute("UPDATE updates SET done = 1 WHERE update_id = 999")  # in 1970
        await api.wait_until(lambda: 999 not in outcomes(bot))


async def test_an_update_already_recorded_is_skipped_with_an_info_line(bot, api, caplog):
    caplog.set_level(logging.INFO)
    message = api.push_message(private_chat(ADA), ADA, "echo 1")
    await api.wait_until(lambda: outcomes(bot) == {1: "done"})
    bot.bot_data["mercato.intake"].receive([{"update_id": 1, "message": message}])
    assert "update 1: already recorded, skipped (delivered again)" in caplog.text
    assert answered(api, ADA["id"]) == ["echo 1"]


NGINX_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


async def test_a_proxy_error_page_on_get_updates_is_one_warning_without_traceback(bot, api, caplog):
    api.fail("getUpdates", 502, body=NGINX_502)
    api.fail("getUpdates", 504, body=NGINX_502.replace("502 Bad", "504 Gateway"))
    api.push_message(private_chat(ADA), ADA, "echo 1")
    await api.wait_until(lambda: answered(api, ADA["id"]) == ["echo 1"], 10)
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage().split(";")[0] for r in problems] == [
        "polling: NetworkError: Bad Gateway (502). Parsing the server response "
        f"b'{NGINX_502}' failed",
        "polling: NetworkError: Gateway Timeout (504). Parsing the server response "
        f"b'{NGINX_502.replace('502 Bad', '504 Gateway')}' failed",
    ]
    assert not any(r.exc_info for r in problems)
