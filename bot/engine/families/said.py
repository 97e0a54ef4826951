"""What someone said, when the articles quote nothing they said: say so, not pass the
article's own words off as theirs."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.families.verdicts import SAYING_RELATIONS
from bot.engine.selection import PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu.parsing import Query


def not_quoted(tk: Toolkit, query: Query, facts: list[Fact]) -> Result | None:
    """ "What did X say?" when no claim or stance of X's is reported."""
    if not query.cue_relations & SAYING_RELATIONS or query.yesno:
        return None
    people = [e.id for e in query.entities if tk.facts.type_of(e.id) == PERSON]
    if len(people) != 1:
        return None
    person = people[0]
    if any(f.subject == person and f.type in ft.STANCE_FACT_TYPES for f in facts):
        return None
    name = tk.kb.entities[person].name.get(query.language)
    lead = tk.replies.not_quoted(name, query.language)
    return tk.composer.compose(query, facts, confidence=0.6, lead=lead)
