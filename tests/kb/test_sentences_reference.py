"""The sentence splitter reads positions in place: it splits as the plain slicing one did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.kb.sentences import _BOUNDARY, ABBREVIATIONS, split_sentences


def reference_split(text: str) -> list[str]:
    def starts(rest: str) -> bool:
        if not rest:
            return False
        first = rest[0]
        if first.isupper() or first.isdigit() or first in "«\"“'(—–-":
            return True
        word = re.match(r"\w+", rest)
        return bool(word and first.islower() and any(c.isupper() for c in word.group()[1:]))

    def abbreviation(before: str) -> bool:
        word = re.search(r"(\w+)$", before)
        if not word:
            return False
        token = word.group(1)
        return (len(token) == 1 and token.isupper()) or token.lower() in ABBREVIATIONS

    sentences: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            end = match.end(1)
            if match.group(1).startswith(".") and abbreviation(paragraph[start : match.start()]):
                continue
            if not starts(paragraph[match.end() :]):
                continue
            sentences.append(paragraph[start:end].strip())
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


pieces = st.sampled_from(
    ["Ada", "lind", "xAI", "M", "Dr", "etc", "J", "n°", "_", "3", "é", " ", "  ", "\n", ".",
     "..", "!", "?", "…", "»", "«", '"', "”", "’", ")", "]", "(", "—", "-", "'", "\u00a0"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(pieces, max_size=40).map("".join))
def test_splits_as_the_reference(text: str) -> None:
    assert split_sentences(text) == reference_split(text)


@given(st.text(max_size=80))
def test_any_text_splits_as_the_reference(text: str) -> None:
    assert split_sentences(text) == reference_split(text)
