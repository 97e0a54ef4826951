"""Command line: `python -m bot [run|check|ask|batch|bench]` (no command: `run`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.logs import configure_logging
from bot.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="the Telegram bot if a token is configured, else a console chat")
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?", type=Path, help="knowledge directory")
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--lang", choices=["fr", "en"], help="language when the question has none")
    sub.add_parser("batch", help="answer JSON Lines from stdin, one JSON line out per line in")
    bench = sub.add_parser("bench", help="print latency, load time and memory figures")
    bench.add_argument("--telegram", action="store_true", help="updates/s through a fake Bot API")
    bench.add_argument("--quick", action="store_true", help="small synthetic base (for tests)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    if args.command == "check":
        from bot.cli_check import run_check

        return run_check(args.directory or settings.knowledge_dir)

    from bot import kb
    from bot.engine import load_engine

    configure_logging(settings.log_level, settings.token)
    try:
        engine = load_engine(settings.knowledge_dir, settings.data_dir)
    except kb.KnowledgeError as exc:
        print(f"mercato: the knowledge base is broken:\n{exc}", file=sys.stderr)
        return 1
    if args.command == "ask":
        from bot.cli import ask

        return ask(engine, args.question, as_json=args.json, language=args.lang, out=sys.stdout)
    if args.command == "batch":
        from bot.cli import batch

        return batch(engine, sys.stdin, sys.stdout)
    if args.command == "bench":
        from bot.testing.bench import run_bench

        return run_bench(engine, settings, telegram=args.telegram, quick=args.quick)
    if settings.token:
        from bot.frontends.telegram.app import run

        return run(settings, engine)
    from bot.frontends.console import chat

    return chat(engine)


if __name__ == "__main__":
    sys.exit(main())
