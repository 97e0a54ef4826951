"""Sends that survive Telegram's bad moments: 429s paused per chat, 5xx and dropped connections
retried with a bounded backoff.

What a 429's `retry_after` covers. The Bot API says only that it is "the number of seconds left to
wait before the request can be repeated" (core.telegram.org/bots/api#responseparameters). Its
limits are per chat and per bot (core.telegram.org/bots/faq, "My bot is hitting limits": about
one message a second in a chat, 20 a minute in a group, about 30 a second overall), and
operators who keep a 429 window per chat id see it counted per chat (tdlib/telegram-bot-api#535).
PTB's AIORateLimiter nevertheless halts *every* request for the whole `retry_after` (its docs,
and python-telegram-bot#4003, #5338): one busy group then silences all chats. Here the overall
and per-group pace is still AIORateLimiter's (so the overall limit is not reached), but a 429
pauses only the chat it was answered for; a request without a chat waits alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

RETRIED_METHODS = frozenset({"sendMessage", "editMessageText"})
BACKOFF = (0.5, 1.0, 2.0)  # seconds before each retry of a failed send: 3.5 s at most in all
RATE_LIMIT_RETRIES = 5  # 429s in a row waited out before the reply is given up


class RetryingLimiter(AIORateLimiter):
    """AIORateLimiter's throttling, with per-chat 429 pauses and retries of failed sends."""

    def __init__(
        self,
        *,
        overall_max_rate: float = 30,
        group_max_rate: float = 20,
        rate_limit_retries: int = RATE_LIMIT_RETRIES,
        backoff: tuple[float, ...] = BACKOFF,
    ) -> None:
        super().__init__(
            overall_max_rate=overall_max_rate, group_max_rate=group_max_rate, max_retries=0
        )
        self.rate_limit_retries = rate_limit_retries
        self.backoff = backoff
        self._paused_until: dict[int | str, float] = {}  # chat id -> time.monotonic()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = data.get("chat_id")
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        in_group = (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)
        group = chat_id if in_group and chat_id is not None else False

        async def attempt() -> Any:
            # AIORateLimiter's own pacing (overall, per group), without its global 429 halt.
            return await self._run_request(
                chat=chat_id is not None,
                group=group,
                allow_paid_broadcast=bool(data.get("allow_paid_broadcast")),
                callback=callback,
                args=args,
                kwargs=kwargs,
            )

        if endpoint == "getUpdates":  # the intake's loop handles its own failures
            return await attempt()
        rate_limited = failed = 0
        while True:
            await self._wait_for(chat_id)
            try:
                return await attempt()
            except RetryAfter as error:
                rate_limited += 1
                if rate_limited > self.rate_limit_retries:
                    raise
                wait = error._retry_after.total_seconds() + 0.1  # seconds, int or timedelta
                log.info("%s: Telegram asks this chat to wait %.1f s (429)", endpoint, wait)
                if chat_id is None:
                    await asyncio.sleep(wait)
                else:
                    until = time.monotonic() + wait
                    self._paused_until[chat_id] = max(until, self._paused_until.get(chat_id, 0))
            except NetworkError as error:  # 5xx, a dropped connection, a timeout
                if isinstance(error, BadRequest) or endpoint not in RETRIED_METHODS:
                    raise
                if failed >= len(self.backoff):
                    raise
                log.info("%s: %s: %s; retrying", endpoint, type(error).__name__, error)
                await asyncio.sleep(self.backoff[failed])
                failed += 1

    async def _wait_for(self, chat_id: int | str | None) -> None:
        """Sleep while `chat_id` is paused by a 429."""
        if chat_id is None:
            return
        while (remaining := self._paused_until.get(chat_id, 0) - time.monotonic()) > 0:
            await asyncio.sleep(remaining)
        self._paused_until.pop(chat_id, None)
