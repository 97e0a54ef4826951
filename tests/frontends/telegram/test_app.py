"""The Application around the handlers: command menus, failures survived, what reaches the logs.

Against the loopback fake Bot API, with a canned engine; waiting is for recorded calls.
"""

from __future__ import annotations

import io
import logging
import re

import pytest
from telegram_helpers import ADA, BOB, GROUP, QUESTION, sent, settings_for

from bot.frontends.telegram.app import STORE, build_application, file_base_url, polling
from bot.logs import SecretRedactor, configure_logging
from bot.testing.fake_bot_api import make_user, private_chat


@pytest.mark.parametrize(
    ("base", "files"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("https://proxy.example/tg/bot/", "https://proxy.example/tg/file/bot"),
    ],
)
def test_file_url_sits_beside_the_api_url(base, files):
    assert file_base_url(base) == files


# --- Command menus ------------------------------------------------------------------------------


async def test_command_menus_are_published_in_english_and_french(bot, api):
    assert set(api.commands) == {
        ("default", ""),
        ("default", "fr"),
        ("all_group_chats", ""),
        ("all_group_chats", "fr"),
    }
    names = [c["command"] for c in api.commands[("default", "")]]
    assert names == ["ask", "start", "help", "sources", "graph"]
    assert [c["command"] for c in api.commands[("default", "fr")]] == names
    assert [c["command"] for c in api.commands[("all_group_chats", "fr")]] == ["ask", "graph"]
    assert api.commands[("default", "fr")][0]["description"] == "Poser une question"
    assert api.commands[("default", "")][0]["description"] == "Ask a question"


# --- Resilience ---------------------------------------------------------------------------------


async def test_a_rate_limit_is_waited_out_and_the_reply_still_sent(bot, api):
    api.fail("sendMessage", 429, retry_after=1)
    api.push_message(private_chat(ADA), ADA, QUESTION)
    calls = await api.wait_for_calls("sendMessage", 2)
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].at - calls[0].at >= 1.0  # the retry waited what Telegram asked


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_server_error_on_a_send_is_retried_and_the_reply_sent(bot, api, status):
    api.fail("sendMessage", status, times=2)
    api.push_message(private_chat(ADA), ADA, QUESTION)
    calls = await api.wait_for_calls("sendMessage", 3)
    assert [c.status for c in calls] == [status, status, 200]


async def test_a_send_failing_past_its_retries_is_answered_later_and_others_go_on(bot, api, caplog):
    api.fail("sendMessage", 500, times=8, chat_id=ADA["id"])  # two rounds of 1 try + 3 retries
    api.push_message(private_chat(ADA), ADA, QUESTION)  # update 1: each fake counts from 1
    api.push_message(private_chat(BOB), BOB, QUESTION)
    await api.wait_for_calls("sendMessage", 10, timeout=20)
    statuses = [(c.params["chat_id"], c.status) for c in api.calls_to("sendMessage")]
    assert statuses.count((ADA["id"], 500)) == 8
    assert (ADA["id"], 200) in statuses and (BOB["id"], 200) in statuses
    assert "update 1: not answered (NetworkError: Internal Server Error); trying again" in (
        caplog.text
    )
    store = bot.bot_data[STORE]
    await api.wait_until(lambda: store.outcomes(bot.bot.id).get(1) == "done")


async def test_a_server_error_on_an_edit_is_retried_so_the_choice_is_not_lost(bot, api):
    api.push_message(private_chat(ADA), ADA, "ambiguous")
    [question] = await api.wait_for_calls("sendMessage", 1)
    data = question.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    api.fail("editMessageText", 500)
    api.push_callback(ADA, question.result, data)
    edits = await api.wait_for_calls("editMessageText", 2)
    assert [c.status for c in edits] == [500, 200]


async def test_a_rate_limit_pauses_its_chat_only(bot, api):
    api.fail("sendMessage", 429, retry_after=2, chat_id=ADA["id"])
    api.push_message(private_chat(ADA), ADA, QUESTION)
    await api.wait_for_calls("sendMessage", 1)
    api.push_message(private_chat(BOB), BOB, QUESTION)
    calls = await api.wait_for_calls("sendMessage", 3, timeout=10)
    assert [(c.params["chat_id"], c.status) for c in calls] == [
        (ADA["id"], 429),
        (BOB["id"], 200),  # not held up by Ada's 2-second pause
        (ADA["id"], 200),
    ]
    assert calls[2].at - calls[0].at >= 2.0


async def test_a_user_who_blocked_the_bot_is_skipped_with_a_warning(bot, api, caplog):
    api.fail("sendMessage", 403, chat_id=ADA["id"])
    api.push_message(private_chat(ADA), ADA, QUESTION)
    await api.wait_for_calls("sendMessage", 1)
    api.push_message(private_chat(BOB), BOB, QUESTION)
    calls = await api.wait_for_calls("sendMessage", 2)
    assert [(c.params["chat_id"], c.status) for c in calls] == [(ADA["id"], 403), (BOB["id"], 200)]

    def warned() -> bool:
        return any(
            r.levelno == logging.WARNING and "refused the reply" in r.getMessage()
            for r in caplog.records
        )

    await api.wait_until(warned)


async def test_polling_goes_on_after_get_updates_fails(bot, api, caplog):
    # The poll in flight already passed the fault check: the one after it fails.
    api.fail("getUpdates", 502, description="Bad Gateway")
    api.push_message(private_chat(ADA), ADA, QUESTION)
    await api.wait_for_calls("sendMessage", 1)
    await api.wait_until(lambda: any(c.status == 502 for c in api.calls_to("getUpdates")))
    api.push_message(private_chat(ADA), ADA, "Who left Meta?")
    assert (await sent(api, 2))[1]["chat_id"] == ADA["id"]
    assert "polling: NetworkError: Bad Gateway" in caplog.text


async def test_an_engine_failure_is_logged_with_the_update_and_the_bot_goes_on(bot, api, caplog):
    api.push_message(private_chat(ADA), ADA, "boom")  # update 1
    api.push_message(private_chat(BOB), BOB, QUESTION)
    [reply] = await sent(api)
    assert reply["chat_id"] == BOB["id"]

    def logged() -> bool:
        return any(
            r.levelno == logging.ERROR
            and r.getMessage() == "update 1: unexpected error"
            and isinstance(r.exc_info[1], RuntimeError)
            for r in caplog.records
        )

    await api.wait_until(logged)


async def test_a_slow_reply_does_not_hold_up_other_chats(bot, api):
    api.delay("sendMessage", 1.0, chat_id=ADA["id"])
    api.push_message(private_chat(ADA), ADA, QUESTION)
    api.push_message(private_chat(BOB), BOB, QUESTION)
    calls = await api.wait_for_calls("sendMessage", 2)
    assert [c.params["chat_id"] for c in calls] == [BOB["id"], ADA["id"]]


# --- Logs ---------------------------------------------------------------------------------------


async def test_one_info_line_per_handled_update_without_the_message_text(bot, api, caplog):
    caplog.set_level(logging.INFO, logger="bot.frontends.telegram")
    api.push_message(GROUP, ADA, "/ask Who secretly hired Pang?")
    api.push_message(GROUP, ADA, "not for the bot, secretly")
    api.push_message(private_chat(ADA), ADA, "ambiguous secret")

    def lines() -> list[str]:
        return [
            r.getMessage() for r in caplog.records if r.name.startswith("bot.frontends.telegram.")
        ]

    await api.wait_until(lambda: len(lines()) >= 2)
    assert sorted(re.sub(r"^update \d+: |\d+ ms$", "", line) for line in lines()) == [
        "group chat, answer, ",
        "private chat, clarify, ",
    ]
    assert all(re.fullmatch(r"update \d+: .+, \d+ ms", line) for line in lines())
    assert "secret" not in caplog.text


async def test_the_token_never_reaches_the_logs_even_at_debug(api, canned, caplog):
    secret = api.token.partition(":")[2]
    root = logging.getLogger()
    saved = {handler: list(handler.filters) for handler in root.handlers}
    caplog.set_level(logging.DEBUG)
    configure_logging("DEBUG", api.token)
    try:
        logging.getLogger("httpx").setLevel(logging.DEBUG)  # its request lines carry the URL
        application = build_application(settings_for(api), canned)
        async with polling(application):
            api.push_message(private_chat(ADA), ADA, QUESTION)
            api.push_inline_query(ADA, QUESTION)
            await api.wait_for_calls("sendMessage", 1)
            await api.wait_for_calls("answerInlineQuery", 1)
    finally:
        for handler, filters in saved.items():
            handler.filters[:] = filters
        logging.getLogger("httpx").setLevel(logging.WARNING)
    assert "Set Bot API URL" in caplog.text  # PTB did try to log the URL with the token
    assert "HTTP Request: POST" in caplog.text
    assert "<redacted>" in caplog.text
    assert secret not in caplog.text
    assert not any(secret in record.getMessage() for record in caplog.records)


async def test_texts_and_names_never_reach_the_logs_even_at_debug(api, canned, caplog):
    root = logging.getLogger()
    saved = {handler: list(handler.filters) for handler in root.handlers}
    caplog.set_level(logging.DEBUG)
    configure_logging("DEBUG", api.token)
    zebulon = make_user(4242, "Zebulon", language_code="en")
    try:
        async with polling(build_application(settings_for(api), canned)):
            api.push_message(private_chat(zebulon), zebulon, "a secretive question")
            await api.wait_for_calls("sendMessage", 1)
    finally:
        for handler, filters in saved.items():
            handler.filters[:] = filters
    assert "Calling Bot API endpoint `sendMessage` with parameters `<hidden>`" in caplog.text
    assert "secretive" not in caplog.text and "Zebulon" not in caplog.text


async def test_mercato_log_texts_lets_them_through(api, canned, caplog):
    root = logging.getLogger()
    saved = {handler: list(handler.filters) for handler in root.handlers}
    caplog.set_level(logging.DEBUG)
    configure_logging("DEBUG", api.token)
    configure_logging("DEBUG", api.token, log_texts=True)  # as `python -m bot` then run()
    try:
        async with polling(build_application(settings_for(api), canned)):
            api.push_message(private_chat(ADA), ADA, "a secretive question")
            await api.wait_for_calls("sendMessage", 1)
    finally:
        for handler, filters in saved.items():
            handler.filters[:] = filters
    assert "secretive" in caplog.text


# --- The token is never shown -------------------------------------------------------------------


TOKEN = "123456:FAKE-TOKEN-for-tests"


def logged_through_redactor(secret: str, emit) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(SecretRedactor(secret))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        emit(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_the_token_is_masked_in_messages_arguments_and_tracebacks():
    def emit(logger: logging.Logger) -> None:
        logger.warning("url http://x/bot%s/getMe", TOKEN)
        logger.warning(f"plain {TOKEN}")
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected")
        except RuntimeError:
            logger.exception("failed")

    output = logged_through_redactor(TOKEN, emit)
    assert "FAKE-TOKEN-for-tests" not in output
    assert output.count("123456:<redacted>") == 3
    assert "RuntimeError" in output


def test_a_token_without_a_long_secret_half_is_masked_whole():
    output = logged_through_redactor("shorttok", lambda log: log.warning("x shorttok y"))
    assert output == "x <redacted> y\n"
