"""The engine's output: what a reply says, independent of where it is shown."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["fr", "en"]
AnswerKind = Literal["answer", "clarify", "unknown"]


class Citation(BaseModel):
    """One quoted sentence backing an answer, numbered in the order it is cited."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int = Field(ge=1)
    article: str
    title: str
    sentence: str


class Option(BaseModel):
    """One choice offered by a clarification: the entity id and the label shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str


class Answer(BaseModel):
    """A complete reply in the asker's language: answer first, evidence in `citations`."""

    model_config = ConfigDict(extra="forbid")

    kind: AnswerKind
    language: Language
    text: str
    citations: list[Citation] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    # The whole reply, when this one holds facts or quotes back to stay short ("More").
    more: Answer | None = None
