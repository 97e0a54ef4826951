"""Questions that name no entity: answered from facts of the asked kind, by their words."""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.families.catalogue import catalogue
from bot.engine.measures import date_agrees
from bot.engine.selection import ROLE_TYPES
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query


def topical(tk: Toolkit, query: Query) -> Result:
    """A question naming no entity: answer from facts of the asked type, or say what we know."""
    if query.foreign:
        return Result(tk.replies.foreign(query.language), ())
    if query.type_noun and not query.cue_relations and not query.yesno:
        return catalogue(tk, query, query.type_noun)
    counted = tuple(n for n in query.numbers if not is_day(query, n))  # "le 12 juin": a date
    numbered = tk.facts.with_numbers(counted, limit=4) if counted else []
    if numbered and not query.comparisons:
        return tk.composer.compose(query, numbered, confidence=0.7)  # "What are the 200 million?"
    primary, cued, _ = tk.selector.wanted_types(query)
    if query.greeting or query.yesno or not (primary or query.content):
        return Result(tk.replies.unknown(query.language, greeting=query.greeting), ())
    wanted = primary | cued
    # The roles the question names come from the roles' postings, not from every role fact.
    roles = wanted & ROLE_TYPES if query.role_words else frozenset()
    pool = tk.facts.typed(wanted - roles, query.months, query.years)
    if roles:
        months, years = set(query.months), set(query.years)
        named = [
            f
            for f in tk.selector.roles.naming_role(query.role_words)
            if f.type in roles and (not (months or years) or tk.facts.dated_then(f, months, years))
        ]
        pool = tk.facts.merged([pool, named])
    facts = [f for f in pool if f.type in wanted and tk.selector.fits_question_word(f, query)]
    if query.months or query.years:
        facts = [f for f in facts if date_agrees(f, query)]
    asked = tk.facts.stems(query.content, query.language)
    ids = {f.id for f in facts}
    if asked and not sharing_any(tk, facts, ids, asked):
        # "Why are on-device models an asset?": no fact of that type says it, another does.
        saying = tk.facts.sharing(asked, 2)
        if saying:
            facts, ids = saying, {f.id for f in saying}
    if not facts or tk.selector.unexplained(query, facts, names_only=True):
        # "Who joined Nvidia from Intel?": names we do not know are not a topic to list.
        return Result(tk.replies.unknown(query.language), ())
    # With no name to anchor it, the question's own words pick among the facts.
    keywords = tk.facts.stems(query.keywords, query.language) - tk.facts.common_stems
    # How many of those words each fact says, read from the postings of those words (none of
    # them common): the facts saying none are not read.
    overlap: dict[str, int] = {}
    for stem in keywords:
        for fact in tk.facts.by_stem.get(stem, ()):
            if fact.id in ids:
                overlap[fact.id] = overlap.get(fact.id, 0) + 1
    if overlap:
        facts = [f for f in facts if f.id in overlap]
    # The asked kind first, then the facts sharing most of the question's words.
    score = tk.selector.scorer(query, primary)
    facts.sort(key=lambda f: (f.type not in primary, -overlap.get(f.id, 0), -score(f)))
    return tk.composer.compose(query, facts, confidence=0.6)


def sharing_any(tk: Toolkit, facts: list[Fact], ids: set[str], asked: frozenset[str]) -> bool:
    """Whether one of `facts` (whose ids are `ids`) says one of the stems `asked`: read from
    the stems' postings when they are shorter than the facts."""
    postings = [tk.facts.by_stem.get(s, []) for s in asked]
    if sum(map(len, postings)) < len(facts):
        return any(f.id in ids for posting in postings for f in posting)
    return any(asked & tk.facts.words[f.id] for f in facts)


def is_day(query: Query, number: float) -> bool:
    """The number is a day of the month the question names right after it ("12 juin")."""
    words = query.words
    return any(
        w.isdigit() and float(w) == number and i + 1 < len(words) and words[i + 1] in lx.MONTHS
        for i, w in enumerate(words)
    )
