"""Cross-reference checks of a parsed base: ids, entity references, aliases, citations."""

from __future__ import annotations

from bot.kb.schema import Article, EntitiesFile, Entity, FactsFile
from bot.kb.yamlfile import YamlFile
from bot.nlu.text import normalize


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
    for i, entity in enumerate(data.entities):
        for form in entity.names():
            key = normalize(form)
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
    for i, name in enumerate(data.ambiguous_names):
        key = normalize(name)
        holders = {e.id for e in data.entities if key in {normalize(f) for f in e.names()}}
        if len(holders) < 2:
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
) -> set[str]:
    """Check references and citations; return the ids of the sentences cited or marked context."""
    sentence_ids = {
        (article_id, s.text): s.id
        for article_id, article in articles.items()
        for s in article.sentences
    }
    covered: set[str] = set()

    def check_citation(loc: tuple, article_id: str, sentence: str) -> None:
        if article_id not in articles:
            problems.append(source.problem((*loc, "article"), f"unknown article {article_id!r}"))
            return
        sentence_id = sentence_ids.get((article_id, sentence.strip()))
        if sentence_id is None:
            problems.append(
                source.problem(
                    (*loc, "sentence"),
                    f"sentence not found in article {article_id!r}: {preview(sentence)!r}",
                )
            )
            return
        covered.add(sentence_id)

    seen: set[str] = set()
    for i, fact in enumerate(data.facts):
        if fact.id in seen:
            problems.append(source.problem(("facts", i, "id"), f"duplicate id {fact.id!r}"))
        seen.add(fact.id)
        for field_name in ("subject", "object", "source", "to", "place", "via"):
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
