"""Question -> Query: language, question word, relation cues, linked entities and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex, Mention
from bot.nlu.text import fold, normalize

_FR_INVERSION = re.compile(r"\b\w+-(?:t-)?(?:il|elle|ils|elles|on)\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\b\d+\b")
_FR_ACCENTS = re.compile(r"[éèêàùçœîôâ]")
_HOMOGRAPH = re.compile(r"\b(?:" + "|".join(lx.ACCENTED_HOMOGRAPHS) + r")\b", re.IGNORECASE)
_FOREIGN = re.compile(r"[¿¡ñßäöü]")


DATE_LEADS = frozenset("in en since depuis le on of de or ou and et".split())


@dataclass(frozen=True)
class EntityRef:
    """A linked entity and, for moves, the side it stands on ('source', 'dest' or None)."""

    id: str
    role: str | None = None
    score: float = 100.0
    position: int = -1  # index of its first word in the question, -1 when not typed there
    alternative: bool = False  # joined to another entity by "or": either may match
    excluded: bool = False  # "other than X": X is left out of the answer


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    words: tuple[str, ...]
    qword: str | None  # who | when | where | why | what | how_many | how_much | None
    relations: frozenset[str]
    entities: tuple[EntityRef, ...]
    ambiguous: Mention | None = None
    yesno: bool = False
    profile: bool = False
    pronoun: bool = False  # he/she/il/elle… refers to the conversation's last person
    plural_pronoun: bool = False
    thing_pronoun: int | None = None  # position of "it" / "l'a": a company named before
    ellipsis: bool = False  # "Et Apple ?", "And when?": completes the previous question
    greeting: bool = False
    foreign: bool = False  # written in a language Mercato does not speak
    months: frozenset[int] = frozenset()
    years: frozenset[int] = frozenset()
    # Words no lexicon explains (not names, cues or stopwords): matched against facts' wording.
    content: frozenset[str] = field(default_factory=frozenset)
    keywords: frozenset[str] = frozenset()  # every meaningful word, cue words included
    # Unexplained words written with a capital in a mixed-case message: likely unknown names.
    capitalized: frozenset[str] = frozenset()
    cue_relations: frozenset[str] = frozenset()  # relations evoked by words, not the question word
    move_verbs: tuple[tuple[int, str], ...] = ()  # (word index, 'join' | 'hire' | 'leave')
    passive: bool = False  # "was hired", "a été recruté"
    asks_source: bool = False  # "d'où", "where … from": the unknown is where they came from
    present: bool = False  # "still", "now", "encore": about the present
    negative: bool = False  # the question itself is negative ("refused", "without")
    tense: str | None = None  # 'past' | 'current' | 'future' when the question says
    comparisons: tuple[tuple[str, float], ...] = ()  # ("<", 5.0) for "moins de 5 ans"
    numbers: tuple[float, ...] = ()  # every number stated, years included
    role_words: frozenset[str] = frozenset()  # "CEO", "directeur"…: the role asked about
    type_noun: str | None = None  # "companies", "modèles"…: the kind of entity asked for

    def with_entities(self, entities: tuple[EntityRef, ...]) -> Query:
        return replace(self, entities=entities, ambiguous=None)


# A second question inside one message: "…, and when did he join Apple?", "… et quand ?".
# The conjunction stays with the second question, which reads as a follow-up ("and when?").
_SECOND_QUESTION = re.compile(
    r"(?:\?\s+|[,;]?\s+(?=(?:and|et)\s+(?:who|whom|when|where|what|which|why|how|qui|quand|"
    r"où|combien|pourquoi|quel|quelle|quels|quelles|comment|depuis quand)\b))",
    re.IGNORECASE,
)
MAX_QUESTIONS = 3


def split_questions(text: str) -> list[str]:
    """The questions a message asks, in order: most messages ask one."""
    parts = [p.strip(" ,;") for p in _SECOND_QUESTION.split(text)]
    parts = [p for p in parts if p]
    if len(parts) > MAX_QUESTIONS:
        return [text]
    return parts or [text]


def detect_language(words: list[str], raw: str, fallback: str) -> str:
    """'fr' or 'en' from marker words and accents, 'other' for another language's words;
    `fallback` when nothing tells."""
    fr = sum(w in lx.FRENCH_MARKERS for w in words) + 2 * len(_FR_ACCENTS.findall(raw.lower()))
    en = sum(w in lx.ENGLISH_MARKERS for w in words)
    # ¿ ¡ ñ ß ä ö ü are never French or English: one settles it.
    other = sum(w in lx.OTHER_LANGUAGE_MARKERS for w in words) + 5 * len(_FOREIGN.findall(raw))
    if other >= 2 and other > max(fr, en):
        return "other"
    if fr == en:
        return fallback
    return "fr" if fr > en else "en"


def _question_word(words: list[str]) -> str | None:
    """The question word, normalised to one of who/when/where/why/what/how_many/how_much."""
    if words[:3] == ["est", "ce", "que"] or (words[:1] and words[0] in lx.EN_AUXILIARIES):
        return None  # "Est-ce que…", "Did… when…": yes or no; a later "when" is a conjunction
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in lx.HOW and nxt in lx.HOW_MANY_TAIL:
            return "how_many"
        if word in lx.HOW and nxt in lx.HOW_MUCH_TAIL:
            return "how_much"
        if word in lx.HOW and nxt in lx.HOW_LONG_TAIL:
            return "how_long"
        if word in lx.HOW and nxt in lx.HOW_BIG_TAIL:
            return "how_many"
        if word in lx.COMBIEN and (nxt == "temps" or words[i + 2 : i + 3] == ["temps"]):
            return "how_long"
        if word in lx.COMBIEN:
            return "how_combien"  # resolved against money cues by the caller
        if word in lx.WHEN:
            return "when"
        if word == "depuis" and nxt == "quand":
            return "when"
        unaccented_where = word == "ou" and (
            i in (0, len(words) - 1) or nxt in lx.WHERE_OU_NEXT
        )  # "ou travaille…", "il bossait ou avant ?"
        if word in lx.WHERE or unaccented_where:
            return "where"
        if word in lx.WHY:
            return "why"
        if word in lx.HOW and i == 0:
            return "what"  # "How did Meta respond?": a manner, answered like "what"
        if word in lx.WHO:
            return "who"
        if word in lx.WHAT or (i == 0 and word in lx.OPENING_WHAT):
            if nxt in lx.DATE_NOUNS:
                return "when"
            if nxt in lx.NUMBER_NOUNS:
                return "how_many"
            return "what"
        if word in lx.NUMBER_NOUNS and nxt in ("de", "d", "of"):
            return "how_many"
    return None


def _is_yesno(
    words: list[str], raw_folded: str, qword: str | None, relations: frozenset[str]
) -> bool:
    if qword is not None:
        return False
    content = [w for w in words if w not in lx.FILLERS]
    if not content:
        return False
    if content[0] in lx.EN_AUXILIARIES:
        return True
    if " ".join(content[:3]) == "est ce que":
        return True
    if _FR_INVERSION.search(raw_folded):
        return True
    # "Pang a rejoint Meta ?": a statement with a question mark.
    return raw_folded.rstrip().endswith("?") and bool(relations)


def _months_and_years(words: list[str], raw: str) -> tuple[frozenset[int], frozenset[int]]:
    months = set()
    for i, word in enumerate(words):
        month = lx.MONTHS.get(word)
        if month is None:
            continue
        before = words[i - 1] if i else ""
        # Short forms ("may", "mar") count only where a date is plainly meant.
        if len(word) > 3 or before in DATE_LEADS or before.isdigit():
            months.add(month)
    return frozenset(months), frozenset(int(y) for y in _YEAR.findall(raw))


def _role(words: list[str], start: int) -> str | None:
    """Which side of a move the entity at `start` is on, from the word before it."""
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
        # "to" names a destination after a move ("went from Google to Microsoft"), not in
        # "linked to", "according to"; verbs that carry the direction themselves always do.
        moved_before = any(lx.move_verb_class(w) for w in words[:i])
        if moved_before or words[i] not in lx.DIRECTION_WORDS:
            return "dest"
    return None


def _inverted_after_name(
    words: list[str], i: int, raw_folded: str, mentions: list[Mention]
) -> bool:
    """ "xAI emploie-t-il…", "Pang est-il…": the inverted pronoun repeats the subject named
    before it; it refers to nobody from the conversation."""
    word = words[i]
    if word not in lx.FR_INVERSION_PRONOUNS:
        return False
    inverted = (i > 0 and words[i - 1] == "t") or re.search(rf"\w-{word}\b", raw_folded)
    return bool(inverted) and any(m.start < i for m in mentions)


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


def _read_number(words: list[str], start: int) -> tuple[float, int] | None:
    """The number starting at `start` ("2 000", "200 millions") and the index after it."""
    digits = []
    end = start
    while end < len(words) and words[end].isdigit() and (not digits or len(words[end]) == 3):
        digits.append(words[end])
        end += 1
    if not digits:
        return None
    multiplier = lx.MULTIPLIERS.get(words[end], 1) if end < len(words) else 1
    return float("".join(digits)) * multiplier, end


def _numbers(words: list[str]) -> tuple[float, ...]:
    """Every number the question states, "1 200" and "200 millions" read whole."""
    found, i = [], 0
    while i < len(words):
        read = _read_number(words, i)
        if read is None:
            i += 1
            continue
        found.append(read[0])
        i = read[1]
    return tuple(found)


def _comparisons(words: list[str]) -> tuple[tuple[str, float], ...]:
    """Each "more than / moins de N [million]" in the question, as (operator, value)."""
    found = []
    for i in range(len(words) - 1):
        pair = f"{words[i]} {words[i + 1]}"
        if pair in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[pair], i + 2
        elif words[i] in lx.COMPARATORS:
            operator, start = lx.COMPARATORS[words[i]], i + 1
        else:
            continue
        read = _read_number(words, start)
        if read is not None:
            found.append((operator, read[0]))
    return tuple(found)


def _capitalized(text: str) -> frozenset[str]:
    """Normalised words written with a capital, past the first, when the message mixes cases
    (in an all-lowercase or all-caps message, case says nothing)."""
    tokens = re.findall(r"\w+", text)[1:]
    if text.islower() or text.isupper():
        return frozenset()
    return frozenset(normalize(t) for t in tokens if any(c.isupper() for c in t))  # xAI too


def singular(word: str) -> str:
    """ "ceos" -> "ceo", "chercheurs" -> "chercheur": role nouns are listed in the singular."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def _tense(words: list[str]) -> str | None:
    if any(w in lx.FUTURE_CUES for w in words):
        return "future"
    if any(w in lx.PAST_CUES for w in words):
        return "past"
    if any(w in lx.PRESENT_CUES for w in words):
        return "current"
    return None


def frame_relations(cue_relations: frozenset[str], qword: str | None) -> frozenset[str]:
    """The words' relations plus the question word's ("why" asks for a reason), except that
    "where" with a move asks for its destination, not a location."""
    if qword in lx.QWORD_RELATION and not (qword == "where" and cue_relations & lx.MOVE_RELATIONS):
        return cue_relations | {lx.QWORD_RELATION[qword]}
    return cue_relations


def _relations(words: list[str]) -> frozenset[str]:
    """The relation families the words evoke; "work on" is work_on, other "work" employment."""
    found: set[str] = set()
    for i, word in enumerate(words):
        families = lx.relation_of(word)
        if (
            "employment" in families
            and words[i + 1 : i + 2]
            and words[i + 1] in (lx.WORK_ON_PARTICLES)
        ):
            families = (families - {"employment"}) | {"work_on"}
        found |= families
    return frozenset(found)


def _coordinated(first: Mention, second: Mention, words: list[str], index: EntityIndex) -> bool:
    """ "Tesla et de SpaceX", "Apple or OpenAI": two names of one kind joined by and/or, so that
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

    "Where is the office that Meta hired from?" asks where a named organisation is instead.
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


def parse(text: str, index: EntityIndex, fallback_language: str) -> Query:
    """Read one (already cleaned) question into a Query; never raises on odd input."""
    raw_folded = fold(text)
    words = normalize(_HOMOGRAPH.sub(lambda m: lx.ACCENTED_HOMOGRAPHS[m[0].lower()], text)).split()
    language = detect_language(words, text, fallback_language)
    foreign = language == "other"
    if foreign:
        language = fallback_language
    relations = cue_relations = _relations(words)
    if any(singular(w) in lx.ROLE_NOUNS for w in words):
        relations = cue_relations = relations | {"role"}  # "gérait", "head of": a role asked
    qword = _question_word(words)
    if qword == "how_combien":
        qword = "how_much" if "amount" in relations else "how_many"
    relations = frame_relations(cue_relations, qword)

    protected = lx.FRAME_WORDS | lx.FILLERS | frozenset(w for w in words if lx.relation_of(w))
    mentions = index.link(words, protected)
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

    people = [e for e in entities if index.types.get(e.id) == "person"]
    origins = [e for e in entities if e.role == "source" and e not in people]
    if people and origins and not relations:
        # "Is she from Anthropic?": where someone comes from is a move.
        relations = cue_relations = frozenset({"move_in"})

    spans = {i for m in mentions for i in range(m.start, m.end)}
    leftover = [w for i, w in enumerate(words) if i not in spans]
    meaningful = [w for w in leftover if w not in lx.FILLERS and w not in lx.STOPWORDS]
    months, years = _months_and_years(words, text)
    comparisons = _comparisons(words)
    # "plus de 2000 employés" compares a count; it is not the year 2000.
    years = frozenset(y for y in years if all(value != y for _, value in comparisons))
    opener = words[0] if words else ""
    ellipsis = (
        opener in lx.ELLIPSIS_OPENERS
        or " ".join(words[:2]) in ("what about", "how about", "quid de")
    ) and not (relations - {"reason", "location"} and entities)
    pronoun = any(
        w in lx.PRONOUNS and not _inverted_after_name(words, i, raw_folded, mentions)
        for i, w in enumerate(words)
        if i not in spans
    )
    profile = bool(entities or ambiguous) and (
        any(w in lx.PROFILE_CUES for w in leftover)
        or (qword in ("who", "what", None) and not relations and not meaningful)
    )
    yesno = _is_yesno(words, raw_folded, qword, relations)
    move_verbs = tuple(
        (i, kind) for i, w in enumerate(words) if (kind := lx.move_verb_class(w)) is not None
    )
    return Query(
        text=text,
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
        years=years,
        keywords=frozenset(w for w in meaningful if len(w) > 2),
        capitalized=_capitalized(text),
        content=frozenset(
            w
            for w in meaningful
            if len(w) > 2
            and not lx.relation_of(w)
            and singular(w) not in lx.ROLE_NOUNS
            and w not in lx.TYPE_NOUNS
            and w not in lx.MONTHS
        ),
        move_verbs=move_verbs,
        cue_relations=cue_relations,
        passive=any(
            i and words[i - 1] in lx.PASSIVE_MARKERS and not words[i].endswith("ing")
            for i, _ in move_verbs
        ),
        asks_source=_asks_source(words, qword, relations, entities, index),
        present=any(w in lx.PRESENT_CUES for w in words),
        tense=_tense(words),
        role_words=frozenset(singular(w) for w in words if singular(w) in lx.ROLE_NOUNS),
        comparisons=comparisons,
        numbers=_numbers(words),
        type_noun=next((lx.TYPE_NOUNS[w] for w in words if w in lx.TYPE_NOUNS), None),
        negative=any(lx.negative(w) for w in leftover),
    )
