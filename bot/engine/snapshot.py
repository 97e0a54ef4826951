"""The loaded engine kept in one file between runs, so that a large base starts in seconds.

Building an engine parses the YAML, validates every fact and indexes them: tens of seconds for
a year of news. What it builds depends only on the base's files and on the code, so it is
written once (pickle, in the data directory, by this process) with a key naming both: the size
and modification time of every file of the base (as `make` and git tell a changed file) and a
digest of the package's own source. Any difference and the snapshot is ignored, rebuilt and
rewritten; an unreadable one too.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot import kb

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent  # bot/
CODE_SUFFIXES = (".py", ".yaml")
RACY_NS = 2_000_000_000  # the coarsest file-time resolution in use (FAT: two seconds)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every source and lexicon file of the package (its knowledge link aside)."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "knowledge" not in path.relative_to(PACKAGE).parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def snapshot_key(directory: Path) -> tuple[str, str, dict[str, tuple[int, int]]]:
    return code_digest(), str(directory.resolve()), kb.file_signatures(directory)


def read(path: Path, key: tuple) -> Any | None:
    """The engine stored in `path` under `key`, or None (missing, stale, unreadable)."""
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != key:
                return None
            return pickle.load(handle)
    except Exception:  # a truncated, foreign or stale file is only a slower start
        return None


def write(path: Path, key: tuple, engine: Any, directory: Path) -> None:
    """Store `engine` under `key`, unless a file of the base changed while it was built (its
    files would not be what the key says) or so recently that a second change within the same
    clock tick could keep its size and time (git's "racily clean" files). Best effort: a
    read-only directory costs speed."""
    try:
        if snapshot_key(directory) != key or _recently_changed(key[2]):
            return
    except OSError:  # the base is going away (a file deleted, its folder removed): nothing to keep
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            partial = Path(handle.name)
            pickle.dump(key, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(engine, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except (OSError, pickle.PickleError, RecursionError, RuntimeError):
        log.warning("could not write the engine snapshot %s", path, exc_info=True)


def _recently_changed(signatures: dict[str, tuple[int, int]]) -> bool:
    newest = max((mtime for _, mtime in signatures.values()), default=0)
    return newest > time.time_ns() - RACY_NS


def write_later(
    path: Path, key: tuple, engine: Any, directory: Path, first: Sequence[Callable[[], None]] = ()
) -> threading.Thread:
    """`write` in another thread, after the writes in `first` (the parse cache's): the engine
    answers meanwhile; the process waits for it to finish before it exits (a half-written
    snapshot is never read: it is written aside)."""

    def write_all() -> None:
        for earlier in first:
            earlier()
        write(path, key, engine, directory)

    thread = threading.Thread(target=write_all, name="engine-snapshot")
    thread.start()
    return thread
