"""What a user gets wrong, the command line says in one line and a non-zero exit, never a
traceback; and what it accepts is what it should."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from commands import mercato, ok
from paths import DATA, REPO

from bot.frontends.store import Store

ARTICLE = DATA / "curation" / "nebulon-fr.txt"


def refused(result: subprocess.CompletedProcess[str], code: int | None = None) -> str:
    """The one line a refused command printed on stderr."""
    assert result.returncode != 0 if code is None else result.returncode == code, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    copy = tmp_path / "base"
    shutil.copytree(DATA / "third_article", copy)
    return copy


def articles(base: Path) -> list[str]:
    return sorted(path.name for path in (base / "articles").iterdir())


def test_adding_a_file_that_does_not_exist(env, base, tmp_path) -> None:
    missing = tmp_path / "nonexistent.txt"
    line = refused(mercato("add", str(missing), "--knowledge", str(base), env=env))
    assert str(missing) in line and "No such file" in line


def test_adding_an_empty_file(env, base, tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    before = articles(base)
    assert "empty" in refused(mercato("add", str(empty), "--knowledge", str(base), env=env))
    assert articles(base) == before


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13", "next week", "26-02-01"])
def test_adding_with_a_date_that_does_not_exist(env, base, date) -> None:
    before = articles(base)
    result = mercato("add", str(ARTICLE), "--date", date, "--knowledge", str(base), env=env)
    assert date in refused(result, 2)
    assert articles(base) == before


def test_a_real_date_is_accepted(env, base) -> None:
    ok(mercato("add", str(ARTICLE), "--date", "2024-02-29", "--knowledge", str(base), env=env))


def test_adding_the_same_article_twice(env, base) -> None:
    ok(mercato("add", str(ARTICLE), "--knowledge", str(base), env=env))
    before = articles(base)
    again = mercato("add", str(ARTICLE), "--id", "another-id", "--knowledge", str(base), env=env)
    assert again.returncode == 1 and "the same article" in again.stderr
    assert "Traceback" not in again.stderr
    assert articles(base) == before


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MERCATO_LOG_LEVEL", "LOUD"),
        ("MERCATO_RECORD_QUESTIONS", "maybe"),
        ("MERCATO_ADMINS", "abc"),
        ("MERCATO_ADMINS", "12, 3x4"),
        ("MERCATO_WEBHOOK_PORT", "eighty"),
    ],
)
def test_a_wrong_setting_is_named_in_one_line(env, variable, value) -> None:
    line = refused(mercato("ask", "Who founded xAI?", env={**env, variable: value}), 2)
    assert line.startswith(f"mercato: {variable}={value}: ")


def test_good_settings_are_read_as_written(env) -> None:
    good = {
        "MERCATO_LOG_LEVEL": "warning",
        "MERCATO_ADMINS": "12, 34",
        "MERCATO_RECORD_QUESTIONS": "no",
    }
    ok(mercato("ask", "Who founded xAI?", env={**env, **good}))


def test_impact_on_question_sets_that_do_not_exist(env, tmp_path) -> None:
    missing = tmp_path / "nonexistent"
    assert str(missing) in refused(mercato("check", "--impact", "--sets", str(missing), env=env), 2)


def test_the_example_env_file_as_it_is_changes_nothing(env, tmp_path) -> None:
    shutil.copy(REPO / ".env.example", tmp_path / ".env")
    with_example = ok(mercato("ask", "Who founded xAI?", "--json", env=env, cwd=tmp_path))
    without = ok(mercato("ask", "Who founded xAI?", "--json", env=env))
    assert json.loads(with_example) == json.loads(without)
    assert json.loads(with_example)["kind"] == "answer"


def test_the_console_records_what_it_could_not_answer(env, tmp_path) -> None:
    ok(mercato("run", env=env, stdin="Who founded Zorblatt Industries?\nWho founded xAI?\n"))
    store = Store.in_directory(tmp_path / "data")
    try:
        rows = store.misses(0.0, float("inf"))
    finally:
        store.close()
    assert [(row[0], row[2], row[3]) for row in rows] == [
        ("Who founded Zorblatt Industries?", "console", "unknown")
    ]


def test_the_console_records_nothing_when_told_not_to(env, tmp_path) -> None:
    quiet = {**env, "MERCATO_RECORD_QUESTIONS": "false"}
    ok(mercato("run", env=quiet, stdin="Who founded Zorblatt Industries?\n"))
    store = Store.in_directory(tmp_path / "data")
    try:
        assert store.misses(0.0, float("inf")) == []
    finally:
        store.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal")
def test_the_console_at_a_terminal_edits_lines(env) -> None:
    """Typed at a terminal, Ctrl-A goes back to the start of the line (readline): "uit", Ctrl-A,
    "q" is "quit", and the chat ends without answering anything."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=REPO, env={**env, "TERM": "xterm"},
        stdin=follower, stdout=follower, stderr=follower, close_fds=True,
    )  # fmt: skip
    os.close(follower)
    try:
        os.write(leader, b"uit\x01q\r\x04")  # then Ctrl-D, should the line not have quit
        out = b""
        while select.select([leader], [], [], 60)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            out += chunk
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        os.close(leader)
    text = out.decode("utf-8", "replace")
    assert "vous/you> " in text
    assert "can't find" not in text and "Hello" not in text, text
