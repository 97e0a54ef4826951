"""Sending HTML replies in order, and the bookkeeping that follows a reply without costing it."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ChatType

from bot.frontends.telegram.addressing import topic_of

log = logging.getLogger(__name__)


async def send_html(
    bot: Bot,
    chat_id: int,
    chunks: Sequence[str],
    *,
    thread_id: int | None = None,
    quote: int | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> list[Message]:
    """Send HTML `chunks` in order; the first quotes message `quote`, the last gets the buttons.
    The messages sent."""
    sent = []
    for index, chunk in enumerate(chunks):
        message = await bot.send_message(
            chat_id,
            chunk,
            message_thread_id=thread_id,
            reply_parameters=(
                ReplyParameters(quote, allow_sending_without_reply=True)
                if quote is not None and index == 0
                else None
            ),
            reply_markup=reply_markup if index == len(chunks) - 1 else None,
        )
        sent.append(message)
    return sent


async def reply_html(
    message: Message, chunks: Sequence[str], reply_markup: InlineKeyboardMarkup | None = None
) -> list[Message]:
    """Answer `message` in its chat and forum topic; outside private chats, quote it."""
    private = message.chat.type == ChatType.PRIVATE
    return await send_html(
        message.get_bot(),
        message.chat_id,
        chunks,
        thread_id=topic_of(message),
        quote=None if private else message.message_id,
        reply_markup=reply_markup,
    )


def after_reply(what: str, action: Callable[[], None]) -> None:
    """Bookkeeping done once the reply is sent: the store failing must not cost the reply."""
    try:
        action()
    except sqlite3.Error as error:
        log.warning(
            "could not keep %s (%s: %s); the reply was sent", what, type(error).__name__, error
        )
