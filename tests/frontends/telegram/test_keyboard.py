"""Clarification buttons: their callback data round-trips and fits Telegram's 64 bytes."""

from __future__ import annotations

import pytest

from bot.frontends.expiring import PendingChoice, PendingChoices
from bot.frontends.telegram.keyboard import choice_data, choice_keyboard, parse_choice_data
from bot.model import Option


def test_choice_data_round_trips_and_fits_telegram_64_bytes():
    key = PendingChoices().add(PendingChoice("q" * 500, (Option(id="a", label="A"),), "en", 1, 2))
    data = choice_data(key, 12)
    assert len(data.encode()) <= 64
    assert parse_choice_data(data) == (key, 12)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "hello",
        "c::1",
        "c:key",
        "c:key:x",
        "x:key:1",
        "c:a:1:2",
        "c:key:²",
        "c:k:①",
        "c:k:١",
    ],
)
def test_foreign_callback_data_is_not_a_choice(data):
    assert parse_choice_data(data) is None


def test_the_keyboard_has_one_button_per_option_one_per_row():
    options = [Option(id="a", label="A"), Option(id="b", label="B")]
    rows = choice_keyboard("k3Y-_abc", options).inline_keyboard
    assert [[(b.text, b.callback_data) for b in row] for row in rows] == [
        [("A", "c:k3Y-_abc:0")],
        [("B", "c:k3Y-_abc:1")],
    ]
