"""Question (+ conversation) -> Answer: parse, read in context, route to a question family.

Pure: no I/O, no Telegram.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.conversation import Conversation
from bot.engine.descriptions import resolve_description
from bot.engine.dialogue import Dialogue
from bot.engine.factindex import PERSON
from bot.engine.families.catalogue import asks_every_namesake, namesakes
from bot.engine.families.comparison import compare
from bot.engine.families.count import count_named
from bot.engine.families.definition import expansion
from bot.engine.families.groups import jointly
from bot.engine.families.membership import belonging
from bot.engine.families.order import order
from bot.engine.families.precision import imprecise_date, imprecise_number
from bot.engine.families.profile import profile
from bot.engine.families.said import not_quoted
from bot.engine.families.topical import topical
from bot.engine.families.yesno import yes_no
from bot.engine.replies import combine
from bot.engine.toolkit import Toolkit
from bot.kb import KnowledgeBase
from bot.model import Answer
from bot.nlu import lexicon as lx
from bot.nlu.parsing import EntityRef, Query, parse, preamble_and_question, split_questions
from bot.text import clean_input, normalize


class Answerer:
    """Everything precomputed for one knowledge base; `answer` is the per-message path."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.tk = Toolkit.build(base)
        self.replies = self.tk.replies
        self.dialogue = Dialogue(self.tk)

    def answer(
        self, question: str, context: Conversation | None = None, language_hint: str | None = None
    ) -> Answer:
        """Answer `question`; read and update `context` for follow-ups.

        A message asking two things ("who…, and when…?") gets both answers, the second read as
        a follow-up of the first.
        """
        context = context if context is not None else Conversation()
        fallback = fallback_language(context, language_hint)
        text = self._without_preamble(clean_input(question))
        if not text:
            return self.replies.empty(fallback)
        # "ok, and who…?", "merci ! quand…": a part that only thanks or greets is no question.
        parts = [p for p in split_questions(text) if not chatter(p)] or [text]
        if len(parts) == 1:
            return self._answer_one(parts[0], context, fallback)
        answers = []
        for part in parts:
            answers.append(self._answer_one(part, context, context.language or fallback))
            if answers[-1].kind == "clarify":
                return answers[-1]  # a name to settle first; the rest would guess
        return combine(answers)

    def _without_preamble(self, text: str) -> str:
        """The question a message asks after a preamble that names nothing ("Hi. I follow the
        news. Who…?"); the whole message when its preamble names someone the question needs."""
        preamble, question = preamble_and_question(text)
        if preamble and not self.tk.index.link(normalize(preamble).split()):
            return question
        return text

    def _answer_one(self, text: str, context: Conversation, fallback: str) -> Answer:
        query = resolve_description(self.tk, parse(text, self.tk.index, fallback))
        query = self.dialogue.resolve_pending(query, context) or self.dialogue.resolve_followup(
            query, context
        )
        context.language = query.language
        if query.ambiguous is not None and asks_every_namesake(query):
            result = namesakes(self.tk, query)
            self.dialogue.remember(query, result, context)
            return result.answer
        if query.ambiguous is not None:
            resolved = self.dialogue.disambiguate(query)
            if resolved is None:
                return self.dialogue.clarify(query, context)
            query = resolved
        context.pending = None
        result = self._answer_query(query)
        self.dialogue.remember(query, result, context)
        return result.answer

    def answer_with_choice(
        self,
        question: str,
        entity_id: str,
        context: Conversation | None = None,
        language_hint: str | None = None,
    ) -> Answer:
        """Answer `question` reading its ambiguous name as `entity_id` (a clarification's pick)."""
        context = context if context is not None else Conversation()
        fallback = fallback_language(context, language_hint)
        query = parse(clean_input(question), self.tk.index, fallback)
        if query.ambiguous is not None and entity_id in query.ambiguous.entity_ids:
            self.dialogue.remember_choice(query, entity_id, context)
        if entity_id in self.tk.kb.entities:
            query = query.with_entities((*query.entities, EntityRef(entity_id)))
        context.pending = None
        context.language = query.language
        result = self._answer_query(query)
        self.dialogue.remember(query, result, context)
        return result.answer

    def _answer_query(self, query: Query) -> Result:
        """Route a question, read in context, to the family that answers it."""
        tk = self.tk
        named = query  # "is Colossus an xAI thing?" names the whole its parent drop would hide
        query = tk.selector.without_redundant_parents(query)
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
        if query.definition:
            return expansion(tk, query)
        if query.profile:
            return profile(tk, query)
        answered = order(tk, query) or belonging(tk, named)
        if answered is not None:
            return answered
        facts, matched = tk.selector.select(query)
        if not facts and landmarks(tk, query):
            # "How long was X at Y before Z?": Z dates the time asked about, it takes no part.
            query = replace(
                query, entities=tuple(e for e in query.entities if e not in landmarks(tk, query))
            )
            facts, matched = tk.selector.select(query)
        if query.yesno:
            return yes_no(tk, query, facts, matched)
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
        confidence = tk.composer.confidence(query, 0.9 if matched else 0.6)
        return tk.composer.compose(query, facts, confidence=confidence)


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


def fallback_language(context: Conversation, hint: str | None) -> str:
    """The language of a message that shows none: the conversation's, the caller's hint, English."""
    return context.language or (hint if hint in ("fr", "en") else "en")


def chatter(text: str) -> bool:
    """Only thanks, greetings or laughter: nothing is asked."""
    words = normalize(text).split()
    return bool(words) and all(w in lx.FILLERS or w in lx.GREETINGS for w in words)
