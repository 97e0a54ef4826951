"""/graph [NAME]: the talent flows as a picture, with a short caption citing the articles.

In private chats `/graph`, in groups `/graph` or `/graph@ThisBot` (python-telegram-bot's
CommandHandler ignores `/graph@OtherBot`). NAME is linked like a question's names; a name several
entities share gets the list of candidates to pick from.
"""

from __future__ import annotations

import asyncio
import logging
import time
from html import escape

from telegram import ReplyParameters, Update
from telegram.constants import ChatType
from telegram.ext import Application, ApplicationHandlerStop, CommandHandler, ContextTypes, filters

from bot.engine import Engine
from bot.frontends.graph_text import candidates, caption_html, graph_text, nothing, texts
from bot.frontends.picture import PictureUnavailable, render_png
from bot.frontends.telegram.addressing import topic_of
from bot.frontends.telegram.updates import message_of
from bot.frontends.texts import ui_language

log = logging.getLogger(__name__)

# Run before the handlers of group 0 (whose text handler would take "/graph" for a question);
# a handled /graph stops there.
GRAPH_GROUP = -1


class GraphCommand:
    """Answers /graph; pictures are drawn once per (entity, language) and kept."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pictures: dict[tuple[str | None, str], bytes] = {}

    async def handle(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        language = ui_language(user.language_code if user else None)
        name = " ".join(context.args or [])
        outcome = await self._reply(message, name, language)
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.info("update %s: %s chat, graph %s, %.0f ms", update.update_id, message.chat.type,
                 outcome, elapsed_ms)  # fmt: skip
        raise ApplicationHandlerStop

    async def _reply(self, message, name: str, language: str) -> str:
        """Send the picture (or say why not); what was sent."""
        words = texts(language)
        focus = None
        if name:
            ids = self.engine.resolve_name(name)
            if not ids:
                await _send_text(message, escape(words["unknown_name"].format(name=name)))
                return "unknown name"
            if len(ids) > 1:
                names = [self.engine.kb.entities[i].name.get(language) for i in ids]
                lines = [f"• <code>/graph {escape(n)}</code>" for n in sorted(names)]
                options = candidates(self.engine, ids, language)
                details = [f"  <i>{escape(o)}</i>" for o in options]
                body = [line for pair in zip(lines, details, strict=True) for line in pair]
                await _send_text(message, "\n".join([escape(words["which"]), *body]))
                return "ambiguous name"
            focus = ids[0]
        graph = self.engine.flows(focus)
        if not graph.flows:
            await _send_text(message, escape(nothing(graph, language)))
            return "no flow"
        key = (focus, language)
        if key not in self._pictures:
            try:
                self._pictures[key] = await asyncio.to_thread(render_png, graph, language)
            except PictureUnavailable as missing:
                log.warning("/graph sent as text: %s", missing)
                await _send_text(message, escape(graph_text(graph, language)))
                return "text (no matplotlib)"
        private = message.chat.type == ChatType.PRIVATE
        await message.get_bot().send_photo(
            message.chat_id,
            self._pictures[key],
            caption=caption_html(graph, language),
            message_thread_id=topic_of(message),
            reply_parameters=None
            if private
            else ReplyParameters(message.message_id, allow_sending_without_reply=True),
        )
        return f"picture, {len(graph.flows)} flow(s)"


async def _send_text(message, html: str) -> None:
    private = message.chat.type == ChatType.PRIVATE
    await message.get_bot().send_message(
        message.chat_id,
        html,
        message_thread_id=topic_of(message),
        reply_parameters=None
        if private
        else ReplyParameters(message.message_id, allow_sending_without_reply=True),
    )


def register_graph(application: Application, engine: Engine) -> None:
    """Add /graph to `application`, ahead of the question handlers."""
    command = GraphCommand(engine)
    application.add_handler(
        CommandHandler("graph", command.handle, filters=filters.UpdateType.MESSAGE),
        group=GRAPH_GROUP,
    )
