"""Follow-ups about the last answer itself, on the invented fixture base (third article): where
it comes from ("who says so?", "source ?", "where was that?"), and a new "and who…?" question
that must not inherit the person of the one before."""

from __future__ import annotations

import pytest
from chat import Chat
from paths import DATA

from bot import kb
from bot.engine import Engine
from bot.text import normalize


@pytest.fixture(scope="module")
def third() -> Engine:
    return Engine(kb.load(DATA / "third_article"))


def conversation(engine: Engine, *questions: str) -> str:
    """The normalised text of the last reply."""
    chat = Chat(engine)
    answer = None
    for question in questions:
        answer = chat.ask(question)
    assert answer is not None
    return normalize(answer.text)


@pytest.mark.parametrize("asked", ["Who says so?", "source?", "Where is that from?", "Selon qui ?"])
def test_a_fact_nobody_is_credited_with_is_the_articles_own_reporting(third, asked):
    text = conversation(third, "How many engineers has Lumenic hired from Vectoria Labs?", asked)
    own = ("the article says it itself", "l article l affirme lui meme")
    assert text.startswith(own), text
    assert "9" in text  # the fact is quoted again
    # Another fact's source is never lent to this one.
    assert "signal boreal" not in text and "analyst" not in text


@pytest.mark.parametrize(
    ("asked", "source"),
    [
        ("Who said that?", "helena varga"),
        ("qui a dit ça ?", "helena varga"),
        ("Where was that?", "signal boreal"),
        ("c'était où ?", "signal boreal"),
    ],
)
def test_a_saying_is_credited_to_its_speaker_and_its_medium(third, asked, source):
    text = conversation(third, "What did the CEO of Vectoria Labs say about Aurora-7?", asked)
    assert text.startswith(source), text


@pytest.mark.parametrize(
    ("first", "asked", "wanted"),
    [
        ("How many engineers has Lumenic hired from Vectoria Labs?", "who reported that number?",
         "the article says it itself"),
        ("Combien d'ingénieurs Lumenic a-t-elle recrutés chez Vectoria Labs ?",
         "qui a révélé ce chiffre ?", "l article l affirme lui meme"),
        ("What did the CEO of Vectoria Labs say about Aurora-7?", "who reported that claim?",
         "helena varga"),
    ],
)  # fmt: skip
def test_a_source_question_pointing_at_the_last_answer_asks_its_source(third, first, asked, wanted):
    text = conversation(third, first, asked)
    assert text.startswith(wanted), text


def test_asked_first_a_source_question_answers_nothing_about_anyone(third):
    answer = Chat(third).ask("Who says so?")
    assert answer.kind == "unknown"


def test_a_source_question_with_words_of_its_own_is_a_new_question(third):
    # It names what was said: not a question about the last answer's source.
    text = conversation(
        third, "Who founded Lumenic?", "Who said the departures would not delay Aurora-7?"
    )
    assert text.startswith("on the signal boreal podcast, helena varga") or "helena varga" in text


@pytest.mark.parametrize(
    ("first", "then", "wanted", "not_wanted"),
    [
        ("When did Ingrid Solberg join Lumenic?", "And who founded Lumenic?", "tomasz", "ingrid"),
        (
            "Qui a rejoint Lumenic en mars ?",
            "et qui dirige le labo de Tampere ?",
            "marek",
            "ingrid",
        ),
    ],
)
def test_and_who_asks_for_someone_new(third, first, then, wanted, not_wanted):
    text = conversation(third, first, then)
    assert wanted in text and not text.startswith(not_wanted), text
