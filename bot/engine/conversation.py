"""Per-conversation memory for follow-ups: who was discussed, what was asked, what is pending."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bot.nlu.query import Query


@dataclass
class Conversation:
    """What the engine remembers between two messages of one conversation.

    `answer()` reads it and updates it in place; callers only create and keep it.
    """

    language: str | None = None
    last_query: Query | None = None  # the previous question, as parsed
    last_person: str | None = None  # entity id that "he/she/il/elle" refer to
    last_entities: tuple[str, ...] = ()
    pending: Query | None = None  # a question waiting for a clarification
    # A clarified question and the options not picked, for "what about the other?".
    clarified: Query | None = None
    other_options: tuple[str, ...] = ()
    updated_at: float = field(default_factory=time.monotonic)

    def touch(self) -> None:
        """Mark the conversation as active now (used for expiry)."""
        self.updated_at = time.monotonic()
