"""What can fail on the way to Telegram, and how it is told: one line for what is expected.

`on_error` is the Application's error handler; `retriable` says which failures another attempt
later may not meet (intake.py answers those again); `QuietRequest` is PTB's HTTP client minus
the ERROR and traceback PTB logs when a response is not JSON, which is what a proxy's 502 or
504 page is: the failure itself still reaches the caller (a NetworkError), logged once there.
"""

from __future__ import annotations

import json
import logging
import sqlite3

from telegram import Update
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import ContextTypes
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)


def retriable(error: BaseException) -> bool:
    """A failure another attempt later may not meet: Telegram, the network or the store unwell."""
    if isinstance(error, BadRequest):
        return False
    return isinstance(error, NetworkError | RetryAfter | sqlite3.Error)


def first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [""])[0][:200]


def reason(error: BaseException) -> str:
    """The error's kind and first line, short enough for a log line and the update's row."""
    return f"{type(error).__name__}: {first_line(error)}"[:200]


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log a failed update, then carry on; expected failures take one line (intake.py decides
    whether the update is answered again, and says so)."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "polling"
    if error is None:
        return
    if isinstance(error, InvalidToken):  # a revoked token: intake.py stops the bot
        log.warning("%s: Telegram rejected the token (%s)", where, first_line(error))
    elif isinstance(error, Forbidden):  # blocked by the user, removed from the group
        log.warning("%s: Telegram refused the reply (%s); skipped", where, error)
    elif isinstance(error, BadRequest):  # a request Telegram cannot accept: a bug here
        log.error("%s: Telegram rejected a request", where, exc_info=error)
    elif retriable(error):
        log.info("%s: %s", where, reason(error))
    elif isinstance(error, TelegramError):  # Conflict, ChatMigrated…
        log.warning("%s: %s", where, reason(error))
    else:
        log.error("%s: unexpected error", where, exc_info=error)


class QuietRequest(HTTPXRequest):
    """HTTPXRequest whose unreadable responses raise without an ERROR line and traceback."""

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict:
        try:
            return json.loads(payload.decode("utf-8", "replace"))
        except ValueError as error:
            raise TelegramError("Invalid server response") from error
