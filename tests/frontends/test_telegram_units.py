"""The Telegram side's plain functions: who is addressed, button data, pending choices, logs."""

from __future__ import annotations

import io
import logging
import time

import pytest
from telegram import Message

from bot.frontends.telegram.app import (
    PendingChoice,
    PendingChoices,
    choice_data,
    file_base_url,
    is_addressed,
    parse_choice_data,
    ui_language,
)
from bot.logs import SecretRedactor
from bot.model import Option
from bot.testing.fake_bot_api import (
    FakeBotAPI,
    group_chat,
    make_user,
    private_chat,
    supergroup_chat,
    text_message,
)

BOT = FakeBotAPI().bot_user  # not started: just the bot's User
ADA = make_user(1001, "Ada")
BOB = make_user(1002, "Bob")
GROUP = group_chat()
FORUM = supergroup_chat(forum=True)


def addressed(chat: dict, text: str, **kwargs: object) -> str | None:
    message = Message.de_json(text_message(chat, ADA, text, **kwargs), None)
    return is_addressed(message, BOT["username"], BOT["id"])


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Who hired Pang?", "Who hired Pang?"),
        ("/ask Who hired Pang?", "Who hired Pang?"),
        ("/ask@MercatoTestBot Who hired Pang?", "Who hired Pang?"),
        ("/ask", ""),
        ("/start", None),
        ("/ask@OtherBot Who hired Pang?", None),
        ("@MercatoTestBot who hired Pang?", "who hired Pang?"),
    ],
)
def test_in_private_every_text_is_a_question_but_other_commands(text, question):
    assert addressed(private_chat(ADA), text) == question


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("/ask Who hired Pang?", "Who hired Pang?"),
        ("/ask@MercatoTestBot Who hired Pang?", "Who hired Pang?"),
        ("/ASK@mercatotestbot Who hired Pang?", "Who hired Pang?"),
        ("/ask\nWho hired Pang?", "Who hired Pang?"),
        ("/ask", ""),
        ("/ask@MercatoTestBot", ""),
        ("@MercatoTestBot Who hired Pang?", "Who hired Pang?"),
        ("@mercatotestbot: who hired Pang?", "who hired Pang?"),
        ("Hey @MERCATOTESTBOT, who hired Pang?", "Hey who hired Pang?"),
        ("who hired Pang @MercatoTestBot", "who hired Pang"),
        ("@MercatoTestBot", ""),
        ("Who hired Pang?", None),
        ("/ask@OtherBot Who hired Pang?", None),
        ("/ask@MercatoTestBotFan Who hired Pang?", None),
        ("/asking Who hired Pang?", None),
        ("/start@MercatoTestBot", None),
        ("/help", None),
        ("@MercatoTestBotFan who hired Pang?", None),
        ("write to pang@MercatoTestBot.com", None),
    ],
)
def test_in_groups_only_ask_mentions_and_replies_are_questions(text, question):
    assert addressed(GROUP, text) == question


def test_a_reply_to_the_bot_is_a_question_a_reply_to_someone_else_is_not():
    bot_message = text_message(GROUP, BOT, "An answer.", message_id=5)
    bob_message = text_message(GROUP, BOB, "A remark.", message_id=6)
    assert addressed(GROUP, "And Wang?", reply_to=bot_message) == "And Wang?"
    assert addressed(GROUP, "And Wang?", reply_to=bob_message) is None
    assert addressed(GROUP, "/ask@OtherBot x", reply_to=bot_message) is None


def test_in_a_forum_topic_the_topic_opener_is_not_a_reply_even_from_the_bot():
    opener = text_message(FORUM, BOT, "Transfers", message_id=77, thread_id=77)
    opener["forum_topic_created"] = {"name": "Transfers", "icon_color": 7322096}
    assert addressed(FORUM, "Who hired Pang?", thread_id=77, reply_to=opener) is None
    assert addressed(FORUM, "Who hired Pang?", thread_id=77) is None
    assert addressed(FORUM, "/ask Who hired Pang?", thread_id=77) == "Who hired Pang?"


def test_choice_data_round_trips_and_fits_telegram_64_bytes():
    key = PendingChoices().add(PendingChoice("q" * 500, (Option(id="a", label="A"),), "en", 1, 2))
    data = choice_data(key, 12)
    assert len(data.encode()) <= 64
    assert parse_choice_data(data) == (key, 12)


@pytest.mark.parametrize(
    "data", [None, "", "hello", "c::1", "c:key", "c:key:x", "x:key:1", "c:a:1:2"]
)
def test_foreign_callback_data_is_not_a_choice(data):
    assert parse_choice_data(data) is None


def pending(question: str = "Who is Alex?") -> PendingChoice:
    return PendingChoice(question, (Option(id="a", label="A"),), "en", -4001, 1001)


def test_pending_choices_expire():
    choices = PendingChoices(ttl=0.05)
    key = choices.add(pending())
    assert choices.get(key).question == "Who is Alex?"
    time.sleep(0.06)
    assert choices.get(key) is None
    assert len(choices) == 0


def test_pending_choices_are_bounded_oldest_dropped_first():
    choices = PendingChoices(capacity=3)
    keys = [choices.add(pending(f"q{n}")) for n in range(5)]
    assert len(choices) == 3
    assert choices.get(keys[0]) is None and choices.get(keys[1]) is None
    assert [choices.get(k).question for k in keys[2:]] == ["q2", "q3", "q4"]
    choices.discard(keys[2])
    assert choices.get(keys[2]) is None


def test_keys_are_unguessable_and_distinct():
    choices = PendingChoices()
    keys = {choices.add(pending()) for _ in range(200)}
    assert len(keys) == 200
    assert all(len(k) == 8 and ":" not in k for k in keys)


@pytest.mark.parametrize(
    ("base", "files"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("https://proxy.example/tg/bot/", "https://proxy.example/tg/file/bot"),
    ],
)
def test_file_url_sits_beside_the_api_url(base, files):
    assert file_base_url(base) == files


@pytest.mark.parametrize(
    ("code", "language"),
    [("fr", "fr"), ("fr-CA", "fr"), ("FR", "fr"), ("en", "en"), ("de", "en"), (None, "en")],
)
def test_interface_language(code, language):
    assert ui_language(code) == language


TOKEN = "123456:FAKE-TOKEN-for-tests"


def logged_through_redactor(secret: str, emit) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(SecretRedactor(secret))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        emit(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_the_token_is_masked_in_messages_arguments_and_tracebacks():
    def emit(logger: logging.Logger) -> None:
        logger.warning("url http://x/bot%s/getMe", TOKEN)
        logger.warning(f"plain {TOKEN}")
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected")
        except RuntimeError:
            logger.exception("failed")

    output = logged_through_redactor(TOKEN, emit)
    assert "FAKE-TOKEN-for-tests" not in output
    assert output.count("123456:<redacted>") == 3
    assert "RuntimeError" in output


def test_a_token_without_a_long_secret_half_is_masked_whole():
    output = logged_through_redactor("shorttok", lambda log: log.warning("x shorttok y"))
    assert output == "x <redacted> y\n"
