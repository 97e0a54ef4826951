"""The bench's conversations on a small synthetic base get the replies they got before the
indexes of issue 20: an index changes how fast a question is answered, never what.

The digests were written by the engine as it was before those changes:

    python -m bot.testing.tail --facts 1000 --sessions 300 --dir /tmp/scale-replies \
        --digests tests/engine/data/scale-replies-1000.json

A change meant to alter replies rewrites them with that command (and says so); the same
command with `--facts 100000 --replies` / `--compare` checks a large base by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.engine import load_engine
from bot.testing.tail import ask_all, base_and_sessions, digest

KEPT = Path(__file__).parent / "data" / "scale-replies-1000.json"


def test_the_bench_conversations_get_the_replies_kept(tmp_path: Path) -> None:
    sessions = base_and_sessions(tmp_path, 1000, 300)
    engine = load_engine(tmp_path / "knowledge")
    replies, _ = ask_all(engine, sessions)
    kept = json.loads(KEPT.read_text(encoding="utf-8"))
    now = [digest(r) for r in replies]
    differing = [(old, new) for old, new in zip(kept, now, strict=True) if old != new]
    assert len(now) == len(kept)
    assert not differing, differing[:5]
