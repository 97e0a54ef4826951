"""A button's key stands for one chat's message: pressed (or forged) under any other message,
it is refused; odd callback data is answered, never a crash."""

from __future__ import annotations

from telegram_helpers import ADA, BOB

from bot.frontends.texts import TEXTS
from bot.testing.fake_bot_api import private_chat


async def first_button(api, user: dict, text: str, count: int) -> tuple[dict, str]:
    api.push_message(private_chat(user), user, text)
    call = (await api.wait_for_calls("sendMessage", count))[count - 1]
    return call.result, call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]


async def bobs_message(api) -> dict:
    api.push_message(private_chat(BOB), BOB, "echo hello")
    calls = await api.wait_for_calls("sendMessage", 2)
    return next(c.result for c in calls if c.params["chat_id"] == BOB["id"])


async def test_a_more_key_pressed_under_another_chats_message_is_refused(bot, api):
    adas, data = await first_button(api, ADA, "A brief one, please", 1)
    bobs = await bobs_message(api)
    api.push_callback(BOB, bobs, data)  # Ada's key, forged under Bob's message
    [toast] = await api.wait_for_calls("answerCallbackQuery", 1)
    assert toast.params["text"] == TEXTS["en"]["expired"]
    assert not api.calls_to("editMessageText")
    api.push_callback(ADA, adas, data)  # still works where it belongs
    [edit] = await api.wait_for_calls("editMessageText", 1)
    assert (edit.params["chat_id"], edit.params["message_id"]) == (ADA["id"], adas["message_id"])


async def test_a_choice_key_pressed_under_another_message_is_refused(bot, api):
    adas, data = await first_button(api, ADA, "ambiguous", 1)
    bobs = await bobs_message(api)
    api.push_callback(ADA, bobs, data)  # even by the asker, under a message it is not on
    [toast] = await api.wait_for_calls("answerCallbackQuery", 1)
    assert toast.params["text"] == TEXTS["en"]["expired"]
    assert not api.calls_to("editMessageText")
    assert len(api.calls_to("sendMessage")) == 2  # nothing sent to Ada's chat either
    api.push_callback(ADA, adas, data)
    [edit] = await api.wait_for_calls("editMessageText", 1)
    assert edit.params["message_id"] == adas["message_id"]


async def test_a_superscript_index_is_answered_as_expired_not_a_crash(bot, api):
    adas, data = await first_button(api, ADA, "ambiguous", 1)
    api.push_callback(ADA, adas, data.rsplit(":", 1)[0] + ":²")
    [toast] = await api.wait_for_calls("answerCallbackQuery", 1)
    assert toast.params["text"] == TEXTS["en"]["expired"]
