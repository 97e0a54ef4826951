"""`python -m bot`: the command line (see bot/cli.py)."""

import signal
import sys

if sys.argv[1:] in ([], ["run"]):
    # The bot serves until stopped, and `systemctl reload` sends SIGHUP, whose default ends the
    # process: ignored from the first line, through the knowledge base's loading, until the bot
    # sets its reload handler (bot/frontends/telegram/app.py).
    signal.signal(signal.SIGHUP, signal.SIG_IGN)

try:
    from bot.cli import main
except Exception as exc:  # a broken lexicon file is reported like a broken knowledge base
    problems = getattr(exc, "problems", None)
    if problems is None:
        raise
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)

sys.exit(main())
