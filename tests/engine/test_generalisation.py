"""The engine on a knowledge base it has never seen: tests/data/third_article.

That base is one invented French article about a talent war between two invented companies
(Lumenic and Vectoria Labs), with its own entities, facts and about.yaml. Nothing in bot/ knows
of it, so every answer here must come from the data alone: the same question families as the
dev set, in French and in English, with citations quoted verbatim from the new article and
nothing leaking from the project's own knowledge/.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from answer_checks import assert_well_formed
from chat import Chat
from devset_runner import starts_with_words
from paths import DATA, KNOWLEDGE

from bot import kb
from bot.cli import check as run_check
from bot.engine import Engine
from bot.model import Answer
from bot.text import fold, normalize

THIRD_DIR = DATA / "third_article"
REAL_DIR = KNOWLEDGE
ARTICLE = "lumenic-debauche-vectoria"

# Sentences of the fixture article, as bot/kb/sentences.py splits them.
S_JOINED = (
    "En mars, Ingrid Solberg a rejoint Lumenic depuis Vectoria Labs, "
    "où elle avait conçu la puce Aurora-7."
)
S_HIRED = "Depuis janvier, Lumenic a recruté au moins 9 ingénieurs issus de Vectoria Labs."
S_FOUNDED = (
    "Tomasz Wierzbicki, qui a fondé Lumenic en 2019, voit dans ces arrivées la preuve de "
    "l’attractivité de son entreprise."
)
S_LAB = "Son frère, Marek Wierzbicki, dirige le laboratoire de Lumenic à Tampere, en Finlande."
S_NUMBERS = (
    "Lumenic emploie environ 300 personnes et a levé plus de 50 millions d’euros auprès du "
    "fonds Nordkapp Ventures."
)
S_PODCAST = (
    "Dans le podcast Signal Boréal, Helena Varga, PDG de Vectoria Labs, a affirmé que ces "
    "départs ne retarderaient pas Aurora-7."
)


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def third_base() -> kb.KnowledgeBase:
    return kb.load(THIRD_DIR)


@pytest.fixture(scope="module")
def third(third_base: kb.KnowledgeBase) -> Engine:
    return Engine(third_base)


@pytest.fixture(scope="module")
def real_names(engine: Engine) -> list[str]:
    """Every name and alias of the real base long enough to be recognised in a text."""
    forms = {form for e in engine.kb.entities.values() for form in e.names()}
    return sorted(form for form in forms if len(normalize(form)) >= 3)


def leaked(text: str, names: list[str]) -> list[str]:
    """The names (whole words, ignoring case and accents) that occur in `text`."""
    padded = f" {normalize(text)} "
    return [name for name in names if f" {normalize(name)} " in padded]


@dataclass(frozen=True)
class Case:
    question: str
    lang: str
    kind: str = "answer"
    contains: tuple[str, ...] = ()
    not_contains: tuple[str, ...] = ()
    starts_with: str | None = None
    cites: tuple[str, ...] = ()


def check(answer: Answer, case: Case, base: kb.KnowledgeBase, real_names: list[str]) -> None:
    assert_well_formed(answer, base, case.lang)
    assert answer.kind == case.kind, answer.text
    text = fold(answer.text)
    for needle in case.contains:
        assert fold(needle) in text, f"{needle!r} missing from {answer.text!r}"
    for needle in case.not_contains:
        assert fold(needle) not in text, f"{needle!r} unexpected in {answer.text!r}"
    if case.starts_with:
        assert starts_with_words(text, fold(case.starts_with)), answer.text
    cited = [c.sentence for c in answer.citations]
    for sentence in case.cites:
        assert sentence in cited, f"not cited: {sentence[:60]!r}"
    assert leaked(answer.text, real_names) == []


# ---------------------------------------------------------------- the fixture base itself


def test_fixture_base_passes_the_checker(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check(THIRD_DIR) == 0
    assert "knowledge base OK" in capsys.readouterr().out


def test_fixture_base_cites_or_marks_every_sentence(third_base: kb.KnowledgeBase) -> None:
    assert list(third_base.articles) == [ARTICLE]
    assert third_base.total_sentences == 8
    assert third_base.covered_sentences == third_base.total_sentences
    assert third_base.ambiguous_names == ["Wierzbicki"]


def test_fixture_base_shares_no_entity_with_the_real_base(
    third_base: kb.KnowledgeBase, engine: Engine
) -> None:
    real = engine.kb
    assert not set(third_base.entities) & set(real.entities)
    third_forms = {normalize(f) for e in third_base.entities.values() for f in e.names()}
    real_forms = {normalize(f) for e in real.entities.values() for f in e.names()}
    assert not third_forms & real_forms


# ---------------------------------------------------------------- question families

CASES = [
    # moves
    pytest.param(
        Case(
            "Qui a rejoint Lumenic depuis Vectoria Labs ?",
            "fr",
            contains=("Ingrid Solberg", "au moins 9 ingénieurs", "mars"),
            cites=(S_JOINED, S_HIRED),
        ),
        id="moves-fr-joined-from",
    ),
    pytest.param(
        Case(
            "Who joined Lumenic from Vectoria Labs?",
            "en",
            contains=("Ingrid Solberg", "at least 9 engineers", "March"),
            cites=(S_JOINED, S_HIRED),
        ),
        id="moves-en-joined-from",
    ),
    pytest.param(
        Case(
            "Qui a quitté Vectoria Labs ?",
            "fr",
            contains=("Ingrid Solberg", "au moins 9"),
            not_contains=("Helena Varga", "Wierzbicki"),
            cites=(S_JOINED, S_HIRED),
        ),
        id="moves-fr-left",
    ),
    pytest.param(
        Case(
            "Who left Vectoria Labs?",
            "en",
            contains=("Ingrid Solberg", "at least 9"),
            not_contains=("Helena Varga", "Wierzbicki"),
            cites=(S_JOINED, S_HIRED),
        ),
        id="moves-en-left",
    ),
    pytest.param(
        Case(
            "Who has Lumenic poached from Vectoria?",
            "en",
            contains=("Ingrid Solberg", "at least 9"),
            cites=(S_JOINED, S_HIRED),
        ),
        id="moves-en-poached-alias",
    ),
    # when
    pytest.param(
        Case(
            "Quand Ingrid Solberg a-t-elle rejoint Lumenic ?",
            "fr",
            contains=("mars",),
            not_contains=("janvier",),
            cites=(S_JOINED,),
        ),
        id="when-fr-joined",
    ),
    pytest.param(
        Case(
            "When did Ingrid Solberg join Lumenic?",
            "en",
            contains=("March",),
            not_contains=("January",),
            cites=(S_JOINED,),
        ),
        id="when-en-joined",
    ),
    pytest.param(
        Case("Quand Lumenic a-t-elle été fondée ?", "fr", contains=("2019",), cites=(S_FOUNDED,)),
        id="when-fr-founded",
    ),
    pytest.param(
        Case("When was Lumenic founded?", "en", contains=("2019",), cites=(S_FOUNDED,)),
        id="when-en-founded",
    ),
    # who leads
    pytest.param(
        Case(
            "Qui dirige le laboratoire de Lumenic à Tampere ?",
            "fr",
            contains=("Marek Wierzbicki",),
            cites=(S_LAB,),
        ),
        id="leads-fr",
    ),
    pytest.param(
        Case(
            "Who leads Lumenic's Tampere lab?",
            "en",
            contains=("Marek Wierzbicki",),
            cites=(S_LAB,),
        ),
        id="leads-en",
    ),
    pytest.param(
        Case("Who runs the lab in Tampere?", "en", contains=("Marek Wierzbicki",), cites=(S_LAB,)),
        id="leads-en-place-only",
    ),
    # who founded
    pytest.param(
        Case(
            "Qui a fondé Lumenic ?",
            "fr",
            contains=("Tomasz Wierzbicki",),
            not_contains=("Marek",),
            cites=(S_FOUNDED,),
        ),
        id="founded-fr",
    ),
    pytest.param(
        Case(
            "Who founded Lumenic?",
            "en",
            contains=("Tomasz Wierzbicki",),
            not_contains=("Marek",),
            cites=(S_FOUNDED,),
        ),
        id="founded-en",
    ),
    # how many, with the article's qualifier
    pytest.param(
        Case(
            "Combien d'ingénieurs Lumenic a-t-il recrutés chez Vectoria Labs ?",
            "fr",
            contains=("au moins 9",),
            cites=(S_HIRED,),
        ),
        id="how-many-fr-at-least",
    ),
    pytest.param(
        Case(
            "How many engineers did Lumenic hire from Vectoria Labs?",
            "en",
            contains=("at least 9",),
            cites=(S_HIRED,),
        ),
        id="how-many-en-at-least",
    ),
    pytest.param(
        Case(
            "Combien d'ingénieurs Vectoria Labs a-t-elle perdus ?",
            "fr",
            contains=("au moins 9",),
            cites=(S_HIRED,),
        ),
        id="how-many-fr-lost",
    ),
    pytest.param(
        Case(
            "Combien de personnes emploie Lumenic ?",
            "fr",
            contains=("environ 300",),
            not_contains=("50 millions",),
            cites=(S_NUMBERS,),
        ),
        id="how-many-fr-about",
    ),
    pytest.param(
        Case(
            "How many people does Lumenic employ?",
            "en",
            contains=("about 300",),
            not_contains=("50 million",),
            cites=(S_NUMBERS,),
        ),
        id="how-many-en-about",
    ),
    # how much
    pytest.param(
        Case(
            "Combien d'argent Lumenic a-t-il levé ?",
            "fr",
            contains=("plus de 50 millions d’euros", "Nordkapp Ventures"),
            not_contains=("300",),
            cites=(S_NUMBERS,),
        ),
        id="how-much-fr",
    ),
    pytest.param(
        Case(
            "How much money did Lumenic raise?",
            "en",
            contains=("more than 50 million euros",),
            not_contains=("300",),
            cites=(S_NUMBERS,),
        ),
        id="how-much-en",
    ),
    pytest.param(
        Case(
            "Combien Lumenic a-t-il levé ?",
            "fr",
            contains=("plus de 50 millions d’euros",),
            not_contains=("300 personnes",),
            cites=(S_NUMBERS,),
        ),
        id="how-much-fr-bare-combien",
    ),
    # what did X say / where
    pytest.param(
        Case(
            "What did Helena Varga say?",
            "en",
            contains=("Signal Boréal", "would not delay Aurora-7"),
            cites=(S_PODCAST,),
        ),
        id="statement-en",
    ),
    pytest.param(
        Case(
            "Que dit Helena Varga des départs vers Lumenic ?",
            "fr",
            contains=("Signal Boréal", "ne retarderaient pas Aurora-7"),
            not_contains=("Non.",),
            cites=(S_PODCAST,),
        ),
        id="statement-fr-que-dit",
    ),
    pytest.param(
        Case(
            "Qu'a dit Helena Varga ?",
            "fr",
            contains=("Signal Boréal", "ne retarderaient pas Aurora-7"),
            not_contains=("Non.", "Oui."),
            cites=(S_PODCAST,),
        ),
        id="statement-fr-qu-a-dit",
    ),
    pytest.param(
        Case(
            "Où Helena Varga a-t-elle dit cela ?",
            "fr",
            contains=("Signal Boréal",),
            cites=(S_PODCAST,),
        ),
        id="statement-fr-where",
    ),
    pytest.param(
        Case(
            "Where did Helena Varga say that?",
            "en",
            contains=("Signal Boréal",),
            cites=(S_PODCAST,),
        ),
        id="statement-en-where",
    ),
    # where is the lab
    pytest.param(
        Case(
            "Où se trouve le laboratoire de Lumenic ?",
            "fr",
            contains=("Tampere", "Finlande"),
            cites=(S_LAB,),
        ),
        id="location-fr",
    ),
    pytest.param(
        Case("Where is Lumenic's lab?", "en", contains=("Tampere", "Finland"), cites=(S_LAB,)),
        id="location-en",
    ),
    pytest.param(
        Case("In which city is Lumenic's lab?", "en", contains=("Tampere",), cites=(S_LAB,)),
        id="location-en-city",
    ),
    # yes / no
    pytest.param(
        Case(
            "Ingrid Solberg a-t-elle rejoint Lumenic ?",
            "fr",
            starts_with="Oui",
            contains=("mars",),
            cites=(S_JOINED,),
        ),
        id="yesno-fr-yes",
    ),
    pytest.param(
        Case(
            "Did Ingrid Solberg join Lumenic?",
            "en",
            starts_with="Yes",
            contains=("March",),
            cites=(S_JOINED,),
        ),
        id="yesno-en-yes",
    ),
    pytest.param(
        Case(
            "Ingrid Solberg a-t-elle rejoint Lumenic en mai ?",
            "fr",
            starts_with="Non",
            contains=("mars",),
            cites=(S_JOINED,),
        ),
        id="yesno-fr-no-wrong-month",
    ),
    pytest.param(
        Case(
            "Did Ingrid Solberg join Lumenic in May?",
            "en",
            starts_with="No",
            contains=("March",),
            cites=(S_JOINED,),
        ),
        id="yesno-en-no-wrong-month",
    ),
    pytest.param(
        Case(
            "Tomasz Wierzbicki a-t-il fondé Lumenic ?",
            "fr",
            starts_with="Oui",
            contains=("2019",),
            cites=(S_FOUNDED,),
        ),
        id="yesno-fr-yes-founder",
    ),
    pytest.param(
        Case(
            "Lumenic a-t-elle été fondée en 2015 ?",
            "fr",
            starts_with="Non",
            contains=("2019",),
            cites=(S_FOUNDED,),
        ),
        id="yesno-fr-no-wrong-year",
    ),
    pytest.param(
        Case(
            "Did Tomasz Wierzbicki found Vectoria Labs?",
            "en",
            # Founding one company excludes founding no other: not a No, what they say instead.
            starts_with="Not confirmed",
            contains=("Lumenic",),
            cites=(S_FOUNDED,),
        ),
        id="yesno-en-other-company-not-confirmed",
    ),
    pytest.param(
        Case(
            "Is Helena Varga the CEO of Vectoria Labs?",
            "en",
            starts_with="Yes",
            cites=(S_PODCAST,),
        ),
        id="yesno-en-yes-role",
    ),
    pytest.param(
        Case(
            "Is Helena Varga the CEO of Lumenic?",
            "en",
            starts_with="No",
            contains=("Vectoria Labs",),
            cites=(S_PODCAST,),
        ),
        id="yesno-en-no-role-elsewhere",
    ),
    pytest.param(
        Case(
            "Helena Varga est-elle la PDG de Lumenic ?",
            "fr",
            starts_with="Non",
            contains=("Vectoria Labs",),
            cites=(S_PODCAST,),
        ),
        id="yesno-fr-no-role-elsewhere",
    ),
    # profile
    pytest.param(
        Case(
            "Qui est Ingrid Solberg ?",
            "fr",
            contains=("Aurora-7", "Lumenic", "mars"),
            cites=(S_JOINED,),
        ),
        id="profile-fr",
    ),
    pytest.param(
        Case(
            "Who is Helena Varga?",
            "en",
            contains=("CEO", "Vectoria Labs"),
            cites=(S_PODCAST,),
        ),
        id="profile-en",
    ),
    # misspelt names (two letters off) and surnames alone
    pytest.param(
        Case(
            "Qui est Ingird Solbreg ?",
            "fr",
            contains=("Ingrid Solberg", "Aurora-7"),
            cites=(S_JOINED,),
        ),
        id="typo-fr-two-transpositions",
    ),
    pytest.param(
        Case(
            "When did Ingrd Solbrg join Lumenic?",
            "en",
            contains=("Ingrid Solberg", "March"),
            cites=(S_JOINED,),
        ),
        id="typo-en-two-deletions",
    ),
    pytest.param(
        Case(
            "Qui est Tomasz Wierzbikci ?",
            "fr",
            contains=("Tomasz Wierzbicki", "2019"),
            not_contains=("Marek",),
            cites=(S_FOUNDED,),
        ),
        id="typo-fr-ambiguous-surname-with-first-name",
    ),
    pytest.param(
        Case(
            "Who is Helena Vraga?",
            "en",
            contains=("Helena Varga", "CEO", "Vectoria Labs"),
            cites=(S_PODCAST,),
        ),
        id="typo-en-surname-after-exact-first-name",
    ),
    pytest.param(
        Case(
            "Qui est Solberg ?",
            "fr",
            contains=("Ingrid Solberg", "Aurora-7"),
            cites=(S_JOINED,),
        ),
        id="surname-fr-profile",
    ),
    pytest.param(
        Case("Where does Varga work?", "en", contains=("Vectoria Labs",), cites=(S_PODCAST,)),
        id="surname-en-where",
    ),
    pytest.param(
        Case("Où travaille Varga ?", "fr", contains=("Vectoria Labs",), cites=(S_PODCAST,)),
        id="surname-fr-where",
    ),
    # catalogue
    pytest.param(
        Case(
            "Which companies are mentioned?",
            "en",
            contains=("Lumenic", "Vectoria Labs", "Nordkapp Ventures"),
        ),
        id="catalogue-en-companies",
    ),
    # casual phrasings of yes/no questions
    pytest.param(
        Case("Ingrid Solberg a rejoint Lumenic", "fr", starts_with="Oui"),
        id="statement-without-question-mark-fr",
    ),
    pytest.param(
        Case(
            "Is Ingrid Solberg still at Vectoria Labs?",
            "en",
            starts_with="No",
            contains=("Lumenic",),
        ),
        id="still-there-after-leaving-en",
    ),
    pytest.param(
        Case("Ingrid Solberg elle est toujours chez Vectoria Labs ?", "fr", starts_with="Non"),
        id="still-there-after-leaving-fr",
    ),
    pytest.param(
        Case(
            "C'est Helena Varga qui a quitté Vectoria Labs pour Lumenic ?",
            "fr",
            starts_with="Non",
            contains=("Ingrid Solberg",),
        ),
        id="cleft-someone-else-fr",
    ),
    pytest.param(
        Case(
            "Did Ingrid Solberg join Nordkapp Ventures?",
            "en",
            starts_with="No",
            contains=("Lumenic",),
        ),
        id="moved-elsewhere-en",
    ),
    pytest.param(
        Case(
            "Is it true that the departures will not delay Aurora-7?",
            "en",
            starts_with="Not confirmed",
            contains=("Helena Varga",),
        ),
        id="a-claim-is-not-confirmed-en",
    ),
    pytest.param(
        Case(
            "Does Helena Varga lead Lumenic's lab in Tampere?",
            "en",
            starts_with="No",
            contains=("Marek Wierzbicki",),
        ),
        id="someone-else-leads-en",
    ),
    # the answer first: a number, the holders of a shared name, a described person
    pytest.param(
        Case(
            "How much did Lumenic raise?",
            "en",
            contains=("50",),
            starts_with="More than 50 million euros",
        ),
        id="amount-first-en",
    ),
    pytest.param(
        Case("Combien Lumenic a-t-elle levé ?", "fr", starts_with="Plus de 50 millions"),
        id="amount-first-fr",
    ),
    pytest.param(
        Case(
            "How many Wierzbickis are mentioned?",
            "en",
            contains=("Tomasz Wierzbicki", "Marek Wierzbicki"),
        ),
        id="namesakes-en",
    ),
    pytest.param(
        Case(
            "Les deux Wierzbicki, c'est qui ?",
            "fr",
            contains=("Tomasz Wierzbicki", "Marek Wierzbicki"),
        ),
        id="namesakes-fr",
    ),
    pytest.param(
        Case("What did the CEO of Vectoria Labs say?", "en", contains=("Aurora-7",)),
        id="described-person-en",
    ),
    pytest.param(
        Case(
            "Quel jour exactement Ingrid Solberg a-t-elle rejoint Lumenic ?",
            "fr",
            kind="unknown",
            contains=("mars",),
        ),
        id="no-precise-day-fr",
    ),
    pytest.param(
        Case("Did Lumenic hire people from Vectoria Labs?", "en", starts_with="Yes"),
        id="plainly-stated-move-en",
    ),
    pytest.param(
        Case(
            "Could the bidding war weaken Lumenic's small teams?",
            "en",
            kind="answer",
            not_contains=("Yes.",),
        ),
        id="reported-risk-not-a-yes-en",
    ),
    pytest.param(
        Case("How many people work at Tomasz Wierzbicki's company?", "en", contains=("300",)),
        id="someones-company-en",
    ),
    pytest.param(
        Case(
            "How many engineers exactly did Lumenic hire from Vectoria Labs?",
            "en",
            kind="unknown",
            contains=("at least 9",),
        ),
        id="no-exact-number-en",
    ),
    pytest.param(
        Case("What did Ingrid Solberg say?", "en", kind="unknown", not_contains=("said",)),
        id="not-quoted-en",
    ),
    pytest.param(
        Case("Qu'a dit Helena Varga ?", "fr", contains=("Aurora-7",), not_contains=("aucun",)),
        id="quoted-fr",
    ),
    # out of scope
    pytest.param(Case("Who is Sam Altman?", "en", kind="unknown"), id="out-of-scope-en"),
    pytest.param(Case("Qui est Sam Altman ?", "fr", kind="unknown"), id="out-of-scope-fr"),
    pytest.param(Case("Qu'est-ce que Nvidia ?", "fr", kind="unknown"), id="out-of-scope-fr-org"),
]


@pytest.mark.parametrize("case", CASES)
def test_question_on_the_third_base(
    case: Case, third: Engine, third_base: kb.KnowledgeBase, real_names: list[str]
) -> None:
    check(third.answer(case.question)[0], case, third_base, real_names)


@pytest.mark.parametrize(
    ("question", "lang"), [("Who is Sam Altman?", "en"), ("Qui est Sam Altman ?", "fr")]
)
def test_out_of_scope_reply_uses_the_third_base_own_summary(
    question: str, lang: str, third: Engine, engine: Engine
) -> None:
    answer, _ = third.answer(question)
    assert answer.kind == "unknown"
    assert answer.language == lang
    assert answer.citations == [] and answer.options == []
    # Named back only as what the articles say nothing about.
    assert "Altman" not in answer.text.replace("Sam Altman", "")
    assert normalize(answer.text).startswith(
        ("the articles say nothing about sam altman", "les articles ne disent rien de sam altman")
    )
    assert third.summary(lang) in answer.text  # about.yaml of the new base, not of knowledge/
    assert engine.summary(lang) not in answer.text
    assert any(example in answer.text for example in third.examples(lang))


# ---------------------------------------------------------------- ambiguity


@pytest.mark.parametrize(
    ("question", "follow_up", "lang", "contains", "not_contains", "cites"),
    [
        pytest.param(
            "Qui est Wierzbicki ?",
            "Marek Wierzbicki",
            "fr",
            ("Marek Wierzbicki", "Tampere"),
            ("fondé",),
            S_LAB,
            id="fr-profile-marek",
        ),
        pytest.param(
            "Que dirige Wierzbicki ?",
            "Marek Wierzbicki",
            "fr",
            ("laboratoire de Lumenic", "Tampere"),
            ("fondé",),
            S_LAB,
            id="fr-leads-marek",
        ),
        pytest.param(
            "What does Wierzbicki lead?",
            "Marek",
            "en",
            ("Lumenic’s lab", "Tampere"),
            ("founded",),
            S_LAB,
            id="en-leads-first-name-only",
        ),
        pytest.param(
            "Who is Wierzbicki?",
            "Tomasz Wierzbicki",
            "en",
            ("Tomasz Wierzbicki", "2019"),
            ("Tampere",),
            S_FOUNDED,
            id="en-profile-tomasz",
        ),
        pytest.param(
            "Where does Wierzbicki work?",
            "I mean Marek Wierzbicki",
            "en",
            ("Lumenic", "Tampere"),
            (),
            S_LAB,
            id="en-where-marek",
        ),
    ],
)
def test_ambiguous_surname_asks_then_answers_the_original_question(
    question: str,
    follow_up: str,
    lang: str,
    contains: tuple[str, ...],
    not_contains: tuple[str, ...],
    cites: str,
    third: Engine,
    third_base: kb.KnowledgeBase,
    real_names: list[str],
) -> None:
    conversation = Chat(third)
    clarify = conversation.ask(question)
    assert_well_formed(clarify, third_base, lang)
    assert clarify.kind == "clarify", clarify.text
    assert {o.id for o in clarify.options} == {"tomasz-wierzbicki", "marek-wierzbicki"}
    assert {o.label for o in clarify.options} == {"Tomasz Wierzbicki", "Marek Wierzbicki"}
    assert "Tomasz Wierzbicki" in clarify.text and "Marek Wierzbicki" in clarify.text
    assert clarify.citations == []

    answer = conversation.ask(follow_up)
    check(
        answer,
        Case(follow_up, lang, contains=contains, not_contains=not_contains, cites=(cites,)),
        third_base,
        real_names,
    )


def test_clarification_button_answers_with_the_chosen_person(
    third: Engine, third_base: kb.KnowledgeBase
) -> None:
    conversation = Chat(third)
    assert conversation.ask("Que dirige Wierzbicki ?").kind == "clarify"
    answer = conversation.choose("Que dirige Wierzbicki ?", "marek-wierzbicki")
    assert_well_formed(answer, third_base, "fr")
    assert answer.kind == "answer"
    assert "Marek Wierzbicki" in answer.text and "Tampere" in answer.text
    assert [c.sentence for c in answer.citations] == [S_LAB]


# ---------------------------------------------------------------- pronoun and ellipsis follow-ups


@pytest.mark.parametrize(
    ("first", "follow_up", "lang", "expected", "cites"),
    [
        pytest.param(
            "Qui est Ingrid Solberg ?", "Et quand ?", "fr", "mars", S_JOINED, id="fr-et-quand"
        ),
        pytest.param(
            "Qui est Ingrid Solberg ?",
            "Et quand a-t-elle rejoint Lumenic ?",
            "fr",
            "mars",
            S_JOINED,
            id="fr-elle",
        ),
        pytest.param(
            "Who is Ingrid Solberg?", "When did she join?", "en", "March", S_JOINED, id="en-she"
        ),
        pytest.param(
            "Who is Tomasz Wierzbicki?",
            "When did he found Lumenic?",
            "en",
            "2019",
            S_FOUNDED,
            id="en-he",
        ),
        pytest.param(
            "Qui a fondé Lumenic ?", "Et quand ?", "fr", "2019", S_FOUNDED, id="fr-et-quand-org"
        ),
    ],
)
def test_follow_up_refers_to_the_previous_question(
    first: str,
    follow_up: str,
    lang: str,
    expected: str,
    cites: str,
    third: Engine,
    third_base: kb.KnowledgeBase,
    real_names: list[str],
) -> None:
    conversation = Chat(third)
    assert conversation.ask(first).kind == "answer"
    answer = conversation.ask(follow_up)
    check(
        answer, Case(follow_up, lang, contains=(expected,), cites=(cites,)), third_base, real_names
    )


# ---------------------------------------------------------------- nothing from knowledge/ leaks

REAL_QUESTIONS = [
    "Qui a rejoint xAI depuis Meta ?",
    "Who joined xAI from Meta?",
    "Quand Ruoming Pang a-t-il rejoint Apple ?",
    "When did Xinlei Chen join xAI?",
    "Who leads Meta's superintelligence unit?",
    "Que pense Dario Amodei des offres salariales ?",
    "Combien de personnes emploie xAI ?",
    "How much did Meta offer Ruoming Pang?",
    "Qui est Chen ?",
    "Who is Elon Musk?",
]


@pytest.mark.parametrize("question", REAL_QUESTIONS)
def test_real_base_question_gets_no_real_base_answer(
    question: str,
    third: Engine,
    third_base: kb.KnowledgeBase,
    engine: Engine,
    real_names: list[str],
) -> None:
    answer, _ = third.answer(question)
    real_answer, _ = engine.answer(question)
    assert real_answer.kind in ("answer", "clarify")  # the question is a real one over there
    assert answer.kind != "clarify"  # no "Chen" to choose between here
    assert answer.text != real_answer.text
    # The reply may name back what the question wrote ("nothing about X"), nothing else.
    asked = f" {normalize(question)} "
    assert leaked(answer.text, [n for n in real_names if f" {normalize(n)} " not in asked]) == []
    assert all(o.id in third_base.entities for o in answer.options)
    assert {c.article for c in answer.citations} <= {ARTICLE}
    assert not {c.sentence for c in answer.citations} & {c.sentence for c in real_answer.citations}


@pytest.mark.parametrize(
    "question",
    [
        "Who joined xAI from Meta?",
        "Quand Ruoming Pang a-t-il rejoint Apple ?",
        "Combien de personnes emploie xAI ?",
        "Who leads Meta's superintelligence unit?",
    ],
)
def test_question_about_unknown_organisations_is_unknown(question: str, third: Engine) -> None:
    answer, _ = third.answer(question)
    assert answer.kind == "unknown", answer.text
    assert answer.citations == []
