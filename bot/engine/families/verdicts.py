"""The judges of a yes/no question: each looks at one way the articles can settle it.

A verdict is "yes", "no", "hedged" (the articles report it, conditionally or as someone's
claim: not confirmed) or "unsettled" (they do not say). Each judge returns a verdict with its
evidence, or None when its kind of reasoning does not apply; `yesno.py` asks them in turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.factindex import orient
from bot.engine.selection import PERSON, SAYING_RELATIONS
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.frame import told_as_past, truth_wrapped
from bot.nlu.parsing import Query
from bot.text import normalize

# Relations for which "where is someone now" decides: being at, working at, leading there.
WHEREABOUTS_RELATIONS = frozenset({"employment", "role", "lead", "location"})
# Only one person at a time leads a given team or company.
EXCLUSIVE_RELATIONS = frozenset({"lead"})
# Relations whose facts say who acted: "did A criticise B" is not "did B criticise A".
ACTING_RELATIONS = SAYING_RELATIONS | {"lead", "found", "create", "owns", "plan"}


@dataclass(frozen=True)
class Verdict:
    value: str  # yes | no | hedged | bound | coarser | already | unsettled
    facts: list[Fact]


def people(tk: Toolkit, query: Query) -> list[str]:
    return [e.id for e in query.entities if tk.facts.type_of(e.id) == PERSON]


def others(tk: Toolkit, query: Query) -> list[str]:
    """The question's organisations, units, products: the entities that are not people."""
    return [
        e.id
        for e in query.entities
        if tk.facts.type_of(e.id) not in (PERSON, "place", "media") and not e.excluded
    ]


# ---------------------------------------------------------------- moves


def moves_of(tk: Toolkit, person: str) -> list[Fact]:
    return [f for f in tk.facts.involving.get(person, []) if tk.facts.mover_is(f, person)]


def last_moves(tk: Toolkit, person: str) -> list[Fact]:
    """The person's moves that no other move of theirs leaves from: where they went last."""
    moves = moves_of(tk, person)
    return [
        m
        for m in moves
        if not any(
            other is not m
            and orient(m).dest
            and tk.facts.matches(orient(other).source, orient(m).dest)
            for other in moves
        )
    ]


def asks_about_now(query: Query) -> bool:
    """The question is about the present: "still", "now", or a present-tense auxiliary."""
    if query.present:
        return True
    if query.tense in ("past", "future") or not query.words:
        return False
    # "Is it true that X worked…": the truth cue's auxiliary is the present's, not the past
    # its statement tells.
    stated = truth_wrapped(list(query.words))
    return query.words[0] in lx.PRESENT_AUXILIARIES and not (stated and told_as_past(stated))


def whereabouts(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Is she still at X?", "Does he work for X?": where the person's last move took them.

    A last move away from X is a No, and says where they went; a last move elsewhere, with
    nothing placing them at X since, leaves it unsettled.
    """
    if not asks_about_now(query) or query.relations - WHEREABOUTS_RELATIONS:
        return None
    asked_people, places = people(tk, query), others(tk, query)
    if len(asked_people) != 1 or not places:
        return None
    person = asked_people[0]
    last = last_moves(tk, person)
    if not last:
        return None
    moves = moves_of(tk, person)
    for place in places:
        away = [m for m in moves if tk.facts.matches(orient(m).source, place)]
        # Back there after leaving: a move to it from where the move away had taken them.
        back = [
            m
            for m in moves
            if tk.facts.slot_matches(m, orient(m).dest, place)
            and any(tk.facts.matches(orient(m).source, orient(a).dest) for a in away)
        ]
        if away and not back:
            return Verdict("no", away + [m for m in last if m not in away])
        held = [
            f
            for f in tk.facts.involving.get(person, [])
            if f.subject == person and f.tense and tk.facts.matches(f.object, place)
        ]
        if held and all(f.tense == "past" for f in held):
            return Verdict("no", held + last)  # a former role there, and a move since
        was_there = [f for f in tk.facts.involving.get(person, []) if tk.facts.involves(f, place)]
        if any(holds_now(f, person) for f in was_there):
            return None  # a current role there ("now runs X"): the facts settle it
        if was_there and not any(tk.facts.slot_matches(m, orient(m).dest, place) for m in last):
            return Verdict("unsettled", was_there[:2] + last)  # tied to it once, moved since
    return None


def holds_now(fact: Fact, person: str) -> bool:
    """The fact gives the person a role or a lead they hold now (not a move, not a former
    role)."""
    return (
        fact.type not in ft.MOVE_FACT_TYPES and fact.subject == person and fact.tense == "current"
    )


def move_elsewhere(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Did P join X?" when the articles move P somewhere else, or move someone else there."""
    if not query.relations & lx.MOVE_RELATIONS:
        return None
    asked_people = people(tk, query)
    if len(asked_people) != 1:
        return None
    person = asked_people[0]
    roles = tk.selector.move_roles(query)
    destinations = [e for e in others(tk, query) if roles.get(e) == "dest"]
    sources = [e for e in others(tk, query) if roles.get(e) == "source"]
    moves = moves_of(tk, person)
    if not moves:
        return someone_else(tk, query, person, roles)
    reversed_moves = [m for m in moves if _between(tk, m, destinations, sources)]
    if reversed_moves and not any(_between(tk, m, sources, destinations) for m in moves):
        # "Left X for Y?" when they left Y for X; their move into Y, if told, says from where.
        into = [
            m
            for m in moves
            if m not in reversed_moves
            and any(tk.facts.slot_matches(m, orient(m).dest, d) for d in destinations)
        ]
        return Verdict("no", into + reversed_moves)
    for place in destinations:
        if any(tk.facts.slot_matches(m, orient(m).dest, place) for m in moves):
            continue
        last = last_moves(tk, person)
        if any(tk.facts.matches(orient(m).source, place) for m in last):
            return Verdict("no", last)  # they left it for somewhere else
        if any(tk.facts.involves(m, place) for m in moves):
            return Verdict("unsettled", moves)  # they were there once; joining is not said
        return Verdict("no", moves)
    for place in sources:
        if any(tk.facts.slot_matches(m, orient(m).source, place) for m in moves):
            continue
        if any(tk.facts.involves(m, place) for m in moves):
            return Verdict("unsettled", moves)
        if all(orient(m).source for m in moves) and not only_leaving(query):
            return Verdict("no", moves)  # every move of theirs says where they came from
    return None


def only_leaving(query: Query) -> bool:
    """ "Did P leave X?" asks of a departure at any time, not where P's move started: their
    leaving A for B does not say they never left X."""
    return bool(query.move_verbs) and all(verb == "leave" for _, verb in query.move_verbs)


def hired_the_other_way(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Did A hire from B?" when the articles have B hire from A, and A never from B."""
    if not query.relations & lx.MOVE_RELATIONS or people(tk, query):
        return None
    roles = tk.selector.move_roles(query)
    hirers = [e for e in others(tk, query) if roles.get(e) == "dest"]
    sources = [e for e in others(tk, query) if roles.get(e) == "source"]
    if not hirers or not sources:
        return None
    moves = [
        f
        for e in hirers + sources
        for f in tk.facts.involving.get(e, [])
        if f.type in ft.MOVE_FACT_TYPES
    ]
    reversed_moves = [m for m in moves if _between(tk, m, hirers, sources)]
    if reversed_moves and not any(_between(tk, m, sources, hirers) for m in moves):
        return Verdict("no", reversed_moves[:1])
    return None


def _between(tk: Toolkit, move: Fact, sources: list[str], destinations: list[str]) -> bool:
    """The move leaves one of `sources` for one of `destinations`."""
    sides = orient(move)
    return any(tk.facts.matches(sides.source, s) for s in sources) and any(
        tk.facts.matches(sides.dest, d) for d in destinations
    )


def someone_else(
    tk: Toolkit, query: Query, person: str, roles: dict[str, str | None]
) -> Verdict | None:
    """ "Is it P who left X for Y?": the articles move someone else, and P nowhere."""
    sided = {e: r for e, r in roles.items() if r in ("source", "dest") and e != person}
    if set(sided.values()) != {"source", "dest"}:
        return None  # only a move named by both its ends points at one other person
    done = [
        f
        for f in tk.facts.involving_all(sided)
        if f.type in ft.MOVE_FACT_TYPES
        and orient(f).mover
        and orient(f).mover != person
        and all(
            tk.facts.slot_matches(f, orient(f).source if r == "source" else orient(f).dest, e)
            for e, r in sided.items()
        )
    ]
    return Verdict("no", done) if done else None


def sequence(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Did A join X before B?": their moves' dates, when both are known to the month."""
    words = set(query.words)
    earlier, later = bool(words & lx.BEFORE_WORDS), bool(words & lx.AFTER_WORDS)
    asked_people = people(tk, query)
    # "Was A at X before B?" asks the same of where their moves took them.
    moved = query.relations & lx.MOVE_RELATIONS or not query.relations
    if earlier == later or len(asked_people) != 2 or not moved:
        return None
    places = others(tk, query)
    dated: list[Fact] = []
    for person in asked_people:
        known = [m for m in moves_of(tk, person) if m.when is not None and m.when.month]
        # "Was A hired before B joined X?": X may be B's side alone; A's one move then counts.
        there = [
            m for m in known if all(tk.facts.slot_matches(m, orient(m).dest, p) for p in places)
        ]
        moves = there or known
        if len(moves) != 1:
            # Which came first is not told: no other verdict answers an order.
            return Verdict("unsettled", dated + moves[:1])
        dated.append(moves[0])
    first, second = (m.when for m in dated)
    assert first and second and first.month and second.month  # only dated months were kept
    if first.year != second.year or first.month == second.month:
        return Verdict("unsettled", dated)  # another year, or the same month: cannot tell
    before = first.month < second.month
    return Verdict("yes" if before == earlier else "no", dated)


def employers_sequence(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Was A at X before Y?": A's move between the two says (where A left from came first),
    dated or not."""
    words = set(query.words)
    earlier, later = bool(words & lx.BEFORE_WORDS), bool(words & lx.AFTER_WORDS)
    asked_people, places = people(tk, query), others(tk, query)
    if earlier == later or len(asked_people) != 1 or len(places) != 2:
        return None
    for move in moves_of(tk, asked_people[0]):
        sides = orient(move)
        ends = [
            next((p for p in places if tk.facts.slot_matches(move, side, p)), None)
            for side in (sides.source, sides.dest)
        ]
        if None not in ends and ends[0] != ends[1]:
            first_asked_first = ends[0] == places[0]
            return Verdict("yes" if first_asked_first == earlier else "no", [move])
    return None


# ---------------------------------------------------------------- roles


def role_elsewhere(tk: Toolkit, query: Query) -> Verdict | None:
    """ "Does P lead X?" when the articles have someone else lead X, or P lead something else."""
    if "lead" not in query.relations:
        return None
    asked_people, places = people(tk, query), others(tk, query)
    if len(asked_people) != 1 or not places:
        return None
    person = asked_people[0]
    own = [
        f
        for f in tk.facts.involving.get(person, [])
        if f.type in ft.RELATION_FACT_TYPES["lead"][0] and f.subject == person
    ]
    if any(all(tk.facts.involves(f, p) for p in places) for f in own):
        return None
    leaders = [
        f
        for place in places
        for f in tk.facts.involving.get(place, [])
        if f.type in ft.RELATION_FACT_TYPES["lead"][0]
        and f.object == place
        and f.subject != person
        and f.tense != "past"
    ]
    if leaders:
        return Verdict("no", leaders + own[:1])
    if own:
        return Verdict("no", own)
    return None


# What a person does with one company or in one place at a time: doing it elsewhere
# contradicts doing it here. Working on, knowing or saying one thing excludes nothing.
ONE_AT_A_TIME = ft.MOVE_FACT_TYPES | {"leads", "role", "location"}
WHERE_UNSAID = frozenset({"leads", "role"})  # a team led, a post held: no city of their own


def done_elsewhere(tk: Toolkit, query: Query, primary: frozenset[str]) -> Verdict | None:
    """The asked person did the asked kind of thing, but with someone or somewhere else."""
    main = query.entities[0].id
    # Where or with whom it was done: another person ("did A join before B?") is no such place.
    places = [e for e in query.entities[1:] if tk.facts.type_of(e.id) != PERSON]
    if tk.facts.type_of(main) != PERSON or not places:
        return None
    own = [
        f
        for f in tk.facts.involving.get(main, [])
        if f.type in primary
        and f.type in ONE_AT_A_TIME
        and (tk.facts.matches(f.subject, main) or tk.facts.mover_is(f, main))
    ]
    hires = any(kind == "hire" for _, kind in query.move_verbs) and not query.passive
    # "Did P work at X (before Y)?": a move elsewhere says where P went, not where P never was.
    worked = not query.relations & lx.MOVE_RELATIONS
    if only_leaving(query) or hires or worked:
        # Leaving A is not staying at X; "did P hire from X?" asks of P as a hirer, whom
        # P's own moves say nothing of.
        own = [f for f in own if f.type not in ft.MOVE_FACT_TYPES]
    if all(tk.facts.type_of(e.id) == "place" for e in places):
        # "Does P run the <city> site?": what P runs elsewhere may well stand in that city.
        own = [f for f in own if f.type not in WHERE_UNSAID]
    # Had they been there once (a move away from it), this would not be a No.
    linked = any(tk.facts.involves(f, e.id) for f in own for e in places)
    return Verdict("no", own[:4]) if own and not linked else None


# ---------------------------------------------------------------- how a fact is worded


def hedged(fact: Fact) -> bool:
    """The fact reports something conditionally or second-hand ("reportedly", "selon"), or
    as a possibility or a plan: its modality says so, or its wording does."""
    if fact.modality != "stated":
        return True
    words = normalize(f"{fact.text.fr} {fact.text.en}").split()
    return any(lx.hedge(w) for w in words)


def claimed(tk: Toolkit, query: Query, fact: Fact) -> bool:
    """The fact only says that someone said or thinks it, and the question is not about that."""
    return fact.type in ft.CLAIM_FACT_TYPES and not query.cue_relations & SAYING_RELATIONS


def polarity(fact: Fact) -> bool:
    """True when the fact's wording is negative (refused, without, criticised…)."""
    return any(lx.negative(w) for w in normalize(fact.text.en.replace("n't", " not")).split())


def reported(tk: Toolkit, query: Query, fact: Fact) -> bool:
    """The fact only reports it: hedged, or someone's claim the question is not about. Asked
    as a report ("was it reportedly…?", "selon X, …?"), a report is what is asked: it settles."""
    if fact.modality == "reported" and lx.REPORT_CUES & set(query.words):
        return claimed(tk, query, fact)
    return hedged(fact) or claimed(tk, query, fact)


def wording(tk: Toolkit, query: Query, facts: list[Fact]) -> Verdict | None:
    """Stances settle by their polarity; what the facts only report is not confirmed (the
    facts come plainly stated first: the first reported means all are)."""
    best = facts[0]
    if reported(tk, query, best):
        return Verdict("hedged", facts)
    if best.type in ft.STANCE_FACT_TYPES and spoke_asked(tk, query, best):
        # "Did X say anything about Y?": that X spoke of it settles it, whatever the wording.
        return Verdict("yes", facts)
    if best.type in ft.STANCE_FACT_TYPES:
        # "Did they match the offers?" when they refused them: the wording settles it.
        return Verdict("no" if polarity(best) != query.negative else "yes", facts)
    return None


def spoke_asked(tk: Toolkit, query: Query, fact: Fact) -> bool:
    """The question asks whether someone spoke or thought of something, not what: nothing
    follows the verb, a topic does ("did X say anything about Y", "a-t-il parlé de Y"), or
    where ("en a-t-il parlé dans un podcast ?"); "did X say (that) Y needs Z" restates what,
    two words of it in the fact at least, and then the wording must agree."""
    words = query.words
    verb = next((i for i, w in enumerate(words) if lx.relation_of(w) & _SPEAKING), None)
    if verb is None:
        return False
    after = [w for w in words[verb + 1 :] if w not in lx.FILLERS]
    if not after or after[0] in lx.TOPIC_MARKERS:
        return True
    if set(after[:3]) & lx.COMPLEMENTIZERS:
        return False  # "a-t-il dit que…", "did he say that…"
    restated = tk.facts.stems(frozenset(after), query.language) & tk.facts.words[fact.id]
    return len(restated - tk.facts.common_stems) < CLAIM_WORDS


_SPEAKING = frozenset({"statement", "opinion"})
# Words of a claim a question must share to be about what was said (not only whether).
CLAIM_WORDS = 2


def by_actor(tk: Toolkit, query: Query, facts: list[Fact]) -> list[Fact]:
    """ "Did A criticise B?": only facts whose actor is the one the question says acted
    (all of them when the question names no actor)."""
    asked = acting(tk, query)
    if asked is None:
        return facts
    return [f for f in facts if actor_matches(tk, f, asked)]


def acting(tk: Toolkit, query: Query) -> str | None:
    """The entity the question names as the actor of a non-move relation, when it names one:
    after "by"/"par", else the nearest one before the relation's word."""
    if not query.cue_relations & ACTING_RELATIONS or query.cue_relations & lx.MOVE_RELATIONS:
        return None
    words = query.words
    for i, word in enumerate(words):
        if word in lx.AGENT_PREPOSITIONS:
            after = [e for e in query.entities if e.position == i + 1]
            if after:
                return after[0].id
    verb = next((i for i, w in enumerate(words) if lx.relation_of(w) & ACTING_RELATIONS), None)
    if verb is None or (verb and words[verb - 1] in lx.PASSIVE_MARKERS):
        return None  # "Was X criticised?": X did not act
    before = [e for e in query.entities if 0 <= e.position < verb]
    return max(before, key=lambda e: e.position).id if before else None


def actor_matches(tk: Toolkit, fact: Fact, entity_id: str) -> bool:
    """The fact's actor is the entity, a part of it, or the whole it is part of (a question
    naming "Apple's Siri" stands for Apple there)."""
    slot = getattr(fact, ft.FACT_TYPES[fact.type].agent)
    return slot is not None and (
        tk.facts.matches(slot, entity_id) or slot in tk.facts.ancestors[entity_id]
    )
