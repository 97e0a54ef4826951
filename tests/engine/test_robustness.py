"""Whatever a user types, `Engine.answer` returns a valid Answer, and nothing inside it fails.

`Engine.answer` never raises: it logs an unexpected exception and answers an honest `unknown`.
That would hide a crash from these tests, so every answer here is also checked for an error
the engine logged (`no_engine_error`): an exception anywhere on the way is a failure, with its
traceback. Property tests (hypothesis) over arbitrary unicode, huge strings, control
characters, emoji, HTML, right-to-left text, punctuation and whitespace, alone and in long
conversations; then explicit cases for greetings, empty messages, other languages and
language hints. Everything runs on the project's own knowledge base.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable, Iterator

import pytest
from answer_checks import assert_well_formed
from chat import Chat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import KNOWLEDGE

from bot import kb
from bot.engine import Engine
from bot.model import Answer
from bot.text import fold

KNOWLEDGE_DIR = KNOWLEDGE

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEAVY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class EngineErrors(logging.Handler):
    """Collects what the engine logs at ERROR: the exceptions `Engine.answer` swallows."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


ENGINE_ERRORS = EngineErrors()


@pytest.fixture(autouse=True, scope="module")
def engine_errors_are_collected() -> Iterator[None]:
    logger = logging.getLogger("bot.engine")
    logger.addHandler(ENGINE_ERRORS)
    yield
    logger.removeHandler(ENGINE_ERRORS)


def no_engine_error(call: Callable[[], Answer]) -> Answer:
    """`call()`'s answer; a failure, with the traceback, when the engine logged an error."""
    ENGINE_ERRORS.records.clear()
    answer = call()
    if ENGINE_ERRORS.records:
        record = ENGINE_ERRORS.records[0]
        trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        pytest.fail(f"the engine logged an error: {record.getMessage()}\n{trace}")
    return answer


def ask(engine: Engine, text: str, conversation: Chat | None = None, **kw) -> Answer:
    answer = no_engine_error(
        lambda: conversation.ask(text, **kw) if conversation else engine.answer(text, **kw)[0]
    )
    assert_well_formed(answer, engine.kb)
    return answer


# ---------------------------------------------------------------- strategies

# Self-contained questions with an unambiguous answer in knowledge/ (and how it must read).
QUESTIONS = {
    "Quand Xinlei Chen a-t-il rejoint xAI ?": ("fr", "juin"),
    "When did Xinlei Chen join xAI?": ("en", "June"),
    "Qui dirige l'unité superintelligence de Meta ?": ("fr", "Alexandr Wang"),
    "Who leads Meta's superintelligence unit?": ("en", "Alexandr Wang"),
    "Combien de personnes emploie xAI ?": ("fr", "1 200"),
    "How much did Meta offer Ruoming Pang?": ("en", "200 million"),
}
FOLLOW_UPS = [
    "Et quand ?",
    "And when?",
    "Et depuis Tesla ?",
    "And Sheng Sen?",
    "Où travaillait-il avant ?",
    "What did he say?",
    "Pourquoi ?",
    "Chen",
    "Daniel",
    "Who is Daniel?",
    "Xinlei Chen",
    "the first one",
    "2",
    "premier",
]
EMOJI = ["🙂", "🤖", "🔥", "👩‍💻", "🇫🇷", "❤️", "🧠", "💸", "\U0001f600", "✅"]
HTML = [
    "<b>",
    "</b>",
    "<i>",
    "</blockquote>",
    "<blockquote>",
    "&amp;",
    "&lt;",
    "&#x27;",
    "<script>alert(1)</script>",
    '<a href="x">',
    "<",
    ">",
]
RTL = ["מי הצטרף ל", "من انضم إلى", "\u200f", "\u202b", "\u202e", "\u2067", "\u061c", "שלום"]
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
SEPARATOR = st.text(
    alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1, max_size=4
)
WHITESPACE = " \t\n\r\x0b\x0c\u00a0\u1680\u2000\u2003\u2009\u200b\u2028\u2029\u202f\u3000\ufeff"
# Messages with no letters or digits at all (NFKC can turn symbols such as "™" into letters, so
# symbols are left out).
LETTERLESS = st.one_of(
    st.text(alphabet=st.characters(categories=["P", "Zs", "Cc", "Cf"]), min_size=1, max_size=30),
    st.lists(
        st.sampled_from([*EMOJI, "<b></b>", "</blockquote>", "???", "…", "!!"]), min_size=1
    ).map(" ".join),
)

questions = st.sampled_from(sorted(QUESTIONS))
fragments = st.one_of(
    questions,
    st.sampled_from(FOLLOW_UPS),
    st.sampled_from(EMOJI + HTML + RTL),
    st.text(max_size=40),
    st.text(alphabet=CONTROL, max_size=10),
)


def _repeat(seed: str, length: int) -> str:
    return (seed * (length // len(seed) + 1))[:length]


huge_strings = st.builds(_repeat, st.text(min_size=1, max_size=30), st.integers(4000, 20000))


# ---------------------------------------------------------------- single messages


@PROPERTY
@given(text=st.text())
def test_any_unicode_text_gets_a_valid_answer(engine: Engine, text: str) -> None:
    ask(engine, text)


@PROPERTY
@given(text=st.text(), hint=st.sampled_from([None, "fr", "en", "de", ""]))
def test_any_language_hint_gets_a_valid_answer(engine: Engine, text: str, hint: str) -> None:
    answer = ask(engine, text, language_hint=hint)
    if hint in ("fr", "en") and not text.strip():
        assert answer.language == hint


@HEAVY
@given(text=huge_strings)
def test_huge_strings_get_a_valid_answer(engine: Engine, text: str) -> None:
    assert len(text) >= 4000
    ask(engine, text)


@HEAVY
@given(question=questions, padding=huge_strings)
def test_question_followed_by_a_huge_tail_gets_a_valid_answer(
    engine: Engine, question: str, padding: str
) -> None:
    ask(engine, f"{question} {padding}")


@PROPERTY
@given(text=st.text(alphabet=CONTROL, max_size=200))
def test_control_characters_alone_get_a_valid_answer(engine: Engine, text: str) -> None:
    ask(engine, text)


@PROPERTY
@given(question=questions, data=st.data())
def test_control_and_space_characters_between_words_change_nothing(
    engine: Engine, question: str, data: st.DataObject
) -> None:
    words = question.split(" ")
    noisy = words[0]
    for word in words[1:]:
        noisy += data.draw(SEPARATOR) + word
    expected = no_engine_error(lambda: engine.answer(question)[0])
    answer = ask(engine, noisy)
    assert (answer.kind, answer.language, answer.text) == (
        expected.kind,
        expected.language,
        expected.text,
    )


@PROPERTY
@given(parts=st.lists(st.one_of(st.sampled_from(EMOJI), questions, st.text(max_size=10))))
def test_emoji_mixed_with_text_get_a_valid_answer(engine: Engine, parts: list[str]) -> None:
    ask(engine, " ".join(parts))


@PROPERTY
@given(parts=st.lists(st.one_of(st.sampled_from(HTML), questions), min_size=1, max_size=8))
def test_html_fragments_get_a_valid_answer(engine: Engine, parts: list[str]) -> None:
    ask(engine, "".join(parts))


@PROPERTY
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(RTL),
            st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)),
            questions,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_right_to_left_text_gets_a_valid_answer(engine: Engine, parts: list[str]) -> None:
    ask(engine, " ".join(parts))


@PROPERTY
@given(
    text=st.one_of(
        st.text(alphabet=string.punctuation + "¿¡«»…—–’“”‹›·•", min_size=1),
        st.text(alphabet=st.characters(categories=["P"]), min_size=1),
    )
)
def test_only_punctuation_is_unknown(engine: Engine, text: str) -> None:
    answer = ask(engine, text)
    assert answer.kind == "unknown"
    assert answer.citations == []


@PROPERTY
@given(text=st.text(alphabet=WHITESPACE), hint=st.sampled_from(["fr", "en"]))
def test_only_whitespace_is_unknown_in_the_hinted_language(
    engine: Engine, text: str, hint: str
) -> None:
    answer = ask(engine, text, language_hint=hint)
    assert answer.kind == "unknown"
    assert answer.language == hint
    assert any(example in answer.text for example in engine.examples(hint))


# ---------------------------------------------------------------- conversations


@HEAVY
@given(messages=st.lists(fragments, min_size=1, max_size=10))
def test_random_conversations_always_get_valid_answers(engine: Engine, messages: list[str]) -> None:
    conversation = Chat(engine)
    for message in messages:
        answer = ask(engine, message, conversation)
        if answer.kind == "clarify":
            option = answer.options[-1].id
            chosen = no_engine_error(lambda m=message, o=option: conversation.choose(m, o))
            assert_well_formed(chosen, engine.kb)


@HEAVY
@given(garbage=st.lists(LETTERLESS, min_size=1, max_size=5), question=questions)
def test_complete_question_after_garbage_is_answered_as_in_a_new_chat(
    engine: Engine, garbage: list[str], question: str
) -> None:
    conversation = Chat(engine)
    for message in garbage:
        ask(engine, message, conversation)
    answer = ask(engine, question, conversation)
    fresh = no_engine_error(lambda: engine.answer(question)[0])
    assert (answer.kind, answer.language, answer.text) == (fresh.kind, fresh.language, fresh.text)
    language, expected = QUESTIONS[question]
    assert answer.language == language
    assert fold(expected) in fold(answer.text)


@HEAVY
@given(garbage=st.lists(LETTERLESS, min_size=1, max_size=3))
def test_pronoun_follow_up_survives_garbage(engine: Engine, garbage: list[str]) -> None:
    conversation = Chat(engine)
    ask(engine, "Qui est Ruoming Pang ?", conversation)
    for message in garbage:
        ask(engine, message, conversation)
    answer = ask(engine, "Quand a-t-il rejoint Apple ?", conversation)
    assert answer.kind == "answer"
    assert answer.language == "fr"
    assert "2021" in answer.text


GARBAGE_BREAKS_ELLIPSIS = (
    "a letter-less message in between replaces the conversation's last question, so the "
    "ellipsis follow-up is no longer completed from the real previous question"
)


@pytest.mark.parametrize(
    ("first", "garbage", "follow_up", "lang", "expected"),
    [
        pytest.param(
            "When did Xinlei Chen join xAI?",
            "???",
            "And Sheng Sen?",
            "en",
            "April",
            id="and-person",
        ),
        pytest.param(
            "Who joined xAI from FAIR?",
            "<b></b>",
            "And when?",
            "en",
            "June",
            id="and-when",
        ),
        pytest.param(
            "Qui a rejoint xAI depuis FAIR ?",
            "🙂",
            "Et quand ?",
            "fr",
            "juin",
            id="et-quand",
        ),
        pytest.param(
            "Qui a rejoint xAI depuis Meta ?",
            "🙂",
            "Et depuis Tesla ?",
            "fr",
            "près de 40",
            id="et-depuis",
        ),
        pytest.param(
            "Qui est Ruoming Pang ?",
            "🙂🙂🙂",
            "Et quand a-t-il rejoint Apple ?",
            "fr",
            "2021",
            id="et-quand-il",
        ),
    ],
)
def test_follow_up_after_garbage_still_uses_the_previous_question(
    engine: Engine, first: str, garbage: str, follow_up: str, lang: str, expected: str
) -> None:
    without = Chat(engine)
    ask(engine, first, without)
    reference = ask(engine, follow_up, without)
    assert fold(expected) in fold(reference.text)  # the follow-up works with no garbage

    conversation = Chat(engine)
    ask(engine, first, conversation)
    assert ask(engine, garbage, conversation).kind == "unknown"
    answer = ask(engine, follow_up, conversation)
    assert answer.kind == "answer"
    assert answer.language == lang
    assert fold(expected) in fold(answer.text), answer.text


def test_complete_question_after_a_clarification_is_answered_itself(engine: Engine) -> None:
    conversation = Chat(engine)
    assert ask(engine, "Who is Chen?", conversation).kind == "clarify"
    answer = ask(engine, "Quand Xinlei Chen a-t-il rejoint xAI ?", conversation)
    assert answer.kind == "answer"
    assert answer.language == "fr"
    assert "juin" in answer.text


# ---------------------------------------------------------------- explicit cases


@pytest.mark.parametrize("text", ["", " ", "   \n\t  ", "\u200b", "\x00\x01"])
def test_empty_message_is_unknown_with_help(engine: Engine, text: str) -> None:
    answer = ask(engine, text)
    assert answer.kind == "unknown"
    assert answer.language == "en"
    assert engine.summary("en") in answer.text
    assert any(example in answer.text for example in engine.examples("en"))


def test_empty_message_with_french_hint_helps_in_french(engine: Engine) -> None:
    answer = ask(engine, "  ", language_hint="fr")
    assert (answer.kind, answer.language) == ("unknown", "fr")
    assert any(example in answer.text for example in engine.examples("fr"))


def test_bonjour_is_unknown_in_french(engine: Engine) -> None:
    answer = ask(engine, "Bonjour")
    assert (answer.kind, answer.language) == ("unknown", "fr")
    assert answer.text.startswith("Bonjour")
    assert engine.summary("fr") in answer.text


def test_hello_is_unknown_in_english(engine: Engine) -> None:
    answer = ask(engine, "hello")
    assert (answer.kind, answer.language) == ("unknown", "en")
    assert answer.text.startswith("Hello")
    assert engine.summary("en") in answer.text


def test_greeting_keeps_the_conversation_language(engine: Engine) -> None:
    conversation = Chat(engine)
    ask(engine, "Qui dirige l'unité superintelligence de Meta ?", conversation)
    assert ask(engine, "merci", conversation).language == "fr"


def test_4000_character_question_is_answered(engine: Engine) -> None:
    message = "Quand Xinlei Chen a-t-il rejoint xAI ? " + "bla " * 1000
    assert len(message) >= 4000
    answer = ask(engine, message)
    assert (answer.kind, answer.language) == ("answer", "fr")
    assert "juin" in answer.text


def test_4000_characters_of_nonsense_are_unknown(engine: Engine) -> None:
    answer = ask(engine, "a" * 4000)
    assert answer.kind == "unknown"
    assert answer.citations == []


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Wer leitet das Superintelligenz-Team von Meta?", id="german"),
        pytest.param("Wie alt ist Elon Musk?", id="german-age"),
        pytest.param("谁领导Meta的超级智能部门？", id="chinese"),
        pytest.param("马斯克说了什么？", id="chinese-no-name"),
        pytest.param("¿Quién es Elon Musk?", id="spanish-who-is"),
        pytest.param(
            "¿Quién dirige la unidad de superinteligencia de Meta?",
            id="spanish-who-leads",
        ),
        pytest.param(
            "¿Cuántas personas emplea xAI?",
            id="spanish-how-many",
        ),
    ],
)
def test_other_languages_are_unknown(engine: Engine, question: str) -> None:
    answer = ask(engine, question)
    assert answer.kind == "unknown", answer.text
    assert answer.citations == []


@pytest.mark.parametrize("name", ["Ruoming Pang", "Elon Musk", "Alexandr Wang", "Xinlei Chen"])
def test_french_hint_keeps_french_for_a_bare_name(engine: Engine, name: str) -> None:
    french = ask(engine, name, language_hint="fr")
    english = ask(engine, name, language_hint="en")
    assert (french.kind, french.language) == ("answer", "fr")
    assert (english.kind, english.language) == ("answer", "en")
    assert french.text.startswith(f"{name} : ")  # French typography, French description
    assert french.text != english.text


def test_the_summary_counts_the_articles_the_base_holds(base_dir) -> None:
    about = base_dir / "about.yaml"
    text = about.read_text(encoding="utf-8")
    about.write_text(text.replace("en: ", 'en: "From {articles} articles." #', 1), encoding="utf-8")
    held = len(list((base_dir / "articles").glob("*.txt")))
    summary = Engine(kb.load(base_dir)).summary("en")
    assert summary == f"From {held} articles."
