"""Composing a reply from chosen facts: answer first, then their phrasing and quoted sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.factindex import PERSON, FactIndex, orient, stems
from bot.engine.measures import asks_money, asks_organisations
from bot.engine.replies import Replies
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.model import Answer, Citation
from bot.nlu.parsing import Query
from bot.text import normalize

MAX_FACTS = 10
# A short reply: its facts' phrasing, its quotes (in characters), how many of each.
SHORT_TEXT = 360
SHORT_FACTS = 3
QUOTES = 450
MAX_QUOTES = 3
RESTATED = 0.25  # a fact with fewer new words than this restates what the reply already says


def heading(sentence: str | None) -> bool:
    """A heading or a title ("X, pillar of Y"): no final punctuation (None: no sentence)."""
    return sentence is not None and not sentence.rstrip(' »”"').endswith((".", "!", "?", "…"))


@dataclass(frozen=True)
class Result:
    answer: Answer
    subjects: tuple[str, ...]  # entities the answer is about, for "he/she" in the next message
    facts: tuple[str, ...] = ()  # ids of the facts it quotes, for "who says so?" next


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
        organisations = asks_organisations(query)
        side = self.answer_sides(query, organisations)
        subjects = list(dict.fromkeys(e for fact in facts for e in side(fact)))
        # Group facts ("at least 14 engineers") come first: they frame the named people.
        ordered = sorted(facts, key=lambda f: 0 if f.quantity and f.type == "hired" else 1)
        ordered = ordered[:MAX_FACTS]
        headline = None
        if (
            lead is None
            and verdict is None
            and query.qword in ("who", "what", "where", None)
            and not query.yesno
            and len(subjects) > 1
        ):
            headline = self.replies.join_names(
                [self.kb.entities[s].name.get(lang) for s in subjects], lang
            )
        if headline is None and lead is None and query.qword in ("how_many", "how_much"):
            # "How many…?": the number comes first, as the first fact with one states it; a
            # sum asked is never answered by a head count or a duration, nor a count by a sum.
            # The figure is the best fact's: one further down is about something else.
            money = asks_money(query)
            measured = ordered[0] if (ordered[0].amount if money else ordered[0].quantity) else None
            headline = self.replies.measure(measured, lang) if measured else None
            if headline and restates(ordered[0].text.get(lang), headline):
                headline = None  # the fact opens with the number: said once
        opening = dict(headline=headline, verdict=verdict, lead=lead)
        full = Answer(
            kind="answer",
            language=lang,
            text=self.replies.compose(lang, [f.text.get(lang) for f in ordered], **opening),
            citations=self.citations(ordered),
            confidence=round(confidence, 2),
        )
        shown = self.shortlist(ordered, lang, said=headline or lead or "")
        for ref in query.entities:
            # "X or Y?", "X and Y": each one asked about keeps a fact of its own.
            if ref.alternative and not any(self.facts.involves(f, ref.id) for f in shown):
                shown += [f for f in ordered if self.facts.involves(f, ref.id)][:1]
        short = full.model_copy(
            update={
                "text": self.replies.compose(lang, [f.text.get(lang) for f in shown], **opening),
                "citations": self.evidence(shown),
            }
        )
        quoted = tuple(f.id for f in shown)
        if short.text == full.text and short.citations == full.citations:
            return Result(full, tuple(subjects), quoted)
        return Result(short.model_copy(update={"more": full}), tuple(subjects), quoted)

    def unanswered(self, query: Query, facts: list[Fact], *, verdict: str) -> Result:
        """What the articles say near the question, opened by `verdict`, as no answer to it."""
        result = self.compose(query, facts, confidence=0.5, verdict=verdict)
        answer = result.answer
        more = answer.more and answer.more.model_copy(update={"kind": "unknown"})
        return Result(answer.model_copy(update={"kind": "unknown", "more": more}), ())

    def shortlist(self, facts: list[Fact], language: str, said: str) -> list[Fact]:
        """The facts a short reply keeps: the first, then others while the text stays short
        and they say something new (a profile's description is not restated)."""
        kept: list[Fact] = []
        length = len(said)
        seen = stems(normalize(said).split(), language)
        named: set[str] = set()
        for fact in facts:
            text = fact.text.get(language)
            words = self.facts.words[fact.id]  # stems of its phrasing, computed once per base
            new = (
                not words
                or len(words - seen) / len(words) > RESTATED
                or (bool(set(fact.participants()) - named) and bool(named))
            )
            fits = len(kept) < SHORT_FACTS and length + len(text) <= SHORT_TEXT
            if kept and not (new and fits):
                continue
            if not kept and not new and len(facts) > 1:
                continue  # the opening already says it: another fact leads
            kept.append(fact)
            length += len(text)
            seen |= words
            named |= set(fact.participants())
        return kept or facts[:1]

    def evidence(self, facts: list[Fact]) -> list[Citation]:
        """At most a few quotes, the most specific first: a body sentence rather than a
        heading that says the same, within a length a chat message can carry."""
        chosen: list[Citation] = []
        length = 0
        # A heading is no evidence when a body sentence of the same fact says it.
        bodies = {
            (r.article, r.sentence)
            for f in facts
            if any(not heading(c.sentence) for c in f.citations)
            for r in f.citations
            if heading(r.sentence)
        }
        candidates = [c for c in self.citations(facts) if (c.article, c.sentence) not in bodies]
        for citation in sorted(candidates, key=lambda c: heading(c.sentence)):
            if len(chosen) == MAX_QUOTES or (chosen and length + len(citation.sentence) > QUOTES):
                continue
            chosen.append(citation)
            length += len(citation.sentence)
        chosen.sort(key=lambda c: c.n)
        return [c.model_copy(update={"n": i}) for i, c in enumerate(chosen, 1)]

    def citations(self, facts: list[Fact]) -> list[Citation]:
        """The facts' sentences, each once, numbered in order of first use."""
        citations: list[Citation] = []
        seen: set[tuple[str, str]] = set()
        for fact in facts:
            for ref in fact.citations:
                assert ref.article is not None and ref.sentence is not None  # resolved by load
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
        return self.answer_sides(query, organisations)(fact)

    def answer_sides(self, query: Query, organisations: bool) -> Callable[[Fact], list[str]]:
        """`answer_side` for one question: what depends on the question alone is read once,
        and whether an entity may stand in the answer once per entity."""
        asked = {e.id for e in query.entities}
        outward = "move_out" in query.relations and "move_in" not in query.relations
        sourced = query.asks_source
        companies = organisations or sourced
        allowed: dict[str, bool] = {}

        def may_stand(entity_id: str) -> bool:
            """Not asked about, and of the kind asked (a person, or an organisation)."""
            known = allowed.get(entity_id)
            if known is None:
                known = allowed[entity_id] = (
                    not any(
                        self.facts.matches(entity_id, a) or self.facts.matches(a, entity_id)
                        for a in asked
                    )
                    and (self.facts.type_of(entity_id) == PERSON) != companies
                )
            return known

        def unasked(entity_id: str) -> bool:
            return not any(
                self.facts.matches(entity_id, a) or self.facts.matches(a, entity_id) for a in asked
            )

        def side(fact: Fact) -> list[str]:
            if fact.polarity == "negated":
                return []  # "X did not invest": X is no answer to "who invested?"
            if fact.type in ft.MENTION_TYPES:
                return []  # a sentence only naming people says none of them is the one asked
            if fact.type in ft.MOVE_FACT_TYPES:
                move = orient(fact)
                sides = [move.mover]
                if sourced:
                    sides = [move.source]  # "Where do X's recruits come from?"
                elif organisations:
                    # "Which companies lost people?" wants the sources; "… hired?" the
                    # destinations.
                    sides = [move.source] if outward and not asked else [move.source, move.dest]
            else:
                sides = [fact.subject, fact.object]
            # An investor may be a person or a firm: the subject of such a fact always stands.
            return [
                s
                for s in sides
                if s
                and (
                    may_stand(s)
                    or (fact.type in ft.ANY_AGENT_FACT_TYPES and s == fact.subject and unasked(s))
                )
            ]

        return side

    def confidence(self, query: Query, base: float) -> float:
        link = min((e.score for e in query.entities), default=100.0) / 100
        return max(0.0, min(1.0, base * link))

    def names(self, query: Query) -> list[str]:
        return [self.kb.entities[e.id].name.get(query.language) for e in query.entities]


def restates(text: str, headline: str) -> bool:
    """Whether a fact's text opens with what the headline says ("About 100 engineers.")."""
    said = normalize(headline).split()
    return bool(said) and normalize(text).split()[: len(said)] == said
