"""What waits for a button press: items by short random key, bounded and expiring.

A button's data holds 64 bytes, a question or a whole reply may not: the item stays here and the
button carries its key. Kept in a cachetools TTLCache whose clock can be injected (tests).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from cachetools import TTLCache

from bot.model import Answer, Option

T = TypeVar("T")

CHOICE_TTL = 60 * 60.0  # a clarification's options can be picked for an hour
CHOICE_CAPACITY = 10_000


@dataclass(frozen=True)
class PendingChoice:
    """A clarification waiting for a pick: what was asked, by whom, where, and the options;
    `message_id`: the bot's message carrying the buttons (None where a front has no ids)."""

    question: str
    options: tuple[Option, ...]
    language: str
    chat_id: int
    user_id: int | None
    message_id: int | None = None


@dataclass(frozen=True)
class HeldReply:
    """The whole reply behind a "More" button, and the chat and message that carry the button."""

    answer: Answer
    chat_id: int
    message_id: int


def new_key() -> str:
    """A key for an item waiting for a press: 8 URL-safe random characters."""
    return secrets.token_urlsafe(6)


class Expiring(Generic[T]):
    """Items by short random key. Bounded: at most `capacity` (the least recently used dropped
    first), each forgotten `ttl` seconds (of `clock`) after it was added."""

    def __init__(
        self,
        *,
        ttl: float = CHOICE_TTL,
        capacity: int = CHOICE_CAPACITY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: TTLCache[str, T] = TTLCache(maxsize=capacity, ttl=ttl, timer=clock)

    def add(self, item: T) -> str:
        """Keep `item`; returns its key (8 URL-safe characters)."""
        key = new_key()
        self.put(key, item)
        return key

    def put(self, key: str, item: T) -> None:
        """Keep `item` under `key` (from `new_key`: a button may carry it before it is kept)."""
        self._items[key] = item

    def get(self, key: str) -> T | None:
        """The live item under `key`, or None if unknown or expired."""
        return self._items.get(key)

    def discard(self, key: str) -> None:
        """Forget `key`: a choice is made once."""
        self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)


# Clarifications waiting for a pick; whole replies waiting for a press of "More".
PendingChoices = Expiring[PendingChoice]
HeldBack = Expiring[HeldReply]
