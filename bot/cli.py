"""`python -m bot ask` and `python -m bot batch`: the engine from the command line."""

from __future__ import annotations

import json
from typing import Any, TextIO

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.frontends.telegram.render import render_plain
from bot.model import Answer


def answer_record(answer: Answer, question: str, item_id: Any = None) -> dict[str, Any]:
    """The JSON shape of one answer, shared by `ask --json` and `batch`."""
    return {
        "id": item_id,
        "question": question,
        "language": answer.language,
        "kind": answer.kind,
        "text": answer.text,
        "citations": [c.model_dump() for c in answer.citations],
        "options": [o.model_dump() for o in answer.options],
        "confidence": answer.confidence,
    }


def ask(engine: Engine, question: str, *, as_json: bool, language: str | None, out: TextIO) -> int:
    answer = engine.answer(question, Conversation(language=language), language_hint=language)
    if as_json:
        record = answer_record(answer, question)
        del record["id"]
        print(json.dumps(record, ensure_ascii=False), file=out)
    else:
        print(render_plain(answer), file=out)
    return 0


def _batch_line(engine: Engine, line: str, chats: dict[str, Conversation]) -> dict[str, Any]:
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
    chat = item.get("chat")
    if chat is not None and (not isinstance(chat, str | int) or isinstance(chat, bool)):
        return {"id": item_id, "error": "'chat' must be a string or an integer"}
    context = chats.setdefault(str(chat), Conversation()) if chat is not None else Conversation()
    return answer_record(engine.answer(question, context), question, item_id)


def batch(engine: Engine, stdin: TextIO, out: TextIO) -> int:
    """JSON Lines in, exactly one JSON line out per input line, in order, flushed as it goes.

    Lines with the same `chat` share one conversation (follow-ups); blank lines are errors too,
    so that output lines always match input lines.
    """
    chats: dict[str, Conversation] = {}
    for line in stdin:
        record = _batch_line(engine, line.strip(), chats)
        print(json.dumps(record, ensure_ascii=False), file=out, flush=True)
    return 0
