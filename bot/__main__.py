"""`python -m bot`: the command line (see bot/cli.py)."""

import os
import signal
import sys

if sys.argv[1:] in ([], ["run"]):
    # The bot serves until stopped, and `systemctl reload` sends SIGHUP, whose default ends the
    # process: ignored from the first line, through the knowledge base's loading, until the bot
    # sets its reload handler (bot/frontends/telegram/app.py).
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    # What the bot writes (MERCATO_DATA_DIR, its cache, the store of users' texts and ids) is
    # for its own user only: the folder 0700, the files 0600, whichever module creates them.
    os.umask(0o077)

try:
    from bot.cli import main
except Exception as exc:  # a broken lexicon file is reported like a broken knowledge base
    problems = getattr(exc, "problems", None)
    if problems is None:
        raise
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)

sys.exit(main())
