"""The handlers end to end: the real Application, a canned engine, the loopback fake Bot API.

Each test runs the real Application (long polling, handlers, rate limiter, error handler) in the
test's event loop, plays the users' part by pushing updates into the fake, and asserts on the
requests the bot made. Waiting is always for a recorded call, never for a fixed time.
"""

from __future__ import annotations

import logging
import re

import pytest
from fake_engine import (
    EXAMPLES,
    HOSTILE,
    OPTIONS,
    SUMMARIES,
    TITLE_PANG,
    TITLE_XAI,
    chosen_answer,
    long_answer,
    normal_answer,
    short_answer,
)
from telegram_helpers import ADA, BOB, CAMILLE, FORUM, GROUP, QUESTION, SUPERGROUP, sent

from bot.frontends.telegram.render import TELEGRAM_TEXT_LIMIT, render_html
from bot.frontends.texts import TEXTS
from bot.testing.fake_bot_api import FakeBotAPI, parse_telegram_html, private_chat

# --- Private chats ------------------------------------------------------------------------------


async def test_a_private_message_is_answered_in_html_without_link_preview(bot, api, canned):
    api.push_message(private_chat(ADA), ADA, QUESTION)
    [reply] = await sent(api)
    assert reply["chat_id"] == ADA["id"]
    assert reply["text"] == render_html(normal_answer())[0]
    assert reply["parse_mode"] == "HTML"
    assert reply["link_preview_options"] == {"is_disabled": True}
    assert "reply_parameters" not in reply  # no need to quote in a one-to-one chat
    assert "message_thread_id" not in reply
    assert [(c.question, c.language_hint) for c in canned.calls] == [(QUESTION, "en")]


async def test_ask_works_in_private_and_alone_gets_a_one_line_usage_hint(bot, api, canned):
    api.push_message(private_chat(CAMILLE), CAMILLE, f"/ask {QUESTION}")
    await sent(api, 1)
    api.push_message(private_chat(CAMILLE), CAMILLE, "/ask")
    usage = (await sent(api, 2))[1]["text"]
    assert "\n" not in usage and "/ask" in usage and usage.startswith("Usage :")
    assert "Qui Meta a-t-il recruté ?" in usage  # the example comes from the knowledge base
    assert [c.question for c in canned.calls] == [QUESTION]
    assert canned.calls[0].language_hint == "fr"


async def test_an_unknown_command_in_private_gets_the_help(bot, api, canned):
    api.push_message(private_chat(ADA), ADA, "/weather")
    [reply] = await sent(api)
    assert reply["text"].startswith("<b>How to ask Mercato</b>")
    assert canned.calls == []


# --- Groups -------------------------------------------------------------------------------------


async def test_in_a_group_only_messages_for_the_bot_are_answered(bot, api, canned):
    someone = api.push_message(GROUP, BOB, "Nice weather today")
    for text in ["/ask@OtherBot Who?", "/start@MercatoTestBot", "/help", "/sources", "hello"]:
        api.push_message(GROUP, ADA, text)
    api.push_message(GROUP, ADA, "Indeed", reply_to=someone)
    api.push_message(GROUP, ADA, f"/ask@MercatoTestBot {QUESTION}")
    api.push_message(SUPERGROUP, BOB, "/ask Who left Meta?")
    replies = await sent(api, 2)
    assert sorted(r["chat_id"] for r in replies) == [SUPERGROUP["id"], GROUP["id"]]
    assert sorted(c.question for c in canned.calls) == [QUESTION, "Who left Meta?"]
    assert len(api.calls_to("sendMessage")) == 2


async def test_a_group_reply_quotes_the_question(bot, api):
    question = api.push_message(GROUP, ADA, f"/ask {QUESTION}")
    [reply] = await sent(api)
    assert reply["reply_parameters"]["message_id"] == question["message_id"]
    assert reply["reply_parameters"]["allow_sending_without_reply"] is True
    assert "message_thread_id" not in reply


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (f"@mercatotestbot {QUESTION}", QUESTION),
        (f"Hey @MERCATOTESTBOT, {QUESTION}", f"Hey {QUESTION}"),
        (f"{QUESTION} @MercatoTestBot", QUESTION),
    ],
)
async def test_a_mention_makes_a_question_and_is_removed_from_it(bot, api, canned, text, question):
    api.push_message(SUPERGROUP, ADA, text)
    await sent(api)
    assert [c.question for c in canned.calls] == [question]


async def test_a_reply_to_the_bot_is_a_question(bot, api, canned):
    api.push_message(GROUP, ADA, f"/ask {QUESTION}")
    [first] = await api.wait_for_calls("sendMessage", 1)
    follow_up = api.push_message(GROUP, BOB, "And before Apple?", reply_to=first.result)
    reply = (await sent(api, 2))[1]
    assert reply["reply_parameters"]["message_id"] == follow_up["message_id"]
    assert [c.question for c in canned.calls] == [QUESTION, "And before Apple?"]


async def test_forum_topic_replies_stay_in_their_topic(bot, api, canned):
    api.push_message(FORUM, ADA, "Chatting in the topic", thread_id=77)
    question = api.push_message(FORUM, ADA, f"/ask {QUESTION}", thread_id=77)
    [reply] = await sent(api)
    assert reply["message_thread_id"] == 77
    assert reply["reply_parameters"]["message_id"] == question["message_id"]
    [answer] = await api.wait_for_calls("sendMessage", 1)
    api.push_message(FORUM, BOB, "More?", thread_id=77, reply_to=answer.result)
    assert (await sent(api, 2))[1]["message_thread_id"] == 77
    assert [c.question for c in canned.calls] == [QUESTION, "More?"]


async def test_each_person_in_each_chat_has_their_own_conversation(bot, api, canned):
    api.push_message(GROUP, ADA, "/ask first")
    await sent(api, 1)
    api.push_message(GROUP, ADA, "/ask second")
    await sent(api, 2)
    api.push_message(GROUP, BOB, "/ask third")
    await sent(api, 3)
    api.push_message(private_chat(ADA), ADA, "fourth")
    await sent(api, 4)
    first, second, third, fourth = canned.calls
    assert second.state is first.returned  # Ada's conversation in the group goes on
    assert third.state is not first.returned and third.state is not second.returned
    assert all(fourth.state is not c.returned for c in (first, second, third))


# --- What answers look like ---------------------------------------------------------------------


async def test_hostile_html_in_an_answer_is_escaped(bot, api):
    api.push_message(private_chat(ADA), ADA, "hostile")
    [call] = await api.wait_for_calls("sendMessage", 1)
    assert call.status == 200  # the fake, like Telegram, refuses HTML it cannot parse
    shown = parse_telegram_html(call.params["text"])
    assert HOSTILE.text in shown
    assert "</blockquote><b> & &amp;" in shown and "<script>" in shown


async def test_a_long_answer_comes_in_several_valid_messages(bot, api):
    expected = render_html(long_answer())
    question = api.push_message(FORUM, ADA, "/ask long story", thread_id=9)
    calls = await api.wait_for_calls("sendMessage", len(expected))
    assert len(expected) >= 2
    assert [c.params["text"] for c in calls] == expected
    for call in calls:
        assert call.status == 200
        assert len(call.params["text"]) <= TELEGRAM_TEXT_LIMIT
        assert call.params["message_thread_id"] == 9
    assert calls[0].params["reply_parameters"]["message_id"] == question["message_id"]
    assert all("reply_parameters" not in c.params for c in calls[1:])


# --- Clarifications -----------------------------------------------------------------------------


async def ask_ambiguous(api: FakeBotAPI, chat: dict = GROUP, thread_id: int | None = None):
    api.push_message(chat, ADA, "/ask Where does ambiguous Alex work?", thread_id=thread_id)
    [call] = await api.wait_for_calls("sendMessage", 1)
    return call


async def test_a_clarification_offers_one_button_per_option(bot, api):
    call = await ask_ambiguous(api)
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert [[button["text"] for button in row] for row in rows] == [[o.label] for o in OPTIONS]
    for row in rows:
        assert re.fullmatch(r"c:[\w-]{8}:\d", row[0]["callback_data"])
        assert len(row[0]["callback_data"].encode()) <= 64


async def test_pressing_a_button_edits_the_question_into_the_answer(bot, api, canned):
    call = await ask_ambiguous(api, FORUM, thread_id=5)
    button = call.result["reply_markup"]["inline_keyboard"][1][0]
    api.push_callback(ADA, call.result, button["callback_data"])
    [edit] = await api.wait_for_calls("editMessageText", 1)
    [ack] = await api.wait_for_calls("answerCallbackQuery", 1)
    assert "text" not in ack.params  # no toast: the answer appears in place
    assert edit.status == 200
    assert edit.params["chat_id"] == FORUM["id"]
    assert edit.params["message_id"] == call.result["message_id"]
    assert edit.params["text"] == render_html(chosen_answer("alex-karp"))[0]
    assert "reply_markup" not in edit.params  # the buttons are gone
    last = canned.calls[-1]
    assert (last.question, last.entity_id) == ("Where does ambiguous Alex work?", "alex-karp")
    assert last.state is canned.calls[0].returned  # the asker's conversation goes on


async def test_stale_foreign_and_unknown_buttons_get_a_toast_not_an_error(bot, api, caplog):
    call = await ask_ambiguous(api)
    data = call.result["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    api.push_callback(BOB, call.result, data)  # not the asker
    api.push_callback(ADA, call.result, "c:unknown1:0")  # e.g. from before a restart
    api.push_callback(ADA, call.result, "something else")
    toasts = [c.params.get("text") for c in await api.wait_for_calls("answerCallbackQuery", 3)]
    assert sorted(toasts) == sorted(
        [TEXTS["en"]["not_yours"], TEXTS["en"]["expired"], TEXTS["en"]["expired"]]
    )
    api.push_callback(ADA, call.result, data)
    await api.wait_for_calls("editMessageText", 1)
    api.push_callback(ADA, call.result, data)  # the same button again
    calls = await api.wait_for_calls("answerCallbackQuery", 5)
    assert calls[-1].params["text"] == TEXTS["en"]["expired"]
    assert len(api.calls_to("editMessageText")) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- Commands -----------------------------------------------------------------------------------


@pytest.mark.parametrize("user", [ADA, CAMILLE], ids=["en", "fr"])
async def test_start_greets_in_the_users_language_with_three_examples(bot, api, user):
    language = "fr" if user is CAMILLE else "en"
    api.push_message(private_chat(user), user, "/start")
    [reply] = await sent(api)
    text = reply["text"]
    assert text.startswith(TEXTS[language]["greeting"].format(name=f" {user['first_name']}"))
    assert parse_telegram_html(text).count("•") == 3
    for example in EXAMPLES[language][:3]:
        assert f"• {example}" in text
    assert EXAMPLES[language][3] not in text
    summary = parse_telegram_html(text)
    assert SUMMARIES[language] in summary  # shown as written: "<quoted> & cited" escaped


@pytest.mark.parametrize(("user", "heading"), [(ADA, "How to ask"), (CAMILLE, "Comment")])
async def test_help_explains_private_and_group_use_in_the_users_language(bot, api, user, heading):
    api.push_message(private_chat(user), user, "/help")
    [reply] = await sent(api)
    text = reply["text"]
    assert text.startswith(f"<b>{heading}")
    assert "/ask" in text and "@MercatoTestBot" in text


async def test_sources_lists_the_articles_and_marks_editorial_titles(bot, api):
    api.push_message(private_chat(ADA), ADA, "/sources")
    [reply] = await sent(api)
    lines = parse_telegram_html(reply["text"]).splitlines()
    assert f"1. {TITLE_PANG}" in lines
    assert f"2. {TITLE_XAI} {TEXTS['en']['editorial']}" in lines
    assert "&amp;" in reply["text"]


# --- Short replies and "More" -------------------------------------------------------------------


async def test_a_short_reply_offers_more_and_the_press_expands_it_in_place(bot, api):
    api.push_message(private_chat(ADA), ADA, "A brief one, please")
    [call] = await api.wait_for_calls("sendMessage", 1)
    assert call.params["text"] == render_html(short_answer())[0]
    [[button]] = call.params["reply_markup"]["inline_keyboard"]
    assert button["text"] == TEXTS["en"]["more"]
    assert re.fullmatch(r"m:[\w-]{8}", button["callback_data"])
    api.push_callback(ADA, call.result, button["callback_data"])
    [edit] = await api.wait_for_calls("editMessageText", 1)
    assert edit.params["message_id"] == call.result["message_id"]
    assert edit.params["text"] == render_html(short_answer().more)[0]
    assert "reply_markup" not in edit.params  # expanded once, the button is gone
    api.push_callback(ADA, call.result, button["callback_data"])  # pressed again
    calls = await api.wait_for_calls("answerCallbackQuery", 2)
    assert calls[-1].params["text"] == TEXTS["en"]["expired"]
    assert len(api.calls_to("editMessageText")) == 1


async def test_a_whole_reply_has_no_more_button(bot, api):
    api.push_message(private_chat(ADA), ADA, "Who joined?")
    [call] = await api.wait_for_calls("sendMessage", 1)
    assert "reply_markup" not in call.params
