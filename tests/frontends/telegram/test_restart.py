"""Restarts remember: conversations, pending choices and held-back replies live in the store.

Each test runs one bot, stops it, and starts a new one (new Application, new Store object) on the
same MERCATO_DATA_DIR and the same fake Bot API: what the first one left must still work.
"""

from __future__ import annotations

import pickle

from fake_engine import short_answer
from telegram_helpers import ADA, settings_for

from bot.engine import State
from bot.frontends.expiring import PendingChoice
from bot.frontends.remembered import StoredConversations, remembered
from bot.frontends.store import Store
from bot.frontends.telegram.app import build_application, polling
from bot.frontends.telegram.render import render_html
from bot.model import Option
from bot.testing.fake_bot_api import make_user, parse_telegram_html, private_chat

CAMILLE = make_user(2001, "Camille", language_code="fr")


async def test_a_follow_up_after_a_restart_uses_the_conversation(api, engine):
    async with polling(build_application(settings_for(api), engine)):
        api.push_message(private_chat(CAMILLE), CAMILLE, "Qui est Xinlei Chen ?")
        await api.wait_for_calls("sendMessage", 1)
    async with polling(build_application(settings_for(api), engine)):
        api.push_message(private_chat(CAMILLE), CAMILLE, "Et quand a-t-il rejoint xAI ?")
        await api.wait_until(lambda: len(api.calls_to("sendMessage")) >= 2, timeout=10)
        follow_up = parse_telegram_html(api.calls_to("sendMessage")[-1].params["text"])
    assert follow_up.startswith("Xinlei Chen")
    assert "juin" in follow_up.split("\n")[0]


async def test_a_clarification_button_pressed_after_a_restart_still_answers(api, engine):
    async with polling(build_application(settings_for(api), engine)):
        api.push_message(private_chat(CAMILLE), CAMILLE, "Qui est Chen ?")
        [question] = await api.wait_for_calls("sendMessage", 1)
    zhifeng = question.params["reply_markup"]["inline_keyboard"][1][0]["callback_data"]
    async with polling(build_application(settings_for(api), engine)):
        api.push_callback(CAMILLE, question.result, zhifeng)
        [edit] = await api.wait_for_calls("editMessageText", 1, timeout=10)
    assert edit.status == 200
    assert parse_telegram_html(edit.params["text"]).startswith("Zhifeng Chen")


async def test_more_pressed_after_a_restart_still_expands(api, canned):
    async with polling(build_application(settings_for(api), canned)):
        api.push_message(private_chat(ADA), ADA, "A brief one, please")
        [short] = await api.wait_for_calls("sendMessage", 1)
    [[button]] = short.params["reply_markup"]["inline_keyboard"]
    async with polling(build_application(settings_for(api), canned)):
        api.push_callback(ADA, short.result, button["callback_data"])
        [edit] = await api.wait_for_calls("editMessageText", 1)
    assert edit.params["text"] == render_html(short_answer().more)[0]


def test_damaged_or_foreign_rows_are_ignored_never_fatal(tmp_path):
    store = Store(tmp_path / "m.sqlite3")
    store.put("conversation", "1:2", b"not JSON at all")
    # What an older bot wrote: a pickled conversation (here a pickled stand-in).
    store.put("conversation", "1:3", pickle.dumps(("conversation/1/old", {"language": "fr"})))
    store.put(
        "conversation", "1:4", State(language="fr").to_json().replace("state/", "x/").encode()
    )
    store.put("choice", "abcdefgh", b"{broken json")
    conversations = StoredConversations(store)
    assert conversations.get(1, 2).last_query is None  # a fresh conversation
    assert conversations.get(1, 3) == State()
    assert conversations.get(1, 4) == State()
    assert store.get("conversation", "1:3") is None  # deleted, not read again
    assert remembered(store)["choices"].get("abcdefgh") is None


def test_choices_and_conversations_round_trip_through_the_store(tmp_path, engine):
    path = tmp_path / "m.sqlite3"
    choice = PendingChoice("Qui est Chen ?", (Option(id="x", label="X"),), "fr", 5, 6)
    key = remembered(Store(path))["choices"].add(choice)
    _, conversation = engine.answer("Qui est Xinlei Chen ?", language_hint="fr")
    StoredConversations(Store(path)).save(5, 6, conversation)

    again = Store(path)
    assert remembered(again)["choices"].get(key) == choice
    loaded = StoredConversations(again).get(5, 6)
    assert loaded == conversation
