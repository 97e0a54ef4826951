"""The Bot API methods the fake implements, refusing what Telegram would refuse."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

from bot.testing.fake_bot_api.html import parse_telegram_html
from bot.testing.fake_bot_api.updates import text_message, utf16_length

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
INLINE_RESULTS_LIMIT = 50
CALLBACK_TOAST_LIMIT = 200


class ApiError(Exception):
    """What Telegram answers a request it refuses: an HTTP status and a description."""

    def __init__(
        self,
        status: int,
        description: str,
        retry_after: int | None = None,
        body: str | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after
        self.body = body  # answered as it is instead of Telegram's JSON


class BotMethods:
    """The methods, as Telegram answers them; FakeBotAPI mixes them in and holds their state."""

    bot_user: dict[str, Any]
    messages: dict[tuple[Any, Any], dict[str, Any]]
    commands: dict[tuple[str, str], list[dict[str, Any]]]
    _updates: list[dict[str, Any]]
    _allowed_updates: list[str] | None
    _chats: dict[Any, dict[str, Any]]
    _message_ids: Iterator[int]
    _changed: threading.Condition
    _closed: bool

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._changed:
            if "allowed_updates" in params:
                self._allowed_updates = params["allowed_updates"] or None
            self._updates = [u for u in self._updates if u["update_id"] >= offset]  # confirmed
            while True:
                ready = [u for u in self._updates if self._is_allowed(u)][:limit]
                remaining = deadline - time.monotonic()
                if ready or remaining <= 0 or self._closed:
                    return ready
                self._changed.wait(remaining)

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        kinds = set(update) - {"update_id"}
        return self._allowed_updates is None or bool(kinds & set(self._allowed_updates))

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        scope = (params.get("scope") or {"type": "default"})["type"]
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command["description"]) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        self.commands[(scope, params.get("language_code") or "")] = commands
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        scope = (params.get("scope") or {"type": "default"})["type"]
        return self.commands.get((scope, params.get("language_code") or ""), [])

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "?"}
        visible = check_text(params.get("text", ""), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        message = text_message(  # Telegram returns the visible text (formatting as entities)
            chat,
            self.bot_user,
            visible,
            message_id=next(self._message_ids),
            thread_id=params.get("message_thread_id"),
        )
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        with self._changed:
            self.messages[(chat["id"], message["message_id"])] = message
        return message

    def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        """A photo: an uploaded file (bytes) or a file id; its caption checked like a text."""
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "?"}
        photo = params.get("photo")
        if not photo:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        caption = params.get("caption") or ""
        visible = check_text(caption, params.get("parse_mode"), CAPTION_LIMIT) if caption else ""
        check_markup(params.get("reply_markup"))
        message = text_message(
            chat,
            self.bot_user,
            "",
            message_id=next(self._message_ids),
            thread_id=params.get("message_thread_id"),
        )
        del message["text"]
        width, height = image_size(photo) if isinstance(photo, bytes) else (0, 0)
        size = len(photo) if isinstance(photo, bytes) else 0
        unique = f"photo-{message['message_id']}"
        message["photo"] = [
            {"file_id": unique, "file_unique_id": unique, "width": width, "height": height,
             "file_size": size}
        ]  # fmt: skip
        if visible:
            message["caption"] = visible
        with self._changed:
            self.messages[(chat["id"], message["message_id"])] = message
        return message

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        visible = check_text(params.get("text", ""), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        key = (params.get("chat_id"), params.get("message_id"))
        with self._changed:
            message = self.messages.get(key)
            if message is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            markup = params.get("reply_markup")
            if message["text"] == visible and message.get("reply_markup") == markup:
                raise ApiError(400, "Bad Request: message is not modified")
            message = {**message, "text": visible, "edit_date": int(time.time())}
            message.pop("reply_markup", None)
            if markup:
                message["reply_markup"] = markup
            self.messages[key] = message
        return message

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        if len(params.get("text") or "") > CALLBACK_TOAST_LIMIT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _answer_inline_query(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > INLINE_RESULTS_LIMIT:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result["id"] for result in results]
        if len(set(ids)) != len(ids) or any(len(i.encode()) > 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            if not result.get("title"):
                raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
            content = result["input_message_content"]
            check_text(content["message_text"], content.get("parse_mode"))
        return True


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG; Telegram refuses what it cannot read as an image."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def check_text(text: str, parse_mode: str | None, limit: int = MESSAGE_LIMIT) -> str:
    """The visible text of a message (or caption, within `limit`); rejected as Telegram would:
    empty, too long, bad HTML."""
    visible = text
    if parse_mode == "HTML":
        try:
            visible = parse_telegram_html(text)
        except ValueError as error:
            raise ApiError(400, f"Bad Request: can't parse entities: {error}") from None
    if not visible.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_length(visible) > limit:
        raise ApiError(400, "Bad Request: message is too long")
    return visible


def check_markup(markup: dict[str, Any] | None) -> None:
    """Reject inline keyboards Telegram would refuse: empty labels, callback data over 64 bytes."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
