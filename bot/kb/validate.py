"""Cross-reference checks of a parsed base: ids, entity references, aliases, citations."""

from __future__ import annotations

import datetime

from rapidfuzz import fuzz, process

from bot.kb.facttypes import FACT_TYPES
from bot.kb.schema import Article, CitationRef, EntitiesFile, Entity, Fact, FactsFile
from bot.kb.yamlfile import YamlFile
from bot.text import normalize


def preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_entities(source: YamlFile, data: EntitiesFile, problems: list[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for i, entity in enumerate(data.entities):
        if entity.id in entities:
            problems.append(source.problem(("entities", i, "id"), f"duplicate id {entity.id!r}"))
        entities[entity.id] = entity
    for i, entity in enumerate(data.entities):
        if entity.part_of and entity.part_of not in entities:
            problems.append(
                source.problem(("entities", i, "part_of"), f"unknown entity {entity.part_of!r}")
            )
    ambiguous = {normalize(name) for name in data.ambiguous_names}
    owners: dict[str, tuple[str, int]] = {}
    holders: dict[str, set[str]] = {}  # each name's entities, so each shared name is checked once
    for i, entity in enumerate(data.entities):
        for form in entity.names():
            key = normalize(form)
            holders.setdefault(key, set()).add(entity.id)
            owner = owners.get(key)
            if owner and owner[0] != entity.id and key not in ambiguous:
                problems.append(
                    source.problem(
                        ("entities", i, "aliases"),
                        f"alias {form!r} also names {owner[0]!r}; "
                        f"declare it in ambiguous_names or remove it",
                    )
                )
            owners.setdefault(key, (entity.id, i))
    problems.extend(check_part_of_cycles(source, data))
    for i, name in enumerate(data.ambiguous_names):
        if len(holders.get(normalize(name), ())) < 2:
            problems.append(
                source.problem(("ambiguous_names", i), f"{name!r} names fewer than two entities")
            )
    return entities


def check_facts(
    source: YamlFile,
    data: FactsFile,
    entities: dict[str, Entity],
    articles: dict[str, Article],
    problems: list[str],
    *,
    citations_only: bool = False,
) -> set[str]:
    """Check references and citations; return the ids of the sentences cited or marked context.

    `citations_only`: the facts were checked before, only their articles may have changed.
    """
    sentence_ids = {
        (article_id, s.text): s.id
        for article_id, article in articles.items()
        for s in article.sentences
    }
    covered: set[str] = set()

    def check_citation(loc: tuple, article_id: str | None, sentence: str | None) -> None:
        if article_id is None or sentence is None:
            return  # an unresolved `ref`, already reported
        if article_id not in articles:
            problems.append(source.problem((*loc, "article"), f"unknown article {article_id!r}"))
            return
        sentence_id = sentence_ids.get((article_id, sentence.strip()))
        if sentence_id is None:
            problems.append(
                source.problem(
                    (*loc, "sentence"),
                    f"sentence not found in article {article_id!r}: {sentence.strip()!r}"
                    + closest_difference(sentence.strip(), articles[article_id]),
                )
            )
            return
        covered.add(sentence_id)

    seen: set[str] = set()
    said: dict[tuple, int] = {}
    for i, fact in enumerate(data.facts):
        if citations_only:
            for j, citation in enumerate(fact.citations):
                check_citation(("facts", i, "citations", j), citation.article, citation.sentence)
            continue
        same = said.setdefault(fact_claim(fact), i)
        if same != i:
            problems.append(
                source.problem(
                    ("facts", i),
                    f"fact {fact.id!r} says the same as facts[{same}] "
                    f"({data.facts[same].id!r}): same type, subject, object, from, to and "
                    f"citations",
                )
            )
        problems.extend(check_fields(source, i, fact))
        problems.extend(check_date(source, i, fact))
        if fact.id in seen:
            problems.append(source.problem(("facts", i, "id"), f"duplicate id {fact.id!r}"))
        seen.add(fact.id)
        for field_name in ("subject", "object", "source", "to", "place", "via", "attributed_to"):
            value = getattr(fact, field_name)
            if value and value not in entities:
                key = "from" if field_name == "source" else field_name
                problems.append(source.problem(("facts", i, key), f"unknown entity {value!r}"))
        for j, value in enumerate(fact.about):
            if value not in entities:
                problems.append(
                    source.problem(("facts", i, "about", j), f"unknown entity {value!r}")
                )
        for j, citation in enumerate(fact.citations):
            check_citation(("facts", i, "citations", j), citation.article, citation.sentence)
    for i, item in enumerate(data.context):
        check_citation(("context", i), item.article, item.sentence)
    return covered


def fact_claim(fact: Fact) -> tuple:
    """What a fact says: two facts with the same claim are one fact written twice.

    Type, subject, object, from, to and the sentences cited; the typed slots (role, quantity,
    amount, place, medium) too, and, for a type with no required field (a statement, a
    strategy…: what it says is in its text), the text.
    """
    cited = frozenset((c.article, c.ref, (c.sentence or "").strip()) for c in fact.citations)
    slots = (fact.role, fact.quantity, fact.amount, fact.place, fact.via)
    row = FACT_TYPES[fact.type]
    said = None if row.required or row.required_one_of else normalize(fact.text.en)
    return (fact.type, fact.subject, fact.object, fact.source, fact.to, cited, slots, said)


def closest_difference(citation: str, article: Article) -> str:
    """Where `citation` first departs from the article's sentence most like it (1-based)."""
    best = process.extractOne(
        citation,
        [s.text for s in article.sentences],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=50,
    )
    if best is None:
        return "; no sentence of the article is close to it"
    closest = best[0]
    n = next(
        (k for k, (a, b) in enumerate(zip(closest, citation, strict=False)) if a != b),
        min(len(closest), len(citation)),
    )
    theirs = repr(closest[n]) if n < len(closest) else "the end of the sentence"
    ours = repr(citation[n]) if n < len(citation) else "the end of the sentence"
    return (
        f"; closest sentence differs at character {n + 1}: "
        f"{theirs} in the article, {ours} in the citation"
    )


def _yaml_key(field_name: str) -> str:
    return "from" if field_name == "source" else field_name


def check_fields(source: YamlFile, i: int, fact: Fact) -> list[str]:
    """The fields the fact's type requires are there, and no field its type does not allow."""
    row = FACT_TYPES[fact.type]
    present = {_yaml_key(name) for name in fact.model_fields_set if getattr(fact, name)}
    problems = [
        source.problem(("facts", i, "type"), f"a {fact.type!r} fact needs `{name}`")
        for name in sorted(row.required - present)
    ]
    if row.required_one_of and not row.required_one_of & present:
        needed = " or ".join(f"`{name}`" for name in sorted(row.required_one_of))
        problems.append(
            source.problem(("facts", i, "type"), f"a {fact.type!r} fact needs {needed}")
        )
    problems += [
        source.problem(("facts", i, name), f"a {fact.type!r} fact has no `{name}`: {row.meaning}")
        for name in sorted(present - row.allowed)
    ]
    return problems


def check_date(source: YamlFile, i: int, fact: Fact) -> list[str]:
    """A day that exists in its month (29 February only in a leap year, or with no year)."""
    when = fact.when
    if when is None or when.day is None or when.month is None:
        return []
    try:
        datetime.date(when.year or 2000, when.month, when.day)  # 2000 was a leap year
    except ValueError:
        return [
            source.problem(("facts", i, "when", "day"), f"no day {when.day} in month {when.month}")
        ]
    return []


def check_part_of_cycles(source: YamlFile, data: EntitiesFile) -> list[str]:
    """`part_of` chains end: an entity is never, through its parents, a part of itself."""
    parent = {e.id: e.part_of for e in data.entities}
    problems = []
    for i, entity in enumerate(data.entities):
        chain, current = [entity.id], parent.get(entity.id)
        while current and current not in chain:
            chain.append(current)
            current = parent.get(current)
        if current == entity.id:
            loop = " -> ".join([*chain, entity.id])
            problems.append(source.problem(("entities", i, "part_of"), f"part_of cycle: {loop}"))
    return problems


def resolve_references(
    source: YamlFile, data: FactsFile, articles: dict[str, Article], problems: list[str]
) -> FactsFile:
    """Every citation written `ref: article-id:n` given its article and its verbatim sentence."""

    def resolve(loc: tuple, citation: CitationRef) -> CitationRef:
        if citation.ref is None:
            return citation
        article_id, _, number = citation.ref.rpartition(":")
        article = articles.get(article_id)
        if article is None or int(number) >= len(article.sentences):
            what = "article" if article is None else f"sentence {number} in article"
            problems.append(source.problem((*loc, "ref"), f"no {what} {article_id!r}"))
            return citation
        text = article.sentences[int(number)].text
        if citation.article not in (None, article_id) or citation.sentence not in (None, text):
            problems.append(
                source.problem(
                    (*loc, "ref"), f"{citation.ref} is {preview(text)!r}, not the sentence given"
                )
            )
        return citation.model_copy(update={"article": article_id, "sentence": text})

    if not any(c.ref for f in data.facts for c in f.citations) and not any(
        c.ref for c in data.context
    ):
        return data
    facts = [
        fact.model_copy(
            update={
                "citations": [
                    resolve(("facts", i, "citations", j), c) for j, c in enumerate(fact.citations)
                ]
            }
        )
        for i, fact in enumerate(data.facts)
    ]
    context = [resolve(("context", i), c) for i, c in enumerate(data.context)]
    return data.model_copy(update={"facts": facts, "context": context})
