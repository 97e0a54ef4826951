"""What a handler's update surely carries: its handler's filters let through only updates that
have it (a message, a button press, an inline query). Typed, so that a handler needs no check."""

from __future__ import annotations

from typing import TypeVar

from telegram import CallbackQuery, InlineQuery, Message, Update

T = TypeVar("T")


def message_of(update: Update) -> Message:
    return _present(update.effective_message, update, "message")


def callback_of(update: Update) -> CallbackQuery:
    return _present(update.callback_query, update, "callback query")


def inline_of(update: Update) -> InlineQuery:
    return _present(update.inline_query, update, "inline query")


def _present(value: T | None, update: Update, what: str) -> T:
    if value is None:  # a handler registered for the wrong kind of update
        raise TypeError(f"update {update.update_id} has no {what}")
    return value
