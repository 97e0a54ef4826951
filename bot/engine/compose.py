"""Composing a reply from chosen facts: answer first, then their phrasing and quoted sentences."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.factindex import FactIndex, orient
from bot.engine.replies import Replies
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.model import Answer, Citation
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query

MAX_FACTS = 10
PERSON = "person"


@dataclass(frozen=True)
class Result:
    answer: Answer
    subjects: tuple[str, ...]  # entities the answer is about, for "he/she" in the next message


class Composer:
    """Turns facts into an Answer in the asker's language."""

    def __init__(self, base: KnowledgeBase, facts: FactIndex, replies: Replies) -> None:
        self.kb = base
        self.facts = facts
        self.replies = replies

    def compose(
        self,
        query: Query,
        facts: list[Fact],
        *,
        confidence: float,
        verdict: str | None = None,
        lead: str | None = None,
    ) -> Result:
        lang = query.language
        facts = list({fact.id: fact for fact in facts}.values())  # each fact said once
        organisations = bool(lx.ORGANIZATION_NOUNS & set(query.words))
        subjects: list[str] = []
        for fact in facts:
            for entity_id in self.answer_side(fact, query, organisations):
                if entity_id not in subjects:
                    subjects.append(entity_id)
        # Group facts ("at least 14 engineers") come first: they frame the named people.
        ordered = sorted(facts, key=lambda f: 0 if f.quantity and f.type == "hired" else 1)
        ordered = ordered[:MAX_FACTS]
        headline = None
        if (
            lead is None
            and verdict is None
            and query.qword in ("who", "what")
            and len(subjects) > 1
        ):
            headline = self.replies.join_names(
                [self.kb.entities[s].name.get(lang) for s in subjects], lang
            )
        sentences = [fact.text.get(lang) for fact in ordered]
        text = self.replies.compose(lang, sentences, headline=headline, verdict=verdict, lead=lead)
        answer = Answer(
            kind="answer",
            language=lang,
            text=text,
            citations=self.citations(ordered),
            confidence=round(confidence, 2),
        )
        return Result(answer, tuple(subjects))

    def citations(self, facts: list[Fact]) -> list[Citation]:
        """The facts' sentences, each once, numbered in order of first use."""
        citations: list[Citation] = []
        seen: set[tuple[str, str]] = set()
        for fact in facts:
            for ref in fact.citations:
                if (ref.article, ref.sentence) in seen:
                    continue
                seen.add((ref.article, ref.sentence))
                article = self.kb.articles[ref.article]
                citations.append(
                    Citation(
                        n=len(citations) + 1,
                        article=article.id,
                        title=article.title,
                        sentence=ref.sentence,
                    )
                )
        return citations

    def answer_side(self, fact: Fact, query: Query, organisations: bool) -> list[str]:
        """The entities a fact contributes to a list answer: those the question did not name."""
        asked = {e.id for e in query.entities}
        if fact.type in ft.MOVE_FACT_TYPES:
            move = orient(fact)
            sides = [move.mover]
            if organisations:
                # "Which companies lost people?" wants the sources; "… hired?" the destinations.
                outward = "move_out" in query.relations and "move_in" not in query.relations
                sides = [move.source] if outward and not asked else [move.source, move.dest]
        else:
            sides = [fact.subject, fact.object]
        return [
            s
            for s in sides
            if s
            and not any(self.facts.matches(s, a) or self.facts.matches(a, s) for a in asked)
            and (self.facts.type_of(s) == PERSON) != organisations
        ]

    def confidence(self, query: Query, base: float) -> float:
        link = min((e.score for e in query.entities), default=100.0) / 100
        return max(0.0, min(1.0, base * link))

    def names(self, query: Query) -> list[str]:
        return [self.kb.entities[e.id].name.get(query.language) for e in query.entities]
