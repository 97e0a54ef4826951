"""The lexicons that give a question its frame, built from one data file per language.

The words live in `fr.yaml` and `en.yaml` (with `common.yaml` for tokens of no one language and
`other_languages.yaml` for languages Mercato does not speak), read and checked once, at import:
a broken file raises LexiconError naming `file:line`. See `concepts.py` for the concepts. Each
constant below is a concept's words over every language, so callers need not know which
language a word is from. Nothing here names anything from the knowledge base.

Words are in normalised form (bot.text.normalize: no accents, lowercase). A cue is either a
whole word or a stem ending in `*`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bot.nlu.lexicon.concepts import (
    COMMON,
    DIRECTORY,
    LANGUAGES,
    MOVE_KINDS,
    OTHERS,
    RELATION_FAMILIES,
)
from bot.nlu.lexicon.files import LexiconError as LexiconError
from bot.nlu.lexicon.files import check_files as check_files  # for `python -m bot check`
from bot.nlu.lexicon.files import load

_LEXICONS = load()
_SPOKEN = [_LEXICONS[code] for code in LANGUAGES] + [_LEXICONS[COMMON]]


def _words(concept: str) -> frozenset[str]:
    """A concept's words in every language."""
    return frozenset(word for lexicon in _SPOKEN for word in lexicon.get(concept, ()))


def _listed(concept: str) -> tuple[str, ...]:
    """A concept's words in every language, in file order, each once."""
    return tuple(dict.fromkeys(word for lexicon in _SPOKEN for word in lexicon.get(concept, ())))


def _groups(concept: str, order: tuple = ()) -> dict[Any, tuple[str, ...]]:
    """A grouped concept's words in every language, group by group (`order` first)."""
    merged: dict[Any, dict[str, None]] = {group: {} for group in order}
    for lexicon in _SPOKEN:
        for group, words in lexicon.get(concept, {}).items():
            merged.setdefault(group, {}).update(dict.fromkeys(words))
    return {group: tuple(words) for group, words in merged.items()}


def _own(language: str, concept: str) -> Any:
    """A concept only `language` has and the parser needs."""
    if concept not in _LEXICONS[language]:
        raise LexiconError([f"{DIRECTORY / language}.yaml:1: {concept}: missing"])
    return _LEXICONS[language][concept]


def _by_word(concept: str) -> dict[str, Any]:
    """A grouped concept as a table from each word to its group."""
    return {word: group for group, words in _groups(concept).items() for word in words}


# Language detection: words that are frequent in one language and rare in the others.
MARKERS: dict[str, frozenset[str]] = {
    code: frozenset(_LEXICONS[code].get("markers", ())) for code in LANGUAGES
}
FRENCH_MARKERS = MARKERS["fr"]
ENGLISH_MARKERS = MARKERS["en"]

# Words that never start a fuzzy match and never link on their own (articles, pronouns…).
STOPWORDS = frozenset().union(*MARKERS.values()) | _words("stopwords")

# Question words.
WHO = _words("who")
WHEN = _words("when")
WHERE = _words("where")
HOW_LONG_TAIL = _words("how_long_tail")
# Unaccented "ou" means "where" (not "or") at either end of a question or before these.
WHERE_OU_NEXT = _words("where_ou_next")
HOW_BIG_TAIL = _words("how_big_tail")
WHY = _words("why")
WHAT = _words("what")
# "Qu'a dit…", "Que pense…": only at the start; later, "que" joins clauses ("dit que…").
OPENING_WHAT = _words("opening_what")
HOW = _words("how")
HOW_MANY_TAIL = _words("how_many_tail")
HOW_MUCH_TAIL = _words("how_much_tail")
COMBIEN = _words("combien")
NUMBER_NOUNS = _words("number_nouns")
# "what year", "quelle année": these ask for a date.
DATE_NOUNS = _words("date_nouns")
# "in may", "depuis mars": a short month name after these is a date ("may" is a verb too).
DATE_LEADS = _words("date_leads")

# Yes/no: English auxiliaries opening a question; French inversion and "est-ce que".
EN_AUXILIARIES = frozenset(_own("en", "question_auxiliaries"))
FR_INVERSION_PRONOUNS = frozenset(_own("fr", "inversion_pronouns"))
NEGATION_PARTICLES = _words("negation_particles")
CAUSE_PREPOSITIONS = _words("cause_prepositions")
NEGATIVE_PRONOUNS = _words("negative_pronouns")  # "personne n'a…"
NEGATION_PARTICLES_BEFORE = _words("negation_openers")  # "ne … plus": no longer

# Follow-ups.
PRONOUNS = _words("pronouns")
PERSON_PRONOUNS = _words("person_pronouns")
COUNTED_NOUNS = frozenset(_words("counted_nouns"))
HEADQUARTERS_WORDS = frozenset(_words("headquarters_words"))
PLURAL_PRONOUNS = _words("plural_pronouns")
# "Qui l'a quittée ?", "Who left it?": a thing (company, lab…) named in the last message.
THING_PRONOUNS = _words("thing_pronouns")
FR_OBJECT_ELISION: str = _own("fr", "object_elision")  # before an auxiliary: "l'a quittée"
FR_AUXILIARIES = frozenset(_own("fr", "elision_auxiliaries"))
ELLIPSIS_OPENERS = _words("ellipsis_openers")  # "what about", "quid de": two words, see parsing
# "tell me about X", "parle-moi de X", "who is X" with nothing else: a profile is asked.
PROFILE_CUES = _words("profile_cues")

# Move directions, by the word just before the organisation.
SOURCE_PREPOSITIONS = _words("source_prepositions")
DESTINATION_PREPOSITIONS = _words("destination_prepositions")
# Their side depends on the verb: "passé de X à Y" (to), "piqué à X" (from).
AT_PREPOSITIONS = _words("at_prepositions")
# "qui d'autre que X", "from outside X": that entity is left out of the answer.
EXCLUSION_PHRASES = _listed("exclusion_phrases")
DIRECTION_WORDS = _words("direction_words")  # destinations only after a move verb
# "au profit de X", "in favour of": the word before is "de"/"of", yet it names the winner.
DESTINATION_PHRASES = _listed("destination_phrases")
# "Which companies…?": the answer is organisations, not people.
ORGANIZATION_NOUNS = _words("organization_nouns")
DETERMINERS = _words("determiners")
STAFF_NOUNS = _words("staff_nouns")
UNIT_NOUNS = _words("unit_nouns")
OWNER_PREPOSITIONS = _words("owner_prepositions")
# The files give ranks from 1 ("first": 1); the table gives indexes from 0.
ORDINALS: dict[str, int] = {word: rank - 1 for word, rank in _by_word("ordinals").items()}

# Move verbs by what their grammatical subject is: the mover ("join"), the destination
# ("hire": X hired…), or the source ("leave"/"lose": X lost…). Cue strings, see _matches_cue.
MOVE_VERBS: dict[str, str] = {
    kind: " ".join(words) for kind, words in _groups("move_verbs", MOVE_KINDS).items()
}
PASSIVE_MARKERS = _words("passive_markers")

# Relation families: cue words and stems that evoke them. The move families take the move
# verbs as well as their own words.
_MOVE_FAMILY_VERBS = {"move_in": ("join", "hire"), "move_out": ("leave",)}
RELATION_CUES: dict[str, str] = {
    family: " ".join([*(MOVE_VERBS[kind] for kind in _MOVE_FAMILY_VERBS.get(family, ())), *cues])
    for family, cues in _groups("relation_cues", RELATION_FAMILIES).items()
}

# The relation a question word asks for, which outranks the verbs' relations.
QWORD_RELATION = {
    "where": "location",
    "why": "reason",
    "how_much": "amount",
    "how_many": "count",
    "how_long": "duration",
}
WORK_ON_PARTICLES = _words("work_on_particles")
# Tense cues: which of someone's roles the question is about.
PAST_CUES = _words("past_cues")
FUTURE_CUES = _words("future_cues")
PAST_ENDINGS = tuple(_listed("past_endings"))  # "dirigeait": a relation's verb in the past
SIMPLE_PAST_ENDINGS = tuple(_listed("simple_past_endings"))  # "worked"
# Nouns naming a kind of entity, for "Which companies / models / people are mentioned?".
TYPE_NOUNS: dict[str, str] = _by_word("type_nouns")
CONJUNCTIONS = _words("conjunctions")
LINKING_WORDS = _words("linking_words")
# Role nouns, grouped by meaning across languages: a question naming one ("Who is the CEO
# of…") wants that role, not any role, and "PDG" is the same role as "CEO".
ROLE_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group) for group in _groups("role_synonyms").values()
)
ROLE_NOUNS = frozenset().union(*ROLE_SYNONYMS)
# Titles of several words, by the group of role nouns they name ("chief executive": ceo).
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    str(name): phrases for name, phrases in _groups("role_phrases").items()
}
# Each group of role nouns by its name ("ceo", "head"): the fact-type table says which imply
# a relation (bot.kb.facttypes.TITLE_RELATIONS).
ROLE_GROUPS: dict[str, frozenset[str]] = {
    str(name): frozenset(group) for name, group in _groups("role_synonyms").items()
}


def role_synonyms(words: frozenset[str]) -> frozenset[str]:
    """`words` with every role noun's synonyms added."""
    return words.union(*(group for group in ROLE_SYNONYMS if group & words))


NEGATIVE_CUES = " ".join(_listed("negative_cues"))  # a cue string, see _matches_cue
# Words that report something second-hand or conditionally: what follows is not confirmed.
HEDGE_CUES = " ".join(_listed("hedge_cues"))
REPORT_CUES = _words("report_cues")  # "reportedly?": the question asks of the report itself
# A question opening with these is about the present ("Is she at…", "Does he work…").
PRESENT_AUXILIARIES = _words("present_auxiliaries")
PAST_AUXILIARIES = _words("past_auxiliaries")
AGENT_PREPOSITIONS = _words("agent_prepositions")  # "led by X", "dirigée par X": X acts
CLEFT_OPENERS = _listed("cleft_openers")  # "c'est X qui…", "is it X who…"
OTHER_WORDS = _words("other_words")  # "what about the other?", "et l'autre ?"
ADDITIVE_WORDS = _words("additive_words")  # "who else?", "qui d'autre ?", "also"
DEMONSTRATIVES = _words("demonstratives")  # "that figure", "ce chiffre"
SINCE_WORDS = _words("since_words")  # "since January": a span's start
BEFORE_WORDS = _words("before_words")  # "did A join before B?"
AFTER_WORDS = _words("after_words")
ORDER_WORDS: dict[str, str] = _by_word("order_words")  # "the first / last to join": a rank in time
SAME_WORDS = _words("same_words")  # "the same month as B"
COMPARATIVES: dict[str, str] = _by_word("comparatives")  # "more", "the most": which is larger
DEFINITION_CUES = _listed("definition_cues")  # "what does X stand for": what X is
SPENDING_VERBS = _words("spending_verbs")  # "spent", "passé": time or money
PAYMENT_VERBS = _words("payment_verbs")  # "combien a-t-il sorti": paying, after "how much"
CONFIRMATION_TAGS = _listed("confirmation_tags")  # "…, right?", "…, c'est ça ?"
NAME_WORDS = _words("name_words")  # "what are their names"
COMPANY_SUFFIXES = _words("company_suffixes")  # "Figure AI", "X Labs", "Y Ventures"
NAME_PARTICLES = _words("name_particles")  # "ada al zeta": one name around the particle
COMPLEMENTIZERS = _words("complementizers")  # "did X say that…", "a-t-il dit que…"
TOPIC_MARKERS = _words("topic_markers")  # "did X say anything about Y", "a-t-il parlé de Y"
TRUTH_CUES = _words("truth_cues")  # "is it true that…", "c'est vrai que…"
COPULAS = _words("copulas")  # "X est chez Y ?": a statement's verb
PLURAL_QUANTIFIERS = _words("plural_quantifiers")  # "the two Daniels", "tous les Chen"
PURPOSE_MARKERS = _words("purpose_markers")  # "pour travailler", "afin de": a purpose
INFINITIVE_ENDINGS = tuple(_listed("infinitive_endings"))  # the verb after a purpose marker
# "The Llama guy", "le mec d'Apple": a person described by what they are tied to.
PERSON_NOUNS = _words("person_nouns")
# "The founder of X", "le patron de X": someone described by what they did.
DESCRIPTION_NOUNS = _words("description_nouns")
# "Quel jour exactement ?": a question asking for a day, or a date made precise.
DAY_NOUNS = _words("day_nouns")
YEAR_NOUNS = _words("year_nouns")
PRECISION_WORDS = _words("precision_words")
# "still", "now": the question is about the present.
PRESENT_CUES = _words("present_cues")
MOVE_RELATIONS = frozenset({"move_in", "move_out"})

# Words that are part of the question's frame, never of a name.
FRAME_WORDS = (
    WHO | WHEN | WHERE | WHY | WHAT | HOW | COMBIEN | PROFILE_CUES | PRONOUNS | PLURAL_PRONOUNS
)

# Chatty wrappers and politeness carry no meaning for the answer.
FILLERS = _words("fillers")
# Frequent words of languages Mercato does not speak, to say so instead of guessing; a word
# that is also a marker of a language it speaks does not count.
_OTHERS = _LEXICONS[OTHERS]
OTHER_LANGUAGE_MARKERS = frozenset(
    word for words in _OTHERS.get("markers", {}).values() for word in words
) - frozenset().union(*MARKERS.values())
# French words told apart only by their accent; the accented one is kept as this word.
ACCENTED_HOMOGRAPHS: dict[str, str] = _by_word("accented_homographs")
# "more than 2000?", "moins de 5 ans ?": a number the question compares with the facts'.
COMPARATORS: dict[str, str] = _by_word("comparators")
MULTIPLIERS: dict[str, float] = {
    word: float(value) for word, value in _by_word("multipliers").items()
}
ROUND_NUMBERS: dict[str, int] = _by_word("round_numbers")  # "une dizaine", "a dozen"
GREETINGS = _words("greetings") | frozenset(
    word for words in _OTHERS.get("greetings", {}).values() for word in words
)


def _matches_cue(word: str, cues: str) -> bool:
    return any(
        word.startswith(cue[:-1]) if cue.endswith("*") else word == cue for cue in cues.split()
    )


@lru_cache(maxsize=4096)
def move_verb_class(word: str) -> str | None:
    """'join', 'hire' or 'leave' when `word` is a move verb."""
    return next((kind for kind, cues in MOVE_VERBS.items() if _matches_cue(word, cues)), None)


@lru_cache(maxsize=4096)
def negative(word: str) -> bool:
    """Whether `word` turns a statement negative ("refused", "without", "not"…)."""
    return _matches_cue(word, NEGATIVE_CUES)


@lru_cache(maxsize=4096)
def hedge(word: str) -> bool:
    """Whether `word` marks a report or a condition ("reportedly", "selon", "envisagerait")."""
    return _matches_cue(word, HEDGE_CUES)


@lru_cache(maxsize=4096)
def relation_of(word: str) -> frozenset[str]:
    """The relation families a normalised word evokes (cached: the same words recur)."""
    return frozenset(family for family, cues in RELATION_CUES.items() if _matches_cue(word, cues))


MONTHS: dict[str, int] = _by_word("months")


def engine_word(word: str) -> bool:
    """A word the lexicons give a job (question word, cue, stopword, role, month…): no name.

    So is a plural of one ("CEOs", "startups"): each trailing "s" is taken off in turn, in a
    loop (a recursion overflowed on a run of two thousand "s", "ß" folded).
    """
    forms = [word]
    while forms[-1].endswith("s") and len(forms[-1]) > 3:
        forms.append(forms[-1][:-1])
    return any(_engine_word(form) for form in forms)


def _engine_word(word: str) -> bool:
    return (
        word in STOPWORDS
        or word in FRAME_WORDS
        or word in FILLERS
        or word in GREETINGS
        or word in MONTHS
        or word in ROLE_NOUNS
        or word in TYPE_NOUNS
        or bool(relation_of(word))
        or negative(word)
        or hedge(word)
    )
