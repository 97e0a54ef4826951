"""The terminal chat used when no Telegram token is configured: one conversation, same engine."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.frontends.telegram.render import render_plain

PROMPT = "vous/you> "


def chat(engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Answer each line of `stdin` until end of input or an exit word; works piped too."""
    interactive = stdin.isatty()
    conversation = Conversation()
    if interactive:
        print(engine.summary("fr"), file=stdout)
        print(engine.summary("en"), file=stdout)
        print("(Ctrl-D or 'quit' to leave)\n", file=stdout)
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            break
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in ("quit", "exit", "/quit", "/exit", "q"):
            break
        answer = engine.answer(question, conversation)
        print(render_plain(answer), file=stdout, flush=True)
        print(file=stdout, flush=True)
    return 0
