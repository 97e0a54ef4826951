"""Teams an article names by a description ("l'équipe des modèles de fondation", "the
foundation models team"), by a name after a team noun ("l'équipe AKI") or by a back-reference
("cette équipe"): units of the organisation that owns them."""

from __future__ import annotations

from bot.curation.analysis import Parse
from bot.curation.ingest import Draft, Sentence
from bot.curation.occurrences import Names, NewEntity, Occurrence, entity_slug, title_tokens
from bot.kb.schema import KnowledgeBase
from bot.nlu.linking import EntityIndex
from bot.text import normalize

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
                entity = entity_slug(text)
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
    words = [t.norm for t in title_tokens(draft)]
    for mention in index.link(words):
        ids = [e for e in mention.entity_ids if base.entities[e].type == "organization"]
        if mention.score >= 100 and len(ids) == 1:
            return ids[0]
    return None
