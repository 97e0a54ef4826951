"""Where the tests find the project and their data, wherever pytest runs from.

`KNOWLEDGE` is the base the tests ask questions of: a frozen copy of the project's base as the
question sets and expectations were written for it (`tests/data/base`), so that adding an
article to `knowledge/` breaks no test. `PROJECT_KNOWLEDGE` is the project's own `knowledge/`,
for the tests that only check it is valid and packaged, whatever it holds.
"""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DATA = TESTS / "data"
KNOWLEDGE = DATA / "base"
PROJECT_KNOWLEDGE = REPO / "knowledge"
