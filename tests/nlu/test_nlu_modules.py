"""The parser's pieces: language detection, numbers, the question's frame, and the re-exports."""

from __future__ import annotations

from paths import DATA

from bot import kb
from bot.nlu import lexicon as lx
from bot.nlu import parsing
from bot.nlu.frame import question_word, tense
from bot.nlu.language import detect_language
from bot.nlu.linking import EntityIndex
from bot.nlu.numbers import all_numbers, comparisons, months_and_years, number_words
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
    # No marker word: the words' frequencies in each language tell ("recruter" is French).
    for text, language in (
        ("Zorblat compte recruter Quexil ?", "fr"),
        ("zorblat hire quexil", "en"),
        # A French word typed without its accents is as French as with them ("cree", "créé").
        ("zorblat a co-cree quexil ?", "fr"),
    ):
        for fallback in ("fr", "en"):
            assert detect_language(words(text), text, fallback) == language, (text, fallback)


def test_numbers_comparisons_and_dates():
    assert all_numbers(words("1 200 people and 200 millions")) == (1200.0, 200e6)
    assert comparisons(words("plus de 2 000 personnes")) == ((">", 2000.0),)
    assert comparisons(words("fewer than 5 k")) == (("<", 5000.0),)
    assert comparisons(words("fewer than 5k")) == (("<", 5000.0),)  # a multiplier glued on
    assert all_numbers(words("12k or 2024x")) == (12000.0,)  # an unknown suffix is no number
    assert all_numbers(number_words("une vingtaine d'ingénieurs", "fr")) == (20.0,)  # about 20
    assert all_numbers(number_words("a dozen engineers", "en")) == (12.0,)
    assert months_and_years(words("in may 2024"), "in may 2024") == ({5}, {2024})
    assert months_and_years(words("you may"), "you may") == (frozenset(), frozenset())


def counted(text: str, language: str) -> tuple[float, ...]:
    return all_numbers(number_words(text, language))


def test_decimals_with_a_comma_or_a_point():
    assert counted("Meta a-t-il offert 1,5 milliard ?", "fr") == (1.5e9,)
    assert counted("a 1.5 billion offer", "en") == (1.5e9,)
    assert counted("1,5k ingénieurs", "fr") == (1500.0,)
    # Three digits after the separator are a thousands group, not a decimal.
    assert counted("1,500 engineers and 2.000 others", "en") == (1500.0, 2000.0)


def test_numbers_spelt_out_in_french_and_english():
    assert counted("deux cents chercheurs", "fr") == (200.0,)
    assert counted("vingt et un ingénieurs", "fr") == (21.0,)
    assert counted("twelve engineers", "en") == (12.0,)
    assert counted("un million de dollars", "fr") == (1e6,)
    assert comparisons(number_words("more than twenty people", "en")) == ((">", 20.0),)
    # A small number word alone is an article or a quantifier, not a count.
    assert counted("les deux Daniels et une personne", "fr") == ()
    assert counted("the two Daniels, one of them", "en") == ()
    # …unless it counts what a figure counts: years, people.
    assert counted("about five years at the lab", "en") == (5.0,)
    assert counted("trois chercheurs et deux ingénieurs", "fr") == (3.0, 2.0)


def test_written_numbers_still_read_whole():
    assert counted("plus de 2 000 employés", "fr") == (2000.0,)
    assert counted("200 millions de dollars", "fr") == (200e6,)
    assert counted("12k employees", "en") == (12000.0,)
    assert comparisons(number_words("moins de 1,5 milliard", "fr")) == (("<", 1.5e9),)
    # The inversion of a question stands between the comparing verb and its figure.
    assert comparisons(number_words("dépasse-t-il 100 millions", "fr")) == ((">", 1e8),)
    assert all_numbers(number_words("200M and 2bn", "en")) == (200e6, 2e9)


def test_question_word_and_tense():
    assert question_word(words("combien de temps")) == "how_long"
    assert question_word(words("combien")) == "how_combien"  # the parser picks many or much
    assert question_word(words("est-ce que")) is None
    assert tense(words("will he still")) == "future"
    assert tense(words("still")) == "current"
    from bot.nlu.frame import word_relations

    # "how old" asks an age (no fact holds one); "his old job" a former role.
    assert "biography" in word_relations(words("how old is x"))
    assert "biography" not in word_relations(words("what was x's old job"))
    assert tense(words("what was x's old job")) == "past"


def test_chat_idioms_read_as_the_relation_they_mean():
    from bot.nlu.frame import confirmation_tag, word_relations

    assert "move_in" in word_relations(words("il a signé chez qui"))  # "signer chez": join
    assert "lead" in word_relations(words("qui dirije x"))  # a cue misspelt by one letter
    assert not word_relations(words("il a quite la boite"))  # a word, no typo of "quitte"
    assert "move_out" in word_relations(words("qui a lâché sa boîte pour une autre"))
    assert question_word(words("il a eu cb")) == "how_combien"  # chat spelling of "combien"
    assert confirmation_tag(words("so she joined in june, right?")) == (0, 1)
    assert confirmation_tag(words("elle est partie en juin, c'est ça ?")) == (0, 3)
    assert confirmation_tag(words("si j'ai bien compris, elle est partie en juin")) == (5, 0)
    assert confirmation_tag(words("non, elle est partie en juin")) == (0, 0)  # short: no opener
    assert confirmation_tag(words("she didn't leave, did she?")) == (0, 2)
    from bot.nlu.frame import order_asked

    assert order_asked(words("qui est arrivé en dernier chez x")) == "last"
    assert order_asked(words("il a rejoint x le mois dernier")) is None  # a date: last month
    assert order_asked(words("did she join last month")) is None
    assert confirmation_tag(words("right?")) == (0, 0)  # nothing before it to confirm
    assert confirmation_tag(words("who joined in june?")) == (0, 0)


def test_an_accented_french_word_is_not_its_english_homograph() -> None:
    """ "Combien de salariés ?": employees counted, not salaries (pay) asked."""
    base = kb.load(DATA / "third_article")
    query = parsing.parse(
        "Combien de salariés compte Lumenic ?", EntityIndex(base, lx.STOPWORDS), "fr"
    )
    assert query.qword == "how_many"
    assert "count" in query.relations and "amount" not in query.relations


def test_a_word_of_the_language_is_no_typo_of_a_name() -> None:
    """ "tamper" is an English word, not "Tampere" misspelt; "tampre" is a typo of it."""
    index = EntityIndex(kb.load(DATA / "third_article"), lx.STOPWORDS)
    word = parsing.parse("Did Marek Wierzbicki tamper with the results?", index, "en")
    assert "tampere" not in {e.id for e in word.entities}
    typo = parsing.parse("Marek Wierzbicki est-il à Tampre ?", index, "fr")
    assert "tampere" in {e.id for e in typo.entities}
