"""Yes/no questions: a verdict only when the articles settle it, else what they do say."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import orient, stems
from bot.engine.measures import compare_numbers, date_agrees
from bot.engine.selection import ATTRIBUTE_RELATIONS, PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query
from bot.nlu.text import normalize


def yes_no(tk: Toolkit, query: Query, facts: list[Fact], matched: bool) -> Result:
    """Yes or No when the articles settle it; else what they do say, without a verdict."""
    if query.content & query.capitalized:
        # "Did Amazon poach anyone from Meta?": a name the articles never mention.
        return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
    stance = bool(facts) and facts[0].type in ft.STANCE_FACT_TYPES
    if (
        facts
        and any(
            not any(f.type in ft.RELATION_FACT_TYPES[r][0] for f in facts)
            for r in query.cue_relations & ATTRIBUTE_RELATIONS
        )
        and not stance
    ):
        # "Did he get a pay rise when he moved?": the move is there, the pay never is.
        return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
    if facts and (matched or stance):
        verdict = "yes"
        best = facts[0]
        dates = [date_agrees(f, query) for f in facts]
        if (query.months or query.years) and True not in dates:
            # "In June?" when the articles say May is a No; "this week" settles nothing.
            verdict = "no" if False in dates else "unsettled"
        elif query.present and all(no_longer(tk, f, query) for f in facts):
            verdict = "no"  # "Is he still…?" when the articles say "former" or "left"
            facts = facts + moves_away(tk, query, facts)
        elif query.comparisons and (numeric := compare_numbers(facts, query)) is not None:
            verdict = numeric  # "More than 2,000 employees?" against "about 1,200"
        elif best.type in ft.STANCE_FACT_TYPES:
            # "Did Anthropic match the offers?" — it refused them: the wording settles it.
            verdict = "no" if polarity(best) != query.negative else "yes"
        elif tk.selector.unexplained_in_any(query, facts):
            verdict = "unsettled"  # "Did he move to Texas?": the facts never say Texas
        confidence = tk.composer.confidence(query, 0.9)
        return tk.composer.compose(query, facts, confidence=confidence, verdict=verdict)
    primary = tk.selector.wanted_types(query)[0]
    main = query.entities[0].id
    own = [
        f
        for f in tk.facts.involving.get(main, [])
        if f.type in primary and (tk.facts.matches(f.subject, main) or tk.facts.mover_is(f, main))
    ]
    others = [e.id for e in query.entities[1:]]
    # "Did Pang join Google?" is not a No when his move to Apple came from Google.
    linked = any(tk.facts.involves(f, o) for f in own for o in others)
    if own and others and not linked and tk.facts.type_of(main) == PERSON:
        # The articles say the same thing happened with someone or somewhere else.
        return tk.composer.compose(
            query, own[:4], confidence=tk.composer.confidence(query, 0.7), verdict="no"
        )
    said = facts or related(tk, query, primary)
    if said:
        return tk.composer.compose(
            query, said[:4], confidence=tk.composer.confidence(query, 0.5), verdict="unsettled"
        )
    return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())


def related(tk: Toolkit, query: Query, primary: frozenset[str]) -> list[Fact]:
    """Facts of the asked kind about any of the question's entities, for a reply that
    cannot say Yes or No but can say what the articles do state."""
    main = tk.facts.involving.get(query.entities[0].id, [])
    typed = [f for f in main if f.type in primary]
    if query.relations & lx.MOVE_RELATIONS:
        # Only moves on the asked side: "did Meta hire…" is not answered by Meta's losses.
        alone = replace(query, entities=query.entities[:1])
        side = {query.entities[0].id: tk.selector.move_roles(query).get(query.entities[0].id)}
        typed = [
            f
            for f in typed
            if f.type not in ft.MOVE_FACT_TYPES or tk.selector.fits_move(f, side, alone)
        ]
    if typed or (primary and (not main or query.relations & ATTRIBUTE_RELATIONS)):
        return typed  # a pay or a duration never stated is not answered by other facts
    if primary:
        return main[:2]  # what the articles say of the one asked about
    # No kind asked: the facts naming most of the question's entities and words.
    asked = stems(query.content)
    pool = {f.id: f for e in query.entities for f in tk.facts.involving.get(e.id, [])}

    def relevance(fact: Fact) -> tuple[int, int]:
        named = sum(tk.facts.involves(fact, e.id) for e in query.entities)
        return named, len(asked & tk.facts.words[fact.id])

    return sorted(pool.values(), key=relevance, reverse=True)[:2]


def polarity(fact: Fact) -> bool:
    """True when the fact's wording is negative (refused, without, criticised…)."""
    return any(lx.negative(w) for w in normalize(fact.text.en.replace("n't", " not")).split())


def no_longer(tk: Toolkit, fact: Fact, query: Query) -> bool:
    """The fact places the person in the past: a former role, or a move away from there."""
    if fact.tense == "past":
        return True
    asked = [e.id for e in query.entities if tk.facts.type_of(e.id) != PERSON]
    return fact.type in ft.MOVE_FACT_TYPES and any(
        tk.facts.matches(orient(fact).source, a) for a in asked
    )


def moves_away(tk: Toolkit, query: Query, facts: list[Fact]) -> list[Fact]:
    """The moves that took the question's person away from where the facts place them."""
    people = [e.id for e in query.entities if tk.facts.type_of(e.id) == PERSON]
    places = {f.object for f in facts if f.object}
    return [
        f
        for person in people
        for f in tk.facts.involving.get(person, [])
        if f.type in ft.MOVE_FACT_TYPES
        and orient(f).mover == person
        and any(tk.facts.matches(orient(f).source, p) for p in places)
        and f not in facts
    ]
