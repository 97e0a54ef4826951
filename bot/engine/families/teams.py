"""A person's team: "what was X's team working on?", "l'équipe de X" — the one unit the
articles say X led, asked about in X's place (nothing when X led none, or several)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.factindex import PERSON
from bot.engine.toolkit import Toolkit
from bot.nlu.parsing import EntityRef, Query
from bot.text import normalize

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


def unit_named(tk: Toolkit, query: Query) -> Query | None:
    """ "Le labo superintelligence de Zeta": the one unit of the organisation the question
    names whose own names hold the question's word beside a team's ("superintelligence"),
    asked about in the organisation's place."""
    orgs = [e for e in query.entities if tk.facts.type_of(e.id) == "organization"]
    if len(query.entities) != 1 or len(orgs) != 1 or not TEAM_WORDS & set(query.words):
        return None
    described = query.content - TEAM_WORDS
    units = [
        unit.id
        for unit in tk.kb.entities.values()
        if unit.type == "unit"
        and unit.part_of == orgs[0].id
        and described & {w for name in unit.names() for w in normalize(name).split()}
    ]
    if len(units) != 1:
        return None
    return replace(query, entities=(EntityRef(units[0], score=orgs[0].score),))
