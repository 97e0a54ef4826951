"""Yes/no questions: a verdict only from a fact that states the asked relation between the
asked participants, with the asked time and polarity; else what the articles do say."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import orient
from bot.engine.families.verdicts import (
    CLAIM_WORDS,
    SAYING_RELATIONS,
    Verdict,
    by_actor,
    done_elsewhere,
    employers_sequence,
    hired_the_other_way,
    move_elsewhere,
    reported,
    role_elsewhere,
    sequence,
    whereabouts,
    wording,
)
from bot.engine.measures import asked_numbers, compare_numbers, date_agrees, equals_number
from bot.engine.selection import ATTRIBUTE_RELATIONS, PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.frame import past_asked
from bot.nlu.parsing import Query

# How sure a verdict is, before the entity links' own scores are taken into account.
CONFIDENCE = {
    "yes": 0.9,
    "no": 0.8,
    "hedged": 0.7,
    "bound": 0.6,
    "coarser": 0.6,
    "already": 0.6,
    "unsettled": 0.5,
}


def yes_no(tk: Toolkit, query: Query, facts: list[Fact], matched: bool) -> Result:
    """Yes, No or Not confirmed when the articles settle it; else what they do say."""
    verdict = decide(tk, query, facts, matched)
    if verdict is None:
        return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
    return compose(tk, query, verdict)


def decide(tk: Toolkit, query: Query, facts: list[Fact], matched: bool) -> Verdict | None:
    """The verdict and the facts behind it; None when the articles say nothing of it."""
    if query.content & query.capitalized:
        return None  # a name the articles never mention: nothing about it can be confirmed
    stance = bool(facts) and facts[0].type in ft.STANCE_FACT_TYPES
    claims = claims_said(tk, query)
    if claims and not stance:
        # "Is it true that X does Y?" when only someone's claim says so: not confirmed.
        return Verdict("hedged", claims)
    if facts and not stance and missing_attribute(query, facts):
        return None  # the move is there, the pay or the duration asked about never is
    verdict = whereabouts(tk, query) or sequence(tk, query) or employers_sequence(tk, query)
    if verdict is None and facts and "reason" in query.cue_relations and not gives_reason(facts):
        verdict = Verdict("unsettled", facts)  # "…because of X?": no fact gives a reason
    # A stance settles by its polarity only when it says what is asked: "more open?" of a
    # fact saying "more closed" shares every word but the one that matters.
    if verdict is None and facts and (matched or says_it_all(tk, query, facts[0])):
        verdict = settle(tk, query, facts)
    if verdict is None:
        verdict = (
            move_elsewhere(tk, query)
            or hired_the_other_way(tk, query)
            or role_elsewhere(tk, query)
            or done_elsewhere(tk, query, primary_types(tk, query))
        )
    if verdict is None:
        said = facts or related(tk, query, primary_types(tk, query))
        verdict = Verdict("unsettled", said[:4])
    if not verdict.facts:
        return None
    if query.tense == "future" and verdict.value == "no" and not future_in(verdict.facts):
        # What happened refutes no plan: "will Acme hire from Zeta?" when Zeta hired from
        # Acme, "will Ada join Zeta?" when she joined Orbiton, or in March, is not a No.
        verdict = Verdict("unsettled", verdict.facts)
    if query.negated and verdict.value in FLIPPED:
        # "Is it true that X did not join Y?" when X joined Y: No.
        verdict = Verdict(FLIPPED[verdict.value], verdict.facts)
    return verdict


FLIPPED = {"yes": "no", "no": "yes"}


def future_in(facts: list[Fact]) -> bool:
    return any(f.tense == "future" for f in facts)


def compose(tk: Toolkit, query: Query, verdict: Verdict) -> Result:
    confidence = tk.composer.confidence(query, CONFIDENCE[verdict.value])
    return tk.composer.compose(query, verdict.facts, confidence=confidence, verdict=verdict.value)


def says_it_all(tk: Toolkit, query: Query, fact: Fact) -> bool:
    """Every word the question adds to its names is in the fact ("did X reorganise its team")."""
    asked = tk.facts.stems(query.content, query.language) - tk.facts.common_stems
    return bool(asked) and asked <= tk.facts.words[fact.id]


def gives_reason(facts: list[Fact]) -> bool:
    reasons = ft.RELATION_FACT_TYPES["reason"][0] | ft.STANCE_FACT_TYPES
    return any(f.type in reasons for f in facts)


def claims_said(tk: Toolkit, query: Query) -> list[Fact]:
    """Someone's claims about the question's entities that say what the question says (two
    of its own words at least), when the question is not about who said it."""
    if query.cue_relations & SAYING_RELATIONS or not query.entities:
        return []
    asked = tk.facts.stems(query.keywords, query.language)
    rare = asked - tk.facts.common_stems

    def says(fact: Fact) -> bool:
        shared = asked & tk.facts.words[fact.id]
        return len(shared) >= CLAIM_WORDS and bool(shared & rare)

    said = {
        f.id: f
        for e in query.entities
        for f in tk.facts.involving.get(e.id, [])
        if f.type in ft.CLAIM_FACT_TYPES and says(f)
    }
    return list(said.values())


def settle(tk: Toolkit, query: Query, facts: list[Fact]) -> Verdict:
    """The verdict of facts that state the asked relation between the asked participants."""
    typed = [f for f in facts if f.type not in ft.MENTION_TYPES]
    if not typed:
        return Verdict("unsettled", facts)  # a sentence only mentioning them settles nothing
    acted = by_actor(tk, query, typed)
    if not acted:
        return Verdict("unsettled", facts)  # the relation is there, the other way round
    facts = acted
    if denial := denied_outright(tk, query, facts):
        return Verdict("no", denial)
    dates = [date_agrees(f, query) for f in facts]
    if (query.days or query.months or query.years) and True not in dates:
        # "In June?" when the articles say May is a No; "this week" or "in June" asked as
        # "on 21 June" settles nothing, and the reply says the date is not that precise.
        if False in dates:
            return Verdict("no", facts)
        return Verdict("coarser" if any(f.when for f in facts) else "unsettled", facts)
    if query.days or query.months or query.years:
        facts = [f for f, agrees in zip(facts, dates, strict=True) if agrees]  # the dated ones
    if query.present and all(no_longer(tk, f, query) for f in facts):
        return Verdict("no", facts)  # "Is he still…?" when the articles say "former"
    asked_of_the_past = query.tense == "past" or past_asked(list(query.words))
    if not asked_of_the_past and all(f.tense == "past" for f in facts):
        # A former role asked in the present ("est-il chercheur chez X ?"): not a Yes; a No
        # when the question says it is about now.
        return Verdict("no" if query.tense == "current" else "hedged", facts)
    if query.tense == "future" and not any(f.tense == "future" for f in facts):
        # "Will X hire Y?", "is X planning to…?" when the articles tell it as done (or as a
        # state): no plan is confirmed, and the reply says what did happen.
        done = any(f.type in ft.MOVE_FACT_TYPES for f in facts)
        return Verdict("already" if done else "hedged", facts)
    # What the articles state plainly settles it before what they only report.
    facts = sorted(facts, key=lambda f: reported(tk, query, f))
    measured = [f for f in facts if f.amount or f.quantity]
    numeric = (
        compare_numbers(facts, query)
        if query.comparisons
        else equals_number(facts, query)  # "12,000 employees?" against "about 1,200"
    )
    if numeric == "yes" and unstated_detail(tk, query, measured):
        # "Are its 1,200 staff all engineers?": the figure agrees, the rest no fact says.
        return Verdict("unsettled", facts)
    if numeric == "no" and stale_worth(query, measured):
        return Verdict("unsettled", facts)
    if numeric is not None:
        # "More than 2,000 employees?" against "about 1,200"; a reported count: not confirmed.
        return Verdict("hedged" if reported(tk, query, measured[0]) else numeric, facts)
    if asked_numbers(query) or query.comparisons:
        # "Exactly 250 million?" against "more than 200 million": a bound settles nothing;
        # a number no fact states is not confirmed by the facts around it.
        return Verdict("bound" if measured else "unsettled", facts)
    worded = wording(tk, query, facts)
    if worded is not None:
        return worded
    if all(not_yet(f, query) for f in facts):
        return Verdict("hedged", facts)  # "will be led by X": not yet, whatever is asked
    if tk.selector.unexplained_in_any(query, facts):
        return Verdict("unsettled", facts)  # the question says something no fact does
    # The facts that say all the question says settle it; the others only surround it.
    saying = [f for f in facts if says_it_all(tk, query, f)] or facts
    # A fact stating that it did not happen ("did not join") answers No.
    return Verdict("no" if saying[0].polarity == "negated" else "yes", saying)


def stale_worth(query: Query, measured: list[Fact]) -> bool:
    """A company's worth changes: a valuation of a given date says nothing against another
    figure asked with no date ("is it worth $20 billion?" against "$2.8 billion in 2024")."""
    dated = query.days or query.months or query.years
    return not dated and all(f.type == "valuation" and f.when for f in measured)


def denied_outright(tk: Toolkit, query: Query, facts: list[Fact]) -> list[Fact]:
    """The plain denials of the relation itself: stated, with no date, sum, count or place of
    their own. "X never bought Y" refutes every narrower version asked ("bought it outright?",
    "in 2024?"), where "X did not join Y in June" says nothing of another month."""
    if query.tense == "future":
        return []  # what did not happen may still: a plan is not refuted by the past
    return [
        f
        for f in facts
        if f.polarity == "negated"
        and not reported(tk, query, f)
        and not (f.when or f.amount or f.quantity or f.place)
    ]


def unstated_detail(tk: Toolkit, query: Query, facts: list[Fact]) -> bool:
    """A word of the question, or a kind of people it counts ("engineers"), that none of the
    facts says."""
    compared = {w for phrase in lx.COMPARATORS for w in phrase.split()}  # "plus de", "more than"
    unexplained = replace(query, content=query.content - compared)
    if tk.selector.unexplained_in_any(unexplained, facts):
        return True
    said = frozenset().union(*(tk.facts.words[f.id] for f in facts))
    return any(tk.facts.stem(w, query.language) not in said for w in query.role_words)


def not_yet(fact: Fact, query: Query) -> bool:
    """The fact tells of a future the question does not ask about ("will be led by X")."""
    return fact.tense == "future" and query.tense != "future"


def missing_attribute(query: Query, facts: list[Fact]) -> bool:
    """The question asks for a pay or a duration, and none of the facts states one."""
    return any(
        not any(f.type in ft.RELATION_FACT_TYPES[r][0] for f in facts)
        for r in query.cue_relations & ATTRIBUTE_RELATIONS
    )


def primary_types(tk: Toolkit, query: Query) -> frozenset[str]:
    return tk.selector.wanted_types(query)[0]


def related(tk: Toolkit, query: Query, primary: frozenset[str]) -> list[Fact]:
    """Facts of the asked kind about any of the question's entities, for a reply that
    cannot say Yes or No but can say what the articles do state."""
    main = tk.facts.involving.get(query.entities[0].id, [])
    typed = [f for f in main if f.type in primary]
    if query.relations & lx.MOVE_RELATIONS:
        # Only moves on the asked side: "did X hire…" is not answered by X's losses.
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
    asked = tk.facts.stems(query.content, query.language)
    pool = {f.id: f for e in query.entities for f in tk.facts.involving.get(e.id, [])}

    def relevance(fact: Fact) -> tuple[int, int]:
        named = sum(tk.facts.involves(fact, e.id) for e in query.entities)
        return named, len(asked & tk.facts.words[fact.id])

    return sorted(pool.values(), key=relevance, reverse=True)[:2]


def no_longer(tk: Toolkit, fact: Fact, query: Query) -> bool:
    """The fact places the person in the past: a former role, or a move away from there."""
    if fact.tense == "past":
        return True
    asked = [e.id for e in query.entities if tk.facts.type_of(e.id) != PERSON]
    return fact.type in ft.MOVE_FACT_TYPES and any(
        tk.facts.matches(orient(fact).source, a) for a in asked
    )
