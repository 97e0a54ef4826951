"""The words the bot's fronts say, in each interface language, and how that language is chosen.

The texts are HTML (values interpolated into them are escaped): Telegram shows them as they are,
a front without HTML strips or converts the few tags they use (<b>, <i>, <code>).
"""

from __future__ import annotations

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
