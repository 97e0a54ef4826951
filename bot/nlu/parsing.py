"""Question -> Query: language, question word, relation cues, linked entities and their roles.

`parse` reads one question. The pieces live beside it: Query and EntityRef in bot.nlu.query,
language detection in bot.nlu.language, the question word, relations, yes/no and tense in
bot.nlu.frame, numbers and dates in bot.nlu.numbers, the names the base does not know in
bot.nlu.accounting, a message's questions (`split_questions`) in bot.nlu.messages. Query,
EntityRef, frame_relations, singular, detect_language and the message splitters are
re-exported here for callers.
"""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx
from bot.nlu import numbers
from bot.nlu.accounting import account_for_names, capitalized
from bot.nlu.frame import (
    comparative,
    confirmation_tag,
    expand_negations,
    frame_relations,
    interrogative,
    is_yesno,
    negated,
    order_asked,
    phrase_in,
    question_word,
    same_date,
    singular,
    tense,
    word_relations,
)
from bot.nlu.language import detect_language
from bot.nlu.linking import EntityIndex, Mention
from bot.nlu.messages import preamble_and_question, split_questions
from bot.nlu.query import EntityRef, Query
from bot.text import fold, normalize

__all__ = [
    "EntityRef",
    "Query",
    "detect_language",
    "frame_relations",
    "parse",
    "preamble_and_question",
    "singular",
    "split_questions",
]

_HOMOGRAPH = re.compile(r"\b(?:" + "|".join(lx.ACCENTED_HOMOGRAPHS) + r")\b", re.IGNORECASE)


def _role(words: list[str], start: int) -> str | None:
    """Which side of a move the entity at `start` is on, from the words before it: 'source',
    'dest', 'at' ("at"/"chez": the verb decides) or None."""
    before = " ".join(words[max(0, start - 3) : start])
    if before.endswith(lx.DESTINATION_PHRASES):
        return "dest"
    i = start - 1
    while i >= 0 and words[i] in ("l", "le", "la", "les", "the"):
        i -= 1
    if i < 0:
        return None
    if words[i] in lx.AT_PREPOSITIONS:
        return "at"
    if words[i] in lx.SOURCE_PREPOSITIONS:
        return "source"
    if words[i] in lx.DESTINATION_PREPOSITIONS:
        # "to" names a destination after a move ("went from X to Y"), not in
        # "linked to", "according to"; verbs that carry the direction themselves always do.
        moved_before = any(lx.move_verb_class(w) for w in words[:i])
        if moved_before or words[i] not in lx.DIRECTION_WORDS:
            return "dest"
    return None


def _inverted_after_name(
    words: list[str], i: int, raw_folded: str, mentions: list[Mention], strangers: tuple = ()
) -> bool:
    """ "X emploie-t-il…", "X est-il…": the inverted pronoun repeats the subject named
    before it (linked, or a stranger the question names); it refers to nobody from the
    conversation."""
    word = words[i]
    if word not in lx.FR_INVERSION_PRONOUNS:
        return False
    inverted = (i > 0 and words[i - 1] == "t") or re.search(rf"\w-{word}\b", raw_folded)
    return bool(inverted) and (bool(strangers) or any(m.start < i for m in mentions))


def _thing_pronoun(words: list[str]) -> int | None:
    """Where "it" or French "l'a" stands for a company named in the previous message."""
    for i, word in enumerate(words):
        if word in lx.THING_PRONOUNS:
            return i
        if (
            word == lx.FR_OBJECT_ELISION
            and words[i + 1 : i + 2]
            and words[i + 1] in (lx.FR_AUXILIARIES)
        ):
            return i
    return None


def _coordinated(first: Mention, second: Mention, words: list[str], index: EntityIndex) -> bool:
    """ "X et de Y", "X or Y": two names of one kind joined by and/or, so that
    either may match (one fact rarely names both)."""
    left, right = sorted((first, second), key=lambda m: m.start)
    between = words[left.end : right.start]
    kinds = {index.types.get(i) for m in (left, right) for i in m.entity_ids}
    return (
        len(kinds) == 1
        and bool(lx.CONJUNCTIONS & set(between))
        and all(w in lx.CONJUNCTIONS or w in lx.LINKING_WORDS for w in between)
    )


def _asks_source(
    words: list[str],
    qword: str | None,
    relations: frozenset[str],
    entities: list[EntityRef],
    index: EntityIndex,
) -> bool:
    """ "D'où viennent…", "Where did he come from?": the unknown is where people came from.

    "Where is the office that X hired from?" asks where a named organisation is instead.
    """
    if "provenance" in relations:
        return False
    if " d where " in f" {' '.join(words)} ":
        return True
    return (
        qword == "where"
        and words[-1:] == ["from"]
        and all(index.types.get(e.id) == "person" for e in entities)
    )


ELLIPSIS_WORDS = 5  # at most, with two names or more, in "and X?"


def _cleft(words: list[str], mentions: list[Mention]) -> bool:
    """ "C'est X qui…", "… is it X who…": the question word right after a name points back at
    it, anywhere in the question."""
    for opener in lx.CLEFT_OPENERS:
        size = len(opener.split())
        for start in range(len(words) - size):
            if " ".join(words[start : start + size]) != opener:
                continue
            after = [m.end for m in mentions if m.start == start + size]
            if after and after[0] < len(words) and words[after[0]] in lx.WHO:
                return True
            # "X c'est lui qui…": a pronoun standing for the name said just before.
            pronoun = start + size
            if (
                any(m.end <= start for m in mentions)
                and words[pronoun : pronoun + 1]
                and words[pronoun] in lx.PRONOUNS
                and words[pronoun + 1 : pronoun + 2]
                and words[pronoun + 1] in lx.WHO
            ):
                return True
    return False


def _statement_asked(
    words: list[str],
    raw_folded: str,
    qword: str | None,
    relations: frozenset[str],
    mentions: list[Mention],
    leftover: list[str],
) -> bool:
    """A statement about a named entity asked as a question: "X il est toujours chez Y ?",
    "X a rejoint Y" typed without its question mark, "c'est vrai que…", "is it true…"."""
    if qword is not None or not mentions:
        return False
    if set(words) & lx.TRUTH_CUES:
        return True
    verb = bool(relations) or any(
        w in lx.PRESENT_CUES or w in lx.COPULAS or w in lx.FR_AUXILIARIES for w in leftover
    )
    content = [i for i, w in enumerate(words) if w not in lx.FILLERS]
    named_first = bool(content) and mentions[0].start == content[0]
    return verb and (raw_folded.rstrip().endswith("?") or (named_first and bool(relations)))


def _cause_asked(words: list[str], relations: frozenset[str]) -> bool:
    """A move "for" something that is no place: "pour le fric", "for the money"."""
    if not relations & lx.MOVE_RELATIONS:
        return False
    for i, word in enumerate(words[:-1]):
        if word not in lx.CAUSE_PREPOSITIONS:
            continue
        following = [w for w in words[i + 1 : i + 4] if w not in lx.STOPWORDS][:1]
        if following and lx.relation_of(following[0]) - lx.MOVE_RELATIONS:
            return True
    return False


def parse(text: str, index: EntityIndex, fallback_language: str) -> Query:
    """Read one (already cleaned) question into a Query; never raises on odd input."""
    asked = text
    text = expand_negations(text)
    raw_folded = fold(text)
    words = normalize(_HOMOGRAPH.sub(lambda m: lx.ACCENTED_HOMOGRAPHS[m[0].lower()], text)).split()
    opening, closing = confirmation_tag(words)
    tagged = opening + closing
    words = words[opening : len(words) - closing]  # "…, right?": the statement is asked
    language = detect_language(words, text, fallback_language)
    foreign = language == "other"
    if foreign:
        language = fallback_language
    relations = cue_relations = word_relations(words, index.names_a_word)
    if any(singular(w) in lx.ROLE_NOUNS for w in words):
        relations = cue_relations = relations | {"role"}  # "gérait", "head of": a role asked
    qword = question_word(words)
    paying = bool(lx.PAYMENT_VERBS & set(words))
    if qword == "how_combien":
        qword = "how_much" if "amount" in relations or paying else "how_many"
    if qword == "how_much" and paying:
        relations = cue_relations = relations | {"amount"}  # "combien a-t-il sorti"
    relations = frame_relations(cue_relations, qword)
    if "valuation" in cue_relations:
        # "combien vaut X ?": the measure asked is X's value, no one's pay and no headcount.
        qword = "how_much" if qword in ("how_many", "how_much") else qword
        relations = relations - {"amount", "count"}
    spending = [w for w in words if "amount" in lx.relation_of(w)]
    if "duration" in cue_relations and spending and set(spending) <= lx.SPENDING_VERBS:
        # "spent ten years at X": time spent, no money.
        relations, cue_relations = relations - {"amount"}, cue_relations - {"amount"}
    if _cause_asked(words, relations):
        # "Did X leave for the money?": why they moved is asked, not whether they moved.
        relations = cue_relations = relations | {"reason"}

    protected = lx.FRAME_WORDS | lx.FILLERS | frozenset(w for w in words if lx.relation_of(w))
    mentions = index.link(words, protected)
    mentions, strangers = account_for_names(
        text, words, mentions, index, language, (opening, closing)
    )
    entities: list[EntityRef] = []
    ambiguous = None
    for number, mention in enumerate(mentions):
        alternative = any(
            _coordinated(mention, other, words, index)
            for other in mentions[max(0, number - 1) : number + 2]
            if other is not mention
        )
        if mention.ambiguous:
            ambiguous = ambiguous or mention
            continue
        entity_id = mention.entity_ids[0]
        if all(e.id != entity_id for e in entities):
            excluded = " ".join(words[max(0, mention.start - 3) : mention.start]).endswith(
                lx.EXCLUSION_PHRASES
            )
            entities.append(
                EntityRef(
                    entity_id,
                    None if excluded else _role(words, mention.start),
                    mention.score,
                    mention.start,
                    alternative,
                    excluded,
                )
            )

    if qword == "who" and _cleft(words, mentions):
        qword = None  # "c'est X qui a rejoint Y ?": is it X? (yes or no)
        relations = frame_relations(cue_relations, qword)

    people = [e for e in entities if index.types.get(e.id) == "person"]
    origins = [e for e in entities if e.role == "source" and e not in people]
    # "ex-X people", "former X staff": the word before says they came from there.
    formerly = [e for e in origins if e.position and words[e.position - 1] not in lx.LINKING_WORDS]
    if (people or formerly) and origins and not cue_relations:
        # "Is she from X?", "ex-X people at Y?": where someone comes from is a move; "how
        # many ex-X people" counts among the moves.
        relations = relations | {"move_in"}
        cue_relations = frozenset({"move_in"})

    spans = {i for m in mentions for i in range(m.start, m.end)}
    leftover = [w for i, w in enumerate(words) if i not in spans]
    meaningful = [w for w in leftover if w not in lx.FILLERS and w not in lx.STOPWORDS]
    months, years = numbers.months_and_years(words, text)
    counted = numbers.number_words(text, language)  # "1,5 milliard", "deux cents" read whole
    spelt = set(words) - set(counted)  # "ten", "vingtaine": read as figures, not as content
    comparisons = numbers.comparisons(counted)
    # "plus de 2000 employés" compares a count; it is not the year 2000.
    years = frozenset(y for y in years if all(value != y for _, value in comparisons))
    cue = phrase_in(words, lx.DEFINITION_CUES)
    # "What does X stand for?": X's name is what is asked, when the question asks nothing else.
    definition = cue is not None and bool(entities) and set(meaningful) <= set(cue.split())
    opener = words[0] if words else ""
    ellipsis = (
        (
            opener in lx.ELLIPSIS_OPENERS
            or " ".join(words[:2]) in ("what about", "how about", "quid de")
        )
        and not (relations - {"reason", "location"} and entities)
        # "and who is X?" has its own question word, name and verb: a question of its own.
        and not (qword and entities and set(words) & (lx.COPULAS | lx.EN_AUXILIARIES))
        # "And X?" is short; "and X will do Y with Z?" is a whole question of its own.
        and not (len(entities) > 1 and len(words) > ELLIPSIS_WORDS)
        and not definition  # "et X, ça veut dire quoi ?" asks of X alone
    )
    pronoun = any(
        w in lx.PRONOUNS and not _inverted_after_name(words, i, raw_folded, mentions, strangers)
        for i, w in enumerate(words)
        if i not in spans
    )
    profile = bool(entities or ambiguous) and (
        definition
        or any(w in lx.PROFILE_CUES for w in leftover)
        or (qword in ("who", "what", None) and not relations and not meaningful)
    )
    yesno = (
        (bool(tagged) and qword is None)
        or is_yesno(words, raw_folded, qword, relations)
        or _statement_asked(words, raw_folded, qword, relations, mentions, leftover)
    )
    asks_negation = negated(
        words, raw_folded, yesno and (bool(tagged) or not interrogative(words, raw_folded))
    )
    move_verbs = tuple(
        (i, kind) for i, w in enumerate(words) if (kind := lx.move_verb_class(w)) is not None
    )
    return Query(
        text=asked,
        language=language,
        words=tuple(words),
        qword=qword,
        relations=relations,
        entities=tuple(entities),
        ambiguous=ambiguous,
        yesno=yesno,
        profile=profile and not ellipsis and not yesno,
        pronoun=pronoun,
        plural_pronoun=any(w in lx.PLURAL_PRONOUNS for w in leftover),
        thing_pronoun=_thing_pronoun(words),
        ellipsis=ellipsis,
        greeting=bool(words) and all(w in lx.GREETINGS or w in lx.FILLERS for w in words),
        foreign=foreign,
        months=months,
        days=numbers.days(words),
        years=years,
        keywords=frozenset(w for w in meaningful if len(w) > 2),
        capitalized=capitalized(text),
        unknown_names=strangers,
        content=frozenset(
            w
            for w in meaningful
            if len(w) > 2
            and not lx.relation_of(w)
            and singular(w) not in lx.ROLE_NOUNS
            and w not in lx.TYPE_NOUNS
            and w not in lx.MONTHS
            and w not in lx.TRUTH_CUES
            and w not in lx.REPORT_CUES  # "reportedly?" asks of the modality, not a topic
            and w not in lx.NEGATION_PARTICLES
            and w not in spelt
            and not numbers.glued_figure(w)
            and not (comparisons and w in _COMPARED)
        ),
        move_verbs=move_verbs,
        cue_relations=cue_relations,
        passive=any(
            i and words[i - 1] in lx.PASSIVE_MARKERS and not words[i].endswith("ing")
            for i, _ in move_verbs
        ),
        asks_source=_asks_source(words, qword, relations, entities, index),
        present=any(w in lx.PRESENT_CUES for w in words),
        tense=tense(words),
        role_words=frozenset(singular(w) for w in words if singular(w) in lx.ROLE_NOUNS),
        since=_dated_since(words),
        comparisons=comparisons,
        numbers=numbers.all_numbers(counted),
        type_noun=next((lx.TYPE_NOUNS[w] for w in words if w in lx.TYPE_NOUNS), None),
        # A negation the verdict flips ("X did not join Y, right?") is not also the wording.
        negative=any(lx.negative(w) for w in leftover if not (asks_negation and w in _NEGATORS)),
        negated=asks_negation,
        order=order_asked(words),
        same_date=same_date(words),
        comparative=comparative(words),
        definition=definition,
    )


_NEGATORS = lx.NEGATION_PARTICLES | lx.NEGATION_PARTICLES_BEFORE
_COMPARED = frozenset(w for phrase in lx.COMPARATORS for w in phrase.split())  # "more than"


def _dated_since(words: list[str]) -> bool:
    """ "since January", "depuis début 2025": a since word with a month or a year right after."""
    return any(
        w in lx.SINCE_WORDS
        and any(x in lx.MONTHS or (x.isdigit() and len(x) == 4) for x in words[i + 1 : i + 4])
        for i, w in enumerate(words)
    )
