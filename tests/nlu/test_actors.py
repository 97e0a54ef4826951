"""A company named by a plain word, in lower case, is told by where it stands: the subject of
a move or a statement, the company a leaving verb names before "for" (issue 16). The base is
the invented fixture's; the strangers are plain English words standing as names."""

from __future__ import annotations

import pytest
from paths import DATA

from bot import kb
from bot.engine import Engine
from bot.nlu.parsing import parse


@pytest.fixture(scope="module")
def index():
    return Engine(kb.load(DATA / "third_article"))._answerer.tk.index


@pytest.mark.parametrize(
    ("question", "stranger"),
    [
        ("did lantern poach anyone from lumenic?", "lantern"),
        ("is lantern hiring from lumenic", "lantern"),
        ("lantern a recruté des gens de lumenic ?", "lantern"),
        ("est-ce que lantern a-t-elle recruté chez lumenic ?", "lantern"),
        ("what did lantern say about lumenic", "lantern"),
        ("who left lantern for lumenic", "lantern"),
        ("qui a quitté lantern pour lumenic ?", "lantern"),
        ("lantern a recruté qui chez lumenic ?", "lantern"),  # "qui" asks the object
        ("did open lantern labs hire from lumenic?", "open lantern labs"),  # a company's suffix
    ],
)
def test_a_plain_word_standing_as_a_company_is_a_stranger(index, question, stranger) -> None:
    assert stranger in parse(question, index, "en").unknown_names


@pytest.mark.parametrize(
    "question",
    [
        "did the firm hire anyone from lumenic?",  # a determiner: a word, not a name
        "who did lumenic hire?",  # the subject is linked
        "jsuis perdu, qui a quitté lumenic ?",  # a clause before the question asking who
        "did engineers leave lumenic?",  # too common a word to be a name
    ],
)
def test_words_standing_there_are_not_names(index, question) -> None:
    assert parse(question, index, "en").unknown_names == ()
