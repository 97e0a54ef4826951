"""One conversation in a test: asks the engine and keeps the state each answer comes with."""

from __future__ import annotations

from bot.engine import Engine, State
from bot.model import Answer


class Chat:
    """The caller's side of `Engine.answer(question, state) -> (Answer, State)`."""

    def __init__(self, engine: Engine, state: State | None = None) -> None:
        self.engine = engine
        self.state = state if state is not None else State()

    def ask(self, question: str, *, language_hint: str | None = None) -> Answer:
        answer, self.state = self.engine.answer(question, self.state, language_hint=language_hint)
        return answer

    def choose(self, question: str, entity_id: str, *, language_hint: str | None = None) -> Answer:
        """The answer to `question` once its ambiguous name was read as `entity_id`."""
        answer, self.state = self.engine.answer_with_choice(
            question, entity_id, self.state, language_hint=language_hint
        )
        return answer
