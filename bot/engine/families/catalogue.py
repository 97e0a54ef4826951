"""Catalogue questions: "which companies / models are mentioned?"."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.model import Answer
from bot.nlu.parsing import Query


def catalogue(tk: Toolkit, query: Query, entity_type: str) -> Result:
    """ "Which companies / models are mentioned?": every entity of that kind, described."""
    lang = query.language
    members = [e for e in tk.kb.entities.values() if e.type == entity_type]
    if not members:
        return Result(tk.replies.unknown(lang), ())
    names = [e.name.get(lang) for e in members]
    lines = [f"{e.name.get(lang)} — {e.description.get(lang)}" for e in members]
    evidence = [tk.facts.involving[e.id][0] for e in members if e.id in tk.facts.involving]
    text = tk.replies.compose(lang, lines, headline=tk.replies.join_names(names, lang))
    answer = Answer(
        kind="answer",
        language=lang,
        text=text,
        citations=tk.composer.citations(list({f.id: f for f in evidence}.values())),
        confidence=0.7,
    )
    return Result(answer, tuple(e.id for e in members))
