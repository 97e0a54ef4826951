"""People described by several things at once: "who helped make X and went to Y?" — each
part is a fact of its own, and the answer is whoever both describe."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.parsing import EntityRef, Query


def jointly(tk: Toolkit, query: Query) -> Result | None:
    """The people tied, each by a fact of its own, to every entity of a "who … and …?"
    question that no single fact answers; None when it is not such a question."""
    named = [e for e in query.entities if not e.excluded]
    if query.qword != "who" or len(named) < 2 or not set(query.words) & lx.CONJUNCTIONS:
        return None
    if any(tk.facts.type_of(e.id) == PERSON for e in named):
        return None
    ties = [tied(tk, query, ref) for ref in named]
    common = set(ties[0]).intersection(*ties[1:])
    if not common:
        return None
    people = [p for p in ties[0] if p in common]  # in the order of the first part's facts
    evidence = [f for p in people for found in ties for f in found[p][:1]]
    names = [tk.kb.entities[p].name.get(query.language) for p in people]
    lead = tk.replies.join_names(names, query.language)
    confidence = tk.composer.confidence(query, 0.8)
    result = tk.composer.compose(query, evidence, confidence=confidence, lead=lead)
    return Result(result.answer, tuple(people))


def tied(tk: Toolkit, query: Query, ref: EntityRef) -> dict[str, list[Fact]]:
    """The people whose typed facts involve `ref` (a move only on the side the question puts
    it), each with those facts."""
    alone = replace(query, entities=(ref,))
    roles = tk.selector.move_roles(query)
    people: dict[str, list[Fact]] = {}
    for fact in tk.facts.involving.get(ref.id, []):
        if fact.type in ft.MENTION_TYPES or not on_asked_side(tk, fact, ref, roles, alone):
            continue
        for person in fact.participants():
            if tk.facts.type_of(person) == PERSON:
                people.setdefault(person, []).append(fact)
    return people


def on_asked_side(
    tk: Toolkit, fact: Fact, ref: EntityRef, roles: dict[str, str | None], alone: Query
) -> bool:
    """A move stands on the side the question gives `ref` ("went to Y": Y its destination)."""
    side = roles.get(ref.id)
    if fact.type not in ft.MOVE_FACT_TYPES or side not in ("source", "dest"):
        return True
    return tk.selector.fits_move(fact, {ref.id: side}, alone)
