"""Which Telegram messages are questions for the bot: private chats, groups, forum topics."""

from __future__ import annotations

import pytest
from telegram import Message

from bot.frontends.telegram.addressing import is_addressed
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
