"""Mercato on Telegram: long polling; private chats, groups, forum topics, buttons, inline mode.

The handlers are short and asynchronous; what they decide lives in plain functions
(`is_addressed`, `greeting_html`, `inline_results`, ...) so it can be tested without Telegram.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import secrets
import sys
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from html import escape

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.engine import Engine
from bot.engine.conversation import Conversation, ConversationStore
from bot.frontends.telegram.render import headline, render_html, render_html_truncated, split_html
from bot.logs import configure_logging
from bot.model import Answer, Option
from bot.nlu.text import clean_input
from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
POLL_TIMEOUT = 25.0  # seconds a getUpdates long poll waits for something to happen
INLINE_CACHE_SECONDS = 30
INLINE_RESULTS_LIMIT = 50
RATE_LIMIT_RETRIES = 3  # a 429 is waited out and retried this many times before giving up
CHOICE_TTL = 60 * 60.0  # a clarification's buttons work for an hour
CHOICE_CAPACITY = 10_000
EXAMPLES_SHOWN = 3
TOKEN_REJECTED = (
    "mercato: Telegram rejected the bot token; check TELEGRAM_BOT_TOKEN "
    "(@BotFather's /token shows the current one)."
)


# --- Words the bot says (HTML; values interpolated into them are escaped) -----------------------

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Hello{name}! I am <b>Mercato</b>.",
        "examples": "Try asking:",
        "next": "Just send me a question. /help explains how to ask me in a group.",
        "help": (
            "<b>How to ask Mercato</b>\n"
            "• Here: just send your question, in English or French.\n"
            "• In a group: <code>/ask your question</code>, mention @{bot}, "
            "or reply to one of my messages.\n"
            "• In any chat: type <code>@{bot} your question</code> and pick the answer.\n"
            "Every answer quotes the sentences it relies on; /sources lists the articles."
        ),
        "usage": "Usage: <code>/ask your question</code>",
        "usage_example": " — e.g. <code>/ask {example}</code>",
        "sources": "<b>The articles behind the answers</b>",
        "editorial": "(title written by the editors)",
        "no_sources": "No article is loaded yet.",
        "expired": "This choice has expired: please ask again.",
        "not_yours": "Only the person who asked can choose.",
        "inline_title": "Ask Mercato about the AI talent war",
        "inline_button": "How to ask Mercato",
    },
    "fr": {
        "greeting": "Bonjour{name} ! Je suis <b>Mercato</b>.",
        "examples": "Essayez par exemple :",
        "next": "Envoyez-moi simplement une question. /help explique comment m’interroger "
        "dans un groupe.",
        "help": (
            "<b>Comment interroger Mercato</b>\n"
            "• Ici : envoyez simplement votre question, en français ou en anglais.\n"
            "• Dans un groupe : <code>/ask votre question</code>, mentionnez @{bot} "
            "ou répondez à l’un de mes messages.\n"
            "• Dans n’importe quelle discussion : tapez <code>@{bot} votre question</code> "
            "puis choisissez la réponse.\n"
            "Chaque réponse cite les phrases sur lesquelles elle s’appuie ; /sources liste "
            "les articles."
        ),
        "usage": "Usage : <code>/ask votre question</code>",
        "usage_example": " — par exemple <code>/ask {example}</code>",
        "sources": "<b>Les articles derrière les réponses</b>",
        "editorial": "(titre rédigé par la rédaction)",
        "no_sources": "Aucun article n’est encore chargé.",
        "expired": "Ce choix a expiré : posez la question à nouveau.",
        "not_yours": "Seule la personne qui a posé la question peut choisir.",
        "inline_title": "Interrogez Mercato sur la guerre des talents de l’IA",
        "inline_button": "Comment interroger Mercato",
    },
}

# (command, description) in menu order; in groups only /ask is offered, the rest is private.
COMMANDS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("ask", "Ask a question"),
        ("start", "What Mercato knows, with examples"),
        ("help", "How to ask, here and in groups"),
        ("sources", "The articles behind the answers"),
    ],
    "fr": [
        ("ask", "Poser une question"),
        ("start", "Ce que sait Mercato, avec des exemples"),
        ("help", "Comment poser une question, ici et en groupe"),
        ("sources", "Les articles derrière les réponses"),
    ],
}
GROUP_COMMANDS = frozenset({"ask"})


def ui_language(language_code: str | None) -> str:
    """The interface language for a Telegram `language_code`: French for fr*, else English."""
    return "fr" if (language_code or "").lower().startswith("fr") else "en"


def language_hint(language_code: str | None) -> str | None:
    """What to tell the engine about the asker's language: "fr", "en", or None if unknown."""
    return ui_language(language_code) if language_code else None


# --- Which messages are questions for the bot -----------------------------------------------------

_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z0-9_]+)(?:@(?P<target>[A-Za-z0-9_]+))?(?=\s|$)\s*(?P<rest>.*)$", re.DOTALL
)


@functools.lru_cache(maxsize=8)
def _mention(bot_username: str) -> re.Pattern[str]:
    """The bot's @username as a word, any case, with the comma or colon people put after it."""
    return re.compile(rf"(?<![\w@])@{re.escape(bot_username)}(?!\w)[,:;]?", re.IGNORECASE)


def is_addressed(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question `message` puts to this bot; "" if it calls the bot without one; else None.

    Private chat: any text, except commands other than /ask. Group: `/ask`, `/ask@ThisBot`, a
    message mentioning @ThisBot (the mention is removed), or a reply to one of the bot's messages.
    Other commands, `/ask@OtherBot` included, are not questions.
    """
    text = message.text or ""
    command = _COMMAND.match(text)
    if command:
        target = command["target"]
        if command["name"].lower() != "ask" or (target and target.lower() != bot_username.lower()):
            return None
        return command["rest"].strip()
    mention = _mention(bot_username)
    if (
        message.chat.type == ChatType.PRIVATE
        or mention.search(text)
        or _replies_to(message, bot_id)
    ):
        return " ".join(mention.sub(" ", text).split())
    return None


def _replies_to(message: Message, bot_id: int) -> bool:
    """Whether `message` replies to one of the bot's messages.

    In forum topics every message "replies" to the topic's first message: that does not count.
    """
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == bot_id
        and replied.forum_topic_created is None
    )


def topic_of(message: Message) -> int | None:
    """The forum topic `message` is in, for replies to stay there; None outside topics."""
    return message.message_thread_id if message.is_topic_message else None


# --- Clarification buttons ----------------------------------------------------------------------


@dataclass(frozen=True)
class PendingChoice:
    """A clarification waiting for a button press: what was asked, by whom, where, and options."""

    question: str
    options: tuple[Option, ...]
    language: str
    chat_id: int
    user_id: int | None
    created: float = field(default_factory=time.monotonic)


class PendingChoices:
    """Clarifications by short random key (callback_data holds 64 bytes, a question may not).

    Bounded: at most `capacity` (oldest dropped first), each forgotten `ttl` seconds after it
    was asked.
    """

    def __init__(self, *, ttl: float = CHOICE_TTL, capacity: int = CHOICE_CAPACITY) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: dict[str, PendingChoice] = {}

    def add(self, choice: PendingChoice) -> str:
        """Keep `choice`; returns its key (8 URL-safe characters)."""
        key = secrets.token_urlsafe(6)
        self._items[key] = choice
        while len(self._items) > self.capacity:
            del self._items[next(iter(self._items))]  # dicts keep insertion order: oldest first
        return key

    def get(self, key: str) -> PendingChoice | None:
        """The live choice under `key`, or None if unknown or expired."""
        choice = self._items.get(key)
        if choice is not None and time.monotonic() - choice.created > self.ttl:
            del self._items[key]
            return None
        return choice

    def discard(self, key: str) -> None:
        """Forget `key`: a choice is made once."""
        self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)


def choice_data(key: str, index: int) -> str:
    """The callback_data of option `index` of the choice `key`: "c:<key>:<index>"."""
    return f"c:{key}:{index}"


def parse_choice_data(data: str | None) -> tuple[str, int] | None:
    """(key, index) from callback_data made by `choice_data`, None for anything else."""
    parts = (data or "").split(":")
    if len(parts) != 3 or parts[0] != "c" or not parts[1] or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2])


def choice_keyboard(key: str, options: Sequence[Option]) -> InlineKeyboardMarkup:
    """One button per option, one per row."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(o.label, callback_data=choice_data(key, i))]
            for i, o in enumerate(options)
        ]
    )


# --- What the commands say ----------------------------------------------------------------------


def greeting_html(engine: Engine, language: str, first_name: str | None) -> str:
    """/start: hello, what Mercato knows about, three example questions, what to do next."""
    texts = TEXTS[language]
    parts = [texts["greeting"].format(name=f" {escape(first_name)}" if first_name else "")]
    summary = engine.summary(language)
    if summary:
        parts.append(escape(summary))
    examples = engine.examples(language)[:EXAMPLES_SHOWN]
    if examples:
        parts.append("\n".join([texts["examples"], *(f"• {escape(e)}" for e in examples)]))
    parts.append(texts["next"])
    return "\n\n".join(parts)


def help_html(language: str, bot_username: str) -> str:
    """/help: how to ask in private, in groups and inline."""
    return TEXTS[language]["help"].format(bot=escape(bot_username))


def usage_html(engine: Engine, language: str) -> str:
    """The one-line hint for /ask without a question."""
    texts = TEXTS[language]
    examples = engine.examples(language)
    example = texts["usage_example"].format(example=escape(examples[0])) if examples else ""
    return texts["usage"] + example


def sources_blocks(engine: Engine, language: str) -> list[str]:
    """/sources: a heading, then one numbered line per article, editorial titles marked."""
    texts = TEXTS[language]
    sources = engine.sources()
    if not sources:
        return [texts["no_sources"]]
    lines = [
        f"{n}. {escape(s.title)}" + (f" <i>{texts['editorial']}</i>" if s.editorial_title else "")
        for n, s in enumerate(sources, 1)
    ]
    return [texts["sources"], "\n".join(lines)]


# --- Inline mode --------------------------------------------------------------------------------


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

    Inline questions have no conversation: each is answered from a fresh context.
    """
    answer = engine.answer(question, Conversation(), language_hint=hint)
    if answer.kind == "clarify" and answer.options:
        return [
            answer_article(
                f"option-{i}",
                option.label,
                engine.answer_with_choice(question, option.id, Conversation(), language_hint=hint),
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


# --- Sending ------------------------------------------------------------------------------------


async def send_html(
    bot: Bot,
    chat_id: int,
    chunks: Sequence[str],
    *,
    thread_id: int | None = None,
    quote: int | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Send HTML `chunks` in order; the first quotes message `quote`, the last gets the buttons."""
    for index, chunk in enumerate(chunks):
        await bot.send_message(
            chat_id,
            chunk,
            message_thread_id=thread_id,
            reply_parameters=(
                ReplyParameters(quote, allow_sending_without_reply=True)
                if quote is not None and index == 0
                else None
            ),
            reply_markup=reply_markup if index == len(chunks) - 1 else None,
        )


async def reply_html(
    message: Message, chunks: Sequence[str], reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Answer `message` in its chat and forum topic; outside private chats, quote it."""
    private = message.chat.type == ChatType.PRIVATE
    await send_html(
        message.get_bot(),
        message.chat_id,
        chunks,
        thread_id=topic_of(message),
        quote=None if private else message.message_id,
        reply_markup=reply_markup,
    )


def _log_handled(update: Update, chat_type: str, outcome: str, started: float) -> None:
    """The one INFO line per handled update; never the text, which is the users' business."""
    elapsed_ms = (time.perf_counter() - started) * 1000
    log.info("update %s: %s chat, %s, %.0f ms", update.update_id, chat_type, outcome, elapsed_ms)


# --- Handlers -----------------------------------------------------------------------------------


class MercatoHandlers:
    """The update handlers, sharing one engine, the conversations and the pending choices."""

    def __init__(
        self,
        engine: Engine,
        conversations: ConversationStore | None = None,
        choices: PendingChoices | None = None,
    ) -> None:
        self.engine = engine
        self.conversations = conversations or ConversationStore()
        self.choices = choices or PendingChoices()

    def register(self, application: Application) -> None:
        """Add the handlers to `application`, commands before plain text."""
        private = filters.ChatType.PRIVATE
        application.add_handlers(
            [
                CommandHandler("start", self.start, filters=private),
                CommandHandler("help", self.help, filters=private),
                CommandHandler("sources", self.sources, filters=private),
                MessageHandler(
                    filters.TEXT & filters.UpdateType.MESSAGE & (private | filters.ChatType.GROUPS),
                    self.message,
                ),
                CallbackQueryHandler(self.choice),
                InlineQueryHandler(self.inline_query),
            ]
        )

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Greet in the user's language with what Mercato knows and three example questions."""
        started = time.perf_counter()
        message, user = update.effective_message, update.effective_user
        language = ui_language(user.language_code if user else None)
        greeting = greeting_html(self.engine, language, user.first_name if user else None)
        await reply_html(message, split_html([greeting]))
        _log_handled(update, message.chat.type, "start", started)

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain how to ask, in private, in groups and inline."""
        started = time.perf_counter()
        message, user = update.effective_message, update.effective_user
        language = ui_language(user.language_code if user else None)
        await reply_html(message, [help_html(language, context.bot.username)])
        _log_handled(update, message.chat.type, "help", started)

    async def sources(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """List the articles the answers come from."""
        started = time.perf_counter()
        message, user = update.effective_message, update.effective_user
        language = ui_language(user.language_code if user else None)
        await reply_html(message, split_html(sources_blocks(self.engine, language)))
        _log_handled(update, message.chat.type, "sources", started)

    async def message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a message addressed to the bot; let everything else pass silently."""
        started = time.perf_counter()
        message, user = update.effective_message, update.effective_user
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

    async def _answer(self, message: Message, question: str) -> str:
        """Ask the engine, reply with the answer (and buttons if it asks to choose); its kind."""
        user = message.from_user
        user_id = user.id if user else None
        conversation = self.conversations.get(message.chat_id, user_id)
        hint = language_hint(user.language_code if user else None)
        answer = self.engine.answer(question, conversation, language_hint=hint)
        chunks = render_html(answer)
        if not chunks:
            log.warning("the engine returned an empty answer; nothing sent")
            return "empty"
        markup = self._buttons(answer, question, message.chat_id, user_id)
        await reply_html(message, chunks, markup)
        return answer.kind

    def _buttons(
        self, answer: Answer, question: str, chat_id: int, user_id: int | None
    ) -> InlineKeyboardMarkup | None:
        """The option buttons of a clarification, its question kept for the press; else None."""
        if answer.kind != "clarify" or not answer.options:
            return None
        pending = PendingChoice(question, tuple(answer.options), answer.language, chat_id, user_id)
        return choice_keyboard(self.choices.add(pending), answer.options)

    async def choice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn a pressed clarification button into the answer it stands for."""
        started = time.perf_counter()
        query = update.callback_query
        texts = TEXTS[ui_language(query.from_user.language_code)]
        chat_type = query.message.chat.type if query.message else "unknown"
        parsed = parse_choice_data(query.data)
        pending = self.choices.get(parsed[0]) if parsed else None
        if parsed is None or pending is None or parsed[1] >= len(pending.options):
            await query.answer(texts["expired"])
            _log_handled(update, chat_type, "expired choice", started)
            return
        if pending.user_id is not None and query.from_user.id != pending.user_id:
            await query.answer(texts["not_yours"])
            _log_handled(update, chat_type, "choice refused", started)
            return
        key, index = parsed
        self.choices.discard(key)
        await query.answer()
        conversation = self.conversations.get(pending.chat_id, pending.user_id)
        answer = self.engine.answer_with_choice(
            pending.question,
            pending.options[index].id,
            conversation,
            language_hint=pending.language,
        )
        chunks = render_html(answer) or ["…"]  # an edit needs some text
        markup = self._buttons(answer, pending.question, pending.chat_id, pending.user_id)
        await query.edit_message_text(chunks[0], reply_markup=markup if len(chunks) == 1 else None)
        thread_id = topic_of(query.message) if isinstance(query.message, Message) else None
        await send_html(
            context.bot, pending.chat_id, chunks[1:], thread_id=thread_id, reply_markup=markup
        )
        _log_handled(update, chat_type, f"choice, {answer.kind}", started)

    async def inline_query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer `@bot question` typed in any chat with answers ready to send."""
        started = time.perf_counter()
        query = update.inline_query
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


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log a failed update or poll, then carry on; expected Telegram failures take one line."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "polling"
    if isinstance(error, Forbidden):  # blocked by the user, removed from the group
        log.warning("%s: Telegram refused the reply (%s); skipped", where, error)
    elif isinstance(error, BadRequest):  # a request Telegram cannot accept: a bug here
        log.error("%s: Telegram rejected a request", where, exc_info=error)
    elif isinstance(error, NetworkError | RetryAfter | Conflict):
        log.warning("%s: %s: %s", where, type(error).__name__, error)
    else:
        log.error("%s: unexpected error", where, exc_info=error)


async def publish_commands(application: Application) -> None:
    """Publish the command menus in English (default) and French: all commands, /ask in groups."""
    bot = application.bot
    try:
        for language, commands in COMMANDS.items():
            code = None if language == "en" else language
            everywhere = [BotCommand(name, description) for name, description in commands]
            in_groups = [command for command in everywhere if command.command in GROUP_COMMANDS]
            await bot.set_my_commands(everywhere, language_code=code)
            await bot.set_my_commands(
                in_groups, scope=BotCommandScopeAllGroupChats(), language_code=code
            )
    except TelegramError as error:  # a missing menu must not keep the bot from answering
        log.warning("could not publish the command menus: %s", error)


# --- Building and running -----------------------------------------------------------------------


def file_base_url(base_url: str) -> str:
    """Telegram serves files at <root>/file/bot<token>, beside the API at <root>/bot<token>."""
    root, separator, tail = base_url.rstrip("/").rpartition("/")
    return f"{root}/file/{tail}" if separator else base_url


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter | None = None,
) -> Application:
    """The Mercato Application for `settings.token`, talking to `base_url` (default: settings').

    `rate_limiter` defaults to an AIORateLimiter within Telegram's flood limits that waits out
    429s; benchmarks against the local fake pass one that does not throttle.
    """
    token = settings.token
    if token is None:
        raise ValueError("no Telegram bot token: set TELEGRAM_BOT_TOKEN")
    url = base_url or settings.telegram_base_url
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(url)
        .base_file_url(file_base_url(url))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(rate_limiter or AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(True)  # one slow reply must not hold up other chats
        .connect_timeout(10)
        .read_timeout(20)
        .write_timeout(20)
        .pool_timeout(10)
        .get_updates_connect_timeout(10)
        .get_updates_read_timeout(20)  # PTB adds the long-poll timeout to this
        .post_init(publish_commands)
        .build()
    )
    MercatoHandlers(engine).register(application)
    application.add_error_handler(on_error)
    return application


@asynccontextmanager
async def polling(
    application: Application, *, poll_timeout: float = POLL_TIMEOUT
) -> AsyncIterator[Application]:
    """Run `application` in the running event loop for the duration of the block.

    What `run_polling` does, minus taking over signals and the loop: for tests and benchmarks.
    """
    async with application:  # initialize() ... shutdown()
        if application.post_init:
            await application.post_init(application)
        await application.updater.start_polling(
            timeout=poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
            error_callback=lambda error: application.create_task(
                application.process_error(update=None, error=error)
            ),
        )
        await application.start()
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()


def run(settings: Settings, engine: Engine) -> int:
    """Serve by long polling until Ctrl-C or SIGTERM; the process exit code.

    1, with one line on stderr, when there is no token or Telegram rejects it.
    """
    token = settings.token
    configure_logging(settings.log_level, token)
    if token is None:
        print("mercato: TELEGRAM_BOT_TOKEN is not set.", file=sys.stderr)
        return 1
    application = build_application(settings, engine)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # run_polling runs on the current loop, and closes it
    try:
        # getMe once here, where a rejected token can be told in one line: run_polling's own
        # bootstrap would log it with a traceback.
        loop.run_until_complete(application.initialize())
    except InvalidToken:
        loop.run_until_complete(application.bot.shutdown())
        loop.close()
        asyncio.set_event_loop(None)
        print(TOKEN_REJECTED, file=sys.stderr)
        return 1
    except TelegramError as error:  # unreachable for now: run_polling keeps retrying
        log.warning("cannot reach Telegram yet (%s); retrying", error)
    application.run_polling(
        timeout=POLL_TIMEOUT, bootstrap_retries=-1, allowed_updates=ALLOWED_UPDATES
    )
    asyncio.set_event_loop(None)
    return 0
