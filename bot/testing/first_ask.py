"""The first ask of every question family on a large base: which ones scan the facts.

    python -m bot.testing.first_ask --facts 100000 --dir /tmp/base [--top 20] [--profile N]

On the realistic synthetic base of `synthetic.py` (written into `--dir` once, as
`python -m bot.testing.tail` does), loaded once, asks: the first question of each of the
bench's families, one question of each family of bot/engine/families that names nobody or
aggregates (by month, by amount, every role), and each distinct question of the chat sets
(tests/data/chat_sets/*.jsonl). Before each, what the engine keeps of the questions asked is
forgotten (`forget`): each is timed as its first ask on a freshly loaded engine. /graph's
flows are timed too. Prints the slowest `--top`; `--profile N` the functions the slowest N
spend their time in.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

from bot.engine import Engine, State, load_engine
from bot.testing.tail import base_and_sessions

CHAT_SETS = Path(__file__).resolve().parents[2] / "tests" / "data" / "chat_sets"
# Questions naming nobody, or aggregating over the base: where a family may read every fact.
AGGREGATES = (
    ("month, who", "Who joined in March?"),
    ("month, who fr", "Qui a rejoint en avril ?"),
    ("month, how many", "How many hires in May?"),
    ("month, how many fr", "Combien de recrutements en juin ?"),
    ("month and year", "Who was hired in March 2025?"),
    ("year", "Who left in 2025?"),
    ("superlative amount", "Who raised the most?"),
    ("superlative amount fr", "Qui a levé le plus ?"),
    ("superlative offer", "What is the biggest offer?"),
    ("superlative count", "Which company has the most employees?"),
    ("superlative fewest", "Who hired the fewest engineers?"),
    ("order, month most", "Which month had the most hires?"),
    ("role, unnamed", "Who is the chief scientist?"),
    ("role, unnamed fr", "Qui est le directeur scientifique ?"),
    ("leads, unnamed", "Who leads a lab?"),
    ("number", "What are the 25 million dollars?"),
    ("number comparison", "Who hired more than 20 engineers?"),
    ("catalogue companies", "Which companies are mentioned?"),
    ("catalogue people", "Quelles personnes sont citées ?"),
    ("said, unnamed", "Who said talent decides everything?"),
    ("statement, unnamed", "What was said about salaries?"),
    ("where, unnamed", "Where are the labs based?"),
    ("why, unnamed", "Why do people leave?"),
    ("when, unnamed", "When did the hires happen?"),
    ("offer, unnamed", "How much are the offers?"),
    ("worked on, unnamed", "Who worked on the models?"),
    ("yes/no, unnamed", "Did anyone join in March?"),
    ("since", "Who joined since January?"),
    ("day", "Who joined on 12 June?"),
    ("topic words", "What about on-device models?"),
)


def forget(engine: Engine) -> None:
    """Drop what the engine kept of the questions asked, as a fresh load has it: what its
    parts leave out of a snapshot (`__getstate__`)."""
    answerer = engine._answerer
    answerer.__setstate__(answerer.__getstate__())
    for part in (answerer.tk.facts, answerer.tk.selector.roles):
        part.__dict__.update(part.__getstate__())


def named_questions(engine: Engine, sessions: list[tuple[str, list[str]]]) -> list[tuple]:
    """The first session of each bench family, then questions of the families that name
    someone, built from the base's own names."""
    first: dict[str, list[str]] = {}
    for label, questions in sessions:
        first.setdefault(label, questions)
    entities = engine.kb.entities.values()
    person = next(e.name.en for e in entities if e.type == "person")
    org, other = [e.name.en for e in entities if e.type == "organization"][:2]
    more = {
        "either/or": [f"Did {org} or {other} hire more?"],
        "superlative named": [f"What is the biggest amount {org} offered?"],
        "order": [f"Did {person} leave before or after {org} hired?"],
        "jointly": [f"Who worked at {org} and went to {other}?"],
        "count named": [f"How many joined {org} in April?"],
        "membership": [f"Is {person} part of {org}?"],
        "team": [f"What was {person}'s team working on?"],
        "definition": [f"What does {org} stand for?"],
        "said about": [f"What did {person} say about pay?"],
        "yes/no date": [f"Did {person} join {org} in March 2025?"],
        "yes/no number": [f"Did {org} hire more than 20 engineers?"],
    }
    return [*first.items(), *more.items()]


def chat_questions() -> list[tuple[str, list[str]]]:
    """Each distinct question of the chat sets, asked alone."""
    seen: dict[str, str] = {}
    for path in sorted(CHAT_SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(json.loads(line)["q"], path.stem)
    return [(f"chat {source}", [question]) for question, source in seen.items()]


def first_asks(engine: Engine, asked: list[tuple[str, list[str]]]) -> list[tuple]:
    """(milliseconds, label, question) of each question, each session on a forgetful engine."""
    timings = []
    for label, questions in asked:
        forget(engine)
        state = State()
        for question in questions:
            started = time.perf_counter()
            _, state = engine.answer(question, state)
            timings.append(((time.perf_counter() - started) * 1000, label, question))
    return timings


def graph_timings(engine: Engine) -> list[tuple]:
    """/graph's flows: of the whole base, of a company, of a person (each a first time)."""
    entities = engine.kb.entities.values()
    org = next(e.id for e in entities if e.type == "organization")
    person = next(e.id for e in entities if e.type == "person")
    timings = []
    for label, focus in (("/graph", None), ("/graph company", org), ("/graph person", person)):
        forget(engine)
        started = time.perf_counter()
        engine.flows(focus)
        timings.append(((time.perf_counter() - started) * 1000, label, f"flows({focus})"))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.testing.first_ask")
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args(argv)
    sessions = base_and_sessions(args.dir, args.facts)
    engine = load_engine(args.dir / "knowledge", args.dir / "data")
    engine.answer("Bonjour")  # the lexicons and stemmers, loaded once per process
    asked = [
        *named_questions(engine, sessions),
        *((label, [q]) for label, q in AGGREGATES),
        *chat_questions(),
    ]
    timings = first_asks(engine, asked) + graph_timings(engine)
    total = sum(t for t, _, _ in timings)
    print(f"{len(timings)} first asks, {total:.0f} ms in all; slowest {args.top}:")
    for elapsed, label, question in sorted(timings, reverse=True)[: args.top]:
        print(f"  {elapsed:8.2f} ms  {label:24} {question}")
    if args.profile:
        slow = {q for _, _, q in sorted(timings, reverse=True)[: args.profile]}
        again = [(label, qs) for label, qs in asked if slow & set(qs)]
        profile = cProfile.Profile()
        profile.runcall(first_asks, engine, again)
        pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
