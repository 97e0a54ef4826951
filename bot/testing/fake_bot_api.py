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
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DEFAULT_TOKEN = "123456:FAKE-TOKEN-for-tests"
DEFAULT_BOT_USERNAME = "MercatoTestBot"
DEFAULT_BOT_ID = 123456
MESSAGE_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
INLINE_RESULTS_LIMIT = 50
CALLBACK_TOAST_LIMIT = 200

# Parameters Telegram takes as plain strings; PTB sends them unencoded. Others are JSON.
_STRING_PARAMETERS = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "language_code",
        "next_offset",
        "url",
    }
)
_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}")
_ALLOWED_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "tg-emoji", "code", "pre", "blockquote",
    }
)  # fmt: skip
_NAMED_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})
_STRAY_AMPERSAND = re.compile(r"&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z]+;)")


# --- Building Telegram objects -------------------------------------------------------------------


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


# --- Telegram's HTML rules -----------------------------------------------------------------------


class _TelegramHTML(HTMLParser):
    """Parses text the way Telegram's `parse_mode=HTML` does, collecting the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open_tags: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            raise ValueError(f"unsupported start tag {tag!r}")
        if tag == "blockquote" and "blockquote" in self.open_tags:
            raise ValueError("blockquotes can't be nested")
        self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise ValueError(f"unsupported self-closing tag {tag!r}")

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            raise ValueError(f"unmatched end tag {tag!r}")
        self.open_tags.pop()

    def handle_data(self, data: str) -> None:
        if any(ch in data for ch in "<>&"):
            raise ValueError(f"unescaped character in {data[:30]!r}")
        self.visible.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in _NAMED_ENTITIES:
            raise ValueError(f"unsupported entity &{name};")
        self.visible.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        number = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.visible.append(chr(number))

    def handle_comment(self, data: str) -> None:
        raise ValueError("comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise ValueError("declarations are not supported")


def parse_telegram_html(text: str) -> str:
    """The visible text of `text` as Telegram's HTML parse mode reads it.

    Raises ValueError where Telegram answers "can't parse entities": an unsupported tag or
    entity, a tag closed out of order or left open, a raw "<", ">" or "&".
    """
    stray = _STRAY_AMPERSAND.search(text)
    if stray:  # HTMLParser forgives "&T" and "&amp" without ";"; Telegram does not
        raise ValueError(f"unescaped & at {stray.start()}")
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()  # flushes what it held back, e.g. a final "<b" becomes (rejected) text
    if parser.open_tags:
        raise ValueError(f"unclosed tags {parser.open_tags}")
    return "".join(parser.visible)


# --- The fake ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApiCall:
    """One request the fake answered: method, decoded parameters, HTTP status, result, time."""

    method: str
    params: dict[str, Any]
    status: int
    result: Any
    at: float  # time.perf_counter() when the answer was ready


@dataclass
class _Fault:
    method: str
    times: int
    status: int | None = None  # None: answer normally, after `delay`
    description: str = ""
    retry_after: int | None = None
    delay: float = 0.0
    chat_id: int | None = None


class _ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


class FakeBotAPI:
    """A Telegram Bot API server on 127.0.0.1 for one bot; use as a context manager."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = DEFAULT_BOT_USERNAME,
        bot_id: int = DEFAULT_BOT_ID,
    ) -> None:
        self.token = token
        self.bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "Mercato",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self.calls: list[ApiCall] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # (chat id, message id)
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (scope, language)
        self._updates: list[dict[str, Any]] = []  # delivered until confirmed by `offset`
        self._allowed_updates: list[str] | None = None
        self._faults: list[_Fault] = []
        self._chats: dict[int, dict[str, Any]] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._changed = threading.Condition()
        self._closed = False
        self._server: _Server | None = None
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda _: self.bot_user,
            "getupdates": self._get_updates,
            "deletewebhook": lambda _: True,
            "setwebhook": lambda _: True,
            "logout": lambda _: True,
            "close": lambda _: True,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": lambda _: True,
            "sendchataction": lambda _: True,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
        }

    # Lifecycle

    def start(self) -> FakeBotAPI:
        """Listen on a free port of 127.0.0.1 and serve on a daemon thread."""
        server = _Server(("127.0.0.1", 0), _RequestHandler)
        server.api = self
        self._server = server
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        """Answer pending long polls and stop serving."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port the fake listens on."""
        assert self._server is not None, "call start() first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """What to give PTB as `base_url`: it appends the token and "/method"."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Where files would be served (not implemented: nothing here downloads files)."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # Playing the users' part

    def push_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (e.g. `{"message": {...}}`) for getUpdates; returns it with its id."""
        update = {"update_id": next(self._update_ids), **payload}
        with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update

    def push_message(
        self,
        chat: dict[str, Any],
        user: dict[str, Any],
        text: str,
        *,
        thread_id: int | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """`user` writes `text` in `chat` (in forum topic `thread_id`, replying to `reply_to`)."""
        with self._changed:
            self._chats[chat["id"]] = chat
        message = text_message(
            chat,
            user,
            text,
            message_id=next(self._message_ids),
            thread_id=thread_id,
            reply_to=reply_to,
        )
        self.push_update({"message": message})
        return message

    def push_callback(
        self, user: dict[str, Any], message: dict[str, Any], data: str
    ) -> dict[str, Any]:
        """`user` presses the inline button carrying `data` under the bot's `message`."""
        current = self.messages.get((message["chat"]["id"], message["message_id"]), message)
        query = {
            "id": f"cb{next(self._callback_ids)}",
            "from": user,
            "chat_instance": f"instance{current['chat']['id']}",
            "message": current,
            "data": data,
        }
        self.push_update({"callback_query": query})
        return query

    def push_inline_query(self, user: dict[str, Any], query: str) -> dict[str, Any]:
        """`user` types `@bot query` in some chat."""
        inline = {
            "id": f"iq{next(self._callback_ids)}",
            "from": user,
            "query": query,
            "offset": "",
            "chat_type": "sender",
        }
        self.push_update({"inline_query": inline})
        return inline

    # Misbehaving like Telegram sometimes does

    def fail(
        self,
        method: str,
        status: int,
        *,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id` only, if given) with an error.

        429 carries `parameters.retry_after`; 401/404 make PTB raise InvalidToken, 403 Forbidden,
        400 BadRequest, anything else NetworkError.
        """
        default = {
            400: "Bad Request",
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after}",
        }.get(status, "Internal Server Error")
        fault = _Fault(
            method.lower(), times, status, description or default, retry_after, chat_id=chat_id
        )
        with self._changed:
            self._faults.append(fault)

    def delay(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id` only) `seconds` late."""
        with self._changed:
            self._faults.append(_Fault(method.lower(), times, delay=seconds, chat_id=chat_id))

    # Assertions

    def calls_to(self, method: str) -> list[ApiCall]:
        """The recorded calls of `method`, oldest first."""
        with self._changed:
            return [call for call in self.calls if call.method.lower() == method.lower()]

    def wait_for_calls_sync(self, method: str, count: int, timeout: float = 5.0) -> list[ApiCall]:
        """Block until `count` calls of `method` were recorded; returns all of them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(calls := self.calls_to(method)) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._waited_in_vain(method, count, calls))
                self._changed.wait(remaining)
        return calls

    async def wait_for_calls(self, method: str, count: int, timeout: float = 5.0) -> list[ApiCall]:
        """Wait, without blocking the event loop, until `count` calls of `method` were recorded."""
        await self.wait_until(
            lambda: len(self.calls_to(method)) >= count,
            timeout,
            lambda: self._waited_in_vain(method, count, self.calls_to(method)),
        )
        return self.calls_to(method)

    async def wait_until(
        self, condition: Callable[[], bool], timeout: float = 5.0, explain: Callable[[], str] = str
    ) -> None:
        """Wait, without blocking the event loop, until `condition()` holds; TimeoutError if not."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(explain() or "condition not met in time")
            await asyncio.sleep(0.005)

    def _waited_in_vain(self, method: str, count: int, calls: list[ApiCall]) -> str:
        methods = [call.method for call in self.calls if call.method != "getUpdates"]
        return f"{len(calls)} of {count} {method} calls recorded; all calls: {methods}"

    # Serving requests (on the server's threads)

    def handle(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, dict]:
        """Answer one HTTP request: (status, JSON body)."""
        match = _PATH.match(path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method = match["method"]
        params = _decode_parameters(query, content_type, body)
        try:
            if match["token"] != self.token:
                raise _ApiError(401, "Unauthorized")
            self._apply_fault(method, params)
            implementation = self._methods.get(method.lower())
            if implementation is None:
                raise _ApiError(400, f"Bad Request: the fake does not implement {method}")
            result = implementation(params)
        except _ApiError as error:
            self._record(method, params, error.status, None)
            payload: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            if error.retry_after is not None:
                payload["parameters"] = {"retry_after": error.retry_after}
            return error.status, payload
        self._record(method, params, 200, result)
        return 200, {"ok": True, "result": result}

    def _record(self, method: str, params: dict[str, Any], status: int, result: Any) -> None:
        with self._changed:
            self.calls.append(ApiCall(method, params, status, result, time.perf_counter()))
            self._changed.notify_all()

    def _apply_fault(self, method: str, params: dict[str, Any]) -> None:
        with self._changed:
            fault = next(
                (
                    f
                    for f in self._faults
                    if f.method == method.lower() and f.chat_id in (None, params.get("chat_id"))
                ),
                None,
            )
            if fault is None:
                return
            fault.times -= 1
            if fault.times <= 0:
                self._faults.remove(fault)
        if fault.delay:
            time.sleep(fault.delay)
        if fault.status is not None:
            raise _ApiError(fault.status, fault.description, fault.retry_after)

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
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command["description"]) <= 256:
                raise _ApiError(400, "Bad Request: command description is invalid")
        self.commands[(scope, params.get("language_code") or "")] = commands
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        scope = (params.get("scope") or {"type": "default"})["type"]
        return self.commands.get((scope, params.get("language_code") or ""), [])

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "?"}
        visible = _check_text(params.get("text", ""), params.get("parse_mode"))
        _check_markup(params.get("reply_markup"))
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

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        visible = _check_text(params.get("text", ""), params.get("parse_mode"))
        _check_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        key = (params.get("chat_id"), params.get("message_id"))
        with self._changed:
            message = self.messages.get(key)
            if message is None:
                raise _ApiError(400, "Bad Request: message to edit not found")
            markup = params.get("reply_markup")
            if message["text"] == visible and message.get("reply_markup") == markup:
                raise _ApiError(400, "Bad Request: message is not modified")
            message = {**message, "text": visible, "edit_date": int(time.time())}
            message.pop("reply_markup", None)
            if markup:
                message["reply_markup"] = markup
            self.messages[key] = message
        return message

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        if len(params.get("text") or "") > CALLBACK_TOAST_LIMIT:
            raise _ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _answer_inline_query(self, params: dict[str, Any]) -> bool:
        results = params.get("results") or []
        if len(results) > INLINE_RESULTS_LIMIT:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result["id"] for result in results]
        if len(set(ids)) != len(ids) or any(len(i.encode()) > 64 for i in ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            if not result.get("title"):
                raise _ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
            content = result["input_message_content"]
            _check_text(content["message_text"], content.get("parse_mode"))
        return True


def _check_text(text: str, parse_mode: str | None) -> str:
    """The visible text of a message; rejected as Telegram would: empty, too long, bad HTML."""
    visible = text
    if parse_mode == "HTML":
        try:
            visible = parse_telegram_html(text)
        except ValueError as error:
            raise _ApiError(400, f"Bad Request: can't parse entities: {error}") from None
    if not visible.strip():
        raise _ApiError(400, "Bad Request: message text is empty")
    if utf16_length(visible) > MESSAGE_LIMIT:
        raise _ApiError(400, "Bad Request: message is too long")
    return visible


def _check_markup(markup: dict[str, Any] | None) -> None:
    """Reject inline keyboards Telegram would refuse: empty labels, callback data over 64 bytes."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise _ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _decode_parameters(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Request parameters from the query string and a form, multipart or JSON body."""
    pairs = parse_qsl(query, keep_blank_values=True)
    if content_type.startswith("application/json") and body:
        return {**dict(pairs), **json.loads(body)}
    if content_type.startswith("multipart/form-data"):
        header = f"Content-Type: {content_type}\r\n\r\n".encode()
        form = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        for part in form.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name and part.get_filename() is None:
                pairs.append((str(name), part.get_payload(decode=True).decode()))
    elif body:
        pairs += parse_qsl(body.decode(), keep_blank_values=True)
    return {name: _decode_value(name, value) for name, value in pairs}


def _decode_value(name: str, value: str) -> Any:
    if name in _STRING_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class _Server(ThreadingHTTPServer):
    """One thread per connection; a deep accept queue, as PTB opens up to 256 connections."""

    daemon_threads = True
    request_queue_size = 1024
    api: FakeBotAPI


class _RequestHandler(BaseHTTPRequestHandler):
    """Hands each request to the FakeBotAPI; keeps connections alive like api.telegram.org."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall
    server: _Server

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        status, payload = self.server.api.handle(
            url.path, url.query, self.headers.get("Content-Type", ""), body
        )
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except ConnectionError:
            pass  # the client gave up (e.g. a long poll cancelled at shutdown)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests assert on recorded calls, not on access logs."""
