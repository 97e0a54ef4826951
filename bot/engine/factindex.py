"""What the engine derives once from a knowledge base: who is part of what, which facts involve
an entity, each fact's words, and moves seen uniformly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from bot.kb import Fact, KnowledgeBase
from bot.kb.facttypes import FACT_TYPES, MOVE_FACT_TYPES
from bot.nlu.lexicon import INFINITIVE_ENDINGS, PURPOSE_MARKERS
from bot.text import normalize

PERSON = "person"  # the entity type whose moves and roles the engine follows


@dataclass(frozen=True)
class Move:
    """A move fact seen uniformly: who moved, from where, to where."""

    mover: str | None
    source: str | None
    dest: str | None


def orient(fact: Fact) -> Move:
    """The (mover, source, destination) of a move fact, read from its type's move fields."""
    slots = FACT_TYPES[fact.type].move
    if slots is None:
        return Move(fact.subject, fact.source, fact.object)
    return Move(getattr(fact, slots.mover), getattr(fact, slots.source), getattr(fact, slots.dest))


# Snowball stemmers (PyStemmer): "recrutés" meets "recrute", "hiring" meets "hired".
_STEMMERS = {"fr": Stemmer.Stemmer("french"), "en": Stemmer.Stemmer("english")}
BOTH = tuple(_STEMMERS)
# British -ise spellings stemmed as the -ize ones ("reorganised" meets "reorganize").
_BRITISH_ISE = re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations)$")


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    if language == "en":
        return _STEMMERS["en"].stemWord(_BRITISH_ISE.sub(r"iz\1", word))
    # The French stemmer reads accents ("recrutées"); unaccented, a participle's "-ee(s)" is
    # left for a second pass to take ("recrutees" -> "recrute" -> "recrut").
    return _STEMMERS["fr"].stemWord(_STEMMERS["fr"].stemWord(word))


def stems(words: Iterable[str], language: str | None = None) -> frozenset[str]:
    """The Snowball stems of `words` (one-letter words left out) in `language`, or in both
    languages when it is not known: a question may mix them ("les data centers")."""
    languages = (language,) if language in _STEMMERS else BOTH
    return frozenset(_stem(w, code) for w in words if len(w) > 1 for code in languages)


def phrasing_stems(fact: Fact) -> frozenset[str]:
    """A fact's words as stems: its French phrasing stemmed as French, its English as English."""
    return stems(normalize(fact.text.fr).split(), "fr") | stems(
        normalize(fact.text.en).split(), "en"
    )


class FactIndex:
    """The base's facts indexed for answering; built once per knowledge base."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.kb = base
        self.ancestors: dict[str, frozenset[str]] = {
            entity_id: frozenset(self._chain(entity_id)) for entity_id in base.entities
        }
        self.words: dict[str, frozenset[str]] = {
            fact.id: phrasing_stems(fact) for fact in base.facts
        }
        self.vocabulary = frozenset().union(*self.words.values())
        # Words in many facts ("talents", "Meta") tell facts apart no better than chance.
        frequency: dict[str, int] = {}
        for found in self.words.values():
            for stem in found:
                frequency[stem] = frequency.get(stem, 0) + 1
        limit = max(3, len(base.facts) // 10)
        self.common_stems = frozenset(s for s, n in frequency.items() if n > limit)
        # Facts that say what something was done for ("left … to work in …"): they answer why.
        self.purposes = frozenset(f.id for f in base.facts if states_purpose(f))
        self.involving: dict[str, list[Fact]] = {}
        for fact in base.facts:
            involved = {a for p in fact.participants() for a in (p, *self.ancestors[p])}
            for entity_id in involved:
                self.involving.setdefault(entity_id, []).append(fact)

    def stems(self, words: Iterable[str], language: str) -> frozenset[str]:
        """One stem per word of a question (one-letter words left out): in the question's
        language, or in the other when only that one is the base's ("les data centers")."""
        return frozenset(self.stem(w, language) for w in words if len(w) > 1)

    def stem(self, word: str, language: str) -> str:
        own = _stem(word, language if language in _STEMMERS else BOTH[0])
        if own in self.vocabulary:
            return own
        return next((s for s in (_stem(word, c) for c in BOTH) if s in self.vocabulary), own)

    def _chain(self, entity_id: str) -> list[str]:
        chain: list[str] = []
        parent = self.kb.entities[entity_id].part_of
        while parent and parent not in chain and parent != entity_id:
            chain.append(parent)
            parent = self.kb.entities[parent].part_of
        return chain

    def type_of(self, entity_id: str) -> str:
        return self.kb.entities[entity_id].type

    def matches(self, slot: str | None, entity_id: str | None) -> bool:
        """`entity_id` is `slot` or contains it ("Meta" matches its lab FAIR); never None."""
        return (
            slot is not None
            and entity_id is not None
            and (slot == entity_id or entity_id in self.ancestors[slot])
        )

    def involves(self, fact: Fact, entity_id: str) -> bool:
        return any(self.matches(p, entity_id) for p in fact.participants())

    def slot_matches(self, fact: Fact, slot: str | None, entity_id: str) -> bool:
        """`entity_id` fills `slot`, directly, as a part of it, or as the part the fact is about
        ("joined Meta, for its superintelligence unit" answers "who joined the unit")."""
        if self.matches(slot, entity_id):
            return True
        return slot is not None and entity_id in fact.about and slot in self.ancestors[entity_id]

    def mover_is(self, fact: Fact, entity_id: str) -> bool:
        return fact.type in MOVE_FACT_TYPES and orient(fact).mover == entity_id


def states_purpose(fact: Fact) -> bool:
    """The fact's phrasing has a purpose: a marker ("afin", "pour") before an infinitive."""
    words = normalize(f"{fact.text.fr} {fact.text.en}").split()
    return any(
        word in PURPOSE_MARKERS and next_word.endswith(INFINITIVE_ENDINGS)
        for word, next_word in zip(words, [*words[1:], ""], strict=True)
    )
