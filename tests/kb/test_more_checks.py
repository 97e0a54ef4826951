"""More `check` rules, each shown on a broken copy of the fixture base (tests/data/third_article):
an article file named after another id, a fact written twice, a citation that is not verbatim
(with what differs), and, in bot/curation/audit.py, aliases close to another name (a warning)
and example questions of about.yaml that name nothing the base knows."""

from __future__ import annotations

from pathlib import Path

import yaml
from base_edits import line_with, problems_of, read, replace_once, run_check

from bot import kb
from bot.curation.audit import audit

ARTICLE = "lumenic-debauche-vectoria"
SENTENCE = "Depuis janvier, Lumenic a recruté au moins 9 ingénieurs issus de Vectoria Labs."


def index_of(entities: Path, entity_id: str) -> int:
    return [e["id"] for e in yaml.safe_load(read(entities))["entities"]].index(entity_id)


def test_an_article_file_not_named_after_its_id_is_reported(base_dir: Path) -> None:
    old = base_dir / "articles" / f"{ARTICLE}.txt"
    new = old.with_name("renamed.txt")
    old.rename(new)

    assert problems_of(base_dir) == [
        f"{new}:2: id: article {ARTICLE!r} must be in articles/{ARTICLE}.txt, not renamed.txt"
    ]


def test_a_fact_written_twice_is_reported_on_the_second(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    text = read(facts)
    start = text.index("  - id: lumenic-hired-9-from-vectoria\n")
    end = text.index("  - id: tomasz-wierzbicki-founded-lumenic\n")
    copy = text[start:end].replace("lumenic-hired-9-from-vectoria", "lumenic-hired-nine")
    facts.write_text(text[:end] + copy + text[end:], encoding="utf-8")

    line = line_with(facts, "  - id: lumenic-hired-nine")
    assert problems_of(base_dir) == [
        f"{facts}:{line}: facts[3]: fact 'lumenic-hired-nine' says the same as facts[2] "
        "('lumenic-hired-9-from-vectoria'): same type, subject, object, from, to and citations"
    ]


def test_two_facts_citing_one_sentence_with_different_slots_are_accepted(base_dir: Path) -> None:
    # ingrid-solberg-joined-lumenic and ingrid-solberg-designed-aurora-7 cite one sentence.
    assert len(kb.load(base_dir).facts) > 2


def test_a_citation_not_verbatim_shows_the_sentence_and_what_differs(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    replace_once(
        base_dir / "articles" / f"{ARTICLE}.txt", "recruté au moins", "recruté au\u00a0moins"
    )

    line = line_with(facts, f'sentence: "{SENTENCE}"')
    n = SENTENCE.index(" moins") + 1  # 1-based: the space the article writes unbreakable
    assert problems_of(base_dir)[0] == (
        f"{facts}:{line}: facts[2].citations[0].sentence: sentence not found in article "
        f"{ARTICLE!r}: {SENTENCE!r}; closest sentence differs at character {n}: "
        "'\\xa0' in the article, ' ' in the citation"
    )


def test_a_straight_apostrophe_is_named_as_the_difference(base_dir: Path) -> None:
    facts = base_dir / "facts.yaml"
    sentence = (
        "Tomasz Wierzbicki, qui a fondé Lumenic en 2019, voit dans ces arrivées la preuve de "
        "l’attractivité de son entreprise."
    )
    altered = sentence.replace("’", "'")
    text = read(facts)  # cited twice: the other citation keeps the sentence covered
    facts.write_text(text.replace(sentence, altered, 1), encoding="utf-8")

    line = line_with(facts, altered)
    n = sentence.index("’") + 1
    assert problems_of(base_dir) == [
        f"{facts}:{line}: facts[3].citations[0].sentence: sentence not found in article "
        f"{ARTICLE!r}: {altered!r}; closest sentence differs at character {n}: "
        "'’' in the article, \"'\" in the citation"
    ]


# ---------------------------------------------------------------- bot/curation/audit.py, via check


def test_an_alias_within_one_letter_of_another_name_is_a_warning(base_dir: Path) -> None:
    entities = base_dir / "entities.yaml"
    replace_once(entities, "aliases: [Varga, Helena]", "aliases: [Varga, Helena, Solbert]")

    result = run_check(base_dir)

    assert result.returncode == 0, result.stderr
    line = line_with(entities, "Solbert")
    i = index_of(entities, "helena-varga")
    summary, warning = result.stdout.split("\nwarning: ")
    assert "knowledge base OK" in summary
    assert warning.splitlines() == [
        f"{entities}:{line}: entities[{i}].aliases: alias 'Solbert' is within one letter "
        "of 'Solberg' (ingrid-solberg)"
    ]


def test_names_shorter_than_the_fuzzy_minimum_are_not_warned_of(base_dir: Path) -> None:
    entities = base_dir / "entities.yaml"
    replace_once(entities, "aliases: [Varga, Helena]", "aliases: [Varga, Helena, Mare, Marel]")
    base = kb.load(base_dir)

    warnings = audit(base, base_dir).warnings
    assert [w.split(": ", 3)[-1] for w in warnings] == [
        "alias 'Marel' is within one letter of 'Marek' (marek-wierzbicki)"
    ]


def test_an_example_question_naming_nothing_the_base_knows_is_reported(base_dir: Path) -> None:
    about = base_dir / "about.yaml"
    replace_once(about, '"Who leads Lumenic\'s Tampere lab?"', '"Who leads the weather?"')

    result = run_check(base_dir)

    assert result.returncode == 1
    line = line_with(about, "Who leads the weather?")
    assert result.stderr.splitlines() == [
        f"{about}:{line}: examples_en[2]: example question names nothing the base knows: "
        "'Who leads the weather?'",
        f"1 problem(s) in {base_dir}",
    ]
