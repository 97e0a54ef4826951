"""A large base's facts are checked by another process while the caller indexes them: the
same problems are reported, in the same words, and nothing built from a broken base is kept."""

from __future__ import annotations

import threading

import pytest
from base_edits import replace_once

from bot import kb
from bot.kb import loader
from bot.kb.forked import Forked
from bot.testing.bench import write_synthetic_base


@pytest.fixture(params=["aside", "here"])
def where(request, monkeypatch):
    """Checks run by a forked child (every base counted large), or in this process; the
    test then sees that they did run there."""
    started: list[Forked | None] = []
    if request.param == "aside":
        if threading.active_count() > 1:
            pytest.skip("no fork with other threads running")
        monkeypatch.setattr(loader, "CHECKED_ASIDE_FACTS", 0)

        fork = Forked.start

        def start(work):
            started.append(fork(work))
            return started[-1]

        monkeypatch.setattr(loader.Forked, "start", start)
    yield request.param
    assert all(started) and len(started) == (request.param == "aside")


def test_the_base_is_given_once_while_checked_and_covers_what_a_plain_load_does(tmp_path, where):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 6)
    given: list[kb.KnowledgeBase] = []
    base = kb.load(
        directory, meanwhile=lambda _: None, while_checked=lambda base, _: given.append(base)
    )
    assert given == [base]
    plain = kb.load(directory)
    assert base.covered_sentences == plain.covered_sentences == plain.total_sentences > 0
    assert [f.id for f in base.facts] == [f.id for f in plain.facts]


@pytest.mark.parametrize(
    ("edited", "old", "new", "expected"),
    [
        ("facts.yaml", "subject: p00003", "subject: nobody-at-all", "unknown entity"),
        ("articles/synth-00002.txt", " a rejoint ", " a retrouvé ", "sentence not found"),
    ],
)
def test_a_problem_found_aside_is_reported_with_its_line(
    tmp_path, where, edited, old, new, expected
):
    directory = tmp_path / "knowledge"
    write_synthetic_base(directory, 6)
    replace_once(directory / edited, old, new)
    given: list[kb.KnowledgeBase] = []
    with pytest.raises(kb.KnowledgeError) as error:
        kb.load(
            directory, meanwhile=lambda _: None, while_checked=lambda base, _: given.append(base)
        )
    [problem] = [p for p in error.value.problems if expected in p]
    path, line, _ = problem.split(":", 2)
    assert path == str(directory / "facts.yaml")
    located = (directory / "facts.yaml").read_text().splitlines()[int(line) - 1]
    assert (new if edited == "facts.yaml" else "sentence:").strip() in located
    # Where the checks ran here, a broken base was never given to be indexed.
    assert (where == "aside") or not given
