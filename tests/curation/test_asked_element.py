# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""A sentence no typed fact reads (only a `mention`) still answers a question asked in the
other language: the element asked (date, sum, place, people) worded in the asker's language,
with the sentence quoted; only when the question's names are all in that sentence, never a
verdict, and a sum or a place a typed fact of the sentence holds is that fact's."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet

from bot import kb
from bot.engine import Engine

FR = """Orvane sous l'œil des régulateurs
Ce montage entre Orvane et Halcyon Dynamics a attiré l'attention des régulateurs.
Au Royaume-Uni, l'Autorité des marchés numériques (AMN) a lancé un examen formel le 16 juillet 2024.
En septembre, l'AMN a finalement jugé que l'opération ne menaçait pas la concurrence.
Basée à Rotterdam, Halcyon Dynamics avait obtenu environ 80 millions de dollars de Kestrel Partners.
Créé en 2019, le fonds Kestrel Partners a été entendu par l'AMN le 3 mars 2024.
Aux côtés de Kestrel Partners, Lena Marsh et le fonds Pietra Capital avaient aussi misé sur Halcyon Dynamics.
"""

EN = """Brightwave licenses its models to Corvex
The payment came to roughly $2.7 billion, a figure first reported by Tessa Morland of The Daily Ledger.
Corvex, based in Lisbon, hired Mira Kessel and Tobias Lind, two researchers from Brightwave.
Brightwave's chatbot Quillon and its Pellucid model stay outside the licence signed with Corvex.
"""


def _add(tmp: Path, text: str, article: str) -> tuple[dict[str, dict], Engine]:
    mine, base = add_snippet(tmp, text, article)
    return {f["id"]: f for f in mine}, Engine(kb.load(base))


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("asked"), FR, "asked-fr")


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("asked"), EN, "asked-en")


def _ask(engine: Engine, question: str):
    answer, _ = engine.answer(question)
    quoted = " ".join(c.sentence for c in answer.citations)
    return answer.kind, answer.text, quoted


def test_a_date_is_given_in_the_asker_language_from_the_sentence_the_question_meets(
    french,
) -> None:
    # Two sentences name the AMN, each with its date: "formal" meets "formel".
    _, engine = french
    kind, text, quoted = _ask(engine, "When did the AMN open its formal review?")
    assert kind == "answer"
    assert text.startswith("On July 16, 2024.")
    assert "examen formel le 16 juillet 2024" in quoted


def test_a_date_takes_the_year_beside_its_month(french) -> None:
    _, engine = french
    kind, text, _ = _ask(engine, "When was Kestrel Partners heard by the AMN?")
    assert kind == "answer" and text.startswith("On March 3, 2024.")


def test_the_people_asked_are_named_in_the_sentence_order(french) -> None:
    _, engine = french
    kind, text, quoted = _ask(engine, "Who else backed Halcyon Dynamics besides Kestrel Partners?")
    assert kind == "answer" and text.startswith("Lena Marsh and Pietra Capital.")
    assert "Lena Marsh et le fonds Pietra Capital" in quoted


def test_a_place_only_a_mention_holds_is_given_and_a_sum_a_typed_fact_holds_is_not_doubled(
    french,
) -> None:
    facts, engine = french
    mention = next(
        f for f in facts.values() if f["type"] == "mention" and "Rotterdam" in f["text"]["fr"]
    )
    assert "amount" not in mention  # the typed amount of the sentence holds it
    kind, text, quoted = _ask(engine, "Where is Halcyon Dynamics based?")
    assert kind == "answer" and text.startswith("Rotterdam.")
    assert "Basée à Rotterdam" in quoted


def test_a_sum_is_given_in_french_from_an_english_sentence(english) -> None:
    facts, engine = english
    kind, text, quoted = _ask(engine, "Combien a coûté le paiement selon Tessa Morland ?")
    assert kind == "answer"
    assert text.startswith("Environ 2,7 milliards de dollars.")
    assert "roughly $2.7 billion" in quoted
    mention = next(
        f for f in facts.values() if f["type"] == "mention" and "payment" in f["text"]["en"]
    )
    assert (
        mention["text"]["fr"]
        == "L’article cite Tessa Morland avec Daily Ledger (environ 2,7 milliards de dollars)."
    )
    # A count asked is no sum; a name outside the sentence settles nothing; never a verdict.
    _, text, _ = _ask(engine, "Combien de salariés selon Tessa Morland ?")
    assert "2,7" not in text
    kind, text, _ = _ask(engine, "Combien Corvex a-t-il payé selon Tessa Morland ?")
    assert kind == "unknown" and "2,7" not in text
    _, text, _ = _ask(engine, "Tessa Morland parle-t-elle de 2,7 milliards ?")
    assert not text.startswith(("Oui", "Non"))


def test_the_products_asked_are_the_sentence_s_products(english) -> None:
    _, engine = english
    kind, text, _ = _ask(
        engine, "Quels produits de Brightwave restent hors de la licence de Corvex ?"
    )
    assert kind == "answer" and text.startswith("Quillon et Pellucid.")


def test_a_place_only_a_mention_holds_is_given_not_one_a_typed_fact_holds(french, english) -> None:
    _, text, _ = _ask(french[1], "Where is Halcyon Dynamics based?")
    assert text.startswith("Rotterdam.")
    _, text, _ = _ask(english[1], "Où est basée Brightwave ?")
    assert not text.startswith("Lisbon")


COUNTS = """Veltrax loses staff to Corvex
A hiring push drew about two dozen people from Veltrax to Corvex in a matter of months.
"""


def test_a_count_is_given_only_for_what_the_question_counts(tmp_path) -> None:
    _, engine = _add(tmp_path, COUNTS, "asked-count")
    kind, text, quoted = _ask(engine, "How many Veltrax people did Corvex draw?")
    assert kind == "answer" and text.startswith("About 24 people") and "two dozen" in quoted
    kind, text, _ = _ask(engine, "Combien de personnes de Veltrax Corvex a-t-il attirées ?")
    assert kind == "answer" and text.startswith("Environ 24 personnes")
    # Researchers are not the people the sentence counts: no figure for them.
    kind, text, _ = _ask(engine, "How many Veltrax researchers did Corvex draw?")
    assert "24" not in text
