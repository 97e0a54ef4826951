"""One chat at a time, all chats fairly; a flood gate per user. Platform-free.

`ChatScheduler` runs jobs in order within a chat (one at a time, so replies keep the order of the
questions) and round-robin across chats: a chat that has just had a job done goes to the back of
the line, so a chat with 300 waiting messages takes one turn in each round, not the whole bot.
`FloodGate` is a token bucket per user: a burst, then a steady rate; past it, one warning, then
drops until the user slows down.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Coroutine, Hashable
from functools import partial
from typing import Any

log = logging.getLogger(__name__)

CONCURRENCY = 64  # jobs in flight at once, across chats (each chat has at most one)


class ChatScheduler:
    """Runs `run(job)` for submitted jobs: FIFO per chat, round-robin across chats."""

    def __init__(
        self, run: Callable[[Any], Coroutine[Any, Any, None]], *, concurrency: int = CONCURRENCY
    ) -> None:
        self._run = run
        self.concurrency = concurrency
        self._queues: dict[Hashable, deque[Any]] = {}
        self._ready: deque[Hashable] = deque()  # chats with a job waiting and none in flight
        self._tasks: dict[Hashable, asyncio.Task[None]] = {}  # the job in flight, per chat
        self._starting = True

    def submit(self, chat: Hashable, job: Any) -> None:
        """Queue `job` behind the other jobs of `chat`."""
        queue = self._queues.setdefault(chat, deque())
        queue.append(job)
        if len(queue) == 1 and chat not in self._tasks:
            self._ready.append(chat)
        self._dispatch()

    @property
    def waiting(self) -> int:
        """Jobs queued, not started."""
        return sum(len(queue) for queue in self._queues.values())

    def _dispatch(self) -> None:
        while self._starting and self._ready and len(self._tasks) < self.concurrency:
            chat = self._ready.popleft()
            job = self._queues[chat].popleft()
            task = asyncio.get_running_loop().create_task(self._run(job))
            self._tasks[chat] = task
            task.add_done_callback(partial(self._finished, chat))

    def _finished(self, chat: Hashable, task: asyncio.Task[None]) -> None:
        self._tasks.pop(chat, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("a job failed unexpectedly", exc_info=task.exception())
        if self._queues.get(chat):
            self._ready.append(chat)  # to the back of the line: the other chats go first
        else:
            self._queues.pop(chat, None)
        self._dispatch()

    async def drain(self, timeout: float) -> int:
        """Start nothing more; wait up to `timeout` s for the jobs in flight, then cancel the
        rest. Returns how many were cancelled (queued jobs are simply left)."""
        self._starting = False
        tasks = list(self._tasks.values())
        if not tasks:
            return 0
        _, late = await asyncio.wait(tasks, timeout=timeout)
        for task in late:
            task.cancel()
        for task in late:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        return len(late)


class FloodGate:
    """A token bucket per user: `burst` messages at once, then `rate` per second.

    `admit(user, at)` says "ok", "warn" (the first message over the limit: tell the user once)
    or "drop" (the next ones, until the bucket has refilled a little). At most `capacity` users
    are remembered, the least recently seen forgotten first.
    """

    def __init__(self, *, burst: int = 20, rate: float = 1 / 3, capacity: int = 100_000) -> None:
        self.burst = burst
        self.rate = rate
        self.capacity = capacity
        self._buckets: dict[Hashable, tuple[float, float, bool]] = {}  # tokens, at, warned

    def admit(self, user: Hashable, at: float) -> str:
        tokens, last, warned = self._buckets.pop(user, (float(self.burst), at, False))
        tokens = min(float(self.burst), tokens + max(0.0, at - last) * self.rate)
        last = max(last, at)
        if tokens >= 1:
            verdict, tokens, warned = "ok", tokens - 1, False
        elif not warned:
            verdict, warned = "warn", True
        else:
            verdict = "drop"
        self._buckets[user] = (tokens, last, warned)  # re-inserted last: least recent first
        while len(self._buckets) > self.capacity:
            del self._buckets[next(iter(self._buckets))]
        return verdict
