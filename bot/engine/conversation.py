"""Per-conversation memory for follow-ups: who was discussed, what was asked, what is pending."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Conversation:
    """What the engine remembers between two messages of one conversation.

    `answer()` reads it and updates it in place; callers only create and keep it.
    """

    language: str | None = None
    last_query: Any = None  # the previous parsed question (bot.nlu.parsing.Query)
    last_person: str | None = None  # entity id that "he/she/il/elle" refer to
    last_entities: tuple[str, ...] = ()
    pending: Any = None  # a question waiting for a clarification (bot.nlu.parsing.Query)
    updated_at: float = field(default_factory=time.monotonic)

    def touch(self) -> None:
        """Mark the conversation as active now (used for expiry)."""
        self.updated_at = time.monotonic()


class ConversationStore:
    """Conversations keyed by (chat, user), forgotten after `ttl` quiet seconds, at most `capacity`.

    The least recently used conversation is dropped first when the store is full, so memory stays
    bounded however many chats the bot sees.
    """

    def __init__(self, *, ttl: float = 30 * 60, capacity: int = 10_000) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: dict[tuple[int | str, int | str | None], Conversation] = {}

    def get(self, chat: int | str, user: int | str | None = None) -> Conversation:
        """The live conversation for (chat, user), a new one if none or if it expired."""
        key = (chat, user)
        now = time.monotonic()
        conversation = self._items.pop(key, None)
        if conversation is None or now - conversation.updated_at > self.ttl:
            conversation = Conversation()
        self._items[key] = conversation  # re-inserted last: dicts keep insertion order (LRU)
        while len(self._items) > self.capacity:
            del self._items[next(iter(self._items))]
        conversation.touch()
        return conversation

    def __len__(self) -> int:
        return len(self._items)
