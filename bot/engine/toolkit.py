"""What every part of the engine shares for one knowledge base, built once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.engine.compose import Composer
from bot.engine.factindex import FactIndex, Phrasings
from bot.engine.replies import Replies
from bot.engine.selection import Selector
from bot.kb import KnowledgeBase
from bot.nlu import lexicon as lx
from bot.nlu.linking import ArticleReading, EntityIndex


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
    def build(
        cls,
        base: KnowledgeBase,
        previous: Toolkit | None = None,
        read: Callable[[], ArticleReading] | None = None,
        phrased: Sequence[Phrasings] = (),
    ) -> Toolkit:
        """The toolkit of `base`; the indexes of `previous` when its base has the very same
        entities and facts (a reload where only articles changed); `read`, what the articles'
        texts give the entity index, and `phrased`, what the facts' texts give the fact index,
        when read already."""
        if previous is not None and (previous.kb.entities, previous.kb.facts) == (
            base.entities,
            base.facts,
        ):
            facts, index = previous.facts.over(base), previous.index
            implied = previous.selector.implied
        else:
            implied = None
            facts = FactIndex(base, phrased)
            index = EntityIndex(base, lx.STOPWORDS, facts.written, read)
        replies = Replies(base)
        return cls(
            kb=base,
            index=index,
            facts=facts,
            replies=replies,
            selector=Selector(base, facts, implied),
            composer=Composer(base, facts, replies),
        )
