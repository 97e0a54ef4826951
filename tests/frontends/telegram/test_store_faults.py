"""The store at start: private (0700 folder, 0600 files), and a store that cannot be used told
in one line naming the file and what to do, exit 1, the file left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import stat

import pytest
from failing_store import FULL, FailingConnection
from fake_engine import FakeEngine
from telegram_helpers import settings_for

from bot.frontends.store import DATABASE_NAME, Store, StoreUnusable
from bot.frontends.telegram.app import run


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_store_is_created_private_with_its_wal_files(tmp_path):
    store = Store.in_directory(tmp_path / "data")
    store.put("conversation", "1:2", b"x")
    files = [tmp_path / "data" / f"{DATABASE_NAME}{suffix}" for suffix in ("", "-wal", "-shm")]
    assert mode(tmp_path / "data") == 0o700
    assert [mode(file) for file in files] == [0o600] * 3


def test_a_store_left_readable_by_an_older_version_is_made_private(tmp_path):
    Store(tmp_path / "m.sqlite3").close()
    (tmp_path / "m.sqlite3").chmod(0o644)
    Store(tmp_path / "m.sqlite3")
    assert mode(tmp_path / "m.sqlite3") == 0o600


def foreign(path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    db.execute("INSERT INTO notes VALUES (1, 'someone else''s data')")
    db.commit()
    db.close()


def damaged(path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 2048)


def old_unmarked(path) -> None:  # a store of an earlier version: Mercato's tables, no mark
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 0")
    db.close()


def test_an_unmarked_store_of_an_earlier_version_is_accepted(tmp_path):
    old_unmarked(tmp_path / "m.sqlite3")
    Store(tmp_path / "m.sqlite3").put("choice", "k", b"v")


@pytest.mark.parametrize(
    ("make", "advice"),
    [
        (foreign, "it is not a Mercato store, or it is damaged: move it aside"),
        (damaged, "it is not a Mercato store, or it is damaged: move it aside"),
    ],
    ids=["foreign", "damaged"],
)
def test_a_foreign_or_damaged_store_stops_the_bot_in_one_line_untouched(
    api, data_dir, capsys, make, advice
):
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    make(path)
    path.chmod(0o644)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert run(settings_for(api), FakeEngine()) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"mercato: cannot use the store {path} (") and advice in line
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert mode(path) == 0o644  # not even its mode changed
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_NAME]
    assert not api.calls  # told before anything is asked of Telegram


def connecting_as(monkeypatch, wrap) -> None:
    real = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda path, **kw: wrap(real, path, **kw))


def read_only(real, path, **kw):
    return real(f"file:{path}?mode=ro", uri=True, **kw)


def full_disk(real, path, **kw):
    failing = FailingConnection(real(path, **kw))
    failing.error = FULL
    return failing


@pytest.mark.parametrize(
    ("wrap", "advice"),
    [
        (read_only, "it is read-only here: give the bot's user write access to it and its folder"),
        (full_disk, "the disk is full: free some space, then start again"),
    ],
    ids=["read-only", "full"],
)
def test_a_read_only_or_full_store_stops_the_bot_in_one_line(
    api, data_dir, capsys, monkeypatch, wrap, advice
):
    Store.in_directory(data_dir).close()
    connecting_as(monkeypatch, wrap)
    assert run(settings_for(api), FakeEngine()) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"mercato: cannot use the store {data_dir / DATABASE_NAME} (")
    assert line.endswith(advice)


def test_store_unusable_names_the_file(tmp_path):
    damaged(tmp_path / "m.sqlite3")
    with pytest.raises(StoreUnusable, match=str(tmp_path / "m.sqlite3")):
        Store(tmp_path / "m.sqlite3")
