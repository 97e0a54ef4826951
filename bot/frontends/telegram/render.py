"""An Answer as Telegram HTML, split to the message limit; headlines for inline results.

Every string that comes from a user or from the knowledge base goes through `html.escape`, so
the only tags in a message are the ones written here: `<blockquote>` and `<i>`, both supported by
Telegram and always properly nested.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from html import escape

from bot.model import Answer, Citation

TELEGRAM_TEXT_LIMIT = 4096
BLOCK_SEPARATOR = "\n\n"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Tags and the text between them (entities included); a lone "<" (never produced here) is text.
_HTML_TOKEN = re.compile(r"<[^<>]*>|[^<]+|<")
_TAG = re.compile(r"^<(/?)([A-Za-z][\w-]*)[^<>]*>$")
# Cut points, coarsest first: after a sentence or a line, after a word, between characters.
_SENTENCE_END = re.compile(r"(?<=[.!?…]\s)|(?<=\n)")
_WORD = re.compile(r"\S+\s*|\s+")
_CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)
_FINEST_LEVEL = 2


def answer_blocks(answer: Answer) -> list[str]:
    """The answer as HTML blocks: each paragraph of its text, then one block per citation."""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(answer.text) if p.strip()]
    return [escape(p) for p in paragraphs] + [citation_block(c) for c in answer.citations]


def citation_block(citation: Citation) -> str:
    """One citation: the quoted sentence with its number, then the article it comes from."""
    return (
        f"<blockquote>[{citation.n}] {escape(citation.sentence)}</blockquote>\n"
        f"<i>— {escape(citation.title)}</i>"
    )


def render_html(answer: Answer, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """The answer as Telegram HTML messages, each at most `limit` long."""
    return split_html(answer_blocks(answer), limit)


def render_html_truncated(answer: Answer, limit: int = TELEGRAM_TEXT_LIMIT) -> str:
    """The answer as one Telegram HTML message; what does not fit is cut and marked with "…"."""
    chunks = split_html(answer_blocks(answer), limit - 2)
    return chunks[0] + "\n…" if len(chunks) > 1 else chunks[0] if chunks else ""


def headline(text: str, limit: int = 100) -> str:
    """The first sentence of `text`, cut at a word boundary with "…" if longer than `limit`."""
    first = re.split(r"(?<=[.!?…])\s", " ".join(text.split()), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def text_units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (characters beyond the BMP count twice)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def split_html(blocks: Iterable[str], limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Join HTML blocks into as few messages of at most `limit` as possible.

    Messages break between blocks; a block too long for one message is itself split at
    sentence, else word, else character boundaries, closing its open tags at the end of each
    piece and reopening them at the start of the next, so every message is balanced HTML.
    """
    chunks: list[str] = []
    current = ""
    for block in blocks:
        if not block.strip():
            continue
        pieces = [block] if text_units(block) <= limit else _split_block(block, limit)
        for piece in pieces:
            joined = f"{current}{BLOCK_SEPARATOR}{piece}" if current else piece
            if text_units(joined) <= limit:
                current = joined
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def _split_block(block: str, limit: int) -> list[str]:
    """Split one balanced HTML block into balanced pieces of at most `limit`."""
    queue: deque[tuple[str, int]] = deque(_block_atoms(block))
    pieces: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, opening tag) of the tags open at this point
    parts: list[str] = []
    size = 0
    has_text = False

    def closers(tags: list[tuple[str, str]]) -> str:
        return "".join(f"</{name}>" for name, _ in reversed(tags))

    def cut() -> None:
        nonlocal parts, size, has_text
        trailing = 0  # opening tags with nothing after them move whole to the next piece
        while parts and _opening_tag(parts[-1]):
            parts.pop()
            trailing += 1
        still_open = open_tags[: len(open_tags) - trailing]
        pieces.append("".join(parts).rstrip() + closers(still_open))
        parts = [opening for _, opening in open_tags]
        size = sum(text_units(p) for p in parts)
        has_text = False

    while queue:
        atom, level = queue.popleft()
        tag = _TAG.match(atom)
        if tag:
            closing, name = tag.group(1), tag.group(2).lower()
            if not closing:
                open_tags.append((name, atom))
            elif open_tags and open_tags[-1][0] == name:
                open_tags.pop()
            parts.append(atom)
            size += text_units(atom)
            continue
        if not has_text:
            atom = atom.lstrip()
            if not atom:
                continue
        room = limit - size - text_units(closers(open_tags))
        if text_units(atom) <= room:
            parts.append(atom)
            size += text_units(atom)
            has_text = has_text or bool(atom.strip())
            continue
        reopened = sum(text_units(opening) for _, opening in open_tags)
        fresh_room = limit - reopened - text_units(closers(open_tags))
        if has_text and text_units(atom.lstrip()) <= fresh_room:
            cut()
            queue.appendleft((atom, level))
        elif level < _FINEST_LEVEL:
            queue.extendleft(reversed([(a, level + 1) for a in _finer(atom, level)]))
        elif has_text:
            cut()
            queue.appendleft((atom, level))
        else:
            raise ValueError(f"limit {limit} is too small for the tags of this block")
    if has_text:
        pieces.append("".join(parts).rstrip() + closers(open_tags))
    return pieces


def _block_atoms(block: str) -> list[tuple[str, int]]:
    """Tags and sentences of `block`, each with its level (0: sentence).

    Entities hold no whitespace and every cut point follows whitespace or is an entity boundary,
    so no atom ever ends inside an entity.
    """
    atoms: list[tuple[str, int]] = []
    for token in _HTML_TOKEN.findall(block):
        if _TAG.match(token):
            atoms.append((token, 0))
        else:
            atoms += [(sentence, 0) for sentence in _SENTENCE_END.split(token) if sentence]
    return atoms


def _finer(atom: str, level: int) -> list[str]:
    """`atom` cut at the next finer boundaries: words for a sentence, characters for a word."""
    pattern = _WORD if level == 0 else _CHARACTER
    return pattern.findall(atom)


def _opening_tag(atom: str) -> bool:
    match = _TAG.match(atom)
    return match is not None and not match.group(1)
