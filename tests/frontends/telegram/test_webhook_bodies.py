"""Webhook bodies Telegram would never send, or that the bot could not answer as they are: each
gets a 4xx (or an answer), and the log says why; none reaches the store as a 500."""

from __future__ import annotations

import json
import logging
import socket

import httpx
import pytest
from telegram_helpers import ADA, settings_for

from bot.frontends.telegram.app import STORE, build_application, polling
from bot.frontends.telegram.webhook import MAX_BODY, SECRET_HEADER, Webhook
from bot.testing.fake_bot_api import private_chat, text_message

SECRET = "obviously-fake-webhook-secret_42"
HEADERS = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def served(api, canned):
    """(POST a body to the webhook, the application) for a webhook-mode bot."""
    port = free_port()
    webhook = Webhook(f"https://bot.example/hook-{port}", SECRET, "127.0.0.1", port)
    application = build_application(settings_for(api), canned)
    async with polling(application, webhook=webhook), httpx.AsyncClient(timeout=10) as client:

        async def post(body: bytes) -> httpx.Response:
            return await client.post(
                f"http://127.0.0.1:{port}{webhook.path}", content=body, headers=HEADERS
            )

        yield post, application


def update_body(update_id: object, text: str = "echo hi") -> bytes:
    message = text_message(private_chat(ADA), ADA, text)
    return json.dumps({"update_id": update_id, "message": message}).encode()


async def test_an_update_id_beyond_sqlite_integers_is_refused_with_400(served, caplog):
    post, application = served
    response = await post(update_body(2**70))
    assert response.status_code == 400
    assert "without a valid update_id refused (400)" in caplog.text
    assert application.bot_data[STORE].outcomes(application.bot.id) == {}


@pytest.mark.parametrize("update_id", [-1, True, 1.5, "7"])
async def test_an_update_id_that_is_no_whole_number_is_refused(served, update_id):
    post, _ = served
    assert (await post(update_body(update_id))).status_code == 400


async def test_deeply_nested_json_is_refused_with_400(served, caplog):
    post, _ = served
    depth = 100_000
    response = await post(b'{"update_id": 5, "x": ' + b"[" * depth + b"]" * depth + b"}")
    assert response.status_code == 400
    assert "nested too deeply refused (400)" in caplog.text


async def test_a_body_over_the_limit_gets_413_not_a_reset_connection(served, caplog):
    post, _ = served
    response = await post(b" " * (MAX_BODY + 512 * 1024))
    assert response.status_code == 413
    assert f"a body of {MAX_BODY + 512 * 1024} bytes refused (413)" in caplog.text


async def test_a_lone_surrogate_in_a_text_still_gets_a_reply(served, api, caplog):
    caplog.set_level(logging.INFO)
    post, application = served
    body = update_body(41, "echo caf\ud800e")
    assert b"\\ud800" in body  # json.dumps escapes it, as Telegram's JSON would
    response = await post(body)
    assert response.status_code == 200
    [reply] = await api.wait_for_calls("sendMessage", 1)
    assert reply.status == 200 and reply.params["text"] == "echo caf\ufffde"
    assert "update 41: lone surrogates in its text replaced by U+FFFD" in caplog.text
    await api.wait_until(
        lambda: application.bot_data[STORE].outcomes(application.bot.id).get(41) == "done"
    )
