"""Telegram objects as the Bot API sends them (plain dicts): users, chats, text messages."""

from __future__ import annotations

import re
import time
from typing import Any

_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")


def make_user(
    user_id: int = 1001,
    first_name: str = "Ada",
    *,
    language_code: str | None = "en",
    username: str | None = None,
) -> dict[str, Any]:
    """A Telegram `User` (a person, not a bot)."""
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    if username:
        user["username"] = username
    return user


def private_chat(user: dict[str, Any]) -> dict[str, Any]:
    """The private `Chat` between the bot and `user`."""
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def group_chat(chat_id: int = -4001, title: str = "Talent watchers") -> dict[str, Any]:
    """A basic group `Chat`."""
    return {"id": chat_id, "type": "group", "title": title}


def supergroup_chat(
    chat_id: int = -1004001, title: str = "AI recruiting", *, forum: bool = False
) -> dict[str, Any]:
    """A supergroup `Chat`; with `forum`, one whose messages live in topics."""
    chat: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": title}
    if forum:
        chat["is_forum"] = True
    return chat


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets and length limits."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def message_entities(text: str) -> list[dict[str, Any]]:
    """The `bot_command` and `mention` entities Telegram would attach to `text`."""
    entities: list[dict[str, Any]] = []
    command = _COMMAND.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": len(command.group())})
    for mention in _MENTION.finditer(text):
        offset = utf16_length(text[: mention.start()])
        entities.append({"type": "mention", "offset": offset, "length": len(mention.group())})
    return entities


def text_message(
    chat: dict[str, Any],
    sender: dict[str, Any],
    text: str,
    *,
    message_id: int = 1,
    thread_id: int | None = None,
    reply_to: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A text `Message` from `sender` in `chat`, with the entities Telegram would attach.

    In a forum topic (`thread_id` in a forum chat) a message that replies to nothing is shown by
    Telegram as replying to the message that created the topic; so it is here.
    """
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat,
        "from": sender,
        "text": text,
    }
    entities = message_entities(text)
    if entities:
        message["entities"] = entities
    in_topic = thread_id is not None and bool(chat.get("is_forum"))
    if thread_id is not None:
        message["message_thread_id"] = thread_id
        message["is_topic_message"] = in_topic
    if reply_to is None and in_topic:
        reply_to = {
            "message_id": thread_id,
            "date": message["date"],
            "chat": chat,
            "from": sender,
            "message_thread_id": thread_id,
            "is_topic_message": True,
            "forum_topic_created": {"name": "Transfers", "icon_color": 7322096},
        }
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return message
