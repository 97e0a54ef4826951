"""The engine's words per language (bot/engine/replies/<code>.py) and their choice by language."""

from __future__ import annotations

from bot.engine import replies
from bot.engine.replies import en, fr
from bot.nlu.lexicon import LANGUAGES


def public(module) -> set[str]:
    return {name for name in vars(module) if not name.startswith("_") and name != "annotations"}


def test_every_language_has_a_module_with_the_same_words():
    assert {code: replies.words(code) for code in LANGUAGES} == {"fr": fr, "en": en}
    assert public(fr) == public(en)
    for module in (fr, en):
        assert set(module.VERDICTS) == {
            "yes",
            "no",
            "hedged",
            "unsettled",
            "loose",
            "coarser",
            "bound",
            "unnamed",
            "already",
        }


def test_another_language_gets_the_english_words():
    assert replies.words("other") is en
    assert replies.words("de") is en


def test_texts(base):
    words = replies.Replies(base)
    assert words.join_names(["A", "B", "C"], "fr") == "A, B et C."
    assert words.join_names(["A", "B"], "en") == "A and B."
    assert words.count_named(2, ["A", "B"], "fr") == "Les articles en nomment 2 : A et B."
    assert words.not_stated("en", []).text == "The articles don't say."
    assert words.not_stated("fr", ["A"]).text == (
        "Les articles ne le disent pas pour A. Vous pouvez demander par exemple : Parle-moi d’A"
    )
    assert words.unknown_names("fr", ("Bo Strand",), ["Ada Lind"]).text == (
        "Les articles ne disent rien de Bo Strand. Vous pouvez demander par exemple : "
        "Parle-moi d’Ada Lind"
    )
    assert words.compose("en", ["S."], verdict="yes", headline="A.") == "Yes. A.\nS."
    assert words.unknown("fr", greeting=True).text.startswith("Bonjour ! ")
