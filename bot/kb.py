"""The knowledge base: pydantic models of `knowledge/`, loading, and validation.

Every problem is reported as `file:line: path: message`, so a curator knows which line to fix.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.sentences import split_sentences
from bot.text import normalize

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

ENTITY_TYPES = ("person", "organization", "unit", "product", "place", "media")
FACT_TYPES = (
    "joined",  # subject (person) joined object (organisation), from `source`
    "left",  # subject left object, for `to`
    "hired",  # subject (organisation) hired object (person) or `quantity` people, from `source`
    "role",  # subject held `role` at object (tense: past/current/future)
    "leads",  # subject leads/runs object (tense)
    "founded",
    "cofounded",
    "cocreated",
    "owns",  # "the founder's company": subject owns object
    "worked_on",  # subject worked on / contributed to object
    "expertise",  # what subject is known for
    "count",  # subject has `quantity` of something (employees, former staff...)
    "amount",  # money: subject offered `amount` to object
    "duration",  # subject spent `quantity` at object
    "location",  # subject is / works at `place`
    "statement",  # subject said something, `via` a medium
    "opinion",  # subject thinks something
    "criticism",  # subject criticised object (or the criticism has no named author)
    "plan",  # subject plans / considers something
    "reason",  # why subject does something
    "strategy",  # what subject aims for
    "trend",  # a claim about the market as a whole
    "risk",  # a risk or consequence the articles raise
)
FactType = Literal[FACT_TYPES]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    """The same text in French and in English; both are required."""

    fr: NonEmpty
    en: NonEmpty

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class ArticleMeta(Strict):
    """Front matter of an article file."""

    id: Slug
    title: NonEmpty
    title_is_editorial: bool = False
    language: Literal["fr", "en"]
    source: str | None = None
    date: str | None = None
    original_file: str | None = None


class Entity(Strict):
    id: Slug
    type: Literal[ENTITY_TYPES]  # type: ignore[valid-type]
    name: Localized
    aliases: list[NonEmpty] = Field(default_factory=list)
    part_of: Slug | None = None
    description: Localized

    def names(self) -> list[str]:
        """Every form a reader may type: both names, then the aliases."""
        return list(dict.fromkeys([self.name.fr, self.name.en, *self.aliases]))


class EntitiesFile(Strict):
    ambiguous_names: list[NonEmpty] = Field(default_factory=list)
    entities: list[Entity]


class When(Strict):
    """A date exactly as precise as the article: any of year, month, day, or a relative time."""

    year: int | None = Field(default=None, ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    since: bool = False  # "depuis janvier": a period starting then
    relative: Literal["this_week", "recently", "recent_months"] | None = None


class Quantity(Strict):
    value: float | None = None  # None for "a few"
    qualifier: Literal["exact", "at_least", "about", "more_than", "nearly", "some"] = "exact"
    unit: Localized


class Amount(Strict):
    value: float
    currency: Literal["USD", "EUR"]
    qualifier: Literal["exact", "at_least", "about", "more_than", "nearly"] = "exact"
    period: Localized | None = None


class CitationRef(Strict):
    article: Slug
    sentence: NonEmpty


class Fact(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: Slug
    type: FactType
    subject: Slug
    object: Slug | None = None
    source: Slug | None = Field(default=None, alias="from")
    to: Slug | None = None
    role: Localized | None = None
    tense: Literal["past", "current", "future"] | None = None
    when: When | None = None
    quantity: Quantity | None = None
    amount: Amount | None = None
    place: Slug | None = None
    via: Slug | None = None
    about: list[Slug] = Field(default_factory=list)
    text: Localized
    citations: list[CitationRef] = Field(min_length=1)

    def participants(self) -> tuple[str, ...]:
        """Every entity the fact involves, main roles first."""
        ids = [self.subject, self.object, self.source, self.to, self.place, self.via, *self.about]
        return tuple(dict.fromkeys(i for i in ids if i))


class ContextSentence(Strict):
    """A sentence that carries no fact (scene-setting), marked so that coverage is honest."""

    article: Slug
    sentence: NonEmpty


class FactsFile(Strict):
    facts: list[Fact]
    context: list[ContextSentence] = Field(default_factory=list)


class About(Strict):
    """What the bot says about itself: a summary and example questions, per language."""

    summary: Localized
    examples_fr: list[NonEmpty] = Field(min_length=3)
    examples_en: list[NonEmpty] = Field(min_length=3)


@dataclass(frozen=True)
class Sentence:
    id: str
    article: str
    index: int
    text: str


@dataclass
class Article:
    meta: ArticleMeta
    text: str
    sentences: list[Sentence]
    path: Path
    body_line: int = 1  # the file line where `text` starts, after the front matter

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class KnowledgeBase:
    articles: dict[str, Article]
    entities: dict[str, Entity]
    facts: list[Fact]
    context: list[ContextSentence]
    ambiguous_names: list[str]
    about: About
    covered_sentences: int = 0
    total_sentences: int = 0


class KnowledgeError(Exception):
    """The base is broken; `problems` holds one `file:line: path: message` string per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# ---------------------------------------------------------------- YAML with line numbers


def _node_lines(
    node: yaml.Node, path: tuple = (), keyed: bool = False
) -> Iterator[tuple[tuple, int]]:
    """Yield (path, 1-based line) for every node of a composed YAML document.

    A mapping value is located at its key's line (`keyed`), not where the value starts: a
    field missing from `text:` is reported on the `text:` line, not on its first child's.
    """
    if not keyed:
        yield path, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield (*path, key.value), key.start_mark.line + 1
            yield from _node_lines(value, (*path, key.value), keyed=True)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _node_lines(item, (*path, index))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C parser when PyYAML has it (ten times faster on a large base), refusing a
    key repeated in one mapping, which YAML would otherwise resolve silently to the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass
class _Source:
    """One parsed YAML file with a way to find the line of any path in it.

    Line numbers are only needed to report problems, so the file is composed into nodes (a
    second, slower pass) the first time one is asked for, never on a clean load.
    """

    path: Path
    text: str
    data: Any
    line_offset: int = 0
    _lines: dict[tuple, int] | None = None

    def line(self, loc: tuple) -> int:
        if self._lines is None:
            node = yaml.compose(self.text, Loader=_Loader)
            self._lines = dict(_node_lines(node)) if node is not None else {}
        loc = tuple(loc)
        while loc and loc not in self._lines:
            loc = loc[:-1]
        return self._lines.get(loc, 1) + self.line_offset

    def problem(self, loc: tuple, message: str) -> str:
        return f"{self.path}:{self.line(loc)}: {format_loc(loc)}: {message}"


def format_loc(loc: tuple) -> str:
    """('facts', 12, 'citations', 0) -> 'facts[12].citations[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top)"


class ParseCache:
    """Parsed YAML documents keyed by a digest of their text, kept in one file between runs.

    Parsing YAML is most of the time it takes to load a large base, and validation is cheap:
    so only parsing is cached, and every load still validates everything. The file holds
    plain data that this process wrote itself (pickle), in the data directory.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[bytes, Any] = {}
        self.used: dict[bytes, Any] = {}
        if path is not None:
            try:
                with path.open("rb") as handle:
                    entries = pickle.load(handle)
            except Exception:  # any unreadable cache (truncated, foreign, stale) is rebuilt
                entries = {}
            self.entries = entries if isinstance(entries, dict) else {}

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def parse(self, text: str) -> Any:
        key = self.key(text)
        data = self.entries[key] if key in self.entries else yaml.load(text, Loader=_Loader)
        self.used[key] = data
        return data

    def save(self) -> None:
        """Write back what this load used, if it differs from what was read (best effort)."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            with partial.open("wb") as handle:
                pickle.dump(self.used, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(self.path)
        except (OSError, pickle.PickleError):
            pass  # a read-only data directory only costs speed


def _parse_yaml(path: Path, text: str, cache: ParseCache, line_offset: int = 0) -> _Source:
    try:
        data = cache.parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError([f"{path}:{line}: (yaml): {reason}"]) from None
    return _Source(path, text, data, line_offset)


def _validate(source: _Source, model: type[BaseModel], problems: list[str]) -> Any:
    """Validate `source.data` against `model`, turning pydantic errors into located problems."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "missing":
                message = "field required"
            elif error["type"] == "extra_forbidden":
                message = "unknown field"
            else:
                message = error["msg"]
            problems.append(source.problem(loc, message))
        return None


# ---------------------------------------------------------------- loading


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
    source = _parse_yaml(path, match.group(1), cache, line_offset=1)
    meta = _validate(source, ArticleMeta, problems)
    if meta is None:
        return None
    text = raw[match.end() :]
    sentences = [
        Sentence(id=f"{meta.id}:{i}", article=meta.id, index=i, text=s)
        for i, s in enumerate(split_sentences(text))
    ]
    body_line = raw.count("\n", 0, match.end()) + 1
    return Article(meta=meta, text=text, sentences=sentences, path=path, body_line=body_line)


def _shown(directory: Path) -> Path:
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
    directory = _shown(Path(directory))
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

    parsed: dict[str, tuple[_Source, Any]] = {}
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
            source = _parse_yaml(path, text, cache)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
            continue
        parsed[name] = (source, _validate(source, model, problems))

    if problems or any(value is None for _, value in parsed.values()):
        raise KnowledgeError(problems)

    entities_source, entities_file = parsed["entities.yaml"]
    facts_source, facts_file = parsed["facts.yaml"]
    entities = _check_entities(entities_source, entities_file, problems)
    covered = _check_facts(facts_source, facts_file, entities, articles, problems)
    total = sum(len(a.sentences) for a in articles.values())
    for article in articles.values():
        for sentence in article.sentences:
            if sentence.id not in covered:
                problems.append(
                    f"{article.path}:{_text_line(article, sentence)}: sentences[{sentence.index}]: "
                    f"sentence neither cited by a fact nor marked as context: "
                    f"{_preview(sentence.text)!r}"
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


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_line(article: Article, sentence: Sentence) -> int:
    """The line of the article file where `sentence` starts (front matter skipped)."""
    position = max(article.text.find(sentence.text), 0)
    return article.body_line + article.text.count("\n", 0, position)


def _check_entities(source: _Source, data: EntitiesFile, problems: list[str]) -> dict[str, Entity]:
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


def _check_facts(
    source: _Source,
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
                    f"sentence not found in article {article_id!r}: {_preview(sentence)!r}",
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
