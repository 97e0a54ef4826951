"""Command line: `python -m bot [run|check|ask|batch|bench]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="the Telegram bot if a token is configured, else a console chat")
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?", type=Path, help="knowledge directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    if args.command == "check":
        from bot.cli_check import run_check

        return run_check(args.directory or settings.knowledge_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
