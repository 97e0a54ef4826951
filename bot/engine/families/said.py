"""What someone said, when the articles quote nothing they said: say so, not pass the
article's own words off as theirs."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.families.quoted import asked_words, named_in, sentence_key, shared, written_in
from bot.engine.families.verdicts import SAYING_RELATIONS
from bot.engine.selection import PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query


def not_quoted(tk: Toolkit, query: Query, facts: list[Fact]) -> Result | None:
    """ "What did X say?" when no claim or stance of X's is reported; "what did X say about
    Y?" when X is quoted, but never about Y."""
    if not asks_said(query):
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


def asks_said(query: Query) -> bool:
    return bool(query.cue_relations & SAYING_RELATIONS) and not query.yesno


def said_elsewhere(tk: Toolkit, query: Query) -> Result | None:
    """None of the quotes of the speaker (the question's first name, a person), if any, is
    about the other entities the question names."""
    if query.qword != "what" or not query.entities:
        return None  # "why is it said that…" asks about what is said, not who said it
    speaker = query.entities[0]
    if tk.facts.type_of(speaker.id) != PERSON or not _beside_saying(query, speaker.position):
        return None  # "what does the X deal say about…": the speaker is no person
    topics = [e.id for e in query.entities[1:]]
    # Their own stances, and what the articles report on their word ("selon X").
    quoted = [
        f
        for f in tk.facts.involving.get(speaker.id, [])
        if f.attributed_to == speaker.id
        or (f.subject == speaker.id and f.type in ft.STANCE_FACT_TYPES)
    ]
    if not topics:
        return None
    if any(all(speaks_of(tk, f, t) for t in topics) for f in quoted):
        return None
    language = query.language
    names = [tk.kb.entities[t].name.get(language) for t in topics]
    name = tk.kb.entities[speaker.id].name.get(language)
    return Result(tk.replies.said_nothing_about(name, names, language), ())


def _beside_saying(query: Query, position: int) -> bool:
    """The name stands close before or after a saying verb ("did X say", "qu'a dit X", "X il
    a dit"), not as the complement of a noun that "says" ("the X deal says")."""
    words = query.words
    around = [i for i in range(position - 3, position + 4) if 0 <= i < len(words)]
    return any(lx.relation_of(words[i]) & SAYING_RELATIONS for i in around)


def speaks_of(tk: Toolkit, fact: Fact, topic: str) -> bool:
    """The quote is about `topic`, or its sentence names it ("X told the Y that…")."""
    return tk.facts.involves(fact, topic) or topic in named_in(tk, sentence_key(fact))


QUOTED_RELATIONS = frozenset({"statement", "opinion"})  # what someone said or thinks


def the_quote(tk: Toolkit, query: Query) -> Result | None:
    """ "What did X say about Y?", "what did X say about being remembered?": of the speaker's
    quotes, the one whose sentence names every other entity asked, and shares the most of the
    question's own words; None unless one quote is left (the selection then says them all)."""
    if not asks_said(query) or query.qword not in ("what", "how", None) or not query.entities:
        return None
    if query.cue_relations & SAYING_RELATIONS - QUOTED_RELATIONS:
        return None  # "what did X criticise?": a criticism is asked, not any quote
    speaker = query.entities[0].id
    if tk.facts.type_of(speaker) != PERSON:
        return None
    topics = [e.id for e in query.entities[1:]]
    quotes = [
        f
        for f in tk.facts.involving.get(speaker, [])
        if f.subject == speaker
        and f.type in ft.CLAIM_FACT_TYPES
        and all(speaks_of(tk, f, t) for t in topics)
    ]
    own = frozenset(w for w in query.keywords if not lx.relation_of(w) & SAYING_RELATIONS)
    asked = asked_words(tk, replace(query, keywords=own))
    if any(written_in(tk, f) != query.language for f in quotes):
        asked = frozenset()  # the other language's sentence shares no word to compare
    scores = {f.id: shared(asked, f.citations[0].sentence or "") for f in quotes}
    best = max(scores.values(), default=0)
    if asked and not best:
        return None  # asked about something no quote of theirs shares a word with
    quotes = [f for f in quotes if scores[f.id] == best]
    if len(quotes) != 1:
        return None
    return tk.composer.compose(query, quotes, confidence=0.8)
