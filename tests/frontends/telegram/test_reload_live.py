"""Reloading a running bot: while questions flow, by an admin's /reload, on SIGHUP.

The bot answers from a copy of the project's base; the "new" base changes the wording of the
two facts that answer QUESTION, so every reply must be wholly old (no marker) or wholly new
(both markers): a half-loaded base would show one.
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import textwrap

import pytest
from bot_process import start_bot
from paths import KNOWLEDGE
from telegram_helpers import ADA, BOB, QUESTION

from bot.frontends.telegram.app import RELOADER, build_application, polling
from bot.settings import Settings
from bot.testing.fake_bot_api import make_user, parse_telegram_html, private_chat

OLD = ("to strengthen its superintelligence unit.", "after more than 10 years at Google.")
NEW = ("to strengthen its superintelligence unit (v2).", "after more than 10 years at Google (v2).")


@pytest.fixture
def knowledge(tmp_path):
    directory = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, directory)
    return directory


def write_version(directory, version: str) -> None:
    """Put the base in `directory` in state "old", "new" or "broken"."""
    facts = directory / "facts.yaml"
    text = (KNOWLEDGE / "facts.yaml").read_text(encoding="utf-8")
    if version in ("new", "broken"):
        for old, new in zip(OLD, NEW, strict=True):
            assert text.count(old + '"') == 1
            text = text.replace(old + '"', new + '"')
    if version == "broken":
        text = text.replace("  - id: ", "  - idd: ", 1)
    facts.write_text(text, encoding="utf-8")


def settings(api, knowledge, data_dir, **extra) -> Settings:
    return Settings(
        _env_file=None,
        TELEGRAM_BOT_TOKEN=api.token,
        TELEGRAM_BASE_URL=api.base_url,
        MERCATO_KNOWLEDGE_DIR=str(knowledge),
        MERCATO_DATA_DIR=str(data_dir),
        **extra,
    )


def version_of(reply: str) -> str:
    old, new = sum(m in reply for m in OLD), sum(m in reply for m in NEW)
    assert (old, new) in ((2, 0), (0, 2)), reply
    return "new" if new else "old"


async def test_reloads_while_questions_flow_drop_nothing_and_mix_no_bases(
    api, engine, knowledge, data_dir
):
    asked = 0
    application = build_application(settings(api, knowledge, data_dir), engine)
    async with polling(application):
        reloader = application.bot_data[RELOADER]
        for step, version in enumerate(("new", "broken", "old", "new", "broken")):
            for n in range(8):
                user = make_user(5000 + n, f"U{n}")
                api.push_message(private_chat(user), user, QUESTION)
                asked += 1
            if step == 0:
                # The first questions are answered from the first base however fast the
                # reload is; the later ones flow while the bases swap.
                await api.wait_for_calls("sendMessage", asked, timeout=60)
            write_version(knowledge, version)
            result = await reloader.reload()
            assert result.ok == (version != "broken")
        await api.wait_for_calls("sendMessage", asked, timeout=60)
        await asyncio.sleep(0.2)
    replies = [parse_telegram_html(c.params["text"]) for c in api.calls_to("sendMessage")]
    assert len(replies) == asked
    seen = {version_of(reply) for reply in replies}
    assert seen == {"old", "new"}
    assert engine.kb is not None  # the session's engine was never modified in place


async def test_reload_by_an_admin_says_what_changed_and_by_others_is_an_unknown_command(
    api, engine, knowledge, data_dir
):
    config = settings(api, knowledge, data_dir, MERCATO_ADMINS=f"{ADA['id']}, 42")
    async with polling(build_application(config, engine)):
        api.push_message(private_chat(BOB), BOB, "/nosuchcommand")
        api.push_message(private_chat(BOB), BOB, "/reload")
        await api.wait_for_calls("sendMessage", 2)
        write_version(knowledge, "new")
        api.push_message(private_chat(ADA), ADA, "/reload")
        await api.wait_for_calls("sendMessage", 3, timeout=20)
        write_version(knowledge, "broken")
        api.push_message(private_chat(ADA), ADA, "/reload")
        await api.wait_for_calls("sendMessage", 4, timeout=20)
        api.push_message(private_chat(ADA), ADA, QUESTION)
        calls = await api.wait_for_calls("sendMessage", 5, timeout=20)
    texts = [parse_telegram_html(call.params["text"]) for call in calls]
    assert texts[1] == texts[0]  # /reload from a non-admin: the ordinary reply
    assert texts[2].startswith("knowledge base reloaded in")
    assert "articles 2 (+0 −0)" in texts[2] and "facts" in texts[2]
    assert texts[3].startswith("knowledge base NOT reloaded: 2 problem(s)")
    assert f"{knowledge / 'facts.yaml'}:8: facts[0].idd: unknown field" in texts[3]
    assert f"{knowledge / 'facts.yaml'}:" in texts[3]
    assert version_of(texts[4]) == "new"  # the last good base still answers


ENTRY_POINT = textwrap.dedent(
    """
    import sys
    from bot.engine import load_engine
    from bot.settings import Settings
    from bot.frontends.telegram.app import run
    settings = Settings(_env_file=None)
    sys.exit(run(settings, load_engine(settings.knowledge_dir, settings.data_dir)))
    """
)


def test_sighup_reloads_a_running_bot(api, knowledge):
    process = start_bot(api, MERCATO_KNOWLEDGE_DIR=str(knowledge), entry_point=ENTRY_POINT)
    try:
        api.wait_for_calls_sync("setMyCommands", 4, timeout=60)
        api.push_message(private_chat(ADA), ADA, QUESTION)
        [before] = api.wait_for_calls_sync("sendMessage", 1, timeout=20)
        write_version(knowledge, "new")
        process.send_signal(signal.SIGHUP)
        api.wait_until_sync(lambda: _reload_seen(api), timeout=30)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert version_of(parse_telegram_html(before.params["text"])) == "old"
    assert "SIGHUP: knowledge base reloaded" in stderr
    assert "Traceback" not in stderr


def _reload_seen(api) -> bool:
    """Ask again until the answer comes from the new base (a SIGHUP reload is asynchronous)."""
    calls = api.calls_to("sendMessage")
    if calls and version_of(parse_telegram_html(calls[-1].params["text"])) == "new":
        return True
    if len(calls) == len(api.calls_to("sendMessage")) and len(calls) < 60:
        api.push_message(private_chat(ADA), ADA, QUESTION)
        api.wait_for_calls_sync("sendMessage", len(calls) + 1, timeout=20)
    return False
