# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Mechanisms of `add` and of the engine on short articles written for these tests, in both
languages: described teams phrased in the other language, English roles from slots, acronyms
spelt out answering "what does X stand for", what a team worked on kept as a noun phrase and
reached through its leader, and expected events dated relatively, never confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet

from bot import kb
from bot.engine import Engine
from bot.engine.compose import restates

FR = """Lumenic perd son équipe d'assistants
En mai, Nora Valdez, membre de l'équipe des agents vocaux, a quitté Lumenic pour Vectoria Labs.
En juin, Ilse Varga, qui dirigeait l'équipe RDS (Retrieval, Dialogue and Search), a quitté Lumenic pour Vectoria Labs.
Son équipe développait un moteur de réponses destiné à Aurora-7.
La nouvelle version d'Aurora-7 est attendue l'an prochain.
"""

EN = """Lumenic reshapes its voice team
Lumenic's voice agents team counts about 40 engineers.
In May, Dana Whitfield, who led the QDS team (Query, Dialogue and Search), left Lumenic for Vectoria Labs.
The QDS team was building an answer engine for Aurora-7.
The next version of Aurora-7 is expected next year.
"""


def _add(tmp: Path, text: str, article: str) -> tuple[dict[str, dict], Engine]:
    mine, base = add_snippet(tmp, text, article)
    return {f["id"]: f for f in mine}, Engine(kb.load(base))


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("snippets"), FR, "snippet-fr")


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("snippets"), EN, "snippet-en")


def _reply(engine: Engine, question: str) -> tuple[str, str]:
    answer, _ = engine.answer(question)
    return answer.kind, answer.text


def test_a_described_team_keeps_its_article_and_is_quoted_in_the_other_language(french) -> None:
    facts, _ = french
    role = facts["nora-valdez-role-equipe-des-agents-vocaux"]
    assert role["text"]["fr"] == "Nora Valdez est membre de l'équipe des agents vocaux."
    assert role["text"]["en"] == (
        "Nora Valdez is a member of the team “équipe des agents vocaux” at Lumenic."
    )


def test_an_english_count_opens_with_its_figure_and_is_said_once(english) -> None:
    facts, _ = english
    count = next(f for f in facts.values() if f["type"] == "count")
    assert count["text"]["en"] == "About 40 engineers in the voice agents team."
    assert count["text"]["fr"].startswith("L’équipe « voice agents team » de Lumenic compte")
    assert restates(count["text"]["en"], "About 40 engineers.")
    assert not restates("Lumenic employs about 300 people.", "About 300 people.")


@pytest.mark.parametrize(
    ("language", "question", "expanded"),
    [
        ("french", "What does RDS stand for?", "Retrieval, Dialogue and Search"),
        ("french", "Que veut dire RDS ?", "Retrieval, Dialogue and Search"),
        ("english", "What does QDS stand for?", "Query, Dialogue and Search"),
    ],
)
def test_an_acronym_spelt_out_answers_what_it_stands_for(request, language, question, expanded):
    _, engine = request.getfixturevalue(language)
    kind, text = _reply(engine, question)
    assert kind == "answer" and expanded in text


def test_what_a_team_worked_on_keeps_the_noun_phrase(french, english) -> None:
    facts, engine = french
    worked = facts["rds-worked-on-aurora-7"]
    assert worked["object"] == "aurora-7"
    assert worked["text"]["fr"] == "RDS a travaillé sur un moteur de réponses destiné à Aurora-7."
    assert "“un moteur de réponses destiné à Aurora-7”" in worked["text"]["en"]
    _, text = _reply(engine, "What was the RDS team working on?")
    assert "moteur de réponses" in text
    facts, _ = english
    assert facts["qds-worked-on-aurora-7"]["text"]["en"] == (
        "QDS worked on an answer engine for Aurora-7."
    )


def test_the_team_of_its_leader_reaches_what_it_worked_on(french, english) -> None:
    _, engine = french
    _, text = _reply(engine, "Sur quoi travaillait l'équipe d'Ilse Varga ?")
    assert "moteur de réponses" in text
    _, engine = english
    _, text = _reply(engine, "What was Dana Whitfield's team working on?")
    assert "answer engine" in text


def test_an_expected_event_is_planned_dated_relatively_and_not_confirmed(french, english) -> None:
    facts, engine = french
    plan = facts["aurora-7-plan"]
    assert plan["when"] == {"relative": "next_year"} and plan["modality"] == "planned"
    assert plan["text"]["en"] == "Aurora-7 is expected next year."
    _, text = _reply(engine, "When is the new Aurora-7 expected?")
    assert "next year" in text
    _, text = _reply(engine, "Has the new Aurora-7 been released?")
    assert not text.startswith("Yes")
    facts, engine = english
    assert facts["aurora-7-plan"]["text"]["fr"] == "Attendu l’an prochain : Aurora-7."
    _, text = _reply(engine, "Quand la prochaine version d'Aurora-7 est-elle attendue ?")
    assert "l’an prochain" in text
