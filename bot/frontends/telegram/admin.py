"""Commands for the bot's admins (MERCATO_ADMINS, Telegram user ids), in private chats only.

`/reload` re-loads the knowledge base (bot/frontends/reload.py). To anyone else, or with no
admin configured, these commands do not exist: the update falls through to the ordinary
handlers, which answer as they do any command the bot does not have.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable, Collection

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CommandHandler,
    ContextTypes,
    filters,
)

from bot.frontends.reload import Reloader
from bot.frontends.telegram.render import split_html
from bot.frontends.telegram.sending import reply_html
from bot.frontends.telegram.updates import message_of

log = logging.getLogger(__name__)

ADMIN_GROUP = -2  # ahead of /graph (-1) and the question handlers (0)
MESSAGE_PROBLEMS = 10  # problems listed in a /reload reply; the log has them all


class AdminCommands:
    """The admins' commands over one `Reloader` and, if given, a report of misses."""

    def __init__(self, reloader: Reloader, misses: Callable[[], str] | None = None) -> None:
        self.reloader = reloader
        self.misses_report = misses

    async def reload(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        started = time.perf_counter()
        result = await self.reloader.reload(f"/reload (update {update.update_id})")
        text = html.escape(result.summary(shown=MESSAGE_PROBLEMS))
        await reply_html(message_of(update), split_html([f"<pre>{text}</pre>"]))
        elapsed = (time.perf_counter() - started) * 1000
        outcome = "reloaded" if result.ok else "reload refused"
        update_id = update.update_id
        log.info("update %s: private chat, /reload, %s, %.0f ms", update_id, outcome, elapsed)
        raise ApplicationHandlerStop  # handled: not a question for the handlers after these

    async def misses(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        report = self.misses_report() if self.misses_report else "not recorded"
        await reply_html(message_of(update), split_html([f"<pre>{html.escape(report)}</pre>"]))
        log.info("update %s: private chat, /misses", update.update_id)
        raise ApplicationHandlerStop


def register_admin(
    application: Application,
    reloader: Reloader,
    admins: Collection[int],
    misses: Callable[[], str] | None = None,
) -> None:
    """Add /reload and /misses for `admins` in private chats, ahead of every other handler."""
    if not admins:
        return
    only_admins = filters.ChatType.PRIVATE & filters.User(user_id=list(admins))
    commands = AdminCommands(reloader, misses)
    application.add_handlers(
        [
            CommandHandler("reload", commands.reload, filters=only_admins),
            CommandHandler("misses", commands.misses, filters=only_admins),
        ],
        group=ADMIN_GROUP,
    )
