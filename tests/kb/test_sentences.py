"""The deterministic sentence splitter (bot/kb/sentences.py) that gives citations stable ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paths import KNOWLEDGE

from bot.kb.sentences import ABBREVIATIONS, split_sentences

ARTICLES = KNOWLEDGE / "articles"


def article_body(name: str) -> str:
    """The text of an article file after its `---` front matter."""
    raw = (ARTICLES / name).read_text(encoding="utf-8")
    assert raw.startswith("---\n")
    return raw.split("\n---\n", 1)[1]


def non_space(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- boundaries


def test_camel_case_brand_after_a_period_starts_a_sentence() -> None:
    text = "Microsoft a recruté chez Google. xAI, qui emploie environ 1 200 personnes, recrute."
    assert split_sentences(text) == [
        "Microsoft a recruté chez Google.",
        "xAI, qui emploie environ 1 200 personnes, recrute.",
    ]


def test_other_camel_case_brand_after_a_period_starts_a_sentence() -> None:
    assert split_sentences("Apple a présenté Siri. iPhone et iPad suivront.") == [
        "Apple a présenté Siri.",
        "iPhone et iPad suivront.",
    ]


def test_plain_lowercase_word_after_a_period_does_not_start_a_sentence() -> None:
    text = "Meta, Google, etc. et bien d’autres recrutent."
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "M. Dupont a rejoint Meta en juin.",
        "Le Dr. Martin a rejoint Meta en juin.",
        "Des modèles, p. ex. Llama, ont été critiqués.",
        "Des modèles proches, cf. Llama, ont été critiqués.",
        "Le duel Meta vs. OpenAI continue.",
        "Il vit à St. Louis depuis juin.",
    ],
)
def test_known_abbreviation_before_a_capital_does_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_abbreviations_under_test_are_the_modules_own() -> None:
    assert {"m", "dr", "p", "ex", "cf", "vs", "st", "etc"} <= ABBREVIATIONS


def test_abbreviation_at_the_start_of_the_next_sentence_still_splits() -> None:
    assert split_sentences("Meta recrute. M. Dupont part.") == [
        "Meta recrute.",
        "M. Dupont part.",
    ]


def test_single_capital_initial_does_not_end_a_sentence() -> None:
    assert split_sentences("J. Smith a rejoint xAI. Il vient de Meta.") == [
        "J. Smith a rejoint xAI.",
        "Il vient de Meta.",
    ]


def test_unknown_word_before_a_period_and_capital_ends_a_sentence() -> None:
    assert split_sentences("Il a rejoint Meta. Puis il est parti.") == [
        "Il a rejoint Meta.",
        "Puis il est parti.",
    ]


def test_decimal_number_does_not_split() -> None:
    text = "Meta a offert 1.5 milliard de dollars à Pang."
    assert split_sentences(text) == [text]


def test_number_after_a_period_starts_a_sentence() -> None:
    assert split_sentences("Pang a rejoint Apple en 2021. 14 talents sont partis.") == [
        "Pang a rejoint Apple en 2021.",
        "14 talents sont partis.",
    ]


def test_period_after_a_closing_guillemet_ends_the_sentence() -> None:
    text = "xAI attire des talents « sans offres folles ». Musk vante la performance."
    assert split_sentences(text) == [
        "xAI attire des talents « sans offres folles ».",
        "Musk vante la performance.",
    ]


def test_closing_quote_after_a_period_stays_with_its_sentence() -> None:
    assert split_sentences('Il a dit "assez." Puis il est parti.') == [
        'Il a dit "assez."',
        "Puis il est parti.",
    ]


def test_closing_parenthesis_after_a_period_stays_with_its_sentence() -> None:
    assert split_sentences("Il est parti (vers xAI.) Meta recrute.") == [
        "Il est parti (vers xAI.)",
        "Meta recrute.",
    ]


def test_french_spaced_closing_guillemet_after_a_period_ends_the_sentence() -> None:
    text = "Musk a dit : « sans offres folles. » Meta a répondu."
    assert split_sentences(text) == [
        "Musk a dit : « sans offres folles. »",
        "Meta a répondu.",
    ]


def test_opening_guillemet_starts_a_sentence() -> None:
    assert split_sentences("Amodei a parlé. « La mission ne s’achète pas », dit-il.") == [
        "Amodei a parlé.",
        "« La mission ne s’achète pas », dit-il.",
    ]


def test_exclamation_and_question_marks_end_sentences() -> None:
    assert split_sentences("Quel recrutement ! Pourquoi Pang ? Meta paie.") == [
        "Quel recrutement !",
        "Pourquoi Pang ?",
        "Meta paie.",
    ]


def test_ellipsis_ends_a_sentence() -> None:
    assert split_sentences("Meta, xAI, Apple… La guerre continue... Musk rit.") == [
        "Meta, xAI, Apple…",
        "La guerre continue...",
        "Musk rit.",
    ]


def test_each_line_is_a_paragraph_and_a_heading_is_its_own_sentence() -> None:
    text = "Meta mise sur le choc des talents\nLe montant est énorme. Pang accepte."
    assert split_sentences(text) == [
        "Meta mise sur le choc des talents",
        "Le montant est énorme.",
        "Pang accepte.",
    ]


def test_sentence_without_final_punctuation_does_not_run_into_the_next_line() -> None:
    assert split_sentences("Pang, pilier de l’IA\npang est parti.") == [
        "Pang, pilier de l’IA",
        "pang est parti.",
    ]


def test_blank_lines_are_ignored() -> None:
    assert split_sentences("\n\nMeta recrute.\n\n   \n\nxAI aussi.\n\n") == [
        "Meta recrute.",
        "xAI aussi.",
    ]


def test_leading_and_trailing_spaces_are_stripped() -> None:
    assert split_sentences("   Meta recrute.    xAI aussi.   \t") == [
        "Meta recrute.",
        "xAI aussi.",
    ]


def test_empty_and_blank_text_have_no_sentence() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n ") == []


# ---------------------------------------------------------------- properties


TRICKY = (
    "14 talents d’IA\n"
    "Depuis janvier, M. Musk a recruté. xAI, qui emploie 1.5 millier de gens « fous ». Bon !\n"
    "\n"
    "  J. Smith, p. ex. Llama… Puis ? Fin...  \n"
)


def test_splitting_is_deterministic() -> None:
    assert split_sentences(TRICKY) == split_sentences(TRICKY)


def test_sentences_keep_every_non_space_character_in_order() -> None:
    assert non_space("".join(split_sentences(TRICKY))) == non_space(TRICKY)


@given(st.text(alphabet=st.sampled_from(list('aAxI1. !?…»«"\n\t-°é')), max_size=60))
def test_no_non_space_character_is_lost_on_any_text(text: str) -> None:
    sentences = split_sentences(text)
    assert non_space("".join(sentences)) == non_space(text)
    assert all(s and s == s.strip() for s in sentences)


# ---------------------------------------------------------------- the real articles


@pytest.mark.parametrize(
    ("name", "count"),
    [("xai-recrute-meta.txt", 17), ("meta-recrute-pang.txt", 14)],
)
def test_real_article_splits_into_expected_number_of_sentences(name: str, count: int) -> None:
    assert len(split_sentences(article_body(name))) == count


@pytest.mark.parametrize("name", ["xai-recrute-meta.txt", "meta-recrute-pang.txt"])
def test_real_article_loses_no_character(name: str) -> None:
    body = article_body(name)
    assert non_space("".join(split_sentences(body))) == non_space(body)


def test_xai_sentence_of_the_real_article_starts_a_sentence() -> None:
    sentences = split_sentences(article_body("xai-recrute-meta.txt"))
    starts = [s for s in sentences if s.startswith("xAI, qui emploie environ 1 200 personnes")]
    assert len(starts) == 1
    previous = sentences[sentences.index(starts[0]) - 1]
    assert previous.endswith("ces derniers mois.")


def test_real_article_heading_is_its_own_sentence() -> None:
    sentences = split_sentences(article_body("meta-recrute-pang.txt"))
    assert "Meta mise sur le choc des talents" in sentences
    assert "Pang, pilier de l’IA embarquée chez Apple" in sentences
