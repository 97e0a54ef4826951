"""The curation commands of `python -m bot`: `add`, `review` and `sentences`.

`bot/cli.py` adds their parsers with `add_parsers` and hands them to `run`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.curation.analysis import AnalysisUnavailable
from bot.curation.review import review
from bot.curation.writer import Report, add_article
from bot.kb.loader import load, load_article
from bot.kb.schema import Article, KnowledgeError
from bot.settings import Settings, inside_package

COMMANDS = frozenset({"add", "review", "sentences"})


def add_parsers(sub: argparse._SubParsersAction) -> None:
    add = sub.add_parser("add", help="add an article and draft its entities and facts")
    add.add_argument(
        "file", help="plain text (first line: the title) or an article file; - for stdin"
    )
    for option in ("id", "title", "date", "source"):
        add.add_argument(f"--{option}")
    add.add_argument("--lang", choices=["fr", "en"], help="the article's language (else detected)")
    add.add_argument("--knowledge", type=Path, help="knowledge directory")
    review = sub.add_parser("review", help="show the drafts awaiting review")
    review.add_argument("article", nargs="?", help="only this article's drafts")
    review.add_argument("--knowledge", type=Path, help="knowledge directory")
    sentences = sub.add_parser("sentences", help="list an article's sentences, numbered")
    sentences.add_argument("article", help="article id (or the path of an article file)")
    sentences.add_argument("--knowledge", type=Path, help="knowledge directory")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """`add` writes to the curator's base (--knowledge, MERCATO_KNOWLEDGE_DIR or ./knowledge),
    never into the installed package; `review` and `sentences` read the base the bot reads."""
    directory = args.knowledge or settings.knowledge_dir
    if args.command == "sentences":
        return sentences(args.article, directory)
    if args.command == "review":
        try:
            base = load(directory)
        except KnowledgeError as exc:
            print("\n".join(exc.problems), file=sys.stderr)
            return 1
        return review(base, args.article, sys.stdout)
    if args.command == "add":
        directory = args.knowledge or settings.curated_knowledge_dir
        if inside_package(directory):
            print(
                f"mercato: {directory} is the base shipped inside the installed package, "
                "read only: add to ./knowledge or set MERCATO_KNOWLEDGE_DIR",
                file=sys.stderr,
            )
            return 1
        if args.date is not None and not is_date(args.date):
            print(f"mercato: --date {args.date}: not a real date (YYYY, YYYY-MM or YYYY-MM-DD)",
                  file=sys.stderr)  # fmt: skip
            return 2
        raw = read_input(args.file)
        if raw is None:
            return 1
        given = {"id": args.id, "title": args.title, "language": args.lang}
        given |= {"date": args.date, "source": args.source}
        return add(raw, directory, given, sys.stdout)
    raise ValueError(args.command)


def is_date(text: str) -> bool:
    """`text` is a day, a month or a year that exists, written as ISO 8601 does."""
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    if len(text) not in formats:
        return False
    try:
        datetime.strptime(text, formats[len(text)])
    except ValueError:
        return False
    return True


def read_input(file: str) -> str | None:
    """The article's text (`-`: stdin), or None once one line said why there is none."""
    if file == "-":
        raw = sys.stdin.read()
    else:
        try:
            raw = Path(file).read_text(encoding="utf-8")
        except OSError as error:
            print(f"mercato: cannot read {file}: {error.strerror}", file=sys.stderr)
            return None
        except UnicodeDecodeError:
            print(f"mercato: {file} is not UTF-8 text", file=sys.stderr)
            return None
    if not raw.strip():
        print(f"mercato: {file if file != '-' else 'the input'} is empty: nothing to add",
              file=sys.stderr)  # fmt: skip
        return None
    return raw


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


def add(raw: str, directory: Path, given: dict, out: TextIO) -> int:
    """Add the article, print what was created and what awaits review."""
    try:
        report = add_article(raw, directory, **given)
    except KnowledgeError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print("nothing was added", file=sys.stderr)
        return 1
    except AnalysisUnavailable as exc:
        print(f"{exc}; nothing was added", file=sys.stderr)
        return 1
    print(summary(report), file=out)
    return 0


def summary(report: Report) -> str:
    by_type: dict[str, int] = {}
    for fact in report.facts:
        by_type[fact["type"]] = by_type.get(fact["type"], 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    lines = [
        f"added {report.path} ({report.sentences} sentences)",
        f"  known entities linked: {len(report.known)} ({', '.join(report.known) or '-'})",
        f"  draft entities:        {len(report.entities)} "
        f"({', '.join(e['id'] + ' ' + e['type'] for e in report.entities) or '-'})",
        f"  draft facts:           {len(report.facts)} ({kinds or '-'})",
        f"  context (no entity):   {len(report.context)} sentence(s)",
        "  the base loads and checks: the bot answers from the drafts now",
        f"review: python -m bot review {report.article}   "
        f"(mentions to type: {by_type.get('mention', 0)})",
    ]
    return "\n".join(lines)
