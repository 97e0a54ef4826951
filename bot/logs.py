"""Logging for every command: stderr, HTTP clients at WARNING, and the bot token never shown."""

from __future__ import annotations

import logging


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


def configure_logging(level: str, secret: str | None = None) -> None:
    """Log to stderr at `level`; HTTP clients only at WARNING; `secret` masked on every handler."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level.upper())
    for chatty in ("httpx", "httpcore"):  # one line per request, the token in each URL
        logging.getLogger(chatty).setLevel(logging.WARNING)
    if secret:
        redactor = SecretRedactor(secret)
        for handler in logging.getLogger().handlers:
            handler.addFilter(redactor)
