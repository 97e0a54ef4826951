"""Dates, numbers, counts and amounts in a sentence, with their qualifiers, read with the
lexicons' months, comparators and multipliers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.nlu import lexicon as lx
from bot.nlu.numbers import read_number

if TYPE_CHECKING:
    from bot.curation.drafting import Reader

APPROX = {
    "about": "about", "environ": "about", "around": "about", "roughly": "about",
    "nearly": "nearly", "presque": "nearly", "pres": "nearly", "almost": "nearly",
}  # fmt: skip
COMPARATOR_QUALIFIER = {">": "more_than", ">=": "at_least"}
CURRENCY_WORDS = {"euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD"}


def when_of(reader: Reader) -> dict | None:
    words, when = reader.words, {}
    for i, w in enumerate(words):
        month = lx.MONTHS.get(w)
        if month and (len(w) > 3 or (i and (words[i - 1] in lx.DATE_LEADS))):
            when["month"] = month
            if i and words[i - 1] in ("depuis", "since"):
                when["since"] = True
    years = re.findall(r"\b(19\d\d|20\d\d)\b", reader.s.text)
    if years:
        when["year"] = int(years[0])
    return (
        dict(sorted(when.items(), key=lambda kv: ("year", "month", "since").index(kv[0]))) or None
    )


def numbers(reader: Reader) -> list[dict]:
    """Each number with its qualifier, and either a currency (an amount) or a unit (a count)."""
    words, found, i = reader.words, [], 0
    while i < len(words):
        read = read_number(words, i)
        if read is None or re.fullmatch(r"19\d\d|20\d\d", words[i]):
            i += 1
            continue
        value, end = read
        if end < len(words) and words[end] in lx.MULTIPLIERS:
            end += 1  # "80 millions": the multiplier is read, not yet passed
        value = int(value) if value == int(value) else value
        pair = " ".join(words[max(0, i - 2) : i])
        qualifier = COMPARATOR_QUALIFIER.get(lx.COMPARATORS.get(pair, ""), "exact")
        if qualifier == "exact" and i and words[i - 1] in APPROX:
            qualifier = APPROX[words[i - 1]]
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
        if currency is None and end < len(words) and words[end] not in ("%", "pour", "percent"):
            unit = reader.s.tokens[end].raw
        found.append({"at": i, "value": value, "qualifier": qualifier, "currency": currency,
                      "unit": unit})  # fmt: skip
        i = end
    return found
