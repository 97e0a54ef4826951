"""Where the last answer comes from: "who says so?", "source ?", "where is that from?", "qui a
dit ça ?" asked right after an answer, naming nothing.

The facts the last answer quoted carry their own source: whose report or claim they are
(`attributed_to`), the medium that ran them (`via`), or, for what someone said, the speaker.
The reply names those sources and quotes the facts again. A fact with none of them is the
article's own reporting: the reply says so and quotes it, and never borrows the source of
another fact.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.query import Query

SOURCE_CUES = frozenset({"provenance", "statement"})
SHORT_WORDS = 6  # "and where does that figure come from?": more words ask something else
BARE_WORDS = 3  # "source?", "ta source ?": a word or two, with no question word


def asks_attribution(query: Query) -> bool:
    """The question asks only where something said before comes from: a source or provenance
    word, "who said…", "where… from", with no name, no yes/no and no word of its own."""
    if query.entities or query.unknown_names or query.ambiguous is not None:
        return False
    if query.yesno and len(query.words) > BARE_WORDS:
        return False  # "was it reported by X?" asks a verdict; "source?" reads as one
    if query.pronoun or query.plural_pronoun or len(query.content) > int(points_back(query)):
        return False  # "who said the pay war is a problem?"; "that figure" may keep one word
    if len(query.words) > SHORT_WORDS:
        return False
    if query.qword == "where" and query.words[-1:] == ("from",):
        return not query.move_verbs  # "where is that from?", not "where did they come from?"
    cues = query.cue_relations
    if query.qword == "why" or cues - SOURCE_CUES:
        return False  # "why is X a problem, according to the article?" asks a reason
    if "provenance" in cues:
        return True
    return query.qword == "who" and "statement" in cues  # "who says so?", "qui a dit ça ?"


def points_back(query: Query) -> bool:
    """ "Who reported that figure?", "qui a dit ça ?": it points at the last answer."""
    return bool(set(query.words[-2:]) & lx.DEMONSTRATIVES)


def asks_medium(tk: Toolkit, query: Query, last_facts: tuple[str, ...]) -> bool:
    """ "Where was that?", "where did he say it?" right after what someone said: the medium
    that carried it, when a quoted fact is a saying with one and none gives a place."""
    if query.qword != "where" or query.content or query.yesno or query.move_verbs:
        return False
    if query.unknown_names or query.plural_pronoun or len(query.entities) > int(query.pronoun):
        return False
    facts = [tk.kb.facts[tk.facts.position[i]] for i in last_facts if i in tk.facts.position]
    if any(f.place or f.type in ft.MOVE_FACT_TYPES for f in facts):
        return False  # a place or a move's sides answer "where"
    return any(f.type in ft.STANCE_FACT_TYPES and f.via for f in facts)


def attribution(tk: Toolkit, query: Query) -> Result:
    """The sources of the facts the last answer quoted, those facts quoted again."""
    facts = [
        tk.kb.facts[tk.facts.position[i]] for i in query.sourced_facts if i in tk.facts.position
    ]
    where = query.qword == "where"
    sources = {f.id: source for f in facts if (source := _source(f, where))}
    lang = query.language
    if not sources:
        text = tk.replies.own_reporting(lang)
        return tk.composer.compose(query, facts, confidence=0.8, lead=text)
    names = [tk.kb.entities[s].name.get(lang) for s in dict.fromkeys(sources.values())]
    backed = [f for f in facts if f.id in sources]
    lead = tk.replies.join_names(names, lang)
    result = tk.composer.compose(query, backed, confidence=0.85, lead=lead)
    return replace(result, subjects=tuple(dict.fromkeys(sources.values())))


def _source(fact: Fact, where: bool) -> str | None:
    """Who or what the fact comes from; for "where", the medium first."""
    speaker = fact.subject if fact.type in ft.STANCE_FACT_TYPES else None
    found = (
        (fact.via, fact.attributed_to, speaker)
        if where
        else (fact.attributed_to, speaker, fact.via)
    )
    return next((s for s in found if s), None)
