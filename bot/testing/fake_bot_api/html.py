"""Telegram's HTML parse mode: what it accepts, and the visible text it makes of a message."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_ALLOWED_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "tg-emoji", "code", "pre", "blockquote",
    }
)  # fmt: skip
_NAMED_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})
_STRAY_AMPERSAND = re.compile(r"&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z]+;)")


class _TelegramHTML(HTMLParser):
    """Parses text the way Telegram's `parse_mode=HTML` does, collecting the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open_tags: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            raise ValueError(f"unsupported start tag {tag!r}")
        if tag == "blockquote" and "blockquote" in self.open_tags:
            raise ValueError("blockquotes can't be nested")
        self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise ValueError(f"unsupported self-closing tag {tag!r}")

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            raise ValueError(f"unmatched end tag {tag!r}")
        self.open_tags.pop()

    def handle_data(self, data: str) -> None:
        if any(ch in data for ch in "<>&"):
            raise ValueError(f"unescaped character in {data[:30]!r}")
        self.visible.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in _NAMED_ENTITIES:
            raise ValueError(f"unsupported entity &{name};")
        self.visible.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        number = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.visible.append(chr(number))

    def handle_comment(self, data: str) -> None:
        raise ValueError("comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise ValueError("declarations are not supported")


def parse_telegram_html(text: str) -> str:
    """The visible text of `text` as Telegram's HTML parse mode reads it.

    Raises ValueError where Telegram answers "can't parse entities": an unsupported tag or
    entity, a tag closed out of order or left open, a raw "<", ">" or "&".
    """
    stray = _STRAY_AMPERSAND.search(text)
    if stray:  # HTMLParser forgives "&T" and "&amp" without ";"; Telegram does not
        raise ValueError(f"unescaped & at {stray.start()}")
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()  # flushes what it held back, e.g. a final "<b" becomes (rejected) text
    if parser.open_tags:
        raise ValueError(f"unclosed tags {parser.open_tags}")
    return "".join(parser.visible)
