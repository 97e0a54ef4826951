"""Numbers, comparisons and dates stated in a question's words."""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx

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


_GLUED_MULTIPLIER = re.compile(r"(\d+)([a-z]+)")


def read_number(words: list[str], start: int) -> tuple[float, int] | None:
    """The number starting at `start` ("2 000", "200 millions") and the index after it."""
    glued = _GLUED_MULTIPLIER.fullmatch(words[start]) if start < len(words) else None
    if glued and glued[2] in lx.MULTIPLIERS:  # "12k", "200m"
        return float(glued[1]) * lx.MULTIPLIERS[glued[2]], start + 1
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
    """Every number the question states, "1 200" and "200 millions" read whole."""
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
    """Each "more than / moins de N [million]" in the question, as (operator, value)."""
    found = []
    for i in range(len(words) - 1):
        pair = f"{words[i]} {words[i + 1]}"
        if pair in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[pair], i + 2
        elif words[i] in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[words[i]], i + 1
        else:
            continue
        read = read_number(words, start)
        if read is not None:
            found.append((operator, read[0]))
    return tuple(found)


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
