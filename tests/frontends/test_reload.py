"""Reloading the base: the changes counted, a broken base refused with `file:line`, the parse
cache reused for the files that did not change."""

from __future__ import annotations

import shutil

from base_edits import replace_once

from bot.engine import load_engine
from bot.frontends.reload import LiveEngine, Reloader
from bot.kb import yamlfile
from bot.testing.bench import write_synthetic_base


async def test_a_good_base_is_swapped_in_and_the_changes_counted(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write_synthetic_base(old, 20)
    write_synthetic_base(new, 21)  # the same 20 articles and one more (person, fact)
    engine = LiveEngine(load_engine(old))
    first = engine.current
    result = await Reloader(engine, new).reload()
    assert result.ok, result.problems
    assert engine.current is not first
    assert {kind: (c.added, c.removed) for kind, c in result.changes.items()} == {
        "articles": (1, 0),
        "entities": (1, 0),
        "facts": (1, 0),
    }
    assert result.totals == {"articles": 21, "entities": 41, "facts": 21}
    assert "articles 21 (+1 −0)" in result.summary()
    back = await Reloader(engine, old).reload()
    assert back.changes["facts"].removed == 1


async def test_a_broken_base_is_refused_the_last_good_one_kept_and_the_lines_named(tmp_path):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 20)
    engine = LiveEngine(load_engine(directory))
    good = engine.current
    facts = directory / "facts.yaml"
    replace_once(facts, "subject: p00003", "subject: nobody-at-all")
    result = await Reloader(engine, directory).reload("test")
    assert not result.ok
    assert engine.current is good
    assert [p for p in result.problems if p.startswith(f"{facts}:")]
    assert any("nobody-at-all" in p for p in result.problems)
    for name in ("dup1.txt", "dup2.txt"):
        shutil.copy(directory / "articles" / "synth-00004.txt", directory / "articles" / name)
    result = await Reloader(engine, directory).reload("test")
    assert engine.current is good
    duplicates = [p for p in result.problems if "duplicate article id 'synth-00004'" in p]
    assert len(duplicates) == 2 and all(":2: id: " in p for p in duplicates)
    count = len(result.problems)  # the copies are also not named after their id
    shown = result.summary(shown=1).splitlines()
    assert shown[0].startswith(f"knowledge base NOT reloaded: {count} problem(s)")
    assert shown[-1] == f"… and {count - 1} more (see the log)"
    assert engine.answer("Bonjour")[0].kind  # the good one still answers


async def test_a_reload_after_one_article_changed_parses_only_that_file(tmp_path, monkeypatch):
    directory, data = tmp_path / "knowledge", tmp_path / "data"
    write_synthetic_base(directory, 50)
    engine = LiveEngine(load_engine(directory, data))  # fills the parse cache
    article = directory / "articles" / "synth-00007.txt"
    replace_once(article, "title: Article 7", "title: Article seven")
    parsed: list[str] = []
    real_load = yamlfile.load_text

    def counting_load(text):
        parsed.append(text)
        return real_load(text)

    monkeypatch.setattr(yamlfile, "load_text", counting_load)
    result = await Reloader(engine, directory, data).reload()
    assert result.ok
    assert parsed == ["id: synth-00007\ntitle: Article seven\nlanguage: fr"]
    assert engine.sources()[7].title == "Article seven"
    assert {c.added for c in result.changes.values()} == {0}


def test_admins_are_comma_separated_ids_and_the_example_env_file_reads_as_the_defaults():
    from paths import REPO

    from bot.settings import Settings

    assert Settings(_env_file=None, MERCATO_ADMINS=" 12, 34,").admins == {12, 34}
    example = Settings(_env_file=REPO / ".env.example")
    assert example.admins == frozenset()
    assert example.record_questions is True
    assert not example.webhook_url and not example.webhook_secret
    assert (example.webhook_listen, example.webhook_port) == ("127.0.0.1", 8443)


async def test_questions_are_answered_by_the_old_base_while_a_reload_loads(tmp_path, monkeypatch):
    """The load runs in a worker thread: the event loop answers meanwhile, each reply wholly
    from the old base until the swap, wholly from the new one after it."""
    import asyncio
    import threading

    from bot.frontends import reload as reload_module

    old, new = tmp_path / "old", tmp_path / "new"
    write_synthetic_base(old, 20)
    write_synthetic_base(new, 21)
    engine = LiveEngine(load_engine(old))
    person = load_engine(new).kb.entities["p00020"].name.en  # only the new base has them
    question = f"Who is {person}?"
    before, _ = load_engine(old).answer(question)
    now, _ = load_engine(new).answer(question)
    assert before != now
    held, loading = threading.Event(), threading.Event()

    def slow_load(*args):
        loading.set()
        held.wait(timeout=30)  # until the test has asked its questions
        return load_engine(*args)

    monkeypatch.setattr(reload_module, "load_engine", slow_load)
    reload = asyncio.create_task(Reloader(engine, new).reload())
    while not loading.is_set():
        await asyncio.sleep(0.01)
    during = [engine.answer(question)[0] for _ in range(3)]
    assert during == [before] * 3
    assert not reload.done()
    held.set()
    assert (await reload).ok
    assert engine.answer(question)[0] == now
