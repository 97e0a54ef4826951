"""The articles' names and words read by a low-priority child (a large base's first load) are
what reading them here gives: the capitalised words past a sentence's start, and every word."""

from __future__ import annotations

import threading

import pytest

from bot import kb
from bot.nlu import linking
from bot.testing.synthetic import write_news_base


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, kb.Article]:
    directory = tmp_path_factory.mktemp("news") / "knowledge"
    write_news_base(directory, 80)
    return kb.load(directory).articles


@pytest.mark.parametrize("aside", [True, False])
def test_articles_read_aside_are_read_as_here(articles, monkeypatch, aside) -> None:
    if aside and threading.active_count() > 1:
        pytest.skip("no fork with other threads running")
    monkeypatch.setattr(linking, "READ_ASIDE_ARTICLES", 0 if aside else 10**9)
    started = []
    fork = linking.Forked.start
    monkeypatch.setattr(
        linking.Forked, "start", lambda *a, **k: started.append(fork(*a, **k)) or started[-1]
    )
    read = linking.reading(articles)
    got = read()
    assert read() is got  # read once, however often asked
    assert got.articles is articles
    # Written out here, not by the code under test: every word of every text, folded.
    words = {w for a in articles.values() for w in linking.normalize(a.text).split()}
    assert got.words == words
    assert got.capitalised == linking.read_articles(articles).capitalised
    assert len(started) == aside and all(started)
