"""Runs the dev set (tests/data/devset.yaml) through an engine and says what each item got wrong.

The question sets are written for the base of their day, and the base grows: an item that
expects `kind: unknown` but now gets a confident answer (`kind: answer`) is a failure only when
its family is off-topic (`out_of_scope`, or `oos` as blind.yaml spells it): those questions must
stay unknown whatever the base learns. For any other family, when the answer quotes an article
added after the sets were written, it is "an unknown that became answerable": not a problem,
reported apart (`Outcome.learned`, `learned()`), never counted as a
regression.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from paths import DATA

from bot.engine import Engine, State
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
            outcomes.append(Outcome(item, answer, check_item(item, answer)))
    return outcomes


if __name__ == "__main__":
    import sys

    from bot.engine import load_engine

    results = run_devset(load_engine())
    failed = [o for o in results if o.problems]
    family = sys.argv[1] if len(sys.argv) > 1 else None
    for o in failed:
        if family and o.item["family"] != family:
            continue
        print(f"{o.item['id']}: {o.item['question']}")
        print(f"   -> [{o.answer.kind}] {o.answer.text[:300]!r}")
        for p in o.problems:
            print(f"   ! {p}")
    print(f"{len(results) - len(failed)}/{len(results)} passed")
    if learned(results):
        print(f"became answerable (not regressions): {', '.join(learned(results))}")
