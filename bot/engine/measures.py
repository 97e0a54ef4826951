"""What a question states (a month, a year, "more than 2,000") held against what a fact states."""

from __future__ import annotations

from bot.engine.factindex import stems
from bot.kb import Fact
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query
from bot.text import normalize


def date_agrees(fact: Fact, query: Query) -> bool | None:
    """Whether the fact's date fits the day, month or year the question names: None when the
    question names none, or the fact's date is not that precise ("this week" vs "in June",
    "in June" vs "on 21 June")."""
    verdicts = []
    when = fact.when
    if query.since and (query.months or query.years):
        # "Since January?": only a span opening then is that date; a dated event inside or
        # outside the span neither confirms nor contradicts it.
        if when is None or not when.since:
            return None
        # A span opening at another date overlaps the asked one: it settles nothing either.
        month_ok = not query.months or when.month in query.months
        year_ok = not query.years or when.year is None or when.year in query.years
        return True if month_ok and year_ok else None
    if query.days:
        day = when.day if when and not when.since else None
        verdicts.append(None if day is None else day in query.days)
    if query.months:
        month = when.month if when and not when.since else None
        verdicts.append(None if month is None else month in query.months)
    if query.years:
        year = when.year if when else None
        verdicts.append(None if year is None else year in query.years)
    if False in verdicts:
        return False
    return True if verdicts and all(verdicts) else None


def asked_numbers(query: Query) -> list[float]:
    """The counts and amounts the question states: not its years, not its days of the month."""
    return [n for n in query.numbers if int(n) not in query.years and n not in query.days]


def states_number(fact: Fact, numbers: tuple[float, ...]) -> bool:
    """Whether the fact's count or amount is one of `numbers` (years are not counts)."""
    measure = fact.amount or fact.quantity
    return measure is not None and measure.value is not None and measure.value in numbers


def compare_numbers(facts: list[Fact], query: Query) -> str | None:
    """'yes' or 'no' when the first fact with a number settles the question's comparison."""
    for fact in facts:
        measure = fact.amount or fact.quantity
        if measure is None or measure.value is None:
            continue
        for operator, asked in query.comparisons:
            verdict = _compare(measure.value, measure.qualifier, operator, asked)
            if verdict is not None:
                return verdict
    return None


def _compare(value: float, qualifier: str, operator: str, asked: float) -> str | None:
    """Does "<qualifier> value" satisfy "<operator> asked"? None when it cannot tell."""
    lower_bound_only = qualifier in ("more_than", "at_least")
    if operator == "==":
        return _exactly(value, qualifier, asked)
    if operator in (">", ">="):
        if value > asked or (value == asked and (operator == ">=" or qualifier == "more_than")):
            return "yes"
        return None if lower_bound_only else "no"
    if lower_bound_only:
        return "no" if value >= asked else None
    return "yes" if value < asked else "no"


def _exactly(value: float, qualifier: str, asked: float) -> str | None:
    """ "Exactly N?": only an exact figure says yes; "about" or "nearly" N, and a bound that
    N lies within, leave it open; a figure far from N, or a bound N lies outside, say no."""
    if qualifier == "exact":
        return "yes" if value == asked else "no"
    if qualifier in ("more_than", "at_least"):
        outside = asked < value or (asked == value and qualifier == "more_than")
        return "no" if outside else None
    gap = abs(value - asked) / max(abs(value), 1.0)
    return "no" if gap > 0.5 else None


def equals_number(facts: list[Fact], query: Query) -> str | None:
    """'yes' or 'no' when the question's one number ("12,000 employees?") meets the first
    fact with a count or amount: equal, or close to an "about"; 'no' below a lower bound."""
    asked = asked_numbers(query)
    if len(asked) != 1 or query.months:
        return None
    # "These 14 hires?": the fact stating that figure is the one asked about.
    stating = [f for f in facts if states_number(f, (asked[0],))]
    for fact in stating or facts:
        measure = fact.amount or fact.quantity
        if measure is not None and measure.value is None and measure.qualifier == "some":
            return "no" if asked[0] > A_FEW else None  # "40?" against "a few"
        if measure is None or measure.value is None:
            continue
        return _equals(measure.value, measure.qualifier, asked[0])
    return None


A_FEW = 10  # more than this is not "a few" ("quelques")


def _equals(value: float, qualifier: str, asked: float) -> str | None:
    gap = abs(value - asked) / max(abs(value), 1.0)
    if qualifier == "exact":
        return "yes" if value == asked else "no"
    if qualifier in ("about", "nearly"):
        if gap <= 0.1:
            return "yes"
        return "no" if gap > 0.5 else None
    if qualifier in ("at_least", "more_than"):
        # A total asked below the bound is contradicted by it ("10?" against "more than 20");
        # one above it is not settled.
        if asked == value:
            return "yes" if qualifier == "at_least" else None  # "20?" against "more than 20"
        return "no" if asked < value else None
    return None


# "Combien de dollars ?" asks a sum; "combien de salariés ?" a count, which no sum answers.
MONEY_NOUNS = frozenset("dollars euros argent millions milliards".split())
SUMS = frozenset({"amount", "valuation", "invest", "acquire"})  # relations a sum answers


def asks_money(query: Query) -> bool:
    """The figure asked is a sum: "combien de dollars", "how much did X pay", not a count."""
    words = list(query.words)
    at = next((i for i, w in enumerate(words) if w == "combien"), None)
    if at is not None and words[at + 1 : at + 2] in (["de"], ["d"]):
        return bool(words[at + 2 : at + 3]) and words[at + 2] in MONEY_NOUNS
    if "count" in query.relations:
        return False
    return query.qword == "how_much" or bool(query.relations & SUMS)


# What the lexicons read after "how many": staff, units of time, "other", "else".
_READ = lx.STAFF_NOUNS | lx.COUNTED_NOUNS | lx.OTHER_WORDS | lx.ADDITIVE_WORDS


def counted_noun(query: Query) -> str | None:
    """What the question counts, when it says it in a word of no lexicon ("documents",
    "users"): the noun right after "how many" or "combien de", or after the name of an
    entity there ("how many Zeta users"). Staff and units of time are the lexicons' to read."""
    words = list(query.words)
    named = {e.position for e in query.entities}
    for i, word in enumerate(words):
        many = word in lx.HOW and words[i + 1 : i + 2] and words[i + 1] in lx.HOW_MANY_TAIL
        combien = word in lx.COMBIEN and words[i + 1 : i + 2] in (["de"], ["d"])
        if many or combien:
            at = i + 2 + (i + 2 in named)
            noun = words[at] if at < len(words) else ""
            plain = noun in query.content and noun not in _READ and not lx.engine_word(noun)
            return noun if plain else None  # "how many other…", "combien d'années": read
    return None


def counts_it(fact: Fact, counted: str) -> bool:
    """The fact's count is of what the question counts, in either language ("users" for
    "users"); no sum counts "documents"."""
    if fact.quantity is None:
        return False
    unit = frozenset(normalize(f"{fact.quantity.unit.fr} {fact.quantity.unit.en}").split())
    return bool(stems([counted]) & stems(unit))  # in both languages: the unit is in both


def asks_organisations(query: Query) -> bool:
    """ "Which companies…", "quelles boîtes", "which VC firm": organisations asked for, a noun
    right after a question word or one word past it."""
    words = query.words
    return any(
        words[j] in lx.ORGANIZATION_NOUNS
        for i, w in enumerate(words)
        if w in lx.WHAT or w in lx.WHO
        for j in (i + 1, i + 2)
        if j < len(words)
    )
