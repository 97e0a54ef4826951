"""The curation commands of `python -m bot`: `add`, `review` and `sentences`.

`bot/cli.py` adds their parsers with `add_parsers` and hands them to `run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from bot.kb.loader import load_article
from bot.kb.schema import Article, KnowledgeError

COMMANDS = frozenset({"sentences"})


def add_parsers(sub: argparse._SubParsersAction) -> None:
    sentences = sub.add_parser("sentences", help="list an article's sentences, numbered")
    sentences.add_argument("article", help="article id (or the path of an article file)")
    sentences.add_argument("--knowledge", type=Path, help="knowledge directory")


def run(args: argparse.Namespace, knowledge_dir: Path) -> int:
    directory = args.knowledge or knowledge_dir
    if args.command == "sentences":
        return sentences(args.article, directory)
    raise ValueError(args.command)


def find_article(article: str, directory: Path) -> Article:
    """The article of that id in `directory` (or at that path); KnowledgeError when none."""
    path = Path(article)
    if path.suffix == ".txt" and path.exists():
        return load_article(path)
    named = directory / "articles" / f"{article}.txt"
    if named.exists():
        return load_article(named)
    for candidate in sorted((directory / "articles").glob("*.txt")):
        try:
            found = load_article(candidate)
        except KnowledgeError:
            continue
        if found.id == article:
            return found
    raise KnowledgeError([f"{directory / 'articles'}:1: (articles): no article {article!r}"])


def sentences(article: str, directory: Path, out: TextIO | None = None) -> int:
    """Each sentence as `id:n  text`: the `ref` a citation may use instead of the text."""
    out = out or sys.stdout
    try:
        found = find_article(article, directory)
    except KnowledgeError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 1
    print(f"{found.id} — {found.title} ({len(found.sentences)} sentences)", file=out)
    for sentence in found.sentences:
        print(f"{sentence.id}  {sentence.text}", file=out)
    return 0
