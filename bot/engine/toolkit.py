"""What every part of the engine shares for one knowledge base, built once."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.compose import Composer
from bot.engine.factindex import FactIndex
from bot.engine.replies import Replies
from bot.engine.selection import Selector
from bot.kb import KnowledgeBase
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex


@dataclass(frozen=True)
class Toolkit:
    """The base, its indexes, the fact selector, the composer and the engine's own words."""

    kb: KnowledgeBase
    index: EntityIndex
    facts: FactIndex
    replies: Replies
    selector: Selector
    composer: Composer

    @classmethod
    def build(cls, base: KnowledgeBase) -> Toolkit:
        facts = FactIndex(base)
        replies = Replies(base)
        return cls(
            kb=base,
            index=EntityIndex(base, lx.STOPWORDS),
            facts=facts,
            replies=replies,
            selector=Selector(base, facts),
            composer=Composer(base, facts, replies),
        )
