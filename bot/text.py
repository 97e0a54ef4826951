"""Text normalisation used everywhere a user's words meet the knowledge base's.

One normaliser: NFKC, typographic apostrophes unified, accents folded, casefolded, then
punctuation (apostrophes, dashes and underscores included) turned into spaces, spaces collapsed.
The entity linker (bot.nlu.linking) normalises alias keys with it when it builds its index and
gets the question's words already normalised by the parser, so it passes `processor=None` to
rapidfuzz: both sides are already in this form.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile("[’‘`´ʼ]")  # each one "'" (a regular expression: ten times faster
# than str.translate on a long text)
_NON_WORD = re.compile(r"[^\w]+|_")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def fold(text: str) -> str:
    """NFKC, unified apostrophes, accents removed, casefolded (punctuation kept)."""
    text = _APOSTROPHES.sub("'", unicodedata.normalize("NFKC", text))
    if text.isascii():
        return text.casefold()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped).casefold()


def normalize(text: str) -> str:
    """The matching form of `text`: folded, every run of non-word characters one space."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def tokens(text: str) -> list[str]:
    """Words of the matching form: `normalize(text).split()`."""
    return _NON_WORD.sub(" ", fold(text)).split()


SHORT_FORM = 3  # letters a name cut short keeps at least ("alex" of "alexandr")


def shortened(word: str, name_part: str) -> bool:
    """A name's word cut short, as a nickname is ("alex" of "alexandr", "tom" of "tomasz")."""
    return len(word) >= SHORT_FORM and len(word) < len(name_part) and name_part.startswith(word)


def clean_input(text: str, limit: int = 1000) -> str:
    """A user's message made safe to parse: control characters dropped, length bounded."""
    text = _CONTROL.sub(" ", text or "")
    return " ".join(text.split())[:limit]
