"""Work done by a forked child while this process goes on: the machine's other core.

A child shares the parent's memory until it writes, so a fork costs a few milliseconds, and it
needs nothing sent to it: it finds its arguments where the parent left them. Its result comes
back pickled through a pipe. Loading a large base uses it to parse the facts and to check
their references while the parent reads the articles and indexes the facts.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Any

NOTHING: Any = object()  # what a child that failed, or sent nothing, gives


class Forked:
    """`work()` run by a forked child; `result()` waits for it and returns what it returned.

    Any exception in the child sends nothing: the parent then does the work itself, which
    raises or reports what it must.
    """

    def __init__(self, pid: int, source: int) -> None:
        self.pid = pid
        self.source = source

    @classmethod
    def start(cls, work: Callable[[], Any], nice: int = 0) -> Forked | None:
        """The child doing `work`, or None where a fork is not safe (not Linux, other
        threads running, whose locks the child would inherit held) or fails. `nice`, added
        to the child's niceness: a child whose work is not wanted soon yields the cores to
        those whose work is."""
        if sys.platform != "linux" or threading.active_count() > 1:
            return None
        try:
            source, sink = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the child: work, send, and leave without running the parent's exits
            code = 0
            try:
                os.close(source)
                if nice:
                    os.nice(nice)
                try:
                    payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    payload = b""
                with os.fdopen(sink, "wb") as out:
                    out.write(payload)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(sink)
        return cls(pid, source)

    def result(self) -> Any:
        """What the child's work returned, or `NOTHING` when it sent nothing."""
        try:
            with os.fdopen(self.source, "rb") as pipe:
                payload = pipe.read()
        finally:
            os.waitpid(self.pid, 0)
        try:
            return pickle.loads(payload) if payload else NOTHING
        except Exception:
            return NOTHING

    def discard(self) -> None:
        """End a child whose result is no longer wanted."""
        os.close(self.source)  # the child's write fails, and it exits
        os.waitpid(self.pid, 0)
