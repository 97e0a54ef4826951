"""Readings of one clause among several: a co-founding told in a relative clause keeps its own
year and its founders, the main verb's speaker is the person the relative clause describes, a
sentence's opening stop word is no part of the name after it, and a known company's short name
is that company."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from paths import DATA
from snippets import add_snippet, find

from bot import kb
from bot.curation.writer import add_article
from bot.engine import Engine

COFOUNDED = (
    "vExa perd sa cofondatrice\n"
    "Ilse Varga, qui avait cofondé vExa avec Omar Haddou en 2019, a annoncé le mercredi "
    "13 août 2025 qu'elle quittait l'entreprise.\n"
)


def test_a_co_founding_in_a_relative_clause_keeps_its_year_and_the_speaker_is_its_subject(
    tmp_path: Path,
) -> None:
    facts, _ = add_snippet(tmp_path, COFOUNDED, "vexa-depart")
    founded = find(facts, type="cofounded", object="vexa")
    assert {f["subject"] for f in founded} == {"ilse-varga", "omar-haddou"}
    assert all(f["when"] == {"year": 2019} for f in founded)  # not the announcement's day
    said = find(facts, type="statement")
    assert said and {f["subject"] for f in said} == {"ilse-varga"}


OPENING_WORDS = (
    "Numerik sues a rival\n"
    "Numerik sued Zelt on 3 May 2025. While Zelt has hired many engineers, it denies using "
    "any files. If Zelt wins the contract, it could be worth millions, said Ilse Varga.\n"
)


def test_a_sentences_opening_stop_word_is_no_part_of_the_name_after_it(tmp_path: Path) -> None:
    _, base = add_snippet(tmp_path, OPENING_WORDS, "numerik-suit")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    ids = {e["id"] for e in entities}
    assert "zelt" in ids and not ids & {"while-zelt", "if-zelt"}


SHORT_NAME = (
    "Vectoria Labs cuts jobs\n"
    "Vectoria Labs laid off 40 engineers in May. Vectoria said it remained well funded, and "
    "Vectoria later hired Ilse Varga.\n"
)


def test_a_known_companys_name_without_its_suffix_is_that_company(tmp_path: Path) -> None:
    """The base writes no short form ("Vectoria"): the article's full name tells it."""
    base = tmp_path / "base"
    shutil.copytree(DATA / "third_article", base)
    entities = base / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("    aliases: [Vectoria]\n", ""),
        encoding="utf-8",
    )
    add_article(SHORT_NAME, base, id="vectoria-cuts")
    loaded = kb.load(base)
    assert "vectoria" not in loaded.entities
    hired = [f for f in loaded.facts if f.type == "hired" and f.object == "ilse-varga"]
    assert hired and hired[0].subject == "vectoria-labs"
    # The article's short form is now the company's alias: a question may write it so.
    assert "Vectoria" in loaded.entities["vectoria-labs"].aliases
    answer, _ = Engine(loaded).answer("Who did Vectoria hire?")
    assert answer.kind == "answer" and "Ilse Varga" in answer.text


FORMER_STAFF = (
    "Deux anciens de Veltrax lèvent des fonds\n"
    "Omar Haddou, qui pilotait chez Veltrax la modélisation des risques du projet Aurora et en "
    "est aujourd'hui le directeur général, a cofondé l'entreprise en mars 2024 avec Ilse Varga. "
    "Cette dernière avait rejoint Veltrax à Oslo en 2012 en tant que dixième salariée.\n"
)


def test_the_company_founded_is_none_its_founders_relative_clause_names(tmp_path: Path) -> None:
    """ "l'entreprise" is not Veltrax nor Aurora, which the relative clause on its founder
    names; and a lead at Veltrax says what was led there."""
    facts, _ = add_snippet(tmp_path, FORMER_STAFF, "veltrax-anciens")
    founded = [f for f in facts if f["type"] in ("founded", "cofounded")]
    assert not [f for f in founded if f["object"] in ("veltrax", "aurora")]
    assert all(f.get("role") for f in find(facts, type="leads", object="veltrax"))


def test_ce_dernier_is_the_last_person_named_before(tmp_path: Path) -> None:
    facts, _ = add_snippet(tmp_path, FORMER_STAFF, "veltrax-derniere")
    joined = find(facts, type="joined", subject="ilse-varga", object="veltrax")
    assert joined and joined[0]["when"] == {"year": 2012}


STINT = (
    "Zelt recrute\n"
    "Après des mois de rumeurs, Ilse Varga, une chercheuse passée par Veltrax puis par Numerik, "
    "a confirmé le 12 novembre 2025 qu'elle travaillait désormais chez Zelt. Le fondateur de "
    "Zelt, Omar Jun, l'aurait courtisée en personne.\n"
)


def test_a_stint_is_no_move_and_a_surname_that_is_a_month_stays_in_the_name(tmp_path: Path) -> None:
    """ "passée par Veltrax" is where she went through, not a move dated with her news; "Jun"
    after a first name, with no number beside it, ends the name."""
    facts, base = add_snippet(tmp_path, STINT, "zelt-recrute")
    assert not find(facts, type="joined", object="veltrax")
    entities = yaml.safe_load((base / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    assert "omar-jun" in {e["id"] for e in entities}
