"""The facts' words read by the processes that parsed them (issue 20: a large base's first
load) index the facts exactly as words read after validation do; what they did not read, or
read from other texts, is read again."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
import yaml

from bot import kb
from bot.engine.factindex import FactIndex, parsed_phrasings, phrasing_stems
from bot.kb.yamlfile import _Loader
from bot.testing.synthetic import write_news_base


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> kb.KnowledgeBase:
    directory = tmp_path_factory.mktemp("news") / "knowledge"
    write_news_base(directory, 120)
    return kb.load(directory)


def _document(base: kb.KnowledgeBase) -> dict:
    path = next(iter(base.articles.values())).path.parent.parent / "facts.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _same_index(a: FactIndex, b: FactIndex) -> None:
    assert a.words == b.words
    assert a.purposes == b.purposes
    assert a.written == b.written
    assert {s: [f.id for f in fs] for s, fs in a.by_stem.items()} == {
        s: [f.id for f in fs] for s, fs in b.by_stem.items()
    }


def test_words_read_from_the_parsed_document_index_as_words_read_here(base) -> None:
    _same_index(FactIndex(base, [parsed_phrasings(_document(base))]), FactIndex(base))


def test_each_fact_is_indexed_by_its_own_texts_stems(base) -> None:
    index = FactIndex(base, [parsed_phrasings(_document(base))])
    for fact in base.facts[:40]:
        assert index.words[fact.id] == phrasing_stems(fact)


def test_a_fact_read_from_other_texts_or_not_read_is_read_again(base) -> None:
    document = _document(base)
    entries = document["facts"]
    changed = entries[0]["id"]
    entries[0] = {**entries[0], "text": {"fr": "Zelt Orbiton.", "en": "Zelt Orbiton."}}
    skipped = entries[1]["id"]
    del entries[1]  # a fact the digest never saw
    entries.append("not a fact")  # and an entry that is none: left out, not a failure
    index = FactIndex(base, [parsed_phrasings(document)])
    _same_index(index, FactIndex(base))
    assert "orbiton" not in index.words[changed] and index.words[skipped]


def test_a_broken_document_gives_no_words_and_no_failure() -> None:
    for document in (None, [], {"facts": "none"}, {"facts": [{"id": 3, "text": "x"}]}):
        assert parsed_phrasings(document).words == {}


def test_what_a_digest_made_of_each_piece_parsed_aside_is_kept() -> None:
    from bot.kb.yamlfile import ASIDE_MIN_CHARS, ParseCache

    if threading.active_count() > 1:
        pytest.skip("no fork with other threads running")
    entry = "- id: f{i}\n  text: {{fr: Ada Lind a rejoint Zeta, en: Ada Lind joined Zeta}}\n"
    count = 2 * ASIDE_MIN_CHARS // len(entry)  # past the size parsed aside
    text = "facts:\n" + "".join(entry.format(i=i) for i in range(count))
    cache = ParseCache(None)
    cache.parse_aside(text, parsed_phrasings)
    assert cache.parse(text) == yaml.load(text, Loader=_Loader)
    pieces = cache.digests_of(text)
    assert len(pieces) == 2
    assert sum(len(p.words) for p in pieces) == count
    failing = ParseCache(None)
    failing.parse_aside(text, lambda document: 1 / 0)
    assert failing.parse(text)["facts"][0]["id"] == "f0"
    assert failing.digests_of(text) == []


def test_a_replaced_base_keeps_what_its_facts_say(base) -> None:
    """The same check over a base whose facts all changed texts: nothing read aside applies."""
    renamed = replace(
        base,
        facts=[
            f.model_copy(update={"text": f.text.model_copy(update={"en": "Zeta."})})
            for f in base.facts
        ],
    )
    _same_index(FactIndex(renamed, [parsed_phrasings(_document(base))]), FactIndex(renamed))
