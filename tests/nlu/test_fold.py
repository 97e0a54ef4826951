"""Typographic apostrophes are unified by a regular expression, as a translation table would."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bot.text import fold

TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def table_fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(TABLE)
    if text.isascii():
        return text.casefold()
    stripped = COMBINING.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped).casefold()


@given(st.text(alphabet=st.sampled_from("’‘`´ʼ'aéE ﬁ\u0301"), max_size=20) | st.text(max_size=20))
def test_apostrophes_are_unified(text: str) -> None:
    assert fold(text) == table_fold(text)


def test_a_long_run_of_s_is_read_without_overflowing() -> None:
    from bot.nlu.lexicon import engine_word

    assert engine_word("ceos") == engine_word("ceo")
    assert engine_word("s" * 5000) in (True, False)
