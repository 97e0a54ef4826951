"""Dates, numbers, counts and amounts in a sentence, with their qualifiers, read with the
lexicons' months, comparators and multipliers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.curation.analysis import stop_words
from bot.nlu import lexicon as lx
from bot.nlu.numbers import day_beside, read_number

if TYPE_CHECKING:
    from bot.curation.reader import Reader

APPROX = {
    "about": "about", "environ": "about", "around": "about", "roughly": "about",
    "nearly": "nearly", "presque": "nearly", "pres": "nearly", "almost": "nearly",
}  # fmt: skip


def _triples(text: str) -> list[tuple[str, str, str]]:
    words = text.split()
    return [(words[k], words[k + 1], words[k + 2]) for k in range(0, len(words) - 2, 3)]


def _pairs(text: str) -> list[tuple[str, str]]:
    words = text.split()
    return [(words[k], words[k + 1]) for k in range(0, len(words) - 1, 2)]


COMPARATOR_QUALIFIER = {">": "more_than", ">=": "at_least"}
CURRENCY_WORDS = {"euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD"}
# Numbers articles write in words (the question parser reads digits only). A round noun
# ("une centaine", "dozens") is an approximate figure: (value, qualifier).
EXACT_WORDS = (
    "deux two 2 trois three 3 quatre four 4 cinq five 5 six six 6 sept seven 7 huit eight 8 "
    "neuf nine 9 dix ten 10 onze eleven 11 douze twelve 12 quinze fifteen 15 vingt twenty 20 "
    "trente thirty 30"
)
ROUND_WORDS = (
    "dizaine 10 douzaine 12 dozen 12 vingtaine 20 trentaine 30 cinquantaine 50 centaine 100 "
    "hundred 100 millier 1000 thousand 1000"
)
NUMBER_WORDS = {
    **{w: (int(n), "exact") for *ws, n in _triples(EXACT_WORDS) for w in ws},
    **{w: (int(n), "about") for w, n in _pairs(ROUND_WORDS)},
}
# Units of time a duration counts, FR and EN.
TIME_UNITS = frozenset("ans an annees annee years year mois months month semaines weeks".split())


ORDER = ("year", "month", "day", "since")


def _dated(words: list[str], i: int) -> bool:
    """The number is a day beside its month ("on 24 December", "le 3 mars"): a date."""
    return any(
        0 <= j < len(words) and lx.MONTHS.get(words[j]) is not None and day_beside(words, j)
        for j in (i - 1, i + 1)
    )


def _percent(reader: Reader, end: int) -> bool:
    """The number just read is a percentage: "%" or "percent" right after it."""
    after = reader.s.text[reader.s.tokens[end - 1].end :][:2].strip()[:1]
    return after == "%" or (end < len(reader.words) and reader.words[end] in PERCENT_WORDS)


PERCENT_WORDS = frozenset({"percent", "pourcent", "pct"})


def when_of(reader: Reader) -> dict | None:
    """The sentence's one date; None when it names none, or two months."""
    words, when = reader.words, dict[str, int | bool]()
    beside: int | None = None  # the year right after the month: "August 2, 2024", "mars 2024"
    for i, w in enumerate(words):
        month = lx.MONTHS.get(w)
        short_month_dated = i and (words[i - 1] in lx.DATE_LEADS or words[i - 1].isdigit())
        if month and (len(w) > 3 or short_month_dated):  # "le 21 mai", not "mai" the verb
            if when.get("month", month) != month:
                return None  # "announced on 21 May, closed on 9 July": whose date, it cannot tell
            when["month"] = month
            near = [x for x in words[i + 1 : i + 4] if re.fullmatch(r"19\d\d|20\d\d", x)]
            beside = int(near[0]) if near else beside
            if i and words[i - 1] in ("depuis", "since"):
                when["since"] = True
            day = day_beside(words, i)
            if day:
                when["day"] = day
    years = re.findall(r"\b(19\d\d|20\d\d)\b", reader.s.text)
    if years:
        when["year"] = beside or int(years[0])
    return dict(sorted(when.items(), key=lambda kv: ORDER.index(kv[0]))) or None


def numbers(reader: Reader) -> list[dict]:
    """Each number with its qualifier, and either a currency (an amount) or a unit (a count)."""
    words, found, i = reader.words, [], 0
    while i < len(words):
        read = read_number(words, i) or _number_word(words, i)
        if read is None or re.fullmatch(r"19\d\d|20\d\d", words[i]) or _dated(words, i):
            i += 1
            continue
        value, end = read[:2]
        if end < len(words) and words[end] in lx.MULTIPLIERS:
            end += 1  # "80 millions": the multiplier is read, not yet passed
        if end < len(words) and words[end] in lx.ROUND_NUMBERS:
            # "two dozen", "deux douzaines": that many round numbers, about
            value, end = value * lx.ROUND_NUMBERS[words[end]], end + 1
            read = (value, end, "about")
        value = int(value) if value == int(value) else value
        pair = " ".join(words[max(0, i - 2) : i])
        qualifier = COMPARATOR_QUALIFIER.get(lx.COMPARATORS.get(pair, ""), "exact")
        if qualifier == "exact" and len(read) > 2:
            qualifier = read[2]  # "une centaine": about 100
        if qualifier == "exact" and i and words[i - 1] in APPROX:
            qualifier = APPROX[words[i - 1]]
        near = i > 1 and words[i - 1] in ("de", "d") and words[i - 2] in APPROX
        if qualifier == "exact" and near:
            qualifier = APPROX[words[i - 2]]  # "près de neuf ans"
        if qualifier == "exact" and i and lx.COMPARATORS.get(words[i - 1]) in COMPARATOR_QUALIFIER:
            qualifier = COMPARATOR_QUALIFIER[lx.COMPARATORS[words[i - 1]]]
        rest = words[end : end + 2]
        raw_before = reader.s.text[max(0, reader.s.tokens[i].start - 2) : reader.s.tokens[i].start]
        currency = (
            "USD"
            if "$" in raw_before
            else "EUR"
            if "€" in reader.s.text[reader.s.tokens[end - 1].end :][:3]
            else None
        )
        currency = currency or next((CURRENCY_WORDS[w] for w in rest if w in CURRENCY_WORDS), None)
        unit = None
        partitive = False
        if end < len(words) and words[end] in ("d", "de", "of"):
            end += 1  # "une centaine d'ingénieurs", "hundreds of engineers"
            # "two of their leaders", "deux des chercheurs": some of a group, not a count of it
            partitive = end < len(words) and words[end] in _stop_words()
        if _percent(reader, end) and currency is None:
            i = end  # a share ("85% paid upfront"): neither a sum nor a count
            continue
        if currency is None and end < len(words) and words[end] not in ("%", "pour", "percent"):
            unit = None if partitive else reader.s.tokens[end].raw
        found.append({"at": i, "value": value, "qualifier": qualifier, "currency": currency,
                      "unit": unit})  # fmt: skip
        i = end
    return found


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return stop_words("en") | stop_words("fr")


def _number_word(words: list[str], i: int) -> tuple[float, int, str] | None:
    """A number written in words ("huit", "une centaine"), with its qualifier when round."""
    found = NUMBER_WORDS.get(words[i])
    if found is None:
        return None
    value, qualifier = found
    return float(value), i + 1, qualifier
