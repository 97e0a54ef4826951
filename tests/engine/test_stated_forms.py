"""Yes/no questions asked as statements, plans and counts, generated from the base's facts.

Every verdict expected here is read off the fact's own slots by the test: a negative statement
handed over to be confirmed ("X never joined Y, right?") is a No when the fact states the move;
a plan asked of a move the articles tell as done is not a Yes; a count below a fact's lower
bound is a No, one above it is not a Yes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import pytest

from bot.engine import Engine
from bot.engine.factindex import orient
from bot.engine.families.verdicts import hedged
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from tests.engine.test_verdicts import LANGUAGES, is_company, name, person_moves, verdict

DENIED = {
    "en": ("so {a} never joined {b}, right?", "{a} did not join {b}?", "{a} never joined {b}?"),
    "fr": (
        "{a} n'a jamais rejoint {b}, c'est ça ?",
        "{a} n'a pas rejoint {b} ?",
        "si j'ai bien compris, {a} n'a jamais rejoint {b}",
    ),
}
PLANNED = {
    "en": ("Is {b} planning to hire {a}?", "Will {b} hire {a}?", "Is {b} going to hire {a}?"),
    "fr": ("Est-ce que {b} prévoit de recruter {a} ?", "{b} va recruter {a} ?"),
}
MIN_COUNT = 4  # half of it is still a count of people
COUNTED = {
    "en": "Did {a} hire {n} {unit} from {b}?",
    "fr": "Est-ce que {a} a recruté {n} {unit} de {b} ?",
}


def assert_verdicts(
    engine: Engine, language: str, asked: Iterable[tuple[str, Collection[str]]]
) -> None:
    """Each question gets one of its allowed verdicts, read off the reply's first words."""
    wrong = [
        f"{question} -> {got}, expected {sorted(allowed)}"
        for question, allowed in asked
        if (got := verdict(engine, question, language)) not in allowed
    ]
    assert not wrong, "\n".join(wrong)


def counted_hires(base: KnowledgeBase) -> list[Fact]:
    """Hires of a number of people from a named company, the number given as a lower bound or
    exactly."""
    return [
        f
        for f in base.facts
        if f.type in ft.MOVE_FACT_TYPES
        and f.quantity is not None
        and f.quantity.value is not None
        and f.quantity.value >= MIN_COUNT
        and f.quantity.qualifier in ("more_than", "at_least", "exact")
        and is_company(base, f.subject)
        and is_company(base, f.source)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_negative_statement_of_a_stated_move_is_a_no(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    asked = [
        (
            form.format(a=name(base, m.mover, language), b=name(base, m.dest, language)),
            {"hedged" if hedged(fact) else "no"},
        )
        for fact in person_moves(base)
        if (m := orient(fact))
        for form in DENIED[language]
    ]
    assert_verdicts(engine, language, asked)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_plan_is_not_confirmed_by_a_move_already_made(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    asked = [
        (
            form.format(a=name(base, m.mover, language), b=name(base, m.dest, language)),
            {"hedged", "other"},  # neither a Yes nor a No
        )
        for fact in person_moves(base)
        if fact.tense != "future"  # a move the article tells as to come: a plan may be a Yes
        and (m := orient(fact))
        for form in PLANNED[language]
    ]
    assert_verdicts(engine, language, asked)


def test_the_base_has_counted_hires(base: KnowledgeBase) -> None:
    assert counted_hires(base)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_below_the_stated_one_is_a_no(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    asked = []
    for fact in counted_hires(base):
        assert fact.quantity is not None and fact.quantity.value is not None
        unit = fact.quantity.unit.get(language) if fact.quantity.unit else ""
        below = int(fact.quantity.value) // 2
        above = int(fact.quantity.value) * 3
        exact = fact.quantity.qualifier == "exact"
        for n, allowed in ((below, {"no"}), (above, {"no"} if exact else {"hedged", "other"})):
            if hedged(fact):
                allowed = {"hedged"}
            question = COUNTED[language].format(
                a=name(base, fact.subject, language),
                n=n,
                unit=unit,
                b=name(base, fact.source, language),
            )
            asked.append((question, allowed))
    assert_verdicts(engine, language, asked)


SPOKE = {
    "en": ("Did {a} say anything?", "Has {a} commented?", "Did {a} say something about it?"),
    "fr": ("Est-ce que {a} a dit quelque chose ?", "{a} a fait un commentaire ?"),
}
SILENT = {
    "en": ("So {a} said nothing, right?", "{a} never commented?"),
    "fr": ("{a} n'a rien dit ?", "{a} n'a fait aucun commentaire, c'est ça ?"),
}


def speakers(base: KnowledgeBase) -> set[str]:
    """Who the articles quote or report as saying something, plainly."""
    return {
        f.subject
        for f in base.facts
        if f.type in ("statement", "criticism") and f.subject and not hedged(f)
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_whether_someone_spoke_is_settled_by_what_they_said_whatever_its_wording(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    assert speakers(base)
    asked = [
        (form.format(a=name(base, speaker, language)), expected)
        for speaker in sorted(speakers(base))
        for forms, expected in ((SPOKE, {"yes"}), (SILENT, {"no"}))
        for form in forms[language]
    ]
    assert_verdicts(engine, language, asked)


HOW_MANY_HIRED = {
    "en": "How many people did {a} hire?",
    "fr": "Combien de personnes {a} a recrutées ?",
}


def figure_words(value: float, language: str) -> set[str]:
    """How a reply may write the figure: "1,200", "1 200", "1200"."""
    whole = int(value)
    separator = "," if language == "en" else "\u202f"
    return {str(whole), f"{whole:,}".replace(",", separator), f"{whole:,}".replace(",", " ")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_many_a_company_hired_is_counted_by_its_hires_not_its_staff(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    hirers = {f.subject for f in counted_hires(base)}
    assert hirers
    wrong = []
    for company in sorted(hirers):
        hires = [f for f in counted_hires(base) if f.subject == company]
        staff = [
            f
            for f in base.facts
            if f.type == "count" and f.subject == company and f.quantity is not None
        ]
        question = HOW_MANY_HIRED[language].format(a=name(base, company, language))
        text = engine.answer(question)[0].text.split("\n")[0]
        said_hires = any(
            w in text
            for f in hires
            if f.quantity
            for w in figure_words(f.quantity.value or 0, language)
        )
        said_staff = any(
            w in text
            for f in staff
            if f.quantity
            for w in figure_words(f.quantity.value or 0, language)
        )
        if not said_hires or said_staff:
            wrong.append(f"{question} -> {text!r}")
    assert not wrong, "\n".join(wrong)


WHAT_YEAR = {"en": "What year did {a} join {b}?", "fr": "En quelle année {a} a rejoint {b} ?"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_year_asked_is_given_or_said_to_be_missing(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    wrong = []
    for fact in person_moves(base):
        move = orient(fact)
        question = WHAT_YEAR[language].format(
            a=name(base, move.mover, language), b=name(base, move.dest, language)
        )
        answer = engine.answer(question)[0]
        year = fact.when.year if fact.when else None
        if year is not None and str(year) not in answer.text:
            wrong.append(f"{question} -> {answer.text[:80]!r}, expected {year}")
        if year is None and answer.kind == "answer":
            wrong.append(f"{question} -> {answer.text[:80]!r}, answered without a year")
    assert not wrong, "\n".join(wrong)


REVERSED = {"en": "Did {a} leave {b} for {c}?", "fr": "Est-ce que {a} a quitté {b} pour {c} ?"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_move_asked_the_other_way_round_is_a_no(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    moves = [m for m in person_moves(base) if is_company(base, orient(m).source)]
    assert moves
    ends = {(orient(m).mover, orient(m).source, orient(m).dest) for m in person_moves(base)}
    asked = [
        (
            REVERSED[language].format(
                a=name(base, m.mover, language),
                b=name(base, m.dest, language),
                c=name(base, m.source, language),
            ),
            {"no", "hedged" if hedged(fact) else "no"},
        )
        for fact in moves
        if (m := orient(fact))
        and (m.mover, m.dest, m.source) not in ends  # a way back is stated too
    ]
    assert_verdicts(engine, language, asked)


SPENT = {
    "en": "Did {a} spend more than {n} years at {b} before {c}?",
    "fr": "Est-ce que {a} a passé plus de {n} ans chez {b} avant {c} ?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_time_spent_somewhere_before_the_next_employer_is_a_duration(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    """ "Spent … years": time, not money; the next employer only places the time asked."""
    asked = []
    for fact in base.facts:
        if fact.type != "duration" or not fact.quantity or fact.quantity.qualifier != "more_than":
            continue
        for move in person_moves(base):
            sides = orient(move)
            if sides.mover == fact.subject and sides.source == fact.object:
                asked.append((fact, sides.dest))
    assert asked
    questions = [
        SPENT[language].format(
            a=name(base, fact.subject, language),
            n=int(fact.quantity.value or 0),
            b=name(base, fact.object, language),
            c=name(base, after, language),
        )
        for fact, after in asked
        if fact.quantity
    ]
    assert_verdicts(engine, language, [(q, {"yes"}) for q in questions])


PAST_ROLE = {
    "en": "Did {a} work as {r} at {b}?",
    "fr": "{a} a-t-il été {r} chez {b} ?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_former_role_asked_of_the_past_is_a_yes(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    roles = [
        f
        for f in base.facts
        if f.type == "role" and f.tense == "past" and is_company(base, f.object)
    ]
    assert roles
    asked = [
        (
            PAST_ROLE[language].format(
                a=name(base, fact.subject, language),
                b=name(base, fact.object, language),
                r=fact.role.get(language),
            ),
            {"hedged" if hedged(fact) else "yes"},
        )
        for fact in roles
        if fact.role is not None
    ]
    assert_verdicts(engine, language, asked)


HIRED_FROM = {
    "en": "Did {a} hire people from {b}?",
    "fr": "Est-ce que {a} a recruté des gens de {b} ?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_company_hire_asked_the_other_way_round_is_a_no(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    hires = [
        f
        for f in base.facts
        if f.type in ft.MOVE_FACT_TYPES
        and is_company(base, f.subject)
        and is_company(base, f.source)
    ]
    assert hires
    pairs = {(f.subject, f.source) for f in hires} | {
        (orient(f).dest, orient(f).source) for f in person_moves(base)
    }
    asked = [
        (
            HIRED_FROM[language].format(
                a=name(base, fact.source, language), b=name(base, fact.subject, language)
            ),
            {"no"},
        )
        for fact in hires
        if (fact.source, fact.subject) not in pairs  # both ways are stated
    ]
    assert_verdicts(engine, language, asked)


A_FEW_ASKED = {"en": "Did {a} hire 40 {unit}?", "fr": "Est-ce que {a} a recruté 40 {unit} ?"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_forty_is_not_a_few(engine: Engine, base: KnowledgeBase, language: str) -> None:
    few = [
        f
        for f in base.facts
        if f.type in ft.MOVE_FACT_TYPES
        and f.quantity is not None
        and f.quantity.value is None
        and f.quantity.qualifier == "some"
        and is_company(base, f.subject)
    ]
    assert few
    asked = [
        (
            A_FEW_ASKED[language].format(
                a=name(base, fact.subject, language), unit=fact.quantity.unit.get(language)
            ),
            {"no"},
        )
        for fact in few
        if fact.quantity is not None
    ]
    assert_verdicts(engine, language, asked)


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}  # fmt: skip
ANYONE = {"en": "Did anyone join {b} in {m}?", "fr": "Quelqu'un a-t-il rejoint {b} en {m} ?"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_month_asked_quotes_the_move_of_that_month(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    dated = [m for m in person_moves(base) if m.when and m.when.month and not m.when.day]
    assert dated
    wrong = []
    for fact in dated:
        move = orient(fact)
        assert fact.when is not None and fact.when.month is not None
        others = [
            orient(m).mover
            for m in dated
            if orient(m).dest == move.dest and m.when and m.when.month != fact.when.month
        ]
        question = ANYONE[language].format(
            b=name(base, move.dest, language), m=MONTHS[language][fact.when.month - 1]
        )
        text = engine.answer(question)[0].text
        first = text.split("\n")[1] if "\n" in text else text
        if name(base, move.mover, language) not in text or any(
            name(base, o, language) in first for o in others
        ):
            wrong.append(f"{question} -> {text[:100]!r}")
    assert not wrong, "\n".join(wrong)


GROUP_PAY = {
    "en": "How much does {a} pay its engineers?",
    "fr": "Combien {a} paie ses ingénieurs ?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_persons_package_is_not_what_a_company_pays_a_group(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    """The question counts no one but a kind of people; a package paid to one person named in
    the fact, not in the question, is not the answer."""
    packages = [
        f
        for f in base.facts
        if f.type == "amount"
        and is_company(base, f.subject)
        and f.object
        and base.entities[f.object].type == "person"
        and f.amount is not None
    ]
    assert packages
    wrong = []
    for fact in packages:
        question = GROUP_PAY[language].format(a=name(base, fact.subject, language))
        answer = engine.answer(question)[0]
        figure = str(int((fact.amount.value or 0) / 1_000_000)) if fact.amount else ""
        if answer.kind == "answer" and figure in answer.text:
            wrong.append(f"{question} -> {answer.text[:80]!r}")
    assert not wrong, "\n".join(wrong)
