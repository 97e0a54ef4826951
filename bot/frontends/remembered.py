"""Conversations, pending choices and held-back replies kept in the SQLite store, so that a
follow-up and an old button still work after a restart. Bounded and expiring as in memory.

Everything is JSON: choices and replies are pydantic models and plain fields, a conversation is
the engine's `State`, which writes and reads its own versioned JSON. A row written by another
version of the code (an older bot pickled its conversations), or damaged, is ignored (and
deleted) rather than loaded wrongly.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from bot.engine import State
from bot.frontends.conversations import ConversationStore
from bot.frontends.expiring import (
    CHOICE_CAPACITY,
    CHOICE_TTL,
    Expiring,
    HeldBack,
    HeldReply,
    PendingChoice,
    PendingChoices,
)
from bot.frontends.store import Store
from bot.model import Answer, Option

log = logging.getLogger(__name__)

T = TypeVar("T")
TRIM_EVERY = 100  # writes between two trims of a kind (so the bound is capacity + this)


class StoredExpiring(Expiring[T]):
    """`Expiring` whose items live in the store under `kind`, (de)serialised by the codecs."""

    def __init__(
        self,
        store: Store,
        kind: str,
        encode: Callable[[T], bytes],
        decode: Callable[[bytes], T],
        *,
        ttl: float = CHOICE_TTL,
        capacity: int = CHOICE_CAPACITY,
    ) -> None:
        super().__init__(ttl=ttl, capacity=capacity)
        self.store, self.kind = store, kind
        self._encode, self._decode = encode, decode
        self._writes = 0

    def put(self, key: str, item: T) -> None:
        self.store.put(self.kind, key, self._encode(item))
        self._writes += 1
        if self._writes % TRIM_EVERY == 0:
            self.store.trim(self.kind, ttl=self.ttl, capacity=self.capacity)

    def get(self, key: str) -> T | None:
        row = self.store.get(self.kind, key)
        if row is None:
            return None
        saved, value = row
        item = _decoded(self._decode, value) if time.time() - saved <= self.ttl else None
        if item is None:
            self.store.delete(self.kind, key)
        return item

    def discard(self, key: str) -> None:
        self.store.delete(self.kind, key)

    def __len__(self) -> int:
        return self.store.count(self.kind)


class StoredConversations(ConversationStore):
    """`ConversationStore` whose states live in the store too; `save` after each answer."""

    KIND = "conversation"

    def __init__(self, store: Store, *, ttl: float = 30 * 60, capacity: int = 10_000) -> None:
        super().__init__(ttl=ttl, capacity=capacity)
        self.store = store
        self._writes = 0

    def get(self, chat: int | str, user: int | str | None = None) -> State:
        """As in memory; a conversation not in memory (since a restart) is read from the store
        (and kept in memory again by the `save` that follows its next answer)."""
        if (chat, user) in self._items:
            return super().get(chat, user)
        row = self.store.get(self.KIND, _key(chat, user))
        if row is None or time.time() - row[0] > self.ttl:
            return State()
        state = _decoded(State.from_json, row[1])
        if state is None:
            self.store.delete(self.KIND, _key(chat, user))
            return State()
        return state

    def save(self, chat: int | str, user: int | str | None, state: State) -> None:
        super().save(chat, user, state)
        self.store.put(self.KIND, _key(chat, user), state.to_json().encode())
        self._writes += 1
        if self._writes % TRIM_EVERY == 0:
            self.store.trim(self.KIND, ttl=self.ttl, capacity=self.capacity)


def remembered(store: Store) -> dict[str, Any]:
    """The handlers' conversations, choices and held-back replies, kept in `store`."""
    choices: PendingChoices = StoredExpiring(store, "choice", _dump_choice, _load_choice)
    held_back: HeldBack = StoredExpiring(store, "more", _dump_held, _load_held)
    return {"conversations": StoredConversations(store), "choices": choices, "held_back": held_back}


def _key(chat: int | str, user: int | str | None) -> str:
    return f"{chat}:{user}"


def _decoded(decode: Callable[[bytes], T], value: bytes) -> T | None:
    """`decode(value)`, or None (logged) when the row is damaged or from another version."""
    try:
        return decode(value)
    except Exception as error:
        log.warning("a stored item could not be read (%s); ignored", type(error).__name__)
        return None


def _dump_held(held: HeldReply) -> bytes:
    fields = {"chat_id": held.chat_id, "message_id": held.message_id}
    return json.dumps({**fields, "answer": held.answer.model_dump(mode="json")}).encode()


def _load_held(value: bytes) -> HeldReply:
    fields = json.loads(value)
    return HeldReply(
        Answer.model_validate(fields["answer"]), fields["chat_id"], fields["message_id"]
    )


def _dump_choice(choice: PendingChoice) -> bytes:
    fields = dataclasses.asdict(choice)
    fields["options"] = [option.model_dump() for option in choice.options]
    return json.dumps(fields).encode()


def _load_choice(value: bytes) -> PendingChoice:
    fields = json.loads(value)
    fields["options"] = tuple(Option.model_validate(option) for option in fields["options"])
    return PendingChoice(**fields)
