"""Logging for every command: stderr, HTTP clients at WARNING, the bot token never shown, and
what users write never shown unless MERCATO_LOG_TEXTS=true."""

from __future__ import annotations

import logging
import re

_PLAIN = re.compile(r"^[\w.:/-]{1,200}$")  # a method name, a URL: nothing a user wrote


class SecretRedactor(logging.Filter):
    """Masks a secret in every record a handler emits: the bot token must never reach a log.

    PTB logs its API URL, token included, at DEBUG, and InvalidToken's message quotes it.
    """

    def __init__(self, secret: str) -> None:
        super().__init__()
        _, colon, key = secret.partition(":")
        # Mask the secret half ("123:ABC" -> "123:<redacted>"): the bot id is public anyway.
        self.secret = key if colon and len(key) >= 8 else secret

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed record: logging reports it when formatting
        if self.secret in message:
            record.msg, record.args = self._mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self._mask(record.stack_info)
        return True

    def _mask(self, text: str) -> str:
        return text.replace(self.secret, "<redacted>")


class TextsHidden(logging.Filter):
    """Hides what users wrote from python-telegram-bot's records: at DEBUG it logs each request's
    parameters, each answer and each update whole (texts, names). Arguments that are not plain
    numbers or identifiers (a method name) are replaced by "<hidden>"."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram") and record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                arg
                if isinstance(arg, int | float) or (isinstance(arg, str) and _PLAIN.match(arg))
                else "<hidden>"
                for arg in args
            )
        return True


def configure_logging(level: str, secret: str | None = None, *, log_texts: bool = False) -> None:
    """Log to stderr at `level`; HTTP clients only at WARNING; `secret` masked on every handler;
    users' texts and names hidden unless `log_texts`."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level.upper())
    for chatty in ("httpx", "httpcore"):  # one line per request, the token in each URL
        logging.getLogger(chatty).setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        hiding = [old for old in handler.filters if isinstance(old, TextsHidden)]
        if log_texts:  # configured again (`python -m bot` then `run`): the last word counts
            for old in hiding:
                handler.removeFilter(old)
        elif not hiding:
            handler.addFilter(TextsHidden())
        if secret:
            handler.addFilter(SecretRedactor(secret))
