"""What the families read from indexes (issue 20) is what a scan of every fact gives: each
expectation here is computed by a pass over all the facts, written out in the test, never by
the code under test."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.engine import Engine, load_engine
from bot.engine.families.quoted import mentions_naming, named_in, placed_in
from bot.engine.flows import build_flows
from bot.engine.toolkit import Toolkit
from bot.kb import KnowledgeBase
from bot.kb.facttypes import MENTION_TYPES
from bot.testing.synthetic import write_news_base


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    directory = tmp_path_factory.mktemp("news") / "knowledge"
    write_news_base(directory, 600)
    return load_engine(directory)


def scanned_sentences(base: KnowledgeBase) -> tuple[dict, dict, dict]:
    """By a pass over every fact: each sentence's named entities and places, and each
    entity's mentions (of the sentences naming it), in base order."""
    named: dict[tuple[str, str], set[str]] = {}
    placed: dict[tuple[str, str], set[str]] = {}
    for fact in base.facts:
        for c in fact.citations:
            key = (c.article or "", c.sentence or c.ref or "")
            named.setdefault(key, set()).update(fact.participants())
            if fact.place and fact.type not in MENTION_TYPES:
                placed.setdefault(key, set()).add(fact.place)
    mentions: dict[str, list[str]] = {}
    for fact in base.facts:
        if fact.type in MENTION_TYPES:
            c = fact.citations[0]
            for entity in named.get((c.article or "", c.sentence or c.ref or ""), ()):
                mentions.setdefault(entity, []).append(fact.id)
    return named, placed, mentions


def doubled_mentions(base: KnowledgeBase) -> KnowledgeBase:
    """The base with a second mention of each mentioned sentence: mentions to put in order."""
    copies = [
        f.model_copy(update={"id": f"{f.id}-again"}) for f in base.facts if f.type in MENTION_TYPES
    ]
    return replace(base, facts=[*base.facts, *copies])


@pytest.mark.parametrize("which", ["nebulon-fr", "halcyon-en", "news"])
def test_sentences_read_from_the_articles_are_those_a_scan_reads(
    which: str, reviewed_dirs: dict[str, Path], news: Engine
) -> None:
    if which == "news":
        tk = news._answerer.tk
    else:
        tk = Toolkit.build(doubled_mentions(load_engine(reviewed_dirs[which]).kb))
    named, placed, mentions = scanned_sentences(tk.kb)
    assert which == "news" or max(map(len, mentions.values())) > 1  # mentions to order
    for key, entities in named.items():
        assert named_in(tk, key) == entities
        assert placed_in(tk, key) == placed.get(key, set())
    for entity_id in tk.kb.entities:
        assert [f.id for f in mentions_naming(tk, entity_id)] == mentions.get(entity_id, [])


@pytest.mark.parametrize("which", ["seed", "news"])
def test_graphs_read_from_the_index_are_those_of_a_scan(
    which: str, engine: Engine, news: Engine
) -> None:
    chosen = engine if which == "seed" else news
    base = chosen.kb
    for focus in [None, *base.entities]:
        # `build_flows` with no moves given reads every fact of the base.
        assert chosen.flows(focus) == build_flows(base, focus), focus


def test_the_facts_stating_a_figure_are_those_a_scan_finds(news: Engine) -> None:
    index = news._answerer.tk.facts
    types = {f.type for f in news.kb.facts}
    for fact_type in types:
        sums = [f.id for f in news.kb.facts if f.type == fact_type and f.amount is not None]
        counts = [f.id for f in news.kb.facts if f.type == fact_type and f.quantity is not None]
        assert [f.id for f in index.measured.get((fact_type, True), [])] == sums
        assert [f.id for f in index.measured.get((fact_type, False), [])] == counts
    assert index.measured  # the base states figures
