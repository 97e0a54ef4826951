"""Numbers, comparisons and dates stated in a question's words."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from bot.nlu import lexicon as lx
from bot.text import fold

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def months_and_years(words: list[str], raw: str) -> tuple[frozenset[int], frozenset[int]]:
    """The months named in `words` and the years (1900-2099) written in `raw`.

    A short month name ("may", "mar") counts only where a date is plainly meant: after a
    number or a word that leads a date ("in", "depuis"…).
    """
    months = set()
    for i, word in enumerate(words):
        month = lx.MONTHS.get(word)
        if month is None:
            continue
        before = words[i - 1] if i else ""
        if len(word) > 3 or before in lx.DATE_LEADS or before.isdigit():
            months.add(month)
    return frozenset(months), frozenset(int(y) for y in _YEAR.findall(raw))


_GLUED_MULTIPLIER = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")
_DECIMAL = re.compile(r"\d+\.\d+")
# A number as written: "1,5" and "1.5" are decimals, "1,500" and "2.000" thousands.
_WRITTEN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W\d_]+")
SPELT_RUN = 8  # the most words one number spelt out takes here ("deux cent cinquante mille…")
# A number word alone below this is an article or a quantifier ("un", "les deux"), not a count.
SPELT_ALONE_FROM = 10


def glued_figure(word: str) -> bool:
    """ "200m", "1.5k": a figure with its multiplier glued on, no word to match."""
    found = _GLUED_MULTIPLIER.fullmatch(word)
    return found is not None and found[2] in lx.MULTIPLIERS


def number_words(text: str, language: str) -> list[str]:
    """The question's words as numbers are read in them: a written number whole ("1,5" is
    1.5, "1,500" is 1500), numbers spelt out as digits ("deux cents" is 200, "twelve" 12)."""
    return _spelt_as_digits([_plain(t) for t in _TOKEN.findall(fold(text))], language)


def _plain(token: str) -> str:
    """A written number in the form float() reads, its glued letters kept ("1,5k" -> "1.5k")."""
    number = _WRITTEN_NUMBER.match(token)
    if number is None:
        return token
    *whole, last = re.split(r"[.,]", number[0])
    decimal = bool(whole) and len(last) != 3  # its last part is no thousands group
    digits = "".join(whole) + "." + last if decimal else "".join([*whole, last])
    return digits + token[number.end() :]


def _spelt_as_digits(words: list[str], language: str) -> list[str]:
    read, i = [], 0
    while i < len(words):
        if words[i] in lx.ROUND_NUMBERS:  # "une vingtaine", "a dozen": about that many
            read.append(str(lx.ROUND_NUMBERS[words[i]]))
            i += 1
            continue
        found = _longest_spelt(tuple(words[i : i + SPELT_RUN]), language)
        if found is None:
            read.append(words[i])
            i += 1
        else:
            value, size = found
            read.append(str(value))
            i += size
    return read


@lru_cache(maxsize=4096)
def _longest_spelt(words: tuple[str, ...], language: str) -> tuple[int, int] | None:
    """The number spelt by the longest run of `words` from the first, and the run's length;
    a multiplier word alone ("millions") is left to multiply the number before it."""
    if not words or not words[0].isalpha():
        return None
    for size in range(len(words), 0, -1):
        try:
            value = text2num(" ".join(words[:size]), language)
        except ValueError:
            continue
        counted = words[size : size + 1] and words[size] in lx.COUNTED_NOUNS  # "five years"
        small = value < SPELT_ALONE_FROM and not counted
        alone = size == 1 and (words[0] in lx.MULTIPLIERS or small)
        return None if alone else (value, size)
    return None


def read_number(words: list[str], start: int) -> tuple[float, int] | None:
    """The number starting at `start` ("2 000", "1.5 milliard", "200 millions") and the index
    after it (the multiplier word is not passed)."""
    glued = _GLUED_MULTIPLIER.fullmatch(words[start]) if start < len(words) else None
    if glued and glued[2] in lx.MULTIPLIERS:  # "12k", "200m"
        return float(glued[1]) * lx.MULTIPLIERS[glued[2]], start + 1
    if start < len(words) and _DECIMAL.fullmatch(words[start]):
        multiplier = lx.MULTIPLIERS.get(words[start + 1], 1) if start + 1 < len(words) else 1
        return float(words[start]) * multiplier, start + 1
    digits: list[str] = []
    end = start
    while end < len(words) and words[end].isdecimal() and (not digits or len(words[end]) == 3):
        digits.append(words[end])
        end += 1
    if not digits:
        return None
    multiplier = lx.MULTIPLIERS.get(words[end], 1) if end < len(words) else 1
    return float("".join(digits)) * multiplier, end


def all_numbers(words: list[str]) -> tuple[float, ...]:
    """Every number in `words` (see number_words), "1 200" and "200 millions" read whole."""
    found, i = [], 0
    while i < len(words):
        read = read_number(words, i)
        if read is None:
            i += 1
            continue
        found.append(read[0])
        i = read[1]
    return tuple(found)


def comparisons(words: list[str]) -> tuple[tuple[str, float], ...]:
    """Each "more than / moins de N [million]" in `words` (see number_words), as
    (operator, value)."""
    found = []
    for i in range(len(words) - 1):
        pair = f"{words[i]} {words[i + 1]}"
        if pair in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[pair], i + 2
        elif words[i] in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[words[i]], i + 1
        else:
            continue
        while start < len(words) and words[start] in _INVERSION:
            start += 1  # "dépasse-t-elle 50 millions"
        read = read_number(words, start)
        if read is not None:
            found.append((operator, read[0]))
    return tuple(found)


_INVERSION = lx.FR_INVERSION_PRONOUNS | {"t"}
_DAY = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?")


def days(words: list[str]) -> frozenset[int]:
    """The days of the month written beside a month name: "le 21 juin", "June 21st"."""
    found = set()
    for i, word in enumerate(words):
        if word not in lx.MONTHS:
            continue
        for neighbour in (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""):
            day = _DAY.fullmatch(neighbour)
            if day and 1 <= int(day[1]) <= 31:
                found.add(int(day[1]))
    return frozenset(found)


def day_beside(words: list[str], i: int) -> int | None:
    """The day of the month at word i: "July 11", "11 juillet", "le 1er juillet"."""
    for j in (i + 1, i - 1):
        if 0 <= j < len(words):
            digits = (
                words[j][:-2] if words[j].endswith(("er", "st", "nd", "rd", "th")) else words[j]
            )
            if digits.isdecimal() and 1 <= int(digits) <= 31 and len(digits) <= 2:
                return int(digits)
    return None
