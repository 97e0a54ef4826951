"""A new name written short later in its article: a person's first name or surname alone
("Tobias", "Renquist" after "Tobias Renquist"), an organisation's distinctive first word
("Quorra" after "Quorra AI" or "Quorra.AI"), a unit's name after its owner's ("Orbiton" after
"Zeta Orbiton"). The short form is that entity, not a new one,
when one entity of the article answers to it."""

from __future__ import annotations

import re

from bot.curation.kinds import MEDIA_WORDS, ORG_WORDS
from bot.curation.occurrences import NewEntity
from bot.nlu.linking import EntityIndex
from bot.nlu.names import RARE_NAME_ZIPF, zipf
from bot.text import normalize


class ShortNames:
    """`first_seen`: each name's first sentence in the article's body. A short form the body
    writes before the full name is a name of its own ("Velmora" before "Velmora Labs", its
    division)."""

    def __init__(self, first_seen: dict[str, int]) -> None:
        self._of: dict[str, str] = {}  # short form -> entity id ("" when two share it)
        self._first = first_seen

    def _put(self, short: str, entity: NewEntity) -> None:
        full = self._first.get(normalize(entity.name), entity.sentence)
        if self._first.get(short, full) < full:
            self._of[short] = ""
            return
        known = self._of.get(short, entity.id)
        self._of[short] = entity.id if known == entity.id else ""

    def add(self, entity: NewEntity, index: EntityIndex) -> str | None:
        """Records the short forms of a new entity; returns the organisation's short name
        when it should become an alias (no name of the base is written so)."""
        parts = re.split(r"[ .]", entity.name)
        if entity.type == "person" and len(parts) > 1:
            self._put(normalize(parts[0]), entity)
            self._put(normalize(parts[-1]), entity)
            if len(parts) > 2:  # "De Freitas" of "Daniel De Freitas"
                self._put(normalize(" ".join(parts[1:])), entity)
        elif entity.type == "media" and len(parts) > 1 and normalize(parts[-1]) in MEDIA_WORDS:
            self._put(normalize(parts[-1]), entity)  # "the Journal", "the Times"
        elif entity.type == "organization" and len(parts) > 1 and _suffixed(parts):
            return self._alias(" ".join(parts[:-1]), entity, index)
        elif entity.type == "unit" and entity.part_of and len(parts) > 1 and _owned(parts):
            return self._alias(" ".join(parts[1:]), entity, index)
        return None

    def _alias(self, short: str, entity: NewEntity, index: EntityIndex) -> str | None:
        """`short` recorded as the entity's; itself when no name of the base is written so."""
        self._put(normalize(short), entity)
        if self._of[normalize(short)] and normalize(short) not in index.exact:
            return short
        return None

    def add_known(self, entity_id: str, name: str, sentence: int) -> None:
        """A known organisation the article names in full ("Zeta AI", first in `sentence`):
        its distinctive words alone, later, are it ("Zeta")."""
        parts = re.split(r"[ .]", name)
        if len(parts) > 1 and _suffixed(parts):
            short = normalize(" ".join(parts[:-1]))
            if self._first.get(short, sentence) >= sentence:
                known = self._of.get(short, entity_id)
                self._of[short] = entity_id if known == entity_id else ""

    def get(self, key: str) -> str | None:
        return self._of.get(key) or None


def _owned(parts: list[str]) -> bool:
    """ "Zeta Orbiton", a unit of Zeta: its words after the owner's are a name of their own
    ("Orbiton"), not a word of the language ("Zeta Research" is no "Research")."""
    rest = " ".join(parts[1:])
    return len(rest) > 2 and all(
        zipf(normalize(word), language) < RARE_NAME_ZIPF
        for word in parts[1:]
        for language in ("fr", "en")
    )


def _suffixed(parts: list[str]) -> bool:
    """ "Quorra AI", "Periodic Labs": a distinctive word, then a word any company may end with."""
    return normalize(parts[-1]) in ORG_WORDS and len(parts[0]) > 2
