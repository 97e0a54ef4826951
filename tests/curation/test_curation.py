"""`python -m bot add` on articles it has never seen (tests/data/curation/): the enlarged base
checks, the bot answers questions written before `add` was run, and adding an article changes
no answer of the project's question sets.

The floors are the zero-edit scores first measured (the English article was kept out of
tuning): nebulon-fr 13/14 (tuned on), halcyon-en 14/14 (first run).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from devset_runner import run_devset
from paths import DATA, KNOWLEDGE

from bot import kb
from bot.cli import check
from bot.curation.commands import sentences
from bot.curation.review import review
from bot.curation.writer import add_article, append_to_list
from bot.engine import Engine

CURATION = DATA / "curation"
ARTICLES = {"nebulon-fr": ("nebulon-quartzia", 13), "halcyon-en": ("halcyon-brightforge", 14)}
SETS = ["devset", "heldout", "blind", "blind2", "casual"]


def enlarged(tmp: Path, name: str) -> Path:
    target = tmp / name
    shutil.copytree(KNOWLEDGE, target)
    raw = (CURATION / f"{name}.txt").read_text(encoding="utf-8")
    add_article(raw, target, id=ARTICLES[name][0])
    return target


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("curation")
    return {name: enlarged(tmp, name) for name in ARTICLES}


@pytest.mark.parametrize("name", list(ARTICLES))
def test_added_article_checks_with_drafts_awaiting_review(bases, name: str) -> None:
    out = io.StringIO()
    assert check(bases[name], out=out, err=io.StringIO()) == 0, out.getvalue()
    assert "(100%)" in out.getvalue()
    assert "await review" in out.getvalue()
    base = kb.load(bases[name])
    article = ARTICLES[name][0]
    mine = [f for f in base.facts if f.citations[0].article == article]
    assert mine and all(f.draft for f in mine)
    # Every sentence naming an entity is cited by a fact, typed or a mention.
    cited = {c.sentence for f in mine for c in f.citations}
    assert len(cited) >= len(base.articles[article].sentences) - 1


@pytest.mark.parametrize("name", list(ARTICLES))
def test_questions_written_before_add_score_at_least_the_zero_edit_floor(bases, name) -> None:
    items = yaml.safe_load((CURATION / f"{name}.questions.yaml").read_text(encoding="utf-8"))
    outcomes = run_devset(Engine(kb.load(bases[name])), items)
    assert sum(not o.problems for o in outcomes) >= ARTICLES[name][1], [
        (o.item["id"], o.problems) for o in outcomes if o.problems
    ]


def test_a_from_never_comes_from_a_title(bases) -> None:
    base = kb.load(bases["halcyon-en"])
    okafor = [f for f in base.facts if f.subject == "daniel-okafor"]
    assert {f.type for f in okafor} >= {"role", "cofounded"}
    assert not any(f.source == "tessellate" for f in base.facts)
    role = next(f for f in okafor if f.type == "role")
    assert (role.object, role.tense) == ("tessellate", "past")


def test_adding_an_article_changes_no_answer_of_the_question_sets(bases) -> None:
    before = Engine(kb.load(KNOWLEDGE))
    after = Engine(kb.load(bases["nebulon-fr"]))
    for name in SETS:
        items = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        passed = {o.item["id"] for o in run_devset(before, items) if not o.problems}
        lost = [
            o.item["id"] for o in run_devset(after, items) if o.problems and o.item["id"] in passed
        ]
        assert lost == [], (name, lost)


def test_review_shows_each_sentence_with_its_drafts(bases) -> None:
    out = io.StringIO()
    review(kb.load(bases["nebulon-fr"]), "nebulon-quartzia", out)
    text = out.getvalue()
    assert "nebulon-quartzia:1  En février, Amélie Desrosiers a rejoint Nébulon" in text
    assert "joined amelie-desrosiers, object nebulon, from quartzia-systems" in text
    assert "? amelie-desrosiers: person 'Amélie Desrosiers' (aliases: Desrosiers)" in text


def test_sentences_lists_the_added_article(bases) -> None:
    out = io.StringIO()
    assert sentences("nebulon-quartzia", bases["nebulon-fr"], out=out) == 0
    assert out.getvalue().splitlines()[2].startswith("nebulon-quartzia:1  En février")


def test_appending_keeps_existing_text_and_fills_an_empty_list() -> None:
    text = "# head\nfacts:\n  - id: a   # kept as written\n\ncontext: []\n"
    out = append_to_list(text, "facts", [{"id": "b", "name": {"fr": "B"}}], ["about b"])
    out = append_to_list(out, "context", [{"ref": "x:0"}])
    assert out.startswith("# head\nfacts:\n  - id: a   # kept as written\n")
    assert "  # about b\n  - id: b\n" in out
    assert yaml.safe_load(out) == {
        "facts": [{"id": "a"}, {"id": "b", "name": {"fr": "B"}}],
        "context": [{"ref": "x:0"}],
    }


def test_appending_keeps_flow_maps_quotes_and_nulls_as_written() -> None:
    text = 'entities:\n  - id: a\n    name: {fr: A, en: "A"}\n    part_of: null\n'
    out = append_to_list(text, "entities", [{"id": "b"}])
    assert out.startswith(text)


def test_a_base_that_does_not_load_after_add_is_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "base"
    shutil.copytree(DATA / "third_article", target)
    before = {p.name: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    raw = (CURATION / "nebulon-fr.txt").read_text(encoding="utf-8")
    add_article(raw, target, id="twice")
    with pytest.raises(kb.KnowledgeError):
        add_article(raw, target, id="twice")
    assert (
        len(list((target / "articles").glob("*.txt")))
        == len([n for n in before if n.endswith(".txt")]) + 1
    )
