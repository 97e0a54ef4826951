"""What every front shares: interface language, pending choices, conversations (an injected
clock, never a sleep)."""

from __future__ import annotations

import pytest

from bot.engine import State
from bot.frontends.conversations import ConversationStore
from bot.frontends.expiring import PendingChoice, PendingChoices
from bot.frontends.texts import language_hint, ui_language
from bot.model import Option


@pytest.mark.parametrize(
    ("code", "language"),
    [("fr", "fr"), ("fr-CA", "fr"), ("FR", "fr"), ("en", "en"), ("de", "en"), (None, "en")],
)
def test_interface_language(code, language):
    assert ui_language(code) == language


def test_language_hint_is_none_only_when_the_language_is_unknown():
    assert language_hint(None) is None
    assert language_hint("") is None
    assert language_hint("fr-CA") == "fr"
    assert language_hint("de") == "en"


def pending(question: str = "Who is Alex?") -> PendingChoice:
    return PendingChoice(question, (Option(id="a", label="A"),), "en", -4001, 1001)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_pending_choices_expire():
    clock = Clock()
    choices = PendingChoices(ttl=60, clock=clock)
    key = choices.add(pending())
    clock.now += 59
    assert choices.get(key).question == "Who is Alex?"
    clock.now += 2
    assert choices.get(key) is None
    assert len(choices) == 0


def test_pending_choices_are_bounded_oldest_dropped_first():
    choices = PendingChoices(capacity=3)
    keys = [choices.add(pending(f"q{n}")) for n in range(5)]
    assert len(choices) == 3
    assert choices.get(keys[0]) is None and choices.get(keys[1]) is None
    assert [choices.get(k).question for k in keys[2:]] == ["q2", "q3", "q4"]
    choices.discard(keys[2])
    assert choices.get(keys[2]) is None


def test_keys_are_unguessable_and_distinct():
    choices = PendingChoices()
    keys = {choices.add(pending()) for _ in range(200)}
    assert len(keys) == 200
    assert all(len(k) == 8 and ":" not in k for k in keys)


def test_each_chat_and_user_has_its_own_conversation():
    store = ConversationStore()
    ada = State(language="fr")
    store.save(-4001, 1001, ada)
    assert store.get(-4001, 1001) is ada
    assert store.get(-4001, 1002) == State()
    assert store.get(1001, 1001) == State()
    assert len(store) == 1


def test_a_quiet_conversation_expires():
    clock = Clock()
    store = ConversationStore(ttl=60, clock=clock)
    store.save(1, 1, State(language="fr"))
    clock.now += 50
    store.save(1, 1, State(language="en"))  # a new message: 60 more seconds
    clock.now += 50
    assert store.get(1, 1) == State(language="en")
    clock.now += 11
    assert store.get(1, 1) == State()


def test_conversations_are_bounded_least_recently_used_dropped_first():
    store = ConversationStore(capacity=2)
    one, two, three = State(language="fr"), State(language="en"), State(last_person="x")
    store.save(1, None, one)
    store.save(2, None, two)
    store.save(1, None, one)  # 1 used last: 2 is now the least recently used
    store.save(3, None, three)
    assert len(store) == 2
    assert store.get(1) is one
    assert store.get(2) == State()
