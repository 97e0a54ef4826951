"""The knowledge base: its schema, loading and validation, and sentence splitting."""

from bot.kb.loader import KnowledgeError, file_signatures, load
from bot.kb.schema import (
    About,
    Article,
    ArticleMeta,
    CitationRef,
    ContextSentence,
    Entity,
    Fact,
    KnowledgeBase,
    Localized,
    Sentence,
)

__all__ = [
    "About",
    "Article",
    "ArticleMeta",
    "CitationRef",
    "ContextSentence",
    "Entity",
    "Fact",
    "KnowledgeBase",
    "KnowledgeError",
    "Localized",
    "Sentence",
    "file_signatures",
    "load",
]
