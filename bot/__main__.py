"""`python -m bot`: the command line (see bot/cli.py)."""

import sys

try:
    from bot.cli import main
except Exception as exc:  # a broken lexicon file is reported like a broken knowledge base
    problems = getattr(exc, "problems", None)
    if problems is None:
        raise
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)

sys.exit(main())
