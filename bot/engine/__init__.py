"""The answer engine: `Engine.answer(question, conversation) -> Answer`, pure and platform-free."""

from bot.engine.conversation import Conversation
from bot.engine.facade import (
    PARSE_CACHE_NAME,
    Engine,
    Source,
    answer,
    default_engine,
    load_engine,
)

__all__ = [
    "PARSE_CACHE_NAME",
    "Conversation",
    "Engine",
    "Source",
    "answer",
    "default_engine",
    "load_engine",
]
