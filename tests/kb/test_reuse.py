"""A load given the previous base re-reads only the files that changed, and checks as much."""

from __future__ import annotations

from base_edits import replace_once

from bot import kb
from bot.testing.bench import write_synthetic_base


def _touch_title(path, title):
    text = path.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {title} ", 1)
    path.write_text(text, encoding="utf-8")


def test_only_the_changed_article_is_read_again(tmp_path):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 5)
    before = kb.load(directory)
    _touch_title(directory / "articles" / "synth-00002.txt", "Revised")
    after = kb.load(directory, previous=before)
    assert after.articles["synth-00002"].title.startswith("Revised")
    assert after.articles["synth-00001"] is before.articles["synth-00001"]
    assert after.facts is before.facts and after.entities is before.entities


def test_a_changed_facts_file_is_validated_again(tmp_path):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 5)
    before = kb.load(directory)
    replace_once(directory / "facts.yaml", "subject: p00003", "subject: nobody-at-all")
    try:
        kb.load(directory, previous=before)
    except kb.KnowledgeError as error:
        assert any("nobody-at-all" in p for p in error.problems)
    else:
        raise AssertionError("a fact naming an unknown entity was accepted")


def test_a_citation_no_longer_in_its_changed_article_is_reported(tmp_path):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 5)
    before = kb.load(directory)
    article = directory / "articles" / "synth-00002.txt"
    replace_once(article, " a rejoint ", " a retrouvé ")
    try:
        kb.load(directory, previous=before)
    except kb.KnowledgeError as error:
        assert any("sentence not found in article 'synth-00002'" in p for p in error.problems)
    else:
        raise AssertionError("a citation missing from its article was accepted")
