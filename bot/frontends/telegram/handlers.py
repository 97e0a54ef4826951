"""The update handlers: short and asynchronous, deciding through plain functions.

Who is addressed (`addressing`), what to say (`bot.frontends.messages`), how it looks (`render`),
what inline mode offers (`inline`): each is decided elsewhere, testable without Telegram.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardMarkup,
    InlineQueryResultsButton,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.engine import Engine
from bot.frontends.conversations import ConversationStore
from bot.frontends.expiring import HeldBack, HeldReply, PendingChoice, PendingChoices, new_key
from bot.frontends.messages import greeting_html, help_html, sources_blocks, usage_html
from bot.frontends.misses import MissLog
from bot.frontends.telegram.addressing import is_addressed, topic_of
from bot.frontends.telegram.inline import INLINE_CACHE_SECONDS, inline_hint, inline_results
from bot.frontends.telegram.keyboard import (
    choice_keyboard,
    more_keyboard,
    parse_choice_data,
    parse_more_data,
)
from bot.frontends.telegram.render import render_html, split_html
from bot.frontends.telegram.sending import after_reply, reply_html, send_html
from bot.frontends.telegram.updates import callback_of, inline_of, message_of
from bot.frontends.texts import TEXTS, language_hint, ui_language
from bot.model import Answer
from bot.text import clean_input

log = logging.getLogger(__name__)


def _log_handled(update: Update, chat_type: str, outcome: str, started: float) -> None:
    """The one INFO line per handled update; never the text, which is the users' business."""
    elapsed_ms = (time.perf_counter() - started) * 1000
    log.info("update %s: %s chat, %s, %.0f ms", update.update_id, chat_type, outcome, elapsed_ms)


def pressed_on(query: CallbackQuery) -> tuple[int, int] | None:
    """(chat id, message id) of the message whose button was pressed, if Telegram says."""
    message = query.message
    return (message.chat.id, message.message_id) if message is not None else None


# The keyboard under a reply, and what to keep once the reply is sent as (chat id, message id).
Buttons = tuple[InlineKeyboardMarkup | None, Callable[[int, int], None]]


# --- Handlers -----------------------------------------------------------------------------------


class MercatoHandlers:
    """The update handlers, sharing one engine, the conversations and the pending choices."""

    def __init__(
        self,
        engine: Engine,
        conversations: ConversationStore | None = None,
        choices: PendingChoices | None = None,
        held_back: HeldBack | None = None,
        misses: MissLog | None = None,
    ) -> None:
        self.engine = engine
        self.misses = misses  # questions not answered, for the curator (None: not recorded)
        self.conversations = ConversationStore() if conversations is None else conversations
        self.choices = PendingChoices() if choices is None else choices
        self.held_back = HeldBack() if held_back is None else held_back

    def register(self, application: Application) -> None:
        """Add the handlers to `application`, commands before plain text."""
        private = filters.ChatType.PRIVATE
        application.add_handlers(
            [
                CommandHandler("start", self.start, filters=private),
                CommandHandler("help", self.help, filters=private),
                CommandHandler("sources", self.sources, filters=private),
                MessageHandler(  # a photo's or a document's caption is read as the question
                    (filters.TEXT | filters.CAPTION)
                    & filters.UpdateType.MESSAGE
                    & (private | filters.ChatType.GROUPS),
                    self.message,
                ),
                MessageHandler(
                    filters.ATTACHMENT
                    & filters.UpdateType.MESSAGE
                    & (private | filters.ChatType.GROUPS),
                    self.media,
                ),
                CallbackQueryHandler(self.more, pattern=r"^m:"),
                CallbackQueryHandler(self.choice),
                InlineQueryHandler(self.inline_query),
            ]
        )

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greet in the user's language with what Mercato knows and three example questions."""
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        language = ui_language(user.language_code if user else None)
        greeting = greeting_html(self.engine, language, user.first_name if user else None)
        await reply_html(message, split_html([greeting]))
        _log_handled(update, message.chat.type, "start", started)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain how to ask, in private, in groups and inline."""
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        language = ui_language(user.language_code if user else None)
        await reply_html(message, [help_html(language, context.bot.username)])
        _log_handled(update, message.chat.type, "help", started)

    async def sources(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the articles the answers come from."""
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        language = ui_language(user.language_code if user else None)
        await reply_html(message, split_html(sources_blocks(self.engine, language)))
        _log_handled(update, message.chat.type, "sources", started)

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a message addressed to the bot; let everything else pass silently."""
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        question = is_addressed(message, context.bot.username, context.bot.id)
        language = ui_language(user.language_code if user else None)
        if question is None and message.chat.type != ChatType.PRIVATE:
            log.debug("update %s: not addressed to the bot, ignored", update.update_id)
            return
        if question is None:  # a command the bot does not have, in a private chat
            await reply_html(message, [help_html(language, context.bot.username)])
            outcome = "help"
        elif not question:
            await reply_html(message, [usage_html(self.engine, language)])
            outcome = "usage"
        else:
            outcome = await self._answer(message, clean_input(question))
        _log_handled(update, message.chat.type, outcome, started)

    async def media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A sticker, a voice message, a photo without caption…: ask for text, in private or
        when addressed in a group (a reply to the bot)."""
        started = time.perf_counter()
        message, user = message_of(update), update.effective_user
        if is_addressed(message, context.bot.username, context.bot.id) is None:
            log.debug("update %s: media not addressed to the bot, ignored", update.update_id)
            return
        language = ui_language(user.language_code if user else None)
        await reply_html(message, [TEXTS[language]["text_only"]])
        _log_handled(update, message.chat.type, "media, asked for text", started)

    async def choice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn a pressed clarification button into the answer it stands for."""
        started = time.perf_counter()
        query = callback_of(update)
        chat_type = query.message.chat.type if query.message else "unknown"
        parsed = parse_choice_data(query.data)
        pending = self.choices.get(parsed[0]) if parsed else None
        if parsed is None or pending is None or parsed[1] >= len(pending.options):
            await self._toast(query, "expired")
            outcome = "expired choice"
        elif pressed_on(query) != (pending.chat_id, pending.message_id):
            await self._toast(query, "expired")  # its key copied to another message: forged
            outcome = "choice refused: pressed under another message"
        elif pending.user_id is not None and query.from_user.id != pending.user_id:
            await self._toast(query, "not_yours")
            outcome = "choice refused"
        else:
            await self._acknowledge(query)
            kind = await self._answer_choice(query, pending, parsed[1], context.bot)
            after_reply("the choice made", lambda: self._chosen(parsed[0]))
            outcome = f"choice, {kind}"
        _log_handled(update, chat_type, outcome, started)

    async def more(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Expand a short reply in place into the whole one, held back until now."""
        started = time.perf_counter()
        query = callback_of(update)
        chat_type = query.message.chat.type if query.message else "unknown"
        key = parse_more_data(query.data)
        held = self.held_back.get(key) if key else None
        if key is None or held is None or not isinstance(query.message, Message):
            await self._toast(query, "expired")
            outcome = "expired more"
        elif pressed_on(query) != (held.chat_id, held.message_id):
            await self._toast(query, "expired")  # its key copied to another message: forged
            outcome = "more refused: pressed under another message"
        else:
            await self._acknowledge(query)
            chunks = render_html(held.answer) or ["…"]
            await query.edit_message_text(chunks[0])
            await send_html(
                context.bot, query.message.chat_id, chunks[1:], thread_id=topic_of(query.message)
            )
            after_reply("the expanded reply's removal", lambda: self.held_back.discard(key))
            outcome = "more"
        _log_handled(update, chat_type, outcome, started)

    async def inline_query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer `@bot question` typed in any chat with answers ready to send."""
        started = time.perf_counter()
        query = inline_of(update)
        language = ui_language(query.from_user.language_code)
        question = clean_input(query.query)
        if question:
            hint = language_hint(query.from_user.language_code)
            results = inline_results(self.engine, question, hint)
        else:
            results = [inline_hint(self.engine, language)]
        await query.answer(
            results,
            cache_time=INLINE_CACHE_SECONDS,
            is_personal=True,  # results follow the asker's language
            button=InlineQueryResultsButton(
                text=TEXTS[language]["inline_button"], start_parameter="inline"
            ),
        )
        outcome = f"inline, {len(results)} result(s)" if question else "inline hint"
        _log_handled(update, query.chat_type or "inline", outcome, started)

    # What the handlers share

    async def _answer(self, message: Message, question: str) -> str:
        """Ask the engine, reply with the answer (and buttons if it asks to choose); its kind."""
        user = message.from_user
        user_id = user.id if user else None
        state = self.conversations.get(message.chat_id, user_id)
        hint = language_hint(user.language_code if user else None)
        answer, state = self.engine.answer(question, state, language_hint=hint)
        chunks = render_html(answer)
        if chunks:
            markup, keep = self._buttons(answer, question, user_id, message.chat.type)
            sent = await reply_html(message, chunks, markup)
            after_reply("the buttons", lambda: keep(message.chat_id, sent[-1].message_id))
        else:
            log.warning("the engine returned an empty answer; nothing sent")
        after_reply(
            "the conversation", lambda: self.conversations.save(message.chat_id, user_id, state)
        )
        misses = self.misses
        if misses is not None and answer.kind == "unknown":
            after_reply(
                "the question not answered",
                lambda: misses.unknown(question, answer.language, message.chat.type),
            )
        return answer.kind if chunks else "empty"

    async def _answer_choice(
        self, query: CallbackQuery, pending: PendingChoice, index: int, bot: Bot
    ) -> str:
        """Edit the question into the answer to option `index` (the rest in new messages)."""
        state = self.conversations.get(pending.chat_id, pending.user_id)
        answer, state = self.engine.answer_with_choice(
            pending.question,
            pending.options[index].id,
            state,
            language_hint=pending.language,
        )
        chunks = render_html(answer) or ["…"]  # an edit needs some text
        markup, keep = self._buttons(answer, pending.question, pending.user_id)
        await query.edit_message_text(chunks[0], reply_markup=markup if len(chunks) == 1 else None)
        thread_id = topic_of(query.message) if isinstance(query.message, Message) else None
        sent = await send_html(
            bot, pending.chat_id, chunks[1:], thread_id=thread_id, reply_markup=markup
        )
        carrier = sent[-1].message_id if sent else pending.message_id
        if carrier is not None:
            after_reply("the buttons", lambda: keep(pending.chat_id, carrier))
        after_reply(
            "the conversation",
            lambda: self.conversations.save(pending.chat_id, pending.user_id, state),
        )
        return answer.kind

    def _buttons(
        self, answer: Answer, question: str, user_id: int | None, chat_type: str = ChatType.PRIVATE
    ) -> Buttons:
        """The option buttons of a clarification, its question kept for the press; "More"
        under a reply that holds facts back; else none. What they stand for is kept once the
        reply is sent, bound to its chat and message (a press under any other is refused)."""
        key = new_key()
        if answer.more is not None and answer.kind != "clarify":
            label = TEXTS[answer.language if answer.language in TEXTS else "en"]["more"]
            more = answer.more
            return more_keyboard(key, label), lambda chat_id, message_id: self.held_back.put(
                key, HeldReply(more, chat_id, message_id)
            )
        if answer.kind != "clarify" or not answer.options:
            return None, lambda chat_id, message_id: None

        def keep(chat_id: int, message_id: int) -> None:
            options = tuple(answer.options)
            pending = PendingChoice(
                question, options, answer.language, chat_id, user_id, message_id
            )
            self.choices.put(key, pending)
            if self.misses:  # a miss unless an option is chosen (`choice`)
                self.misses.clarify(question, answer.language, chat_type, key)

        return choice_keyboard(key, answer.options), keep

    def _chosen(self, key: str) -> None:
        self.choices.discard(key)
        if self.misses:
            self.misses.chosen(key)

    @staticmethod
    async def _acknowledge(query: CallbackQuery) -> None:
        """Answer the press; an answer attempted again later may find the query expired."""
        try:
            await query.answer()
        except BadRequest as error:
            log.info("a button press could not be acknowledged (%s)", error)

    @staticmethod
    async def _toast(query: CallbackQuery, text: str) -> None:
        """Answer a button press with TEXTS[`text`] in the presser's language, as a toast."""
        await query.answer(TEXTS[ui_language(query.from_user.language_code)][text])
