"""Where a company has its seat ("où est son siège ?", "where is it headquartered?"): only a
fact saying so answers; an office or a site it runs elsewhere is not its headquarters."""

from __future__ import annotations

from bot.kb import Fact
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query
from bot.text import normalize


def asks_headquarters(query: Query) -> bool:
    return query.qword == "where" and bool(lx.HEADQUARTERS_WORDS & set(query.words))


def seats(facts: list[Fact]) -> list[Fact]:
    """The facts whose wording says where a company is based."""
    return [f for f in facts if lx.HEADQUARTERS_WORDS & set(_words(f))]


def _words(fact: Fact) -> list[str]:
    return normalize(f"{fact.text.fr} {fact.text.en}").split()
