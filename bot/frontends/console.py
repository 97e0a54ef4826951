"""The terminal: plain-text answers, and the chat used when no Telegram token is configured.

`render_plain` is also what `python -m bot ask` prints. At a terminal the chat reads lines with
readline (arrows, history, Ctrl-A/E…); piped, it reads them as they come.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot.engine import Engine, State
from bot.frontends.graph_text import graph_reply
from bot.frontends.misses import MissLog
from bot.frontends.texts import TEXTS
from bot.model import Answer

PROMPT = "vous/you> "
MORE_WORDS = ("more", "plus", "+")  # the console's "More" button
GRAPH_WORDS = {"graph": "en", "graphe": "fr"}  # `graph [NAME]`: the flows as lines


def render_plain(answer: Answer) -> str:
    """The answer for a terminal: text, numbered options if it asks to choose, citations, and
    a hint when more is held back."""
    lines = [answer.text]
    if answer.kind == "clarify" and answer.options:
        lines.append("")
        lines += [f"{i}. {option.label}" for i, option in enumerate(answer.options, 1)]
    if answer.citations:
        lines.append("")
        lines += [f"[{c.n}] «{c.sentence}» — {c.title}" for c in answer.citations]
    if answer.more is not None:
        lines += ["", "(plus / more …)"]
    return "\n".join(lines)


def chat(
    engine: Engine,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    misses: MissLog | None = None,
) -> int:
    """Answer each line of `stdin` until end of input or an exit word; works piped too.

    One conversation for the whole session, the same engine as on Telegram; the questions
    answered `unknown` go to `misses` as Telegram's do (chat type "console").
    """
    interactive = stdin.isatty()
    editing = interactive and stdin is sys.stdin and stdout is sys.stdout and line_editing()
    state = State()
    held_back: Answer | None = None
    if interactive:
        print(engine.summary("fr"), file=stdout)
        print(engine.summary("en"), file=stdout)
        print("(Ctrl-D or 'quit' to leave)\n", file=stdout)
    while True:
        try:
            line = read_line(stdin, stdout, interactive=interactive, editing=editing)
        except KeyboardInterrupt:
            break
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in ("quit", "exit", "/quit", "/exit", "q"):
            break
        command, _, name = question.partition(" ")
        if command.lower() in GRAPH_WORDS:
            language = state.language or GRAPH_WORDS[command.lower()]
            shown = graph_reply(engine, name, language)
        elif question.lower() in MORE_WORDS:
            whole, held_back = held_back, None
            shown = render_plain(whole) if whole else TEXTS[state.language or "en"]["nothing_more"]
        else:
            answer, state = engine.answer(question, state)
            held_back = answer.more
            if misses is not None and answer.kind == "unknown":
                misses.unknown(question, answer.language, "console")
            shown = render_plain(answer)
        print(shown, file=stdout, flush=True)
        print(file=stdout, flush=True)
    return 0


def line_editing() -> bool:
    """Turn on readline for `input()`; False where Python has no readline (Windows)."""
    try:
        import readline  # noqa: F401  (importing it is what turns line editing on)
    except ImportError:
        return False
    return True


def read_line(stdin: TextIO, stdout: TextIO, *, interactive: bool, editing: bool) -> str:
    """The next line typed or piped ("" at the end of input), after the prompt at a terminal."""
    if editing:
        try:
            return input(PROMPT) + "\n"
        except EOFError:
            return ""
    if interactive:
        print(PROMPT, end="", file=stdout, flush=True)
    return stdin.readline()
