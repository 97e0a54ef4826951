"""Drafts in the base: `draft: true` facts and entities load, `check` counts them, and a
`mention` (a sentence that only names its entities) never settles a yes/no question."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from devset_runner import starts_with_words
from paths import DATA

from bot import kb
from bot.cli import check
from bot.curation.commands import sentences
from bot.engine import Engine

FOUNDED = "tomasz-wierzbicki-founded-lumenic"
TYPED = """  - id: tomasz-wierzbicki-founded-lumenic
    type: founded
    subject: tomasz-wierzbicki
    object: lumenic
    when: {year: 2019}
"""
MENTION = """  - id: tomasz-wierzbicki-founded-lumenic
    type: mention
    draft: true
    subject: tomasz-wierzbicki
    about: [lumenic]
"""


def as_mention(base_dir: Path) -> None:
    """The founding fact of the fixture turned into a draft that only mentions its entities."""
    facts = base_dir / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count(TYPED) == 1
    facts.write_text(text.replace(TYPED, MENTION), encoding="utf-8")


def test_check_accepts_drafts_and_says_how_many_await_review(base_dir: Path) -> None:
    as_mention(base_dir)
    entities = base_dir / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(
        text.replace("  - id: ingrid-solberg\n", "  - id: ingrid-solberg\n    draft: true\n", 1),
        encoding="utf-8",
    )
    out = io.StringIO()

    assert check(base_dir, out=out, err=io.StringIO()) == 0
    assert "drafts:    1 facts, 1 entities await review" in out.getvalue()
    base = kb.load(base_dir)
    assert next(f for f in base.facts if f.id == FOUNDED).draft
    assert base.entities["ingrid-solberg"].draft


def test_check_says_nothing_of_drafts_when_there_are_none() -> None:
    out = io.StringIO()
    assert check(DATA / "third_article", out=out, err=io.StringIO()) == 0
    assert "drafts" not in out.getvalue()


@pytest.mark.parametrize(
    "question", ["Did Tomasz Wierzbicki found Lumenic?", "Tomasz Wierzbicki a-t-il fondé Lumenic ?"]
)
def test_a_mention_never_gives_a_bare_yes(base_dir: Path, question: str) -> None:
    typed, _ = Engine(kb.load(base_dir)).answer(question)
    assert typed.text.startswith(("Yes", "Oui")), typed.text
    as_mention(base_dir)
    mentioned, _ = Engine(kb.load(base_dir)).answer(question)
    verdicts = ("Yes", "Oui", "No", "Non")
    assert not any(starts_with_words(mentioned.text, v) for v in verdicts), mentioned.text
    # The sentence that mentions them is still quoted.
    assert any("2019" in c.sentence for c in (mentioned.more or mentioned).citations)


def test_a_mention_answers_a_question_no_typed_fact_answers(base_dir: Path) -> None:
    as_mention(base_dir)
    answer, _ = Engine(kb.load(base_dir)).answer("Who founded Lumenic?")
    assert any("2019" in c.sentence for c in (answer.more or answer).citations), answer.text


# ---------------------------------------------------------------- citations by reference

S_HIRED = "Depuis janvier, Lumenic a recruté au moins 9 ingénieurs issus de Vectoria Labs."
QUOTED = f"""      - article: lumenic-debauche-vectoria
        sentence: "{S_HIRED}"
"""


def cite_by_ref(base_dir: Path, ref: str) -> Path:
    facts = base_dir / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count(QUOTED) == 1
    facts.write_text(text.replace(QUOTED, f'      - ref: "{ref}"\n'), encoding="utf-8")
    return facts


def test_a_citation_by_reference_resolves_to_the_verbatim_sentence(base_dir: Path) -> None:
    cite_by_ref(base_dir, "lumenic-debauche-vectoria:2")
    base = kb.load(base_dir)
    fact = next(f for f in base.facts if f.id == "lumenic-hired-9-from-vectoria")
    assert fact.citations[0].article == "lumenic-debauche-vectoria"
    assert fact.citations[0].sentence == S_HIRED
    assert base.covered_sentences == base.total_sentences


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("lumenic-debauche-vectoria:99", "no sentence 99 in article 'lumenic-debauche-vectoria'"),
        ("no-such-article:2", "no article 'no-such-article'"),
    ],
)
def test_a_reference_to_nothing_is_reported_at_its_line(
    base_dir: Path, ref: str, message: str
) -> None:
    facts = cite_by_ref(base_dir, ref)
    line = next(n for n, t in enumerate(facts.read_text().splitlines(), 1) if ref in t)
    with pytest.raises(kb.KnowledgeError) as info:
        kb.load(base_dir)
    assert f"{facts}:{line}: facts[2].citations[0].ref: {message}" in info.value.problems


def test_sentences_lists_an_article_numbered_as_references_use_them() -> None:
    out = io.StringIO()
    assert sentences("lumenic-debauche-vectoria", DATA / "third_article", out=out) == 0
    assert f"lumenic-debauche-vectoria:2  {S_HIRED}" in out.getvalue().splitlines()
