"""Belonging: "GPT belongs to which company?", "is Dojo an xAI thing?" — a product's or a
unit's parent organisation, as the entities say, quoted from a sentence that names both."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.nlu.parsing import Query
from bot.text import normalize

PARTS = frozenset({"product", "unit"})


def belonging(tk: Toolkit, query: Query) -> Result | None:
    """Whose product or unit it is, when the question asks only that; None otherwise."""
    if "owns" not in query.relations or query.relations - {"owns"} or query.content:
        return None
    parts = [e.id for e in query.entities if tk.facts.type_of(e.id) in PARTS]
    owners = [e.id for e in query.entities if e.id not in parts]
    if len(parts) != 1 or len(owners) > 1:
        return None
    part = tk.kb.entities[parts[0]]
    parent = part.part_of
    if parent is None:
        return None
    evidence = naming(tk, part.id, parent)
    if not evidence:
        return None  # the entities say it, no sentence does: not an answer with evidence
    lang = query.language
    if owners:
        # "Is Dojo an xAI thing?": Yes when xAI is its parent (or above), else No.
        yes = owners[0] == parent or owners[0] in tk.facts.ancestors[part.id]
        confidence = tk.composer.confidence(query, 0.9 if yes else 0.8)
        verdict = "yes" if yes else "no"
        return tk.composer.compose(query, evidence, confidence=confidence, verdict=verdict)
    lead = tk.replies.join_names([tk.kb.entities[parent].name.get(lang)], lang)
    confidence = tk.composer.confidence(query, 0.9)
    return tk.composer.compose(query, evidence, confidence=confidence, lead=lead)


def naming(tk: Toolkit, part: str, parent: str) -> list[Fact]:
    """The facts about `part` whose quoted sentences also name `parent`."""
    names = [normalize(n) for n in tk.kb.entities[parent].names()]

    def names_parent(fact: Fact) -> bool:
        said = [f" {normalize(c.sentence or '')} " for c in fact.citations]
        return any(f" {n} " in s for n in names for s in said)

    return [f for f in tk.facts.involving.get(part, []) if names_parent(f)][:2]
