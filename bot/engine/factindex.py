"""What the engine derives once from a knowledge base: who is part of what, which facts involve
an entity, each fact's words, and moves seen uniformly."""

from __future__ import annotations

import copy
import heapq
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import Stemmer

from bot.kb import Fact, KnowledgeBase
from bot.kb.facttypes import FACT_TYPES, MOVE_FACT_TYPES
from bot.nlu.lexicon import INFINITIVE_ENDINGS, PURPOSE_MARKERS
from bot.text import normalize, tokens

PERSON = "person"  # the entity type whose moves and roles the engine follows
TYPE_SETS_KEPT = 32  # how many merged postings of several types `of_types` keeps
DERIVED_KEPT = 64  # how many values `derived` keeps
T = TypeVar("T")


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


@dataclass
class Phrasings:
    """What the facts' texts give the index: each fact's words as stems (`phrasing_stems`),
    the facts stating a purpose, and every word the facts write in either language."""

    words: dict[str, frozenset[str]]  # by fact id
    read: dict[str, int]  # by fact id, the hash of the (French, English) texts read
    purposes: set[str]
    written: set[str]

    def update(self, other: Phrasings) -> None:
        self.words.update(other.words)
        self.read.update(other.read)
        self.purposes |= other.purposes
        self.written |= other.written


def phrasings(texts: Iterable[tuple[str, str, str]]) -> Phrasings:
    """The `Phrasings` of facts given as (id, French text, English text).

    Each distinct word is stemmed once per language, and each distinct stem is one string
    shared by every fact's set: a tenth of the index's size.
    """
    shared: dict[str, str] = {}
    memo: dict[str, dict[str, str | None]] = {"fr": {}, "en": {}}  # None: one letter
    read = Phrasings({}, {}, set(), set())
    for fact_id, french, english in texts:
        found: set[str | None] = set()
        phrasing = []
        for language, text in (("fr", french), ("en", english)):
            said = tokens(text)
            phrasing += said
            read.written.update(said)
            known = memo[language]
            try:
                found.update(map(known.__getitem__, said))
            except KeyError:  # words not seen before: stemmed once, then read as others
                for word in said:
                    if word not in known:
                        stem = _stem(word, language) if len(word) > 1 else None
                        known[word] = stem if stem is None else shared.setdefault(stem, stem)
                found.update(map(known.__getitem__, said))
        found.discard(None)
        read.words[fact_id] = frozenset(found)  # type: ignore[arg-type]
        read.read[fact_id] = hash((french, english))
        # Facts that say what something was done for ("left … to work in …"): they answer why.
        if not PURPOSE_MARKERS.isdisjoint(phrasing) and states_purpose(phrasing):
            read.purposes.add(fact_id)
    return read


def parsed_phrasings(document: Any) -> Phrasings:
    """The `Phrasings` of a facts file's document as parsed, before it is validated: by the
    process that parsed it, while this one reads the articles (`bot.kb.load`'s
    `facts_digest`). Entries that are not facts with an id and two texts are left out: the
    index reads any fact it is not given (`FactIndex`)."""
    entries = document.get("facts") if isinstance(document, dict) else None
    texts = []
    for entry in entries if isinstance(entries, list) else []:
        text = entry.get("text") if isinstance(entry, dict) else None
        if isinstance(text, dict):
            fact_id, french, english = entry.get("id"), text.get("fr"), text.get("en")
            if isinstance(fact_id, str) and isinstance(french, str) and isinstance(english, str):
                texts.append((fact_id, french, english))
    return phrasings(texts)


class FactIndex:
    """The base's facts indexed for answering; built once per knowledge base."""

    def __init__(self, base: KnowledgeBase, phrased: Iterable[Phrasings] = ()) -> None:
        """`phrased`: the `Phrasings` of some of the facts, read already (each is used
        where it read the fact's very texts; the others are read here)."""
        self.kb = base
        self.ancestors: dict[str, frozenset[str]] = {
            entity_id: frozenset(self._chain(entity_id)) for entity_id in base.entities
        }
        self.words, self.purposes, self.written = self._phrasings(base.facts, phrased)
        self.involving: dict[str, list[Fact]] = {}
        lineage = {e: (e, *parents) for e, parents in self.ancestors.items()}
        for fact in base.facts:
            involved = {a for p in fact.participants() for a in lineage[p]}
            for entity_id in involved:
                self.involving.setdefault(entity_id, []).append(fact)
        # The same postings as sets of fact ids: "involves every one of them" is then one
        # membership test per entity, over the shortest posting only.
        self.involving_ids = {e: frozenset(f.id for f in fs) for e, fs in self.involving.items()}
        self.position = {fact.id: i for i, fact in enumerate(base.facts)}
        self.by_type: dict[str, list[Fact]] = {}
        self._typed: dict[frozenset[str], list[Fact]] = {}  # `of_types` of several types
        self._derived: dict[Hashable, Any] = {}  # what `derived` built, by its key
        self.by_number: dict[float, list[Fact]] = {}
        self.by_month: dict[int, list[Fact]] = {}
        self.by_year: dict[int, list[Fact]] = {}
        self.by_year_month: dict[tuple[int, int], list[Fact]] = {}
        self.by_article: dict[str, list[Fact]] = {}  # the facts citing each article
        # The facts stating a sum (True) or a count (False), by type: what superlatives rank.
        self.measured: dict[tuple[str, bool], list[Fact]] = {}
        for fact in base.facts:
            self.by_type.setdefault(fact.type, []).append(fact)
            if fact.amount is not None:
                self.measured.setdefault((fact.type, True), []).append(fact)
            if fact.quantity is not None:
                self.measured.setdefault((fact.type, False), []).append(fact)
            for article in dict.fromkeys(c.article for c in fact.citations if c.article):
                self.by_article.setdefault(article, []).append(fact)
            measure = fact.amount or fact.quantity
            if measure is not None and measure.value is not None:
                self.by_number.setdefault(measure.value, []).append(fact)
            if fact.when is not None and fact.when.month is not None and not fact.when.since:
                self.by_month.setdefault(fact.when.month, []).append(fact)
                if fact.when.year is not None:
                    month = (fact.when.year, fact.when.month)
                    self.by_year_month.setdefault(month, []).append(fact)
            if fact.when is not None and fact.when.year is not None:
                self.by_year.setdefault(fact.when.year, []).append(fact)

        self.by_stem: dict[str, list[Fact]] = {}
        for fact in base.facts:
            for stem in self.words[fact.id]:
                self.by_stem.setdefault(stem, []).append(fact)
        self.vocabulary = frozenset(self.by_stem)
        # Words in many facts ("talents", "Meta") tell facts apart no better than chance.
        limit = max(3, len(base.facts) // 10)
        self.common_stems = frozenset(s for s, fs in self.by_stem.items() if len(fs) > limit)

    @staticmethod
    def _phrasings(
        facts: list[Fact], phrased: Iterable[Phrasings]
    ) -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
        """Each fact's words, the facts stating a purpose, and every word written: what
        `phrased` read of each fact's texts, and the rest read now."""
        known = Phrasings({}, {}, set(), set())
        for part in phrased:
            known.update(part)
        unread = [
            (f.id, f.text.fr, f.text.en)
            for f in facts
            if known.read.get(f.id) != hash((f.text.fr, f.text.en))
        ]
        if len(facts) - len(unread) != len(known.read):
            # It read texts these facts do not have: their words are not these facts'.
            known, unread = (
                Phrasings({}, {}, set(), set()),
                [(f.id, f.text.fr, f.text.en) for f in facts],
            )
        if unread:
            known.update(phrasings(unread))
        words = {fact.id: known.words[fact.id] for fact in facts}
        purposes = frozenset(fact.id for fact in facts if fact.id in known.purposes)
        return words, purposes, frozenset(known.written)

    def __getstate__(self) -> dict[str, object]:
        """What a snapshot keeps: not the merged postings kept for questions asked."""
        return {**self.__dict__, "_typed": {}, "_derived": {}}

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """What `build` derives from the facts alone, built the first time `key` is asked
        for and then kept (the last `DERIVED_KEPT` of them)."""
        try:
            return self._derived[key]
        except KeyError:
            pass
        value = build()
        if len(self._derived) >= DERIVED_KEPT:
            self._derived.pop(next(iter(self._derived)), None)
        self._derived[key] = value
        return value

    def over(self, base: KnowledgeBase) -> FactIndex:
        """This index for `base`, a base with the same entities and facts (other articles)."""
        index = copy.copy(self)
        index.kb = base
        return index

    def in_order(self, facts: Iterable[Fact]) -> list[Fact]:
        """`facts`, each once, in the base's order (the order a scan over all facts gives)."""
        unique = {f.id: f for f in facts}
        return sorted(unique.values(), key=lambda f: self.position[f.id])

    def merged(self, postings: Iterable[list[Fact]], limit: int | None = None) -> list[Fact]:
        """`in_order` of postings each already in base order: one is taken as it is, several
        are merged (no sort of them all), and only the first `limit` are read when given."""
        lists = [p for p in postings if p]
        if len(lists) == 1:
            return lists[0][:limit] if limit is not None else list(lists[0])
        position = self.position
        merged = heapq.merge(*lists, key=lambda f: position[f.id])
        seen: set[str] = set()
        out: list[Fact] = []
        for fact in merged:
            if fact.id not in seen:
                seen.add(fact.id)
                out.append(fact)
                if limit is not None and len(out) >= limit:
                    break
        return out

    def involving_all(self, entity_ids: Iterable[str]) -> list[Fact]:
        """The facts that involve every one of `entity_ids` (or a part of it), in base order."""
        wanted = list(dict.fromkeys(entity_ids))
        if not wanted:
            return []
        shortest = min(wanted, key=lambda e: len(self.involving_ids.get(e, ())))
        others = [self.involving_ids.get(e, frozenset()) for e in wanted if e != shortest]
        return [f for f in self.involving.get(shortest, []) if all(f.id in ids for ids in others)]

    def of_types(self, types: Iterable[str]) -> list[Fact]:
        """The facts of any of `types`, in base order: several types' postings are merged the
        first time they are asked together, then kept (a few such sets, of a few types)."""
        wanted = frozenset(types)
        if len(wanted) <= 1:
            return self.merged(self.by_type.get(t, []) for t in wanted)
        kept = self._typed.get(wanted)
        if kept is None:
            if len(self._typed) >= TYPE_SETS_KEPT:
                self._typed.pop(next(iter(self._typed)))
            kept = self._typed[wanted] = self.merged(self.by_type.get(t, []) for t in wanted)
        return list(kept)

    def typed(self, types: Iterable[str], months: Iterable[int], years: Iterable[int]) -> list:
        """The facts of any of `types`, and, when months or years are given, dated then."""
        months, years, types = set(months), set(years), set(types)
        if not (months or years):
            return self.of_types(types)
        return [f for f in self.dated(months, years) if f.type in types]

    def with_numbers(self, numbers: Iterable[float], limit: int | None = None) -> list[Fact]:
        """The facts whose count or amount is one of `numbers`, in base order (the first
        `limit` of them when given)."""
        return self.merged((self.by_number.get(n, []) for n in set(numbers)), limit)

    def dated(self, months: Iterable[int], years: Iterable[int]) -> list[Fact]:
        """The facts dated in one of `months` (a precise month, not "since") and one of
        `years`; either may be empty (not asked). What `date_agrees` keeps, in base order."""
        months, years = set(months), set(years)
        if months and years:
            keys = [(y, m) for y in years for m in months]
            return self.merged(self.by_year_month.get(k, []) for k in keys)
        if months:
            return self.merged(self.by_month.get(m, []) for m in months)
        return self.merged(self.by_year.get(y, []) for y in years)

    @staticmethod
    def dated_then(fact: Fact, months: set[int], years: set[int]) -> bool:
        """Whether `dated(months, years)` holds the fact (one of them at least given)."""
        when = fact.when
        if when is None:
            return False
        if months and (when.month not in months or when.since):
            return False
        return not years or when.year in years

    def sharing(self, asked: frozenset[str], at_least: int) -> list[Fact]:
        """The facts whose words share at least `at_least` (≥ 1) of the stems `asked`, in base
        order. A fact sharing k stems shares one of any len(asked) - k + 1 of them: only the
        rarest stems' postings are read, never the commonest."""
        if len(asked) < at_least:
            return []
        rarest = sorted(asked, key=lambda s: len(self.by_stem.get(s, ())))
        seen = {
            f.id: f for s in rarest[: len(rarest) - at_least + 1] for f in self.by_stem.get(s, ())
        }
        return self.in_order(f for f in seen.values() if len(asked & self.words[f.id]) >= at_least)

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

    def citing(self, key: tuple[str, str]) -> list[Fact]:
        """The facts citing the sentence `key` (article, sentence), read from its article's."""
        return [
            f
            for f in self.by_article.get(key[0], ())
            if any((c.article or "", c.sentence or c.ref or "") == key for c in f.citations)
        ]

    def same_sentence(self, fact: Fact) -> list[Fact]:
        """The other facts citing `fact`'s first sentence."""
        c = fact.citations[0]
        key = (c.article or "", c.sentence or c.ref or "")
        return [f for f in self.citing(key) if f.id != fact.id]

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


def states_purpose(words: list[str]) -> bool:
    """A phrasing's normalised words state a purpose: a marker ("afin", "pour") before an
    infinitive."""
    return any(
        word in PURPOSE_MARKERS and next_word.endswith(INFINITIVE_ENDINGS)
        for word, next_word in zip(words, [*words[1:], ""], strict=True)
    )
