"""The knowledge base's schema: pydantic models of `knowledge/` and the loaded base."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from bot.kb.facttypes import TYPE_NAMES

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

ENTITY_TYPES = ("person", "organization", "unit", "product", "place", "media")
# The types and their fields are described once, in bot.kb.facttypes.
FactType = Literal[TYPE_NAMES]  # type: ignore[valid-type]


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
    draft: bool = False  # proposed by `python -m bot add`, awaiting review

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
    relative: (
        Literal["this_week", "recently", "recent_months", "next_week", "next_month", "next_year"]
        | None
    ) = None


class Quantity(Strict):
    value: float | None = None  # None for "a few"
    qualifier: Literal["exact", "at_least", "about", "more_than", "nearly", "some"] = "exact"
    unit: Localized


class Amount(Strict):
    value: float
    currency: Literal["USD", "EUR"]
    qualifier: Literal["exact", "at_least", "about", "more_than", "nearly"] = "exact"
    period: Localized | None = None


SentenceRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*:[0-9]+$")]


class CitationRef(Strict):
    """A sentence of an article: `article` + the `sentence` verbatim, or `ref: "article-id:n"`
    (the n-th sentence, from 0, as `python -m bot sentences ID` numbers them), which loading
    resolves to the verbatim sentence."""

    article: Slug | None = None
    sentence: NonEmpty | None = None
    ref: SentenceRef | None = None

    @model_validator(mode="after")
    def _whole(self) -> CitationRef:
        if self.ref is None and (self.article is None or self.sentence is None):
            raise ValueError("a citation needs `article` and `sentence`, or `ref: article-id:n`")
        return self


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
    # How the sentence states it: a verdict of Yes needs an affirmed, stated fact. "did not
    # join" is negated; "reportedly", "selon", "aurait" are reported; "could", "pourrait" are
    # possible; "plans to", "doit" are planned (a future tense says when, this says how sure).
    polarity: Literal["affirmed", "negated"] = "affirmed"
    modality: Literal["stated", "reported", "possible", "planned"] = "stated"
    attributed_to: Slug | None = None  # whose report or claim it is ("according to X")
    text: Localized
    citations: list[CitationRef] = Field(min_length=1)
    draft: bool = False  # proposed by `python -m bot add`, awaiting review

    def participants(self) -> tuple[str, ...]:
        """Every entity the fact involves, main roles first."""
        ids = [self.subject, self.object, self.source, self.to, self.place, self.via, *self.about]
        return tuple(dict.fromkeys(i for i in ids if i))


class ContextSentence(CitationRef):
    """A sentence that carries no fact (scene-setting), marked so that coverage is honest."""


class FactsFile(Strict):
    facts: list[Fact]
    context: list[ContextSentence] = Field(default_factory=list)


class About(Strict):
    """What the bot says about itself: a summary and example questions, per language."""

    summary: Localized
    examples_fr: list[NonEmpty] = Field(min_length=3)
    examples_en: list[NonEmpty] = Field(min_length=3)


@dataclass(frozen=True, slots=True)  # slotted: a year of news holds a million of them
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
    # (size, modification time) of every file read, by its path: a reload reuses
    # what it parsed and checked from the files that did not change.
    files: dict[str, tuple[int, int]] = field(default_factory=dict)


class KnowledgeError(Exception):
    """The base is broken; `problems` holds one `file:line: path: message` string per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
