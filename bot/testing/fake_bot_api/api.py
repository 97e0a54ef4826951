"""FakeBotAPI: one bot's Telegram, scripted by the test (updates in, faults), calls recorded.

The Bot API methods it answers are in methods.py; the HTTP server in server.py.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.testing.fake_bot_api.methods import ApiError, BotMethods
from bot.testing.fake_bot_api.server import Server, decode_parameters, serve
from bot.testing.fake_bot_api.updates import text_message

DEFAULT_TOKEN = "123456:FAKE-TOKEN-for-tests"
DEFAULT_BOT_USERNAME = "MercatoTestBot"
DEFAULT_BOT_ID = 123456

_PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$")


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
    body: str | None = None  # answered as it is (a proxy's HTML error page), not as JSON
    rate: float = 1.0  # the share of the matching calls it hits (the others pass, uncounted)


class FakeBotAPI(BotMethods):
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
        self.messages: dict[tuple[Any, Any], dict[str, Any]] = {}  # (chat id, message id), as sent
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (scope, language)
        self._updates: list[dict[str, Any]] = []  # delivered until confirmed by `offset`
        self._allowed_updates: list[str] | None = None
        self._faults: list[_Fault] = []
        self._chance = random.Random(7)  # faults hitting a share of calls, the same every run
        self._chats: dict[Any, dict[str, Any]] = {}  # by chat id, as the client sends it
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._changed = threading.Condition()
        self._closed = False
        self._server: Server | None = None
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
            "sendphoto": self._send_photo,
            "editmessagetext": self._edit_message_text,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
        }

    # Lifecycle

    def start(self) -> FakeBotAPI:
        """Listen on a free port of 127.0.0.1 and serve on a daemon thread."""
        self._server = serve(self.handle)
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
        body: str | None = None,
        rate: float = 1.0,
    ) -> None:
        """Answer the next `times` calls of `method` (to `chat_id` only, if given) with an error
        (`rate`: only that share of them, drawn at random).

        429 carries `parameters.retry_after`; 401/404 make PTB raise InvalidToken, 403 Forbidden,
        400 BadRequest, anything else NetworkError. `body`: the text answered instead of
        Telegram's JSON, as a reverse proxy's 502 or 504 page is.
        """
        default = {
            400: "Bad Request",
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after}",
        }.get(status, "Internal Server Error")
        fault = _Fault(
            method.lower(),
            times,
            status,
            description or default,
            retry_after,
            chat_id=chat_id,
            body=body,
            rate=rate,
        )
        with self._changed:
            self._faults.append(fault)

    def heal(self, method: str) -> None:
        """Drop every fault still pending for `method`: the outage is over."""
        with self._changed:
            self._faults = [f for f in self._faults if f.method != method.lower()]

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

    def wait_until_sync(self, condition: Callable[[], bool], timeout: float = 5.0) -> None:
        """Block until `condition()` holds (checked at each recorded call); TimeoutError if not."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("condition not met in time")
                self._changed.wait(min(remaining, 0.1))

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

    def handle(
        self, path: str, query: str, content_type: str, body: bytes
    ) -> tuple[int, dict | bytes]:
        """Answer one HTTP request: (status, JSON body, or raw bytes)."""
        match = _PATH.match(path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method = match["method"]
        params = decode_parameters(query, content_type, body)
        try:
            if match["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            self._apply_fault(method, params)
            implementation = self._methods.get(method.lower())
            if implementation is None:
                raise ApiError(400, f"Bad Request: the fake does not implement {method}")
            result = implementation(params)
        except ApiError as error:
            self._record(method, params, error.status, None)
            if error.body is not None:
                return error.status, error.body.encode()
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
            if fault is None or (fault.rate < 1.0 and self._chance.random() >= fault.rate):
                return
            fault.times -= 1
            if fault.times <= 0:
                self._faults.remove(fault)
        if fault.delay:
            time.sleep(fault.delay)
        if fault.status is not None:
            raise ApiError(fault.status, fault.description, fault.retry_after, fault.body)
