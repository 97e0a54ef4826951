"""The bot's durable memory: one SQLite file (standard library, WAL mode) under MERCATO_DATA_DIR.

Three tables. `updates` is the intake log: every update fetched from the platform is recorded
(committed, fsynced) before it is confirmed to the platform, and marked done once it has been
answered or its failure logged; what is not done is processed again at the next start.
`items` holds small expiring values by (kind, key): conversations, pending choices, replies held
back behind a "More" button, so that they survive a restart. `misses` keeps the questions the
bot could not answer (bot/frontends/misses.py): text, language, time, chat type, no ids.

Everything runs on the event loop's thread; each statement is short (no fsync except when
recording a batch of updates), so no executor is needed.

The file holds users' texts and ids: the folder is created 0700 and the file 0600 (SQLite gives
its -wal and -shm files the database's own mode). A file that is not a Mercato store (another
application's database, a damaged file) is refused with `StoreUnusable`, never altered.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

DATABASE_NAME = "mercato.sqlite3"
DONE_KEPT = 48 * 3600.0  # done updates remembered this long (Telegram keeps updates for 24 h)
DONE_CAPACITY = 200_000  # and at most this many, for de-duplication
APPLICATION_ID = 0x4D657263  # "Merc": PRAGMA application_id marks the file as a Mercato store
LARGEST_ID = 2**63 - 1  # SQLite's INTEGER; Telegram's update ids are far below

_SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    bot_id INTEGER NOT NULL,
    update_id INTEGER NOT NULL,
    payload TEXT NOT NULL,
    received REAL NOT NULL,
    done REAL,
    outcome TEXT,
    PRIMARY KEY (bot_id, update_id)
);
CREATE INDEX IF NOT EXISTS updates_waiting ON updates (bot_id, update_id) WHERE done IS NULL;
CREATE INDEX IF NOT EXISTS updates_done ON updates (done) WHERE done IS NOT NULL;
CREATE TABLE IF NOT EXISTS items (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    saved REAL NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX IF NOT EXISTS items_age ON items (kind, saved);
CREATE TABLE IF NOT EXISTS misses (
    asked REAL NOT NULL,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    choice TEXT
);
CREATE INDEX IF NOT EXISTS misses_age ON misses (asked);
CREATE INDEX IF NOT EXISTS misses_choice ON misses (choice) WHERE choice IS NOT NULL;
"""


_TABLES = {
    "updates": ["bot_id", "update_id", "payload", "received", "done", "outcome"],
    "items": ["kind", "key", "saved", "value"],
    "misses": ["asked", "text", "language", "chat_type", "kind", "choice"],
}


class StoreUnusable(Exception):
    """The store cannot be opened; the message names the file and what to do."""


class Store:
    """The SQLite file at `path` (":memory:" for a throwaway one), created if need be.

    Raises StoreUnusable when the file cannot serve as the bot's store (damaged, another
    application's, read-only, on a full disk, locked), leaving it as it was."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        try:
            if str(path) != ":memory:":
                _create_private(Path(path))
            # Autocommit: each statement is its own transaction unless one is begun explicitly.
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self._open()
            if str(path) != ":memory:":
                _make_private(Path(path))
        except (sqlite3.Error, OSError) as error:
            raise StoreUnusable(unusable_reason(path, error)) from error

    def _open(self) -> None:
        self._db.execute("PRAGMA busy_timeout = 5000")
        if not self._is_ours():
            self._db.close()
            raise sqlite3.DatabaseError("not a Mercato store (other tables in it)")
        self._db.execute("PRAGMA journal_mode = WAL")
        # NORMAL survives the process being killed (the WAL is in the OS's hands once written);
        # recording updates switches to FULL for that commit so it also survives a power loss.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(_SCHEMA)
        # Written at every open: a read-only file or a full disk is told now, in one line,
        # rather than found out by the first update.
        self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _is_ours(self) -> bool:
        """Marked as a Mercato store, new and empty, or an unmarked one of earlier versions
        (only Mercato's tables, with their columns)."""
        if self._db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return True
        tables = [
            name
            for (name,) in self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        columns = "SELECT name FROM pragma_table_info(?) ORDER BY cid"
        return all(
            [row[0] for row in self._db.execute(columns, (name,))] == _TABLES.get(name)
            for name in tables
        )

    @classmethod
    def in_directory(cls, data_dir: Path) -> Store:
        """The bot's store in `data_dir` (MERCATO_DATA_DIR)."""
        return cls(Path(data_dir) / DATABASE_NAME)

    def close(self) -> None:
        self._db.close()

    # --- The intake log -------------------------------------------------------------------------

    def record(self, bot_id: int, updates: Iterable[tuple[int, str]]) -> list[int]:
        """Record (update id, JSON payload) pairs durably; the ids not seen before, in order."""
        new: list[int] = []
        now = time.time()
        self._db.execute("PRAGMA synchronous = FULL")
        try:
            with self._transaction():
                for update_id, payload in updates:
                    cursor = self._db.execute(
                        "INSERT OR IGNORE INTO updates (bot_id, update_id, payload, received) "
                        "VALUES (?, ?, ?, ?)",
                        (bot_id, update_id, payload, now),
                    )
                    if cursor.rowcount:
                        new.append(update_id)
        finally:
            self._db.execute("PRAGMA synchronous = NORMAL")
        return new

    def finish(self, bot_id: int, update_id: int, outcome: str) -> None:
        """Mark an update done: answered, or its failure logged (`outcome` says which)."""
        self._db.execute(
            "UPDATE updates SET done = ?, outcome = ? WHERE bot_id = ? AND update_id = ?",
            (time.time(), outcome, bot_id, update_id),
        )

    def unfinished(self, bot_id: int) -> list[tuple[int, str, float]]:
        """(update id, payload, time received) of the updates recorded but not done, oldest
        first."""
        return self._db.execute(
            "SELECT update_id, payload, received FROM updates WHERE bot_id = ? AND done IS NULL "
            "ORDER BY update_id",
            (bot_id,),
        ).fetchall()

    def outcomes(self, bot_id: int) -> dict[int, str | None]:
        """Every recorded update's outcome (None: not done yet), for tests and diagnostics."""
        rows = self._db.execute(
            "SELECT update_id, outcome FROM updates WHERE bot_id = ?", (bot_id,)
        ).fetchall()
        return dict(rows)

    def forget_done(self, *, older_than: float = DONE_KEPT, keep: int = DONE_CAPACITY) -> int:
        """Forget done updates older than `older_than` seconds, and beyond the newest `keep`;
        how many."""
        with self._transaction():
            old = self._db.execute(
                "DELETE FROM updates WHERE done IS NOT NULL AND done < ?",
                (time.time() - older_than,),
            )
            extra = self._db.execute(
                "DELETE FROM updates WHERE done IS NOT NULL AND rowid NOT IN "
                "(SELECT rowid FROM updates WHERE done IS NOT NULL ORDER BY done DESC LIMIT ?)",
                (keep,),
            )
        return old.rowcount + extra.rowcount

    # --- Expiring items -------------------------------------------------------------------------

    def put(self, kind: str, key: str, value: bytes, saved: float | None = None) -> None:
        """Keep `value` under (kind, key), replacing what was there."""
        self._db.execute(
            "INSERT OR REPLACE INTO items (kind, key, saved, value) VALUES (?, ?, ?, ?)",
            (kind, key, time.time() if saved is None else saved, value),
        )

    def get(self, kind: str, key: str) -> tuple[float, bytes] | None:
        """(wall-clock time saved, value) under (kind, key), or None."""
        row = self._db.execute(
            "SELECT saved, value FROM items WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def delete(self, kind: str, key: str) -> None:
        self._db.execute("DELETE FROM items WHERE kind = ? AND key = ?", (kind, key))

    def count(self, kind: str) -> int:
        return self._db.execute("SELECT COUNT(*) FROM items WHERE kind = ?", (kind,)).fetchone()[0]

    def trim(self, kind: str, *, ttl: float, capacity: int) -> None:
        """Forget items of `kind` saved over `ttl` seconds ago, then all but the newest
        `capacity`."""
        with self._transaction():
            self._db.execute(
                "DELETE FROM items WHERE kind = ? AND saved < ?", (kind, time.time() - ttl)
            )
            self._db.execute(
                "DELETE FROM items WHERE kind = ? AND key NOT IN "
                "(SELECT key FROM items WHERE kind = ? ORDER BY saved DESC LIMIT ?)",
                (kind, kind, capacity),
            )

    # --- Questions not answered -----------------------------------------------------------------

    def add_miss(
        self,
        text: str,
        language: str,
        chat_type: str,
        kind: str,
        choice: str | None = None,
        asked: float | None = None,
    ) -> None:
        """Record a question answered `kind` ("unknown", "clarify" with its `choice` key)."""
        self._db.execute(
            "INSERT INTO misses (asked, text, language, chat_type, kind, choice) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (time.time() if asked is None else asked, text, language, chat_type, kind, choice),
        )

    def settle_miss(self, choice: str) -> None:
        """A clarification's option was chosen: it was not a miss after all."""
        self._db.execute("DELETE FROM misses WHERE choice = ?", (choice,))

    def misses(self, since: float, clarified_before: float) -> list[tuple[str, str, str, str]]:
        """(text, language, chat type, kind) asked since `since`, oldest first; clarifications
        only if asked before `clarified_before` (still pending until then)."""
        return self._db.execute(
            "SELECT text, language, chat_type, kind FROM misses WHERE asked >= ? "
            "AND (kind != 'clarify' OR asked < ?) ORDER BY asked",
            (since, clarified_before),
        ).fetchall()

    def forget_misses(self, older_than: float) -> int:
        """Delete the misses recorded over `older_than` seconds ago; how many."""
        cursor = self._db.execute("DELETE FROM misses WHERE asked < ?", (time.time() - older_than,))
        return cursor.rowcount

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) on an autocommit connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def _create_private(path: Path) -> None:
    """The folder (0700 when created here) and the file (0600 when created here)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _make_private(path: Path) -> None:
    """A store left readable by others (by an older version) made 0600, with its WAL files;
    a folder open to others is said (it may be shared: not changed here)."""
    if stat.S_IMODE(path.parent.stat().st_mode) & 0o077:
        log.warning("the folder %s is open to other users: chmod 700 it", path.parent)
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and stat.S_IMODE(file.stat().st_mode) & 0o077:
            file.chmod(0o600)


def unusable_reason(path: Path | str, error: Exception) -> str:
    """One line: which file, what is wrong with it, what to do."""
    text = str(error)
    if isinstance(error, PermissionError) or "readonly" in text or "read-only" in text:
        advice = "it is read-only here: give the bot's user write access to it and its folder"
    elif "full" in text or getattr(error, "errno", None) == 28:
        advice = "the disk is full: free some space, then start again"
    elif "locked" in text or "busy" in text:
        advice = "another process holds it locked: is another bot running on this folder?"
    elif isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError
    ):
        advice = (
            "it is not a Mercato store, or it is damaged: move it aside (a new one is "
            "created at the next start) or restore a backup (docs/deploy.md)"
        )
    else:
        advice = "check the file and its folder (MERCATO_DATA_DIR)"
    return f"cannot use the store {path} ({text}); {advice}"
