"""The core's public contract: `answer(question, context) -> Answer` over the project's base."""

from __future__ import annotations

from bot.engine import answer
from bot.engine.conversation import Conversation


def test_answer_uses_the_project_base_and_the_conversation() -> None:
    conversation = Conversation()
    first = answer("Qui est passé de Meta à xAI ?", conversation)
    assert first.kind == "answer" and first.language == "fr"
    assert "Xinlei Chen" in first.text and first.citations
    follow_up = answer("Et depuis Tesla ?", conversation)
    assert "Tesla" in follow_up.text and "Xinlei Chen" not in follow_up.text
