"""Names in an article: those the base knows (the engine's own linker), and new ones proposed
as draft entities (person, organisation, product or place) with a surname alias for people."""

from __future__ import annotations

import re
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
    expansion: str = ""  # what an acronym stands for, as the article spells it out
    described: str = ""  # a team named by a description: its words with their article


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


def _span_text(sentence: Sentence, s: int, e: int) -> str:
    return sentence.text[sentence.tokens[s].start : sentence.tokens[e - 1].end]


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
    named = index.exact.get(normalize(parts[0]), ())
    owners = [e for e in named if base.entities[e].type == "organization"]
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
            whole = index.exact.get(normalize(_span_text(sentence, s, e)), ())
            if exact:
                occurrences.append(Occurrence(exact[0].entity_ids[0], s, e))
            elif len(whole) == 1:  # "Aurora-7": a known name the tokeniser cut in two
                occurrences.append(Occurrence(whole[0], s, e))
            elif e - s > 1 or s > 0 or sentence.tokens[s].norm in elsewhere:
                pending.append((sentence.index, s, e))
        inside = [any(s <= m.start and m.end <= e for s, e in spans) for m in mentions]
        for mention, covered in zip(mentions, inside, strict=True):
            if not covered:
                occurrences.append(Occurrence(mention.entity_ids[0], mention.start, mention.end))
        names.occurrences[sentence.index] = occurrences
    expansions = _expansions(draft)
    pending = [p for p in pending if not _inside_expansion(draft, p, expansions)]
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
        expansion = expansions.get(key)
        if expansion and expansion not in names.new[entity_id].aliases:
            names.new[entity_id].aliases.append(expansion)
            names.new[entity_id].expansion = expansion
        names.occurrences[index_].append(Occurrence(entity_id, s, e))
    if parses:
        read_teams(draft, parses, names, base, index, taken_ids)
    for occurrences in names.occurrences.values():
        occurrences.sort(key=lambda o: o.start)
        names.known |= {o.entity for o in occurrences if o.entity in base.entities}
    return names


# Nouns naming a team inside an organisation, and the words that refer back to one.
TEAM_NOUNS = frozenset(
    "équipe equipe team lab labo laboratoire unit unité unite division groupe group "
    "département departement department".split()
)
BACK_REFERENCES = frozenset("cette ce son sa leur this its his her their that the le la l'".split())
INDEFINITE = frozenset("un une a an".split())
JOINERS = frozenset("de des du d' d’ of".split())
ARTICLES = frozenset("la le l' l’ les".split())


def _entity_at(names: Names, sentence: Sentence, char: int) -> str | None:
    for o in names.occurrences[sentence.index]:
        if sentence.tokens[o.start].start <= char < sentence.tokens[o.end - 1].end:
            return o.entity
    return None


def _token_at(sentence: Sentence, char: int) -> int | None:
    return next((k for k, t in enumerate(sentence.tokens) if t.start <= char < t.end), None)


def _kind_of(names: Names, base: KnowledgeBase, entity: str) -> str:
    return names.new[entity].type if entity in names.new else base.entities[entity].type


def _description(parse: Parse, head: int, names: Names, sentence: Sentence,
                 base: KnowledgeBase) -> tuple[list[int], str | None]:  # fmt: skip
    """The words describing a team noun ("équipe [d'Apple chargée] des modèles de fondation",
    "the foundation models team") and the organisation owning it, from the words around it."""
    words, owner = parse.words, None
    kept: list[int] = []
    j = head + 1
    while j < len(words):
        w = words[j]
        ahead = words[j + 1] if w.lower in JOINERS and j + 1 < len(words) else w
        entity = _entity_at(names, sentence, ahead.start)
        if entity and _kind_of(names, base, entity) == "organization" and not kept:
            owner, j = entity, ahead.i + 1  # "d'Apple": its owner, not its description
            continue
        if w.pos == "VERB" and w.dep.startswith("acl") and head <= w.head < j and not kept:
            j += 1  # "chargée des…", "responsible for…": the description follows
            continue
        joined = w.lower in JOINERS and j + 1 < len(words)
        if joined and words[j + 1].lower in ARTICLES:
            joined = j + 2 < len(words) and words[j + 2].pos == "NOUN"
        after_joiner = words[j - 1].lower in JOINERS | ARTICLES
        if joined or (kept and w.pos in ("NOUN", "ADJ") and after_joiner):
            kept.append(j)
            j += 1
            continue
        if kept and w.pos == "ADJ" and kept[-1] == j - 1:
            kept.append(j)
            j += 1
            continue
        break
    while kept and words[kept[-1]].pos not in ("NOUN", "ADJ"):
        kept.pop()
    before = []
    for c in parse.children(head, "compound", "amod", "poss"):
        entity = _entity_at(names, sentence, c.start)
        if c.i < head and entity and _kind_of(names, base, entity) == "organization":
            owner = entity  # "Apple's … team"
        elif c.i < head and not entity and c.pos in ("NOUN", "ADJ") and c.dep != "poss":
            before += [i for i in parse.subtree(c.i) if i < head]
    before = sorted(set(before))
    while before and before[-1] + 1 < head:
        before.pop()  # only the words right before the noun ("the foundation models team")
    return [*before, head, *kept], owner


def _after_name_and_comma(parse: Parse, w, names: Names, sentence: Sentence) -> bool:
    """An apposition the parser missed: the noun's phrase follows a name and a comma."""
    if w.dep.startswith("nsubj") or w.dep == "root":
        return False  # "Après le départ de X, l'équipe … voit": the sentence's subject
    start = min(i for i in parse.subtree(w.i) if i <= w.i and i >= w.i - 4)
    if start < 2 or parse.words[start - 1].text != ",":
        return False
    return _entity_at(names, sentence, parse.words[start - 2].start) is not None


def _words_text(parse: Parse, span: list[int]) -> str:
    """The text of words `span`, each contiguous run as written, runs joined by a space."""
    runs: list[list[int]] = []
    for i in span:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    text = parse.text
    return " ".join(text[parse.words[r[0]].start : parse.words[r[-1]].end] for r in runs)


def read_teams(draft: Draft, parses: list[Parse], names: Names, base: KnowledgeBase,
               index: EntityIndex, taken: set[str]) -> None:  # fmt: skip
    """Teams a description names ("l'équipe des modèles de fondation", "l'équipe AKI", "the
    lab" after one was named): a unit of the organisation that owns them, one entity for every
    sentence describing it the same way; "cette équipe", "son équipe" refer to the last one."""
    owner_of_article = _title_organisation(draft, base, index)
    by_key: dict[str, str] = {}
    last: str | None = None
    for sentence in draft.sentences:
        parse = parses[sentence.index]
        for w in parse.words:
            if w.lemma not in TEAM_NOUNS or w.pos != "NOUN":
                continue
            at = _token_at(sentence, w.start)
            if at is None or _entity_at(names, sentence, w.start):
                continue
            if w.dep.startswith("appos") or _after_name_and_comma(parse, w, names, sentence):
                continue  # "FAIR, Meta's research lab": FAIR itself, described
            named = next((c for c in parse.children(w.i) if c.i in (w.i + 1, w.i - 1)
                          and (c.i == w.i + 1 or c.dep == "compound")
                          and _entity_at(names, sentence, c.start)), None)  # fmt: skip
            if named is not None:  # "l'équipe AKI": AKI is the team
                entity = _entity_at(names, sentence, named.start)
                if entity in names.new and names.new[entity].type == "organization":
                    new = names.new[entity]
                    new.type, new.why = "unit", f"named as a team ('{w.text} {named.text}')"
                    nearby = _organisation_before(names, sentence, base, w.start)
                    new.part_of = new.part_of or nearby or owner_of_article
                # "the QDS team": the noun heads the name, it is QDS too
                if entity is not None and named.i < w.i:
                    names.occurrences[sentence.index].append(Occurrence(entity, at, at + 1))
                last = entity
                continue
            span, owner = _description(parse, w.i, names, sentence, base)
            determiners = {c.lower for c in parse.children(w.i, "det", "poss")}
            if determiners & INDEFINITE:
                continue  # "un nouveau laboratoire": a team not named yet
            if not any(parse.words[i].pos == "NOUN" for i in span if i != w.i):
                if last and determiners & BACK_REFERENCES:
                    names.occurrences[sentence.index].append(Occurrence(last, at, at + 1))
                continue
            text = _words_text(parse, span)
            key = normalize(text)
            entity = by_key.get(key)
            if entity is None:
                entity = _entity_slug(text)
                while entity in taken:
                    entity += "-2"
                taken.add(entity)
                by_key[key] = entity
                nearby = _organisation_before(names, sentence, base, w.start)
                why = f"a team described in words, part of {owner}"
                if not owner and (nearby or owner_of_article):
                    owner = nearby or owner_of_article
                    said = "the organisation named before it" if nearby else "the title's"
                    why = f"a team, part of {owner}: {said}"
                why = why if owner else "a team"
                names.new[entity] = NewEntity(entity, "unit", text, sentence=sentence.index,
                                              part_of=owner, why=why,
                                              described=_with_article(parse, w, text,
                                                                      draft.language))  # fmt: skip
            names.occurrences[sentence.index].append(Occurrence(entity, at, at + 1))
            last = entity
        units = [o.entity for o in names.occurrences[sentence.index]
                 if _kind_of(names, base, o.entity) == "unit"]  # fmt: skip
        last = units[-1] if units else last


def _with_article(parse: Parse, noun, text: str, language: str) -> str:
    """A described team's words as a sentence says them: with the definite article the
    article gives it ("l'équipe des modèles de fondation"), else the language's own."""
    dets = [c for c in parse.children(noun.i, "det") if c.i < noun.i and
            c.lower.replace("’", "'") in ("le", "la", "l'", "the")]  # fmt: skip
    if dets:
        article = dets[0].text.lower()
    elif language == "en":
        article = "the"
    else:
        article = "l’" if normalize(text[:1]) in "aeiouyh" else ""
    joined = article.endswith(("'", "’")) or not article
    return f"{article}{text}" if joined else f"{article} {text}"


def _organisation_before(names: Names, sentence: Sentence, base: KnowledgeBase,
                         char: int) -> str | None:  # fmt: skip
    """The last organisation the sentence names before `char` ("depuis X, où elle dirigeait
    l'équipe…": X's team)."""
    before = [o.entity for o in sorted(names.occurrences[sentence.index], key=lambda o: o.start)
              if o.start >= 0 and sentence.tokens[o.end - 1].end <= char
              and _kind_of(names, base, o.entity) == "organization"]  # fmt: skip
    return before[-1] if before else None


def _title_organisation(draft: Draft, base: KnowledgeBase, index: EntityIndex) -> str | None:
    """The first organisation of the base the title names: a team's owner when no word says."""
    words = [t.norm for t in _title_tokens(draft)]
    for mention in index.link(words):
        ids = [e for e in mention.entity_ids if base.entities[e].type == "organization"]
        if mention.score >= 100 and len(ids) == 1:
            return ids[0]
    return None


# "AKI (Answers, Knowledge and Information)": an acronym, then the words it stands for.
# "the QDS team (Query, Dialogue and Search)": a team noun may stand between them.
_ACRONYM = re.compile(
    r"\b([A-Z][A-Za-z]{1,7})(?:\s+(?:team|lab|unit|group|division))?\s*\(([^()]+)\)"
)


def _expansions(draft: Draft) -> dict[str, str]:
    """Acronyms the article spells out, by normalised acronym: the words whose capitals
    spell it."""
    found = {}
    for sentence in draft.sentences:
        for match in _ACRONYM.finditer(sentence.text):
            capitals = "".join(w[0] for w in re.findall(r"[\w’'-]+", match[2]) if w[0].isupper())
            if capitals.lower() == match[1].lower():
                found[normalize(match[1])] = match[2].strip()
    return found


def _inside_expansion(draft: Draft, span: tuple[int, int, int], expansions: dict) -> bool:
    """The words of an acronym's expansion are not names of their own."""
    index_, s, _ = span
    sentence = draft.sentences[index_]
    at = sentence.tokens[s].start
    for match in _ACRONYM.finditer(sentence.text):
        if normalize(match[1]) in expansions and match.start(2) <= at < match.end(2):
            return True
    return False


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
