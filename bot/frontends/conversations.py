"""Each conversation's engine state between two messages, in memory, bounded and expiring."""

from __future__ import annotations

import time
from collections.abc import Callable

from cachetools import TTLCache

from bot.engine import State

Key = tuple[int | str, int | str | None]  # (chat, user)


class ConversationStore:
    """Each conversation's engine state, keyed by (chat, user), forgotten `ttl` seconds (of
    `clock`) after its last message, at most `capacity`.

    The least recently used conversation is dropped first when the store is full, so memory stays
    bounded however many chats the bot sees.
    """

    def __init__(
        self,
        *,
        ttl: float = 30 * 60,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: TTLCache[Key, State] = TTLCache(maxsize=capacity, ttl=ttl, timer=clock)

    def get(self, chat: int | str, user: int | str | None = None) -> State:
        """The live state for (chat, user), a new one if none or if it expired."""
        state = self._items.get((chat, user))
        return State() if state is None else state

    def save(self, chat: int | str, user: int | str | None, state: State) -> None:
        """Keep `state`, the engine's answer to the conversation's last message."""
        self._items[(chat, user)] = state

    def __len__(self) -> int:
        return len(self._items)
