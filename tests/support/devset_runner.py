"""Runs the dev set (tests/data/devset.yaml) through an engine and says what each item got wrong.

The question sets are written for the base of their day, and the base grows: an item that
expects `kind: unknown` but now gets a confident answer (`kind: answer`) is a failure only when
its family is off-topic (`out_of_scope`, or `oos` as blind.yaml spells it): those questions must
stay unknown whatever the base learns. For any other family, when the answer quotes an article
added after the sets were written, it is "an unknown that became answerable": not a problem,
reported apart (`Outcome.learned`, `learned()`), never counted as a
regression.

Apart from failing, a reply may be *confidently wrong* (`Outcome.wrong`): a Yes or a No the item
does not expect (it expects the other verdict, "Not confirmed", or `unknown`), or a reply that
names what the item forbids (`not_contains`) while not saying it does not know. Run as a script,
it prints them for every set, then `set: passed/total, confidently wrong N`:

    python tests/support/devset_runner.py [SET ...] [--family F] [--failures] [--knowledge DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from paths import DATA, KNOWLEDGE
from reply_reading import (
    OTHER,
    UNKNOWN,
    contradicts,
    says_it_does_not_know,
    verdict_of,
    verdict_of_text,
)
from review_overlay import REVIEWED_ARTICLES, build_reviewed

from bot import kb
from bot.engine import Engine, State, load_engine
from bot.model import Answer
from bot.text import fold

DEVSET = DATA / "devset.yaml"
OFF_TOPIC = frozenset({"out_of_scope", "oos"})
# The articles every question set was written for: what they did not answer then stays a
# failure unless a newer article answers it.
WRITTEN_FOR = frozenset({"meta-recrute-pang", "xai-recrute-meta"})


@dataclass
class Outcome:
    item: dict
    answer: Answer
    problems: list[str]
    learned: bool = False  # expected unknown, now answered: the base grew (not a regression)
    wrong: list[str] = field(default_factory=list)  # why it is confidently wrong, if it is


def became_answerable(item: dict, answer: Answer) -> bool:
    """An on-topic item written as unknown that the grown base now answers from an article
    added since (an answer from the articles the set was written for is a plain failure)."""
    quoted = {c.article for c in (answer.more or answer).citations}
    return (
        item["kind"] == "unknown"
        and answer.kind == "answer"
        and item.get("family") not in OFF_TOPIC
        and bool(quoted - WRITTEN_FOR)
    )


def learned(outcomes: list[Outcome]) -> list[str]:
    """The ids of the items that became answerable, to report apart from failures."""
    return [o.item["id"] for o in outcomes if o.learned]


def load_devset() -> list[dict]:
    return yaml.safe_load(DEVSET.read_text(encoding="utf-8"))


def expected_verdicts(item: dict) -> frozenset[str] | None:
    """The verdicts an item allows: its `starts_with` verdict, or `unknown` for an item expected
    unknown; None when it expects no verdict."""
    verdict = verdict_of_text(str(item.get("starts_with") or ""))
    if verdict != OTHER:
        return frozenset({verdict})
    return frozenset({UNKNOWN}) if item["kind"] == "unknown" else None


def confidently_wrong(item: dict, answer: Answer) -> list[str]:
    """Why `answer` is confidently wrong for `item`: a verdict it contradicts, a forbidden
    name stated (an answer saying it does not know may name anything)."""
    reasons = []
    expected = expected_verdicts(item)
    got = verdict_of(answer)
    if expected is not None and contradicts(expected, got):
        reasons.append(f"says {got!r}, expected {'/'.join(sorted(expected))}")
    if not says_it_does_not_know(answer):
        text = fold(answer.text)
        reasons += [
            f"names {needle!r}, which the item forbids"
            for needle in item.get("not_contains") or []
            if fold(str(needle)) in text
        ]
    return reasons


def starts_with_words(text: str, start: str) -> bool:
    """`text` opens with the words `start`: "No" opens "No." but not "Not confirmed"."""
    return text.startswith(start) and not text[len(start) : len(start) + 1].isalnum()


def check_item(item: dict, answer: Answer) -> list[str]:
    """Every way `answer` falls short of what `item` expects."""
    problems = []
    text = fold(answer.text)
    if answer.kind != item["kind"]:
        problems.append(f"kind {answer.kind!r}, expected {item['kind']!r}")
    if answer.language != item["lang"]:
        problems.append(f"language {answer.language!r}, expected {item['lang']!r}")
    for needle in item.get("contains") or []:
        if fold(str(needle)) not in text:
            problems.append(f"missing {needle!r}")
    for needle in item.get("not_contains") or []:
        if fold(str(needle)) in text:
            problems.append(f"must not contain {needle!r}")
    if item.get("starts_with") and not starts_with_words(text, fold(item["starts_with"])):
        problems.append(f"does not start with {item['starts_with']!r}")
    # Quotes held back behind "More" still back the answer: look for them in the whole reply.
    cited = [c.sentence for c in (answer.more or answer).citations]
    for needle in item.get("cites") or []:
        if not any(needle in sentence for sentence in cited):
            problems.append(f"not cited: {needle[:50]!r}")
    labels = [o.label for o in answer.options]
    for option in item.get("options") or []:
        if option not in labels:
            problems.append(f"option missing: {option!r}")
    return problems


def run_devset(engine: Engine, items: list[dict] | None = None) -> list[Outcome]:
    """Answer every item in file order; items sharing `chat` share one conversation."""
    chats: dict[str, State] = {}
    outcomes = []
    for item in items if items is not None else load_devset():
        chat = item.get("chat")
        answer, state = engine.answer(item["question"], chats.get(chat) if chat else None)
        if chat:
            chats[chat] = state
        if item.get("context"):  # a context item only sets up its conversation
            continue
        if became_answerable(item, answer):
            outcomes.append(Outcome(item, answer, [], learned=True))
        else:
            problems = check_item(item, answer)
            outcomes.append(Outcome(item, answer, problems, wrong=confidently_wrong(item, answer)))
    return outcomes


def summary(name: str, outcomes: list[Outcome]) -> str:
    """`set: passed/total, confidently wrong N`."""
    passed = sum(not o.problems for o in outcomes)
    wrong = sum(bool(o.wrong) for o in outcomes)
    return f"{name}: {passed}/{len(outcomes)}, confidently wrong {wrong}"


def describe(outcome: Outcome, reasons: list[str]) -> str:
    first = outcome.answer.text.split("\n", 1)[0][:200]
    lines = [f"{outcome.item['id']}: {outcome.item['question']}"]
    lines.append(f"   -> [{outcome.answer.kind}] {first!r}")
    return "\n".join([*lines, *(f"   ! {reason}" for reason in reasons)])


CURATION = DATA / "curation"


def set_names() -> list[str]:
    """The project's sets, then each curation article's (asked on its reviewed base)."""
    curated = [f"curation/{name}" for name in REVIEWED_ARTICLES]
    return [*sorted(p.stem for p in DATA.glob("*.yaml")), *curated]


def set_path(name: str) -> Path:
    """A set by name ("heldout", "curation/halcyon-en") or path; one line and exit if none."""
    for candidate in (
        Path(name), DATA / name, DATA / f"{name}.yaml", DATA / f"{name}.questions.yaml"
    ):  # fmt: skip
        if candidate.is_file():
            return candidate
    sys.exit(f"no question set {name!r} (known: {', '.join(set_names())})")


def set_name(path: Path) -> str:
    """ "heldout", "curation/halcyon-en"; a file elsewhere by its stem."""
    if not path.is_relative_to(DATA):
        return path.stem
    return path.relative_to(DATA).as_posix().removesuffix(".yaml").removesuffix(".questions")


def engine_for(
    path: Path, engines: dict[str, Engine], scratch: Path, knowledge: Path | None
) -> Engine:
    """A curation article's questions are asked on its reviewed base, the others on the
    project's, or on `knowledge` when given (each engine loaded once)."""
    curated = path.name.removesuffix(".questions.yaml")
    key = curated if path.parent == CURATION and curated in REVIEWED_ARTICLES else ""
    if key not in engines:
        engines[key] = (
            Engine(kb.load(build_reviewed(key, scratch / key)))
            if key
            else load_engine(knowledge or KNOWLEDGE)
        )
    return engines[key]


def report(path: Path, engine: Engine, family: str | None, failures: bool) -> list[str]:
    """Print the set's confidently wrong replies (and failures if asked); its summary lines."""
    results = run_devset(engine, yaml.safe_load(path.read_text(encoding="utf-8")))
    for o in results:
        if family and o.item["family"] != family:
            continue
        if o.wrong:
            print(f"CONFIDENTLY WRONG {describe(o, o.wrong)}")
        elif failures and o.problems:
            print(describe(o, o.problems))
    name = (
        path.relative_to(DATA).with_suffix("").as_posix()
        if path.is_relative_to(DATA)
        else path.stem
    )
    lines = [summary(name.removesuffix(".questions"), results)]
    if learned(results):
        lines.append(f"   became answerable (not regressions): {', '.join(learned(results))}")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Answer question sets; list what went wrong.")
    parser.add_argument("sets", nargs="*", help="set names or files (default: every set)")
    parser.add_argument("--family", help="show only this family's items")
    parser.add_argument("--failures", action="store_true", help="show every failure too")
    parser.add_argument(
        "--knowledge", type=Path, help="the base to ask (default: the tests' tests/data/base)"
    )
    args = parser.parse_args(argv)
    paths = [set_path(name) for name in args.sets or set_names()]
    engines: dict[str, Engine] = {}
    summaries = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in paths:
            engine = engine_for(path.resolve(), engines, Path(scratch), args.knowledge)
            summaries += report(path.resolve(), engine, args.family, args.failures)
    print("\n".join(summaries))


if __name__ == "__main__":
    main()
