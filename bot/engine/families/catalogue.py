"""Catalogue questions: "which companies / models are mentioned?"."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.kb import Entity, Fact
from bot.model import Answer
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query

SHORT_LINES = 3  # more members than this: the short reply names them, the full one describes


def catalogue(tk: Toolkit, query: Query, entity_type: str) -> Result:
    """ "Which companies / models are mentioned?": every entity of that kind, described."""
    lang = query.language
    members = [e for e in tk.kb.entities.values() if e.type == entity_type]
    if not members:
        return Result(tk.replies.unknown(lang), ())
    lines, evidence = described(tk, members, lang)
    headline = tk.replies.join_names([e.name.get(lang) for e in members], lang)
    full = Answer(
        kind="answer",
        language=lang,
        text=tk.replies.compose(lang, lines, headline=headline),
        citations=tk.composer.citations(evidence),
        confidence=0.7,
    )
    if len(lines) <= SHORT_LINES:
        return Result(full, tuple(e.id for e in members))
    # The names answer; the description of each stays one tap away.
    short = full.model_copy(
        update={
            "text": tk.replies.compose(lang, [], headline=headline),
            "citations": tk.composer.evidence(evidence),
            "more": full,
        }
    )
    return Result(short, tuple(e.id for e in members))


def asks_every_namesake(query: Query) -> bool:
    """ "How many Chens?", "the two Daniels", "tous les Chen": every holder of a shared name."""
    mention = query.ambiguous
    if mention is None:
        return False
    named = query.words[mention.start : mention.end]
    plural = bool(named) and named[-1].endswith("s") and len(named[-1]) > 3
    return query.qword == "how_many" or plural or bool(set(query.words) & lx.PLURAL_QUANTIFIERS)


def namesakes(tk: Toolkit, query: Query) -> Result:
    """Every entity sharing the asked name, counted, each described and quoted once."""
    assert query.ambiguous is not None
    lang = query.language
    members = [tk.kb.entities[i] for i in query.ambiguous.entity_ids]
    lines, evidence = described(tk, members, lang)
    names = [e.name.get(lang) for e in members]
    headline = tk.replies.count_named(len(names), names, lang)
    text = tk.replies.compose(lang, lines, headline=headline)
    answer = Answer(
        kind="answer",
        language=lang,
        text=text,
        citations=tk.composer.evidence(evidence),
        confidence=0.8,
    )
    return Result(answer, tuple(e.id for e in members))


def described(tk: Toolkit, members: list[Entity], lang: str) -> tuple[list[str], list[Fact]]:
    """A line per entity ("Name — description") and one fact quoting each, each fact once."""
    lines = [f"{e.name.get(lang)} — {e.description.get(lang)}" for e in members]
    evidence = [tk.facts.involving[e.id][0] for e in members if e.id in tk.facts.involving]
    return lines, list({f.id: f for f in evidence}.values())
