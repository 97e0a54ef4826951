"""The core's public contract: `answer(question, state) -> (Answer, State)` over the project's
base, the state given never changed."""

from __future__ import annotations

import pytest

from bot.engine import State, answer


def test_answer_uses_the_project_base_and_the_conversation() -> None:
    first, state = answer("Qui est passé de Meta à xAI ?")
    assert first.kind == "answer" and first.language == "fr"
    assert "Xinlei Chen" in first.text and first.citations
    follow_up, _ = answer("Et depuis Tesla ?", state)
    assert "Tesla" in follow_up.text and "Xinlei Chen" not in follow_up.text


def test_the_state_given_is_not_changed_and_can_be_answered_from_again() -> None:
    _, state = answer("Qui est passé de Meta à xAI ?")
    before = state.to_json()
    once, _ = answer("Et depuis Tesla ?", state)
    twice, _ = answer("Et depuis Tesla ?", state)
    assert state.to_json() == before
    assert once == twice


def test_a_state_read_back_from_json_answers_as_the_original() -> None:
    _, state = answer("Qui est Chen ?")
    assert state.pending is not None  # a clarification waits
    again = State.from_json(state.to_json())
    assert again == state
    assert answer("Xinlei", again) == answer("Xinlei", state)


def test_json_of_another_version_or_damaged_is_refused() -> None:
    _, state = answer("Qui est Ruoming Pang ?")
    text = state.to_json()
    for wrong in (text.replace('"state/', '"state/0'), text[:-5], "[]", '{"format": 1}'):
        with pytest.raises(ValueError):
            State.from_json(wrong)
