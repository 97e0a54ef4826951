# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Drafts read from spaCy's parse of realistic sentences written for these tests: several
people per sentence, appositions, coordination, implicit sides, hedges and denials."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytest.importorskip("spacy")

from snippets import add_snippet, find

ARTICLE = """Orbiton recrute chez Veltrax et Numerik
En mars, Sofia Brandt et Paolo Renzi, deux ingénieurs de Veltrax, ont quitté Veltrax pour rejoindre Orbiton.
Lena Moreau, ancienne chercheuse chez Numerik, a rejoint Orbiton en avril.
Selon Le Courrier, Orbiton aurait recruté Hugo Marchal.
Victor Brandt n'a pas rejoint Orbiton.
"""

ARTICLE_EN = """Orbiton hires from Veltrax
Dana Whitfield arrives from Veltrax Labs, where she led speech recognition for Quillo.
Two more Veltrax Labs engineers, Omar Haddou and Ilse Varga, later left for Orbiton as well; both had worked at Numerik Systems before joining Veltrax Labs in 2022.
Orbiton could hire Ray Tanaka, a former engineer at Numerik Systems, according to Tech Ledger.
"""


def _add(tmp_path: Path, text: str, article: str) -> tuple[list[dict], dict]:
    mine, base = add_snippet(tmp_path, text, article)
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))
    return mine, {e["id"]: e["type"] for e in entities["entities"]}


_find = find


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("fr"), ARTICLE, "orbiton-fr")


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("en"), ARTICLE_EN, "orbiton-en")


def test_every_coordinated_mover_leaves_for_the_joined_side(french) -> None:
    facts, _ = french
    for person in ("sofia-brandt", "paolo-renzi"):
        left = _find(facts, type="left", subject=person, object="veltrax", to="orbiton")
        assert left, person
        assert left[0]["when"] == {"month": 3}


def test_a_report_and_a_negation_stay_on_the_fact(french) -> None:
    facts, _ = french
    hired = _find(facts, type="hired", subject="orbiton", object="hugo-marchal")
    assert hired and hired[0]["modality"] == "reported"
    not_joined = _find(facts, type="joined", subject="victor-brandt", object="orbiton")
    assert not_joined and not_joined[0]["polarity"] == "negated"
    assert not_joined[0]["text"]["en"].startswith("Victor Brandt did not join")


def test_a_former_title_is_a_past_role_and_where_a_newcomer_came_from(french) -> None:
    facts, types = french
    role = _find(facts, type="role", subject="lena-moreau", object="numerik")
    assert role and role[0]["tense"] == "past"
    joined = _find(facts, type="joined", subject="lena-moreau", object="orbiton")
    assert joined and joined[0]["when"] == {"month": 4}
    assert types["lena-moreau"] == "person" and types["numerik"] == "organization"


def test_a_shared_surname_becomes_an_ambiguous_name(tmp_path) -> None:
    _facts, types = _add(tmp_path, ARTICLE, "orbiton-fr")
    entities = yaml.safe_load(
        (tmp_path / "orbiton-fr" / "entities.yaml").read_text(encoding="utf-8")
    )
    assert "Brandt" in entities["ambiguous_names"]
    assert types["sofia-brandt"] == types["victor-brandt"] == "person"


def test_the_implicit_side_comes_from_the_main_actor_and_is_marked(english) -> None:
    facts, _types = english
    joined = _find(facts, type="joined", subject="dana-whitfield", object="orbiton")
    assert joined and joined[0]["from"] == "veltrax-labs"
    led = _find(facts, type="leads", subject="dana-whitfield")  # "where she led"
    assert led and led[0]["tense"] == "past"


def test_left_for_x_leaves_the_title_org_and_joining_keeps_its_own_date(english) -> None:
    facts, _types = english
    for person in ("omar-haddou", "ilse-varga"):
        assert _find(facts, type="left", subject=person, object="veltrax-labs", to="orbiton")
        joined = _find(facts, type="joined", subject=person, object="veltrax-labs")
        assert joined and joined[0]["when"] == {"year": 2022}
        assert joined[0]["from"] == "numerik-systems"
        left = _find(facts, type="left", subject=person)
        assert "when" not in left[0]


def test_could_is_possible_and_the_source_is_media(english) -> None:
    facts, types = english
    hired = _find(facts, type="hired", subject="orbiton", object="ray-tanaka")
    assert hired and hired[0]["modality"] == "possible"
    assert types["tech-ledger"] == "media"


TEAMS_FR = """Lumenic perd ses chercheurs
Après le départ de Lena Moreau, l'équipe de Lumenic chargée des modèles de vision voit partir d'autres ingénieurs vers Vectoria Labs.
En mai, Sofia Brandt, membre de cette équipe, a quitté Lumenic pour Vectoria Labs.
Sofia Brandt travaillait chez Lumenic depuis plus de six ans.
L'équipe des modèles de vision compte une centaine d'ingénieurs, et elle est désormais dirigée par Hugo Marchal.
En juin, Ilse Varga, qui dirigeait l'équipe QDS (Query, Dialogue and Search), a quitté Lumenic pour Vectoria Labs.
Son équipe développait une recherche de type Quillo destinée à Aurora-7.
"""

TEAMS_EN = """Lumenic names its new lab
Lumenic has opened Lumenic Frontier Labs, the unit led by Omar Haddou.
Dana Whitfield, the former chief executive of Vectoria Labs, co-leads the lab with him.
Ray Tanaka led speech recognition for Aurora-7 after years at Vectoria Labs.
"""


@pytest.fixture(scope="module")
def teams(tmp_path_factory):
    return _add(tmp_path_factory.mktemp("teams"), TEAMS_FR, "orbiton-teams")


def test_a_team_described_in_words_is_one_unit_of_its_owner(teams, tmp_path_factory) -> None:
    facts, types = teams
    team = "equipe-des-modeles-de-vision"
    assert types[team] == "unit"
    assert _find(facts, type="leads", subject="hugo-marchal", object=team)
    count = _find(facts, type="count", subject=team)
    assert count and count[0]["quantity"]["value"] == 100
    assert count[0]["quantity"]["qualifier"] == "about"
    # "cette équipe" is the same team, not a new one
    assert _find(facts, type="role", subject="sofia-brandt", object=team)
    units = {e for e, kind in types.items() if kind == "unit"} - {"lumenic-tampere-lab"}
    assert units == {team, "qds"}  # one team for every sentence describing it


def test_an_acronym_spelt_out_is_an_alias_not_three_entities(teams) -> None:
    facts, types = teams
    assert types["qds"] == "unit"
    assert not {"query", "dialogue", "search"} & set(types)
    assert _find(facts, type="leads", subject="ilse-varga", object="qds")


def test_a_possessive_team_is_about_its_owner_and_a_likeness_is_no_product(teams) -> None:
    facts, _types = teams
    worked = _find(facts, type="worked_on", subject="qds")
    assert [f["object"] for f in worked] == ["aurora-7"]
    assert worked[0]["about"] == ["ilse-varga"]


def test_time_spent_at_an_organisation_is_a_duration(teams) -> None:
    facts, _types = teams
    spent = _find(facts, type="duration", subject="sofia-brandt", object="lumenic")
    assert spent and spent[0]["quantity"]["value"] == 6
    assert spent[0]["quantity"]["qualifier"] == "more_than"
    assert "6 years" in spent[0]["text"]["en"]


def test_co_leads_with_him_and_years_at_a_place(tmp_path) -> None:
    facts, _types = _add(tmp_path, TEAMS_EN, "veltrax-lab")
    leads = _find(facts, type="leads", subject="dana-whitfield")
    assert leads and leads[0]["about"] == ["omar-haddou"]
    assert "co-leads" in leads[0]["text"]["en"]
    years = _find(facts, type="duration", subject="ray-tanaka", object="vectoria-labs")
    assert years and years[0]["quantity"]["qualifier"] == "some"


def test_ne_verb_pas_negates_when_the_parser_hangs_pas_on_the_object(tmp_path) -> None:
    article = (
        "Orbiton et ses recrues\n"
        "Marc Olivier, le fondateur de Numerik, qui était aussi le conseiller de Veltrax, ne rejoint pas Orbiton : il garde son siège au conseil de Numerik.\n"
    )
    facts, _ = _add(tmp_path, article, "orbiton-neg")
    joined = _find(facts, type="joined", subject="marc-olivier", object="orbiton")
    assert joined and all(f.get("polarity") == "negated" for f in joined)


@pytest.mark.parametrize(
    "article",
    [
        "Orbiton et ses recrues\nMarc Olivier a quitté Numerik et prévoit de rejoindre Orbiton, selon Le Courrier.\n",
        "Orbiton hires\nMarc Olivier left Numerik and is expected to join Orbiton, according to Tech Ledger.\n",
    ],
)
def test_an_expected_move_is_planned_never_done(tmp_path, article) -> None:
    facts, _ = _add(tmp_path, article, "orbiton-plan")
    joined = _find(facts, type="joined", subject="marc-olivier", object="orbiton")
    assert joined and all(f.get("modality") == "planned" for f in joined)


STAFF_ARTICLE = """Orbiton recrute chez Veltrax
Orbiton a recruté Sofia Brandt chez Veltrax en mars.
Paolo Renzi n'a pas rejoint les effectifs : il reste indépendant.
"""


def test_joining_the_staff_joins_the_articles_main_actor(tmp_path) -> None:
    """ "n'a pas rejoint les effectifs": the company the article is about, marked inferred."""
    facts, _ = _add(tmp_path, STAFF_ARTICLE, "orbiton-staff")
    joined = _find(facts, type="joined", subject="paolo-renzi", object="orbiton")
    assert joined and joined[0]["polarity"] == "negated"


FORMER_ARTICLE = """Orbiton recrute
Environ 50 ingénieurs ont rejoint Orbiton, dont les trois cofondateurs de Zelt, Ilse Varga, Omar Haddou et Dana Whitfield, tous anciens de Veltrax.
"""


def test_former_staff_named_in_apposition_were_employees_there(tmp_path) -> None:
    """ "tous anciens de Veltrax": each was an employee of Veltrax, a title of no words of
    "tous" or "anciens"."""
    facts, _ = _add(tmp_path, FORMER_ARTICLE, "orbiton-former")
    roles = [f for f in facts if f["type"] == "role" and f.get("object") == "veltrax"]
    assert {f["subject"] for f in roles} >= {"ilse-varga", "omar-haddou", "dana-whitfield"}
    for f in roles:
        assert f["tense"] == "past"
        assert f["role"]["en"] == "employee", f["role"]


TITLE_ARTICLE = """Veltrax recrute
Omar Haddou, le directeur scientifique d'Orbiton, rendra compte à Ilse Varga.
"""


def test_a_french_title_keeps_the_adjectives_after_its_noun(tmp_path) -> None:
    facts, _ = _add(tmp_path, TITLE_ARTICLE, "veltrax-title")
    roles = _find(facts, type="role", subject="omar-haddou", object="orbiton")
    assert roles and roles[0]["role"] == {"fr": "directeur scientifique", "en": "chief scientist"}


INSTEAD_ARTICLE = """Orbiton et Zelt
Plutôt que de racheter Zelt, Orbiton a recruté ses fondateurs.
"""

FAILED_ARTICLE = """Acme and Numerik
Acme failed to acquire Numerik, and hired two of its engineers instead.
"""


def test_what_a_sentence_did_rather_than_or_failed_to_do_is_not_drafted_as_done(tmp_path) -> None:
    facts, _ = _add(tmp_path, INSTEAD_ARTICLE, "orbiton-instead")
    bought = _find(facts, type="acquired", subject="orbiton", object="zelt")
    facts, _ = _add(tmp_path / "en", FAILED_ARTICLE, "acme-failed")
    bought += _find(facts, type="acquired", subject="acme", object="numerik")
    assert len(bought) == 2 and all(f.get("polarity") == "negated" for f in bought)
