# ruff: noqa: E501  (the articles' sentences are one line each, as in an article file)
"""A name an article writes in lower case ("la marque « zeo »"), an organisation described as
one in apposition (", la jeune pousse de …"), a product named before its noun ("the X browser
agent"), and a sentence whose two dates date nothing."""

from __future__ import annotations

import pytest
import yaml

pytest.importorskip("spacy")

from snippets import add_snippet

from bot import kb
from bot.engine import Engine
from bot.text import normalize

ARTICLE = """Orbiton et la marque « zeo »
Quatre mois après avoir racheté zeo, la jeune pousse cofondée par Ilse Varga, Orbiton poursuit ses recrutements.
Annoncée le 21 mai et finalisée le 9 juillet, l'opération valorisait zeo à environ 2 milliards de dollars.
Un juge a interdit à Orbiton d'utiliser la marque « zeo ».
"""


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    facts, base = add_snippet(tmp_path_factory.mktemp("lower"), ARTICLE, "zeo-fr")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    return facts, {e["id"]: e for e in entities}, base


def test_a_quoted_lowercase_name_the_article_keeps_writing_is_an_entity(added) -> None:
    facts, entities, _ = added
    assert entities["zeo"]["type"] == "organization"
    assert entities["zeo"]["name"]["fr"] == "zeo"
    assert any("zeo" in (f.get("subject"), f.get("object"), *f.get("about", [])) for f in facts)


def test_a_sentence_naming_two_months_gives_its_facts_no_date(added) -> None:
    facts, _, _ = added
    second = [f for f in facts if f["citations"][0]["ref"].endswith(":1")]
    assert second
    assert not [f for f in second if f.get("when")]


def test_of_two_dates_the_one_after_the_asked_word_answers(added) -> None:
    """ "Annoncée le 21 mai et finalisée le 9 juillet": announced asks 21 May, and the
    follow-up's own word (finalised) asks 9 July; a word next to no date gets neither."""
    engine = Engine(kb.load(added[2]))
    first, state = engine.answer("Quand le rachat de zeo a-t-il été annoncé ?")
    assert normalize(first.text).startswith("le 21 mai")
    then, _ = engine.answer("et finalisé quand ?", state)
    assert normalize(then.text).startswith("le 9 juillet")
    valued, _ = engine.answer("Quand zeo a-t-elle été valorisée ?")
    assert "juillet" not in normalize(valued.text).split(".")[0]


EN_ARTICLE = """Acme repeats the formula
Barely two months later, Acme repeated the formula with Quorvane, the Emeryville robotics start-up whose founders moved over.
"""


def test_a_name_described_in_apposition_as_a_start_up_is_an_organisation(tmp_path) -> None:
    _, base = add_snippet(tmp_path, EN_ARTICLE, "quorvane-en")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    assert {e["id"]: e["type"] for e in entities}["quorvane"] == "organization"


PRODUCT_ARTICLE = """Acme ships an agent
Under her leadership the lab released the Quillo Act browser agent in March 2025.
"""


def test_a_name_before_a_product_noun_phrase_is_a_product(tmp_path) -> None:
    _, base = add_snippet(tmp_path, PRODUCT_ARTICLE, "quillo-en")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    assert {e["id"]: e["type"] for e in entities}["quillo-act"] == "product"
