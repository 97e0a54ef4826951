"""The engine facade: one loaded knowledge base, answering questions. Knows nothing of Telegram."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer_model import Answer
from bot.context import Conversation


@dataclass(frozen=True)
class Source:
    """An article the knowledge base is built from."""

    id: str
    title: str
    editorial_title: bool


class Engine:
    """Answers questions from one knowledge base.  (Stub: the real engine is being written.)"""

    def answer(
        self,
        question: str,
        context: Conversation | None = None,
        *,
        language_hint: str | None = None,
    ) -> Answer:
        """Answer one question; `context` is read and updated in place for follow-ups."""
        lang = "fr" if language_hint == "fr" else "en"
        return Answer(kind="unknown", language=lang, text="…", confidence=0.0)

    def answer_with_choice(
        self,
        question: str,
        entity_id: str,
        context: Conversation | None = None,
        *,
        language_hint: str | None = None,
    ) -> Answer:
        """Answer `question` again, reading its ambiguous name as the entity `entity_id`.

        Used when the asker picks one option of a `clarify` answer (a button press).
        """
        return self.answer(question, context, language_hint=language_hint)

    def sources(self) -> list[Source]:
        """The articles, in knowledge-base order."""
        return []

    def summary(self, language: str) -> str:
        """One paragraph saying what Mercato knows about, in `language`."""
        return ""

    def examples(self, language: str) -> list[str]:
        """Example questions in `language`, taken from the knowledge base."""
        return []
