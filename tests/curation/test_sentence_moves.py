# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Moves read through what stands between a subject and its verb (an apposition, a relative
clause) and through what a sentence says twice ("the company" for the organisation named
before), on invented sentences."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from snippets import add_snippet, find

TITLED = """Lumenic loses a co-founder of Vectoria Labs
Ingrid Solberg, a co-founder of Vectoria Labs, the start-up that Helena Varga unveiled on 3 May 2024, has left the company for Lumenic, according to Signal Boreal.
"""


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("titled"), TITLED, "titled-en")[0]


def test_the_company_is_the_one_the_movers_title_names(titled) -> None:
    left = find(titled, type="left", subject="ingrid-solberg", object="vectoria-labs", to="lumenic")
    assert left and left[0]["modality"] == "reported"


def test_a_person_inside_the_title_does_not_move(titled) -> None:
    assert not [
        f for f in titled if f["subject"] == "helena-varga" and f["type"] in ("left", "joined")
    ]


RIVAL = """Helena Varga quitte Vectoria Labs
SAN FRANCISCO, 2 mars 2024 - Helena Varga, l'une des cofondatrices de Vectoria Labs, quitte l'entreprise de Tomasz Wierzbicki pour sa rivale Lumenic, a-t-elle annoncé le lundi 1er mars 2024 sur Signal Boreal.
For Ingrid Solberg, a physicist who spent eleven years at Vectoria Labs, the move is a return.
Entré chez Lumenic il y a près de neuf ans, Marek Wierzbicki n'avait jamais travaillé ailleurs.
"""


@pytest.fixture(scope="module")
def rival(tmp_path_factory):
    return add_snippet(tmp_path_factory.mktemp("rival"), RIVAL, "rival-fr")[0]


def test_for_its_rival_names_where_the_mover_goes(rival) -> None:
    assert find(rival, type="left", subject="helena-varga", object="vectoria-labs", to="lumenic")


def test_an_inverted_pronoun_speaks_for_the_sentences_subject(rival) -> None:
    said = find(rival, type="statement")
    assert said and all(f["subject"] == "helena-varga" for f in said)


def test_a_founders_title_takes_no_date(rival) -> None:
    founded = find(rival, type="cofounded", subject="helena-varga", object="vectoria-labs")
    assert founded and "when" not in founded[0]


def test_durations_written_in_words_keep_their_qualifier(rival) -> None:
    eleven = find(rival, type="duration", subject="ingrid-solberg", object="vectoria-labs")
    assert eleven and eleven[0]["quantity"]["value"] == 11
    nine = find(rival, type="duration", subject="marek-wierzbicki", object="lumenic")
    assert nine and nine[0]["quantity"]["value"] == 9
    assert nine[0]["quantity"]["qualifier"] == "nearly"


STINTS = """Lumenic perd un vice-président
Son départ coïncide avec une autre annonce : Tomasz Wierzbicki, vice-président chargé des ventes, arrivé en 2022 après des passages chez Vectoria Labs, Lumenic et Nordkapp Ventures, aurait également quitté la société, selon Signal Boreal.
"""


def test_past_spells_are_no_side_of_a_move_nor_a_titles_company(tmp_path) -> None:
    facts = add_snippet(tmp_path, STINTS, "stints-fr")[0]
    spells = {"vectoria-labs", "lumenic", "nordkapp-ventures"}
    for f in facts:
        if f["type"] in ("left", "joined", "role"):
            assert not {f.get("object"), f.get("to"), f.get("from")} & spells, f


STAYS = """Lumenic recrute
Helena Varga, passée elle aussi par Vectoria Labs, où elle a été chercheuse pendant près de sept ans, rejoint Lumenic.
Chez Lumenic, l'idée est venue à Tomasz Wierzbicki environ sept mois avant le lancement.
"""


def test_a_stay_needs_words_that_say_so(tmp_path) -> None:
    facts = add_snippet(tmp_path, STAYS, "stays-fr")[0]
    stays = find(facts, type="duration")
    assert [(f["subject"], f["object"], f["quantity"]["value"]) for f in stays] == [
        ("helena-varga", "vectoria-labs", 7)
    ]


FOLLOWING = """Lumenic attire Ingrid Solberg
Ingrid Solberg left Vectoria Labs for Lumenic in May.
Marek Wierzbicki followed her in June.
Neither Helena Varga nor Tomasz Wierzbicki has followed her, and Vectoria Labs has not said who will take over.
"""


def test_following_someone_joins_where_they_went_or_denies_it(tmp_path) -> None:
    facts = add_snippet(tmp_path, FOLLOWING, "following-en")[0]
    marek = find(facts, type="joined", subject="marek-wierzbicki", object="lumenic")
    assert marek and "polarity" not in marek[0]
    # (the first name after "Neither" is an entity-linking matter, left to entities.py)
    denied = find(facts, type="joined", subject="tomasz-wierzbicki", object="lumenic")
    assert denied and denied[0]["polarity"] == "negated"
    assert not [f for f in find(facts, type="joined", object="lumenic") if f.get("polarity") is None
                and f["subject"] != "marek-wierzbicki"]  # fmt: skip


DENIED = """Lumenic dément
Lumenic a démenti avoir recruté Helena Varga.
Vectoria Labs denied hiring Ingrid Solberg.
"""


def test_a_denied_move_is_never_a_yes(tmp_path) -> None:
    facts = add_snippet(tmp_path, DENIED, "denied-fr")[0]
    moves = [f for f in facts if f["type"] in ("hired", "joined", "left")]
    assert all(f.get("polarity") == "negated" for f in moves), moves


HEDGED = """Lumenic courtise
Helena Varga is in talks to join Lumenic, according to Signal Boreal.
Tomasz Wierzbicki aurait rejoint Lumenic, selon Signal Boreal.
"""


def test_talks_and_hearsay_are_no_done_move(tmp_path) -> None:
    facts = add_snippet(tmp_path, HEDGED, "hedged-en")[0]
    talks = find(facts, type="joined", subject="helena-varga", object="lumenic")
    assert talks and talks[0]["modality"] == "possible"
    heard = find(facts, type="joined", subject="tomasz-wierzbicki", object="lumenic")
    assert heard and heard[0]["modality"] == "reported"


FUTURE = """Lumenic courtise
Lumenic a tenté de recruter Helena Varga, qui a refusé de rejoindre la start-up.
Tomasz Wierzbicki should join Lumenic next month, Signal Boreal reported.
"""


def test_a_move_still_to_come_is_planned(tmp_path) -> None:
    facts = add_snippet(tmp_path, FUTURE, "future-en")[0]
    coming = find(facts, type="joined", subject="tomasz-wierzbicki", object="lumenic")
    assert coming and coming[0]["modality"] == "planned"


NEITHER = """Lumenic recrute
Helena Varga quitte Vectoria Labs pour sa rivale Lumenic, a-t-elle annoncé le lundi 4 mars 2024.
Ingrid Solberg n'a jamais travaillé chez Orbiton.
Neither Lumenic nor Orbiton has hired Tomasz Wierzbicki.
"""


def test_neither_nor_denies_the_word_window_move_too(tmp_path) -> None:
    facts = add_snippet(tmp_path, NEITHER, "neither-en")[0]
    hired = find(facts, type="hired", object="tomasz-wierzbicki")
    assert hired and all(f.get("polarity") == "negated" for f in hired)


RESIGNED = """Departures at Vectoria Labs
Ingrid Solberg resigned from Vectoria Labs in May.
Tomasz Wierzbicki quit Orbiton last year to start his own company.
"""
DEMISSION = """Départs chez Lumenic
Helena Varga a démissionné de Lumenic en juin.
"""


def test_resigning_from_an_organisation_is_leaving_it(tmp_path) -> None:
    facts = add_snippet(tmp_path, RESIGNED, "resigned-en")[0]
    assert find(facts, type="left", subject="ingrid-solberg", object="vectoria-labs")
    assert find(facts, type="left", subject="tomasz-wierzbicki", object="orbiton")
    facts = add_snippet(tmp_path, DEMISSION, "demission-fr")[0]
    assert find(facts, type="left", subject="helena-varga", object="lumenic")


MIXED = """Départs chez Vectoria Labs
Ingrid Solberg resigned from Vectoria Labs in May.
Helena Varga a démissionné de Lumenic en juin.
Tomasz Wierzbicki quit Orbiton last year to start his own company.
"""


def test_a_date_is_no_title_even_in_a_sentence_misparsed(tmp_path) -> None:
    facts = add_snippet(tmp_path, MIXED, "mixed")[0]
    assert not find(facts, type="role", subject="helena-varga")
