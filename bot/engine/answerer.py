"""Query + knowledge base (+ conversation) -> Answer. Pure: no I/O, no Telegram."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.conversation import Conversation
from bot.engine.factindex import FactIndex, orient, stems
from bot.engine.measures import compare_numbers, date_agrees, states_number
from bot.engine.replies import Replies, clause, combine
from bot.kb import Fact, KnowledgeBase
from bot.model import Answer, Citation, Option
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex
from bot.nlu.parsing import EntityRef, Query, frame_relations, parse, split_questions
from bot.nlu.text import clean_input, normalize

MAX_FACTS = 10
PERSON = "person"
# Order in which a profile presents what is known about someone or something.
PROFILE_ORDER = [
    "role",
    "leads",
    "founded",
    "cofounded",
    "cocreated",
    "owns",
    "joined",
    "hired",
    "left",
    "worked_on",
    "expertise",
    "location",
    "count",
    "amount",
    "duration",
    "statement",
    "opinion",
    "criticism",
    "reason",
    "plan",
    "strategy",
    "risk",
    "trend",
]


class Answerer:
    """Everything precomputed for one knowledge base; `answer` is the per-message path."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.kb = base
        self.index = EntityIndex(base, lx.STOPWORDS)
        self.facts = FactIndex(base)
        self.replies = Replies(base)

    # ------------------------------------------------------------------ entry point

    def answer(
        self, question: str, context: Conversation | None = None, language_hint: str | None = None
    ) -> Answer:
        """Answer `question`; read and update `context` for follow-ups.

        A message asking two things ("who…, and when…?") gets both answers, the second read as
        a follow-up of the first.
        """
        context = context if context is not None else Conversation()
        fallback = fallback_language(context, language_hint)
        text = clean_input(question)
        if not text:
            return self.replies.empty(fallback)
        parts = split_questions(text)
        if len(parts) == 1:
            return self._answer_one(text, context, fallback)
        answers = []
        for part in parts:
            answers.append(self._answer_one(part, context, context.language or fallback))
            if answers[-1].kind == "clarify":
                return answers[-1]  # a name to settle first; the rest would guess
        return combine(answers)

    def _answer_one(self, text: str, context: Conversation, fallback: str) -> Answer:
        query = parse(text, self.index, fallback)
        query = self._resolve_pending(query, context) or self._resolve_followup(query, context)
        context.language = query.language
        if query.ambiguous is not None:
            resolved = self._disambiguate(query)
            if resolved is None:
                return self._clarify(query, context)
            query = resolved
        context.pending = None
        result = self._answer_query(query)
        self._remember(query, result, context)
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
        query = parse(clean_input(question), self.index, fallback)
        if entity_id in self.kb.entities:
            query = query.with_entities((*query.entities, EntityRef(entity_id)))
        context.pending = None
        context.language = query.language
        result = self._answer_query(query)
        self._remember(query, result, context)
        return result.answer

    # ------------------------------------------------------------------ conversation

    def _resolve_pending(self, query: Query, context: Conversation) -> Query | None:
        """A reply to a clarification: the original question with the chosen entity."""
        pending: Query | None = context.pending
        if pending is None or pending.ambiguous is None:
            return None
        options = pending.ambiguous.entity_ids
        chosen = [e.id for e in query.entities if e.id in options]
        if not chosen:
            picks = [lx.ORDINALS[w] for w in query.words if w in lx.ORDINALS]
            if picks and picks[0] < len(options):
                chosen = [options[picks[0]]]
        if not chosen and query.ambiguous is not None:
            narrowed = [i for i in query.ambiguous.entity_ids if i in options]
            chosen = narrowed if len(narrowed) == 1 else []
        if not chosen and query.entities:
            # "Celui d'Apple", "the Tesla one": the option that shares a fact with it.
            linked = [
                option
                for option in options
                if any(
                    self.facts.involves(f, e.id)
                    for e in query.entities
                    for f in self.facts.involving.get(option, [])
                )
            ]
            chosen = linked if len(linked) == 1 else []
        complete = query.qword is not None or query.relations or query.yesno
        if not chosen or (complete and not query.ellipsis):
            context.pending = None  # a new, complete question: the clarification is dropped
            return None
        context.pending = None
        return pending.with_entities((*pending.entities, EntityRef(chosen[0])))

    def _resolve_followup(self, query: Query, context: Conversation) -> Query:
        """Fill in what a follow-up leaves out from the conversation's previous question."""
        last: Query | None = context.last_query
        has_person = any(self.facts.type_of(e.id) == PERSON for e in query.entities)
        if query.pronoun and not has_person and context.last_person and not query.ambiguous:
            query = query.with_entities((EntityRef(context.last_person), *query.entities))
        elif query.plural_pronoun and not query.entities and context.last_entities:
            query = query.with_entities(tuple(EntityRef(e) for e in context.last_entities))
        if query.thing_pronoun is not None:
            asked = {e.id for e in query.entities}
            things = [
                e
                for e in context.last_entities
                if self.facts.type_of(e) != PERSON and e not in asked
            ]
            if things:
                thing = EntityRef(things[-1], position=query.thing_pronoun)
                query = query.with_entities((*query.entities, thing))
        if last is None:
            return query
        bare = not query.entities and query.ambiguous is None and len(query.words) <= 6
        if query.ellipsis or (bare and (query.qword or query.relations)):
            return self._merge(last, query)
        return query

    def _merge(self, last: Query, new: Query) -> Query:
        """`new` completes `last`: its entities replace those of the same kind, its frame wins."""
        entities = list(last.entities)
        for ref in new.entities:
            kind = self.facts.type_of(ref.id) == PERSON
            same = [
                i
                for i, old in enumerate(entities)
                if (self.facts.type_of(old.id) == PERSON) == kind and (ref.role in (None, old.role))
            ]
            if same:
                old = entities[same[0]]  # the new entity takes its place in the old question
                entities[same[0]] = EntityRef(ref.id, ref.role or old.role, ref.score, old.position)
            else:
                entities.append(replace(ref, position=-1))
        if new.entities:
            # "What did A say on X?" then "And B?": the medium X was about A, not a frame.
            kept = {r.id for r in new.entities}
            entities = [e for e in entities if e.id in kept or e.role in ("source", "dest")]
        cue_relations = new.cue_relations or last.cue_relations
        qword = new.qword or last.qword
        return replace(
            last,
            text=new.text,
            language=new.language,
            qword=qword,
            relations=frame_relations(cue_relations, qword),
            cue_relations=cue_relations,
            entities=tuple(entities),
            ambiguous=new.ambiguous,
            yesno=new.yesno or (last.yesno and new.qword is None),
            profile=last.profile and not new.qword and not new.relations,
            months=new.months,
            years=new.years,
            content=new.content | last.content,
        )

    def _remember(self, query: Query, result: _Result, context: Conversation) -> None:
        if result.answer.kind == "unknown" and not query.entities:
            return  # a greeting or noise must not make the next "And when?" lose its subject
        context.last_query = query.with_entities(query.entities)
        people = [e.id for e in query.entities if self.facts.type_of(e.id) == PERSON]
        answer_people = [e for e in result.subjects if self.facts.type_of(e) == PERSON]
        if len(answer_people) == 1 and not people:
            context.last_person = answer_people[0]
        elif people:
            context.last_person = people[-1]
        context.last_entities = tuple(e.id for e in query.entities) or context.last_entities

    # ------------------------------------------------------------------ ambiguity

    def _disambiguate(self, query: Query) -> Query | None:
        """Pick the one candidate that shares a fact with the question's other entities."""
        assert query.ambiguous is not None
        others = [e.id for e in query.entities]
        if not others or query.yesno:
            return None  # a yes/no question must not be settled by the choice of name
        fitting = [
            candidate
            for candidate in query.ambiguous.entity_ids
            if any(
                all(self.facts.involves(f, o) for o in others)
                for f in self.facts.involving.get(candidate, [])
            )
        ]
        if len(fitting) != 1:
            return None
        return query.with_entities((*query.entities, EntityRef(fitting[0])))

    def _clarify(self, query: Query, context: Conversation) -> Answer:
        assert query.ambiguous is not None
        context.pending = query
        options = [
            Option(id=i, label=self.kb.entities[i].name.get(query.language))
            for i in query.ambiguous.entity_ids
        ]
        return self.replies.clarify(query.language, options, self.kb.entities)

    # ------------------------------------------------------------------ fact selection

    def _without_redundant_parents(self, query: Query) -> Query:
        """Drop "Meta" from "Meta's superintelligence lab": the part already implies it, and
        takes the place of the whole in the sentence (its side of a move, its position)."""
        named = {ref.id for ref in query.entities}
        parents = {p for ref in query.entities for p in self.facts.ancestors[ref.id]} & named
        if not parents:
            return query
        kept = []
        for ref in query.entities:
            if ref.id in parents:
                continue
            whole = next((p for p in query.entities if p.id in self.facts.ancestors[ref.id]), None)
            if whole is not None:
                ref = replace(ref, role=ref.role or whole.role, position=whole.position)
            kept.append(ref)
        return replace(query, entities=tuple(kept))

    def _move_roles(self, query: Query) -> dict[str, str | None]:
        """Each entity's side in a move question: explicit, else from where it stands.

        Before a "hire" verb stands who hired (destination), before "leave/lose" who lost
        (source), before "join" where people came from ("Meta employees joined…"); after the
        verb it is the other way round, and "chez/at" follows the verb's sense. Of several
        organisations before the verb, the nearest is its subject.
        """
        roles: dict[str, str | None] = {}
        for ref in query.entities:
            if self.facts.type_of(ref.id) == PERSON:
                roles[ref.id] = "mover"
            elif query.asks_source:
                roles[ref.id] = "dest"
            elif ref.role in ("source", "dest"):
                roles[ref.id] = ref.role
        open_refs = sorted(
            (
                r
                for r in query.entities
                if r.id not in roles and self.facts.type_of(r.id) != "place"
            ),
            key=lambda r: r.position,
        )
        if not query.move_verbs:
            # "Former Tesla employees at xAI": no verb to read sides from, only prepositions.
            if "source" in roles.values() and "dest" not in roles.values() and open_refs:
                roles[open_refs[-1].id] = "dest"
            return roles
        verb_at, verb = query.move_verbs[0]
        hiring = verb == "hire" and not query.passive
        before = [r for r in open_refs if 0 <= r.position < verb_at and r.role != "at"]
        for ref in before[:-1]:
            roles[ref.id] = "dest" if verb == "leave" else "source"
        if before:
            roles[before[-1].id] = "dest" if hiring else "source"
        has_dest = "dest" in roles.values()
        for ref in (r for r in open_refs if r.id not in roles):
            if hiring or has_dest or (verb == "leave" and ref.role != "at"):
                roles[ref.id] = "source"
            else:
                roles[ref.id] = "dest"
                has_dest = True
        return roles

    def _fits_move(self, fact: Fact, roles: dict[str, str | None], query: Query) -> bool:
        move = orient(fact)
        slots = {"mover": move.mover, "source": move.source, "dest": move.dest}

        def fits(entity_id: str) -> bool:
            role = roles.get(entity_id)
            if role is None or self.facts.type_of(entity_id) == "place":
                return self.facts.involves(fact, entity_id)  # "from Zurich": wherever it stands
            return self.facts.slot_matches(fact, slots[role], entity_id)

        required = [e.id for e in query.entities if not e.alternative]
        alternatives = [e.id for e in query.entities if e.alternative]
        return all(fits(e) for e in required) and (
            not alternatives or any(fits(e) for e in alternatives)
        )

    def _candidates(self, query: Query) -> list[Fact]:
        """Facts that involve every entity of the question (in the right roles for moves).

        Entities joined by "or" are alternatives: one of them is enough.
        """
        excluded = [e.id for e in query.entities if e.excluded]
        if excluded:
            kept = replace(query, entities=tuple(e for e in query.entities if not e.excluded))
            return [f for f in self._candidates(kept) if not self._names_any(f, excluded)]
        if not query.entities:
            return list(self.kb.facts)
        required = [e.id for e in query.entities if not e.alternative]
        alternatives = [e.id for e in query.entities if e.alternative]
        pool = (
            self.facts.involving.get(required[0], [])
            if required
            else [f for e in alternatives for f in self.facts.involving.get(e, [])]
        )
        facts = [
            f
            for f in {f.id: f for f in pool}.values()
            if all(self.facts.involves(f, e) for e in required)
            and (not alternatives or any(self.facts.involves(f, e) for e in alternatives))
        ]
        if query.relations & lx.MOVE_RELATIONS and "provenance" not in query.relations:
            roles = self._move_roles(query)
            facts = [
                f
                for f in facts
                if f.type not in lx.MOVE_FACT_TYPES or self._fits_move(f, roles, query)
            ]
        return facts

    def _names_any(self, fact: Fact, entity_ids: list[str]) -> bool:
        """Whether the fact is about one of `entity_ids` as its mover, source or destination
        (a move) or its subject or object (anything else)."""
        if fact.type in lx.MOVE_FACT_TYPES:
            move = orient(fact)
            slots = (move.mover, move.source, move.dest)
        else:
            slots = (fact.subject, fact.object)
        return any(self.facts.matches(slot, e) for slot in slots for e in entity_ids)

    def _wanted_types(self, query: Query) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Fact types that answer the question: asked for by its main relation, evoked by its
        other words, and acceptable as a fallback when neither exists.

        The question word's relation ("where" -> location) is the main one when there is one.
        """
        main = lx.QWORD_RELATION.get(query.qword or "")
        mains = [main] if main in query.relations else sorted(query.relations)
        primary: set[str] = set()
        fallback: set[str] = set()
        for relation in mains:
            primary |= lx.RELATION_FACT_TYPES[relation][0]
            fallback |= lx.RELATION_FACT_TYPES[relation][1]
        cued: set[str] = set()
        for relation in query.relations.difference(mains):
            cued |= lx.RELATION_FACT_TYPES[relation][0]
        return frozenset(primary), frozenset(cued - primary), frozenset(fallback - primary - cued)

    def _fits_question_word(self, fact: Fact, query: Query) -> bool:
        """Whether the fact holds the kind of value the question word asks for."""
        if query.qword == "when":
            return fact.when is not None
        if query.qword in ("how_many", "how_much"):
            return fact.quantity is not None or fact.amount is not None
        if query.qword == "where":
            return fact.place is not None or fact.via is not None or fact.type in WHERE_TYPES
        if query.qword == "why":
            return fact.type in WHY_TYPES
        return True

    def _score(self, fact: Fact, query: Query, primary: frozenset[str]) -> float:
        score = 3.0 if fact.type in primary else 0.0
        score += len(stems(query.content) & self.facts.words[fact.id]) * 0.5
        if query.entities and fact.subject == query.entities[0].id:
            score += 0.5
        return score

    def _select(self, query: Query) -> tuple[list[Fact], bool]:
        """The facts that answer `query`, best first, and whether their type was asked for."""
        primary, cued, fallback = self._wanted_types(query)
        facts = [f for f in self._candidates(query) if self._fits_question_word(f, query)]
        if (query.months or query.years) and not query.yesno:
            facts = [f for f in facts if date_agrees(f, query)]
        if query.role_words:
            facts = [f for f in facts if f.type not in ROLE_TYPES or self._names_role(f, query)]
            fallback = frozenset()  # "Who is the CEO of X?" wants that role, nothing else
        if "lead" in query.relations and not any(
            self.facts.type_of(e.id) == PERSON for e in query.entities
        ):
            # "Who runs xAI?" is not answered by who runs a part of it (its data centre).
            # A part of it counts when the question describes that part ("its AI team").
            named = {e.id for e in query.entities}
            asked = stems(query.content) - self.facts.common_stems
            facts = [
                f
                for f in facts
                if f.type not in ROLE_TYPES or f.object in named or asked & self.facts.words[f.id]
            ]
        if "biography" in query.relations:
            return [], False  # ages, birthplaces…: the facts never hold them
        if query.qword == "where" and not query.relations & lx.MOVE_RELATIONS:
            # A place answers "where"; so does a medium when the question is about a statement.
            if query.relations & SAYING_RELATIONS:
                said = [f for f in facts if f.via and f.type in lx.STANCE_FACT_TYPES]
                if said:
                    return said, True
            facts = [f for f in facts if f.place] or facts
        if "provenance" in query.relations:
            facts = [f for f in facts if f.via] or facts
            primary = primary | {f.type for f in facts if f.via}
        chosen = [f for f in facts if f.type in primary] or [f for f in facts if f.type in cued]
        matched = bool(chosen)
        if not chosen:
            chosen = [f for f in facts if f.type in fallback]
        guarded = False  # whether the facts must share the question's unexplained words
        if not chosen and not query.relations and len(query.entities) > 1:
            chosen, matched = facts, True  # "Is X Y's company?": what links them is asked
        elif not chosen and not query.cue_relations and query.qword in QUESTION_WORD_VALUES:
            chosen, guarded = facts, True  # the value asked for is there, whatever the relation
        elif not chosen and query.keywords:
            # Nothing of the asked kind: keep only facts that share the question's own words
            # ("someone's take on pay": no opinion fact, but a statement that says "pay").
            chosen = [f for f in facts if stems(query.keywords) & self.facts.words[f.id]]
        elif not chosen and not query.relations:
            chosen, guarded = facts, True  # "What did X do at Meta?": everything that links them
        chosen = self._by_tense(chosen, query)
        if guarded and self._unexplained(query, chosen):
            return [], False
        if query.qword == "who":
            chosen = self._sharing_words(chosen, query)
        chosen.sort(key=lambda f: -self._score(f, query, primary))
        return chosen, matched

    def _sharing_words(self, facts: list[Fact], query: Query) -> list[Fact]:
        """Of several facts, those that share the question's own words, when some do:
        "who managed Meta's data centres" keeps the data-centre fact, not every Meta role."""
        asked = stems({w for w in query.content if not w.isdigit()}) - self.facts.common_stems
        if not asked or len(facts) < 2:
            return facts
        return [f for f in facts if asked & self.facts.words[f.id]] or facts

    def _names_role(self, fact: Fact, query: Query) -> bool:
        """Whether a role fact is the role the question names ("CEO" is not "researcher")."""
        role = fact.role or fact.text
        said = stems(normalize(f"{role.fr} {role.en}").split())
        # Every role noun asked ("directeur scientifique") must be there, in either language.
        return all(stems(lx.role_synonyms(frozenset({w}))) & said for w in query.role_words)

    @staticmethod
    def _by_tense(facts: list[Fact], query: Query) -> list[Fact]:
        """Keep the roles of the time the question is about, when it says and the facts do."""
        if query.tense is None:
            return facts
        kept = [f for f in facts if f.tense in (None, query.tense)]
        return kept or facts

    def _unexplained(self, query: Query, facts: list[Fact], names_only: bool = False) -> bool:
        """The question asks about something (its own words) that none of the facts mention:
        "How old is…", "Where was … born" must not be answered with whatever is known."""
        words = {w for w in query.content if not w.isdigit()}
        mixed_case = not (query.text.islower() or query.text.isupper())
        if names_only and mixed_case:
            words &= query.capitalized  # only capitalised words can be names
        if not words:
            return False
        asked = stems(words)
        return not any(asked & self.facts.words[f.id] for f in facts)

    # ------------------------------------------------------------------ composing

    def _answer_query(self, query: Query) -> _Result:
        query = self._without_redundant_parents(query)
        if "biography" in query.relations and query.entities:
            return _Result(self.replies.not_stated(query.language, self._names(query)), ())
        if query.foreign:
            return _Result(self.replies.foreign(query.language), ())
        if not query.entities:
            return self._topical(query)
        if query.profile:
            return self._profile(query)
        facts, matched = self._select(query)
        if query.yesno:
            return self._yes_no(query, facts, matched)
        if not facts and query.qword == "how_many" and query.relations & lx.MOVE_RELATIONS:
            return self._count_named(query)
        if not facts:
            if not query.relations and not query.content and query.qword in (None, "what", "who"):
                return self._profile(query)
            return _Result(self.replies.not_stated(query.language, self._names(query)), ())
        confidence = self._confidence(query, 0.9 if matched else 0.6)
        return self._compose(query, facts, confidence=confidence)

    def _count_named(self, query: Query) -> _Result:
        """ "How many joined xAI in April?" with no count stated: the people the articles name."""
        facts, _ = self._select(replace(query, qword="who"))
        movers = list(dict.fromkeys(m for f in facts if (m := orient(f).mover)))
        if not movers:
            return _Result(self.replies.not_stated(query.language, self._names(query)), ())
        names = [self.kb.entities[m].name.get(query.language) for m in movers]
        result = self._compose(query, facts, confidence=self._confidence(query, 0.7))
        text = (
            f"{self.replies.count_named(len(names), names, query.language)}\n{result.answer.text}"
        )
        return _Result(result.answer.model_copy(update={"text": text}), tuple(movers))

    def _topical(self, query: Query) -> _Result:
        """A question naming no entity: answer from facts of the asked type, or say what we know."""
        if query.foreign:
            return _Result(self.replies.foreign(query.language), ())
        if query.type_noun and not query.cue_relations and not query.yesno:
            return self._catalogue(query, query.type_noun)
        numbered = [f for f in self.kb.facts if states_number(f, query.numbers)]
        if numbered and not query.comparisons:
            return self._compose(query, numbered[:4], confidence=0.7)  # "What are the 200 million?"
        primary, cued, _ = self._wanted_types(query)
        if query.greeting or query.yesno or not (primary or query.content):
            return _Result(self.replies.unknown(query.language, greeting=query.greeting), ())
        facts = [
            f
            for f in self.kb.facts
            if f.type in primary | cued and self._fits_question_word(f, query)
        ]
        if query.months or query.years:
            facts = [f for f in facts if date_agrees(f, query)]
        if query.role_words:
            facts = [f for f in facts if f.type not in ROLE_TYPES or self._names_role(f, query)]
        asked = stems(query.content)
        if asked and not any(asked & self.facts.words[f.id] for f in facts):
            # "Why are on-device models an asset?": no fact of that type says it, another does.
            saying = [f for f in self.kb.facts if len(asked & self.facts.words[f.id]) >= 2]
            facts = saying or facts
        if not facts or self._unexplained(query, facts, names_only=True):
            # "Who joined Nvidia from Intel?": names we do not know are not a topic to list.
            return _Result(self.replies.unknown(query.language), ())
        # With no name to anchor it, the question's own words pick among the facts.
        keywords = stems(query.keywords) - self.facts.common_stems
        overlap = {f.id: len(keywords & self.facts.words[f.id]) for f in facts}
        if max(overlap.values()):
            facts = [f for f in facts if overlap[f.id]]
        facts.sort(key=lambda f: (-overlap[f.id], -self._score(f, query, primary)))
        return self._compose(query, facts, confidence=0.6)

    def _catalogue(self, query: Query, entity_type: str) -> _Result:
        """ "Which companies / models are mentioned?": every entity of that kind, described."""
        lang = query.language
        members = [e for e in self.kb.entities.values() if e.type == entity_type]
        if not members:
            return _Result(self.replies.unknown(lang), ())
        names = [e.name.get(lang) for e in members]
        lines = [f"{e.name.get(lang)} — {e.description.get(lang)}" for e in members]
        evidence = [self.facts.involving[e.id][0] for e in members if e.id in self.facts.involving]
        text = self.replies.compose(lang, lines, headline=self.replies.join_names(names, lang))
        answer = Answer(
            kind="answer",
            language=lang,
            text=text,
            citations=self._citations(list({f.id: f for f in evidence}.values())),
            confidence=0.7,
        )
        return _Result(answer, tuple(e.id for e in members))

    def _profile(self, query: Query) -> _Result:
        entity = self.kb.entities[query.entities[0].id]
        involving = self.facts.involving.get(entity.id, [])
        own = [f for f in involving if f.subject == entity.id]
        others = [f for f in involving if f.subject != entity.id]
        chosen = sorted(own, key=lambda f: PROFILE_ORDER.index(f.type))[:4]
        chosen += others[: max(0, 3 - len(chosen))]
        separator = " : " if query.language == "fr" else ": "
        description = clause(entity.description.get(query.language))
        lead = f"{entity.name.get(query.language)}{separator}{description}"
        return self._compose(query, chosen, confidence=self._confidence(query, 0.9), lead=lead)

    def _yes_no(self, query: Query, facts: list[Fact], matched: bool) -> _Result:
        """Yes or No when the articles settle it; else what they do say, without a verdict."""
        if query.content & query.capitalized:
            # "Did Amazon poach anyone from Meta?": a name the articles never mention.
            return _Result(self.replies.not_stated(query.language, self._names(query)), ())
        stance = bool(facts) and facts[0].type in lx.STANCE_FACT_TYPES
        if (
            facts
            and any(
                not any(f.type in lx.RELATION_FACT_TYPES[r][0] for f in facts)
                for r in query.cue_relations & ATTRIBUTE_RELATIONS
            )
            and not stance
        ):
            # "Did he get a pay rise when he moved?": the move is there, the pay never is.
            return _Result(self.replies.not_stated(query.language, self._names(query)), ())
        if facts and (matched or stance):
            verdict = "yes"
            best = facts[0]
            dates = [date_agrees(f, query) for f in facts]
            if (query.months or query.years) and True not in dates:
                # "In June?" when the articles say May is a No; "this week" settles nothing.
                verdict = "no" if False in dates else "unsettled"
            elif query.present and all(self._no_longer(f, query) for f in facts):
                verdict = "no"  # "Is he still…?" when the articles say "former" or "left"
                facts = facts + self._moves_away(query, facts)
            elif query.comparisons and (numeric := compare_numbers(facts, query)) is not None:
                verdict = numeric  # "More than 2,000 employees?" against "about 1,200"
            elif best.type in lx.STANCE_FACT_TYPES:
                # "Did Anthropic match the offers?" — it refused them: the wording settles it.
                verdict = "no" if self._polarity(best) != query.negative else "yes"
            elif self._unexplained_in_any(query, facts):
                verdict = "unsettled"  # "Did he move to Texas?": the facts never say Texas
            confidence = self._confidence(query, 0.9)
            return self._compose(query, facts, confidence=confidence, verdict=verdict)
        primary = self._wanted_types(query)[0]
        main = query.entities[0].id
        own = [
            f
            for f in self.facts.involving.get(main, [])
            if f.type in primary
            and (self.facts.matches(f.subject, main) or self.facts.mover_is(f, main))
        ]
        others = [e.id for e in query.entities[1:]]
        # "Did Pang join Google?" is not a No when his move to Apple came from Google.
        linked = any(self.facts.involves(f, o) for f in own for o in others)
        if own and others and not linked and self.facts.type_of(main) == PERSON:
            # The articles say the same thing happened with someone or somewhere else.
            return self._compose(
                query, own[:4], confidence=self._confidence(query, 0.7), verdict="no"
            )
        related = facts or self._related(query, primary)
        if related:
            return self._compose(
                query, related[:4], confidence=self._confidence(query, 0.5), verdict="unsettled"
            )
        return _Result(self.replies.not_stated(query.language, self._names(query)), ())

    def _related(self, query: Query, primary: frozenset[str]) -> list[Fact]:
        """Facts of the asked kind about any of the question's entities, for a reply that
        cannot say Yes or No but can say what the articles do state."""
        main = self.facts.involving.get(query.entities[0].id, [])
        typed = [f for f in main if f.type in primary]
        if query.relations & lx.MOVE_RELATIONS:
            # Only moves on the asked side: "did Meta hire…" is not answered by Meta's losses.
            alone = replace(query, entities=query.entities[:1])
            side = {query.entities[0].id: self._move_roles(query).get(query.entities[0].id)}
            typed = [
                f
                for f in typed
                if f.type not in lx.MOVE_FACT_TYPES or self._fits_move(f, side, alone)
            ]
        if typed or (primary and (not main or query.relations & ATTRIBUTE_RELATIONS)):
            return typed  # a pay or a duration never stated is not answered by other facts
        if primary:
            return main[:2]  # what the articles say of the one asked about
        # No kind asked: the facts naming most of the question's entities and words.
        asked = stems(query.content)
        pool = {f.id: f for e in query.entities for f in self.facts.involving.get(e.id, [])}

        def relevance(fact: Fact) -> tuple[int, int]:
            named = sum(self.facts.involves(fact, e.id) for e in query.entities)
            return named, len(asked & self.facts.words[fact.id])

        return sorted(pool.values(), key=relevance, reverse=True)[:2]

    def _unexplained_in_any(self, query: Query, facts: list[Fact]) -> bool:
        """Some word of the question that no lexicon explains is in none of the facts."""
        words = {w for w in query.content if not w.isdigit()}
        covered = frozenset().union(*(self.facts.words[f.id] for f in facts))
        return any(stems({w}) and not stems({w}) & covered for w in words)

    def _polarity(self, fact: Fact) -> bool:
        """True when the fact's wording is negative (refused, without, criticised…)."""
        return any(lx.negative(w) for w in normalize(fact.text.en.replace("n't", " not")).split())

    def _no_longer(self, fact: Fact, query: Query) -> bool:
        """The fact places the person in the past: a former role, or a move away from there."""
        if fact.tense == "past":
            return True
        asked = [e.id for e in query.entities if self.facts.type_of(e.id) != PERSON]
        return fact.type in lx.MOVE_FACT_TYPES and any(
            self.facts.matches(orient(fact).source, a) for a in asked
        )

    def _moves_away(self, query: Query, facts: list[Fact]) -> list[Fact]:
        """The moves that took the question's person away from where the facts place them."""
        people = [e.id for e in query.entities if self.facts.type_of(e.id) == PERSON]
        places = {f.object for f in facts if f.object}
        return [
            f
            for person in people
            for f in self.facts.involving.get(person, [])
            if f.type in lx.MOVE_FACT_TYPES
            and orient(f).mover == person
            and any(self.facts.matches(orient(f).source, p) for p in places)
            and f not in facts
        ]

    def _answer_side(self, fact: Fact, query: Query, organisations: bool) -> list[str]:
        """The entities a fact contributes to a list answer: those the question did not name."""
        asked = {e.id for e in query.entities}
        if fact.type in lx.MOVE_FACT_TYPES:
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

    def _compose(
        self,
        query: Query,
        facts: list[Fact],
        *,
        confidence: float,
        verdict: str | None = None,
        lead: str | None = None,
    ) -> _Result:
        lang = query.language
        organisations = bool(lx.ORGANIZATION_NOUNS & set(query.words))
        subjects: list[str] = []
        for fact in facts:
            for entity_id in self._answer_side(fact, query, organisations):
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
            citations=self._citations(ordered),
            confidence=round(confidence, 2),
        )
        return _Result(answer, tuple(subjects))

    def _citations(self, facts: list[Fact]) -> list[Citation]:
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

    def _confidence(self, query: Query, base: float) -> float:
        link = min((e.score for e in query.entities), default=100.0) / 100
        return max(0.0, min(1.0, base * link))

    def _names(self, query: Query) -> list[str]:
        return [self.kb.entities[e.id].name.get(query.language) for e in query.entities]


WHERE_TYPES = lx.RELATION_FACT_TYPES["location"][1] | {"location"}
# Relations naming an attribute a yes/no question asks about: missing, nothing is settled.
ATTRIBUTE_RELATIONS = frozenset({"amount", "duration"})
ROLE_TYPES = frozenset({"role", "leads"})
SAYING_RELATIONS = frozenset({"statement", "opinion", "criticism"})
QUESTION_WORD_VALUES = frozenset({"when", *lx.QWORD_RELATION})
WHY_TYPES = lx.RELATION_FACT_TYPES["reason"][0] | lx.STANCE_FACT_TYPES | {"risk"}


def fallback_language(context: Conversation, hint: str | None) -> str:
    """The language of a message that shows none: the conversation's, the caller's hint, English."""
    return context.language or (hint if hint in ("fr", "en") else "en")


@dataclass(frozen=True)
class _Result:
    answer: Answer
    subjects: tuple[str, ...]  # entities the answer is about, for "he/she" in the next message
