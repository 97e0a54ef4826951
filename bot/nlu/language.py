"""Which language a question is in.

Mercato speaks the languages of `LANGUAGES` (a lexicon data file and a replies module each);
for a message in another language it says so instead of guessing.
"""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx
from bot.nlu.lexicon import LANGUAGES
from bot.nlu.names import accented_forms, zipf

__all__ = ["ACCENTS", "LANGUAGES", "detect_language"]

# Letters that, among the languages spoken, only one writes: each counts as two marker words.
ACCENTS: dict[str, re.Pattern[str]] = {"fr": re.compile(r"[éèêàùçœîôâ]")}
# ¿ ¡ ñ ß ä ö ü are never French or English: one settles it.
_FOREIGN = re.compile(r"[¿¡ñßäöü]")
# A word this much commoner (wordfreq's Zipf scale) in one language than in the other is that
# language's ("recruter", "compte"; "hire", "planning"), when no marker word tells.
_FREQUENCY_LEAD = 1.5
_SHORT = 2  # "a", "en", "de": words of both


def detect_language(words: list[str], raw: str, fallback: str) -> str:
    """A language of LANGUAGES ('fr', 'en') from marker words and accents, 'other' for another
    language's words; `fallback` when nothing tells (the best scores are equal).

    `words` are the normalised words of `raw`, the message as typed.
    """
    scores = {code: sum(w in lx.MARKERS[code] for w in words) for code in LANGUAGES}
    # Accents in capitalised words past the first are names' ("Amélie"), which any language
    # may quote.
    tokens = raw.split()
    common = " ".join(tokens[:1] + [t for t in tokens[1:] if not t[:1].isupper()]).lower()
    for code, accents in ACCENTS.items():
        scores[code] += 2 * len(accents.findall(common))
    other = sum(w in lx.OTHER_LANGUAGE_MARKERS for w in words) + 5 * len(_FOREIGN.findall(raw))
    best = max(scores.values())
    if other >= 2 and other > best:
        return "other"
    leaders = [code for code, score in scores.items() if score == best]
    if len(leaders) > 1:
        leaders = _by_frequency(words, leaders)
    return leaders[0] if len(leaders) == 1 else fallback


def _by_frequency(words: list[str], tied: list[str]) -> list[str]:
    """The tied languages whose own words the message has most of, by their frequencies."""
    frequencies = [{code: frequency(w, code) for code in tied} for w in words if len(w) > _SHORT]
    scores = {
        code: sum(
            f[code] - max(v for c, v in f.items() if c != code) >= _FREQUENCY_LEAD
            for f in frequencies
        )
        for code in tied
    }
    best = max(scores.values())
    return [code for code, score in scores.items() if score == best]


def frequency(word: str, language: str) -> float:
    """How common the word is in the language, as typed or, in French, with its accents put
    back (a chat types "cree" for "créé")."""
    if language == "fr":
        return max(zipf(word, "fr"), zipf(accented_forms().get(word, word), "fr"))
    return zipf(word, language)
