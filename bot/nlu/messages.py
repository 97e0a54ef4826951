"""A message's questions: the one a preamble leads to, and several asked in one message."""

from __future__ import annotations

import re

# A second question inside one message: "…, and since when is he there?", "… et quand ?".
# The conjunction stays with the second question, which reads as a follow-up ("and when?").
_SECOND_QUESTION = re.compile(
    r"(?:\?\s+|[,;]?\s+(?=(?:and|et)\s+(?:(?:for|pour|from|de|since|depuis|in|en|to|with|avec)\s+)?"
    r"(?:who|whom|when|where|what|which|why|how|qui|quand|"
    r"où|combien|pourquoi|quel|quelle|quels|quelles|comment|depuis quand)\b))",
    re.IGNORECASE,
)
MAX_QUESTIONS = 3
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")


def preamble_and_question(text: str) -> tuple[str, str]:
    """A message that says something, then asks ("I follow the news. Who left X?"): the
    sentences before the first that asks, and the rest. No preamble when no sentence asks."""
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
    for i, sentence in enumerate(sentences):
        if sentence.rstrip().endswith("?"):
            return " ".join(sentences[:i]), " ".join(sentences[i:])
    return "", text


def split_questions(text: str) -> list[str]:
    """The questions a message asks, in order: most messages ask one. A message that would
    split into more than MAX_QUESTIONS parts is kept whole."""
    parts = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text)]
    parts = [p for p in parts if p]
    if len(parts) > MAX_QUESTIONS:
        return [text]
    return parts or [text]
