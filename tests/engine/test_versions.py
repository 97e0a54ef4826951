"""A product's version the base names nowhere ("Aurora 9" of a known Aurora) is another
product: the articles say nothing of it. The known name, and a version the base writes, stay
answered."""

from __future__ import annotations

import shutil

import pytest
from paths import DATA

from bot import kb
from bot.engine import Engine
from bot.text import normalize


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("versions") / "kb"
    shutil.copytree(DATA / "third_article", base)
    entities = base / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    named = text.replace(
        "aliases: [Aurora 7, puce Aurora-7", "aliases: [Aurora, Aurora 7, puce Aurora-7", 1
    )
    assert named != text
    entities.write_text(named, encoding="utf-8")
    return Engine(kb.load(base))


@pytest.mark.parametrize(
    ("question", "version"),
    [("who designed aurora 9?", "aurora 9"), ("qui a conçu aurora 2 ?", "aurora 2")],
)
def test_an_unknown_version_is_said_to_be_unknown(engine, question, version) -> None:
    answer, _ = engine.answer(question)
    assert answer.kind == "unknown", answer.text
    assert version in normalize(answer.text.splitlines()[0])


@pytest.mark.parametrize("question", ["who designed aurora?", "who designed aurora 7?"])
def test_the_known_name_and_version_are_answered(engine, question) -> None:
    answer, _ = engine.answer(question)
    assert answer.kind == "answer" and "solberg" in normalize(answer.text), answer.text
