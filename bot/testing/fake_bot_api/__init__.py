"""A loopback Telegram Bot API: real HTTP on 127.0.0.1, scripted behaviour, every call recorded.

Tests and the Telegram benchmark point a python-telegram-bot `Application` at `base_url` and then
play Telegram's part: push updates (messages in private chats, groups and forum topics, replies,
button presses, inline queries), inject failures (429 with `retry_after`, 500, 403, slow replies),
and assert on the recorded calls. A wrong token gets 401, as from Telegram.

Like Telegram, the fake rejects what Telegram would reject: HTML it cannot parse, texts over 4096
characters, `callback_data` over 64 bytes. So a test passing against it means the real API would
have accepted the same requests.

Standard library only: `ThreadingHTTPServer` on a daemon thread, so the fake runs beside an event
loop (or a separate process) without sharing it. PTB posts form-encoded parameters whose values are
JSON-encoded unless they are plain strings (multipart when uploading files); both are parsed.

Modules: api.py (FakeBotAPI, ApiCall), methods.py (the Bot API methods and Telegram's limits),
updates.py (users, chats and messages to push), html.py (Telegram's HTML parse mode),
server.py (HTTP). Everything public is importable from here.
"""

from bot.testing.fake_bot_api.api import (
    DEFAULT_BOT_ID,
    DEFAULT_BOT_USERNAME,
    DEFAULT_TOKEN,
    ApiCall,
    FakeBotAPI,
)
from bot.testing.fake_bot_api.html import parse_telegram_html
from bot.testing.fake_bot_api.methods import (
    CALLBACK_DATA_LIMIT,
    CALLBACK_TOAST_LIMIT,
    CAPTION_LIMIT,
    INLINE_RESULTS_LIMIT,
    MESSAGE_LIMIT,
)
from bot.testing.fake_bot_api.updates import (
    group_chat,
    make_user,
    message_entities,
    private_chat,
    supergroup_chat,
    text_message,
    utf16_length,
)

__all__ = [
    "CALLBACK_DATA_LIMIT",
    "CALLBACK_TOAST_LIMIT",
    "CAPTION_LIMIT",
    "DEFAULT_BOT_ID",
    "DEFAULT_BOT_USERNAME",
    "DEFAULT_TOKEN",
    "INLINE_RESULTS_LIMIT",
    "MESSAGE_LIMIT",
    "ApiCall",
    "FakeBotAPI",
    "group_chat",
    "make_user",
    "message_entities",
    "parse_telegram_html",
    "private_chat",
    "supergroup_chat",
    "text_message",
    "utf16_length",
]
