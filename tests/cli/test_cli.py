"""Every documented command of `python -m bot`, run as a real process.

Each command runs as users run it: `sys.executable -m bot ...`, with no Telegram token and with
MERCATO_DATA_DIR in the test's temporary directory, so no parse cache is written into the
repository. Settings already in the environment (TELEGRAM_*, MERCATO_*) are dropped so that the
tests do not depend on the machine they run on.
"""

from __future__ import annotations

import json
import pickle
import queue
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from chat import Chat
from commands import FAKE_TOKEN, TIMEOUT, mercato, ok
from paths import KNOWLEDGE, PROJECT_KNOWLEDGE, REPO

from bot.engine import PARSE_CACHE_NAME, Engine
from bot.frontends.console import render_plain
from bot.frontends.telegram.app import TOKEN_REJECTED
from bot.testing.fake_bot_api import FakeBotAPI

ANSWER_KEYS = {"question", "language", "kind", "text", "citations", "options", "confidence"}
CITATION_KEYS = {"n", "article", "title", "sentence"}
# A console citation line: "[1] «quoted sentence» — Article title"
CITATION_LINE = re.compile(r"^\[\d+\] «[^»]+» — .+$", re.MULTILINE)


def jsonl(*items: object) -> str:
    return "".join(
        (item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n"
        for item in items
    )


def batch(env: dict[str, str], *items: object) -> list[dict]:
    """Run `batch` over `items` (objects are JSON-encoded, strings sent as they are)."""
    out = ok(mercato("batch", env=env, stdin=jsonl(*items)))
    return [json.loads(line) for line in out.splitlines()]


def broken_copy(tmp_path: Path) -> Path:
    """A copy of the knowledge base without its entities file."""
    target = tmp_path / "broken-knowledge"
    shutil.copytree(KNOWLEDGE, target)
    (target / "entities.yaml").unlink()
    return target


# --- ask ----------------------------------------------------------------------------------------


def test_ask_answers_in_french_with_a_quoted_citation(env, tmp_path):
    out = ok(mercato("ask", "Qui a rejoint xAI depuis Meta ?", env=env))
    first_line = out.splitlines()[0]
    assert "Xinlei Chen" in first_line
    assert "a rejoint xAI" in out  # French, not English
    assert "joined" not in out
    citations = CITATION_LINE.findall(out)
    assert citations and any("Xinlei Chen" in line for line in citations)
    # MERCATO_DATA_DIR is where the parse cache goes
    assert (tmp_path / "data" / PARSE_CACHE_NAME).is_file()


def test_ask_json_prints_one_object_with_the_documented_keys(env):
    out = ok(mercato("ask", "--json", "When did Ruoming Pang join Apple?", env=env))
    [line] = out.splitlines()
    record = json.loads(line)
    assert set(record) == ANSWER_KEYS
    assert record["question"] == "When did Ruoming Pang join Apple?"
    assert (record["language"], record["kind"]) == ("en", "answer")
    assert "2021" in record["text"]
    assert record["citations"]
    for n, citation in enumerate(record["citations"], 1):
        assert set(citation) == CITATION_KEYS
        assert citation["n"] == n
        assert citation["article"] and citation["title"] and citation["sentence"]
    assert any("2021" in c["sentence"] for c in record["citations"])
    assert record["options"] == []
    assert 0 < record["confidence"] <= 1


def test_a_reply_that_holds_back_says_so_in_json_and_ask_full_prints_it_all(env):
    question = "Qui a rejoint xAI depuis Meta ?"
    record = json.loads(ok(mercato("ask", "--json", question, env=env)))
    assert set(record) == ANSWER_KEYS | {"more"}
    assert set(record["more"]) == {"text", "citations"}
    assert len(record["citations"]) <= 3 < len(record["more"]["citations"])
    assert record["more"]["text"].startswith(record["text"].split("\n")[0])
    full = ok(mercato("ask", "--full", question, env=env))
    short = ok(mercato("ask", question, env=env))
    assert len(full) > len(short)
    for citation in record["more"]["citations"]:
        assert citation["sentence"] in full


@pytest.mark.parametrize(
    ("lang", "language", "words"),
    [("fr", "fr", "ancien responsable"), ("en", "en", "former head"), (None, "en", "former head")],
)
def test_ask_lang_sets_the_language_of_a_question_without_one(env, lang, language, words):
    options = ["--lang", lang] if lang else []
    plain = ok(mercato("ask", *options, "Ruoming Pang", env=env))
    assert words in plain
    record = json.loads(ok(mercato("ask", "--json", *options, "Ruoming Pang", env=env)))
    assert record["language"] == language


def test_ask_lang_does_not_override_the_language_of_the_question(env):
    record = json.loads(
        ok(mercato("ask", "--json", "--lang", "fr", "When did Ruoming Pang join Apple?", env=env))
    )
    assert record["language"] == "en"
    assert "joined Apple in 2021" in record["text"]


def test_ask_an_empty_question_gets_unknown_without_crashing(env):
    assert ok(mercato("ask", "", env=env)).strip()
    record = json.loads(ok(mercato("ask", "--json", "", env=env)))
    assert record["kind"] == "unknown"
    assert record["question"] == ""
    assert record["citations"] == [] and record["options"] == []


def test_ask_with_an_unsupported_language_is_a_usage_error(env):
    result = mercato("ask", "--lang", "de", "Ruoming Pang", env=env)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


# --- batch --------------------------------------------------------------------------------------


def test_batch_answers_each_line_in_order_echoing_ids(env):
    questions = [
        (1, "When did Ruoming Pang join Apple?"),
        ("two", "Qui a rejoint xAI depuis Meta ?"),
        (None, "Who leads Meta's superintelligence unit?"),
        (4.5, "Bonjour"),
        ({"ref": [5]}, "Qui est Chen ?"),
    ]
    records = batch(env, *({"id": i, "question": q} for i, q in questions))
    assert [(r["id"], r["question"]) for r in records] == questions
    for record in records:
        assert set(record) - {"more"} == ANSWER_KEYS | {"id"}
    assert "2021" in records[0]["text"]
    assert records[1]["language"] == "fr" and "Xinlei Chen" in records[1]["text"]
    assert "Alexandr Wang" in records[2]["text"]
    assert records[4]["kind"] == "clarify"


def test_batch_lines_of_the_same_chat_share_a_conversation(env):
    records = batch(
        env,
        {"id": 1, "chat": "a", "question": "Qui est Chen ?"},
        {"id": 2, "chat": 7, "question": "Who is Xinlei Chen?"},
        {"id": 3, "chat": "a", "question": "Zhifeng Chen"},
        {"id": 4, "chat": 7, "question": "When did he join xAI?"},
        {"id": 5, "question": "Zhifeng Chen"},
    )
    assert [r["id"] for r in records] == [1, 2, 3, 4, 5]
    ambiguous, _, chosen, follow_up, alone = records
    assert ambiguous["kind"] == "clarify"
    assert [o["label"] for o in ambiguous["options"]] == ["Xinlei Chen", "Zhifeng Chen"]
    assert chosen["kind"] == "answer"
    assert "Zhifeng Chen" in chosen["text"] and "Apple" in chosen["text"]
    assert "Xinlei" not in chosen["text"]
    assert chosen["language"] == "fr"  # the conversation of chat "a" goes on in French
    assert alone["language"] == "en"  # the same words with no conversation: English
    # chat 7 went on in between, undisturbed by chat "a"
    assert follow_up["text"].startswith("Xinlei Chen")
    assert "June" in follow_up["text"]


def test_batch_lines_without_chat_are_independent(env):
    follow_up = "When did he join xAI?"
    records = batch(
        env,
        {"id": "fresh", "question": follow_up},
        {"id": "q1", "question": "Who is Xinlei Chen?"},
        {"id": "q2", "question": follow_up},
        {"id": "c1", "chat": "c", "question": "Who is Xinlei Chen?"},
        {"id": "c2", "chat": "c", "question": follow_up},
    )
    fresh, _, unresolved, _, resolved = records
    assert resolved["text"].startswith("Xinlei Chen")  # with a chat, "he" is Xinlei Chen
    assert not unresolved["text"].startswith("Xinlei Chen")  # without one, nobody
    assert {**unresolved, "id": None} == {**fresh, "id": None}


def test_batch_malformed_lines_get_an_error_and_processing_goes_on(env):
    records = batch(
        env,
        "this is not JSON",
        "[1, 2]",
        '"a string"',
        {"id": 3},
        {"id": 4, "question": 42},
        {"id": 5, "question": None},
        {"id": 6, "question": "Bonjour", "chat": [1]},
        "",
        '{"id": 7, "question": "truncated',
        {"id": 8, "question": "When did Ruoming Pang join Apple?"},
    )
    assert len(records) == 10
    errors, last = records[:-1], records[-1]
    assert [r["id"] for r in errors] == [None, None, None, 3, 4, 5, 6, None, None]
    for record in errors:
        assert set(record) == {"id", "error"}
        assert isinstance(record["error"], str) and record["error"]
    assert "question" in errors[3]["error"]
    assert last["id"] == 8 and "2021" in last["text"]


def test_batch_with_empty_input_prints_nothing(env):
    result = mercato("batch", env=env, stdin="")
    assert ok(result) == ""


def test_batch_answers_each_line_as_soon_as_it_is_read(env):
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "batch"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        process.stdin.write(jsonl({"id": 1, "question": "When did Ruoming Pang join Apple?"}))
        process.stdin.flush()
        first = json.loads(lines.get(timeout=TIMEOUT))  # stdin still open
        assert first["id"] == 1 and "2021" in first["text"]
        process.stdin.write(jsonl({"id": 2, "question": "Qui est Chen ?"}))
        process.stdin.flush()
        second = json.loads(lines.get(timeout=TIMEOUT))
        assert second["id"] == 2 and second["kind"] == "clarify"
        process.stdin.close()
        assert process.wait(timeout=TIMEOUT) == 0
        reader.join(timeout=TIMEOUT)
        assert lines.empty()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


# --- console (no token) -------------------------------------------------------------------------


def test_console_answers_a_piped_question_from_any_directory(env, tmp_path):
    elsewhere = tmp_path / "elsewhere"  # no .env here, none needed
    elsewhere.mkdir()
    out = ok(mercato(env=env, cwd=elsewhere, stdin="Qui est passé de Meta à xAI ?\n"))
    assert "Xinlei Chen" in out.splitlines()[0]
    assert CITATION_LINE.search(out)
    assert "vous/you>" not in out  # no prompt when piped


def test_console_keeps_the_conversation_and_stops_at_quit(env, engine: Engine):
    questions = [
        "Who is Ruoming Pang?",
        "When did he join Apple?",
        "Who is Xinlei Chen?",
        "When did he join xAI?",
    ]
    script = "\n".join([*questions, "", "quit", "Who is Zhifeng Chen?"]) + "\n"
    out = ok(mercato("run", env=env, stdin=script))
    conversation = Chat(engine)
    expected = "".join(render_plain(conversation.ask(q)) + "\n\n" for q in questions)
    assert out == expected
    lines = out.splitlines()
    assert any(line.startswith("Ruoming Pang joined Apple in 2021") for line in lines)
    assert any(line.startswith("Xinlei Chen") and "June" in line for line in lines)
    assert "Zhifeng" not in out  # asked after "quit"


# --- check --------------------------------------------------------------------------------------


def test_check_accepts_the_knowledge_base(env):
    assert "knowledge base OK" in ok(mercato("check", env=env))
    assert "knowledge base OK" in ok(mercato("check", str(PROJECT_KNOWLEDGE), env=env))


def test_check_rejects_a_broken_copy(env, tmp_path):
    directory = broken_copy(tmp_path)
    result = mercato("check", str(directory), env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].endswith(f"problem(s) in {directory}")
    assert "Traceback" not in result.stderr


def test_a_broken_knowledge_base_stops_ask_with_a_message(env, tmp_path):
    env["MERCATO_KNOWLEDGE_DIR"] = str(broken_copy(tmp_path))
    result = mercato("ask", "Ruoming Pang", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "the knowledge base is broken" in result.stderr
    assert "Traceback" not in result.stderr


def test_settings_come_from_a_dot_env_file_in_the_working_directory(env, tmp_path):
    broken = broken_copy(tmp_path)
    with_env = tmp_path / "with-env"
    with_env.mkdir()
    (with_env / ".env").write_text(f"MERCATO_KNOWLEDGE_DIR={broken}\n", encoding="utf-8")
    env.pop("MERCATO_KNOWLEDGE_DIR")  # the environment would win over the file
    assert mercato("check", env=env, cwd=with_env).returncode == 1
    assert mercato("check", env=env, cwd=tmp_path).returncode == 0  # no .env there


# --- the parse cache ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a pickle at all", id="text"),
        pytest.param(pickle.dumps({"a": 1})[:-5], id="truncated"),
        pytest.param(pickle.dumps({b"0" * 16: {"x": 1}}), id="foreign-entries"),
        pytest.param(pickle.dumps([1, 2]), id="list"),
        pytest.param(pickle.dumps(3), id="int"),
        pytest.param(b"\x80\x04cno_such_module\nThing\n.", id="unknown-module"),
    ],
)
def test_a_bad_parse_cache_is_ignored(env, tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    (data / PARSE_CACHE_NAME).write_bytes(content)
    result = mercato("ask", "--json", "When did Ruoming Pang join Apple?", env=env)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "2021" in json.loads(result.stdout)["text"]


# --- bench --------------------------------------------------------------------------------------


def test_bench_quick_prints_latency_load_and_memory(env):
    out = ok(mercato("bench", "--quick", env=env))
    for word in ("p50", "p95", "p99", "load", "cold start"):
        assert word in out
    assert re.search(r"synthetic", out, re.IGNORECASE)
    assert re.search(r"p50 \d+\.\d+ ms, p95 \d+\.\d+ ms, p99 \d+\.\d+ ms", out)
    assert re.search(r"reload after one article changed .*: \d+\.\d+ s", out)
    memory = re.search(r"(\d+) MB", out)
    assert memory and int(memory.group(1)) > 0


def test_bench_scale_quick_prints_one_line_per_size(env):
    out = ok(mercato("bench", "--scale", "--quick", env=env))
    line = (
        r"^facts \d+: first load \d+\.\d+ s, load \d+\.\d+ s, p50 \d+\.\d+ ms, "
        r"p95 \d+\.\d+ ms, p99 \d+\.\d+ ms, peak \d+ MB, reload \d+\.\d+ s$"
    )
    assert re.search(line, out, re.MULTILINE), out


def test_bench_telegram_quick_compares_mercato_with_an_echo_bot(env):
    out = ok(mercato("bench", "--telegram", "--quick", env=env))
    figures = dict(re.findall(r"^\s*(\w+): ([\d.]+)$", out, re.MULTILINE))
    mercato_rate = float(figures["mercato_updates_per_s"])
    echo_rate = float(figures["echo_updates_per_s"])
    assert mercato_rate > 0 and echo_rate > 0
    # The figures are printed rounded: the ratio agrees with them to their precision.
    assert float(figures["ratio"]) == pytest.approx(mercato_rate / echo_rate, rel=0.05, abs=0.01)
    assert "updates" in figures


# --- Telegram token rejected --------------------------------------------------------------------


@pytest.fixture
def api():
    with FakeBotAPI() as fake:
        yield fake


def test_a_rejected_token_exits_1_with_one_line_and_no_secret(env, api):
    assert api.token != FAKE_TOKEN
    env.update(TELEGRAM_BOT_TOKEN=FAKE_TOKEN, TELEGRAM_BASE_URL=api.base_url)
    result = mercato(env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [TOKEN_REJECTED]
    assert result.stdout == ""
    assert FAKE_TOKEN.partition(":")[2] not in result.stdout + result.stderr
    assert [(call.method, call.status) for call in api.calls] == [("getMe", 401)]


def test_a_rejected_token_stays_secret_even_in_debug_logs(env, api):
    env.update(
        TELEGRAM_BOT_TOKEN=FAKE_TOKEN, TELEGRAM_BASE_URL=api.base_url, MERCATO_LOG_LEVEL="DEBUG"
    )
    result = mercato(env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == TOKEN_REJECTED
    assert "Traceback" not in result.stderr
    assert "<redacted>" in result.stderr  # PTB did log the URL
    assert FAKE_TOKEN.partition(":")[2] not in result.stdout + result.stderr


def test_a_token_in_dot_env_is_used(env, api, tmp_path):
    del env["TELEGRAM_BOT_TOKEN"]  # an empty variable would win over the file
    (tmp_path / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={FAKE_TOKEN}\nTELEGRAM_BASE_URL={api.base_url}\n", encoding="utf-8"
    )
    result = mercato(env=env, cwd=tmp_path, stdin="Bonjour\n")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [TOKEN_REJECTED]
    assert [(call.method, call.status) for call in api.calls] == [("getMe", 401)]


# --- misses -------------------------------------------------------------------------------------


def test_misses_lists_the_questions_not_answered_by_entity_and_word(env, tmp_path):
    import time

    from bot.frontends.store import Store

    store = Store.in_directory(tmp_path / "data")
    for days_ago in (1, 2, 40):
        store.add_miss(
            "Quel est le salaire de Zhifeng Chen chez Tesla ?",
            "fr",
            "private",
            "unknown",
            asked=time.time() - days_ago * 86_400,
        )
    store.add_miss("Who runs Tesla's kitchen?", "en", "group", "unknown")
    store.close()
    out = ok(mercato("misses", env=env)).splitlines()
    assert out[0] == "4 question(s) not answered recorded"
    assert out[1:4] == [
        "by entity:",
        "     4  Tesla (tesla)",
        "     3  Zhifeng Chen (zhifeng-chen)",
    ]
    assert "     3  salaire" in out
    recent = ok(mercato("misses", "--since", "7", env=env)).splitlines()
    assert recent[0] == "3 question(s) not answered in the last 7 day(s)"
    empty = ok(mercato("misses", env={**env, "MERCATO_DATA_DIR": str(tmp_path / "none")}))
    assert empty.startswith("0 question(s)")
