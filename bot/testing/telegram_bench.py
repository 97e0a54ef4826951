"""Mercato's Telegram throughput against a bare echo bot's, both on the local fake Bot API.

Both bots run the same python-telegram-bot machinery (long polling, concurrent updates) against a
FakeBotAPI on 127.0.0.1, so the gap between them is Mercato's own work per update: deciding
whether it is addressed, the engine's answer, rendering, the rate limiter's bookkeeping. The
limiter is kept but not throttling: Telegram's flood limits would otherwise measure themselves.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, MessageHandler, filters

from bot.engine import Engine
from bot.frontends.store import Store
from bot.frontends.telegram.app import build_application, polling
from bot.frontends.telegram.retry import RetryingLimiter
from bot.settings import Settings
from bot.testing.fake_bot_api import FakeBotAPI, make_user, private_chat

WARM_UP_UPDATES = 10
FALLBACK_QUESTION = "Who did Meta hire?"
FIRST_USER_ID = 100_000


async def measure(n_updates: int, engine: Engine, rounds: int = 3) -> dict:
    """Feed `n_updates` private-chat questions to Mercato, then to an echo bot, `rounds` times
    in alternation (one run on a shared 2-core machine varies a lot).

    Returns the median updates per second of each and `ratio`, Mercato's median throughput over
    the echo bot's (1.0: Mercato costs nothing on top of PTB), with every round's figures.
    """
    questions = engine.examples("en") + engine.examples("fr") or [FALLBACK_QUESTION]

    data = tempfile.TemporaryDirectory(prefix="mercato-bench-")

    def mercato(api: FakeBotAPI) -> Application:
        settings = Settings(_env_file=None, TELEGRAM_BOT_TOKEN=api.token)
        unthrottled = RetryingLimiter(overall_max_rate=0, group_max_rate=0)
        store = Store(f"{data.name}/{api.port}.sqlite3")  # a fresh intake log per fake
        return build_application(
            settings, engine, base_url=api.base_url, rate_limiter=unthrottled, store=store
        )

    mercato_rates, echo_rates = [], []
    for _ in range(rounds):
        mercato_rates.append(await _updates_per_second(mercato, n_updates, questions))
        echo_rates.append(await _updates_per_second(echo_application, n_updates, questions))
    mercato_rate, echo_rate = statistics.median(mercato_rates), statistics.median(echo_rates)
    return {
        "updates": n_updates,
        "rounds": rounds,
        "mercato_updates_per_s": round(mercato_rate, 1),
        "echo_updates_per_s": round(echo_rate, 1),
        "ratio": round(mercato_rate / echo_rate, 3),
        "mercato_rounds": " ".join(f"{r:.0f}" for r in mercato_rates),
        "echo_rounds": " ".join(f"{r:.0f}" for r in echo_rates),
    }


def echo_application(api: FakeBotAPI) -> Application:
    """The baseline: a PTB bot that sends every text back, configured like Mercato's."""
    application = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .concurrent_updates(True)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, _echo))
    return application


async def _echo(update: Update, context: object) -> None:
    """Send the message's text back."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


async def _updates_per_second(
    build: Callable[[FakeBotAPI], Application], n_updates: int, questions: list[str]
) -> float:
    """Run the application `build` makes on a fresh fake; updates answered per second."""
    with FakeBotAPI() as api:
        async with polling(build(api)):
            await _feed(api, WARM_UP_UPDATES, questions, first_user=FIRST_USER_ID)
            return n_updates / await _feed(
                api, n_updates, questions, first_user=FIRST_USER_ID + WARM_UP_UPDATES
            )


async def _feed(api: FakeBotAPI, count: int, questions: list[str], *, first_user: int) -> float:
    """Queue `count` questions, each from its own private chat; seconds until all are answered.

    An update counts as answered at its chat's first reply (a long answer may take several).
    """
    users = [make_user(first_user + n, f"User{n}") for n in range(count)]
    waiting = {user["id"] for user in users}
    started = time.perf_counter()
    for n, user in enumerate(users):
        api.push_message(private_chat(user), user, questions[n % len(questions)])

    def all_answered() -> bool:
        return waiting <= {call.params.get("chat_id") for call in api.calls_to("sendMessage")}

    await api.wait_until(all_answered, timeout=30 + count * 0.05)
    first_reply: dict[int, float] = {}
    for call in api.calls_to("sendMessage"):
        if call.params.get("chat_id") in waiting:
            first_reply.setdefault(call.params["chat_id"], call.at)
    return max(first_reply.values()) - started
