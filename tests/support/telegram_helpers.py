"""What the Telegram tests share: the people and chats, and what the bot sent to the fake."""

from __future__ import annotations

from bot.settings import Settings
from bot.testing.fake_bot_api import FakeBotAPI, group_chat, make_user, supergroup_chat

ADA = make_user(1001, "Ada", language_code="en")
CAMILLE = make_user(1002, "Camille", language_code="fr")
BOB = make_user(1003, "Bob", language_code="en-GB")
GROUP = group_chat(-4001)
SUPERGROUP = supergroup_chat(-1004001)
FORUM = supergroup_chat(-1005001, forum=True)
QUESTION = "Who hired Ruoming Pang?"


def settings_for(api: FakeBotAPI) -> Settings:
    """Settings pointing the bot at the fake, with its token, ignoring any .env file."""
    return Settings(_env_file=None, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_BASE_URL=api.base_url)


async def sent(api: FakeBotAPI, count: int = 1) -> list[dict]:
    """Parameters of the first `count` sendMessage calls, once they were made."""
    return [call.params for call in await api.wait_for_calls("sendMessage", count)][:count]
