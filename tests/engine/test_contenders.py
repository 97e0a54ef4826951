"""A superlative's winner is found among few contenders: the same as comparing all with all."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.families.comparison import beats, contenders
from bot.kb import Fact
from bot.nlu.parsing import Query

QUALIFIERS = ("exact", "about", "nearly", "at_least", "more_than", "some")


def fact(n: int, value: float | None, qualifier: str) -> Fact:
    if value is None or qualifier == "some":  # "a few": no figure
        value, qualifier = None, "some"
    return Fact.model_validate(
        {
            "id": f"f{n}",
            "type": "count",
            "subject": "acme",
            "quantity": {"value": value, "qualifier": qualifier, "unit": {"fr": "x", "en": "x"}},
            "text": {"fr": "x", "en": "x"},
            "citations": [{"article": "a", "sentence": "x"}],
        }
    )


def winner(query: Query, facts: list[Fact], pool: list[Fact]) -> Fact | None:
    return next(
        (f for f in pool if all(beats(query, f, o) for o in facts if o is not f)),
        None,
    )


figures = st.lists(
    st.tuples(
        st.one_of(
            st.none(),
            st.sampled_from([1.0, 2.0, 9.0, 10.0, 11.0, 14.0, 20.0, 0.0, math.inf, math.nan]),
            st.floats(min_value=0, max_value=100, allow_nan=False),
        ),
        st.sampled_from(QUALIFIERS),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(figures, st.sampled_from(["more", "less"]))
def test_the_winner_among_contenders_is_the_winner_among_all(
    drawn: list[tuple[float | None, str]], comparative: str
) -> None:
    facts = [fact(n, value, qualifier) for n, (value, qualifier) in enumerate(drawn)]
    query = Query(
        text="", words=[], language="en", qword=None, relations=frozenset(), entities=(),
        comparative=comparative,
    )  # fmt: skip
    assert winner(query, facts, contenders(query, facts)) is winner(query, facts, facts)
