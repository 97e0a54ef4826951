"""Deterministic sentence splitting of article text, so citations get stable ids."""

from __future__ import annotations

import re

# Words that end with a period without ending a sentence (lowercased, without the period).
ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "st",
        "ste",
        "etc",
        "ex",
        "cf",
        "vs",
        "env",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "p",
        "no",
        "n°",
    ]
)

# A candidate boundary: sentence-final punctuation, optional closing quote/bracket, spaces.
# French typography puts a space before a closing guillemet: "… folles. » Meta…".
_BOUNDARY = re.compile(r"([.!?…]+(?:\s?[»\"”’)\]])*)(\s+)")


_WORD = re.compile(r"\w+")


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the text from `at`, after a boundary, can begin a new sentence.

    Capitals, digits and opening quotes can; so can a lowercase brand written in camel case
    ("xAI, qui emploie…", "iPhone"), which a plain capital-letter rule would glue to the
    previous sentence.
    """
    if at >= len(text):
        return False
    first = text[at]
    if first.isupper() or first.isdigit() or first in "«\"“'(—–-":
        return True
    word = _WORD.match(text, at)
    return bool(word and first.islower() and any(c.isupper() for c in word.group()[1:]))


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the word ending `text[start:end]` (the one before a period) is an abbreviation."""
    begin = end
    while begin > start and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1  # what `\w` matches
    if begin == end:
        return False
    token = text[begin:end]
    # Single capital initials ("J. Smith") and known abbreviations do not end sentences.
    return (len(token) == 1 and token.isupper()) or token.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences: every non-empty line is a paragraph, split at boundaries."""
    sentences: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            end = match.end(1)
            if match.group(1).startswith(".") and _is_abbreviation(paragraph, start, match.start()):
                continue
            if not _starts_sentence(paragraph, match.end()):
                continue
            sentences.append(paragraph[start:end].strip())
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences
