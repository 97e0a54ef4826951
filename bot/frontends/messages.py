"""What the commands say, as HTML (values escaped): /start, /help, /ask's usage, /sources."""

from __future__ import annotations

from html import escape

from bot.engine import Engine
from bot.frontends.texts import TEXTS

EXAMPLES_SHOWN = 3


def greeting_html(engine: Engine, language: str, first_name: str | None) -> str:
    """/start: hello, what Mercato knows about, three example questions, what to do next."""
    texts = TEXTS[language]
    parts = [texts["greeting"].format(name=f" {escape(first_name)}" if first_name else "")]
    summary = engine.summary(language)
    if summary:
        parts.append(escape(summary))
    examples = engine.examples(language)[:EXAMPLES_SHOWN]
    if examples:
        parts.append("\n".join([texts["examples"], *(f"• {escape(e)}" for e in examples)]))
    parts.append(texts["next"])
    return "\n\n".join(parts)


def help_html(language: str, bot_username: str) -> str:
    """/help: how to ask in private, in groups and inline."""
    return TEXTS[language]["help"].format(bot=escape(bot_username))


def usage_html(engine: Engine, language: str) -> str:
    """The one-line hint for /ask without a question."""
    texts = TEXTS[language]
    examples = engine.examples(language)
    example = texts["usage_example"].format(example=escape(examples[0])) if examples else ""
    return texts["usage"] + example


def sources_blocks(engine: Engine, language: str) -> list[str]:
    """/sources: a heading, then one numbered line per article, editorial titles marked."""
    texts = TEXTS[language]
    sources = engine.sources()
    if not sources:
        return [texts["no_sources"]]
    lines = [
        f"{n}. {escape(s.title)}" + (f" <i>{texts['editorial']}</i>" if s.editorial_title else "")
        for n, s in enumerate(sources, 1)
    ]
    return [texts["sources"], "\n".join(lines)]
