"""Comparisons of counts and amounts: "did A or B hire more?", "the biggest amount".

An either/or question is answered with one of its two sides, never Yes or No; a superlative
with the fact whose figure beats every other's. Figures are bounds ("at least 14", "more than
20", "a few"): when the bounds do not settle it, the reply says so, with the figures.
"""

from __future__ import annotations

import math
from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import stems
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.nlu.parsing import EntityRef, Query

Bounds = tuple[float, float]
# How far from its value a qualified figure may lie: (lowest, highest) as factors of it.
SPREAD = {
    "exact": (1.0, 1.0),
    "about": (0.9, 1.1),
    "nearly": (0.8, 1.0),
    "at_least": (1.0, math.inf),
    "more_than": (1.0, math.inf),
}
A_FEW = (2.0, 9.0)  # "a few", "quelques": no figure, but a small one
MEASURED_TYPES = frozenset({"hired", "count", "amount", "joined", "left"})


def compare(tk: Toolkit, query: Query) -> Result | None:
    """The answer of a comparison of figures, or None when the question asks none."""
    if query.comparative is None or query.comparisons or query.order or query.qword == "when":
        # "more than 20?" compares with a number (the verdicts'); "most recently" is an order
        # in time, "which month had the most" a date (the order family's).
        return None
    sides = either_or(query)
    if sides is not None:
        return between(tk, query, sides)
    if superlative(query):
        return extreme(tk, query)
    return None


def bounds(fact: Fact) -> Bounds | None:
    measure = fact.amount or fact.quantity
    if measure is None:
        return None
    if measure.value is None:
        return A_FEW if measure.qualifier == "some" else None
    low, high = SPREAD[measure.qualifier]
    return measure.value * low, measure.value * high


def larger(a: Bounds, b: Bounds, exclusive_low: bool = False) -> bool:
    return a[0] > b[1] or (exclusive_low and a[0] == b[1])


def either_or(query: Query) -> tuple[list[EntityRef], list[EntityRef]] | None:
    """The two sides of "A or B" (each may name several: "A from X or B from Y")."""
    words = query.words
    ors = [i for i, w in enumerate(words) if w in ("or", "ou") and 0 < i < len(words) - 1]
    named = [e for e in query.entities if not e.excluded]
    for at in ors:
        left = [e for e in named if e.position < at]
        right = [e for e in named if e.position > at]
        if left and right:
            # The nearest names on the left that the right side mirrors: as many as it has.
            return left[-len(right) :] if len(left) > len(right) else left, right
    return None


def superlative(query: Query) -> bool:
    """ "The most", "le plus gros": a rank among all, not between two."""
    joined = f" {' '.join(query.words)} "
    return any(f" {article} plus " in joined for article in ("le", "la", "les")) or any(
        w in ("most", "least", "biggest", "largest", "highest", "fewest", "smallest", "lowest")
        for w in query.words
    )


def measured(tk: Toolkit, query: Query, entities: list[EntityRef]) -> list[Fact]:
    """The facts with a figure that involve every one of `entities`, of the asked kind, and
    whose unit the question names when it names one ("engineers")."""
    if not entities:
        return []
    pool = tk.facts.involving.get(entities[0].id, [])
    facts = [
        f
        for f in pool
        if f.type in MEASURED_TYPES
        and bounds(f) is not None
        and all(tk.facts.involves(f, e.id) for e in entities)
        and kind_fits(query, f)
    ]
    return naming_unit(tk, query, facts)


def naming_unit(tk: Toolkit, query: Query, facts: list[Fact]) -> list[Fact]:
    """Of the facts, those that share the question's own words ("engineers"), if some do."""
    asked = stems(query.keywords) - tk.facts.common_stems
    named = [f for f in facts if asked & tk.facts.words[f.id]]
    return named or facts


def kind_fits(query: Query, fact: Fact) -> bool:
    """Money for money questions, heads for the others."""
    if "amount" in query.relations or query.qword == "how_much":
        return fact.amount is not None
    return fact.quantity is not None


def between(tk: Toolkit, query: Query, sides: tuple[list[EntityRef], list[EntityRef]]) -> Result:
    left, right = (measured(tk, query, side) for side in sides)
    if len(left) != 1 or len(right) != 1:
        facts = [*left, *right]
        if not facts:
            return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
        return unsettled(tk, query, facts)
    a, b = left[0], right[0]
    wins_a, wins_b = beats(query, a, b), beats(query, b, a)
    if wins_a == wins_b:
        return unsettled(tk, query, [a, b])
    winner, side = (a, sides[0]) if wins_a else (b, sides[1])
    # The side's first name is what it is about ("Microsoft from Google": Microsoft).
    names = [tk.kb.entities[side[0].id].name.get(query.language)]
    return answered(tk, query, names, winner, [winner, b if winner is a else a])


def beats(query: Query, fact: Fact, other: Fact) -> bool:
    """The fact's figure is surely the larger (the smaller, for "fewer") of the two."""
    mine, theirs = bounds(fact), bounds(other)
    if mine is None or theirs is None:
        return False  # a figure with no value ("a large sum") settles no comparison
    if query.comparative == "more":
        return larger(mine, theirs, a_exclusive(fact))
    return larger(theirs, mine, a_exclusive(other))


def a_exclusive(fact: Fact) -> bool:
    """ "More than 20" is above 20 itself."""
    measure = fact.amount or fact.quantity
    return measure is not None and measure.qualifier == "more_than"


def extreme(tk: Toolkit, query: Query) -> Result | None:
    """The fact whose figure beats every other of the asked kind (among the question's
    entities when it names some)."""
    if query.entities:
        alone = replace(query, comparative=None)
        facts = [f for f in tk.selector.select(alone)[0] if bounds(f) is not None]
        facts = naming_unit(tk, query, list({f.id: f for f in facts}.values()))
        winner = best(query, facts) if facts else None
    else:
        facts, winner = unnamed_extreme(tk, query)
    if not facts:
        return None
    if winner is None:
        return unsettled(tk, query, facts)
    asked = {e.id for e in query.entities}
    names = (
        [] if winner.subject in asked else [tk.kb.entities[winner.subject].name.get(query.language)]
    )
    rest = (f for f in facts if f is not winner)
    return answered(tk, query, names, winner, [winner, *rest])


def best(query: Query, facts: list[Fact]) -> Fact | None:
    """The fact whose figure beats every other's, if one does."""
    for fact in contenders(query, facts):
        if all(beats(query, fact, other) for other in facts if other is not fact):
            return fact
    return None


def unnamed_extreme(tk: Toolkit, query: Query) -> tuple[list[Fact], Fact | None]:
    """`extreme`'s facts and winner for a question naming no entity ("who has the most
    employees?"): the figures of the asked kind, those naming the asked unit when some do,
    read from the type and stem postings and kept for the next question asking the same."""
    primary, cued, _ = tk.selector.wanted_types(query)
    types = primary | cued
    money = "amount" in query.relations or query.qword == "how_much"
    pool_key = ("measured", types, money)

    def measured_pool() -> tuple[list[Fact], frozenset[str]]:
        # `kind_fits`: the facts of those types stating a sum (or a count), in base order.
        stating = tk.facts.merged(tk.facts.measured.get((t, money), []) for t in types)
        facts = [f for f in stating if bounds(f) is not None]
        return facts, frozenset(f.id for f in facts)

    asked = (stems(query.keywords) - tk.facts.common_stems) & tk.facts.vocabulary

    def outcome() -> tuple[list[Fact], Fact | None]:
        pool, ids = tk.facts.derived(pool_key, measured_pool)
        # `naming_unit`: those of the pool that share an asked stem, when some do.
        sharing = {f.id: f for s in asked for f in tk.facts.by_stem.get(s, ()) if f.id in ids}
        facts = tk.facts.in_order(sharing.values()) or list(pool)
        return facts, best(query, facts) if facts else None

    facts, winner = tk.facts.derived((pool_key, asked, query.comparative), outcome)
    return list(facts), winner


def contenders(query: Query, facts: list[Fact]) -> list[Fact]:
    """The facts that may beat every other, in their order: to beat them all ("more"), a
    fact's lowest bound must reach the highest bound of every other (for "fewer", its highest
    their lowest). One pass over the figures, instead of comparing every fact with every other
    (quadratic on a large base); only these few are then compared with all. With a figure
    that is not a number (NaN compares false), every fact is a contender, as before."""
    figures = [bounds(f) for f in facts]
    if any(b is None or b[0] != b[0] or b[1] != b[1] for b in figures):
        return facts
    more = query.comparative == "more"
    # "more": the others' highest bounds, reached by a contender's lowest; "fewer": the
    # others' lowest bounds (negated, to read both as a maximum), reached by its highest.
    reach = [b[1] if more else -b[0] for b in figures if b is not None]
    ordered = sorted(reach, reverse=True)
    best, second = ordered[0], (ordered[1] if len(ordered) > 1 else -math.inf)
    alone = ordered.count(best) == 1  # then the best's others reach only the second
    kept = []
    for fact, figure, own in zip(facts, figures, reach, strict=True):
        assert figure is not None
        others = second if own == best and alone else best
        if (figure[0] if more else -figure[1]) >= others:
            kept.append(fact)
    return kept


def answered(
    tk: Toolkit, query: Query, names: list[str], winner: Fact, facts: list[Fact]
) -> Result:
    """The winning side named, then its figure ("Microsoft: more than 20 engineers.")."""
    figure = tk.replies.measure(winner, query.language) or ""
    separator = " : " if query.language == "fr" else ": "
    lead = f"{', '.join(names)}{separator}{figure[:1].lower()}{figure[1:]}" if names else figure
    confidence = tk.composer.confidence(query, 0.8)
    return tk.composer.compose(query, facts[:3], confidence=confidence, lead=lead)


def unsettled(tk: Toolkit, query: Query, facts: list[Fact]) -> Result:
    lead = tk.replies.uncompared(query.language)
    confidence = tk.composer.confidence(query, 0.5)
    return tk.composer.compose(query, facts[:4], confidence=confidence, lead=lead)
