"""Inline mode: `@bot question` typed in any chat, answered with results ready to send."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent

from bot.engine import Engine
from bot.frontends.messages import greeting_html
from bot.frontends.telegram.render import headline, render_html_truncated, split_html
from bot.frontends.texts import TEXTS
from bot.model import Answer

INLINE_CACHE_SECONDS = 30
INLINE_RESULTS_LIMIT = 50


def answer_article(result_id: str, title: str, answer: Answer) -> InlineQueryResultArticle:
    """An inline result that sends the whole answer (cut to one message) when picked."""
    sources = dict.fromkeys(c.title for c in answer.citations)  # unique, in citation order
    return InlineQueryResultArticle(
        id=result_id,
        title=title or "Mercato",
        description=" · ".join(sources) or None,
        input_message_content=InputTextMessageContent(render_html_truncated(answer)),
    )


def inline_results(
    engine: Engine, question: str, hint: str | None
) -> list[InlineQueryResultArticle]:
    """Results for `@bot question`: the answer; for an ambiguous name, one answer per reading.

    Inline questions have no conversation: each is answered as a conversation's first.
    """
    answer, _ = engine.answer(question, language_hint=hint)
    if answer.kind == "clarify" and answer.options:
        return [
            answer_article(
                f"option-{i}",
                option.label,
                engine.answer_with_choice(question, option.id, language_hint=hint)[0],
            )
            for i, option in enumerate(answer.options[:INLINE_RESULTS_LIMIT])
        ]
    return [answer_article("answer", headline(answer.text), answer)]


def inline_hint(engine: Engine, language: str) -> InlineQueryResultArticle:
    """The result shown while nothing is typed yet: what to ask, with examples."""
    examples = engine.examples(language)
    return InlineQueryResultArticle(
        id="hint",
        title=TEXTS[language]["inline_title"],
        description=examples[0] if examples else None,
        input_message_content=InputTextMessageContent(
            split_html([greeting_html(engine, language, None)])[0]
        ),
    )
