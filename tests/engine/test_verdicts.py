"""Yes/no verdicts across every move, lead and criticism fact of the base, in both languages.

The questions are generated from the facts themselves, so that every fact the base grows is
checked the same way: what a fact states in the asked direction is a Yes (or "not confirmed"
when the fact is only reported), and nothing else may be a Yes — not the same relation with
someone or somewhere else, not the relation the other way round, not "still there" after the
person moved away.
"""

from __future__ import annotations

import pytest

from bot.engine import Engine, State
from bot.engine.factindex import orient
from bot.engine.families.verdicts import hedged
from bot.engine.replies import Replies
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.text import fold

ASK = {
    "join": {"en": "Did {a} join {b}?", "fr": "Est-ce que {a} a rejoint {b} ?"},
    # A statement handed over to be confirmed asks the same.
    "join_tag": {"en": "so {a} joined {b}, right?", "fr": "{a} a rejoint {b}, c'est ça ?"},
    "still": {"en": "Is {a} still at {b}?", "fr": "Est-ce que {a} est toujours chez {b} ?"},
    "lead": {"en": "Does {a} lead {b}?", "fr": "Est-ce que {a} dirige {b} ?"},
    "criticise": {"en": "Did {a} criticise {b}?", "fr": "Est-ce que {a} a critiqué {b} ?"},
}
VERDICT_WORDS = {
    "yes": {"en": "yes", "fr": "oui"},
    "no": {"en": "no", "fr": "non"},
    "hedged": {"en": "not confirmed", "fr": "pas confirme"},
}
LANGUAGES = ("en", "fr")


def verdict(engine: Engine, question: str, language: str) -> str:
    """'yes', 'no', 'hedged' or 'other', read from the answer's first words."""
    text = fold(engine.answer(question, State(language=language))[0].text)
    for name, words in VERDICT_WORDS.items():
        word = words[language]
        if text.startswith(word) and not text[len(word) : len(word) + 1].isalnum():
            return name
    return "other"


def name(base: KnowledgeBase, entity_id: str, language: str) -> str:
    return base.entities[entity_id].name.get(language)


def is_person(base: KnowledgeBase, entity_id: str | None) -> bool:
    return entity_id is not None and base.entities[entity_id].type == "person"


def is_company(base: KnowledgeBase, entity_id: str | None) -> bool:
    return entity_id is not None and base.entities[entity_id].type == "organization"


def person_moves(base: KnowledgeBase) -> list[Fact]:
    return [
        f
        for f in base.facts
        if f.type in ft.MOVE_FACT_TYPES
        and is_person(base, orient(f).mover)
        and is_company(base, orient(f).dest)
    ]


def related(base: KnowledgeBase, a: str | None, b: str) -> bool:
    """Same entity, or one part of the other."""

    def chain(entity_id: str | None) -> set[str]:
        found = set()
        while entity_id and entity_id not in found:
            found.add(entity_id)
            entity_id = base.entities[entity_id].part_of
        return found

    return a is not None and (a in chain(b) or b in chain(a))


def test_the_base_has_facts_of_every_checked_kind(base: KnowledgeBase) -> None:
    assert person_moves(base)
    assert [f for f in base.facts if f.type == "leads"]
    assert [f for f in base.facts if f.type == "criticism" and f.object]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_stated_move_is_a_yes(engine: Engine, base: KnowledgeBase, language: str) -> None:
    wrong = []
    for fact in person_moves(base):
        move = orient(fact)
        expected = "hedged" if hedged(fact) else "yes"
        for form in ("join", "join_tag"):
            question = ASK[form][language].format(
                a=name(base, move.mover, language), b=name(base, move.dest, language)
            )
            if (got := verdict(engine, question, language)) != expected:
                wrong.append(f"{question} -> {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_move_to_a_company_never_named_with_the_person_is_never_a_yes(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    wrong = []
    companies = [e for e in base.entities if is_company(base, e)]
    for fact in person_moves(base):
        mover = orient(fact).mover
        own = [f for f in base.facts if mover in f.participants()]
        for company in companies:
            if any(related(base, p, company) for f in own for p in f.participants()):
                continue
            question = ASK["join"][language].format(
                a=name(base, mover, language), b=name(base, company, language)
            )
            if verdict(engine, question, language) == "yes":
                wrong.append(question)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_still_at_the_company_a_person_last_left_is_a_no(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    wrong = []
    moves = person_moves(base)
    for fact in moves:
        move = orient(fact)
        left_since = any(
            orient(other).mover == move.mover and other is not fact and orient(other).source
            and related(base, orient(other).source, move.dest)
            for other in moves
        )  # fmt: skip
        if not is_company(base, move.source) or left_since:
            continue
        question = ASK["still"][language].format(
            a=name(base, move.mover, language), b=name(base, move.source, language)
        )
        if (got := verdict(engine, question, language)) != "no":
            wrong.append(f"{question} -> {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_who_leads_what(engine: Engine, base: KnowledgeBase, language: str) -> None:
    wrong = []
    leads = [f for f in base.facts if f.type == "leads" and f.tense != "past" and f.object]
    people = [e for e in base.entities if is_person(base, e)]
    for fact in leads:
        team = name(base, fact.object, language)
        question = ASK["lead"][language].format(a=name(base, fact.subject, language), b=team)
        if (got := verdict(engine, question, language)) not in ("yes", "hedged"):
            wrong.append(f"{question} -> {got}")
        for other in people:
            if any(f.type == "leads" and f.subject == other for f in base.facts):
                continue  # a leader of something else: covered by the question above
            question = ASK["lead"][language].format(a=name(base, other, language), b=team)
            if verdict(engine, question, language) == "yes":
                wrong.append(f"{question} -> yes")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_criticism_has_a_direction(engine: Engine, base: KnowledgeBase, language: str) -> None:
    wrong = []
    for fact in (f for f in base.facts if f.type == "criticism" and f.object):
        critic, target = name(base, fact.subject, language), name(base, fact.object, language)
        question = ASK["criticise"][language].format(a=critic, b=target)
        if (got := verdict(engine, question, language)) not in ("yes", "hedged"):
            wrong.append(f"{question} -> {got}")
        reverse = ASK["criticise"][language].format(a=target, b=critic)
        if verdict(engine, reverse, language) == "yes":
            wrong.append(f"{reverse} -> yes")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unattributed_criticism_is_nobodys(
    engine: Engine, base: KnowledgeBase, language: str
) -> None:
    wrong = []
    for fact in (f for f in base.facts if f.type == "criticised" and not f.object):
        target = base.entities[fact.subject]
        owners = {target.part_of} - {None}
        for owner in owners:
            for other in fact.about:
                if other in owners or not is_company(base, other):
                    continue
                question = ASK["criticise"][language].format(
                    a=name(base, owner, language), b=name(base, other, language)
                )
                if verdict(engine, question, language) == "yes":
                    wrong.append(question)
    assert not wrong, "\n".join(wrong)


def test_the_order_of_two_dated_moves_settles_before_and_after(
    engine: Engine, base: KnowledgeBase
) -> None:
    dated = [
        f
        for f in person_moves(base)
        if f.when is not None and f.when.month is not None and f.when.year is None
    ]
    pairs = [
        (a, b) for a in dated for b in dated if a is not b and orient(a).dest == orient(b).dest
    ]
    assert pairs, "the base has two people moving to one place in known months"
    wrong = []
    for a, b in pairs:
        if a.when.month == b.when.month:
            continue
        question = (
            f"Did {name(base, orient(a).mover, 'en')} join {name(base, orient(a).dest, 'en')} "
            f"before {name(base, orient(b).mover, 'en')}?"
        )
        expected = "yes" if a.when.month < b.when.month else "no"
        if (got := verdict(engine, question, "en")) != expected:
            wrong.append(f"{question} -> {got}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_the_order_of_two_moves_to_different_places_is_told_by_their_months(
    engine: Engine, base: KnowledgeBase
) -> None:
    """ "Was A hired before B joined X?", X being B's destination alone: the months say it,
    and the same month (or another year) says nothing; never a No for A not joining X."""
    dated = [f for f in person_moves(base) if f.when is not None and f.when.month is not None]
    pairs = [
        (a, b)
        for a in dated
        for b in dated
        if orient(a).mover != orient(b).mover and orient(a).dest != orient(b).dest
    ]
    assert pairs, "the base has two people moving to two places in known months"
    wrong = []
    for a, b in pairs:
        if sum(orient(m).mover == orient(a).mover for m in dated) > 1:
            continue  # which of A's moves is asked is not said
        first, second = name(base, orient(a).mover, "en"), name(base, orient(b).mover, "en")
        question = f"Was {first} hired before {second} joined {name(base, orient(b).dest, 'en')}?"
        settled = a.when.month != b.when.month and a.when.year == b.when.year
        expected = ("yes" if a.when.month < b.when.month else "no") if settled else None
        got = verdict(engine, question, "en")
        if got != expected and (expected or got in ("yes", "no")):
            wrong.append(f"{question} -> {got}, expected {expected or 'neither yes nor no'}")
    assert not wrong, "\n".join(wrong)


def test_a_move_asked_the_other_way_round_is_a_no_that_says_where_they_came_from(
    engine: Engine, base: KnowledgeBase
) -> None:
    """ "Did P come to A from B?" when P left A for B and had come to A from C: No, and the
    reply names C."""
    moves = [f for f in person_moves(base) if is_company(base, orient(f).source)]
    pairs = [
        (away, into)
        for away in moves
        for into in moves
        if orient(away).mover == orient(into).mover
        and orient(away).source == orient(into).dest
        and orient(into).source not in (None, orient(away).dest)
    ]
    assert pairs, "the base has someone who came to a company from one and left it for another"
    wrong = []
    for away, into in pairs:
        who, there = name(base, orient(away).mover, "en"), name(base, orient(away).source, "en")
        question = f"Did {who} come to {there} from {name(base, orient(away).dest, 'en')}?"
        answer = engine.answer(question, State(language="en"))[0].text
        came_from = name(base, orient(into).source, "en")
        if verdict(engine, question, "en") != "no" or came_from not in answer:
            wrong.append(f"{question} -> {answer[:80]}")
    assert not wrong, "\n".join(wrong)


def test_which_of_two_came_later_is_named_from_the_months(
    engine: Engine, base: KnowledgeBase
) -> None:
    dated = [f for f in person_moves(base) if f.when is not None and f.when.month is not None]
    pairs = [
        (a, b)
        for a in dated
        for b in dated
        if a is not b and orient(a).dest == orient(b).dest and a.when.month < b.when.month
        and a.when.year == b.when.year and orient(a).mover != orient(b).mover
    ]  # fmt: skip
    assert pairs, "the base has two people moving to one place in different months"
    wrong = []
    for a, b in pairs:
        first, second = name(base, orient(a).mover, "en"), name(base, orient(b).mover, "en")
        place = name(base, orient(a).dest, "en")
        for question, expected in (
            (f"{first} vs {second}, who joined {place} later?", second),
            (f"{second} ou {first}, qui a rejoint {place} plus tôt ?", first),
        ):
            text = engine.answer(question)[0].text
            if not text.startswith(expected):
                wrong.append(f"{question} -> {text[:60]}")
    assert not wrong, "\n".join(wrong)


def test_where_someone_came_from_is_before_where_they_went(
    engine: Engine, base: KnowledgeBase
) -> None:
    moves = [f for f in person_moves(base) if is_company(base, orient(f).source)]
    assert moves, "the base has a person moving from one company to another"
    wrong = []
    for fact in moves:
        move = orient(fact)
        who = name(base, move.mover, "en")
        src, dest = name(base, move.source, "en"), name(base, move.dest, "en")
        for question, expected in (
            (f"Was {who} at {src} before or after {dest}?", "before"),
            (f"{who} était chez {dest} avant ou après {src} ?", "apres"),
        ):
            if not (got := fold(engine.answer(question)[0].text)).startswith(expected):
                wrong.append(f"{question} -> {got[:60]}")
    assert not wrong, "\n".join(wrong)


def test_the_order_of_a_dated_move_and_an_undated_one_is_not_settled(
    engine: Engine, base: KnowledgeBase
) -> None:
    """ "Was A hired before B?" when only A's move has a date: neither Yes nor No (the other
    person is no place A could have gone to instead)."""
    moves = person_moves(base)
    dated = [f for f in moves if f.when is not None and f.when.month is not None]
    undated = [f for f in moves if f.when is None or f.when.month is None]
    pairs = [(a, b) for a in dated for b in undated if orient(a).mover != orient(b).mover]
    assert pairs, "the base has a dated and an undated move of two people"
    wrong = []
    for a, b in pairs:
        first, second = name(base, orient(a).mover, "en"), name(base, orient(b).mover, "en")
        for question in (
            f"Was {first} hired before {second}?",
            f"{first} joined after {second}, right?",
        ):
            if (got := verdict(engine, question, "en")) in ("yes", "no"):
                wrong.append(f"{question} -> {got}")
    assert not wrong, "\n".join(wrong)


def test_someone_who_said_nothing_is_not_quoted(engine: Engine, base: KnowledgeBase) -> None:
    speakers = {f.subject for f in base.facts if f.type in ft.STANCE_FACT_TYPES}
    silent = [
        e
        for e in base.entities
        if is_person(base, e) and e not in speakers
        and any(f.type in ft.STANCE_FACT_TYPES and e in f.about for f in base.facts)
    ]  # fmt: skip
    assert silent, "the base names someone whose words it does not report"
    for person in silent:
        for language, question in (("en", "What did {} say?"), ("fr", "Qu'a dit {} ?")):
            who = name(base, person, language)
            answer, _ = engine.answer(question.format(who))
            said = f"{Replies.not_quoted(who, language)}."
            assert answer.kind == "unknown" or answer.text.startswith(said), answer.text
