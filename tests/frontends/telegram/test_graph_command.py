"""/graph through the real python-telegram-bot stack and the fake Bot API, with the real engine:
a PNG uploaded with sendPhoto, its caption valid Telegram HTML within 1,024 characters."""

from __future__ import annotations

import pytest
from telegram_helpers import ADA, CAMILLE, GROUP, settings_for

from bot.frontends.graph_text import caption_html, graph_text
from bot.frontends.picture import MISSING, PictureUnavailable
from bot.frontends.telegram.app import build_application, polling
from bot.testing.fake_bot_api import (
    CAPTION_LIMIT,
    DEFAULT_BOT_USERNAME,
    ApiCall,
    FakeBotAPI,
    parse_telegram_html,
    private_chat,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def bot(api, engine):
    """Mercato with the real engine, polling the fake until the test ends."""
    async with polling(build_application(settings_for(api), engine)) as application:
        yield application


async def photo(api: FakeBotAPI) -> ApiCall:
    (call,) = await api.wait_for_calls("sendPhoto", 1)
    assert call.status == 200, call.result  # Telegram would have accepted it
    return call


def assert_valid_photo(call: ApiCall) -> str:
    """The upload is a PNG at least 800 px wide; the caption's visible text is returned."""
    data = call.params["photo"]
    assert isinstance(data, bytes) and data.startswith(PNG_SIGNATURE)
    assert call.result["photo"][0]["width"] >= 800
    caption = call.params["caption"]
    assert call.params["parse_mode"] == "HTML"
    visible = parse_telegram_html(caption)
    assert len(visible) <= CAPTION_LIMIT
    return visible


async def test_graph_in_private_sends_the_whole_map_with_a_caption_citing_the_articles(
    bot, api, engine
):
    api.push_message(private_chat(ADA), ADA, "/graph")
    call = await photo(api)
    visible = assert_valid_photo(call)
    assert call.params["chat_id"] == ADA["id"]
    assert call.params["caption"] == caption_html(engine.flows(), "en")
    for _, title in engine.flows().articles:
        assert title in visible
    assert api.calls_to("sendMessage") == []  # the picture only, not also an answer


async def test_graph_name_draws_one_entitys_flows_in_the_users_language(bot, api, engine):
    api.push_message(private_chat(CAMILLE), CAMILLE, "/graph pang")
    call = await photo(api)
    visible = assert_valid_photo(call)
    assert visible.startswith("Qui est parti où : Ruoming Pang")
    assert call.params["caption"] == caption_html(engine.flows("ruoming-pang"), "fr")


async def test_graph_at_this_bot_in_a_group_replies_there(bot, api):
    message = api.push_message(GROUP, ADA, f"/graph@{DEFAULT_BOT_USERNAME} Meta")
    call = await photo(api)
    assert_valid_photo(call)
    assert call.params["chat_id"] == GROUP["id"]
    assert call.params["reply_parameters"]["message_id"] == message["message_id"]


async def test_graph_for_another_bot_is_left_alone(bot, api):
    api.push_message(GROUP, ADA, "/graph@SomeOtherBot Meta")
    api.push_message(GROUP, ADA, f"/graph@{DEFAULT_BOT_USERNAME}")
    call = await photo(api)
    assert call.params["caption"].startswith("<b>Who moved where</b>")
    assert len(api.calls_to("sendPhoto")) == 1
    assert api.calls_to("sendMessage") == []


async def test_an_ambiguous_name_lists_the_candidates(bot, api):
    api.push_message(private_chat(ADA), ADA, "/graph Chen")
    (call,) = await api.wait_for_calls("sendMessage", 1)
    assert call.status == 200, call.result
    visible = parse_telegram_html(call.params["text"])
    assert "/graph Xinlei Chen" in visible and "/graph Zhifeng Chen" in visible
    assert api.calls_to("sendPhoto") == []


async def test_an_unknown_name_is_said_so(bot, api):
    api.push_message(private_chat(CAMILLE), CAMILLE, "/graph <Qwxzvb>")
    (call,) = await api.wait_for_calls("sendMessage", 1)
    assert call.status == 200, call.result
    assert "« <Qwxzvb> »" in parse_telegram_html(call.params["text"])
    assert api.calls_to("sendPhoto") == []


async def test_the_fake_refuses_a_caption_over_the_limit(api):
    from telegram import Bot

    async with Bot(api.token, base_url=api.base_url) as telegram_bot:
        with pytest.raises(Exception, match="too long"):
            await telegram_bot.send_photo(ADA["id"], PNG_SIGNATURE + b"\0" * 8 + b"IHDR" + bytes(8),
                                          caption="x" * (CAPTION_LIMIT + 1))  # fmt: skip


async def test_without_matplotlib_the_map_is_sent_as_lines(bot, api, engine, monkeypatch, caplog):
    def missing(graph, language):
        raise PictureUnavailable(MISSING)

    monkeypatch.setattr("bot.frontends.telegram.graph.render_png", missing)
    api.push_message(private_chat(ADA), ADA, "/graph")
    (call,) = await api.wait_for_calls("sendMessage", 1)
    assert call.status == 200, call.result
    assert parse_telegram_html(call.params["text"]) == graph_text(engine.flows(), "en")
    assert api.calls_to("sendPhoto") == []
    assert MISSING in caplog.text  # the operator learns what to install
