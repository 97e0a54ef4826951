"""Questions not answered: recorded without ids, settled when a choice is made, grouped by
entity and by word, deleted after 90 days; and through the bot, recorded only when enabled."""

from __future__ import annotations

import time

from telegram_helpers import settings_for

from bot.frontends.expiring import CHOICE_TTL
from bot.frontends.misses import DAY, MissLog, report, words_of
from bot.frontends.store import Store
from bot.frontends.telegram.app import STORE, build_application, polling
from bot.settings import Settings
from bot.testing.fake_bot_api import (
    FakeBotAPI,
    group_chat,
    make_user,
    parse_telegram_html,
    private_chat,
)

ZOE = make_user(3001, "Zoé", language_code="fr")
SALARY = "Quel est le salaire de Zhifeng Chen chez Tesla ?"
BONUS = "Combien gagne un chercheur chez Anthropic en prime de vacances ?"
WEATHER = "Quelle est la météo à Lyon demain ?"


def test_misses_are_grouped_by_entity_and_word_most_asked_first(engine):
    store = Store(":memory:")
    misses = MissLog(store)
    misses.unknown(SALARY, "fr", "private")
    misses.unknown("Et le salaire de Zhifeng Chen chez Tesla en 2024 ?", "fr", "group")
    misses.unknown(BONUS, "fr", "supergroup")
    misses.unknown(WEATHER, "fr", "private")
    long_ago = time.time() - CHOICE_TTL - 60
    store.add_miss("Qui est Chen ?", "fr", "private", "clarify", "k-unchosen", asked=long_ago)
    store.add_miss("Chen, which one?", "en", "private", "clarify", "k-chosen", asked=long_ago)
    misses.clarify("Chen ?", "fr", "private", "k-pending")  # still within the hour: not yet
    misses.chosen("k-chosen")

    found = report(store, engine)
    assert found.total == 5
    entities = dict(found.by_entity)
    assert entities["Zhifeng Chen (zhifeng-chen)"] == 3  # "Chen" names both Chens
    assert entities["Xinlei Chen (xinlei-chen)"] == 1
    assert entities["Tesla (tesla)"] == 2
    assert entities["Anthropic (anthropic)"] == 1
    assert found.by_entity[0] == ("Zhifeng Chen (zhifeng-chen)", 3)  # most asked first
    words = dict(found.by_word)
    assert words["salaire"] == 2 and words["meteo"] == 1
    assert "est" not in words and "de" not in words and "quel" not in words  # stopwords
    assert found.text().splitlines()[0] == "5 question(s) not answered recorded"
    assert report(store, engine, days=1, top=1).text().count("\n") == 4


def test_no_user_or_chat_id_is_kept():
    store = Store(":memory:")
    columns = [row[1] for row in store._db.execute("PRAGMA table_info(misses)")]
    assert columns == ["asked", "text", "language", "chat_type", "kind", "choice"]


def test_misses_older_than_90_days_are_deleted(engine):
    store = Store(":memory:")
    store.add_miss("old one", "en", "private", "unknown", asked=time.time() - 91 * DAY)
    store.add_miss("recent one", "en", "private", "unknown", asked=time.time() - 89 * DAY)
    assert MissLog(store).forget_old() == 1
    assert [row[0] for row in store.misses(0, time.time())] == ["recent one"]


def test_words_are_normalised_and_stopwords_left_out():
    assert words_of("Quelle est la MÉTÉO à Lyon demain ?") == ["meteo", "lyon", "demain"]


async def test_the_bot_records_unknowns_and_unchosen_clarifications_only(engine, data_dir):
    with FakeBotAPI() as api:
        application = build_application(settings_for(api), engine)
        store = application.bot_data[STORE]
        async with polling(application):
            api.push_message(private_chat(ZOE), ZOE, SALARY)
            api.push_message(group_chat(), ZOE, f"/ask {BONUS}")
            api.push_message(
                private_chat(make_user(3002, "Y")), make_user(3002, "Y"), "Qui est Chen ?"
            )
            api.push_message(
                private_chat(make_user(3003, "X")), make_user(3003, "X"), "Qui est Xinlei Chen ?"
            )
            calls = await api.wait_for_calls("sendMessage", 4, timeout=10)
            question = next(c for c in calls if c.params["chat_id"] == 3002)
            first = question.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            api.push_callback(make_user(3002, "Y"), question.result, first)
            await api.wait_for_calls("editMessageText", 1)
        rows = store._db.execute("SELECT text, language, chat_type, kind FROM misses").fetchall()
    assert sorted(rows) == sorted(
        [(SALARY, "fr", "private", "unknown"), (BONUS, "fr", "group", "unknown")]
    )


async def test_nothing_is_recorded_when_turned_off(engine, data_dir):
    with FakeBotAPI() as api:
        off = Settings(
            _env_file=None,
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_BASE_URL=api.base_url,
            MERCATO_RECORD_QUESTIONS="false",
        )
        application = build_application(off, engine)
        async with polling(application):
            api.push_message(private_chat(ZOE), ZOE, SALARY)
            api.push_message(private_chat(ZOE), ZOE, "Qui est Chen ?")
            await api.wait_for_calls("sendMessage", 2, timeout=10)
        count = application.bot_data[STORE]._db.execute("SELECT COUNT(*) FROM misses")
    assert count.fetchone()[0] == 0


async def test_misses_shows_the_top_ten_to_an_admin_only(engine, data_dir):
    with FakeBotAPI() as api:
        config = Settings(
            _env_file=None,
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_BASE_URL=api.base_url,
            MERCATO_ADMINS=str(ZOE["id"]),
        )
        async with polling(build_application(config, engine)):
            api.push_message(private_chat(ZOE), ZOE, SALARY)
            await api.wait_for_calls("sendMessage", 1)
            api.push_message(private_chat(ZOE), ZOE, "/misses")
            other = make_user(3009, "Other")
            api.push_message(private_chat(other), other, "/misses")
            calls = await api.wait_for_calls("sendMessage", 3)
    by_chat = {c.params["chat_id"]: parse_telegram_html(c.params["text"]) for c in calls[1:]}
    assert by_chat[ZOE["id"]].startswith("1 question(s) not answered")
    assert "Tesla (tesla)" in by_chat[ZOE["id"]]
    assert "not answered" not in by_chat[other["id"]]  # the ordinary reply to a command
