"""The names an article's sentences hold: each occurrence, the entities it proposes, and the
surnames two people share."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.curation.ingest import Draft
from bot.kb.schema import KnowledgeBase
from bot.text import normalize


@dataclass
class Occurrence:
    entity: str
    start: int  # token indexes in the sentence
    end: int


@dataclass
class NewEntity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    sentence: int = 0  # the first sentence naming it
    part_of: str | None = None
    why: str = ""  # how its type was read, shown by review
    expansion: str = ""  # what an acronym stands for, as the article spells it out
    described: str = ""  # a team named by a description: its words with their article


@dataclass
class Names:
    """Every entity occurrence per sentence, the known entities and the proposed ones."""

    occurrences: dict[int, list[Occurrence]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    new: dict[str, NewEntity] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)  # surnames two people now share
    # Short forms the article writes of companies of the base ("Zeta" of "Zeta AI"), by id.
    known_aliases: dict[str, list[str]] = field(default_factory=dict)

    def type_of(self, base: KnowledgeBase, entity_id: str) -> str:
        if entity_id in self.new:
            return self.new[entity_id].type
        return base.entities[entity_id].type


def entity_slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in normalize(name)).split())


def title_tokens(draft: Draft):
    from bot.curation.ingest import tokenize

    return tokenize(draft.meta["title"])
