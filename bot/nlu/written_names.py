"""How a question writes a name: where its words stand in the text, written as the asker wrote
them ("al-Zeta" keeps its hyphen), a name described in apposition ("zeta (the startup…)"),
and the words inside a capitalised name that read as something else (a particle, a first
name the lexicon reads as a month). Which words are names is bot.nlu.names' reading."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import pairwise

from bot.nlu import lexicon as lx

TOKEN = re.compile(r"[^\W_]+")


def word_spans(text: str, offset: int) -> tuple[str, list[tuple[int, int]]]:
    """The text as `tokens` reads it, and where each of its words stands, past the first
    `offset` words."""
    text = unicodedata.normalize("NFKC", text)
    return text, [m.span() for m in TOKEN.finditer(text)][offset:]


Spans = tuple[str, list[tuple[int, int]]]


def described(
    spans: Spans, words: list[str], covered: set[int], is_lexicon_word: Callable[[str], bool]
) -> set[int]:
    """Words the question describes as a company in apposition: "zeta (the startup…)",
    "zeta, la boîte de…": a name, however common its words. `spans` is `word_spans`'."""
    text, at = spans
    found: set[int] = set()
    for i in range(len(words) - 1):
        gap = text[at[i][1] : at[i + 1][0]]
        opened = "(" if "(" in gap else "," if "," in gap else ""
        # Closed as an apposition is, not a discourse word's comma ("bref, la boîte…").
        if not opened or _CLOSING[opened] not in text[at[i + 1][0] :]:
            continue
        start = i + 2 if words[i + 1] in lx.DETERMINERS else i + 1
        nouns = words[start : start + 1 + MAX_MODIFIERS]  # "the coding startup"
        if lx.ORGANIZATION_NOUNS & set(nouns):
            found.update(_plain_words_before(i, words, covered, is_lexicon_word, longest=3))
    return found


def possessors(
    spans: Spans, words: list[str], covered: set[int], is_lexicon_word: Callable[[str], bool]
) -> set[int]:
    """Words the question writes as an owner in English, with no determiner before them:
    "zeta's data centre", "deep zeta's team". Only a name owns so, however common its words
    ("the company's" is a noun's)."""
    text, at = spans
    found: set[int] = set()
    for i in range(len(words) - 1):
        gap = text[at[i][1] : at[i + 1][0]]
        if words[i + 1] != "s" or gap not in _APOSTROPHE_GAPS:
            continue
        run = _plain_words_before(i, words, covered, is_lexicon_word, longest=2)
        before = min(run, default=i) - 1
        if run and (before < 0 or words[before] not in lx.DETERMINERS):
            found.update(run)
    return found


def owned_after(
    words: list[str],
    covered: set[int],
    is_lexicon_word: Callable[[str], bool],
    name_like: Callable[[str], bool],
) -> set[int]:
    """Words after "of", "de" or "chez" that own a role, a team or staff, with no determiner
    before them: "the boss of zeta", "l'équipe IA de zeta", "les ingés chez zeta". A name, when
    its first word reads as one (`name_like`: "recherche" in "chef de recherche" does not)."""
    found: set[int] = set()
    for i, word in enumerate(words[:-1]):
        held = words[max(0, i - 1 - MAX_MODIFIERS) : i]  # "l'équipe IA de": a modifier between
        owned = word in lx.OWNER_PREPOSITIONS and bool(_OWNED & set(held))
        # "recruté chez zeta", "hired from zeta", "parti de zeta": a side of the move; "de"
        # right after its verb only ("combien d'ingés de" counts, "une vingtaine de" too).
        verbs = held[-1:] if word in _OF else held
        moved = word in _MOVE_SIDES and any(lx.relation_of(w) & lx.MOVE_RELATIONS for w in verbs)
        if not (owned or moved) or i in covered:
            continue
        run = []
        j = i + 1
        while j < len(words) and j not in covered and _plain(words[j], is_lexicon_word):
            run.append(j)
            j += 1
        if run and len(run) <= MAX_NAME_WORDS and name_like(words[run[0]]):
            found.update(run)
    return found


def _plain_words_before(
    i: int,
    words: list[str],
    covered: set[int],
    is_lexicon_word: Callable[[str], bool],
    longest: int,
) -> list[int]:
    """The positions of the plain words (not linked, not of the lexicon) ending at `i`, at
    most `longest` of them, from `i` backwards."""
    run = []
    j = i
    while j >= 0 and j not in covered and _plain(words[j], is_lexicon_word) and i - j < longest:
        run.append(j)
        j -= 1
    return run


def as_written(spans: Spans, run: list[int]) -> str:
    """The run's words as the text writes them: "al-Zeta" keeps its hyphen; words apart in
    the text ("Zeta (the lab)") are joined by a space."""
    text, at = spans
    written = text[at[run[0]][0] : at[run[0]][1]]
    for before, i in pairwise(run):
        gap = text[at[before][1] : at[i][0]]
        written += gap if gap.strip() and set(gap) <= _INSIDE_NAMES else " "
        written += text[at[i][0] : at[i][1]]
    return written


_CLOSING = {"(": ")", ",": ","}
MAX_MODIFIERS = 2  # words between an apposition's determiner and its noun
# The prepositions of a move's sides ("from", "pour"), not its verbs ("left"), nor "du" and
# "des", which hold a determiner ("de les"): what follows them is a common noun's.
_MOVE_SIDES = lx.OWNER_PREPOSITIONS | {
    w for w in lx.SOURCE_PREPOSITIONS | lx.DESTINATION_PREPOSITIONS if not lx.relation_of(w)
} - {"du", "des"}
_OF = frozenset({"de", "d", "of"})
_OWNED = lx.ROLE_NOUNS | lx.DESCRIPTION_NOUNS | lx.STAFF_NOUNS | lx.UNIT_NOUNS  # what one owns
MAX_NAME_WORDS = 3  # more plain words in a row after "of" are a phrase, not a name
_INSIDE_NAMES = frozenset(" -'’.")
_APOSTROPHE_GAPS = frozenset("'’")


def name_inside(
    flags: list[bool],
    capital: list[bool],
    raw: list[tuple[str, bool]],
    words: list[str],
    covered: set[int],
) -> list[bool]:
    """Words of a capitalised name that read as something else: a particle between two of its
    words ("Ada al-Zeta"), a capitalised word of the lexicon before an unknown one ("Jan
    Zeta": a first name, not January)."""
    found = list(flags)
    for i in range(len(words) - 1):
        after = flags[i + 1] and i + 1 not in covered
        particle = i > 0 and capital[i - 1] and words[i] in lx.NAME_PARTICLES and after
        first = capital[i] and not raw[i][1] and i not in covered and after
        if particle and i - 1 not in covered:
            found[i - 1] = found[i] = True  # "Ada", even opening the question
        if first and not flags[i]:
            found[i] = True
    return found


def _plain(word: str, is_lexicon_word: Callable[[str], bool]) -> bool:
    return word.isalpha() and len(word) > 2 and not is_lexicon_word(word)
