# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""What a question asks of a sentence whose draft missed a side: the one sum of a sentence that
names every entity asked, though the drafted fact names only one of them."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet

from bot import kb
from bot.engine import Engine
from bot.text import normalize

ARTICLE = """Veltrax mise sur Orbiton
Chez Orbiton, fondée par Ilse Varga, et dans laquelle Veltrax a investi 2 milliards de dollars, Omar Haddou retrouvera Dana Whitfield.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    _, base = add_snippet(tmp_path_factory.mktemp("sum"), ARTICLE, "orbiton-sum")
    return Engine(kb.load(base))


@pytest.mark.parametrize(
    "question",
    ["Combien Veltrax a-t-il investi dans Orbiton ?", "How much did Veltrax invest in Orbiton?"],
)
def test_the_one_sum_of_the_sentence_naming_both_answers(engine, question) -> None:
    answer, _ = engine.answer(question)
    assert answer.kind == "answer"
    assert normalize(answer.text).startswith("2 ")


def test_a_sum_is_not_given_for_a_company_the_sentence_does_not_name(engine) -> None:
    answer, _ = engine.answer("Combien Veltrax a-t-il investi dans Numerik ?")
    assert not normalize(answer.text).startswith("2 ")
