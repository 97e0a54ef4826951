"""Fail closed: a yes/no verdict only when a fact matches the whole question.

From every fact of the project's base and of the fixture bases (the invented third article,
the reviewed curation articles), `fact_probes` writes yes/no questions in both languages and
the verdict each must get, computed from the fact's slots (never by asking the engine): the
right detail, a wrong day, month, year, place, amount; a finer date than the fact gives; a
number beyond a bound; the roles inverted; a future or planned fact asked as done (tense), a
past one asked as present (no longer); the question negated, and doubly negated in French.
`python tests/support/fact_probes.py` prints the confidently wrong replies (a Yes or a No
contradicting the verdict) and the rates.

Today's engine fails part of them, so each family holds the rates measured today: a floor on
its pass rate, a ceiling on its confidently wrong rate. Raise the floors (lower the ceilings)
as the engine learns, and say so; never lower a floor to let a change through.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import fact_probes as fp
import pytest
from paths import DATA
from reply_reading import HEDGED, NO, UNKNOWN, YES, verdict_of

from bot import kb
from bot.engine import Engine, State
from bot.kb.schema import (
    About,
    Article,
    ArticleMeta,
    CitationRef,
    Entity,
    Fact,
    Localized,
    Sentence,
    When,
)
from bot.model import Answer

# family: (lowest pass rate, highest confidently wrong rate). First measured on 2026-12-03 at
# commit 032236c (before the fail-closed engine): right detail 184/186, wrong day 0/2 (2 wrong),
# finer date 10/28 (18 wrong), wrong place 2/4, bound 0/10 (9 wrong), tense 0/2 (2 wrong),
# no longer 11/24 (13 wrong), negation 80/138, double negation 1/59 (then expected as the
# positive; it asks whether the negation holds). Raised on purpose (issue 16) to what the
# fail-closed engine measured the same day, over the project's base and the fixture bases:
FLOORS = {
    "right detail": (0.967, 0.0),  # 180/186, 0 wrong
    "wrong day": (1.0, 0.0),  # 2/2
    "wrong month": (1.0, 0.0),  # 20/20
    "wrong year": (1.0, 0.0),  # 10/10
    "finer date": (1.0, 0.0),  # 28/28
    "wrong place": (0.5, 0.0),  # 2/4, 0 wrong
    "wrong amount": (1.0, 0.0),  # 10/10
    "bound": (0.9, 0.0),  # 9/10, 0 wrong
    "roles": (1.0, 0.0),  # 38/38
    "tense": (1.0, 0.0),  # 2/2
    "no longer": (1.0, 0.0),  # 24/24
    "negation": (0.963, 0.0),  # 133/138, 0 wrong
    "double negation": (0.966, 0.0),  # 57/59, 0 wrong
}


@pytest.fixture(scope="module")
def outcomes(engine: Engine, reviewed_dirs: dict[str, Path]) -> list[fp.Outcome]:
    return fp.probe(engine) + fp.fixture_outcomes(reviewed_dirs)


def test_every_family_has_a_floor() -> None:
    assert set(FLOORS) == set(fp.FAMILIES)


@pytest.mark.parametrize("family", fp.FAMILIES)
def test_family_holds_its_measured_rates(outcomes: list[fp.Outcome], family: str) -> None:
    tally = fp.tally(outcomes, family)
    if not tally.total:
        pytest.skip(f"no fact of the bases gives a {family!r} question")
    failing = [fp.describe(o) for o in outcomes if o.probe.family == family and not o.passed]
    report = "\n".join([tally.line(), *failing])
    floor, ceiling = FLOORS[family]
    assert tally.rate >= floor, report
    assert tally.wrong_rate <= ceiling, report


def test_the_fixture_bases_alone_give_most_families(reviewed_dirs: dict[str, Path]) -> None:
    """The floors do not rest on knowledge/ alone: whatever it holds, the fixture bases give
    these families."""
    families = {o.probe.family for o in fp.fixture_outcomes(reviewed_dirs)}
    assert families >= set(fp.FAMILIES) - {"wrong day", "wrong place", "tense"}


# ---------------------------------------------------------------- the generator's own verdicts


def entity(entity_id: str, kind: str, name: str) -> Entity:
    text = Localized(fr=name, en=name)
    return Entity(id=entity_id, type=kind, name=text, description=text)


def fact(fact_id: str, type_: str, text: str = "X did it.", **fields) -> Fact:
    return Fact(
        id=fact_id,
        type=type_,
        text=Localized(fr=text, en=text),
        citations=[CitationRef(article="a", sentence="s")],
        **fields,
    )


def synthetic(*facts: Fact) -> kb.KnowledgeBase:
    people = [entity("ada", "person", "Ada Lind"), entity("bo", "person", "Bo Strand")]
    others = [
        entity("acme", "organization", "Acme"),
        entity("zeta", "organization", "Zeta"),
        entity("oslo", "place", "Oslo"),
        entity("rome", "place", "Rome"),
    ]
    summary = Localized(fr="s", en="s")
    return kb.KnowledgeBase(
        articles={},
        entities={e.id: e for e in [*people, *others]},
        facts=list(facts),
        context=[],
        ambiguous_names=[],
        about=About(summary=summary, examples_fr=["a", "b", "c"], examples_en=["a", "b", "c"]),
    )


def probes(*facts: Fact) -> dict[tuple[str, str], fp.Probe]:
    """(family, English question) -> probe."""
    generated = fp.generate(synthetic(*facts))
    return {(p.family, p.question): p for p in generated if p.language == "en"}


def test_a_stated_dated_move_gives_yes_and_wrong_dates_no_with_the_right_value() -> None:
    joined = fact(
        "ada-joined", "joined", subject="ada", object="acme", source="zeta",
        when=When(day=12, month=6, year=2024), place="oslo",
    )  # fmt: skip
    got = probes(joined)
    assert got["right detail", "Did Ada Lind join Acme?"].expect == {YES}
    assert got["negation", "Didn't Ada Lind join Acme?"].expect == {YES}
    assert got["right detail", "Did Ada Lind join Acme on 12 June 2024?"].expect == {YES}
    wrong_day = got["wrong day", "Did Ada Lind join Acme on 13 June 2024?"]
    assert (wrong_day.expect, wrong_day.needles) == ({NO}, ("12", "june"))
    assert got["wrong month", "Did Ada Lind join Acme in July 2024?"].needles == ("june",)
    assert got["wrong year", "Did Ada Lind join Acme in 2023?"].needles == ("2024",)
    assert got["wrong place", "Did Ada Lind join Acme in Rome?"].needles == ("oslo",)
    assert got["roles", "Did Ada Lind join Zeta from Acme?"].expect == {NO, HEDGED, UNKNOWN}
    french = [p for p in fp.generate(synthetic(joined)) if p.family == "double negation"]
    assert [p.question for p in french] == ["N'est-il pas vrai qu'Ada Lind n'a pas rejoint Acme ?"]
    assert french[0].expect == {NO}  # it asks whether she did not join: she did


def test_a_date_finer_than_the_fact_is_neither_yes_nor_no() -> None:
    got = probes(fact("ada-joined", "joined", subject="ada", object="acme", when=When(month=6)))
    assert got["finer date", "Did Ada Lind join Acme on 15 June?"].expect == {HEDGED, UNKNOWN}
    assert not [key for key in got if key[0] == "wrong year"]  # the fact gives no year


@pytest.mark.parametrize(
    "fields",
    [
        {"text": "Ada Lind reportedly joined Acme."},
        {"text": "Selon la presse, Ada Lind a rejoint Acme."},
        {"modality": "reported"},
        {"modality": "possible"},
    ],
)
def test_a_reported_fact_is_not_confirmed_and_never_a_no(fields: dict) -> None:
    got = probes(fact("f", "joined", subject="ada", object="acme", when=When(month=6), **fields))
    assert got["right detail", "Did Ada Lind join Acme?"].expect == {HEDGED}
    assert got["wrong month", "Did Ada Lind join Acme in July?"].expect == {NO, HEDGED, UNKNOWN}


def test_a_negated_fact_is_a_no() -> None:
    got = probes(fact("f", "joined", subject="ada", object="acme", polarity="negated"))
    assert got["right detail", "Did Ada Lind join Acme?"].expect == {NO}
    assert got["negation", "Didn't Ada Lind join Acme?"].expect == {NO}


def test_what_is_still_to_come_asked_as_done_is_not_confirmed() -> None:
    got = probes(
        fact("f", "leads", subject="ada", object="acme", tense="future"),
        fact("g", "joined", subject="bo", object="acme", modality="planned"),
    )
    assert got["tense", "Does Ada Lind lead Acme?"].expect == {HEDGED}
    assert got["right detail", "Will Ada Lind lead Acme?"].expect == {YES}
    assert got["tense", "Did Bo Strand join Acme?"].expect == {HEDGED}


def test_a_bound_is_not_confirmed_beyond_it_and_an_exact_number_is_no_when_far_off() -> None:
    offer = {"value": 2e8, "currency": "USD", "qualifier": "more_than"}
    staff = {"value": 1200, "qualifier": "about", "unit": {"fr": "personnes", "en": "people"}}
    got = probes(
        fact("f", "amount", subject="acme", object="ada", amount=offer),
        fact("g", "count", subject="zeta", quantity=staff),
    )
    right = got["right detail", "Did Acme offer Ada Lind more than 200 million dollars?"]
    assert right.expect == {YES}
    assert got["bound", "Did Acme offer Ada Lind 300 million dollars?"].expect == {HEDGED}
    wrong = got["wrong amount", "Does Zeta employ 3000 people?"]
    assert (wrong.expect, wrong.needles) == ({NO}, ("1200",))


def test_a_detail_two_facts_claim_is_not_asked_wrong() -> None:
    """Two facts of the same move: one's date may be the other's, so no wrong date is asked."""
    got = probes(
        fact("f", "joined", subject="ada", object="acme", when=When(month=6)),
        fact("g", "hired", subject="acme", object="ada", when=When(month=7)),
    )
    assert not [key for key in got if key[0].startswith("wrong")]


def test_the_inverted_roles_are_never_a_yes() -> None:
    got = probes(
        fact("f", "hired", subject="acme", object="ada"),
        fact("g", "criticism", subject="bo", object="zeta"),
    )
    assert got["roles", "Did Ada Lind hire Acme?"].expect == {NO, HEDGED, UNKNOWN}
    assert got["roles", "Did Zeta criticise Bo Strand?"].expect == {NO, HEDGED, UNKNOWN}


# ---------------------------------------------------------------- the counting itself


class Saying:
    """An engine stand-in answering every question with the same words."""

    def __init__(self, text: str, kind: str = "answer") -> None:
        self.text, self.kind = text, kind

    def answer(self, question: str, state=None) -> tuple[Answer, State]:
        return Answer(kind=self.kind, language="en", text=self.text, confidence=1.0), State()


def test_an_engine_saying_yes_to_everything_breaks_the_floors() -> None:
    generated = fp.generate(kb.load(DATA / "third_article"))
    outcomes = fp.run(Saying("Yes."), generated)
    broken = [
        family
        for family in fp.FAMILIES
        if (t := fp.tally(outcomes, family)).total
        and (t.rate < FLOORS[family][0] or t.wrong_rate > FLOORS[family][1])
    ]
    assert broken


def test_a_no_must_give_the_right_value_and_a_not_confirmed_is_never_confidently_wrong() -> None:
    probe = fp.Probe("wrong month", "en", "q", frozenset({NO}), "f", ("june",))
    assert fp.run(Saying("No. He joined in June."), [probe])[0].passed
    bare = fp.run(Saying("No."), [probe])[0]
    assert not bare.passed and not bare.confidently_wrong
    hedged = fp.run(Saying("Not confirmed."), [probe])[0]
    assert not hedged.passed and not hedged.confidently_wrong
    assert fp.run(Saying("Yes."), [probe])[0].confidently_wrong
    assert fp.run(Saying("?", kind="unknown"), [probe])[0].got == UNKNOWN


def _engine(base: kb.KnowledgeBase) -> Engine:
    """An engine over `base`, whose facts all cite sentence "s" of article "a"."""
    meta = ArticleMeta(id="a", title="A", language="en")
    article = Article(meta=meta, text="s", sentences=[Sentence("a:0", "a", 0, "s")], path=Path("a"))
    return Engine(replace(base, articles={"a": article}))


def _verdict(base: kb.KnowledgeBase, question: str) -> str:
    """The engine's verdict over `base`, whose facts all cite sentence "s" of article "a"."""
    answer, _ = _engine(base).answer(question, State())
    return verdict_of(answer)


def test_a_span_since_a_month_is_not_contradicted_by_events_inside_it() -> None:
    hires = {"value": 14, "qualifier": "at_least", "unit": {"fr": "personnes", "en": "people"}}
    base = synthetic(
        fact("f", "hired", subject="acme", source="zeta", quantity=hires,
             when=When(month=1, since=True)),
        fact("g", "joined", subject="ada", object="acme", source="zeta", when=When(month=6)),
    )  # fmt: skip
    assert _verdict(base, "Did Acme hire more than 20 people from Zeta since January?") == HEDGED
    assert _verdict(base, "Has Acme hired people from Zeta since March?") not in (YES, NO)


def test_exactly_a_figure_given_as_about_or_nearly_is_not_confirmed() -> None:
    staff = {"value": 1200, "qualifier": "about", "unit": {"fr": "personnes", "en": "people"}}
    base = synthetic(fact("g", "count", subject="zeta", quantity=staff))
    assert _verdict(base, "Does Zeta employ exactly 1200 people?") == HEDGED
    assert _verdict(base, "Zeta emploie-t-elle exactement 1200 personnes ?") == HEDGED
    assert _verdict(base, "Does Zeta employ exactly 5000 people?") == NO


def test_a_plain_denial_refutes_every_narrower_version_of_the_relation() -> None:
    """ "Acme never bought Zeta" is a No to "outright?", "in 2024?", "for a billion?"; a denial
    with a date of its own says nothing of another date, and no plan is refuted by it."""
    base = synthetic(
        fact("f", "acquired", subject="acme", object="zeta", polarity="negated"),
        fact("g", "joined", subject="ada", object="acme", polarity="negated", when=When(month=6)),
    )
    assert _verdict(base, "Did Acme acquire Zeta outright?") == NO
    assert _verdict(base, "Did Acme acquire Zeta in 2024?") == NO
    assert _verdict(base, "Acme a-t-elle racheté Zeta en 2024 ?") == NO
    assert _verdict(base, "Will Acme acquire Zeta?") != NO
    assert _verdict(base, "Did Ada Lind join Acme in July?") != YES


def test_a_report_asked_as_a_report_settles_and_a_possibility_does_not() -> None:
    base = synthetic(
        fact("f", "joined", subject="ada", object="acme", modality="reported"),
        fact("g", "joined", subject="bo", object="zeta", modality="possible"),
    )
    assert _verdict(base, "Did Ada Lind reportedly join Acme?") == YES
    assert _verdict(base, "Selon les articles, Ada Lind aurait-elle rejoint Acme ?") == YES
    assert _verdict(base, "Did Ada Lind join Acme?") == HEDGED
    assert _verdict(base, "Did Bo Strand reportedly join Zeta?") == HEDGED


def _two_linds() -> kb.KnowledgeBase:
    """Ada Lind joined Acme in June, Bo Strand in May; Cy Lind leads Zeta and never moved."""
    people = [
        Entity(id="ada", type="person", name=Localized(fr="Ada Lind", en="Ada Lind"),
               description=Localized(fr="a", en="a"), aliases=["Lind"]),
        Entity(id="cy", type="person", name=Localized(fr="Cy Lind", en="Cy Lind"),
               description=Localized(fr="c", en="c"), aliases=["Lind"]),
    ]  # fmt: skip
    base = synthetic(
        fact("f", "joined", "Ada Lind joined Acme.", subject="ada", object="acme",
             when=When(month=6)),
        fact("g", "joined", "Bo Strand joined Acme.", subject="bo", object="acme",
             when=When(month=5)),
        fact("h", "leads", "Cy Lind leads Zeta.", subject="cy", object="zeta"),
    )  # fmt: skip
    return replace(
        base, entities={**base.entities, **{e.id: e for e in people}}, ambiguous_names=["Lind"]
    )


def test_a_shared_surname_in_an_order_question_is_the_holder_who_moved() -> None:
    """Of two Linds, the one who joined anything: "did Lind join before Strand?" is about her,
    read in the question's order, and settled by the dates."""
    base = _two_linds()
    assert _verdict(base, "Did Lind join before Bo Strand?") == NO
    assert _verdict(base, "Lind est-elle arrivée après Bo Strand ?") == YES
    answer, _ = _engine(base).answer("Who joined first, Lind or Bo Strand?", State())
    assert answer.kind == "answer" and answer.text.startswith("Bo Strand")


def test_the_other_namesake_is_the_one_not_just_spoken_of() -> None:
    engine = _engine(_two_linds())
    _, state = engine.answer("Who is Cy Lind?", State())
    answer, _ = engine.answer("what about the other lind?", state)
    assert answer.kind == "answer" and "Ada Lind" in answer.text and "Cy Lind" not in answer.text


def test_whom_others_moved_with_is_not_counted_among_them() -> None:
    answer, _ = _engine(_two_linds()).answer("How many people joined Acme with Bo Strand?", State())
    assert "name 1: Bo Strand" not in answer.text  # he is whom the others came with


def test_why_gets_what_the_answers_own_sentence_says_beside_it() -> None:
    """ "A blow to Acme, whose strategy remains cautious": asked why, the strategy the same
    sentence gives comes with the blow; a fact of another sentence does not."""
    elsewhere = fact("k", "strategy", "Acme bets on robots.", subject="acme").model_copy(
        update={"citations": [CitationRef(article="a", sentence="t")]}
    )
    base = synthetic(
        fact("f", "risk", "Ada Lind's departure is a blow to Acme.", subject="acme", about=["ada"]),
        fact("g", "strategy", "Acme's strategy remains cautious.", subject="acme"),
        elsewhere,
    )
    answer, _ = _engine(base).answer("Why is Ada Lind's departure a blow to Acme?", State())
    assert "cautious" in answer.text and "robots" not in answer.text


def test_a_rank_asked_after_a_list_ranks_that_list() -> None:
    engine = _engine(_two_linds())
    _, state = engine.answer("Who joined Acme?", State())
    first, state = engine.answer("which one joined first?", state)
    assert first.text.startswith("Bo Strand")
    last, _ = engine.answer("et lequel est arrivé en dernier ?", state)
    assert last.text.startswith("Ada Lind")


def test_which_employer_came_first_is_where_the_move_left_from() -> None:
    base = synthetic(
        fact("f", "left", "Ada Lind left Zeta for Acme.", subject="ada", object="zeta", to="acme")
    )
    engine = _engine(base)
    first, _ = engine.answer("Which came first for Ada Lind, Acme or Zeta?", State())
    assert first.text.startswith("Zeta.")
    last, _ = engine.answer("Pour Ada Lind, Zeta ou Acme en dernier ?", State())
    assert last.text.startswith("Acme.")


def test_how_much_is_never_answered_by_a_head_count() -> None:
    staff = {"value": 1200, "qualifier": "about", "unit": {"fr": "personnes", "en": "people"}}
    base = synthetic(
        fact("g", "count", "Zeta employs about 1,200 people.", subject="zeta", quantity=staff)
    )
    paid, _ = _engine(base).answer("How much did Zeta pay?", State())
    assert not paid.text.startswith("About 1,200")


def test_a_sentences_date_that_dates_another_fact_does_not_answer_when() -> None:
    """ "At Acme, founded by Bo Strand in 2021, Ada Lind will meet Cy": 2021 is the founding's."""
    base = synthetic(
        fact("f", "founded", "Bo Strand founded Acme in 2021.", subject="bo", object="acme",
             when=When(year=2021)),
        fact("m", "mention", "The article names Ada Lind with Acme.", subject="ada",
             about=["acme", "bo"], when=When(year=2021)),
    )  # fmt: skip
    answer, _ = _engine(base).answer("When did Ada Lind join Acme?", State())
    assert not answer.text.startswith("In 2021")


def test_the_people_a_sentence_only_names_are_no_answer_to_who() -> None:
    base = synthetic(
        fact("m", "mention", "Ada Lind and Bo Strand met at Zeta.", subject="ada",
             about=["bo", "zeta"]),
    )  # fmt: skip
    answer, _ = _engine(base).answer("Who is the chief executive of Zeta now?", State())
    assert not answer.text.startswith(("Ada Lind and Bo Strand", "Bo Strand"))


def test_a_dated_valuation_does_not_refute_another_worth_asked_undated() -> None:
    worth = {"value": 2.8e9, "currency": "USD", "qualifier": "exact"}
    base = synthetic(fact("f", "valuation", subject="acme", amount=worth, when=When(year=2024)))
    assert _verdict(base, "Is Acme worth $20 billion?") != NO
    assert _verdict(base, "Was Acme valued at $20 billion in 2024?") == NO


def test_a_chief_executive_runs_the_company_before_its_founder_and_president() -> None:
    ceo = Localized(fr="directeur général", en="chief executive")
    president = Localized(fr="président", en="president")
    base = synthetic(
        fact("f", "founded", "Ada Lind founded Acme.", subject="ada", object="acme"),
        fact("g", "role", "Ada Lind is president.", subject="ada", object="acme", role=president),
        fact("h", "role", "Bo Strand is its CEO.", subject="bo", object="acme", role=ceo),
    )
    for question in ("Who runs Acme?", "Qui dirige Acme ?"):
        answer, _ = _engine(base).answer(question, State())
        assert answer.text.startswith("Bo Strand"), question
        assert "Ada" not in answer.text, question


def test_a_firm_asked_to_have_led_is_not_answered_with_a_person_s_title() -> None:
    ceo = Localized(fr="directeur général", en="chief executive")
    base = synthetic(
        fact("h", "role", "Bo Strand is its CEO.", subject="bo", object="acme", role=ceo)
    )
    for question in ("Which VC firm led Acme?", "Quelle grosse boîte dirige Acme ?"):
        answer, _ = _engine(base).answer(question, State())
        assert "Bo Strand" not in answer.text, question


def test_a_former_holder_does_not_answer_who_holds_it_now() -> None:
    ceo = Localized(fr="directeur général", en="chief executive")
    former = fact(
        "h", "role", "Bo Strand is its former CEO.", subject="bo", object="acme", role=ceo,
        tense="past",
    )  # fmt: skip
    engine = _engine(synthetic(former))
    for question in ("Who is the current CEO of Acme?", "Qui est le PDG actuel d'Acme ?"):
        answer, _ = engine.answer(question, State())
        assert "Bo Strand" not in answer.text, question
    answer, _ = engine.answer("Who was the CEO of Acme?", State())
    assert "Bo Strand" in answer.text


def test_how_many_of_them_from_a_company_counts_those_hired_from_it() -> None:
    staff = {"value": 300, "qualifier": "about", "unit": {"fr": "personnes", "en": "people"}}
    hires = {"value": 40, "qualifier": "about", "unit": {"fr": "anciens", "en": "former staff"}}
    base = synthetic(
        fact("f", "count", "Acme employs about 300 people.", subject="acme", quantity=staff),
        fact("g", "hired", "Acme hired about 40 from Zeta.", subject="acme", source="zeta",
             quantity=hires),
    )  # fmt: skip
    engine = _engine(base)
    _, state = engine.answer("How many people work at Acme?", State())
    answer, _ = engine.answer("how many of them from zeta?", state)
    assert answer.text.startswith("About 40"), answer.text
