"""What users asked and did not get: the curator's to-do list. Platform-free.

A question is a miss when the engine answered `unknown`, or asked to choose between several
meanings and nobody chose (the buttons expire after CHOICE_TTL; a clarification still pending is
not counted yet, and one that is chosen is deleted). Each miss keeps the question's text, its
language, the time and the chat type, never a user or chat id, in the store's `misses` table.
MERCATO_RECORD_QUESTIONS=false turns recording off; misses older than KEPT_DAYS are deleted.

`report` groups them by the entities they name and by their words (the engine's normaliser,
stopwords left out), most asked first.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from bot.engine import Engine
from bot.frontends.expiring import CHOICE_TTL
from bot.frontends.store import Store
from bot.nlu import lexicon as lx
from bot.text import clean_input, normalize

KEPT_DAYS = 90
DAY = 86_400.0


class MissLog:
    """Records misses in `store`, unless `enabled` is false."""

    def __init__(self, store: Store, *, enabled: bool = True) -> None:
        self.store = store
        self.enabled = enabled

    def unknown(self, text: str, language: str, chat_type: str) -> None:
        if self.enabled:
            self.store.add_miss(text, language, chat_type, "unknown")

    def clarify(self, text: str, language: str, chat_type: str, choice: str) -> None:
        """A clarification asked; a miss unless `chosen(choice)` follows."""
        if self.enabled:
            self.store.add_miss(text, language, chat_type, "clarify", choice)

    def chosen(self, choice: str) -> None:
        self.store.settle_miss(choice)

    def forget_old(self, days: float = KEPT_DAYS) -> int:
        """Delete misses older than `days`; how many."""
        return self.store.forget_misses(days * DAY)


@dataclass
class MissReport:
    total: int
    days: float | None
    by_entity: list[tuple[str, int]]
    by_word: list[tuple[str, int]]

    def text(self) -> str:
        period = f"in the last {self.days:g} day(s)" if self.days else "recorded"
        lines = [f"{self.total} question(s) not answered {period}"]
        for title, rows in (("by entity", self.by_entity), ("by word", self.by_word)):
            if rows:
                lines.append(f"{title}:")
                lines += [f"  {count:>4}  {name}" for name, count in rows]
        return "\n".join(lines)


def words_of(text: str) -> list[str]:
    """The words a question is about: normalised, without stopwords, fillers or numbers."""
    return [
        word
        for word in normalize(clean_input(text)).split()
        if len(word) > 2
        and not word.isdigit()
        and word not in lx.STOPWORDS
        and word not in lx.FILLERS
    ]


def report(
    store: Store, engine: Engine, *, days: float | None = None, top: int | None = None
) -> MissReport:
    """The misses of the last `days` (all kept ones if None) grouped by entity and by word,
    most asked first (`top` of each)."""
    now = time.time()
    rows = store.misses(now - days * DAY if days else 0.0, now - CHOICE_TTL)
    entities: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for text, *_ in rows:
        for entity_id in engine.mentioned(text):
            entity = engine.kb.entities.get(entity_id)
            entities[f"{entity.name.en} ({entity_id})" if entity else entity_id] += 1
        words.update(set(words_of(text)))
    return MissReport(len(rows), days, entities.most_common(top), words.most_common(top))
