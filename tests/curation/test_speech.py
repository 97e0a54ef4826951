# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Who speaks in a sentence that quotes: verbs of speech beside a quotation ("a confié",
"vowed", "a jugé"), a speaker named after the quote, two speakers in one sentence, two verbs
of one speaker; and no statement where no one is quoted or the speech is denied."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

ARTICLE_FR = """Orbiton face à Quillstone
« Tout ce que j'ai appris m'a conduit ici », a confié Ilse Varga lors d'un entretien avec Omar Haddou.
Omar Haddou a jugé la plainte « absurde », tandis que Dana Whitfield, la fondatrice de Quillstone, a juré de ne pas céder le nom.
Orbiton a confié la direction du laboratoire à Ilse Varga en mars.
"""

ARTICLE_EN = """Orbiton answers Quillstone
Omar Haddou defended the deal, saying it was "perfectly fair" and that he hoped to be "remembered for the science".
Veltrax has not said who will take over.
"""


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("fr"), ARTICLE_FR, "speech-fr")[0]


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("en"), ARTICLE_EN, "speech-en")[0]


def _speakers(facts: list[dict], sentence: int) -> set[str]:
    return {
        f["subject"]
        for f in find(facts, type="statement")
        if f["citations"][0]["ref"].endswith(f":{sentence}")
    }


def test_a_speaker_named_after_the_quote_is_the_speaker(french) -> None:
    assert _speakers(french, 0) == {"ilse-varga"}


def test_each_speaker_of_a_sentence_has_a_statement(french) -> None:
    assert _speakers(french, 1) == {"omar-haddou", "dana-whitfield"}


def test_a_verb_that_quotes_elsewhere_entrusts_without_a_quotation(french) -> None:
    assert _speakers(french, 2) == set()


def test_two_verbs_of_one_speaker_make_one_statement(english) -> None:
    assert len(find(english, type="statement", subject="omar-haddou")) == 1
    assert _speakers(english, 1) == set()
