"""Names in an article: those the base knows (the engine's own linker), and new ones proposed
as draft entities (person, organisation, product or place) with a surname alias for people."""

from __future__ import annotations

import re

from bot.curation import kinds as kn
from bot.curation import roles
from bot.curation.analysis import Parse, dateline_end, stop_words
from bot.curation.ingest import Draft, Sentence, Token
from bot.curation.kinds import PRODUCT_NOUNS
from bot.curation.occurrences import Names, NewEntity, Occurrence, entity_slug, title_tokens
from bot.curation.short_names import ShortNames
from bot.curation.teams import TEAM_NOUNS, read_teams
from bot.kb.schema import KnowledgeBase
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex
from bot.nlu.names import zipf
from bot.text import normalize

__all__ = ["PRODUCT_NOUNS", "TEAM_NOUNS", "Names", "NewEntity", "Occurrence", "find_names"]


def _capitalised(token_raw: str) -> bool:
    return token_raw[0].isupper() or (
        token_raw[0].islower() and token_raw[1:] != token_raw[1:].lower()
    )


def _spans(sentence: Sentence, language: str = "en") -> list[tuple[int, int]]:
    """Runs of capitalised words separated by single spaces or a hyphen ("Tel-Aviv"), without
    leading function words or months."""
    spans, start = [], None
    tokens = sentence.tokens
    for i, token in enumerate([*tokens, None]):
        joined = token is not None and start is not None and _joins(sentence, i)
        month = token is not None and token.norm in lx.MONTHS and not _surname_month(tokens, i)
        word = token is not None and _capitalised(token.raw) and not month
        if word and (start is None or joined):
            start = i if start is None else start
            continue
        if start is not None:
            spans.append((start, i))
        start = i if word else None
    trimmed = []
    for s, e in spans:
        while s < e and _leading_function_word(tokens[s].norm, s == 0, language):
            if s > 0 and _part_of_name(sentence, s, e, language):
                break
            if _first_word_of_name(sentence, s, e):
                break
            s += 1
        if s < e and not (e - s == 1 and len(tokens[s].raw) < 2):
            trimmed.append((s, e))
    return trimmed


def _surname_month(tokens: list[Token], i: int) -> bool:
    """A month's word that ends a name ("Lei Jun", "Ada May"): after a capitalised word that is
    no function word, with no number beside it ("on 3 June", "June 12")."""
    if i == 0:
        return False
    before = tokens[i - 1]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    dated = before.raw[:1].isdigit() or (after is not None and after.raw[:1].isdigit())
    named = _capitalised(before.raw) and before.norm not in lx.MONTHS
    return named and not dated and not _leading_function_word(before.norm)


# "Neither Lind nor Strand", "Ni Lind ni Strand": a correlative conjunction opening the
# sentence is capitalised, and is no part of the name after it.
CORRELATIVES = frozenset("neither nor either both ni soit".split())


def _leading_function_word(norm: str, opening: bool = False, language: str = "en") -> bool:
    """A word before a name that is none of it; opening the sentence, any of the language's
    stop words is ("While Zeta hired…", "If Zeta wins…": capitalised as the sentence's first)."""
    return (
        norm in lx.STOPWORDS
        or norm in CORRELATIVES
        or bool(lx.relation_of(norm))
        or (opening and norm in stop_words(language))
    )


def _in_dateline(sentence: Sentence, s: int, e: int) -> bool:
    """ "OSLO, 3 May 2025 - …": the capitals before the date are the place it was filed from."""
    name = _span_text(sentence, s, e)
    return name.isupper() and sentence.tokens[e - 1].end <= dateline_end(sentence.text)


def _joins(sentence: Sentence, i: int) -> bool:
    """Token i continues the name before it: one space or a hyphen between them, or a dot
    inside a name ("Quorra.AI"), neither side a lone letter ("U.S." is an abbreviation)."""
    gap = sentence.gap(i)
    if gap in (" ", "-"):
        return True
    tokens = sentence.tokens
    return gap == "." and len(tokens[i - 1].raw) > 1 and len(tokens[i].raw) > 1


def _first_word_of_name(sentence: Sentence, s: int, e: int) -> bool:
    """A capitalised function word in mid-sentence, not an article nor a role, before more
    of the name ("au New Amsterdam Courier"): the name's first word."""
    token = sentence.tokens[s]
    if s == 0 or e - s < 2 or not token.raw[0].isupper() or token.norm in NAME_ARTICLES:
        return False
    if lx.relation_of(token.norm) or sentence.gap(s).strip(" ") not in ("", "'", "’"):
        return False
    return not sentence.tokens[s - 1].raw.isdigit()


# A name that is a common word keeps its article ("Le Chat", "The Information"): without it,
# the word alone is no name.
NAME_ARTICLES = frozenset("le la les the".split())
COMMON_ZIPF = 4.0  # wordfreq's Zipf scale: at least ten times per million words


def _common(word: str, language: str) -> bool:
    return zipf(word.lower(), language) >= COMMON_ZIPF


def _part_of_name(sentence: Sentence, s: int, e: int, language: str) -> bool:
    """A capitalised function word inside a sentence that begins a name: a capital letter
    before a word ("Y Combinator"), an article before one common word ("Le Chat")."""
    token = sentence.tokens[s]
    if e - s < 2:
        return False
    if len(token.raw) == 1 and token.raw.isupper():
        return True
    return (
        token.norm in NAME_ARTICLES and e - s == 2 and _common(sentence.tokens[s + 1].raw, language)
    )


def _fragment(sentence: Sentence, s: int, e: int, parse: Parse | None, language: str) -> bool:
    """A lone capitalised word that is a common word of the language and that the parser does
    not read as a proper noun ("Ecole", "Etat"): no name."""
    if e - s != 1 or parse is None:
        return False
    token = sentence.tokens[s]
    words = [w for w in parse.words if token.start <= w.start < token.end]
    proper = any(w.pos in ("PROPN", "X") for w in words)
    return not proper and bool(words) and _common(token.raw, language)


LIST_GAPS = frozenset({", ", " and ", " et ", ", and ", ", et ", " & ", " or ", " ou "}) | {
    sep + prep for sep in (", ", " et ", ", et ") for prep in ("de ", "d'", "d’", "du ")
}  # "chargée de X, de Y et d'Z": the preposition repeated


def _lists(sentence: Sentence, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Names the sentence lists ("A, B and C"): runs of spans with only commas and a
    conjunction between them."""
    runs: list[list[tuple[int, int]]] = []
    for span in sorted(spans):
        if runs:
            last = runs[-1][-1]
            gap = sentence.text[sentence.tokens[last[1] - 1].end : sentence.tokens[span[0]].start]
            if gap in LIST_GAPS:
                runs[-1].append(span)
                continue
        runs.append([span])
    return [r for r in runs if len(r) > 1]


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


def _company_prefix(base: KnowledgeBase, index: EntityIndex, name: str) -> str | None:
    """ "Google Brain": the organisation of the base its first word names (a unit of it)."""
    parts = name.split()
    if len(parts) < 2:
        return None
    named = index.exact.get(normalize(parts[0]), ())
    owners = [e for e in named if base.entities[e].type == "organization"]
    return owners[0] if len(owners) == 1 else None


def find_names(
    draft: Draft, base: KnowledgeBase, index: EntityIndex, parses: list[Parse] | None = None
) -> Names:
    names = Names()
    taken_ids = set(base.entities)
    by_key: dict[str, str] = {}  # normalised name or alias of a new entity -> its id
    elsewhere = _capitalised_elsewhere(draft)
    pending: list[tuple[int, int, int]] = []
    surnames: set[str] = set()
    language = draft.language
    lists: dict[int, list[list[tuple[int, int]]]] = {}
    lowercase = _quoted_lowercase_names(draft)
    for sentence in draft.sentences:
        words = [t.norm for t in sentence.tokens]
        mentions = [m for m in index.link(words) if m.score >= 100 and len(m.entity_ids) == 1]
        parse = parses[sentence.index] if parses else None
        spans = _with_versions(_spans(sentence, language), sentence, parse)
        spans = sorted(spans + _lowercase_spans(sentence, spans, lowercase))
        spans = [sp for sp in spans if not _fragment(sentence, *sp, parse, language)]
        lists[sentence.index] = _lists(sentence, spans)
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
    funders = _listed_funders(draft, parses, lists)
    for index_, s, e in pending:
        sentence = draft.sentences[index_]
        key = normalize(sentence.text[sentence.tokens[s].start : sentence.tokens[e - 1].end])
        votes.setdefault(key, []).extend(
            kn.labels(parses[index_] if parses else None, sentence, s, e)
        )
        if (index_, s, e) in funders:
            votes[key].append(roles.FUNDER)
    short = ShortNames(_first_seen(draft, pending))  # first names, surnames, first words
    for index_, occurrences in sorted(names.occurrences.items()):
        for o in occurrences:
            known = base.entities.get(o.entity)
            if known is not None and known.type == "organization":
                short.add_known(o.entity, known.name.get(language) or known.name.en, index_)
    # New names, longest first, so that "Tanaka" finds "Mei Tanaka".
    for index_, s, e in sorted(pending, key=lambda p: p[1] - p[2]):
        sentence = draft.sentences[index_]
        name = sentence.text[sentence.tokens[s].start : sentence.tokens[e - 1].end]
        key = normalize(name)
        entity_id = by_key.get(key) or short.get(key)
        labels = kn.labels(parses[index_] if parses else None, sentence, s, e)
        versioned = any(ch.isdigit() for ch in name)
        if entity_id is None and not versioned and (kn.skipped(labels) or key in kn.WEEKDAYS):
            continue
        if entity_id is None:
            kind, why = kn.kind(sentence, s, e, votes.get(key, labels))
            if _in_dateline(sentence, s, e):
                kind, why, name = "place", "the dateline's place", name.title()
            owner = _company_prefix(base, index, name)
            if owner:
                kind, why = "unit", f"a unit of {owner} (its first word)"
            entity_id = entity_slug(name)
            while entity_id in taken_ids:
                entity_id += "-2"
            taken_ids.add(entity_id)
            entity = NewEntity(entity_id, kind, name, sentence=index_, part_of=owner, why=why)
            names.new[entity_id] = entity
            by_key[key] = entity_id
            alias = short.add(entity, index)
            if alias and alias not in entity.aliases:
                entity.aliases.append(alias)
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
        elif entity_id in base.entities:  # "Zeta" after "Zeta AI", a company of the base
            names.occurrences[index_].append(Occurrence(entity_id, s, e))
            if key not in index.exact:  # a name no entity answers to yet: its alias now
                aliases = names.known_aliases.setdefault(entity_id, [])
                aliases.extend([] if name in aliases else [name])
            continue
        else:
            names.new[entity_id].sentence = min(names.new[entity_id].sentence, index_)
        expansion = expansions.get(key)
        if expansion and expansion not in names.new[entity_id].aliases:
            names.new[entity_id].aliases.append(expansion)
            names.new[entity_id].expansion = expansion
        names.occurrences[index_].append(Occurrence(entity_id, s, e))
    _listed_with_organisations(names, base, lists)
    _listed_after_a_product(names, base, lists)
    _surnames_of_the_article(draft, names, base)
    if parses:
        read_teams(draft, parses, names, base, index, taken_ids)
    for occurrences in names.occurrences.values():
        occurrences.sort(key=lambda o: o.start)
        names.known |= {o.entity for o in occurrences if o.entity in base.entities}
    return names


def _surnames_of_the_article(draft: Draft, names: Names, base: KnowledgeBase) -> None:
    """A surname alone, after the article named a new person of that surname, is that person
    ("Jeff Wang … Wang later wrote"), not someone of the base the article never names in
    full."""
    first_named: dict[str, tuple[str, int]] = {}
    for entity in names.new.values():
        if entity.type == "person" and len(entity.name.split()) > 1:
            first_named.setdefault(normalize(entity.name.split()[-1]), (entity.id, entity.sentence))
    if not first_named:
        return
    text = normalize(" ".join(s.text for s in draft.sentences))
    for index_, occurrences in names.occurrences.items():
        tokens = draft.sentences[index_].tokens
        for k, o in enumerate(occurrences):
            known = base.entities.get(o.entity)
            if known is None or o.end - o.start != 1:
                continue
            mine = first_named.get(tokens[o.start].norm)
            full = normalize(known.name.get(draft.language) or "")
            if mine and mine[1] <= index_ and full and full not in text:
                occurrences[k] = Occurrence(mine[0], o.start, o.end)


def _listed_funders(draft: Draft, parses: list[Parse] | None, lists: dict) -> set:
    """Every name of a list one of whose names funds ("A, B and C backed the round"): the
    parse hangs the verb on one of them only."""
    found: set[tuple[int, int, int]] = set()
    if not parses:
        return found
    for index_, runs in lists.items():
        sentence, parse = draft.sentences[index_], parses[index_]
        for run in runs:
            if any(roles.FUNDER in kn.labels(parse, sentence, s, e) for s, e in run):
                found |= {(index_, s, e) for s, e in run}
    return found


def _listed_with_organisations(names: Names, base: KnowledgeBase, lists: dict) -> None:
    """A new name listed among more organisations than people ("DST Global, Andreessen
    Horowitz, Bpifrance et Nvidia") is one too, whatever its shape or label suggested."""
    for index_, runs in lists.items():
        at = {(o.start, o.end): o.entity for o in names.occurrences[index_]}
        for run in runs:
            members = [at[sp] for sp in run if sp in at]
            kinds = [names.type_of(base, e) for e in members]
            orgs, people = kinds.count("organization"), kinds.count("person")
            if len(members) < 3 or orgs < 2 or orgs <= people:
                continue
            for entity in members:
                new = names.new.get(entity)
                if new is None or new.type not in ("person", "place"):
                    continue
                surname = new.aliases[:1] if new.type == "person" else []
                new.type, new.why = "organization", "listed with organisations"
                new.aliases = [a for a in new.aliases if a not in surname]
                names.ambiguous = [a for a in names.ambiguous if a not in surname]


def _listed_after_a_product(names: Names, base: KnowledgeBase, lists: dict) -> None:
    """New names listed after a product ("Zephyrin, Polaru and Ostrava", the first one a
    chatbot) are products too, unless read as people."""
    for index_, runs in lists.items():
        at = {(o.start, o.end): o.entity for o in names.occurrences[index_]}
        for run in runs:
            members = [at.get(sp) for sp in run]
            if not members[0] or names.type_of(base, members[0]) != "product":
                continue
            for entity in members[1:]:
                new = names.new.get(entity or "")
                if new is not None and new.type in ("place", "organization"):
                    new.type, new.why = "product", "listed after a product"


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


def _first_seen(draft: Draft, pending: list[tuple[int, int, int]]) -> dict[str, int]:
    """Each pending name's first sentence of the body: a headline shortens names, so what it
    writes first tells nothing ("X lures Quorra co-founder…" above "Quorra Labs")."""
    seen: dict[str, int] = {}
    for index_, s, e in sorted(pending):
        sentence = draft.sentences[index_]
        seen.setdefault(normalize(_span_text(sentence, s, e)), index_)
    return seen


# A lone lower-case word between quotation marks ("la marque « io »").
_QUOTED_WORD = re.compile(r"[«“\"]\s*([^\W\d_][\w-]*)\s*[»”\"]")
QUOTED_NAME_USES = 3  # times the article writes it, quoted or not: a name it keeps using


def _quoted_lowercase_names(draft: Draft) -> frozenset[str]:
    """Names an article writes in lower case ("io"): a word it quotes alone as a name and keeps
    writing, which is no common word of its language."""
    text = f"{draft.meta.get('title', '')}\n{draft.body}"
    quoted = {w for w in _QUOTED_WORD.findall(text) if w.islower()}
    uses = [t.raw for sentence in draft.sentences for t in sentence.tokens if t.raw in quoted]
    uses += [w for w in re.findall(r"[\w-]+", draft.meta.get("title", "")) if w in quoted]
    return frozenset(
        w for w in quoted if uses.count(w) >= QUOTED_NAME_USES and not _common(w, draft.language)
    )


def _lowercase_spans(
    sentence: Sentence, spans: list[tuple[int, int]], names: frozenset[str]
) -> list[tuple[int, int]]:
    taken = {i for s, e in spans for i in range(s, e)}
    return [(i, i + 1) for i, t in enumerate(sentence.tokens) if t.raw in names and i not in taken]


def _capitalised_elsewhere(draft: Draft) -> set[str]:
    """Words written with a capital somewhere other than at a sentence's start (or in the
    title): names, not sentence openers."""
    seen = {t.norm for t in title_tokens(draft) if _capitalised(t.raw)}
    for sentence in draft.sentences:
        seen |= {t.norm for t in sentence.tokens[1:] if _capitalised(t.raw)}
    return seen
