"""The engine kept between runs: read back while nothing changed, rebuilt when a file did."""

from __future__ import annotations

import os
import threading
import time

from bot.engine import facade, load_engine, snapshot
from bot.engine.facade import SNAPSHOT_NAME
from bot.engine.snapshot import RACY_NS
from bot.testing.bench import write_synthetic_base


def _age(directory, seconds):
    """Date every file of the base `seconds` back, as if it had been written long ago."""
    past = time.time_ns() - int(seconds * 1e9)
    for path in directory.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(past, past))


def _written(data_dir):
    for thread in threading.enumerate():
        if thread.name == "engine-snapshot":
            thread.join()
    return (data_dir / SNAPSHOT_NAME).exists()


def test_an_unchanged_base_is_read_back_and_a_changed_one_rebuilt(tmp_path, monkeypatch):
    directory, data_dir = tmp_path / "knowledge", tmp_path / "data"
    write_synthetic_base(directory, 5)
    _age(directory, 2 * RACY_NS / 1e9)
    first = load_engine(directory, data_dir)
    assert _written(data_dir)
    with monkeypatch.context() as patched:

        def not_read(*args, **kwargs):
            raise AssertionError("the base was read again, not its snapshot")

        patched.setattr(facade.kb, "load", not_read)
        again = load_engine(directory, data_dir)
    assert again is not first and again.kb.articles.keys() == first.kb.articles.keys()
    reply, _ = again.answer("Who is " + first.kb.entities["p00001"].name.en + "?")
    assert reply.kind == "answer"
    article = directory / "articles" / "synth-00001.txt"
    article.write_text(article.read_text().replace("\ntitle: ", "\ntitle: Revised ", 1))
    changed = load_engine(directory, data_dir)
    assert changed.kb.articles["synth-00001"].title.startswith("Revised")


def test_a_base_changed_a_moment_ago_is_not_trusted_to_a_snapshot(tmp_path):
    directory, data_dir = tmp_path / "knowledge", tmp_path / "data"
    write_synthetic_base(directory, 5)
    load_engine(directory, data_dir)
    assert not _written(data_dir)


def test_a_reload_keeps_the_indexes_when_only_an_article_changed(tmp_path):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 5)
    first = load_engine(directory)
    article = directory / "articles" / "synth-00001.txt"
    article.write_text(article.read_text().replace("\ntitle: ", "\ntitle: Revised ", 1))
    second = load_engine(directory, previous=first)
    assert second.kb.articles["synth-00001"].title.startswith("Revised")
    assert second._answerer.tk.index is first._answerer.tk.index
    assert second._answerer.tk.facts.kb is second.kb


def test_a_base_removed_while_its_snapshot_waits_is_no_crash(tmp_path, monkeypatch):
    directory, data_dir = tmp_path / "knowledge", tmp_path / "data"
    write_synthetic_base(directory, 5)
    engine = load_engine(directory)
    key = snapshot.snapshot_key(directory)

    def vanished(directory):  # a file listed, then deleted before it is read
        raise FileNotFoundError(directory / "articles" / "synth-00001.txt")

    monkeypatch.setattr(snapshot.kb, "file_signatures", vanished)
    snapshot.write(data_dir / SNAPSHOT_NAME, key, engine, directory)
    assert not (data_dir / SNAPSHOT_NAME).exists()
