"""What the engine remembers between two messages of one conversation: a small frozen record.

`Engine.answer(question, state)` returns the next `State` with its answer and never changes the
one it was given; callers keep whichever state they want to continue from. A state is ids and
words (entity ids, the previous question's words and frame, the options of a clarification), so
it is stored as JSON: `to_json` / `from_json`. The JSON carries a format tag that names every
field of the records it holds: a state written by another version of the code is refused
(`ValueError`) rather than read wrongly.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from bot.nlu.linking import Mention
from bot.nlu.query import EntityRef, Query

STATE_VERSION = 1


@dataclass(frozen=True)
class State:
    """The conversation so far, as the next question needs it."""

    language: str | None = None
    last_query: Query | None = None  # the previous question, as read in context
    last_person: str | None = None  # entity id that "he/she/il/elle" refer to
    # Names the base does not know, asked last: "he/she" then refer to them, not to anyone known.
    last_strangers: tuple[str, ...] = ()
    last_entities: tuple[str, ...] = ()
    last_facts: tuple[str, ...] = ()  # ids of the facts the last answer quoted
    pending: Query | None = None  # a question waiting for a clarification
    # A clarified question and the options not picked, for "what about the other?".
    clarified: Query | None = None
    other_options: tuple[str, ...] = ()

    def to_json(self) -> str:
        """The state as one JSON object (fields left at their default are left out)."""
        body = json.loads(_ADAPTER.dump_json(self, exclude_defaults=True))
        return json.dumps({"format": STATE_FORMAT, "state": body}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> State:
        """The state `to_json` wrote; ValueError when it is damaged or from another version."""
        try:
            record = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError("a conversation state that is not JSON") from error
        if not isinstance(record, dict) or record.get("format") != STATE_FORMAT:
            raise ValueError("a conversation state from another version")
        try:
            return _ADAPTER.validate_python(record.get("state"))
        except ValidationError as error:
            raise ValueError("a damaged conversation state") from error


def _shape(*classes: type) -> str:
    """Every field name of `classes`: a state written with other fields is another format."""
    return ";".join(
        f"{c.__name__}({','.join(f.name for f in dataclasses.fields(c))})" for c in classes
    )


STATE_FORMAT = f"state/{STATE_VERSION}/" + _shape(State, Query, EntityRef, Mention)
_ADAPTER = TypeAdapter(State)
