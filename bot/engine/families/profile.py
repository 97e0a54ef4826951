"""Profiles: "who is X?", "tell me about X" — a description, then the main facts."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.replies import clause
from bot.engine.toolkit import Toolkit
from bot.kb.facttypes import PROFILE_RANK
from bot.nlu.names import zipf
from bot.nlu.parsing import Query
from bot.text import normalize

NAME_ZIPF = 4.0  # a first word rarer than this, before a capital, opens a name ("Kasia Lind")


def profile(tk: Toolkit, query: Query) -> Result:
    entity = tk.kb.entities[query.entities[0].id]
    involving = tk.facts.involving.get(entity.id, [])
    own = [f for f in involving if f.subject == entity.id]
    others = [f for f in involving if f.subject != entity.id]
    chosen = sorted(own, key=lambda f: PROFILE_RANK[f.type])[:4]
    chosen += others[: max(0, 3 - len(chosen))]
    separator = " : " if query.language == "fr" else ": "
    language = query.language
    description = as_clause(
        entity.description.get(language), entity.name.get(language), language,
        tk.index.known_names,
    )  # fmt: skip
    lead = f"{entity.name.get(query.language)}{separator}{description}"
    return tk.composer.compose(
        query, chosen, confidence=tk.composer.confidence(query, 0.9), lead=lead
    )


def as_clause(
    description: str, name: str = "", language: str = "en", names: frozenset[str] = frozenset()
) -> str:
    """A description after a colon: its first letter lowered, unless it opens with a name
    ("Quillon’s supercomputer", "Kasia Lind’s company"): a word no commoner than a
    name is, or a word of the names the base knows (`names`), before another capital
    ("Former Quillon manager" is lowered)."""
    words = description.rstrip(" .").split()
    if not words:
        return ""
    first, after = words[0], words[1:2]
    before_capital = bool(after) and after[0][:1].isupper()
    rare = zipf(first.lower(), language) < NAME_ZIPF or normalize(first) in names
    inner_capital = any(c.isupper() for c in first[1:])  # "OpenAI researcher", "xAI's"
    named = "’" in first or "'" in first or (before_capital and rare) or inner_capital
    return " ".join(words) if named else clause(description, name)
