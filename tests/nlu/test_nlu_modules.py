"""The parser's pieces: language detection, numbers, the question's frame, and the re-exports."""

from __future__ import annotations

from bot.nlu import parsing
from bot.nlu.frame import question_word, tense
from bot.nlu.language import detect_language
from bot.nlu.numbers import all_numbers, comparisons, months_and_years
from bot.nlu.query import EntityRef, Query
from bot.text import normalize


def words(text: str) -> list[str]:
    return normalize(text).split()


def test_parsing_re_exports_what_callers_import():
    assert parsing.EntityRef is EntityRef and parsing.Query is Query
    assert callable(parsing.parse) and callable(parsing.split_questions)
    assert callable(parsing.frame_relations)


def test_language_from_markers_accents_and_foreign_words():
    assert detect_language(words("who is the boss"), "who is the boss", "fr") == "en"
    assert detect_language(words("qui est le patron"), "qui est le patron", "en") == "fr"
    # A name's accents are no French: only those of ordinary words (and of the first word) count.
    named = "Did Amélie Hébert join Zéphyr?"
    assert detect_language(words(named), named, "fr") == "en"
    assert detect_language(words("Où est Zoé ?"), "Où est Zoé ?", "en") == "fr"
    assert detect_language(words("déjà"), "déjà", "en") == "fr"  # accents count for French
    assert detect_language(words("quien es el jefe"), "quien es el jefe", "en") == "other"
    assert detect_language(words("xyz"), "xyz", "fr") == "fr"  # nothing tells: the fallback
    assert detect_language(words("xyz"), "xyz", "en") == "en"


def test_numbers_comparisons_and_dates():
    assert all_numbers(words("1 200 people and 200 millions")) == (1200.0, 200e6)
    assert comparisons(words("plus de 2 000 personnes")) == ((">", 2000.0),)
    assert comparisons(words("fewer than 5 k")) == (("<", 5000.0),)
    assert comparisons(words("fewer than 5k")) == (("<", 5000.0),)  # a multiplier glued on
    assert all_numbers(words("12k or 2024x")) == (12000.0,)  # an unknown suffix is no number
    assert months_and_years(words("in may 2024"), "in may 2024") == ({5}, {2024})
    assert months_and_years(words("you may"), "you may") == (frozenset(), frozenset())


def test_question_word_and_tense():
    assert question_word(words("combien de temps")) == "how_long"
    assert question_word(words("combien")) == "how_combien"  # the parser picks many or much
    assert question_word(words("est-ce que")) is None
    assert tense(words("will he still")) == "future"
    assert tense(words("still")) == "current"
