"""The real engine behind the real Application, against the loopback fake Bot API.

test_handlers.py checks the Telegram side with a canned engine; here the answers come from
the project's own knowledge base, so what Telegram receives is what users would read: valid HTML
(the fake rejects what Telegram would), quoted citations, buttons for ambiguous names, follow-ups.
Waiting is always for a recorded call, never for a fixed time.
"""

from __future__ import annotations

import logging

import pytest

from bot.frontends.telegram.app import build_application, polling
from bot.frontends.telegram.render import render_html
from bot.settings import Settings
from bot.testing.fake_bot_api import (
    ApiCall,
    FakeBotAPI,
    group_chat,
    make_user,
    parse_telegram_html,
    private_chat,
    supergroup_chat,
)

CAMILLE = make_user(2001, "Camille", language_code="fr")
ADA = make_user(2002, "Ada", language_code="en")
BOB = make_user(2003, "Bob", language_code="en")
GROUP = group_chat(-4101)
SUPERGROUP = supergroup_chat(-1004101)


@pytest.fixture
async def bot(api, engine):
    """Mercato with the real engine, polling the fake until the test ends."""
    settings = Settings(
        _env_file=None, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_BASE_URL=api.base_url
    )
    async with polling(build_application(settings, engine)) as application:
        yield application


async def replies(api: FakeBotAPI, count: int, chat_id: int | None = None) -> list[ApiCall]:
    """The first `count` successful sendMessage calls (to `chat_id`), once they were made."""

    def matching() -> list[ApiCall]:
        return [
            call
            for call in api.calls_to("sendMessage")
            if chat_id in (None, call.params.get("chat_id"))
        ]

    await api.wait_until(
        lambda: len(matching()) >= count,
        explain=lambda: f"{len(matching())} of {count} sendMessage calls to {chat_id}",
    )
    calls = matching()[:count]
    for call in calls:
        assert call.status == 200, call.result  # Telegram would have accepted it
    return calls


def visible(call: ApiCall) -> str:
    return parse_telegram_html(call.params["text"])


async def test_a_private_question_gets_an_html_answer_with_quoted_citations(bot, api, engine):
    question = "Qui a rejoint xAI depuis Meta ?"
    expected = render_html(engine.answer(question, language_hint="fr")[0])
    api.push_message(private_chat(CAMILLE), CAMILLE, question)
    calls = await replies(api, len(expected))
    assert [call.params["text"] for call in calls] == expected
    first = calls[0].params
    assert first["chat_id"] == CAMILLE["id"]
    assert first["parse_mode"] == "HTML"
    # an answer, not a question back: only the "More" button of a reply that holds facts back
    [[button]] = first["reply_markup"]["inline_keyboard"]
    assert button["callback_data"].startswith("m:")
    text = "".join(call.params["text"] for call in calls)
    shown = parse_telegram_html(text)
    for name in ("Xinlei Chen", "Ching-Yao Chuang", "Sheng Sen", "Alan Rice"):
        assert name in shown.split("\n")[0]
    assert "<blockquote>[1] " in text
    assert text.count("<blockquote>") == text.count("</blockquote>") >= 1
    assert "a rejoint xAI" in shown  # in French, like the question


async def test_a_group_mention_is_answered_in_reply_to_the_question(bot, api):
    username = api.bot_user["username"]
    question = api.push_message(GROUP, ADA, f"@{username} When did Ruoming Pang join Apple?")
    [call] = await replies(api, 1)
    assert call.params["chat_id"] == GROUP["id"]
    assert visible(call).startswith("Ruoming Pang joined Apple in 2021")
    assert call.params["reply_parameters"]["message_id"] == question["message_id"]


async def test_an_ambiguous_name_offers_buttons_and_a_press_answers_in_place(bot, api):
    api.push_message(private_chat(CAMILLE), CAMILLE, "Qui est Chen ?")
    [call] = await replies(api, 1)
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert [[button["text"] for button in row] for row in rows] == [
        ["Xinlei Chen"],
        ["Zhifeng Chen"],
    ]
    zhifeng = rows[1][0]["callback_data"]
    api.push_callback(CAMILLE, call.result, zhifeng)
    [edit] = await api.wait_for_calls("editMessageText", 1)
    [ack] = await api.wait_for_calls("answerCallbackQuery", 1)
    assert edit.status == 200 and ack.status == 200
    assert edit.params["chat_id"] == CAMILLE["id"]
    assert edit.params["message_id"] == call.result["message_id"]
    shown = parse_telegram_html(edit.params["text"])
    assert shown.startswith("Zhifeng Chen")
    assert "Apple" in shown and "Xinlei" not in shown
    assert "<blockquote>" in edit.params["text"]
    assert "reply_markup" not in edit.params  # the buttons are gone
    assert len(api.calls_to("sendMessage")) == 1  # answered in place, not in a new message


async def test_a_follow_up_in_a_private_chat_uses_the_conversation(bot, api):
    api.push_message(private_chat(CAMILLE), CAMILLE, "Qui est Xinlei Chen ?")
    await replies(api, 1, CAMILLE["id"])
    api.push_message(private_chat(CAMILLE), CAMILLE, "Et quand a-t-il rejoint xAI ?")
    follow_up = visible((await replies(api, 2, CAMILLE["id"]))[1])
    assert follow_up.startswith("Xinlei Chen")
    assert "juin" in follow_up.split("\n")[0]
    assert "Ching-Yao Chuang" not in follow_up  # about him only, not every recruit

    # Someone else's chat has no "him" to refer to: the same words are not read as Xinlei Chen.
    other = make_user(2004, "Dominique", language_code="fr")
    api.push_message(private_chat(other), other, "Et quand a-t-il rejoint xAI ?")
    [alone] = await replies(api, 1, other["id"])
    assert not visible(alone).startswith("Xinlei Chen")


async def test_an_inline_query_is_answered_with_the_real_answer(bot, api):
    api.push_inline_query(ADA, "Who leads Meta's superintelligence unit?")
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    assert call.status == 200
    [result] = call.params["results"]
    assert "Alexandr Wang" in result["title"]
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    shown = parse_telegram_html(content["message_text"])
    assert shown.startswith("Alexandr Wang leads Meta")
    assert "<blockquote>" in content["message_text"]


async def test_an_ambiguous_inline_query_offers_one_answer_per_person(bot, api):
    api.push_inline_query(ADA, "Chen")
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    assert call.status == 200
    results = call.params["results"]
    assert [r["title"] for r in results] == ["Xinlei Chen", "Zhifeng Chen"]
    texts = [parse_telegram_html(r["input_message_content"]["message_text"]) for r in results]
    assert texts[0].startswith("Xinlei Chen") and "xAI" in texts[0]
    assert texts[1].startswith("Zhifeng Chen") and "Apple" in texts[1]


async def test_in_a_group_only_the_addressed_message_is_answered(bot, api, caplog):
    caplog.set_level(logging.DEBUG, logger="bot.frontends.telegram")
    api.push_message(SUPERGROUP, BOB, "When did Ruoming Pang join Apple?")  # update 1: not for us
    question = api.push_message(SUPERGROUP, ADA, "/ask Who is Zhifeng Chen?")
    [call] = await replies(api, 1)
    assert call.params["reply_parameters"]["message_id"] == question["message_id"]
    assert visible(call).startswith("Zhifeng Chen")
    await api.wait_until(lambda: "update 1: not addressed to the bot, ignored" in caplog.text)
    assert len(api.calls_to("sendMessage")) == 1
