# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""Drafts read from spaCy's parse of realistic sentences written for these tests: several
people per sentence, appositions, coordination, implicit sides, hedges and denials."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytest.importorskip("spacy")

from bot.curation.writer import add_article
from bot.kb import loader as kb

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
    base = tmp_path / "kb"
    source = Path(__file__).parents[1] / "data" / "third_article"
    base.mkdir()
    for name in ("entities.yaml", "about.yaml"):
        (base / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    (base / "facts.yaml").write_text((source / "facts.yaml").read_text(encoding="utf-8"))
    (base / "articles").mkdir()
    for path in (source / "articles").glob("*.txt"):
        (base / "articles" / path.name).write_text(path.read_text(encoding="utf-8"))
    add_article(text, base, id=article)
    kb.load(base)  # the base always loads after `add`
    facts = yaml.safe_load((base / "facts.yaml").read_text(encoding="utf-8"))["facts"]
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))
    mine = [f for f in facts if f["citations"][0].get("ref", "").startswith(article + ":")]
    types = {e["id"]: e["type"] for e in entities["entities"]}
    return mine, types


def _find(facts: list[dict], **slots) -> list[dict]:
    return [f for f in facts if all(f.get(k) == v for k, v in slots.items())]


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
    entities = yaml.safe_load((tmp_path / "kb" / "entities.yaml").read_text(encoding="utf-8"))
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
