"""The Telegram Application: built, polled, run; the command menus and the error handler.

`build_application` wires `MercatoHandlers` (handlers.py) to python-telegram-bot; `run` serves
by long polling until Ctrl-C or SIGTERM; `polling` does the same inside a running event loop,
for tests and benchmarks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import BotCommand, BotCommandScopeAllGroupChats, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    Defaults,
)

from bot.engine import Engine
from bot.frontends.misses import KEPT_DAYS, MissLog, report
from bot.frontends.reload import LiveEngine, Reloader, live
from bot.frontends.remembered import remembered
from bot.frontends.store import Store, StoreUnusable, unusable_reason
from bot.frontends.telegram.admin import register_admin
from bot.frontends.telegram.failures import QuietRequest, on_error
from bot.frontends.telegram.graph import register_graph
from bot.frontends.telegram.handlers import MercatoHandlers
from bot.frontends.telegram.intake import Intake
from bot.frontends.telegram.retry import RetryingLimiter
from bot.frontends.telegram.webhook import Webhook, WebhookServer, secret_problem
from bot.logs import SecretRedactor, configure_logging
from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
POLL_TIMEOUT = 25.0  # seconds a getUpdates long poll waits for something to happen
RATE_LIMIT_RETRIES = 5  # a 429 is waited out (in its chat) and retried this many times
STORE = "mercato.store"  # application.bot_data keys: the SQLite store, the running intake
INTAKE = "mercato.intake"
MISSES = "mercato.misses"  # the questions not answered (bot/frontends/misses.py)
MISSES_SHOWN = 10  # /misses: the top ten of each grouping
DAILY = 24 * 3600.0
RELOADER = "mercato.reloader"  # reloads the knowledge base (SIGHUP, an admin's /reload)
TOKEN_REJECTED = (
    "mercato: Telegram rejected the bot token; check TELEGRAM_BOT_TOKEN "
    "(@BotFather's /token shows the current one)."
)

# (command, description) in menu order; in groups only /ask and /graph, the rest is private.
COMMANDS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("ask", "Ask a question"),
        ("start", "What Mercato knows, with examples"),
        ("help", "How to ask, here and in groups"),
        ("sources", "The articles behind the answers"),
        ("graph", "Who moved where: the map (/graph NAME for one)"),
    ],
    "fr": [
        ("ask", "Poser une question"),
        ("start", "Ce que sait Mercato, avec des exemples"),
        ("help", "Comment poser une question, ici et en groupe"),
        ("sources", "Les articles derrière les réponses"),
        ("graph", "Qui est parti où : la carte (/graph NOM pour un seul)"),
    ],
}
GROUP_COMMANDS = frozenset({"ask", "graph"})


# --- Command menus ------------------------------------------------------------------------------
async def publish_commands(application: Application) -> None:
    """Publish the command menus in English (default) and French: all commands, /ask in groups."""
    bot = application.bot
    try:
        for language, commands in COMMANDS.items():
            code = None if language == "en" else language
            everywhere = [BotCommand(name, description) for name, description in commands]
            in_groups = [command for command in everywhere if command.command in GROUP_COMMANDS]
            await bot.set_my_commands(everywhere, language_code=code)
            await bot.set_my_commands(
                in_groups, scope=BotCommandScopeAllGroupChats(), language_code=code
            )
    except TelegramError as error:  # a missing menu must not keep the bot from answering
        log.warning("could not publish the command menus: %s", error)


# --- Building and running -----------------------------------------------------------------------
def file_base_url(base_url: str) -> str:
    """Telegram serves files at <root>/file/bot<token>, beside the API at <root>/bot<token>."""
    root, separator, tail = base_url.rstrip("/").rpartition("/")
    return f"{root}/file/{tail}" if separator else base_url


def build_application(
    settings: Settings,
    engine: Engine | LiveEngine,
    *,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter | None = None,
    store: Store | None = None,
) -> Application:
    """The Mercato Application for `settings.token`, talking to `base_url` (default: settings').

    `store` (default: the SQLite file in `settings.data_dir`) records the updates and keeps the
    conversations across restarts. `rate_limiter` defaults to a RetryingLimiter (retry.py)
    within Telegram's flood limits, which waits out a 429 in its chat only and retries failed
    sends; benchmarks against the local fake pass one that does not throttle. The handlers
    share one LiveEngine, which a reload points at the new base (bot/frontends/reload.py).
    """
    token = settings.token
    if token is None:
        raise ValueError("no Telegram bot token: set TELEGRAM_BOT_TOKEN")
    url = base_url or settings.telegram_base_url
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(url)
        .base_file_url(file_base_url(url))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(rate_limiter or RetryingLimiter(rate_limit_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(True)  # one slow reply must not hold up other chats
        .request(
            QuietRequest(connect_timeout=10, read_timeout=20, write_timeout=20, pool_timeout=10)
        )
        .get_updates_request(  # PTB adds the long-poll timeout to its read timeout
            QuietRequest(connection_pool_size=1, connect_timeout=10, read_timeout=20)
        )
        .post_init(publish_commands)
        .build()
    )
    store = store or Store.in_directory(settings.data_dir)
    application.bot_data[STORE] = store
    engine = live(engine)
    reloader = Reloader(engine, settings.knowledge_dir, settings.data_dir)
    application.bot_data[RELOADER] = reloader
    misses = MissLog(store, enabled=settings.record_questions)
    application.bot_data[MISSES] = misses
    register_admin(
        application,
        reloader,
        settings.admins,
        lambda: report(store, engine.as_engine(), days=None, top=MISSES_SHOWN).text(),
    )
    MercatoHandlers(engine.as_engine(), misses=misses, **remembered(store)).register(application)
    register_graph(application, engine.as_engine())
    application.add_error_handler(on_error)
    return application


@asynccontextmanager
async def polling(
    application: Application,
    *,
    poll_timeout: float = POLL_TIMEOUT,
    webhook: Webhook | None = None,
) -> AsyncIterator[Application]:
    """Run `application` in the running event loop for the duration of the block.

    Long polling through the durable `Intake` (intake.py) rather than PTB's Updater, which
    confirms updates before they are handled; `application.bot_data[INTAKE]` is the intake.
    With `webhook`, the updates come from Telegram's POSTs instead (webhook.py), through the
    same intake: recorded before they are acknowledged.
    """
    async with application:  # initialize() ... shutdown()
        if application.post_init:
            await application.post_init(application)
        intake = Intake(  # a bare application (the benchmark's echo bot) gets a throwaway store
            application,
            application.bot_data.get(STORE) or Store(":memory:"),
            allowed_updates=ALLOWED_UPDATES,
            poll_timeout=poll_timeout,
        )
        application.bot_data[INTAKE] = intake
        await application.start()
        await intake.start(fetch=webhook is None)
        server = WebhookServer(webhook, intake) if webhook else None
        if server:
            await server.start(application.bot, ALLOWED_UPDATES)
        housekeeping = asyncio.create_task(_forget_old_misses(application.bot_data.get(MISSES)))
        try:
            yield application
        finally:
            housekeeping.cancel()
            if server:
                await server.stop()
            await intake.stop()
            await application.stop()


async def _forget_old_misses(misses: MissLog | None) -> None:
    """Delete the misses past their time at start, then daily."""
    while misses is not None:
        try:
            forgotten = misses.forget_old()
            if forgotten:
                log.info("%d recorded question(s) over %d days old deleted", forgotten, KEPT_DAYS)
        except sqlite3.Error as error:
            log.warning("storage: deleting old misses failed (%s); tomorrow again", error)
        await asyncio.sleep(DAILY)


def run(settings: Settings, engine: Engine) -> int:
    """Serve by long polling until Ctrl-C or SIGTERM; the process exit code.

    1, with one line on stderr, when there is no token or Telegram rejects it, at start or later
    (a token revoked while running: any call answers 401), or when the store cannot be used.
    """
    ignore_hangups()  # until the reload handler is in place: a SIGHUP must not kill the bot
    token = settings.token
    configure_logging(settings.log_level, token, log_texts=settings.log_texts)
    if token is None:
        print("mercato: TELEGRAM_BOT_TOKEN is not set.", file=sys.stderr)
        return 1
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    problem = secret_problem(settings.webhook_url, secret)
    if problem:
        print(f"mercato: {problem}.", file=sys.stderr)
        return 1
    webhook = None
    if settings.webhook_url and secret:
        for handler in logging.getLogger().handlers:  # the secret masked like the token
            handler.addFilter(SecretRedactor(secret))
        webhook = Webhook(
            settings.webhook_url, secret, settings.webhook_listen, settings.webhook_port
        )
    try:
        application = build_application(settings, engine)
        with contextlib.suppress(KeyboardInterrupt):
            return asyncio.run(_serve(application, webhook))
    except StoreUnusable as error:
        print(f"mercato: {error}", file=sys.stderr)
        return 1
    finally:
        ignore_hangups()  # the reload handler needs the loop, which has closed
    return 0


def ignore_hangups() -> None:
    """SIGHUP's default is to end the process: ignored whenever the reload handler is not set."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


async def _serve(application: Application, webhook: Webhook | None = None) -> int:
    """`run` inside its event loop: start, poll until a signal or a rejected token, stop."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    reloads: set[asyncio.Task] = set()  # SIGHUP: reload the base (systemctl reload)

    def reload_on_sighup() -> None:
        task = loop.create_task(application.bot_data[RELOADER].reload("SIGHUP"))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    def on_hangup(signum: int, frame: object) -> None:
        # Not loop.add_signal_handler: closing the loop would give SIGHUP back its default
        # (ending the process) for the last moments of the shutdown.
        with contextlib.suppress(RuntimeError):  # the loop has closed: nothing left to reload
            loop.call_soon_threadsafe(reload_on_sighup)

    signal.signal(signal.SIGHUP, on_hangup)
    try:
        return await _serve_until_stopped(application, webhook, stopping)
    except sqlite3.Error as error:  # the store failing at start, e.g. reading the backlog
        raise StoreUnusable(unusable_reason(application.bot_data[STORE].path, error)) from error


async def _serve_until_stopped(
    application: Application, webhook: Webhook | None, stopping: asyncio.Event
) -> int:
    pause = 1.0
    while True:  # getMe once here, where a rejected token can be told in one line
        try:
            await application.initialize()
            break
        except InvalidToken:
            await application.bot.shutdown()
            print(TOKEN_REJECTED, file=sys.stderr)
            return 1
        except TelegramError as error:
            log.warning("cannot reach Telegram yet (%s); retrying in %.0f s", error, pause)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), pause)
            if stopping.is_set():
                return 0
            pause = min(pause * 2, 30.0)
    if webhook is None:  # getUpdates fails while a webhook is registered: long polling it is
        with contextlib.suppress(TelegramError):
            await application.bot.delete_webhook()
    async with polling(application, webhook=webhook):
        rejected = application.bot_data[INTAKE].token_rejected
        waits = [asyncio.ensure_future(event.wait()) for event in (stopping, rejected)]
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for waiting in waits:
            waiting.cancel()
    if rejected.is_set():
        print(TOKEN_REJECTED, file=sys.stderr)
        return 1
    return 0
