"""Inline mode end to end: `@bot question` answered through the loopback fake Bot API."""

from __future__ import annotations

from fake_engine import OPTIONS, SUMMARIES, TITLE_PANG, TITLE_XAI, chosen_answer, normal_answer
from telegram_helpers import ADA, CAMILLE, QUESTION

from bot.frontends.telegram.render import TELEGRAM_TEXT_LIMIT, headline, render_html_truncated
from bot.frontends.texts import TEXTS


async def test_an_inline_query_gets_the_answer_as_one_article(bot, api, canned):
    api.push_inline_query(ADA, QUESTION)
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    assert call.status == 200
    [result] = call.params["results"]
    assert result["type"] == "article"
    assert (
        result["title"] == headline(normal_answer().text) == "Meta hired Ruoming Pang from Apple."
    )
    assert result["description"] == f"{TITLE_PANG} · {TITLE_XAI}"
    content = result["input_message_content"]
    assert content["message_text"] == render_html_truncated(normal_answer())
    assert content["parse_mode"] == "HTML"
    assert call.params["cache_time"] == 30
    assert call.params["is_personal"] is True
    assert canned.calls[0].language_hint == "en"


async def test_an_empty_inline_query_gets_a_hint(bot, api, canned):
    api.push_inline_query(CAMILLE, "   ")
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    [hint] = call.params["results"]
    assert hint["title"] == TEXTS["fr"]["inline_title"]
    assert SUMMARIES["fr"] in hint["input_message_content"]["message_text"]
    assert call.params["button"] == {
        "text": TEXTS["fr"]["inline_button"],
        "start_parameter": "inline",
    }
    assert canned.calls == []


async def test_a_long_inline_answer_is_cut_to_one_message(bot, api):
    api.push_inline_query(ADA, "long")
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    text = call.params["results"][0]["input_message_content"]["message_text"]
    assert call.status == 200 and len(text) <= TELEGRAM_TEXT_LIMIT and text.endswith("…")


async def test_an_ambiguous_inline_query_offers_one_answer_per_reading(bot, api, canned):
    api.push_inline_query(ADA, "ambiguous Alex")
    [call] = await api.wait_for_calls("answerInlineQuery", 1)
    results = call.params["results"]
    assert [r["title"] for r in results] == [o.label for o in OPTIONS]
    assert [r["input_message_content"]["message_text"] for r in results] == [
        render_html_truncated(chosen_answer(o.id)) for o in OPTIONS
    ]
    assert [c.state for c in canned.calls] == [None] * 3  # a new conversation each time
