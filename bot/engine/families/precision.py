"""A date or a number asked more precisely than the articles give it: say so, with what they
do give."""

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
    if asks_for_a_year(query) and not any(f.when and f.when.year for f in facts):
        return no_more_precise(tk, query, dated or facts, tk.replies.no_year(query.language))
    if not asks_for_a_day(query) or not dated or any(f.when and f.when.day for f in dated):
        return None
    return no_more_precise(tk, query, dated, tk.replies.no_precise_date(query.language))


def asks_for_a_year(query: Query) -> bool:
    """ "What year…?", "en quelle année…?"."""
    return query.qword == "when" and bool(set(query.words) & lx.YEAR_NOUNS)


def imprecise_number(tk: Toolkit, query: Query, facts: list[Fact]) -> Result | None:
    """ "How many exactly?" when the articles only say "a few", "about", "at least"."""
    if query.qword not in ("how_many", "how_much") or not set(query.words) & lx.PRECISION_WORDS:
        return None
    measured = [m for f in facts if (m := f.amount or f.quantity) is not None]
    if not measured or any(m.qualifier == "exact" and m.value is not None for m in measured):
        return None
    measured_facts = [f for f in facts if f.amount or f.quantity]
    return no_more_precise(tk, query, measured_facts, tk.replies.no_exact_number(query.language))


def no_more_precise(tk: Toolkit, query: Query, facts: list[Fact], opening: str) -> Result:
    """An honest "I don't know exactly", then what the articles do say."""
    answer = tk.composer.compose(query, facts[:2], confidence=0.8).answer
    return Result(
        answer.model_copy(update={"kind": "unknown", "text": f"{opening}\n{answer.text}"}), ()
    )
