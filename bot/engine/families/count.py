"""Counts the articles do not state: the people they name, counted."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import PERSON, orient
from bot.engine.toolkit import Toolkit
from bot.kb import facttypes as ft
from bot.nlu.parsing import Query


def count_named(tk: Toolkit, query: Query) -> Result:
    """ "How many joined xAI in April?" with no count stated: the people the articles name."""
    facts, _ = tk.selector.select(replace(query, qword="who"))
    # "How many left X with Y?": Y is who the others went with, not one of them.
    named = {e.id for e in query.entities}
    # Only people moved: a sentence's place or company is no one counted among them.
    facts = [
        f
        for f in facts
        if f.type in ft.MOVE_FACT_TYPES
        and (m := orient(f).mover) is not None
        and m not in named
        and tk.facts.type_of(m) == PERSON
    ]
    movers = list(dict.fromkeys(m for f in facts if (m := orient(f).mover)))
    if not movers:
        return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
    names = [tk.kb.entities[m].name.get(query.language) for m in movers]
    result = tk.composer.compose(query, facts, confidence=tk.composer.confidence(query, 0.7))
    text = f"{tk.replies.count_named(len(names), names, query.language)}\n{result.answer.text}"
    return Result(result.answer.model_copy(update={"text": text}), tuple(movers))
