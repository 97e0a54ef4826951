"""Media: a caption is the question; other media get a one-line "send me text" in private, and
in groups only when addressed (a reply to the bot)."""

from __future__ import annotations

import itertools
import logging
import time

import pytest
from fake_engine import normal_answer
from telegram_helpers import ADA, CAMILLE, GROUP, QUESTION, sent

from bot.frontends.telegram.render import render_html
from bot.frontends.texts import TEXTS
from bot.testing.fake_bot_api import DEFAULT_BOT_ID, private_chat

_IDS = itertools.count(9001)
PHOTO = [{"file_id": "ph1", "file_unique_id": "uph1", "width": 90, "height": 90}]
STICKER = {
    "file_id": "st1",
    "file_unique_id": "ust1",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
    "type": "regular",
}
VOICE = {"file_id": "vo1", "file_unique_id": "uvo1", "duration": 3}


def push_media(api, chat, user, **content) -> dict:
    message = {
        "message_id": next(_IDS),
        "date": int(time.time()),
        "chat": chat,
        "from": user,
        **content,
    }
    api.push_update({"message": message})
    return message


async def test_a_photo_caption_is_read_as_the_question(bot, api, canned):
    push_media(api, private_chat(ADA), ADA, photo=PHOTO, caption=QUESTION)
    [reply] = await sent(api)
    assert reply["text"] == render_html(normal_answer())[0]
    assert [c.question for c in canned.calls] == [QUESTION]


async def test_a_document_caption_asks_in_a_group_with_ask(bot, api, canned):
    document = {"file_id": "d1", "file_unique_id": "ud1", "file_name": "cv.pdf"}
    push_media(
        api,
        GROUP,
        ADA,
        document=document,
        caption=f"/ask {QUESTION}",
        caption_entities=[{"type": "bot_command", "offset": 0, "length": 4}],
    )
    [reply] = await sent(api)
    assert reply["chat_id"] == GROUP["id"]
    assert [c.question for c in canned.calls] == [QUESTION]


@pytest.mark.parametrize(
    "content", [{"sticker": STICKER}, {"voice": VOICE}, {"photo": PHOTO}], ids=str
)
async def test_other_media_in_private_get_one_line_asking_for_text(bot, api, canned, content):
    push_media(api, private_chat(CAMILLE), CAMILLE, **content)
    [reply] = await sent(api)
    assert reply["text"] == TEXTS["fr"]["text_only"]
    assert "\n" not in reply["text"]
    assert canned.calls == []


async def test_media_in_a_group_is_ignored_unless_it_replies_to_the_bot(bot, api, caplog):
    caplog.set_level(logging.INFO, logger="bot.frontends.telegram")
    push_media(api, GROUP, ADA, sticker=STICKER)
    bot_message = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": GROUP,
        "from": {"id": DEFAULT_BOT_ID, "is_bot": True, "first_name": "Mercato"},
        "text": "An answer",
    }
    push_media(api, GROUP, ADA, sticker=STICKER, reply_to_message=bot_message)
    [reply] = await sent(api)
    assert reply["text"] == TEXTS["en"]["text_only"]
    assert reply["chat_id"] == GROUP["id"]
    await api.wait_until(lambda: "media, asked for text" in caplog.text)
    assert len(api.calls_to("sendMessage")) == 1
