"""`batch`'s contract as a property: any valid JSON line in, exactly one JSON line out.

Lone surrogate escapes ("\\udeec") are valid JSON but not text: the output, written as strict
UTF-8 like a real pipe, must still be one parseable line per input line.
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import batch

# Every code point, surrogates included (hypothesis leaves them out by default).
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=20)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(ANY_TEXT, children, max_size=3)
    ),
    max_leaves=6,
)
ITEMS = st.fixed_dictionaries(
    {"question": ANY_TEXT}, optional={"id": JSON_VALUES, "chat": ANY_TEXT | st.integers()}
)
LINES = st.lists(ITEMS | JSON_VALUES, min_size=1, max_size=4)


def run_batch(engine, lines: list[str]) -> list[str]:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
    assert batch(engine, io.StringIO("".join(line + "\n" for line in lines)), out) == 0
    out.flush()
    return raw.getvalue().decode("utf-8").splitlines()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_any_json_line_gets_exactly_one_json_line_out(engine, items):
    lines = [json.dumps(item) for item in items]  # ASCII: surrogates stay \\uXXXX escapes
    output = run_batch(engine, lines)
    assert len(output) == len(lines)
    for line in output:
        assert isinstance(json.loads(line), dict)


def test_a_lone_surrogate_is_answered_and_later_lines_too(engine):
    lines = ['{"id": 1, "question": "Qui \\udeec ?"}', '{"id": 2, "question": "Who left Meta?"}']
    first, second = (json.loads(line) for line in run_batch(engine, lines))
    assert first["id"] == 1 and "error" not in first
    assert second["id"] == 2 and second["kind"]
