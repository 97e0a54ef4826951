"""People named by a description instead of their name: "the co-founder of X", "X's former
boss", "the X guy". When the description fits exactly one person of the base, the question is
read as if it named them, and its other words ask what it asks about them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz.distance import DamerauLevenshtein

from bot.engine.factindex import orient, stems
from bot.engine.selection import PERSON
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.nlu.linking import MIN_TYPO_WORD_SIMILARITY
from bot.nlu.parsing import EntityRef, Query, frame_relations, singular
from bot.text import normalize

# Relations a description uses to tie a person to an organisation or a product.
DESCRIBING_RELATIONS = frozenset({"found", "create", "lead", "role", "work_on"})
DESCRIBING_TYPES = frozenset(
    t for r in DESCRIBING_RELATIONS for t in ft.RELATION_FACT_TYPES[r][0]
) | {"owns"}
NEAR = 3  # words between a describing word and the name it describes
# What makes an organisation someone's company.
COMPANY_TYPES = frozenset({"owns", "founded", "cofounded", "leads"})


def resolve_description(tk: Toolkit, query: Query) -> Query:
    """The question with a described person (or someone's company) named, when exactly one
    fits."""
    if query.ambiguous is not None:
        return query
    if any(tk.facts.type_of(e.id) == PERSON for e in query.entities):
        return resolve_company(tk, query)
    for ref in query.entities:
        words = describing_words(query, ref)
        if not words or query.qword == "how_many":
            continue
        if any(singular(w) != w for _, w in words):
            return query  # "the researchers of X": a group, not one person
        asked = asked_relations(query, words)
        if not asked and query.qword in ("who", "what") and not (query.ellipsis or query.profile):
            return query  # "Who is the founder of X?": the description is the question
        people = described(tk, query, ref.id, words)
        if len(people) > 1 and _after_source_word(query, ref):
            people = [p for p in people if came_from(tk, p, ref.id)]  # "the one from X"
        if len(people) != 1:
            return query
        person = EntityRef(people[0], None, ref.score, ref.position)
        entities = tuple(person if e is ref else e for e in query.entities)
        cue_relations = frozenset(asked)
        return replace(
            query,
            entities=entities,
            cue_relations=cue_relations,
            relations=frame_relations(cue_relations, query.qword),
            role_words=frozenset(),
            content=query.content - {w for i, w in words},
        )
    return query


def describing_words(query: Query, ref: EntityRef) -> list[tuple[int, str]]:
    """Role nouns, founder/creator words and person nouns right before or after a name."""
    if ref.position < 0:
        return []
    found = []
    for i, word in enumerate(query.words):
        if abs(i - ref.position) > NEAR or i == ref.position:
            continue
        noun = singular(word)
        if noun in lx.ROLE_NOUNS or noun in lx.DESCRIPTION_NOUNS or noun in lx.PERSON_NOUNS:
            found.append((i, word))
    return found


# Words before a company saying someone came from it ("from", "ex", "ancien"); not French
# "de", which ties anything to anything ("le labo de X").
_CAME_FROM = lx.SOURCE_PREPOSITIONS - {"de", "d", "du", "des"}


def _after_source_word(query: Query, ref: EntityRef) -> bool:
    return ref.position > 0 and query.words[ref.position - 1] in _CAME_FROM


def came_from(tk: Toolkit, person: str, entity_id: str) -> bool:
    """A move of `person` starts at `entity_id`: where they came from, not where they are."""
    return any(
        f.type in ft.MOVE_FACT_TYPES and tk.facts.slot_matches(f, orient(f).source, entity_id)
        for f in tk.facts.involving.get(person, [])
    )


def asked_relations(query: Query, words: list[tuple[int, str]]) -> set[str]:
    """The relations the question asks about, once its describing words are set aside."""
    describing = {i for i, _ in words}
    return {
        relation
        for i, word in enumerate(query.words)
        if i not in describing
        for relation in lx.relation_of(word)
    }


def described(tk: Toolkit, query: Query, entity_id: str, words: list[tuple[int, str]]) -> list[str]:
    """The people a fact ties to `entity_id` the way the describing words say."""
    role_words = {singular(w) for _, w in words if singular(w) in lx.ROLE_NOUNS}
    relations = {r for _, w in words for r in lx.relation_of(w) & DESCRIBING_RELATIONS}
    people = []
    for fact in tk.facts.involving.get(entity_id, []):
        if fact.type not in DESCRIBING_TYPES or tk.facts.type_of(fact.subject) != PERSON:
            continue
        if not ties(tk, fact, entity_id, role_words, relations):
            continue
        if fact.subject not in people:
            people.append(fact.subject)
    return people


def ties(
    tk: Toolkit, fact: Fact, entity_id: str, role_words: set[str], relations: set[str]
) -> bool:
    if fact.type in ft.MENTION_TYPES:
        return False  # a mention describes no one
    if not (tk.facts.matches(fact.object, entity_id) or entity_id in fact.about):
        return False
    if relations - {"role"} and not any(
        fact.type in ft.RELATION_FACT_TYPES[r][0] | ft.RELATION_FACT_TYPES[r][1]
        for r in relations - {"role"}
    ):
        return False
    if role_words:
        return tk.selector.roles.names_role(fact, frozenset(role_words))
    return True


def resolve_company(tk: Toolkit, query: Query) -> Query:
    """ "X's company", "la boîte de X": the one organisation X owns, founded or leads."""
    for ref in query.entities:
        if tk.facts.type_of(ref.id) != PERSON or ref.position < 0:
            continue
        near = query.words[max(0, ref.position - NEAR) : ref.position + NEAR + 1]
        if not lx.ORGANIZATION_NOUNS & set(near):
            continue
        companies = list(
            dict.fromkeys(
                f.object
                for f in tk.facts.involving.get(ref.id, [])
                if f.subject == ref.id
                and f.type in COMPANY_TYPES
                and f.object
                and tk.facts.type_of(f.object) == "organization"
            )
        )
        if len(companies) != 1 or any(e.id == companies[0] for e in query.entities):
            continue
        company = EntityRef(companies[0], ref.role, ref.score, ref.position)
        return replace(query, entities=tuple(company if e is ref else e for e in query.entities))
    return query


# Words that open a description after a name ("X the designer", "X le styliste").
APPOSITION_OPENERS = frozenset({"the", "le", "la", "l"})
NAME_REACH = 3  # words of a name, from its first to the description after it
_ASKING = lx.WHAT | lx.WHO


def described_otherwise(tk: Toolkit, query: Query) -> Query:
    """A known person's name followed by a description that none of their facts, nor their
    description, says ("X the fashion designer", "X le styliste"): another person of that
    name, whom the base does not know."""
    for ref in query.entities:
        if ref.position < 0 or tk.facts.type_of(ref.id) != PERSON:
            continue
        words = query.words
        opener = next(
            (j for j in range(ref.position + 1, min(ref.position + NAME_REACH, len(words)))
             if words[j] in APPOSITION_OPENERS),
            None,
        )  # fmt: skip
        if opener is None or not _names(tk, ref.id, words[ref.position : opener]):
            continue  # no description right after the name ("X announced the cuts")
        said = []
        for word in words[opener + 1 : opener + 1 + NAME_REACH]:
            if word not in query.content:
                break
            said.append(word)
        if not said or _says_any(tk, query, ref.id, said):
            continue
        # Shown as asked, with the noun it ends with ("the fashion designer").
        end = opener + 1 + len(said)
        end += end < len(words) and words[end] not in lx.STOPWORDS and words[end] not in _ASKING
        name = " ".join([*words[ref.position : opener], f"({' '.join(words[opener:end])})"])
        return replace(
            query,
            entities=tuple(e for e in query.entities if e is not ref),
            unknown_names=(*query.unknown_names, name),
        )
    return query


def _names(tk: Toolkit, entity_id: str, words: Sequence[str]) -> bool:
    """Each word is a word of the entity's names, or a typo of one ("alexander")."""
    named = normalize(" ".join(tk.kb.entities[entity_id].names())).split()
    return all(
        any(
            DamerauLevenshtein.normalized_similarity(w, n) >= MIN_TYPO_WORD_SIMILARITY
            for n in named
        )
        for w in words
    )


def _says_any(tk: Toolkit, query: Query, person: str, words: list[str]) -> bool:
    """Some of `words` is in the person's facts or description."""
    entity = tk.kb.entities[person]
    known = set().union(*(tk.facts.words[f.id] for f in tk.facts.involving.get(person, [])))
    known |= stems(normalize(f"{entity.description.fr} {entity.description.en}").split())
    return any(tk.facts.stem(w, query.language) in known for w in words)
