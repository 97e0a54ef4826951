"""Loading `knowledge/`: articles with their front matter, entities, facts and about.

Every problem is reported as `file:line: path: message`, so a curator knows which line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.kb.schema import (
    About,
    Article,
    ArticleMeta,
    EntitiesFile,
    FactsFile,
    KnowledgeBase,
    KnowledgeError,
    Sentence,
)
from bot.kb.sentences import split_sentences
from bot.kb.validate import check_entities, check_facts, preview, resolve_references
from bot.kb.yamlfile import ParseCache, YamlFile, parse_yaml, validate_model


def _read(path: Path, problems: list[str]) -> str | None:
    """The file's text, or None with a problem when it is not UTF-8 or cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        problems.append(f"{path}:{line}: (file): not valid UTF-8 (byte {exc.start})")
    except OSError as exc:
        problems.append(f"{path}:1: (file): cannot be read: {exc.strerror}")
    return None


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _load_article(path: Path, problems: list[str], cache: ParseCache) -> Article | None:
    raw = _read(path, problems)
    if raw is None:
        return None
    match = FRONT_MATTER.match(raw)
    if not match:
        problems.append(f"{path}:1: (front matter): article must start with a '---' YAML block")
        return None
    source = parse_yaml(path, match.group(1), cache, line_offset=1)
    meta = validate_model(source, ArticleMeta, problems)
    if meta is None:
        return None
    text = raw[match.end() :]
    sentences = [
        Sentence(id=f"{meta.id}:{i}", article=meta.id, index=i, text=s)
        for i, s in enumerate(split_sentences(text))
    ]
    if path.stem != meta.id:
        problems.append(
            source.problem(
                ("id",), f"article {meta.id!r} must be in articles/{meta.id}.txt, not {path.name}"
            )
        )
    body_line = raw.count("\n", 0, match.end()) + 1
    return Article(meta=meta, text=text, sentences=sentences, path=path, body_line=body_line)


def load_article(path: Path) -> Article:
    """One article file alone (front matter, text, sentences); KnowledgeError when broken."""
    problems: list[str] = []
    article = _load_article(path, problems, ParseCache(None))
    if article is None:
        raise KnowledgeError(problems)
    return article


def shown_path(directory: Path) -> Path:
    """`directory` relative to the working directory when inside it, so that problems read
    `knowledge/facts.yaml:118: …` as a curator would type the path."""
    try:
        return directory.resolve().relative_to(Path.cwd())
    except ValueError:
        return directory


def load(directory: str | Path, parse_cache: Path | None = None) -> KnowledgeBase:
    """Load and validate the base in `directory`; raise KnowledgeError listing every problem.

    `parse_cache`, a file path, keeps parsed YAML between runs to make large bases load fast.
    """
    directory = shown_path(Path(directory))
    cache = ParseCache(parse_cache)
    problems: list[str] = []
    articles: dict[str, Article] = {}
    article_paths = sorted((directory / "articles").glob("*.txt"), key=lambda p: p.name)
    if not article_paths:
        problems.append(f"{directory / 'articles'}:1: (articles): no article files (*.txt)")
    for path in article_paths:
        try:
            article = _load_article(path, problems, cache)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        if article is None:
            continue
        if article.id in articles:
            problems.append(f"{path}:2: id: duplicate article id {article.id!r}")
            continue
        articles[article.id] = article

    parsed: dict[str, tuple[YamlFile, Any]] = {}
    for name, model in (
        ("entities.yaml", EntitiesFile),
        ("facts.yaml", FactsFile),
        ("about.yaml", About),
    ):
        path = directory / name
        if not path.exists():
            problems.append(f"{path}:1: (file): missing")
            continue
        text = _read(path, problems)
        if text is None:
            continue
        try:
            source = parse_yaml(path, text, cache)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        parsed[name] = (source, validate_model(source, model, problems))

    if problems or any(value is None for _, value in parsed.values()):
        raise KnowledgeError(problems)

    entities_source, entities_file = parsed["entities.yaml"]
    facts_source, facts_file = parsed["facts.yaml"]
    facts_file = resolve_references(facts_source, facts_file, articles, problems)
    entities = check_entities(entities_source, entities_file, problems)
    covered = check_facts(facts_source, facts_file, entities, articles, problems)
    total = sum(len(a.sentences) for a in articles.values())
    for article in articles.values():
        for sentence in article.sentences:
            if sentence.id not in covered:
                problems.append(
                    f"{article.path}:{_text_line(article, sentence)}: sentences[{sentence.index}]: "
                    f"sentence neither cited by a fact nor marked as context: "
                    f"{preview(sentence.text)!r}"
                )
    if problems:
        raise KnowledgeError(problems)
    cache.save()
    return KnowledgeBase(
        articles=articles,
        entities=entities,
        facts=list(facts_file.facts),
        context=list(facts_file.context),
        ambiguous_names=list(entities_file.ambiguous_names),
        about=parsed["about.yaml"][1],
        covered_sentences=len(covered),
        total_sentences=total,
    )


def _text_line(article: Article, sentence: Sentence) -> int:
    """The line of the article file where `sentence` starts (front matter skipped)."""
    position = max(article.text.find(sentence.text), 0)
    return article.body_line + article.text.count("\n", 0, position)
