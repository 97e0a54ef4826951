"""Command line: `python -m bot [run|check|ask|batch|graph|misses|bench]` (no command: `run`).

A thin layer over the library: one function per command, each returning the exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from bot import __version__, kb
from bot.curation import commands as curation
from bot.engine import Engine, State, load_engine
from bot.frontends.console import render_plain
from bot.logs import configure_logging
from bot.model import Answer
from bot.nlu import lexicon as lx
from bot.settings import Settings, settings_problems


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"mercato {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="the Telegram bot if a token is configured, else a console chat")
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?", type=Path, help="knowledge directory")
    check.add_argument(
        "--impact", action="store_true", help="answers the question sets change (vs git HEAD)"
    )
    check.add_argument("--sets", type=Path, help="question-set directory (tests/data)")
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--lang", choices=["fr", "en"], help="language when the question has none")
    ask.add_argument("--full", action="store_true", help="the whole reply, nothing held back")
    sub.add_parser("batch", help="answer JSON Lines from stdin, one JSON line out per line in")
    graph = sub.add_parser("graph", help="who moved where: the flows as a picture or as lines")
    graph.add_argument("name", nargs="*", help="only the flows of this organisation or person")
    graph.add_argument("--out", type=Path, help="write the picture to this PNG file")
    graph.add_argument("--text", action="store_true", help="print the flows as lines")
    graph.add_argument("--lang", choices=["fr", "en"], default="en", help="language (en)")
    misses = sub.add_parser("misses", help="questions not answered, by entity and by word")
    misses.add_argument("--since", type=float, metavar="DAYS", help="only the last DAYS days")
    misses.add_argument("--top", type=int, default=30, help="lines per grouping (30)")
    bench = sub.add_parser("bench", help="print latency, load time and memory figures")
    bench.add_argument("--telegram", action="store_true", help="updates/s through a fake Bot API")
    bench.add_argument("--quick", action="store_true", help="small synthetic base (for tests)")
    bench.add_argument(
        "--scale", action="store_true", help="one line per base size: 1,000 to 100,000 facts"
    )
    curation.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        for line in settings_problems(error):
            print(f"mercato: {line}", file=sys.stderr)
        return 2
    try:
        if args.command == "check":
            directory = args.directory or settings.knowledge_dir
            status = check(directory)
            if status == 0 and args.impact:
                return check_impact(directory, args.sets)
            return status
        if args.command in curation.COMMANDS:
            return curation.run(args, settings)
        configure_logging(settings.log_level, settings.token)
        engine = _load(settings)
        if engine is None:
            return 1
        if args.command == "ask":
            return ask(engine, args.question, as_json=args.json, language=args.lang, full=args.full)
        if args.command == "batch":
            return batch(engine, sys.stdin, sys.stdout)
        if args.command == "graph":
            name = " ".join(args.name)
            return graph(engine, name, out_path=args.out, as_text=args.text, language=args.lang)
        if args.command == "misses":
            return misses(engine, settings, since=args.since, top=args.top)
        if args.command == "bench":
            from bot.testing.bench import run_bench, run_scale

            if args.scale:
                return run_scale(quick=args.quick)
            return run_bench(engine, settings, telegram=args.telegram, quick=args.quick)
        return run(engine, settings)
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _load(settings: Settings) -> Engine | None:
    try:
        return load_engine(settings.knowledge_dir, settings.data_dir)
    except kb.KnowledgeError as exc:
        print(f"mercato: the knowledge base is broken:\n{exc}", file=sys.stderr)
        return None


def run(engine: Engine, settings: Settings) -> int:
    """The Telegram bot when a token is configured, else the console chat."""
    if settings.token:
        from bot.frontends.telegram.app import run as run_telegram

        return run_telegram(settings, engine)
    from bot.frontends.console import chat
    from bot.frontends.misses import MissLog
    from bot.frontends.store import Store

    store = Store.in_directory(settings.data_dir)
    try:
        return chat(engine, misses=MissLog(store, enabled=settings.record_questions))
    finally:
        store.close()


def misses(
    engine: Engine,
    settings: Settings,
    *,
    since: float | None = None,
    top: int = 30,
    out: TextIO | None = None,
) -> int:
    """The questions the bot could not answer (MERCATO_DATA_DIR's store), grouped by the
    entities they name and by word, most asked first: the curator's to-do list."""
    from bot.frontends.misses import report
    from bot.frontends.store import Store

    store = Store.in_directory(settings.data_dir)
    try:
        print(report(store, engine, days=since, top=top).text(), file=out or sys.stdout)
    finally:
        store.close()
    return 0


def check(directory: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print every problem as `file:line: path: message` (exit 1) or the base's counts (exit 0)."""
    out, err = out or sys.stdout, err or sys.stderr
    from bot.curation.audit import audit

    problems = lx.check_files()
    warnings: list[str] = []
    try:
        base = kb.load(directory)
    except kb.KnowledgeError as exc:
        problems += exc.problems
    else:
        found = audit(base, directory)
        problems += found.problems
        warnings = found.warnings
    if problems:
        for problem in problems:
            print(problem, file=err)
        print(f"{len(problems)} problem(s) in {directory}", file=err)
        return 1
    coverage = 100 * base.covered_sentences / base.total_sentences if base.total_sentences else 0
    by_type: dict[str, int] = {}
    for entity in base.entities.values():
        by_type[entity.type] = by_type.get(entity.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    print(f"knowledge base OK: {directory}", file=out)
    print(f"  articles:  {len(base.articles)}", file=out)
    print(f"  sentences: {base.total_sentences}", file=out)
    print(f"  entities:  {len(base.entities)} ({kinds})", file=out)
    print(f"  facts:     {len(base.facts)} ({len({f.type for f in base.facts})} types)", file=out)
    print(
        f"  coverage:  {base.covered_sentences}/{base.total_sentences} sentences "
        f"cited or marked as context ({coverage:.0f}%)",
        file=out,
    )
    print(f"  lexicons:  {', '.join(lx.LANGUAGES)} (checked)", file=out)
    draft_facts = sum(f.draft for f in base.facts)
    draft_entities = sum(e.draft for e in base.entities.values())
    if draft_facts or draft_entities:
        print(
            f"  drafts:    {draft_facts} facts, {draft_entities} entities await review "
            f"(python -m bot review)",
            file=out,
        )
    for warning in warnings:
        print(warning, file=out)
    return 0


def check_impact(directory: Path, sets: Path | None) -> int:
    """Every answer of the question sets that the working tree's base changes (exit 2: no
    committed base to compare with)."""
    from bot.curation import impact

    try:
        changes, total = impact.impact(directory, sets or impact.default_sets_dir(directory))
    except impact.ImpactError as exc:
        print(f"check --impact: {exc}", file=sys.stderr)
        return 2
    except kb.KnowledgeError as exc:
        print(f"check --impact: the committed base is broken:\n{exc}", file=sys.stderr)
        return 1
    print("\n".join(impact.report(changes, total)))
    return 0


def answer_record(answer: Answer, question: str, item_id: Any = None) -> dict[str, Any]:
    """The JSON shape of one answer, shared by `ask --json` and `batch`: the short reply, and
    `more` (its whole text and citations) when it held something back."""
    record = {
        "id": item_id,
        "question": question,
        "language": answer.language,
        "kind": answer.kind,
        "text": answer.text,
        "citations": [c.model_dump() for c in answer.citations],
        "options": [o.model_dump() for o in answer.options],
        "confidence": answer.confidence,
    }
    if answer.more is not None:
        record["more"] = {
            "text": answer.more.text,
            "citations": [c.model_dump() for c in answer.more.citations],
        }
    return record


def ask(
    engine: Engine,
    question: str,
    *,
    as_json: bool = False,
    language: str | None = None,
    full: bool = False,
    out: TextIO | None = None,
) -> int:
    """One answer, human-readable or as a JSON object; `full`: nothing held back."""
    out = out or sys.stdout
    answer, _ = engine.answer(question, State(language=language), language_hint=language)
    if full and answer.more is not None:
        answer = answer.more
    if as_json:
        record = answer_record(answer, question)
        del record["id"]
        print(json.dumps(record, ensure_ascii=False), file=out)
    else:
        print(render_plain(answer), file=out)
    return 0


def graph(
    engine: Engine,
    name: str = "",
    *,
    out_path: Path | None = None,
    as_text: bool = False,
    language: str = "en",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """The flows (of `name` if given) as a PNG written to `out_path`, and/or as lines
    (`as_text`, or when there is no `out_path`).

    Exit 1 for a name nothing matches, 2 for a name several entities share (listed).
    """
    from bot.frontends.graph_text import candidates, graph_text

    out, err = out or sys.stdout, err or sys.stderr
    focus = None
    if name.strip():
        ids = engine.resolve_name(name)
        if not ids:
            print(f"mercato: no person or organisation matches {name!r}", file=err)
            return 1
        if len(ids) > 1:
            print(f"mercato: {name!r} is ambiguous; name one of:", file=err)
            for option in candidates(engine, ids, language):
                print(f"  {option}", file=err)
            return 2
        focus = ids[0]
    flows = engine.flows(focus)
    if as_text or out_path is None:
        print(graph_text(flows, language), file=out)
    if out_path is not None:
        from bot.frontends.picture import PictureUnavailable, render_png

        try:
            data = render_png(flows, language)
        except PictureUnavailable as missing:
            print(f"mercato: {missing}", file=err)
            return 1
        try:
            out_path.write_bytes(data)
        except OSError as exc:
            print(f"mercato: cannot write {out_path}: {exc.strerror}", file=err)
            return 1
        print(f"{out_path}: {len(flows.flows)} flow(s), {len(data):,} bytes", file=err)
    return 0


def _batch_line(engine: Engine, line: str, chats: dict[str, State]) -> dict[str, Any]:
    """One input line's output record; malformed input yields an `error` record."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    item_id = item.get("id")
    question = item.get("question")
    if not isinstance(question, str):
        return {"id": item_id, "error": "'question' must be a string"}
    # A JSON string may hold a lone surrogate ("\\udeec"): not text, so not a question; "?".
    question = question.encode("utf-8", "replace").decode("utf-8")
    chat = item.get("chat")
    if chat is not None and (not isinstance(chat, str | int) or isinstance(chat, bool)):
        return {"id": item_id, "error": "'chat' must be a string or an integer"}
    if chat is None:
        answer, _ = engine.answer(question)
    else:
        answer, chats[str(chat)] = engine.answer(question, chats.get(str(chat)))
    return answer_record(answer, question, item_id)


def batch(engine: Engine, stdin: TextIO, out: TextIO) -> int:
    """JSON Lines in, exactly one JSON line out per input line, in order, flushed as it goes.

    Lines with the same `chat` share one conversation (follow-ups); blank lines are errors too,
    so that output lines always match input lines.
    """
    chats: dict[str, State] = {}
    for line in stdin:
        try:
            record = _batch_line(engine, line.strip(), chats)
        except Exception as exc:  # one line out per line in, whatever happens
            record = {"id": None, "error": f"internal error: {type(exc).__name__}"}
        text = json.dumps(record, ensure_ascii=False)
        for separator in "\x85\u2028\u2029":  # line breaks to some readers: escaped
            text = text.replace(separator, f"\\u{ord(separator):04x}")
        # Lone surrogates (e.g. in an echoed id) cannot be written as UTF-8: "?" instead.
        print(text.encode("utf-8", "replace").decode("utf-8"), file=out, flush=True)
    return 0
