"""Loading `knowledge/`: articles with their front matter, entities, facts and about.

Every problem is reported as `file:line: path: message`, so a curator knows which line to fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.kb.forked import NOTHING, Forked
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


CHECKED_ASIDE_FACTS = 20_000  # below this, checking the facts costs about what a fork does

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


YAML_FILES = (("entities.yaml", EntitiesFile), ("facts.yaml", FactsFile), ("about.yaml", About))


def file_signatures(directory: str | Path) -> dict[str, tuple[int, int]]:
    """(size, modification time in ns) of every file a load reads, by its path in the base.

    What `make` and git trust to tell a changed file without reading it.
    """
    directory = Path(directory)
    try:
        with os.scandir(directory / "articles") as found:  # its stat costs no path parsing
            entries = [e for e in found if e.name.endswith(".txt")]
    except OSError:
        entries = []  # missing: reported by the load itself
    signatures = {}
    for entry in sorted(entries, key=lambda e: e.name):
        stat = entry.stat()
        signatures[f"articles/{entry.name}"] = (stat.st_size, stat.st_mtime_ns)
    for name, _ in YAML_FILES:
        try:
            stat = os.stat(directory / name)
        except OSError:
            continue
        signatures[name] = (stat.st_size, stat.st_mtime_ns)
    return signatures


def load(
    directory: str | Path,
    parse_cache: Path | None = None,
    previous: KnowledgeBase | None = None,
    meanwhile: Callable[[dict[str, Article]], object] | None = None,
    save: Callable[[Callable[[], None]], object] | None = None,
    facts_digest: Callable[[Any], Any] | None = None,
    while_checked: Callable[[KnowledgeBase, list[Any]], object] | None = None,
) -> KnowledgeBase:
    """Load and validate the base in `directory`; raise KnowledgeError listing every problem.

    `parse_cache`, a file path, keeps parsed YAML between runs to make large bases load fast.
    `previous`, the base loaded before from the same directory, lends the articles, entities
    and facts of the files that have not changed since (a reload after one article changed
    reads and checks that article, and the citations, again; not the whole base).
    `meanwhile` is given the articles once they are read and well formed, before the YAML
    files are: what it does from them takes the time a large facts file spends being parsed
    by another process. `save` is given the writing of the parse cache, to run when it suits
    the caller (a large base's takes half a second); by default it is written at once.
    `facts_digest` is given the facts file's document as parsed, in the processes that parse
    it (or a piece of it) aside, before it is validated: what it makes of it is for
    `while_checked`, which is given the base once its files are parsed and valid (with what
    the digest made of each piece parsed aside, if any), while another
    process checks the facts' references and citations (what it builds from the base is
    thrown away when they fail: the load raises); or, where the checks run here, once they
    have passed; not by a reload that keeps the previous entities and facts.
    """
    directory = shown_path(Path(directory))
    signatures = {str(directory / name): sig for name, sig in file_signatures(directory).items()}
    kept = {
        name
        for name, signature in signatures.items()
        if previous is not None and previous.files.get(name) == signature
    }
    # A reload parses only the files that changed, whose new text no cache holds: reading and
    # rewriting the whole cache would cost more than they do. It is left to the next full load.
    cache = ParseCache(parse_cache if previous is None else None)
    try:
        base = _load(
            directory, cache, previous, signatures, kept, meanwhile, facts_digest, while_checked
        )
    finally:
        cache.discard()
    if save is None:
        cache.save()
    else:
        save(cache.save)
    return base


def _load(
    directory: Path,
    cache: ParseCache,
    previous: KnowledgeBase | None,
    signatures: dict[str, tuple[int, int]],
    kept: set[str],
    meanwhile: Callable[[dict[str, Article]], object] | None = None,
    facts_digest: Callable[[Any], Any] | None = None,
    while_checked: Callable[[KnowledgeBase, list[Any]], object] | None = None,
) -> KnowledgeBase:
    if previous is None:
        # The facts, the largest file by far, parsed by another process while this one reads
        # the articles and the entities.
        facts_text = _read(directory / "facts.yaml", [])
        if facts_text is not None:
            cache.parse_aside(facts_text, facts_digest)
    problems: list[str] = []
    articles: dict[str, Article] = {}
    article_paths = sorted((directory / "articles").glob("*.txt"), key=lambda p: p.name)
    if not article_paths:
        problems.append(f"{directory / 'articles'}:1: (articles): no article files (*.txt)")
    for path in article_paths:
        article = _kept_article(previous, path, kept)
        try:
            article = article or _load_article(path, problems, cache)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        if article is None:
            continue
        if article.id in articles:
            problems.append(f"{path}:2: id: duplicate article id {article.id!r}")
            continue
        articles[article.id] = article

    if meanwhile is not None and not problems:
        meanwhile(articles)
    if previous is not None and _yaml_kept(directory, previous, articles, kept):
        base = _with_articles(directory, previous, articles, problems)
    else:
        base = _load_yaml(directory, articles, cache, problems, while_checked)
    if problems:
        raise KnowledgeError(problems)
    base.files = signatures
    return base


def _kept_article(previous: KnowledgeBase | None, path: Path, kept: set[str]) -> Article | None:
    """The previous load's article of `path`, when its file has not changed since."""
    if previous is None or str(path) not in kept:
        return None
    article = previous.articles.get(path.stem)
    return article if article is not None and article.path == path else None


def _yaml_kept(
    directory: Path, previous: KnowledgeBase, articles: dict[str, Article], kept: set[str]
) -> bool:
    """Whether the previous load's entities and facts still hold: their files are unchanged
    and no citation written `ref: article-id:n` points into an article that changed."""
    if not all(str(directory / name) in kept for name, _ in YAML_FILES):
        return False
    changed = {i for i in articles if previous.articles.get(i) is not articles[i]}
    changed |= previous.articles.keys() - articles.keys()
    refs = (c.ref for f in previous.facts for c in f.citations if c.ref)
    return not any(ref.rpartition(":")[0] in changed for ref in refs)


def _with_articles(
    directory: Path, previous: KnowledgeBase, articles: dict[str, Article], problems: list[str]
) -> KnowledgeBase:
    """The previous base's entities and facts over `articles`: only the citations and the
    coverage, which depend on the articles, are checked again."""
    path = directory / "facts.yaml"
    # Its text is read only to name a problem's line: a clean reload does not read it.
    source = YamlFile(path, "", None, read=lambda: path.read_text(encoding="utf-8"))
    facts_file = FactsFile.model_construct(facts=previous.facts, context=previous.context)
    covered = check_facts(
        source, facts_file, previous.entities, articles, problems, citations_only=True
    )
    check_coverage(articles, covered, problems)
    return replace(
        previous,
        articles=articles,
        covered_sentences=len(covered),
        total_sentences=sum(len(a.sentences) for a in articles.values()),
    )


def _load_yaml(
    directory: Path,
    articles: dict[str, Article],
    cache: ParseCache,
    problems: list[str],
    meanwhile: Callable[[KnowledgeBase, list[Any]], object] | None = None,
) -> KnowledgeBase:
    """Parse and check entities, facts and about over `articles` (KnowledgeError if broken);
    `meanwhile`, as `load`'s `while_checked`."""
    parsed: dict[str, tuple[YamlFile, Any]] = {}
    for name, model in YAML_FILES:
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
    base = KnowledgeBase(
        articles=articles,
        entities=entities,
        facts=list(facts_file.facts),
        context=list(facts_file.context),
        ambiguous_names=list(entities_file.ambiguous_names),
        about=parsed["about.yaml"][1],
        total_sentences=sum(len(a.sentences) for a in articles.values()),
    )

    def cross_checks() -> tuple[list[str], int]:
        """The problems of the facts' references and citations, and the sentences covered."""
        found: list[str] = []
        covered = check_facts(facts_source, facts_file, entities, articles, found)
        check_coverage(articles, covered, found)
        return found, len(covered)

    if meanwhile is None or problems:
        meanwhile = None  # nothing to do meanwhile, or no base to give it
    checking = (
        Forked.start(cross_checks) if meanwhile and len(base.facts) >= CHECKED_ASIDE_FACTS else None
    )
    digests = cache.digests_of(facts_source.text)
    if meanwhile and checking:
        try:
            meanwhile(base, digests)
        except BaseException:
            checking.discard()  # no child left waiting to be read
            raise
    checked = checking.result() if checking else NOTHING
    found, base.covered_sentences = cross_checks() if checked is NOTHING else checked
    problems.extend(found)
    if meanwhile and not checking and not problems:
        meanwhile(base, digests)
    return base


def check_coverage(articles: dict[str, Article], covered: set[str], problems: list[str]) -> None:
    """Every sentence is cited by a fact or marked as context."""
    for article in articles.values():
        for sentence in article.sentences:
            if sentence.id not in covered:
                problems.append(
                    f"{article.path}:{_text_line(article, sentence)}: sentences[{sentence.index}]: "
                    f"sentence neither cited by a fact nor marked as context: "
                    f"{preview(sentence.text)!r}"
                )


def _text_line(article: Article, sentence: Sentence) -> int:
    """The line of the article file where `sentence` starts (front matter skipped)."""
    position = max(article.text.find(sentence.text), 0)
    return article.body_line + article.text.count("\n", 0, position)
