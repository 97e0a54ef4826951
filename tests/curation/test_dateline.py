# ruff: noqa: E501  (the sentences are one line each, as in an article file)
"""A news dateline ("CITY, date - ") opens the article's first sentence: the name after its
dash is the sentence's subject, not the end of a date (issue 21). Names invented."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from bot.curation.analysis import analyse, dateline_end

EN = "OSLOVIK, 14 March 2025 - Andrew Vasquez, a co-founder of Quillon, has left the company for Brightwater."
FR = "OSLOVIK, 14 mars 2025 - Andrew Vasquez, cofondateur de Quillon, a quitté l'entreprise pour Brightwater."
AGENCY = "NEW HAVEN (Wirepost) — Andrew Vasquez has joined Brightwater."


@pytest.mark.parametrize(("text", "language"), [(EN, "en"), (FR, "fr"), (AGENCY, "en")])
def test_the_name_after_a_dateline_is_read_as_a_person(text: str, language: str) -> None:
    [parse] = analyse([text], language)
    first = parse.words[0]  # the dateline is left out of the parse
    assert first.text == "Andrew" and first.ent in ("PERSON", "PER")
    assert text[first.start : first.end] == "Andrew"  # offsets in the whole sentence


@pytest.mark.parametrize(
    "text",
    [
        "Andrew Vasquez, 42, has left Quillon - for good.",  # no place in capitals first
        "AI - the race is on.",  # a dash after a short acronym opening a sentence: no comma, no date
        "Quillon, a start-up - hired Andrew Vasquez.",
    ],
)
def test_a_sentence_without_a_dateline_is_parsed_whole(text: str) -> None:
    assert dateline_end(text) == 0
