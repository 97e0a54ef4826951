"""What every front shares, free of any platform: the words the bot says, the interface language,
the clarifications waiting for a pick, and the conversations kept between messages.

The texts are HTML (values interpolated into them are escaped): Telegram shows them as they are,
a front without HTML strips or converts the few tags they use (<b>, <i>, <code>).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from html import escape
from typing import Generic, TypeVar

from bot.engine import Engine, State
from bot.model import Answer, Option

T = TypeVar("T")

CHOICE_TTL = 60 * 60.0  # a clarification's options can be picked for an hour
CHOICE_CAPACITY = 10_000
EXAMPLES_SHOWN = 3


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
            "Every answer quotes the sentences it relies on; /sources lists the articles.\n"
            "/graph draws who moved where; <code>/graph name</code> for one company or person."
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
        "more": "More",
        "nothing_more": "Nothing more: that was the whole answer.",
        "slow_down": "You are sending messages faster than I can answer, so I will skip some. "
        "Please wait a moment before asking again.",
        "text_only": "I only read text: please send your question as a message "
        "(a photo’s caption works too).",
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
            "les articles.\n"
            "/graph dessine qui est parti où ; <code>/graph nom</code> pour une entreprise "
            "ou une personne."
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
        "more": "Plus",
        "nothing_more": "Rien de plus : c’était toute la réponse.",
        "slow_down": "Vous m’écrivez plus vite que je ne peux répondre : j’en laisserai de côté. "
        "Attendez un instant avant de reposer une question.",
        "text_only": "Je ne lis que le texte : envoyez votre question par écrit "
        "(la légende d’une photo convient aussi).",
    },
}


def ui_language(language_code: str | None) -> str:
    """The interface language for a user's language code: French for fr*, else English."""
    return "fr" if (language_code or "").lower().startswith("fr") else "en"


def language_hint(language_code: str | None) -> str | None:
    """What to tell the engine about the asker's language: "fr", "en", or None if unknown."""
    return ui_language(language_code) if language_code else None


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


# --- What waits for a button press -------------------------------------------------------------


@dataclass(frozen=True)
class PendingChoice:
    """A clarification waiting for a pick: what was asked, by whom, where, and the options."""

    question: str
    options: tuple[Option, ...]
    language: str
    chat_id: int
    user_id: int | None


class Expiring(Generic[T]):
    """Items by short random key (a button's data holds 64 bytes, a question or an answer may
    not). Bounded: at most `capacity` (oldest dropped first), each forgotten `ttl` seconds after
    it was added."""

    def __init__(self, *, ttl: float = CHOICE_TTL, capacity: int = CHOICE_CAPACITY) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: dict[str, tuple[float, T]] = {}

    def add(self, item: T) -> str:
        """Keep `item`; returns its key (8 URL-safe characters)."""
        key = secrets.token_urlsafe(6)
        self._items[key] = (time.monotonic(), item)
        while len(self._items) > self.capacity:
            del self._items[next(iter(self._items))]  # dicts keep insertion order: oldest first
        return key

    def get(self, key: str) -> T | None:
        """The live item under `key`, or None if unknown or expired."""
        entry = self._items.get(key)
        if entry is None:
            return None
        if time.monotonic() - entry[0] > self.ttl:
            del self._items[key]
            return None
        return entry[1]

    def discard(self, key: str) -> None:
        """Forget `key`: a choice is made once."""
        self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)


# Clarifications waiting for a pick; whole replies waiting for a press of "More".
PendingChoices = Expiring[PendingChoice]
HeldBack = Expiring[Answer]


# --- Conversations ------------------------------------------------------------------------------


class ConversationStore:
    """Each conversation's engine state, keyed by (chat, user), forgotten after `ttl` quiet
    seconds, at most `capacity`.

    The least recently used conversation is dropped first when the store is full, so memory stays
    bounded however many chats the bot sees.
    """

    def __init__(self, *, ttl: float = 30 * 60, capacity: int = 10_000) -> None:
        self.ttl = ttl
        self.capacity = capacity
        # (chat, user) -> (when last used, state), least recently used first
        self._items: dict[tuple[int | str, int | str | None], tuple[float, State]] = {}

    def get(self, chat: int | str, user: int | str | None = None) -> State:
        """The live state for (chat, user), a new one if none or if it expired."""
        entry = self._items.get((chat, user))
        if entry is None or time.monotonic() - entry[0] > self.ttl:
            return State()
        return entry[1]

    def save(self, chat: int | str, user: int | str | None, state: State) -> None:
        """Keep `state`, the engine's answer to the conversation's last message."""
        self._keep((chat, user), state, time.monotonic())

    def _keep(self, key: tuple[int | str, int | str | None], state: State, used: float) -> None:
        self._items.pop(key, None)
        self._items[key] = (used, state)  # inserted last: dicts keep insertion order (LRU)
        while len(self._items) > self.capacity:
            del self._items[next(iter(self._items))]

    def __len__(self) -> int:
        return len(self._items)
