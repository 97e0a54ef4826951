"""The answer engine: `Engine.answer(question, state) -> (Answer, State)`, platform-free."""

from bot.engine.facade import (
    PARSE_CACHE_NAME,
    Engine,
    Source,
    answer,
    default_engine,
    load_engine,
)
from bot.engine.state import State

__all__ = [
    "PARSE_CACHE_NAME",
    "Engine",
    "Source",
    "State",
    "answer",
    "default_engine",
    "load_engine",
]
