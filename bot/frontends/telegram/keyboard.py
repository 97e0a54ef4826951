"""Buttons: one per option of a clarification, and "More" under a reply that holds facts
back; each carries the key of what waits for its press."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.model import Option


def choice_data(key: str, index: int) -> str:
    """The callback_data of option `index` of the choice `key`: "c:<key>:<index>"."""
    return f"c:{key}:{index}"


def parse_choice_data(data: str | None) -> tuple[str, int] | None:
    """(key, index) from callback_data made by `choice_data`, None for anything else."""
    parts = (data or "").split(":")
    if len(parts) != 3 or parts[0] != "c" or not parts[1] or not _is_index(parts[2]):
        return None
    return parts[1], int(parts[2])


def _is_index(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²" or "①", which int() refuses."""
    return 0 < len(text) <= 3 and text.isascii() and text.isdigit()


def choice_keyboard(key: str, options: Sequence[Option]) -> InlineKeyboardMarkup:
    """One button per option, one per row."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(o.label, callback_data=choice_data(key, i))]
            for i, o in enumerate(options)
        ]
    )


def more_data(key: str) -> str:
    """The callback_data of the "More" button of the held-back reply `key`: "m:<key>"."""
    return f"m:{key}"


def parse_more_data(data: str | None) -> str | None:
    """The key from callback_data made by `more_data`, None for anything else."""
    prefix, _, key = (data or "").partition(":")
    return key if prefix == "m" and key and ":" not in key else None


def more_keyboard(key: str, label: str) -> InlineKeyboardMarkup:
    """The one button that expands a short reply into the whole one."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=more_data(key))]])
