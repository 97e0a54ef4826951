"""The conversation around a question: follow-ups, pending clarifications, what to remember."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import PERSON, Result
from bot.engine.factindex import orient
from bot.engine.families.attribution import asks_attribution, asks_medium, points_back
from bot.engine.state import State
from bot.engine.toolkit import Toolkit
from bot.kb import facttypes as ft
from bot.model import Answer, Option
from bot.nlu import lexicon as lx
from bot.nlu.parsing import EntityRef, Query, frame_relations


class Dialogue:
    """Reads a question in the light of the conversation, and says what the conversation becomes
    (a new `State`: the one given is never changed)."""

    def __init__(self, tk: Toolkit) -> None:
        self.tk = tk
        self.kb = tk.kb
        self.facts = tk.facts
        self.replies = tk.replies

    def resolve_pending(self, query: Query, state: State) -> tuple[Query | None, State]:
        """A reply to a clarification: the original question with the chosen entity; "what
        about the other?" after it: the same question with an option not chosen. None when
        `query` is neither; with the state either way."""
        pending: Query | None = state.pending
        if pending is None and state.other_options and self.asks_other(query):
            other, *rest = state.other_options
            clarified = state.clarified
            assert clarified is not None  # kept together with the options
            resolved = clarified.with_entities((*clarified.entities, EntityRef(other)))
            return resolved, replace(state, other_options=tuple(rest))
        if pending is None or pending.ambiguous is None:
            return None, state
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
            # "celui de X", "the X one": the option that shares a fact with it.
            linked = [
                option
                for option in options
                if any(self.facts.involving_all([option, e.id]) for e in query.entities)
            ]
            chosen = linked if len(linked) == 1 else []
        complete = query.qword is not None or query.relations or query.yesno
        state = replace(state, pending=None)
        if not chosen or (complete and not query.ellipsis):
            return None, state  # a new, complete question: the clarification is dropped
        state = self.remember_choice(pending, chosen[0], state)
        return pending.with_entities((*pending.entities, EntityRef(chosen[0]))), state

    @staticmethod
    def remember_choice(pending: Query, chosen: str, state: State) -> State:
        """Keep the clarified question and the options left, for "what about the other?"."""
        assert pending.ambiguous is not None
        return replace(
            state,
            clarified=pending.with_entities(pending.entities),
            other_options=tuple(i for i in pending.ambiguous.entity_ids if i != chosen),
        )

    @staticmethod
    def asks_other(query: Query) -> bool:
        """ "What about the other?", "et l'autre ?": nothing named, an "other" word."""
        return not query.entities and bool(set(query.words) & lx.OTHER_WORDS)

    @staticmethod
    def the_other_namesake(query: Query, state: State) -> Query:
        """ "What about the other Chen?" after one Chen: the holder of the name not just
        spoken of, when the name has two."""
        named = query.ambiguous
        if named is None or not set(query.words) & lx.OTHER_WORDS or not state.last_person:
            return query
        left = [c for c in named.entity_ids if c != state.last_person]
        if len(left) != 1 or len(left) == len(named.entity_ids):
            return query
        chosen = query.with_entities((*query.entities, EntityRef(left[0], position=named.start)))
        # "other" has done its work: it is no topic the facts must speak of
        return replace(
            chosen,
            content=chosen.content - lx.OTHER_WORDS,
            keywords=chosen.keywords - lx.OTHER_WORDS,
        )

    def resolve_followup(self, query: Query, state: State) -> Query:
        """Fill in what a follow-up leaves out from the conversation's previous question."""
        if query.unknown_names:
            return (
                query  # "and <a stranger>?": about whom the articles say nothing, nothing to fill
            )
        if state.last_facts and (
            asks_attribution(query) or asks_medium(self.tk, query, state.last_facts)
        ):
            return replace(query, sourced_facts=state.last_facts)  # "who says so?"
        query = self.the_other_namesake(query, state)
        last: Query | None = state.last_query
        has_person = any(self.facts.type_of(e.id) == PERSON for e in query.entities)
        if query.pronoun and state.last_strangers and not query.ambiguous:
            # "Did he recruit X?" after a stranger: "he" is the stranger, and X is someone else.
            return replace(query, unknown_names=state.last_strangers)
        additive = query.qword == "who" and bool(set(query.words) & lx.ADDITIVE_WORDS)
        if query.pronoun and not has_person and state.last_person and additive:
            # "Who else joined X with him?": the others, him left out of the answer.
            him = EntityRef(state.last_person, excluded=True)
            joined = [] if query.entities else self.destinations(state.last_person)
            where = [EntityRef(joined[0], role="dest")] if len(joined) == 1 else []
            query = query.with_entities((*query.entities, *where, him))
        elif query.pronoun and not has_person and state.last_person and not query.ambiguous:
            him = EntityRef(state.last_person, position=_pronoun_at(query))  # its role: where it is
            query = query.with_entities((him, *query.entities))
        elif not has_person and not query.ambiguous and moved_by_pronoun(query):
            return replace(query, no_antecedent=True)  # no one named before: never guess
        elif query.plural_pronoun and not query.entities and state.last_entities:
            query = query.with_entities(tuple(EntityRef(e) for e in state.last_entities))
        elif (
            query.plural_pronoun
            and state.last_entities
            and (query.yesno or all(e.role == "source" for e in query.entities))
        ):
            # "How many of them came from X?", "and did they hire from X too?": "they" are the
            # last question's or answer's, not anyone who did.
            query = query.with_entities((*self.they(query, state), *query.entities))
        # "Where did he say it?": "it" is what was said, not a thing asked about before.
        said = query.cue_relations & SAID_RELATIONS
        if query.thing_pronoun is not None and not said:
            asked = {e.id for e in query.entities}
            things = [
                e for e in state.last_entities if self.facts.type_of(e) != PERSON and e not in asked
            ]
            if things:
                thing = EntityRef(things[-1], position=query.thing_pronoun)
                query = query.with_entities((*query.entities, thing))
        if last is None:
            return query
        bare = not query.entities and query.ambiguous is None and len(query.words) <= 6
        if asks_whom(query):
            return query  # "and who criticised X?": a question of its own, about someone else
        if query.ellipsis or (bare and (query.qword or query.relations)):
            return self.merge(last, query)
        return query

    @staticmethod
    def they(query: Query, state: State) -> list[EntityRef]:
        """The last entities a plural pronoun stands for, past those the question names."""
        asked = {e.id for e in query.entities}
        them = [e for e in state.last_entities if e not in asked]
        return [EntityRef(e, position=_pronoun_at(query)) for e in them]

    def destinations(self, person: str) -> list[str]:
        """Where the person moved to, as the facts tell it ("with him": to the same place)."""
        found = [
            f.object if f.type == "joined" else f.subject
            for f in self.facts.involving.get(person, [])
            if (f.type == "joined" and f.subject == person and f.object)
            or (f.type == "hired" and f.object == person)
        ]
        return list(dict.fromkeys(e for e in found if e))

    def merge(self, last: Query, new: Query) -> Query:
        """`new` completes `last`: its entities replace those of the same kind, its frame wins."""
        entities = list(last.entities)
        replaced = 0  # new entities taking the place of one of the same kind
        for ref in new.entities:
            kind = self.facts.type_of(ref.id) == PERSON
            same = [
                i
                for i, old in enumerate(entities)
                if (self.facts.type_of(old.id) == PERSON) == kind and (ref.role in (None, old.role))
            ]
            # "And B?" takes the place of one the asker typed before, not of one filled in.
            same.sort(key=lambda i: entities[i].position < 0)
            if same:
                replaced += 1
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
            # "And finalised when?": its own words say what is asked now, not the last ones
            keywords=new.keywords or last.keywords,
            # "Which one joined first?", "who hired more?": the rank or comparison asked now
            order=new.order or last.order,
            comparative=new.comparative or last.comparative,
            # "Who?", "and from B?" after a question about a stranger are still about the
            # stranger; "and B?" in the stranger's place asks about B instead.
            unknown_names=last.unknown_names if replaced == len(new.entities) else (),
        )

    def remember(self, query: Query, result: Result, state: State) -> State:
        """The state after `result` answered `query`: who and what a follow-up refers to."""
        strangers = tuple(n for n in query.unknown_names if " " in n)  # a first name and more
        asked = query.qword or query.relations or query.yesno  # a question, not noise
        if strangers and asked and not query.pronoun:
            # "Who is <a stranger>?": a "he" next is the stranger, not someone asked before;
            # a bare "who?" or "and from B?" completes the question about the stranger.
            kept = replace(query, sourced_facts=()) if query.entities else None
            return replace(state, last_query=kept, last_person=None, last_strangers=strangers)
        if query.sourced_facts:
            # "Who says so?" asks about the last answer: the question before it stays the one
            # a follow-up completes; "he" next is the source when it is one person.
            sources = [e for e in result.subjects if self.facts.type_of(e) == PERSON]
            person = sources[0] if len(sources) == 1 else state.last_person
            return replace(state, last_facts=result.facts, last_person=person)
        if result.answer.kind == "unknown" and not query.entities:
            return state  # a greeting or noise must not make the next "And when?" lose its subject
        people = [e.id for e in query.entities if self.facts.type_of(e.id) == PERSON]
        answer_people = [e for e in result.subjects if self.facts.type_of(e) == PERSON]
        last_person = state.last_person
        if len(answer_people) == 1 and not people:
            last_person = answer_people[0]
        elif people:
            last_person = people[-1]
        return replace(
            state,
            # A stranger a pronoun stood for stays in last_strangers; one the question named
            # stays in it for a bare follow-up ("who?"), which `merge` reads.
            last_query=replace(
                query.with_entities(query.entities),
                unknown_names=() if query.pronoun else query.unknown_names,
                sourced_facts=(),
            ),
            last_person=last_person,
            last_entities=tuple(e.id for e in query.entities) or state.last_entities,
            last_facts=result.facts,
            last_strangers=state.last_strangers if last_person is None else (),
        )

    def disambiguate(self, query: Query) -> Query | None:
        """Pick the one candidate that shares a fact with the question's other entities: those
        it is compared with ("Lind, Strand or Varga") are its peers, not its facts' partners."""
        assert query.ambiguous is not None
        others = [e.id for e in query.entities if not e.alternative] or [
            e.id for e in query.entities
        ]
        if compares_people(query) and all(
            self.facts.type_of(c) == PERSON for c in query.ambiguous.entity_ids
        ):
            # "Lind or Strand, who joined X first?": the other people are peers, each with
            # facts of their own; what ties the name to the question is the rest of it.
            candidates = query.ambiguous.entity_ids
            others = [o for o in others if self.facts.type_of(o) != PERSON or o in candidates]
        moves_compared = compares_people(query) and bool(query.relations & lx.MOVE_RELATIONS)
        if query.yesno and not (moves_compared and not others):
            # A yes/no question must not be settled by the choice of name; "did Lind join
            # before Strand?" is settled by the dates, whichever Lind moved.
            return None
        if others:
            fitting = [
                candidate
                for candidate in query.ambiguous.entity_ids
                if self.facts.involving_all([candidate, *others])
            ]
        elif moves_compared:
            # "Did Lind join before or after Strand?": of the Linds, the one who moved at all
            fitting = [c for c in query.ambiguous.entity_ids if self.moved(c)]
        else:
            return None
        if len(fitting) != 1:
            return None
        # In its place among the others: "did Lind join before Strand?" keeps Lind first.
        chosen = EntityRef(fitting[0], position=query.ambiguous.start)
        refs = sorted((*query.entities, chosen), key=lambda e: (e.position < 0, e.position))
        return query.with_entities(tuple(refs))

    def moved(self, person: str) -> bool:
        """The person joined or left somewhere, as a fact plainly says (not a denied move)."""
        return any(
            f.type in ft.MOVE_FACT_TYPES and orient(f).mover == person and f.polarity != "negated"
            for f in self.facts.involving.get(person, ())
        )

    def clarify(self, query: Query, state: State) -> tuple[Answer, State]:
        """Ask which entity an ambiguous name means; the question waits in the state."""
        assert query.ambiguous is not None
        options = [
            Option(id=i, label=self.kb.entities[i].name.get(query.language))
            for i in query.ambiguous.entity_ids
        ]
        answer = self.replies.clarify(query.language, options, self.kb.entities)
        return answer, replace(state, pending=query)


def _pronoun_at(query: Query) -> int:
    """Where the question's pronoun for a person or a group stands, around a hire verb (whose
    side it tells: "did she hire…?", she hired); else -1, as an entity not typed there."""
    if not any(kind == "hire" for _, kind in query.move_verbs):
        return -1
    pronouns = lx.PRONOUNS | lx.PLURAL_PRONOUNS
    return next((i for i, w in enumerate(query.words) if w in pronouns), -1)


SAID_RELATIONS = frozenset({"statement", "opinion"})


_INVERTING = lx.FR_AUXILIARIES | lx.COPULAS | {"t"}


def moved_by_pronoun(query: Query) -> bool:
    """ "When did he join X?", "il a quitté X ?": a pronoun for a person does the moving (a
    company is hired or hires; "il y a" is no one). Not in "who…before he left?", where he is
    the one asked for."""
    if not query.pronoun or query.qword == "who":
        return False
    words = query.words
    personal = any(
        w in lx.PERSON_PRONOUNS
        and words[i + 1 : i + 2] != ("y",)
        and not (i and words[i - 1] in _INVERTING)  # "quelqu'un a-t-il…": the subject's echo
        for i, w in enumerate(words)
    )
    return personal and any(verb in ("join", "leave") for _, verb in query.move_verbs)


def asks_whom(query: Query) -> bool:
    """ "And who criticised the offers?", "et le directeur scientifique, c'est qui ?": a person
    asked for by what they did or hold, naming no one; no "who else?", no "who hired him?",
    no "who reported that figure?" (what it points at is in the last answer)."""
    return (
        query.qword == "who"
        and not query.entities
        and not query.pronoun
        and bool(query.cue_relations or query.role_words)
        and not set(query.words) & lx.ADDITIVE_WORDS
        and not points_back(query)
    )


def compares_people(query: Query) -> bool:
    """The question sets people side by side (who came first, before whom, who hired more)."""
    words = set(query.words)
    return bool(
        query.order
        or query.comparative
        or words & (lx.BEFORE_WORDS | lx.AFTER_WORDS)
        or (any(e.alternative for e in query.entities) and bool(words & ALTERNATIVES))
    )


# "Lind or Strand?" sets them side by side; "Lind and Strand" asks of both, together.
ALTERNATIVES = frozenset({"or", "ou"})
