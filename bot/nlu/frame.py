"""The question's frame: its question word, the relations it asks about, yes/no, tense."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.nlu import lexicon as lx
from bot.nlu.names import language_words

# "a-t-il", "est-elle": a French inversion asks yes or no.
_FR_INVERSION = re.compile(r"\b\w+-(?:t-)?(?:il|elle|ils|elles|on)\b")


def question_word(words: list[str]) -> str | None:
    """The question word, as who/when/where/why/what/how_many/how_much/how_long, or
    "how_combien" for "combien" (the caller tells how_many from how_much by the money cues).

    None for a yes/no question ("est-ce que…", an English auxiliary first) or when no word asks.
    """
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
        )  # "ou travaille…", "… ou avant ?"
        if word in lx.WHERE or unaccented_where:
            return "where"
        if word in lx.WHY:
            return "why"
        if word in lx.HOW and i in (0, len(words) - 1):
            # "How did X respond?", "il s'appelle comment ?": a manner, answered like "what"
            return "what"
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


def is_yesno(
    words: list[str], raw_folded: str, qword: str | None, relations: frozenset[str]
) -> bool:
    """Whether a question without a question word asks yes or no: it opens (fillers aside) with
    an English auxiliary or "est-ce que", has a French inversion, or is a statement with
    relation cues ending in "?"."""
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
    # "X a rejoint Y ?": a statement with a question mark.
    return raw_folded.rstrip().endswith("?") and bool(relations)


def confirmation_tag(words: list[str]) -> tuple[int, int]:
    """How many of the first and of the last words hand the statement between over to be
    confirmed ("…, right?", "…, c'est ça ?"; "si j'ai bien compris, …": only a tag of
    several words opens one); (0, 0) when none do, or nothing is left between."""
    tags = sorted(lx.CONFIRMATION_TAGS, key=len, reverse=True)
    for tag in tags:
        size = len(tag.split())
        if len(words) > size + 1 and " ".join(words[-size:]) == tag:
            return 0, size
    for tag in tags:
        size = len(tag.split())
        if size >= OPENING_TAG_WORDS and len(words) > size + 1 and " ".join(words[:size]) == tag:
            return size, 0
    return 0, 0


OPENING_TAG_WORDS = 3  # "si j'ai bien compris, …"; a short tag first ("non", "right") is no tag


def singular(word: str) -> str:
    """ "ceos" -> "ceo", "chercheurs" -> "chercheur": role nouns are listed in the singular."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def tense(words: list[str]) -> str | None:
    """'future', 'past' or 'current' when a word says (future first, then past), else None."""
    if any(w in lx.FUTURE_CUES for w in words):
        return "future"
    if any(w in lx.PAST_CUES or past_verb(w) for w in words):
        return "past"
    if any(w in lx.PRESENT_CUES for w in words):
        return "current"
    return None


def past_asked(words: list[str]) -> bool:
    """The question asks of the past by its auxiliary: "did X…?" first, or a French
    inversion of the passé composé ("X a-t-il travaillé…?", "ont-ils rejoint…?")."""
    if words[:1] and words[0] in lx.PAST_AUXILIARIES:
        return True
    for i, word in enumerate(words):
        after = [w for w in words[i + 1 : i + 3] if w != "t"]
        if word in lx.PAST_AUXILIARIES and after[:1] and after[0] in lx.FR_INVERSION_PRONOUNS:
            return True
    return False


def past_verb(word: str) -> bool:
    """A relation's verb in the imperfect ("dirigeait"): the question is about the past."""
    return word.endswith(lx.PAST_ENDINGS) and bool(lx.relation_of(word))


def frame_relations(cue_relations: frozenset[str], qword: str | None) -> frozenset[str]:
    """The words' relations plus the question word's ("why" asks for a reason), except that
    "where" with a move asks for its destination, not a location."""
    if qword in lx.QWORD_RELATION and not (qword == "where" and cue_relations & lx.MOVE_RELATIONS):
        return cue_relations | {lx.QWORD_RELATION[qword]}
    return cue_relations


def word_relations(
    words: list[str], named: Callable[[str], bool] = lambda _: False
) -> frozenset[str]:
    """The relation families the words evoke; "work on" is work_on, other "work" employment.
    A word one letter off a cue is read as the cue unless it is `named` (a name the base
    knows: "lumenic" is no typo of "lure")."""
    found: set[str] = set()
    for i, word in enumerate(words):
        families = lx.relation_of(word) or (frozenset() if named(word) else typo_relation(word))
        if "employment" in families and _worked_on(words, i):
            families = (families - {"employment"}) | {"work_on"}
        if "biography" in families and word in lx.PAST_CUES and not (i and words[i - 1] in lx.HOW):
            families = families - {"biography"}  # "how old is X?" asks an age; "X's old job" not
        found |= families
    return frozenset(found)


TYPO_LETTERS = 5  # a cue (or a cue's stem) misspelt by one letter ("dirije") from this length


@lru_cache(maxsize=8192)
def typo_relation(word: str) -> frozenset[str]:
    """The relations of the cue a word misspells by one letter ("dirije", "recrutté"), when
    it is no word of French or English itself."""
    if len(word) < TYPO_LETTERS or word in language_words() or lx.engine_word(word):
        return frozenset()
    found: set[str] = set()
    # Whole cues against the word, stems ("dirig*") against its start of the same length.
    for size, (cues, families) in _typo_targets().items():
        typed = word if size == 0 else word[:size]
        for _, distance, at in process.extract(
            typed, cues, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
        ):
            if distance == 1:
                found.add(families[at])
    return frozenset(found)


@lru_cache(maxsize=1)
def _typo_targets() -> dict[int, tuple[list[str], list[str]]]:
    """The cues long enough to be misspelt, with their families: whole cues under 0, the
    stems of "dirig*" cues under their length."""
    targets: dict[int, tuple[list[str], list[str]]] = {}
    for family, cues in lx.RELATION_CUES.items():
        for cue in cues.split():
            stem = cue.rstrip("*")
            if len(stem) >= TYPO_LETTERS:
                size = len(stem) if cue.endswith("*") else 0
                stems, families = targets.setdefault(size, ([], []))
                stems.append(stem)
                families.append(family)
    return targets


# Question words a fronted particle asks with ("sur quoi travaillait…", "on what…").
_ASKED_THINGS = frozenset("quoi quel quels quelle quelles lequel laquelle what which".split())


def _worked_on(words: list[str], i: int) -> bool:
    """ "work on X", and the particle fronted with its question word ("sur quoi travaillait")."""
    if words[i + 1 : i + 2] and words[i + 1] in lx.WORK_ON_PARTICLES:
        return True
    before = words[max(0, i - 3) : i]
    return any(
        w in lx.WORK_ON_PARTICLES and before[k + 1 : k + 2] and before[k + 1] in _ASKED_THINGS
        for k, w in enumerate(before)
    )


# English writes a negation into its auxiliary: "didn't" -> "did not" ("won't", "can't" keep
# their own stems). Read whole, the auxiliary and the negation are both seen.
_CONTRACTED_NOT = re.compile(r"\b(\w+?)n['’]t\b", re.IGNORECASE)
_IRREGULAR_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}


# "+ de 10 ans", "+ than 200": the sign a chat writes for "plus" / "more".
_PLUS_FR = re.compile(r"(?<![\w+])\+\s*(?=(?:de|d'|d’|que)\b)", re.IGNORECASE)
_PLUS_EN = re.compile(r"(?<![\w+])\+\s*(?=(?:than|of)\b)", re.IGNORECASE)


def expand_negations(text: str) -> str:
    """Contracted negations spelt out ("didn't" -> "did not"), and a chat's "+ de" in words."""
    text = _PLUS_EN.sub("more ", _PLUS_FR.sub("plus ", text))
    return _CONTRACTED_NOT.sub(lambda m: f"{_IRREGULAR_STEMS.get(m[1].lower(), m[1])} not", text)


def negated(words: list[str], raw_folded: str, statement: bool) -> bool:
    """The question asks whether a negation is true: an odd number of negations in the clause
    after its truth cue ("is it true that X did not join…?", "n'est-il pas vrai que X n'a pas
    rejoint…?"), or in a negative statement handed over to be confirmed ("X never worked at Y,
    right?", "X n'a pas rejoint Y ?"). A negative question ("didn't X join…?", "est-ce que X
    n'a pas rejoint…?") presupposes the positive and asks the same; the negation of the cue
    itself ("isn't it true", "n'est-il pas vrai") only insists."""
    cue = next((i for i, w in enumerate(words) if w in lx.TRUTH_CUES), None)
    if cue is None and not statement:
        return False
    count = 0
    for i in range(0 if cue is None else cue + 1, len(words)):
        word = words[i]
        inverted = (
            i > 0
            and words[i - 1] in lx.FR_INVERSION_PRONOUNS
            and re.search(rf"-{words[i - 1]}\s+{word}\b", raw_folded) is not None
        )
        nobody = word in lx.NEGATIVE_PRONOUNS and _nobody(words, i)
        count += (word in lx.NEGATION_PARTICLES or nobody) and not inverted
    return count % 2 == 1


def _nobody(words: list[str], i: int) -> bool:
    """ "personne n'a…", "n'a recruté personne", a chat's "a recruté personne": nobody, where
    "la personne qui…" is someone."""
    opener = bool(set(words[i + 1 : i + 4]) & lx.NEGATION_PARTICLES_BEFORE)
    closer = bool(set(words[max(0, i - 3) : i]) & lx.NEGATION_PARTICLES_BEFORE)
    return opener or closer or (i > 0 and bool(lx.relation_of(words[i - 1])))


def truth_wrapped(words: list[str]) -> list[str] | None:
    """The statement a truth cue wraps ("is it true that X works…": "X works…"), else None."""
    cue = next((i for i, w in enumerate(words) if w in lx.TRUTH_CUES), None)
    if cue is None:
        return None
    rest = words[cue + 1 :]
    return rest[1:] if rest[:1] and rest[0] in lx.COMPLEMENTIZERS else rest


def told_as_past(words: list[str]) -> bool:
    """A statement told in the past: a past cue, a past auxiliary ("X a travaillé"), or a
    relation's verb in the simple past ("X worked at Y")."""
    return any(
        w in lx.PAST_CUES
        or w in lx.PAST_AUXILIARIES
        or past_verb(w)
        or (w.endswith(lx.SIMPLE_PAST_ENDINGS) and bool(lx.relation_of(w)))
        for w in words
    )


def interrogative(words: list[str], raw_folded: str) -> bool:
    """The question is asked in interrogative form: an English auxiliary first (fillers aside),
    "est-ce que", or a French inversion; a statement ending in "?" is not."""
    content = [w for w in words if w not in lx.FILLERS]
    return bool(content) and (
        content[0] in lx.EN_AUXILIARIES
        or content[:2] == ["est", "ce"]  # "est-ce que", "est-ce qu'il"
        or _FR_INVERSION.search(raw_folded) is not None
    )


def phrase_in(words: list[str], phrases: tuple[str, ...] | frozenset[str]) -> str | None:
    """The first of `phrases` (one word or several) written in `words`, else None."""
    joined = f" {' '.join(words)} "
    return next((p for p in phrases if f" {p} " in joined), None)


def order_asked(words: list[str]) -> str | None:
    """'first' or 'last' when the question asks for a rank in time ("the last to join"); not
    in a date ("last month", "le mois dernier")."""
    dated = [
        w
        for i, w in enumerate(words)
        if lx.DATE_NOUNS & {*words[max(0, i - 1) : i], *words[i + 1 : i + 2]}
    ]
    undated = [w for w in words if w not in dated]
    found = phrase_in(undated, tuple(sorted(lx.ORDER_WORDS, key=len, reverse=True)))
    return lx.ORDER_WORDS[found] if found else None


def comparative(words: list[str]) -> str | None:
    """'more' or 'less' when the question compares sizes ("who hired more", "le plus gros");
    "ne … plus" is a negation. ("plus de 2000" is also a comparator: the caller tells.)"""
    for i, word in enumerate(words):
        if set(words[max(0, i - 3) : i]) & lx.NEGATION_PARTICLES_BEFORE:
            continue  # "il ne travaille plus": no longer
        if word in lx.COMPARATIVES:
            return lx.COMPARATIVES[word]
    return None


def same_date(words: list[str]) -> bool:
    """ "the same month as B", "le même mois que B": a date shared with B's."""
    return any(
        w in lx.SAME_WORDS and words[i + 1 : i + 2] and words[i + 1] in lx.DATE_NOUNS
        for i, w in enumerate(words)
    )
