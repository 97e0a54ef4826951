"""The tail of `bench --scale`, by question family, and the replies kept to compare.

    python -m bot.testing.tail --facts 100000 --dir /tmp/base [--replies out.json]
        [--compare before.json] [--profile] [--sessions N] [--digests out.json]

Writes the realistic synthetic base of `synthetic.py` into `--dir` (once: an existing base of
the same size is reused), asks it the bench's conversations, and prints each family's
percentiles and the slowest questions. `--replies` keeps every reply (text, kind, citations,
options, the state's language); `--compare` says which replies differ from a file kept before
a change: an index must not change what is answered, only how fast. `--profile` prints the
functions the slowest questions spend their time in. `--digests` writes what
tests/engine/test_scale_replies.py compares with (its docstring gives the command).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import random
import sys
import time
from pathlib import Path

from bot.engine import Engine, State, load_engine
from bot.testing.bench import percentiles
from bot.testing.synthetic import labelled_sessions, write_news_base

SESSIONS = 1500  # as `bench --scale`


def base_and_sessions(
    directory: Path, facts: int, count: int = SESSIONS
) -> list[tuple[str, list[str]]]:
    """The base in `directory/knowledge` (written when missing) and the bench's sessions."""
    knowledge = directory / "knowledge"
    sessions_file = directory / f"sessions-{facts}-{count}.json"
    if not sessions_file.exists() or not knowledge.exists():
        if knowledge.exists():
            raise SystemExit(f"{knowledge} exists without its sessions: remove it first")
        world = write_news_base(knowledge, facts)
        sessions = labelled_sessions(world, random.Random(42), count)
        sessions_file.write_text(json.dumps(sessions), encoding="utf-8")
    return [(label, list(questions)) for label, questions in json.loads(sessions_file.read_text())]


def reply_record(engine: Engine, question: str, state: State) -> tuple[dict, State, float]:
    started = time.perf_counter()
    answer, state = engine.answer(question, state)
    elapsed = (time.perf_counter() - started) * 1000
    record = {
        "question": question,
        "kind": answer.kind,
        "text": answer.text,
        "citations": [c.model_dump() for c in answer.citations],
        "options": [o.model_dump() for o in answer.options],
        "more": answer.more.text if answer.more else None,
        "language": state.language,
    }
    return record, state, elapsed


def digest(record: dict) -> dict:
    """A reply kept small: its question, kind and opening words, and a digest of it whole."""
    whole = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return {
        "question": record["question"],
        "kind": record["kind"],
        "opening": record["text"][:60],
        "digest": hashlib.blake2b(whole, digest_size=8).hexdigest(),
    }


def ask_all(
    engine: Engine, sessions: list[tuple[str, list[str]]]
) -> tuple[list[dict], list[tuple[float, str, str]]]:
    replies: list[dict] = []
    timings: list[tuple[float, str, str]] = []
    for label, questions in sessions:
        state = State()
        for question in questions:
            record, state, elapsed = reply_record(engine, question, state)
            replies.append(record)
            timings.append((elapsed, label, question))
    return replies, timings


def report(timings: list[tuple[float, str, str]]) -> None:
    overall = percentiles([t for t, _, _ in timings])
    print(
        f"all {len(timings)} questions: p50 {overall['p50']:.2f} ms, "
        f"p95 {overall['p95']:.2f} ms, p99 {overall['p99']:.2f} ms"
    )
    families: dict[str, list[float]] = {}
    for elapsed, label, _ in timings:
        families.setdefault(label, []).append(elapsed)
    print("by family (slowest p99 first):")
    rows = sorted(families.items(), key=lambda item: -percentiles(item[1])["p99"])
    for label, samples in rows:
        figures = percentiles(samples)
        print(
            f"  {label:24} n {len(samples):4}  p50 {figures['p50']:6.2f}  "
            f"p99 {figures['p99']:6.2f}  max {max(samples):6.2f} ms"
        )
    print("slowest 20 questions:")
    for elapsed, label, question in sorted(timings, reverse=True)[:20]:
        print(f"  {elapsed:7.2f} ms  {label:24} {question}")


def compare(replies: list[dict], before: Path) -> int:
    kept = json.loads(before.read_text(encoding="utf-8"))
    if len(kept) != len(replies):
        print(f"{len(kept)} replies kept, {len(replies)} now")
        return 1
    differing = [(old, new) for old, new in zip(kept, replies, strict=True) if old != new]
    for old, new in differing[:10]:
        print(f"differs: {new['question']!r}\n  before: {old['text'][:200]!r}")
        print(f"  now:    {new['text'][:200]!r}")
    print(f"{len(replies) - len(differing)} of {len(replies)} replies identical")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.testing.tail")
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--replies", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--digests", type=Path, help="write the replies' digests (a test's)")
    args = parser.parse_args(argv)
    sessions = base_and_sessions(args.dir, args.facts, args.sessions)
    engine = load_engine(args.dir / "knowledge", args.dir / "data")
    ask_all(engine, sessions[:50])  # warm the caches, as a running bot's are
    replies, timings = ask_all(engine, sessions)
    report(timings)
    if args.profile:
        slow = {q for _, _, q in sorted(timings, reverse=True)[:50]}
        again = [s for s in sessions if slow & set(s[1])]  # whole: follow-ups need their state
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(3):
            ask_all(engine, again)
        profile.disable()
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(40)
    if args.digests:
        kept = [digest(r) for r in replies]
        args.digests.write_text(json.dumps(kept, ensure_ascii=False, indent=0) + "\n", "utf-8")
    if args.replies:
        args.replies.write_text(json.dumps(replies, ensure_ascii=False, indent=0), "utf-8")
    return compare(replies, args.compare) if args.compare else 0


if __name__ == "__main__":
    sys.exit(main())
