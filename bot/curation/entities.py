"""Names in an article: those the base knows (the engine's own linker), and new ones proposed
as draft entities (person, organisation, product or place) with a surname alias for people."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.curation.ingest import Draft, Sentence
from bot.kb.schema import KnowledgeBase
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex
from bot.text import normalize

# Last words that make a name an organisation's rather than a person's.
ORG_WORDS = frozenset(
    "systems robotics labs lab ai tech technologies ventures capital group inc corp partners "
    "research networks cloud data media gazette post times news ledger studio studios bank "
    "institute university foundation motors dynamics software".split()
)
DETERMINERS = frozenset("a an the le la les un une".split())
PLACE_PREPOSITIONS = frozenset({"à", "in", "near", "près"})
PRODUCT_NOUNS = frozenset(lx.TYPE_NOUNS.get("product", ())) | frozenset(
    "robot robots puce chip chips modele model assistant".split()
)


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


@dataclass
class Names:
    """Every entity occurrence per sentence, the known entities and the proposed ones."""

    occurrences: dict[int, list[Occurrence]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    new: dict[str, NewEntity] = field(default_factory=dict)

    def type_of(self, base: KnowledgeBase, entity_id: str) -> str:
        if entity_id in self.new:
            return self.new[entity_id].type
        return base.entities[entity_id].type


def _capitalised(token_raw: str) -> bool:
    return token_raw[0].isupper() or (
        token_raw[0].islower() and token_raw[1:] != token_raw[1:].lower()
    )


def _spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Runs of capitalised words separated by single spaces, without leading function words
    or months."""
    spans, start = [], None
    tokens = sentence.tokens
    for i, token in enumerate([*tokens, None]):
        joined = token is not None and start is not None and sentence.gap(i) == " "
        word = token is not None and _capitalised(token.raw) and token.norm not in lx.MONTHS
        if word and (start is None or joined):
            start = i if start is None else start
            continue
        if start is not None:
            spans.append((start, i))
        start = i if word else None
    trimmed = []
    for s, e in spans:
        while s < e and (tokens[s].norm in lx.STOPWORDS or lx.relation_of(tokens[s].norm)):
            s += 1
        if s < e and not (e - s == 1 and len(tokens[s].raw) < 2):
            trimmed.append((s, e))
    return trimmed


def _entity_slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in normalize(name)).split())


def _kind(sentence: Sentence, start: int, end: int) -> str:
    tokens = sentence.tokens
    words = [t.raw for t in tokens[start:end]]
    before = tokens[start - 1].raw.lower() if start else ""
    after = tokens[end].norm if end < len(tokens) else ""
    last = normalize(words[-1])
    if before in PRODUCT_NOUNS or normalize(before) in PRODUCT_NOUNS or after in PRODUCT_NOUNS:
        return "product"
    person_like = (
        2 <= len(words) <= 3
        and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and last not in ORG_WORDS
        and normalize(before) not in DETERMINERS
    )
    if person_like:
        return "person"
    if len(words) == 1 and before in PLACE_PREPOSITIONS:
        return "place"
    return "organization"


def find_names(draft: Draft, base: KnowledgeBase, index: EntityIndex) -> Names:
    names = Names()
    taken_ids = set(base.entities)
    by_key: dict[str, str] = {}  # normalised name or alias of a new entity -> its id
    elsewhere = _capitalised_elsewhere(draft)
    pending: list[tuple[int, int, int]] = []
    for sentence in draft.sentences:
        words = [t.norm for t in sentence.tokens]
        mentions = [m for m in index.link(words) if m.score >= 100 and len(m.entity_ids) == 1]
        spans = _spans(sentence)
        occurrences: list[Occurrence] = []
        for s, e in spans:
            exact = [m for m in mentions if (m.start, m.end) == (s, e)]
            if exact:
                occurrences.append(Occurrence(exact[0].entity_ids[0], s, e))
            elif e - s > 1 or s > 0 or sentence.tokens[s].norm in elsewhere:
                pending.append((sentence.index, s, e))
        inside = [any(s <= m.start and m.end <= e for s, e in spans) for m in mentions]
        for mention, covered in zip(mentions, inside, strict=True):
            if not covered:
                occurrences.append(Occurrence(mention.entity_ids[0], mention.start, mention.end))
        names.occurrences[sentence.index] = occurrences
    # New names, longest first, so that "Tanaka" finds "Mei Tanaka".
    for index_, s, e in sorted(pending, key=lambda p: p[1] - p[2]):
        sentence = draft.sentences[index_]
        name = " ".join(t.raw for t in sentence.tokens[s:e])
        key = normalize(name)
        entity_id = by_key.get(key)
        if entity_id is None:
            kind = _kind(sentence, s, e)
            entity_id = _entity_slug(name)
            while entity_id in taken_ids:
                entity_id += "-2"
            taken_ids.add(entity_id)
            entity = NewEntity(entity_id, kind, name, sentence=index_)
            names.new[entity_id] = entity
            by_key[key] = entity_id
            parts = name.split()
            if kind == "person" and normalize(parts[-1]) not in index.exact:
                entity.aliases.append(parts[-1])
                by_key.setdefault(normalize(parts[-1]), entity_id)
            elif kind == "organization" and len(parts) > 1:
                by_key.setdefault(normalize(parts[0]), entity_id)
        else:
            names.new[entity_id].sentence = min(names.new[entity_id].sentence, index_)
        names.occurrences[index_].append(Occurrence(entity_id, s, e))
    for occurrences in names.occurrences.values():
        occurrences.sort(key=lambda o: o.start)
        names.known |= {o.entity for o in occurrences if o.entity in base.entities}
    return names


def _capitalised_elsewhere(draft: Draft) -> set[str]:
    """Words written with a capital somewhere other than at a sentence's start (or in the
    title): names, not sentence openers."""
    seen = {t.norm for t in _title_tokens(draft) if _capitalised(t.raw)}
    for sentence in draft.sentences:
        seen |= {t.norm for t in sentence.tokens[1:] if _capitalised(t.raw)}
    return seen


def _title_tokens(draft: Draft):
    from bot.curation.ingest import tokenize

    return tokenize(draft.meta["title"])
