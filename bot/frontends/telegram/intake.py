"""Durable intake: long polling that records every update before Telegram forgets it.

Telegram keeps an update until a later getUpdates call's `offset` confirms it. PTB's own Updater
confirms a batch on its next call, whatever became of the updates in between (they sit in an
in-memory queue), so a killed process loses them. Here each batch is committed to SQLite
(`Store.record`, fsynced) *before* the loop computes the next offset and calls getUpdates again:
a confirmed update is always a recorded one. Each update is marked done once its handler returned
(reply sent, or the failure logged by the error handlers, whose reason is kept); at the next
start the unfinished ones are processed before anything new. Duplicates are skipped by update id,
so delivery is at least once: only updates in flight at a kill can be answered twice.

What is not answered stays pending. A reply that could not be sent (a 5xx, a timeout, a 429
past its retries, the store failing under the handler) is attempted again with a growing pause,
in its chat's turn, across restarts, until it is sent or the update is GIVE_UP_AFTER old, then
logged as given up. A 401 on any call means the token was revoked: nothing more is attempted,
the unanswered updates stay pending for the next start, and `token_rejected` tells `run` to
exit. A storage error while recording a batch confirms nothing: it is logged, and the batch
fetched and recorded again after a growing pause, so the bot recovers when the storage does.

Updates go through `ChatScheduler` (in order within a chat, round-robin across chats) and a
`FloodGate` per user, then to `Application.process_update`, so the handlers are PTB's as usual.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Hashable, Sequence
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from bot.frontends.scheduler import CONCURRENCY, ChatScheduler, FloodGate
from bot.frontends.store import LARGEST_ID, Store
from bot.frontends.telegram.addressing import is_addressed
from bot.frontends.telegram.failures import first_line, reason, retriable
from bot.frontends.telegram.sending import reply_html
from bot.frontends.telegram.updates import message_of
from bot.frontends.texts import TEXTS, ui_language

log = logging.getLogger(__name__)

DRAIN_TIMEOUT = 4.0  # at a stop, seconds given to the updates in flight before they are left
POLL_READ_MARGIN = 20.0  # seconds a long poll may take beyond its own timeout
RETRY_PAUSES = (1.0, 30.0)  # after a failed poll or record: the first pause, doubled up to the last
ANSWER_PAUSES = (1.0, 60.0)  # before answering an update again: the first pause, doubled up to
GIVE_UP_AFTER = 3600.0  # seconds after it was received, an update not yet answered is given up
PRUNE_EVERY = 3600.0  # seconds between two prunings of the done updates


def chat_key(update: Update) -> Hashable:
    """What orders updates: their chat, else their user (inline queries), else nothing."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return ("update", update.update_id)


def valid_update_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= LARGEST_ID


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
        self.answer_pauses, self.give_up_after = ANSWER_PAUSES, GIVE_UP_AFTER
        self.flood = flood or FloodGate()
        self.scheduler = ChatScheduler(self._process, concurrency=concurrency)
        self.token_rejected = asyncio.Event()  # set when Telegram answers 401/404
        self._stopping = asyncio.Event()
        self._failures: dict[int, BaseException] = {}  # what the error handlers saw, per update
        self._received: dict[int, float] = {}  # wall-clock time each pending update arrived
        self._unmarked: dict[int, str] = {}  # outcomes the store could not take yet
        self._tasks: list[asyncio.Task[None]] = []
        self._bot_id = 0

    async def start(self, *, fetch: bool = True) -> None:
        """Schedule what the last run left unfinished, then start polling (unless not `fetch`:
        a webhook hands the updates to `receive` instead). The store failing here raises
        sqlite3.Error: `run` tells it in one line."""
        self._bot_id = self.application.bot.id
        self.application.add_error_handler(self._note_failure)
        backlog = self.store.unfinished(self._bot_id)
        if backlog:
            log.info("%d update(s) left unfinished by the last run: processed first", len(backlog))
        for update_id, payload, received in backlog:
            self._received[update_id] = received
            self._admit(update_id, json.loads(payload), gate=False)
        self._tasks.append(asyncio.create_task(self._prune(), name="mercato-prune"))
        if fetch:
            self._tasks.append(asyncio.create_task(self._poll(), name="mercato-intake"))

    async def stop(self) -> None:
        """Stop fetching; give the updates in flight `drain_timeout` s; leave the rest recorded."""
        self._stopping.set()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        cancelled = await self.scheduler.drain(self.drain_timeout)
        left = self.scheduler.waiting + cancelled
        if left:
            log.info("stopping: %d update(s) left recorded for the next start", left)
        self.application.remove_error_handler(self._note_failure)
        self._write_outcomes()
        with contextlib.suppress(sqlite3.Error):
            self.store.forget_done()

    # --- Fetching -------------------------------------------------------------------------------

    async def _poll(self) -> None:
        offset: int | None = None  # None at first: whatever Telegram still holds (dedup'd)
        pause = RETRY_PAUSES[0]
        while not self.token_rejected.is_set():
            try:
                batch = await self._fetch(offset)
                if batch:
                    # Recorded: only now may the next getUpdates confirm them with its offset.
                    offset = self.receive(batch) + 1
            except InvalidToken:
                self._reject_token("getUpdates")
                return
            except RetryAfter as error:
                wait = error._retry_after.total_seconds()  # an int or a timedelta, by version
                log.warning("polling: Telegram asks to wait %.0f s (flood control)", wait)
                await asyncio.sleep(wait)
                continue
            except Exception as error:  # 5xx, timeouts; a full disk, a lock; a bug
                _log_poll_failure(error, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RETRY_PAUSES[1])
                continue
            pause = RETRY_PAUSES[0]

    def receive(self, batch: list[dict[str, Any]]) -> int:
        """Record `batch` (raw updates) durably, then schedule the new ones; the highest id.

        Polling confirms them to Telegram afterwards (the next offset), a webhook by answering
        its HTTP request: either way, not before they are committed (sqlite3.Error if not).
        """
        records = [_record_of(raw) for raw in batch if valid_update_id(raw.get("update_id"))]
        if len(records) < len(batch):
            log.warning("%d update(s) without a valid update_id skipped", len(batch) - len(records))
        self._write_outcomes()
        new = set(self.store.record(self._bot_id, [(i, payload) for i, _, payload in records]))
        now = time.time()
        for update_id, raw, _ in records:
            if update_id not in new:
                log.info("update %s: already recorded, skipped (delivered again)", update_id)
                continue
            new.discard(update_id)  # the same id twice in one batch is one update
            self._received[update_id] = now
            self._admit(update_id, raw, gate=True)
        return max((update_id for update_id, _, _ in records), default=-1)

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
            self._finish(update_id, "unreadable")
            return
        kind = "process"
        user, message = update.effective_user, update.message
        if gate and message is not None and user is not None:
            verdict = self.flood.admit(user.id, message.date.timestamp())
            if verdict == "drop":
                log.info("update %s: its sender is over the flood limit, dropped", update_id)
                self._finish(update_id, "dropped: flood limit")
                return
            if verdict == "warn":
                log.info(
                    "update %s: its sender is over the flood limit, asked to slow down", update_id
                )
                kind = "slow down"
        self.scheduler.submit(chat_key(update), (update, kind))

    async def _process(self, job: tuple[Update, str]) -> None:
        """Answer the update, again after a growing pause while Telegram or the store fail."""
        update, kind = job
        pause, attempt = self.answer_pauses[0], 1
        while not self.token_rejected.is_set() and not self._stopping.is_set():
            error = await self._attempt(update, kind)
            if isinstance(error, InvalidToken):
                self._reject_token(f"update {update.update_id}")
            elif error is not None and retriable(error):
                age = time.time() - self._received.get(update.update_id, time.time())
                if age + pause <= self.give_up_after:
                    self._note_retry(update.update_id, error, pause, attempt)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stopping.wait(), pause)
                    pause, attempt = min(pause * 2, self.answer_pauses[1]), attempt + 1
                    continue
                log.warning(
                    "update %s: not answered in %.0f min (%s), given up",
                    *(update.update_id, age / 60, type(error).__name__),
                )
                self._finish(update.update_id, f"given up: {reason(error)}")
            else:
                done = "asked to slow down" if kind == "slow down" else "done"
                self._finish(update.update_id, f"failed: {reason(error)}" if error else done)
            return  # a revoked token or a stop leaves the update pending for the next start

    async def _attempt(self, update: Update, kind: str) -> BaseException | None:
        """Handle `update` once; what failed, if anything."""
        self._failures.pop(update.update_id, None)
        try:
            if kind == "slow down":
                await self._slow_down(update)
            else:
                await self.application.process_update(update)  # errors go to the error handlers
        except Exception as error:
            if not isinstance(error, TelegramError | sqlite3.Error):
                log.error("update %s: unexpected error", update.update_id, exc_info=error)
            return error
        return self._failures.pop(update.update_id, None)

    def _note_retry(self, update_id: int, error: BaseException, pause: float, attempt: int) -> None:
        level = logging.WARNING if attempt == 1 else logging.INFO
        log.log(
            level,
            "update %s: not answered (%s); trying again in %.0f s (attempt %d)",
            *(update_id, reason(error), pause, attempt + 1),
        )

    def _reject_token(self, where: str) -> None:
        if not self.token_rejected.is_set():
            log.warning(
                "%s: Telegram rejected the token; the unanswered updates stay pending", where
            )
        self.token_rejected.set()

    def _finish(self, update_id: int, outcome: str) -> None:
        """Mark the update done; if the store fails, keep the outcome to write later."""
        self._received.pop(update_id, None)
        self._unmarked[update_id] = outcome
        self._write_outcomes()

    def _write_outcomes(self) -> None:
        while self._unmarked:
            update_id, outcome = next(iter(self._unmarked.items()))
            try:
                self.store.finish(self._bot_id, update_id, outcome)
            except sqlite3.Error as error:
                log.warning(
                    "storage: %s; %d update(s) answered but not yet marked done",
                    *(first_line(error), len(self._unmarked)),
                )
                return
            del self._unmarked[update_id]

    async def _prune(self) -> None:
        """Forget old done updates while running, hourly: they hold texts, names and ids."""
        while True:
            try:
                self._write_outcomes()
                forgotten = self.store.forget_done()
                if forgotten:
                    log.info("%d done update(s) forgotten", forgotten)
            except sqlite3.Error as error:
                log.warning("storage: pruning failed (%s); trying again later", first_line(error))
            await asyncio.sleep(PRUNE_EVERY)

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
        """An error handler: keep what made an update fail, for `_process` to decide."""
        if isinstance(update, Update) and context.error is not None:
            self._failures[update.update_id] = context.error


def _record_of(raw: dict[str, Any]) -> tuple[int, dict[str, Any], str]:
    """(update id, update, JSON to store): lone surrogates (from "\\ud800" escapes, which no
    reply could carry) replaced by U+FFFD, with a log line saying so."""
    text = json.dumps(raw, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        raw = json.loads(text)
        log.info("update %s: lone surrogates in its text replaced by U+FFFD", raw["update_id"])
    return raw["update_id"], raw, json.dumps(raw)


def _log_poll_failure(error: Exception, pause: float) -> None:
    """One WARNING line for what is expected (Telegram or the store unwell), else a traceback."""
    if isinstance(error, TelegramError):
        log.warning("polling: %s; retrying in %.0f s", reason(error), pause)
    elif isinstance(error, sqlite3.Error):
        log.warning(
            "storage: %s; nothing confirmed to Telegram, recording again in %.0f s",
            *(reason(error), pause),
        )
    else:
        log.error("polling: unexpected error; retrying in %.0f s", pause, exc_info=error)
