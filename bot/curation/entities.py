"""Names in an article: those the base knows (the engine's own linker), and new ones proposed
as draft entities (person, organisation, product or place) with a surname alias for people."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.curation.analysis import Parse
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
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)
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
    part_of: str | None = None
    why: str = ""  # how its type was read, shown by review


@dataclass
class Names:
    """Every entity occurrence per sentence, the known entities and the proposed ones."""

    occurrences: dict[int, list[Occurrence]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    new: dict[str, NewEntity] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)  # surnames two people now share

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


def _with_versions(spans, sentence: Sentence, parse: Parse | None) -> list[tuple[int, int]]:
    """Names with a version number the tokeniser cut ("GPT-4o", "o3") made whole again, from
    the parse's words."""
    if parse is None:
        return spans
    found = []
    for w in parse.words:
        if not (any(c.isdigit() for c in w.text) and any(c.isalpha() for c in w.text)):
            continue
        inside = [k for k, t in enumerate(sentence.tokens) if w.start <= t.start < w.end]
        if inside:
            found.append((inside[0], inside[-1] + 1))
    kept = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in found)]
    return sorted([*kept, *found])


def _entity_slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in normalize(name)).split())


# spaCy's entity labels (English OntoNotes, French WikiNER) by the type they suggest.
NER_TYPES = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "place",
             "LOC": "place", "FAC": "organization", "PRODUCT": "product",
             "WORK_OF_ART": "product"}  # fmt: skip
NOT_ENTITIES = frozenset("NORP DATE TIME CARDINAL ORDINAL PERCENT MONEY QUANTITY".split())
REPORT_CUES = ("selon", "according to", "d'après", "d’après")


def _labels(parse: Parse | None, sentence: Sentence, start: int, end: int) -> list[str]:
    if parse is None:
        return []
    first, last = sentence.tokens[start].start, sentence.tokens[end - 1].end
    words = [w for w in parse.words if first <= w.start < last]
    # "SUBJ": the name acts in its sentence, which a place does not
    acting = any(w.dep.startswith("nsubj") for w in words)
    return [w.ent for w in words if w.ent] + (["SUBJ"] if acting else [])


def _kind(sentence: Sentence, start: int, end: int, labels: list[str]) -> tuple[str, str]:
    """The type of a new name, and why: its shape and context first (a version number is a
    product, "Labs" an organisation), then spaCy's entity label, then the name's shape."""
    tokens = sentence.tokens
    words = [t.raw for t in tokens[start:end]]
    before = tokens[start - 1].raw.lower() if start else ""
    after = tokens[end].norm if end < len(tokens) else ""
    last = normalize(words[-1])
    raw = sentence.text[tokens[start].start : tokens[end - 1].end]
    if before in PRODUCT_NOUNS or normalize(before) in PRODUCT_NOUNS or after in PRODUCT_NOUNS:
        return "product", "named next to a product noun"
    if any(c.isdigit() for c in raw):
        return "product", "a name with a version number"
    lead_in = sentence.text[: tokens[start].start].lower().rstrip()
    for determiner in (" the", " le", " la", " l'", " l’"):
        lead_in = lead_in.removesuffix(determiner).rstrip()
    if lead_in.endswith(REPORT_CUES) and len(words) <= 3 and last not in ORG_WORDS:
        return "media", "the source of a report (selon / according to)"
    if last in ORG_WORDS:
        return "organization", f"'{words[-1]}' names an organisation"
    votes = [NER_TYPES[label] for label in labels if label in NER_TYPES]
    person_like = (
        2 <= len(words) <= 3
        and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and normalize(before) not in DETERMINERS
    )
    if person_like and "place" not in votes and "product" not in votes:
        return "person", "a first name and a surname"
    if len(words) == 1 and before in PLACE_PREPOSITIONS:
        return "place", f"after '{before}'"
    if votes:
        kind = max(set(votes), key=votes.count)
        if kind == "place" and "SUBJ" in labels:
            kind = "organization"
        if kind == "person" and len(words) == 1:
            kind = "organization"  # a lone unknown word tagged as a person is rarely one
        return kind, f"entity label {next(x for x in labels if x in NER_TYPES)}"
    return "organization", "a capitalised name"


def _company_prefix(base: KnowledgeBase, index: EntityIndex, name: str) -> str | None:
    """ "Google Brain": the organisation of the base its first word names (a unit of it)."""
    parts = name.split()
    if len(parts) < 2:
        return None
    owners = index.exact.get(normalize(parts[0]), ())
    owners = [e for e in owners if base.entities[e].type == "organization"]
    return owners[0] if len(owners) == 1 else None


def _skipped(labels: list[str]) -> bool:
    """A nationality, a date or a number spaCy recognised: no entity."""
    tags = [label for label in labels if label != "SUBJ"]
    return bool(tags) and all(label in NOT_ENTITIES for label in tags)


def find_names(
    draft: Draft, base: KnowledgeBase, index: EntityIndex, parses: list[Parse] | None = None
) -> Names:
    names = Names()
    taken_ids = set(base.entities)
    by_key: dict[str, str] = {}  # normalised name or alias of a new entity -> its id
    elsewhere = _capitalised_elsewhere(draft)
    pending: list[tuple[int, int, int]] = []
    surnames: set[str] = set()
    for sentence in draft.sentences:
        words = [t.norm for t in sentence.tokens]
        mentions = [m for m in index.link(words) if m.score >= 100 and len(m.entity_ids) == 1]
        spans = _with_versions(
            _spans(sentence), sentence, parses[sentence.index] if parses else None
        )
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
    votes: dict[str, list[str]] = {}  # every occurrence's entity labels, by name
    for index_, s, e in pending:
        sentence = draft.sentences[index_]
        key = normalize(sentence.text[sentence.tokens[s].start : sentence.tokens[e - 1].end])
        votes.setdefault(key, []).extend(
            _labels(parses[index_] if parses else None, sentence, s, e)
        )
    # New names, longest first, so that "Tanaka" finds "Mei Tanaka".
    for index_, s, e in sorted(pending, key=lambda p: p[1] - p[2]):
        sentence = draft.sentences[index_]
        name = sentence.text[sentence.tokens[s].start : sentence.tokens[e - 1].end]
        key = normalize(name)
        entity_id = by_key.get(key)
        labels = _labels(parses[index_] if parses else None, sentence, s, e)
        versioned = any(ch.isdigit() for ch in name)
        if entity_id is None and not versioned and (_skipped(labels) or key in WEEKDAYS):
            continue
        if entity_id is None:
            kind, why = _kind(sentence, s, e, votes.get(key, labels))
            owner = _company_prefix(base, index, name)
            if owner:
                kind, why = "unit", f"a unit of {owner} (its first word)"
            entity_id = _entity_slug(name)
            while entity_id in taken_ids:
                entity_id += "-2"
            taken_ids.add(entity_id)
            entity = NewEntity(entity_id, kind, name, sentence=index_, part_of=owner, why=why)
            names.new[entity_id] = entity
            by_key[key] = entity_id
            parts = name.split()
            surname = normalize(parts[-1])
            if kind == "person" and len(parts) > 1:
                entity.aliases.append(parts[-1])
                if surname in index.exact or surname in surnames:
                    names.ambiguous.append(parts[-1])  # two people now answer to it
                    by_key.pop(surname, None)
                else:
                    by_key.setdefault(surname, entity_id)
                surnames.add(surname)
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
