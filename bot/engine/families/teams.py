"""A person's team: "what was X's team working on?", "l'équipe de X" — the one unit the
articles say X led, asked about in X's place (nothing when X led none, or several)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.factindex import PERSON
from bot.engine.toolkit import Toolkit
from bot.nlu.parsing import EntityRef, Query

TEAM_WORDS = frozenset(
    "team teams lab unit group equipe equipes labo laboratoire unite groupe".split()
)


def team_of(tk: Toolkit, query: Query) -> Query | None:
    """The question with the team in place of its leader, when it asks about the team of the
    one person it names and the articles give that person exactly one unit led."""
    people = [e for e in query.entities if tk.facts.type_of(e.id) == PERSON]
    if len(query.entities) != 1 or len(people) != 1 or not TEAM_WORDS & set(query.words):
        return None
    person = people[0].id
    led = {
        f.object
        for f in tk.facts.involving.get(person, [])
        if f.type == "leads" and f.subject == person and f.object
        and tk.facts.type_of(f.object) == "unit"
    }  # fmt: skip
    if len(led) != 1:
        return None
    unit = EntityRef(next(iter(led)), score=people[0].score)
    return replace(query, entities=(unit,))
