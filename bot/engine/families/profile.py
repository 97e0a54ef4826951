"""Profiles: "who is X?", "tell me about X" — a description, then the main facts."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.replies import as_clause
from bot.engine.toolkit import Toolkit
from bot.kb.facttypes import PROFILE_RANK
from bot.nlu.parsing import Query


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
