"""Webhook mode: Telegram POSTs each update to MERCATO_WEBHOOK_URL, behind a reverse proxy.

Served by tornado, the HTTP server python-telegram-bot's `webhooks` extra installs, running on
the bot's own asyncio loop. Not PTB's own webhook handler (`Updater.start_webhook`): that one
answers 200 once the update is in an in-memory queue, so a process killed a moment later has
lost an update Telegram will never send again. This handler answers only after `Intake.receive`
has committed the update to SQLite (fsynced), exactly as polling confirms an offset only after
recording the batch; the handlers then run as in polling mode (chats in turn, flood gate).

Every request must carry the secret registered with `setWebhook` in the
`X-Telegram-Bot-Api-Secret-Token` header (compared in constant time): without it, or with
another, 403 and nothing recorded. Neither the secret nor the body is ever logged. Whatever
else is wrong gets a 4xx and a log line saying why: a body over MAX_BODY (413, read to its end
so that the answer is not lost to a reset connection), one that is not JSON or nested too
deeply, an update id that is not a whole number SQLite can hold (400); the store failing gets
503, which Telegram retries.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from telegram import Bot
from tornado.httpserver import HTTPServer
from tornado.web import Application as TornadoApplication
from tornado.web import RequestHandler, stream_request_body

from bot.frontends.telegram.failures import reason
from bot.frontends.telegram.intake import Intake, valid_update_id

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what setWebhook's secret_token accepts
MAX_BODY = 1 << 20  # an update is a few kilobytes; Telegram's own limit for a file is elsewhere
DRAINED_BODY = 64 << 20  # a longer body is read to its end before its 413; beyond, cut off


def secret_problem(url: str | None, secret: str | None) -> str | None:
    """Why the webhook settings cannot be used, or None when they can (or polling is asked)."""
    if not url:
        return None
    if not secret:
        return "MERCATO_WEBHOOK_SECRET is required when MERCATO_WEBHOOK_URL is set"
    if not SECRET_SHAPE.match(secret):
        return "MERCATO_WEBHOOK_SECRET must be 1-256 characters among A-Z, a-z, 0-9, _ and -"
    return None


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts (`url`), the shared `secret`, and where this process listens."""

    url: str
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


@stream_request_body
class _UpdateHandler(RequestHandler):
    """POST <path>: one update, acknowledged once recorded."""

    def initialize(self, intake: Intake, secret: str) -> None:
        self.intake = intake
        self.secret = secret.encode()
        self.body: list[bytes] = []
        self.size = 0

    def prepare(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            log.warning("webhook: a request without the right secret refused (403)")
            self.send_error(HTTPStatus.FORBIDDEN)

    def data_received(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size <= MAX_BODY:
            self.body.append(chunk)

    def post(self) -> None:
        if self.size > MAX_BODY:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a body of {self.size} bytes")
            return
        try:
            raw = json.loads(b"".join(self.body))
        except RecursionError:
            self._refuse(HTTPStatus.BAD_REQUEST, "a body nested too deeply")
            return
        except ValueError:
            self._refuse(HTTPStatus.BAD_REQUEST, "a body that is not JSON")
            return
        if not isinstance(raw, dict) or not valid_update_id(raw.get("update_id")):
            self._refuse(HTTPStatus.BAD_REQUEST, "a body without a valid update_id")
            return
        try:
            self.intake.receive([raw])  # committed before the 200 below acknowledges it
        except sqlite3.Error as error:
            log.warning("storage: %s; not recorded, for Telegram to post again", reason(error))
            self.send_error(HTTPStatus.SERVICE_UNAVAILABLE)
            return
        self.set_status(HTTPStatus.OK)
        self.finish()

    def _refuse(self, status: HTTPStatus, what: str) -> None:
        log.warning("webhook: %s refused (%d)", what, status)
        self.send_error(status)

    def log_exception(self, *args: Any) -> None:  # tornado's default would log the request
        log.warning("webhook: a request failed (%s)", args[0].__name__ if args else "error")


class WebhookServer:
    """The HTTP server for `webhook`, handing updates to `intake`."""

    def __init__(self, webhook: Webhook, intake: Intake) -> None:
        self.webhook = webhook
        routes = [(webhook.path, _UpdateHandler, {"intake": intake, "secret": webhook.secret})]
        self._server = HTTPServer(TornadoApplication(routes), max_body_size=DRAINED_BODY)
        # One access line per update would double the bot's own; refusals are logged above.
        logging.getLogger("tornado.access").setLevel(logging.WARNING)

    async def start(self, bot: Bot, allowed_updates: Sequence[str]) -> None:
        """Listen, then tell Telegram where to post (with the secret)."""
        self._server.listen(self.webhook.port, address=self.webhook.listen)
        await bot.set_webhook(
            self.webhook.url,
            secret_token=self.webhook.secret,
            allowed_updates=list(allowed_updates),
        )
        log.info(
            "webhook: listening on %s:%d%s for %s",
            self.webhook.listen,
            self.webhook.port,
            self.webhook.path,
            self.webhook.url,
        )

    async def stop(self) -> None:
        """Stop accepting requests (the webhook stays registered: Telegram retries later)."""
        self._server.stop()
        await self._server.close_all_connections()
