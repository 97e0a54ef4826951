"""A date asked more precisely than the articles give it: say so, with what they do give."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query


def asks_for_a_day(query: Query) -> bool:
    """ "Which day exactly?", "quel jour ?", "what date exactly?"."""
    words = set(query.words)
    return query.qword == "when" and bool(
        words & lx.DAY_NOUNS or (words & lx.DATE_NOUNS and words & lx.PRECISION_WORDS)
    )


def imprecise_date(tk: Toolkit, query: Query, facts: list[Fact]) -> Result | None:
    """The articles date these facts less precisely than the day asked for."""
    dated = [f for f in facts if f.when is not None]
    if not asks_for_a_day(query) or not dated or any(f.when.day for f in dated):
        return None
    answer = tk.composer.compose(query, dated[:2], confidence=0.8).answer
    text = f"{tk.replies.no_precise_date(query.language)}\n{answer.text}"
    return Result(answer.model_copy(update={"kind": "unknown", "text": text}), ())
