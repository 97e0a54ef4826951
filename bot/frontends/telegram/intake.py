"""Durable intake: long polling that records every update before Telegram forgets it.

Telegram keeps an update until a later getUpdates call's `offset` confirms it. PTB's own Updater
confirms a batch on its next call, whatever became of the updates in between (they sit in an
in-memory queue), so a killed process loses them. Here each batch is committed to SQLite
(`Store.record`, fsynced) *before* the loop computes the next offset and calls getUpdates again:
a confirmed update is always a recorded one. Each update is marked done once its handler returned
(reply sent, or the failure logged by the error handlers, whose reason is kept); at the next
start the unfinished ones are processed before anything new. Duplicates are skipped by update id,
so delivery is at least once: only updates in flight at a kill can be answered twice.

Updates go through `ChatScheduler` (in order within a chat, round-robin across chats) and a
`FloodGate` per user, then to `Application.process_update`, so the handlers are PTB's as usual.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Hashable, Sequence
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from bot.frontends.scheduler import CONCURRENCY, ChatScheduler, FloodGate
from bot.frontends.store import Store
from bot.frontends.telegram.addressing import is_addressed
from bot.frontends.telegram.handlers import reply_html
from bot.frontends.telegram.updates import message_of
from bot.frontends.texts import TEXTS, ui_language

log = logging.getLogger(__name__)

DRAIN_TIMEOUT = 4.0  # at a stop, seconds given to the updates in flight before they are left
POLL_READ_MARGIN = 20.0  # seconds a long poll may take beyond its own timeout
RETRY_PAUSES = (1.0, 30.0)  # after a failed poll: the first pause, doubled up to the last


def chat_key(update: Update) -> Hashable:
    """What orders updates: their chat, else their user (inline queries), else nothing."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return ("update", update.update_id)


class Intake:
    """Fetches, records, schedules and finishes the updates of `application`'s bot."""

    def __init__(
        self,
        application: Application,
        store: Store,
        *,
        allowed_updates: Sequence[str],
        poll_timeout: float,
        drain_timeout: float = DRAIN_TIMEOUT,
        flood: FloodGate | None = None,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self.application = application
        self.store = store
        self.allowed_updates = list(allowed_updates)
        self.poll_timeout = poll_timeout
        self.drain_timeout = drain_timeout
        self.flood = flood or FloodGate()
        self.scheduler = ChatScheduler(self._process, concurrency=concurrency)
        self.token_rejected = asyncio.Event()  # set when getUpdates answers 401/404
        self._failures: dict[int, str] = {}
        self._task: asyncio.Task[None] | None = None
        self._bot_id = 0

    async def start(self, *, fetch: bool = True) -> None:
        """Schedule what the last run left unfinished, then start polling (unless not `fetch`:
        a webhook hands the updates to `receive` instead)."""
        self._bot_id = self.application.bot.id
        self.application.add_error_handler(self._note_failure)
        backlog = self.store.unfinished(self._bot_id)
        if backlog:
            log.info("%d update(s) left unfinished by the last run: processed first", len(backlog))
        for update_id, payload in backlog:
            self._admit(update_id, json.loads(payload), gate=False)
        if fetch:
            self._task = asyncio.create_task(self._poll(), name="mercato-intake")

    async def stop(self) -> None:
        """Stop fetching; give the updates in flight `drain_timeout` s; leave the rest recorded."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        cancelled = await self.scheduler.drain(self.drain_timeout)
        left = self.scheduler.waiting + cancelled
        if left:
            log.info("stopping: %d update(s) left recorded for the next start", left)
        self.application.remove_error_handler(self._note_failure)
        self.store.forget_done()

    # --- Fetching -------------------------------------------------------------------------------

    async def _poll(self) -> None:
        offset: int | None = None  # None at first: whatever Telegram still holds (dedup'd)
        pause = RETRY_PAUSES[0]
        while True:
            try:
                batch = await self._fetch(offset)
            except InvalidToken:
                self.token_rejected.set()
                return
            except RetryAfter as error:
                wait = error._retry_after.total_seconds()  # an int or a timedelta, by version
                log.warning("polling: Telegram asks to wait %.0f s (flood control)", wait)
                await asyncio.sleep(wait)
                continue
            except TelegramError as error:  # NetworkError, TimedOut, Conflict, 5xx: transient
                log.warning(
                    "polling: %s: %s; retrying in %.0f s", type(error).__name__, error, pause
                )
                await asyncio.sleep(pause)
                pause = min(pause * 2, RETRY_PAUSES[1])
                continue
            pause = RETRY_PAUSES[0]
            if not batch:
                continue
            # Recorded: only now may the next getUpdates confirm them with its offset.
            offset = self.receive(batch) + 1

    def receive(self, batch: list[dict[str, Any]]) -> int:
        """Record `batch` (raw updates) durably, then schedule the new ones; the highest id.

        Polling confirms them to Telegram afterwards (the next offset), a webhook by answering
        its HTTP request: either way, not before they are committed.
        """
        records = [(raw["update_id"], json.dumps(raw)) for raw in batch]
        new = set(self.store.record(self._bot_id, records))
        for raw in batch:
            if raw["update_id"] in new:
                self._admit(raw["update_id"], raw, gate=True)
        return max(update_id for update_id, _ in records)

    async def _fetch(self, offset: int | None) -> list[dict[str, Any]]:
        """One getUpdates, as raw JSON: stored as received, parsed one update at a time."""
        data: dict[str, Any] = {
            "timeout": self.poll_timeout,
            "allowed_updates": self.allowed_updates,
        }
        if offset is not None:
            data["offset"] = offset
        # Bot._post is what Bot.get_updates calls, minus parsing the whole batch at once (one
        # unreadable update would lose the batch) and with the rate limiter's retries.
        return await self.application.bot._post(
            "getUpdates", data, read_timeout=self.poll_timeout + POLL_READ_MARGIN
        )

    # --- Scheduling and processing --------------------------------------------------------------

    def _admit(self, update_id: int, raw: dict[str, Any], *, gate: bool) -> None:
        try:
            update = Update.de_json(raw, self.application.bot)
        except Exception as error:
            log.warning("update %s: unreadable (%s), skipped", update_id, type(error).__name__)
            self.store.finish(self._bot_id, update_id, "unreadable")
            return
        kind = "process"
        user, message = update.effective_user, update.message
        if gate and message is not None and user is not None:
            verdict = self.flood.admit(user.id, message.date.timestamp())
            if verdict == "drop":
                log.info("update %s: its sender is over the flood limit, dropped", update_id)
                self.store.finish(self._bot_id, update_id, "dropped: flood limit")
                return
            if verdict == "warn":
                log.info(
                    "update %s: its sender is over the flood limit, asked to slow down", update_id
                )
                kind = "slow down"
        self.scheduler.submit(chat_key(update), (update, kind))

    async def _process(self, job: tuple[Update, str]) -> None:
        update, kind = job
        outcome = "done"
        try:
            if kind == "slow down":
                await self._slow_down(update)
                outcome = "asked to slow down"
            else:
                await self.application.process_update(update)  # errors go to the error handlers
        except TelegramError as error:
            log.warning("update %s: %s: %s", update.update_id, type(error).__name__, error)
            outcome = f"failed: {type(error).__name__}"
        except Exception as error:
            log.error("update %s: unexpected error", update.update_id, exc_info=error)
            outcome = f"failed: {type(error).__name__}"
        outcome = self._failures.pop(update.update_id, outcome)
        self.store.finish(self._bot_id, update.update_id, outcome)

    async def _slow_down(self, update: Update) -> None:
        """Ask the sender, once, to slow down; in a group only if the message was for the bot."""
        message, user = message_of(update), update.effective_user
        bot = self.application.bot
        if (
            message.chat.type != ChatType.PRIVATE
            and is_addressed(message, bot.username, bot.id) is None
        ):
            return
        language = ui_language(user.language_code if user else None)
        await reply_html(message, [TEXTS[language]["slow_down"]])

    async def _note_failure(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An error handler: keep the reason an update failed, for its row in the log."""
        if isinstance(update, Update):
            reason = f"failed: {type(context.error).__name__}: {context.error}"
            self._failures[update.update_id] = reason[:200]
