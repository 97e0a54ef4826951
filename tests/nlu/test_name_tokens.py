"""Which words open a sentence: the one-pass reading agrees with the plain definition."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu.names import capitalised_words, tokens
from bot.nlu.written_names import TOKEN
from bot.text import normalize


def plain_tokens(text: str) -> list[tuple[str, bool]]:
    """The definition: only spaces before the word, or a sentence's end then spaces."""
    text = unicodedata.normalize("NFKC", text)
    return [
        (
            m.group(0),
            not text[: m.start()].strip() or bool(re.search(r"[.!?:;]\s*$", text[: m.start()])),
        )
        for m in TOKEN.finditer(text)
    ]


pieces = st.sampled_from(
    ["Ada", "lind", "É", "x", " ", "  ", "\n", "\t", "\u00a0", ".", "!", "?", ":", ";", ",",
     "«", "»", "-", "_", "'", "…", "2", "ﬁ", "\u2028"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
def test_sentence_openings_are_read_as_defined(text: str) -> None:
    assert tokens(text) == plain_tokens(text)


@given(st.text(max_size=60))
def test_any_text_too(text: str) -> None:
    assert tokens(text) == plain_tokens(text)


def test_capitalised_words_past_a_sentence_start() -> None:
    texts = ["Ada Lind a rejoint Meta. Puis Zeta Labs : Bo Chen parle.", "« Nous » dit Éva"]
    assert capitalised_words(texts) == {"lind", "meta", "zeta", "labs", "chen", "nous", "eva"}


@given(st.lists(st.lists(pieces, max_size=20).map("".join), max_size=4))
def test_capitalised_words_are_the_capitals_past_a_sentence_start(texts: list[str]) -> None:
    expected = {
        normalize(token)
        for text in texts
        for token, initial in plain_tokens(text)
        if not initial and token[:1].isupper()
    }
    assert capitalised_words(texts) == expected
