"""Where the tests find the project and their data, wherever pytest runs from."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DATA = TESTS / "data"
KNOWLEDGE = REPO / "knowledge"
