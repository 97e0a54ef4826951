"""One chat at a time, all chats fairly: order within a chat, round-robin, the flood gate.

In-process against the fake Bot API; the canned engine answers "echo …" with the question.
"""

from __future__ import annotations

import logging
import time

import pytest
from telegram_helpers import ADA, CAMILLE, GROUP, settings_for

from bot.frontends.telegram.app import build_application, polling
from bot.frontends.telegram.retry import RetryingLimiter
from bot.frontends.texts import TEXTS
from bot.testing.fake_bot_api import make_user, private_chat


def texts_to(api, chat_id: int) -> list[str]:
    return [
        c.params["text"]
        for c in api.calls_to("sendMessage")
        if c.params["chat_id"] == chat_id and c.status == 200
    ]


async def test_replies_in_one_chat_come_in_the_order_of_the_questions(bot, api):
    api.delay("sendMessage", 0.3, chat_id=ADA["id"])  # the first reply is slow
    for n in range(1, 6):
        api.push_message(private_chat(ADA), ADA, f"echo {n}")
    await api.wait_until(lambda: len(texts_to(api, ADA["id"])) == 5)
    assert texts_to(api, ADA["id"]) == [f"echo {n}" for n in range(1, 6)]


@pytest.fixture
async def unthrottled(api, canned):
    """The bot without Telegram's per-group pace (20 a minute), so that 300 replies go fast."""
    limiter = RetryingLimiter(overall_max_rate=0, group_max_rate=0)
    async with polling(build_application(settings_for(api), canned, rate_limiter=limiter)):
        yield


async def test_a_busy_group_does_not_hold_up_private_chats(unthrottled, api):
    senders = [make_user(5000 + n, f"Member{n}") for n in range(30)]
    api.delay("sendMessage", 0.01, times=300, chat_id=GROUP["id"])
    for n in range(300):
        api.push_message(GROUP, senders[n % 30], f"/ask echo g{n}")
    others = [make_user(6000 + n, f"Private{n}") for n in range(10)]
    asked = {}
    for user in others:
        asked[user["id"]] = time.perf_counter()
        api.push_message(private_chat(user), user, f"echo p{user['id']}")
    await api.wait_until(lambda: len(texts_to(api, GROUP["id"])) == 300, timeout=60)
    replies = {c.params["chat_id"]: c for c in reversed(api.calls_to("sendMessage"))}
    waits = [replies[user["id"]].at - asked[user["id"]] for user in others]
    group_calls = [c for c in api.calls_to("sendMessage") if c.params["chat_id"] == GROUP["id"]]
    print(
        f"300 group messages took {group_calls[-1].at - group_calls[0].at:.2f} s; "
        f"slowest wait of 10 other users: {max(waits) * 1000:.0f} ms"
    )
    assert texts_to(api, GROUP["id"]) == [f"echo g{n}" for n in range(300)]  # in order
    # Every private user was answered before the group was half done.
    assert max(replies[user["id"]].at for user in others) < group_calls[150].at


async def test_a_flooding_user_is_asked_once_to_slow_down_then_dropped(bot, api, caplog):
    caplog.set_level(logging.INFO, logger="bot.frontends.telegram")
    for n in range(30):
        api.push_message(private_chat(CAMILLE), CAMILLE, f"echo {n}")
    api.push_message(private_chat(ADA), ADA, "echo Ada")  # someone else is not limited
    slow_down = TEXTS["fr"]["slow_down"]
    await api.wait_until(lambda: slow_down in texts_to(api, CAMILLE["id"]))
    await api.wait_until(lambda: texts_to(api, ADA["id"]) == ["echo Ada"])
    await api.wait_until(lambda: "over the flood limit, dropped" in caplog.text)
    assert texts_to(api, CAMILLE["id"]) == [f"echo {n}" for n in range(20)] + [slow_down]
    dropped = [r for r in caplog.records if "flood limit, dropped" in r.getMessage()]
    assert len(dropped) == 9
