"""What the engine derives once from a knowledge base: who is part of what, which facts involve
an entity, each fact's words, and moves seen uniformly."""

from __future__ import annotations

from dataclasses import dataclass

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


def stems(words: frozenset[str] | set[str] | list[str]) -> frozenset[str]:
    """Crude stems (first five letters) so "working" meets "workers" and "recrues" "recrute"."""
    return frozenset(w[:5] for w in words if len(w) > 1)


class FactIndex:
    """The base's facts indexed for answering; built once per knowledge base."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.kb = base
        self.ancestors: dict[str, frozenset[str]] = {
            entity_id: frozenset(self._chain(entity_id)) for entity_id in base.entities
        }
        self.words: dict[str, frozenset[str]] = {
            fact.id: stems(normalize(f"{fact.text.fr} {fact.text.en}").split())
            for fact in base.facts
        }
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
