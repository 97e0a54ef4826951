"""Reloading the base: the changes counted, a broken base refused with `file:line`, the parse
cache reused for the files that did not change."""

from __future__ import annotations

import shutil

import yaml
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
    real_load = yaml.load

    def counting_load(text, Loader):
        parsed.append(text)
        return real_load(text, Loader=Loader)

    monkeypatch.setattr(yamlfile.yaml, "load", counting_load)
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
