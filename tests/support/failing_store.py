"""A store whose disk fails on demand: a wrapper around its SQLite connection.

`break_store(store)` puts a `FailingConnection` in front of the store's connection; while its
`error` is set, the statements that write (or those `matching` says) raise it, as a full disk,
a read-only remount or another process holding the write lock make SQLite do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from bot.frontends.store import Store

FULL = sqlite3.OperationalError("database or disk is full")
LOCKED = sqlite3.OperationalError("database is locked")
READ_ONLY = sqlite3.OperationalError("attempt to write a readonly database")
WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN", "PRAGMA APPLICATION_ID =")


def writes(sql: str) -> bool:
    return sql.lstrip().upper().startswith(WRITES)


class FailingConnection:
    """A sqlite3 connection whose statements raise `error`, while set, when `matching`."""

    def __init__(self, db: sqlite3.Connection, matching: Callable[[str], bool] = writes) -> None:
        self._db = db
        self.matching = matching
        self.error: Exception | None = None
        self.refused = 0  # statements refused so far

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.error is not None and self.matching(sql):
            self.refused += 1
            raise self.error
        return self._db.execute(sql, *args)

    def executescript(self, script: str) -> sqlite3.Cursor:
        if self.error is not None and self.matching(script):
            self.refused += 1
            raise self.error
        return self._db.executescript(script)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def break_store(store: Store, matching: Callable[[str], bool] = writes) -> FailingConnection:
    """Put a FailingConnection in front of `store`'s connection; returns it."""
    failing = FailingConnection(store._db, matching)
    store._db = failing  # type: ignore[assignment]
    return failing
