"""Question (+ state) -> (Answer, next state): parse, read in context, route to a family.

Pure: no I/O, no Telegram.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace

from cachetools import LRUCache

from bot.engine.compose import Result
from bot.engine.descriptions import described_otherwise, resolve_description
from bot.engine.dialogue import Dialogue
from bot.engine.factindex import PERSON, Phrasings
from bot.engine.families.attribution import asks_attribution, attribution
from bot.engine.families.catalogue import asks_every_namesake, namesakes
from bot.engine.families.comparison import compare
from bot.engine.families.count import count_named
from bot.engine.families.definition import expansion
from bot.engine.families.detail import unknown_detail
from bot.engine.families.groups import jointly
from bot.engine.families.membership import belonging
from bot.engine.families.order import order
from bot.engine.families.precision import imprecise_date, imprecise_number
from bot.engine.families.profile import profile
from bot.engine.families.quoted import asked_element
from bot.engine.families.said import asks_said, not_quoted, said_elsewhere, the_quote
from bot.engine.families.seat import asks_headquarters, seats
from bot.engine.families.teams import team_of, unit_named
from bot.engine.families.topical import topical
from bot.engine.families.yesno import missing_attribute, yes_no
from bot.engine.replies import combine
from bot.engine.state import State
from bot.engine.toolkit import Toolkit
from bot.kb import Fact, KnowledgeBase
from bot.kb.facttypes import MENTION_TYPES
from bot.model import Answer
from bot.nlu import lexicon as lx
from bot.nlu.linking import ArticleReading
from bot.nlu.parsing import EntityRef, Query, parse, preamble_and_question, split_questions
from bot.text import clean_input, normalize

KEPT_UNNAMED = 128  # replies to questions naming no entity kept per base


class Answerer:
    """Everything precomputed for one knowledge base; `answer` is the per-message path."""

    def __init__(
        self,
        base: KnowledgeBase,
        previous: Toolkit | None = None,
        read: Callable[[], ArticleReading] | None = None,
        phrased: Sequence[Phrasings] = (),
    ) -> None:
        self.tk = Toolkit.build(base, previous, read, phrased)
        self.replies = self.tk.replies
        self.dialogue = Dialogue(self.tk)
        # Replies to questions naming no entity, by question read: they depend on the base
        # alone, and some read many facts ("who is the chief scientist?", issue 20).
        self._unnamed: LRUCache[Query, Result] = LRUCache(maxsize=KEPT_UNNAMED)
        self._unnamed_lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        """What a snapshot keeps: not the replies kept, nor their lock."""
        state = dict(self.__dict__)
        state["_unnamed"], state["_unnamed_lock"] = LRUCache(maxsize=KEPT_UNNAMED), None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._unnamed_lock = threading.Lock()

    def answer(
        self, question: str, state: State, language_hint: str | None = None
    ) -> tuple[Answer, State]:
        """Answer `question` read in the light of `state`; with the state for the next one.

        A message asking two things ("who…, and when…?") gets both answers, the second read as
        a follow-up of the first.
        """
        fallback = fallback_language(state, language_hint)
        text = self._without_preamble(clean_input(question))
        if not text:
            return self.replies.empty(fallback), state
        # "ok, and who…?", "merci ! quand…": a part that only thanks or greets is no question.
        parts = [p for p in split_questions(text) if not chatter(p)] or [text]
        if len(parts) == 1:
            return self._answer_one(parts[0], state, fallback)
        answers = []
        for part in parts:
            answer, state = self._answer_one(part, state, state.language or fallback)
            answers.append(answer)
            if answer.kind == "clarify":
                return answer, state  # a name to settle first; the rest would guess
        return combine(answers), state

    def _without_preamble(self, text: str) -> str:
        """The question a message asks after a preamble that names nothing ("Hi. I follow the
        news. Who…?"); the whole message when its preamble names someone the question needs."""
        preamble, question = preamble_and_question(text)
        if preamble and not self.tk.index.link(normalize(preamble).split()):
            return question
        return text

    def _answer_one(self, text: str, state: State, fallback: str) -> tuple[Answer, State]:
        query = resolve_description(self.tk, parse(text, self.tk.index, fallback))
        query = described_otherwise(self.tk, query)
        picked, state = self.dialogue.resolve_pending(query, state)
        query = picked or self.dialogue.resolve_followup(query, state)
        state = replace(state, language=query.language)
        if query.ambiguous is not None and asks_every_namesake(query):
            result = namesakes(self.tk, query)
            return result.answer, self.dialogue.remember(query, result, state)
        if query.ambiguous is not None:
            resolved = self.dialogue.disambiguate(query)
            if resolved is None:
                return self.dialogue.clarify(query, state)
            query = resolved
        result = self._answer_query(query)
        return result.answer, self.dialogue.remember(query, result, replace(state, pending=None))

    def answer_with_choice(
        self, question: str, entity_id: str, state: State, language_hint: str | None = None
    ) -> tuple[Answer, State]:
        """Answer `question` reading its ambiguous name as `entity_id` (a clarification's pick)."""
        fallback = fallback_language(state, language_hint)
        query = parse(clean_input(question), self.tk.index, fallback)
        if query.ambiguous is not None and entity_id in query.ambiguous.entity_ids:
            state = self.dialogue.remember_choice(query, entity_id, state)
        if entity_id in self.tk.kb.entities:
            query = query.with_entities((*query.entities, EntityRef(entity_id)))
        state = replace(state, pending=None, language=query.language)
        result = self._answer_query(query)
        return result.answer, self.dialogue.remember(query, result, state)

    def _answer_query(self, query: Query) -> Result:
        """The reply to a question read in context; kept when it names no entity."""
        if query.entities:
            return self._route(query)
        with self._unnamed_lock:
            kept = self._unnamed.get(query)
        if kept is None:
            kept = self._route(query)
            with self._unnamed_lock:
                self._unnamed[query] = kept
        return kept

    def _route(self, query: Query) -> Result:
        """Route a question, read in context, to the family that answers it."""
        tk = self.tk
        named = query  # "is Colossus an xAI thing?" names the whole its parent drop would hide
        query = tk.selector.without_redundant_parents(query)
        if query.no_antecedent:
            return Result(tk.replies.no_antecedent(query.language), ())
        if query.sourced_facts:
            return attribution(tk, query)  # "who says so?" of the last answer
        if asks_attribution(query):
            return Result(tk.replies.nothing_sourced(query.language), ())  # asked first
        contradicted = unknown_detail(tk, query)
        if contradicted is not None:
            return contradicted  # "did X move to <unknown city>?" when a fact names the city
        if query.unknown_names:
            # Someone the articles never mention: nothing about anyone else answers for them.
            known = tk.composer.names(query)
            return Result(tk.replies.unknown_names(query.language, query.unknown_names, known), ())
        if "biography" in query.relations and query.entities:
            return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
        if query.foreign:
            return Result(tk.replies.foreign(query.language), ())
        compared = compare(tk, query)
        if compared is not None:
            return compared
        if not query.entities:
            return topical(tk, query)
        off_topic = said_elsewhere(tk, query) if asks_said(query) else None
        if off_topic is not None:
            return off_topic  # "what did X say about Y?" when X is quoted on other things
        quote = the_quote(tk, query)
        if quote is not None:
            return quote
        if query.definition:
            return expansion(tk, query)
        if query.profile:
            return profile(tk, query)
        answered = order(tk, query) or belonging(tk, named)
        if answered is not None:
            return answered
        facts, matched = tk.selector.select(query)
        teamed = None if matched or query.yesno else team_of(tk, query) or unit_named(tk, query)
        if teamed is not None:
            # "What was X's team working on?": what the articles say of the team X led.
            team_facts, team_matched = tk.selector.select(teamed)
            if team_matched:
                query, facts, matched = teamed, team_facts, True
        if (not facts or missing_attribute(query, facts)) and landmarks(tk, query):
            # "How long was X at Y before Z?": Z dates the time asked about, it takes no part.
            query = replace(
                query, entities=tuple(e for e in query.entities if e not in landmarks(tk, query))
            )
            facts, matched = tk.selector.select(query)
        if asks_headquarters(query):
            facts = seats(facts)  # an office or a site elsewhere is not the seat asked
        if query.yesno:
            return yes_no(tk, query, facts, matched)
        unsettled = (query.qword == "when" and not any(f.when for f in facts)) or (
            query.qword in ("how_much", "how_many")
            and not any(f.amount or f.quantity for f in facts)
        )
        quoted = asked_element(tk, query) if mentions_only(facts) or unsettled else None
        if quoted is not None:
            return quoted  # sentences only mentioning the names: the element one of them holds
        if not facts and query.qword == "how_many" and query.relations & lx.MOVE_RELATIONS:
            return count_named(tk, query)
        if not facts:
            if not query.relations and not query.content and query.qword in (None, "what", "who"):
                return profile(tk, query)
            described = jointly(tk, query)
            if described is not None:
                return described
            loose = tk.selector.moves_on_any_side(query)
            imprecise = imprecise_date(tk, query, loose)
            if imprecise is not None:
                return imprecise
            if loose:
                # "Who came to X from Y?" when the articles tie that person to Y, not as where
                # they came from: say what they do say, without claiming the asked side.
                confidence = tk.composer.confidence(query, 0.5)
                return tk.composer.compose(query, loose, confidence=confidence, verdict="loose")
            return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
        imprecise = imprecise_date(tk, query, facts) or imprecise_number(tk, query, facts)
        if imprecise is not None:
            return imprecise
        unquoted = not_quoted(tk, query, facts)
        if unquoted is not None:
            return unquoted
        if unnamed(tk, query, facts):
            return tk.composer.unanswered(query, facts, verdict="unnamed")
        if names_no_one_else(tk, query, facts):
            # "Who replaced X at Y?" when the facts only tie X to Y: no one else is named.
            return Result(tk.replies.not_stated(query.language, tk.composer.names(query)), ())
        confidence = tk.composer.confidence(query, 0.9 if matched else 0.6)
        return tk.composer.compose(query, facts, confidence=confidence)


def mentions_only(facts: list[Fact]) -> bool:
    """No fact, or only sentences mentioning names: no typed fact answers."""
    return all(f.type in MENTION_TYPES for f in facts)


def unnamed(tk: Toolkit, query: Query, facts: list[Fact]) -> bool:
    """Names are asked ("what are their names?") and the facts only count people."""
    return bool(lx.NAME_WORDS & set(query.words)) and all(
        f.quantity is not None and not any(tk.facts.type_of(p) == PERSON for p in f.participants())
        for f in facts
    )


def names_no_one_else(tk: Toolkit, query: Query, facts: list[Fact]) -> bool:
    """ "Who…?" naming a person, when the facts name no one and no company the question does
    not: the one asked for is someone else than those it names."""
    asked = {e.id for e in query.entities}
    if query.qword != "who" or not any(tk.facts.type_of(e) == PERSON for e in asked):
        return False
    answerable = {PERSON, "organization", "unit"}
    return all(
        {p for p in f.participants() if tk.facts.type_of(p) in answerable} <= asked for f in facts
    )


def landmarks(tk: Toolkit, query: Query) -> list[EntityRef]:
    """The organisations right after "before"/"after" in a question naming others too: they
    place the time asked about ("at Y before Z")."""
    words = query.words
    marks = [
        e
        for e in query.entities
        if 0 < e.position < len(words) + 1
        and words[e.position - 1] in lx.BEFORE_WORDS | lx.AFTER_WORDS
        and tk.facts.type_of(e.id) != PERSON
    ]
    return marks if len(marks) < len(query.entities) else []


def fallback_language(state: State, hint: str | None) -> str:
    """The language of a message that shows none: the conversation's, the caller's hint, English."""
    return state.language or (hint if hint in ("fr", "en") else "en")


def chatter(text: str) -> bool:
    """Only thanks, greetings or laughter: nothing is asked."""
    words = normalize(text).split()
    return bool(words) and all(w in lx.FILLERS or w in lx.GREETINGS for w in words)
