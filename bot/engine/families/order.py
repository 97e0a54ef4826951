"""Order in time over dated moves: the first or the last to move, before or after someone,
the same month as someone, and "before or after B?" answered with one of the two."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.factindex import orient
from bot.engine.families.verdicts import moves_of, others, people
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query

Date = tuple[int, int]  # (year, month): the articles date moves to the month at best
UNDATED_YEAR = 0  # a month no sentence gives the year of: comparable with its like only


def order(tk: Toolkit, query: Query) -> Result | None:
    """The answer of a question about order in time, or None when it asks none."""
    words = set(query.words)
    earlier, later = bool(words & lx.BEFORE_WORDS), bool(words & lx.AFTER_WORDS)
    rank = query.order
    if rank is None and earlier != later and words & (lx.OTHER_WORDS | {"others", "autres"}):
        rank = "first" if earlier else "last"  # "before the others"
    named = people(tk, query)
    if rank is None and earlier != later and query.qword == "who" and len(named) == 2:
        rank = "first" if earlier else "last"  # "A or B, who joined later?"
    if rank is not None:
        if asks_other_than_a_mover(query):
            return None  # "which newspaper first reported X's move?": not a rank of movers
        if len(named) == 1 and len(others(tk, query)) == 2:
            return employers_order(tk, query, named[0], rank)  # "for X, A or B first?"
        return ranked(tk, query, rank)
    if query.same_date and len(named) == 1:
        return relative(tk, query, named[0], "same")
    if earlier and later and len(named) == 2:
        return before_or_after(tk, query, named[0], named[1])
    if earlier and later and len(named) == 1:
        return employers_order(tk, query, named[0])
    if query.qword == "who" and earlier != later and len(named) == 1:
        return relative(tk, query, named[0], "before" if earlier else "after")
    return None


def asks_other_than_a_mover(query: Query) -> bool:
    """ "Which paper…", "quelle société…": the kind asked for is not a person."""
    kinds = {lx.TYPE_NOUNS[w] for w in query.words if w in lx.TYPE_NOUNS}
    return query.qword in ("what", "which") and bool(kinds) and "person" not in kinds


def date_of(tk: Toolkit, fact: Fact) -> Date | None:
    """The move's year and month (the article's year when the sentence gives none), or None
    when it is not dated to the month ("this week", "since January")."""
    when = fact.when
    if when is None or when.month is None or when.since or when.relative:
        return None
    return (when.year or article_year(tk, fact) or UNDATED_YEAR, when.month)


def article_year(tk: Toolkit, fact: Fact) -> int | None:
    dates = [tk.kb.articles[c.article].meta.date or "" for c in fact.citations if c.article]
    years = {int(d[:4]) for d in dates if d[:4].isdigit()}
    return years.pop() if len(years) == 1 else None


def places_query(tk: Toolkit, query: Query) -> Query:
    """The question without its people: the moves it asks about, whoever made them."""
    kept = tuple(e for e in query.entities if e.id in others(tk, query))
    relations = query.relations if query.relations & lx.MOVE_RELATIONS else frozenset({"move_in"})
    return replace(query, entities=kept, relations=relations, qword="who", yesno=False)


def asked_moves(tk: Toolkit, query: Query) -> dict[str, list[Fact]]:
    """Each mover the question is about and their moves that fit it: the people it names
    (two or more), else whoever made the moves between the places it names."""
    named = people(tk, query)
    places = others(tk, query)
    if len(named) >= 2:
        return {p: [m for m in moves_of(tk, p) if fits(tk, m, places)] for p in named}
    return pooled(tk, query)


def pooled(tk: Toolkit, query: Query) -> dict[str, list[Fact]]:
    alone = places_query(tk, query)
    if not alone.entities:
        return {}
    facts = tk.selector.candidates(alone)
    movers: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.polarity == "negated":
            continue  # a move that did not happen comes neither first nor last
        mover = orient(fact).mover if fact.type in ft.MOVE_FACT_TYPES else None
        if mover and tk.facts.type_of(mover) == "person":
            movers.setdefault(mover, []).append(fact)
    return movers


def fits(tk: Toolkit, move: Fact, places: list[str]) -> bool:
    return move.polarity != "negated" and all(tk.facts.involves(move, p) for p in places)


def comparable(dates: list[Date]) -> bool:
    """Months without a year compare only with months without a year (one article's time)."""
    undated = [d[0] == UNDATED_YEAR for d in dates]
    return all(undated) or not any(undated)


def dated(tk: Toolkit, moves: list[Fact]) -> tuple[Date, Fact] | None:
    """The one date of a person's fitting moves (their earliest), or None when undated."""
    stamped = [(d, m) for m in moves if (d := date_of(tk, m)) is not None]
    return min(stamped, key=lambda s: s[0]) if stamped else None


def ranked(tk: Toolkit, query: Query, rank: str) -> Result | None:
    """ "Who was the last to join X?", "who joined first: A, B or C?": the mover(s) at that
    end of the dated moves; when some move is not dated to the month, the order is not known."""
    movers = {p: m for p, m in asked_moves(tk, query).items() if m}
    if len(movers) < 2:
        return None
    stamps = {p: dated(tk, m) for p, m in movers.items()}
    facts = [m[0] for m in movers.values()]
    if None in stamps.values() or not comparable([s[0] for s in stamps.values() if s]):
        return unsettled(tk, query, facts)
    pick = min if rank == "first" else max
    end = pick(s[0] for s in stamps.values() if s)
    winners = [p for p, s in stamps.items() if s and s[0] == end]
    evidence = [s[1] for p, s in stamps.items() if s and p in winners]
    rest = sorted((s for p, s in stamps.items() if s and p not in winners), key=lambda s: s[0])
    return answer(tk, query, winners, evidence + [s[1] for s in rest])


def relative(tk: Toolkit, query: Query, person: str, relation: str) -> Result | None:
    """ "Who left X the same month as B / before B?": the movers dated so against B's move."""
    own = dated(tk, [m for m in moves_of(tk, person) if fits(tk, m, others(tk, query))])
    if own is None:
        return None
    movers = {p: m for p, m in pooled(tk, query).items() if p != person}
    stamps = {p: dated(tk, m) for p, m in movers.items()}
    if not stamps:
        return None
    # Those dated to the month are placed against B's; the others are not named.
    stamps = {p: s for p, s in stamps.items() if s and comparable([own[0], s[0]])}
    compare = {
        "same": lambda d: d == own[0],
        "before": lambda d: d < own[0],
        "after": lambda d: d > own[0],
    }[relation]
    winners = [p for p, s in stamps.items() if s and compare(s[0])]
    if not winners:
        return unsettled(tk, query, [own[1], *(m[0] for m in movers.values())])
    evidence = [s[1] for p, s in stamps.items() if s and p in winners]
    return answer(tk, query, winners, [*evidence, own[1]])


def before_or_after(tk: Toolkit, query: Query, first: str, second: str) -> Result | None:
    """ "Did A leave before or after B?": one of the two (or the same month), never Yes/No."""
    places = others(tk, query)
    a = dated(tk, [m for m in moves_of(tk, first) if fits(tk, m, places)])
    b = dated(tk, [m for m in moves_of(tk, second) if fits(tk, m, places)])
    if a is None or b is None or not comparable([a[0], b[0]]):
        facts = [s[1] for s in (a, b) if s]
        return unsettled(tk, query, facts) if facts else None
    relation = "same" if a[0] == b[0] else "before" if a[0] < b[0] else "after"
    lead = tk.replies.order(relation, query.language)
    confidence = tk.composer.confidence(query, 0.9)
    return tk.composer.compose(query, [a[1], b[1]], confidence=confidence, lead=lead)


def employers_order(
    tk: Toolkit, query: Query, person: str, rank: str | None = None
) -> Result | None:
    """ "Was A at X before or after Y?": a move of A's between the two says which came first
    (where A left from is before where A went), dated or not; with a `rank` ("for A, X or Y
    first?"), the one of the two that comes first or last."""
    places = others(tk, query)
    if len(places) != 2:
        return None
    for move in moves_of(tk, person):
        sides = orient(move)
        ends = [
            next((p for p in places if tk.facts.slot_matches(move, side, p)), None)
            for side in (sides.source, sides.dest)
        ]
        if None not in ends and ends[0] != ends[1]:
            relation = "before" if ends[0] == places[0] else "after"
            lead = tk.replies.order(relation, query.language)
            if rank is not None:
                chosen = ends[0] if rank == "first" else ends[1]
                if chosen is not None:
                    lead = f"{tk.kb.entities[chosen].name.get(query.language)}."
            confidence = tk.composer.confidence(query, 0.9)
            return tk.composer.compose(query, [move], confidence=confidence, lead=lead)
    return None


def answer(tk: Toolkit, query: Query, winners: list[str], facts: list[Fact]) -> Result:
    names = [tk.kb.entities[p].name.get(query.language) for p in winners]
    lead = tk.replies.join_names(names, query.language)
    confidence = tk.composer.confidence(query, 0.9)
    result = tk.composer.compose(query, facts, confidence=confidence, lead=lead)
    return Result(result.answer, tuple(winners))


def unsettled(tk: Toolkit, query: Query, facts: list[Fact]) -> Result:
    lead = tk.replies.unordered(query.language)
    confidence = tk.composer.confidence(query, 0.5)
    return tk.composer.compose(query, facts[:4], confidence=confidence, lead=lead)
