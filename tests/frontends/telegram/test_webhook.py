"""Webhook mode on 127.0.0.1: registered with its secret, requests with the secret recorded
before they are acknowledged and answered, requests without it (or with another) refused."""

from __future__ import annotations

import json
import signal
import socket

import httpx
import pytest
from bot_process import start_bot
from telegram_helpers import ADA, QUESTION, settings_for

from bot.frontends.telegram.app import STORE, build_application, polling
from bot.frontends.telegram.webhook import SECRET_HEADER, Webhook, secret_problem
from bot.testing.fake_bot_api import private_chat, text_message

SECRET = "obviously-fake-webhook-secret_42"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def update(update_id: int, text: str = QUESTION) -> dict:
    return {"update_id": update_id, "message": text_message(private_chat(ADA), ADA, text)}


@pytest.fixture
def webhook() -> Webhook:
    port = free_port()
    return Webhook(f"https://bot.example/telegram/hook-{port}", SECRET, "127.0.0.1", port)


def local_url(webhook: Webhook) -> str:
    return f"http://127.0.0.1:{webhook.port}{webhook.path}"


async def test_a_webhook_update_with_the_secret_is_recorded_then_acknowledged_and_answered(
    api, canned, webhook
):
    application = build_application(settings_for(api), canned)
    store = application.bot_data[STORE]
    async with polling(application, webhook=webhook), httpx.AsyncClient() as client:
        [registered] = api.calls_to("setWebhook")
        assert registered.params["url"] == webhook.url
        assert registered.params["secret_token"] == SECRET
        response = await client.post(
            local_url(webhook), json=update(7001), headers={SECRET_HEADER: SECRET}
        )
        assert response.status_code == 200
        assert 7001 in store.outcomes(application.bot.id)  # recorded when acknowledged
        [reply] = await api.wait_for_calls("sendMessage", 1)
        assert reply.params["chat_id"] == ADA["id"]
        again = await client.post(  # Telegram retrying the same update: answered once
            local_url(webhook), json=update(7001), headers={SECRET_HEADER: SECRET}
        )
        assert again.status_code == 200
    assert store.outcomes(application.bot.id)[7001] == "done"
    assert len(api.calls_to("sendMessage")) == 1
    assert not api.calls_to("getUpdates")  # no polling in webhook mode


@pytest.mark.parametrize(
    "headers",
    [{}, {SECRET_HEADER: "wrong-secret"}, {SECRET_HEADER: SECRET + "x"}, {SECRET_HEADER: ""}],
)
async def test_a_webhook_request_without_the_right_secret_is_refused(
    api, canned, webhook, headers, caplog
):
    application = build_application(settings_for(api), canned)
    store = application.bot_data[STORE]
    async with polling(application, webhook=webhook), httpx.AsyncClient() as client:
        response = await client.post(local_url(webhook), json=update(7002), headers=headers)
        bad_body = await client.post(
            local_url(webhook), content=b"{not json", headers={SECRET_HEADER: SECRET}
        )
        elsewhere = await client.post(
            f"http://127.0.0.1:{webhook.port}/other", json=update(7003), headers=headers
        )
    assert response.status_code == 403
    assert bad_body.status_code == 400
    assert elsewhere.status_code == 404
    assert store.outcomes(application.bot.id) == {}
    assert not api.calls_to("sendMessage")
    assert SECRET not in caplog.text and QUESTION not in caplog.text


def test_the_webhook_settings_are_checked():
    assert secret_problem(None, None) is None
    assert "required" in secret_problem("https://bot.example/hook", None)
    assert "characters" in secret_problem("https://bot.example/hook", "spaces are not allowed")
    assert secret_problem("https://bot.example/hook", SECRET) is None


def test_the_bot_process_serves_the_webhook_until_sigterm(api, webhook):
    process = start_bot(
        api,
        MERCATO_WEBHOOK_URL=webhook.url,
        MERCATO_WEBHOOK_SECRET=SECRET,
        MERCATO_WEBHOOK_PORT=str(webhook.port),
    )
    try:
        api.wait_for_calls_sync("setWebhook", 1, timeout=30)
        refused = httpx.post(local_url(webhook), json=update(9001), timeout=10)
        accepted = httpx.post(
            local_url(webhook), json=update(9002), headers={SECRET_HEADER: SECRET}, timeout=10
        )
        api.wait_for_calls_sync("sendMessage", 1, timeout=10)
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert (refused.status_code, accepted.status_code) == (403, 200)
    assert process.returncode == 0
    assert "update 9002: private chat, answer" in stderr
    assert SECRET not in stderr + stdout and "Who hired" not in stderr
    assert "Traceback" not in stderr
    assert not api.calls_to("getUpdates")


def test_a_webhook_url_without_a_secret_exits_1_with_one_line(api):
    process = start_bot(api, MERCATO_WEBHOOK_URL="https://bot.example/hook")
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 1
    assert stderr.splitlines() == [
        "mercato: MERCATO_WEBHOOK_SECRET is required when MERCATO_WEBHOOK_URL is set."
    ]
    assert json.dumps(api.calls_to("setWebhook")) == "[]"
