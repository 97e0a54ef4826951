"""Fact selection: which facts of the base answer a parsed question, best first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz

from bot.engine.factindex import PERSON, FactIndex, orient
from bot.engine.measures import asks_organisations, counted_noun, counts_it, date_agrees
from bot.engine.roles import ROLE_TYPES, RoleIndex, says_leading, title_relations
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query
from bot.nlu.query import EntityRef
from bot.text import normalize, shortened

WHERE_TYPES = ft.RELATION_FACT_TYPES["location"][1] | {"location"}
# Relations naming an attribute a yes/no question asks about: missing, nothing is settled.
ATTRIBUTE_RELATIONS = frozenset({"amount", "duration"})
SAYING_RELATIONS = frozenset({"statement", "opinion", "criticism"})
QUESTION_WORD_VALUES = frozenset({"when", *lx.QWORD_RELATION})
# A word this close to a word of a named entity's name is that name misspelt ("Alexander").
STAFF_REACH = 3  # words after a hire verb where its staff object stands ("hire some people")
NAME_TYPO_RATIO = 85
REASON_TYPES = ft.RELATION_FACT_TYPES["reason"][0]
WHY_TYPES = REASON_TYPES | ft.STANCE_FACT_TYPES | {"risk"}


class Selector:
    """Picks facts by type, participants (and their side of a move), question word and tense."""

    def __init__(
        self,
        base: KnowledgeBase,
        facts: FactIndex,
        implied: dict[str, frozenset[str]] | None = None,
    ) -> None:
        """`implied`, the titles' relations of a selector over the very same facts."""
        self.kb = base
        self.facts = facts
        # What each fact's title implies ("former CEO of X": led X), computed once.
        self.implied = (
            implied if implied is not None else {f.id: title_relations(f) for f in base.facts}
        )
        self.roles = RoleIndex(facts)  # which role facts name the role a question asks

    def without_redundant_parents(self, query: Query) -> Query:
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

    def move_roles(self, query: Query) -> dict[str, str | None]:
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
        if hiring:
            roles.update(self._hiring_people(query, verb_at))
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

    def _hiring_people(self, query: Query, verb_at: int) -> dict[str, str]:
        """ "Did Ada hire people from X?": the person before an active hire verb with staff
        for its object, no organisation between ("Ada, Zeta l'a recrutée": Zeta hired), is
        who hired; "Ada recrutée le 3 mai ?" tells her own move."""
        staffed = set(query.words[verb_at + 1 : verb_at + 1 + STAFF_REACH]) & lx.STAFF_NOUNS
        refs = [r for r in query.entities if 0 <= r.position < verb_at]
        nearest = max(refs, key=lambda r: r.position, default=None)
        if not staffed or nearest is None or self.facts.type_of(nearest.id) != PERSON:
            return {}
        return {nearest.id: "dest"}

    def fits_move(self, fact: Fact, roles: dict[str, str | None], query: Query) -> bool:
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

    def candidates(self, query: Query) -> list[Fact]:
        """Facts that involve every entity of the question (in the right roles for moves).

        Entities joined by "or" are alternatives: one of them is enough.
        """
        excluded = [e.id for e in query.entities if e.excluded]
        if excluded:
            kept = replace(query, entities=tuple(e for e in query.entities if not e.excluded))
            return [f for f in self.candidates(kept) if not self.names_any(f, excluded)]
        if not query.entities:
            return list(self.kb.facts)
        required = [e.id for e in query.entities if not e.alternative]
        alternatives = [e.id for e in query.entities if e.alternative]
        pool = (
            self.facts.involving_all(required)
            if required
            else [f for e in alternatives for f in self.facts.involving.get(e, [])]
        )
        facts = [
            f
            for f in {f.id: f for f in pool}.values()
            if not alternatives or any(self.facts.involves(f, e) for e in alternatives)
        ]
        # "According to whom…?" asks for a source, except around a hire or a departure, whose
        # sides still hold ("from which firms has X been recruiting, according to…?").
        sided = "provenance" not in query.relations or (
            query.qword != "where" and any(kind != "join" for _, kind in query.move_verbs)
        )
        if query.relations & lx.MOVE_RELATIONS and sided:
            roles = self.move_roles(query)
            facts = [
                f
                for f in facts
                if f.type not in ft.MOVE_FACT_TYPES or self.fits_move(f, roles, query)
            ]
        return facts

    def moves_on_any_side(self, query: Query) -> list[Fact]:
        """The moves that involve every entity of a move question, whatever their side."""
        if not query.relations & lx.MOVE_RELATIONS or not query.entities:
            return []
        unsided = replace(query, relations=query.relations - lx.MOVE_RELATIONS)
        moves = [f for f in self.candidates(unsided) if f.type in ft.MOVE_FACT_TYPES]
        return [f for f in moves if self.fits_question_word(f, query)]

    def names_any(self, fact: Fact, entity_ids: list[str]) -> bool:
        """Whether the fact is about one of `entity_ids` as its mover, source or destination
        (a move) or its subject or object (anything else)."""
        if fact.type in ft.MOVE_FACT_TYPES:
            move = orient(fact)
            slots: tuple[str | None, ...] = (move.mover, move.source, move.dest)
        else:
            slots = (fact.subject, fact.object)
        return any(self.facts.matches(slot, e) for slot in slots for e in entity_ids)

    def wanted_types(self, query: Query) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Fact types that answer the question: asked for by its main relation, evoked by its
        other words, and acceptable as a fallback when neither exists.

        The question word's relation ("where" -> location) is the main one when there is one;
        so is the relation of the noun a "what/which" asks about ("what risks…").
        """
        main = lx.QWORD_RELATION.get(query.qword or "") or asked_noun_relation(query)
        mains = [main] if main in query.relations else sorted(query.relations)
        moved = query.cue_relations & lx.MOVE_RELATIONS
        if main == "count" and moved:
            mains = sorted(moved)  # "how many did X hire": the hires are counted, not its staff
        elif main == "count" and any(came_from(query, e) for e in query.entities):
            mains = ["count", "move_in"]  # "how many of its staff from X": those hired from X
        primary: set[str] = set()
        fallback: set[str] = set()
        for relation in mains:
            primary |= ft.RELATION_FACT_TYPES[relation][0]
            fallback |= ft.RELATION_FACT_TYPES[relation][1]
        cued: set[str] = set()
        for relation in query.relations.difference(mains):
            cued |= ft.RELATION_FACT_TYPES[relation][0]
        return frozenset(primary), frozenset(cued - primary), frozenset(fallback - primary - cued)

    def fits_question_word(self, fact: Fact, query: Query) -> bool:
        """Whether the fact holds the kind of value the question word asks for."""
        if query.qword == "when":
            return fact.when is not None
        if query.qword in ("how_many", "how_much"):
            counted = counted_noun(query)
            if counted is not None:  # "combien de documents…": not a count of people
                return counts_it(fact, counted)
            return fact.quantity is not None or fact.amount is not None
        if query.qword == "where":
            return fact.place is not None or fact.via is not None or fact.type in WHERE_TYPES
        if query.qword == "why":
            return fact.type in WHY_TYPES or fact.id in self.facts.purposes
        return True

    def score(self, fact: Fact, query: Query, primary: frozenset[str]) -> float:
        return self.scorer(query, primary)(fact)

    def scorer(self, query: Query, primary: frozenset[str]) -> Callable[[Fact], float]:
        """`score` of one question, its stems read once for all the facts scored."""
        asked = self.facts.stems(query.content, query.language)
        relations = query.relations
        first = query.entities[0].id if query.entities else None
        words = self.facts.words

        def score(fact: Fact) -> float:
            value = 3.0 if fact.type in primary else 0.0
            if fact.type in relations:
                value += 1.0  # the type named after the asked relation answers it most directly
            value += len(asked & words[fact.id]) * 0.5
            if first is not None and fact.subject == first:
                value += 0.5
            return value

        return score

    def select(self, query: Query) -> tuple[list[Fact], bool]:
        """The facts that answer `query`, best first, and whether their type was asked for."""
        primary, cued, fallback = self.wanted_types(query)
        facts = [f for f in self.candidates(query) if self.fits_question_word(f, query)]
        if query.qword == "why":
            # A stated reason first; a purpose inside another fact when no reason is stated;
            # else what the answer's own sentence says beside it ("a blow to X, whose
            # strategy remains cautious"): the article's explanation, quoted with it.
            facts = [f for f in facts if f.type in WHY_TYPES] or facts
            if facts and facts[0].type not in REASON_TYPES:
                taken = {f.id for f in facts}
                beside = [
                    f for f in self.facts.same_sentence(facts[0])
                    if f.type in WHY_TYPES and f.id not in taken
                ]  # fmt: skip
                facts = [facts[0], *beside, *facts[1:]]
            primary = primary | {f.type for f in facts if f.id in self.facts.purposes}
        if (query.months or query.years) and not query.yesno:
            facts = [f for f in facts if date_agrees(f, query)]
        if query.role_words:
            facts = [
                f
                for f in facts
                if f.type not in ROLE_TYPES or self.roles.names_role(f, query.role_words)
            ]
            fallback = frozenset()  # "Who is the CEO of X?" wants that role, nothing else
        if "lead" in query.relations and not any(
            self.facts.type_of(e.id) == PERSON for e in query.entities
        ):
            # Who runs a company is not answered by who runs a part of it (its data centre).
            # A part of it counts when the question describes that part ("its AI team").
            named = {e.id for e in query.entities}
            # The question's rare words describe it; when all are frequent (a small base where
            # "lab" and "labs" stem alike), all of them do.
            described = self.facts.stems(query.content, query.language)
            asked = (described - self.facts.common_stems) or described
            facts = [
                f
                for f in facts
                if f.type not in ROLE_TYPES or f.object in named or asked & self.facts.words[f.id]
            ]
            if asks_organisations(query):  # "which firm led…": no person's title answers
                facts = [
                    f
                    for f in facts
                    if f.type not in ROLE_TYPES or self.facts.type_of(f.subject) != PERSON
                ]
        if "invest" in query.relations:
            # Who invested: the investments; "who led the round": its lead investor first.
            invested = [f for f in facts if f.type in ft.RELATION_FACT_TYPES["invest"][0]]
            if "lead" in query.relations:
                invested = [f for f in invested if f.role] or invested
            if invested:
                facts, primary = invested, primary | {f.type for f in invested}
        if "biography" in query.relations:
            return [], False  # ages, birthplaces…: the facts never hold them
        if query.qword == "where" and not query.relations & lx.MOVE_RELATIONS:
            # A place answers "where"; so does a medium when the question is about a statement.
            if query.relations & SAYING_RELATIONS:
                said = [f for f in facts if f.via and f.type in ft.STANCE_FACT_TYPES]
                if said:
                    return said, True
            facts = [f for f in facts if f.place] or facts
        if "provenance" in query.relations:
            facts = [f for f in facts if f.via] or facts
            primary = primary | {f.type for f in facts if f.via}
        chosen = [
            f for f in facts if f.type in primary or query.relations & self.implied[f.id]
        ] or [f for f in facts if f.type in cued]
        matched = bool(chosen)
        if not chosen:
            chosen = [f for f in facts if f.type in fallback and self.may_answer(f, query)]
        guarded = False  # whether the facts must share the question's unexplained words
        if not chosen and not query.relations and len(query.entities) > 1:
            chosen, matched = facts, True  # "Is X Y's company?": what links them is asked
        elif not chosen and not query.cue_relations and query.qword in QUESTION_WORD_VALUES:
            chosen, guarded = facts, True  # the value asked for is there, whatever the relation
        elif not chosen and query.qword == "who" and "lead" in query.relations:
            pass  # "who leads the <word> lab?": sentences sharing its words name no leader
        elif not chosen and (keywords := query.keywords - self.misspelt_names(query)):
            # Nothing of the asked kind: keep only facts that share the question's own words
            # ("someone's take on pay": no opinion fact, but a statement that says "pay").
            own = self.facts.stems(keywords, query.language)
            chosen = [f for f in facts if own & self.facts.words[f.id]]
        elif not chosen and not query.relations:
            chosen, guarded = facts, True  # "What did X do at Meta?": everything that links them
        chosen = self.by_tense(chosen, query)
        if guarded and self.unexplained(query, chosen):
            return [], False
        if query.qword == "how_much" and query.role_words:
            # "How much does X pay its engineers?": one person's package is not their pay.
            named = {e.id for e in query.entities}
            chosen = [
                f
                for f in chosen
                if not (f.object and self.facts.type_of(f.object) == PERSON) or f.object in named
            ]
        if query.qword == "who":
            chosen = self.sharing_words(chosen, query)
        score = self.scorer(query, primary)
        chosen.sort(key=lambda f: -score(f))
        return chosen, matched

    def may_answer(self, fact: Fact, query: Query) -> bool:
        """ "Who…?": a sentence that only names the question's own entities and no one else
        answers no "who"; "who leads X?" is answered by no title that leads nothing ("a
        researcher at X")."""
        if fact.type == "role" and "lead" in query.relations:
            return "lead" in self.implied[fact.id]
        if query.qword != "who" or fact.type not in ft.MENTION_TYPES:
            return True
        if "lead" in query.relations and not says_leading(fact):
            return False  # the people a sentence names lead nothing it says they lead
        asked = {e.id for e in query.entities}
        return any(p not in asked and self.facts.type_of(p) == PERSON for p in fact.participants())

    def sharing_words(self, facts: list[Fact], query: Query) -> list[Fact]:
        """Of several facts, those that share the question's own words, when some do:
        "who managed Meta's data centres" keeps the data-centre fact, not every Meta role."""
        asked = (
            self.facts.stems({w for w in query.content if not w.isdigit()}, query.language)
            - self.facts.common_stems
        )
        if not asked or len(facts) < 2:
            return facts
        return [f for f in facts if asked & self.facts.words[f.id]] or facts

    @staticmethod
    def by_tense(facts: list[Fact], query: Query) -> list[Fact]:
        """Keep the roles of the time the question is about, when it says and the facts do."""
        if query.present and not query.yesno:
            # "Who is X's CEO now?": a former one is no answer (a yes/no says "no longer").
            return [f for f in facts if f.tense != "past"]
        if query.tense is None:
            return facts
        kept = [f for f in facts if f.tense in (None, query.tense)]
        return kept or facts

    def unexplained(self, query: Query, facts: list[Fact], names_only: bool = False) -> bool:
        """The question asks about something (its own words) that none of the facts mention:
        "How old is…", "Where was … born" must not be answered with whatever is known."""
        words = {w for w in query.content if not w.isdigit()}
        mixed_case = not (query.text.islower() or query.text.isupper())
        if names_only and mixed_case:
            words &= query.capitalized  # only capitalised words can be names
        words -= self.misspelt_names(query, frozenset(words))
        if not words:
            return False
        asked = self.facts.stems(words, query.language)
        return not any(asked & self.facts.words[f.id] for f in facts)

    def misspelt_names(self, query: Query, words: frozenset[str] | None = None) -> frozenset[str]:
        """Those of `words` (the question's keywords) that no fact says and that misspell a
        word of a name the question links (a first name when only the surname was linked):
        the name explains them."""
        named = {
            part
            for e in query.entities
            for name in self.facts.kb.entities[e.id].names()
            for part in normalize(name).split()
        }
        return frozenset(
            w
            for w in (query.keywords if words is None else words)
            if self.facts.stem(w, query.language) not in self.facts.vocabulary
            and any(fuzz.ratio(w, n) >= NAME_TYPO_RATIO or shortened(w, n) for n in named)
        )

    def unexplained_in_any(self, query: Query, facts: list[Fact]) -> bool:
        """Some word of the question that no lexicon explains is in none of the facts."""
        words = {w for w in query.content if not w.isdigit()}
        covered = frozenset().union(*(self.facts.words[f.id] for f in facts))
        return any(self.facts.stem(w, query.language) not in covered for w in words if len(w) > 1)


# "from", "ex": a source said plainly ("de" may as well say whose: "la boîte d'Elon").
PLAIN_SOURCES = lx.SOURCE_PREPOSITIONS - {"de", "d", "du", "des"}


def came_from(query: Query, ref: EntityRef) -> bool:
    """The question says the entity is where people came from ("of them from X", "ex X")."""
    at = ref.position
    return ref.role == "source" and at > 0 and query.words[at - 1] in PLAIN_SOURCES


def asked_noun_relation(query: Query) -> str | None:
    """ "What risks…", "quelles critiques…": the one relation of the word after "what"."""
    if query.qword != "what":
        return None
    words = query.words
    for i, word in enumerate(words[:-1]):
        if word in lx.WHAT:
            relations = lx.relation_of(words[i + 1]) & query.relations
            return next(iter(relations)) if len(relations) == 1 else None
    return None
