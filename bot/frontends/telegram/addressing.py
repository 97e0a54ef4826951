"""Which Telegram messages are questions for the bot, and where replies to them go."""

from __future__ import annotations

import functools
import re

from telegram import Message
from telegram.constants import ChatType

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z0-9_]+)(?:@(?P<target>[A-Za-z0-9_]+))?(?=\s|$)\s*(?P<rest>.*)$", re.DOTALL
)


@functools.lru_cache(maxsize=8)
def _mention(bot_username: str) -> re.Pattern[str]:
    """The bot's @username as a word, any case, with the comma or colon people put after it."""
    return re.compile(rf"(?<![\w@])@{re.escape(bot_username)}(?!\w)[,:;]?", re.IGNORECASE)


def is_addressed(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question `message` puts to this bot; "" if it calls the bot without one; else None.

    Private chat: any text, except commands other than /ask. Group: `/ask`, `/ask@ThisBot`, a
    message mentioning @ThisBot (the mention is removed), or a reply to one of the bot's messages.
    Other commands, `/ask@OtherBot` included, are not questions.
    """
    text = message.text or message.caption or ""  # a photo's caption is its question
    command = _COMMAND.match(text)
    if command:
        target = command["target"]
        if command["name"].lower() != "ask" or (target and target.lower() != bot_username.lower()):
            return None
        return command["rest"].strip()
    mention = _mention(bot_username)
    if (
        message.chat.type == ChatType.PRIVATE
        or mention.search(text)
        or _replies_to(message, bot_id)
    ):
        return " ".join(mention.sub(" ", text).split())
    return None


def _replies_to(message: Message, bot_id: int) -> bool:
    """Whether `message` replies to one of the bot's messages.

    In forum topics every message "replies" to the topic's first message: that does not count.
    """
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and replied.forum_topic_created is None
    )


def topic_of(message: Message) -> int | None:
    """The forum topic `message` is in, for replies to stay there; None outside topics."""
    return message.message_thread_id if message.is_topic_message else None
