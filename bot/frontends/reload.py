"""Reloading the knowledge base in a running bot: validated first, swapped whole, or refused.

`LiveEngine` is the one object every handler holds in place of the engine: it forwards each call
to its `current` engine, a reference replaced in one assignment on the event loop's thread. An
engine's `answer` runs to the end without yielding to the loop, so every reply comes wholly from
the old base or wholly from the new one, and a half-loaded base never answers: the new base is
loaded and validated in a worker thread, and swapped in only once it is complete.

`Reloader.reload()` does that and says what changed (articles, entities, facts added or removed,
by id) or, when the new base is broken, keeps the last good one and lists the problems as
`check` prints them (`file:line: path: message`). Parsing only the files that changed comes from
the parse cache in the data directory (bot/kb/yamlfile.py, keyed by a digest of each file).
Platform-free: the Telegram front calls it on SIGHUP and on an admin's /reload.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from bot import kb
from bot.engine import Engine, load_engine

log = logging.getLogger(__name__)

PROBLEMS_SHOWN = 10  # problems listed in a chat message; the log has them all


class LiveEngine:
    """Stands for the engine currently loaded: attribute reads go to `current`."""

    def __init__(self, engine: Engine) -> None:
        self.current = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current, name)

    def as_engine(self) -> Engine:
        """This stand-in, typed as the Engine it stands for, for code that only answers."""
        return cast(Engine, self)


def live(engine: Engine | LiveEngine) -> LiveEngine:
    """`engine` itself if it is already live, else a LiveEngine holding it."""
    return engine if isinstance(engine, LiveEngine) else LiveEngine(engine)


@dataclass
class Change:
    """Ids added and removed between two bases, for one kind of thing."""

    added: int = 0
    removed: int = 0

    def __str__(self) -> str:
        return f"+{self.added} −{self.removed}"


@dataclass
class ReloadResult:
    """What a reload did: `ok` with the changes and the time it took, or the problems."""

    ok: bool
    seconds: float
    changes: dict[str, Change] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def summary(self, shown: int | None = PROBLEMS_SHOWN) -> str:
        """Plain text: the changes by kind, or the problems (the first `shown`)."""
        if self.ok:
            parts = [
                f"{kind} {self.totals[kind]} ({change})" for kind, change in self.changes.items()
            ]
            return f"knowledge base reloaded in {self.seconds:.1f} s: " + ", ".join(parts)
        listed = self.problems if shown is None else self.problems[:shown]
        lines = [
            f"knowledge base NOT reloaded: {len(self.problems)} problem(s); "
            "the previous base still answers"
        ]
        lines += listed
        if len(listed) < len(self.problems):
            lines.append(f"… and {len(self.problems) - len(listed)} more (see the log)")
        return "\n".join(lines)


def _ids(base: kb.KnowledgeBase) -> dict[str, set[str]]:
    return {
        "articles": set(base.articles),
        "entities": set(base.entities),
        "facts": {fact.id for fact in base.facts},
    }


class _Empty:
    articles: dict = {}  # noqa: RUF012
    entities: dict = {}  # noqa: RUF012
    facts: list = []  # noqa: RUF012


_EMPTY: Any = _Empty()


def diff(old: kb.KnowledgeBase, new: kb.KnowledgeBase) -> dict[str, Change]:
    """Added and removed ids of articles, entities and facts from `old` to `new`."""
    before, after = _ids(old), _ids(new)
    return {
        kind: Change(len(after[kind] - before[kind]), len(before[kind] - after[kind]))
        for kind in before
    }


class Reloader:
    """Reloads `knowledge_dir` into `engine` (parse cache in `data_dir`), one reload at a time."""

    def __init__(
        self, engine: LiveEngine, knowledge_dir: Path, data_dir: Path | None = None
    ) -> None:
        self.engine = engine
        self.knowledge_dir = knowledge_dir
        self.data_dir = data_dir
        self._lock = asyncio.Lock()

    async def reload(self, reason: str = "reload") -> ReloadResult:
        """Load and validate in a worker thread, then swap on the loop's thread; logged."""
        async with self._lock:
            started = time.perf_counter()
            try:
                current = self.engine.current
                previous = current if isinstance(current, Engine) else None
                new = await asyncio.to_thread(
                    load_engine, self.knowledge_dir, self.data_dir, previous
                )
            except kb.KnowledgeError as error:
                result = ReloadResult(False, time.perf_counter() - started, problems=error.problems)
                log.error("%s: %s", reason, result.summary(shown=None))
                return result
            except Exception as error:  # an unreadable directory, a bug: keep answering
                log.exception("%s: the knowledge base could not be loaded", reason)
                problem = f"{self.knowledge_dir}:1: (load): {type(error).__name__}: {error}"
                return ReloadResult(False, time.perf_counter() - started, problems=[problem])
            old = getattr(self.engine.current, "kb", None)  # None: a stand-in engine (tests)
            changes = diff(old, new.kb) if old is not None else diff(_EMPTY, new.kb)
            self.engine.current = new  # the swap: the next update reads the new base
            totals = {kind: len(ids) for kind, ids in _ids(new.kb).items()}
            result = ReloadResult(True, time.perf_counter() - started, changes, totals=totals)
            log.info("%s: %s", reason, result.summary())
            return result
