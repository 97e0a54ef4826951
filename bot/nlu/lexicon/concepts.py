"""The concepts a lexicon data file may hold, and the shape of each.

A file maps each concept to its words: a list, one word, or for grouped concepts a mapping from
group to list (`move_verbs: {join: [...], hire: [...]}`, `months: {1: [...]}`). Where a concept
allows stems, a trailing `*` marks one; where it allows phrases, a word may hold spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.kb.facttypes import RELATIONS

DIRECTORY = Path(__file__).parent
LANGUAGES = ("fr", "en")  # the languages Mercato speaks: a data file and a replies module each
COMMON = "common"
OTHERS = "other_languages"
FILES = (*LANGUAGES, COMMON, OTHERS)

MOVE_KINDS = ("join", "hire", "leave")  # tried in this order: the first that matches wins
# The relation families the parser knows: those the fact-type table answers.
RELATION_FAMILIES = RELATIONS


@dataclass(frozen=True)
class Concept:
    """The shape of one concept's entry in a file."""

    shape: str  # "words": a list; "word": one word; "groups": a mapping of group -> list
    stems: bool = False  # a trailing `*` marks a stem
    phrases: bool = False  # a word may be several words
    accented: bool = False  # words written with their accents (matched before normalisation)
    groups: tuple | type | None = None  # the groups allowed, or the type of a group's name
    exclusive: bool = False  # a word stands in one group only (the concept maps it to that group)


_WORDS = Concept("words")
_PHRASES = Concept("words", phrases=True)
_CUES = Concept("words", stems=True)

# Every concept a language file (or common.yaml) may hold.
CONCEPTS: dict[str, Concept] = {
    "markers": _WORDS,  # language detection: frequent here, rare in the other languages
    "stopwords": _WORDS,  # never start a fuzzy match, never link alone (markers are stopwords too)
    "who": _WORDS,
    "when": _WORDS,
    "where": _WORDS,
    "where_ou_next": _WORDS,  # unaccented "ou" before these means "where"
    "why": _WORDS,
    "what": _WORDS,
    "opening_what": _WORDS,  # "what" only as a question's first word
    "how": _WORDS,
    "how_long_tail": _WORDS,  # the words after "how": how long, how big, how many, how much
    "how_big_tail": _WORDS,
    "how_many_tail": _WORDS,
    "how_much_tail": _WORDS,
    "combien": _WORDS,  # "how many" and "how much" in one word
    "number_nouns": _WORDS,
    "date_nouns": _WORDS,
    "date_leads": _WORDS,  # the word before a short month name that makes it a date
    "question_auxiliaries": _WORDS,  # yes/no: an auxiliary opening the question
    "inversion_pronouns": _WORDS,  # yes/no: the pronoun of an inversion
    "negation_particles": _WORDS,  # "not", "pas": what negates a clause
    "cause_prepositions": _WORDS,  # "for the money", "pour le fric": a cause asked about
    "negative_pronouns": _WORDS,  # "personne n'a…": nobody, before a negation opener
    "negation_openers": _WORDS,  # "ne", "n'": opens a negation ("ne … plus": no longer)
    "pronouns": _WORDS,
    "plural_pronouns": _WORDS,
    "person_pronouns": _WORDS,
    "counted_nouns": _WORDS,
    "headquarters_words": _WORDS,
    "thing_pronouns": _WORDS,
    "object_elision": Concept("word"),  # an elided object pronoun before an auxiliary
    "elision_auxiliaries": _WORDS,
    "ellipsis_openers": _WORDS,
    "profile_cues": _WORDS,
    "source_prepositions": _WORDS,
    "destination_prepositions": _WORDS,
    "at_prepositions": _WORDS,
    "exclusion_phrases": _PHRASES,
    "direction_words": _WORDS,
    "destination_phrases": _PHRASES,
    "organization_nouns": _WORDS,
    "determiners": _WORDS,  # "Zeta (the startup)": a described name before them
    "staff_nouns": _WORDS,  # "zeta staff", "les gens de zeta": whose staff, a company
    "unit_nouns": _WORDS,  # "the AI team of zeta": a part of an organisation
    "owner_prepositions": _WORDS,  # "the boss of zeta", "l'équipe chez zeta": whose it is
    "ordinals": Concept("groups", groups=int, exclusive=True),  # rank (1 is first) -> words
    "move_verbs": Concept("groups", stems=True, groups=MOVE_KINDS),
    "passive_markers": _WORDS,
    "relation_cues": Concept("groups", stems=True, groups=RELATION_FAMILIES),
    "work_on_particles": _WORDS,
    "past_cues": _WORDS,
    "future_cues": _WORDS,
    "present_cues": _WORDS,
    "past_endings": _WORDS,  # a relation's verb ending so is in the past ("dirigeait")
    "simple_past_endings": _WORDS,  # a statement's verb ending so tells the past ("worked")
    "type_nouns": Concept("groups", groups=str, exclusive=True),  # entity type -> nouns
    "conjunctions": _WORDS,
    "linking_words": _WORDS,
    "role_synonyms": Concept("groups", groups=str),  # one role, named alike in every language
    "role_phrases": Concept("groups", groups=str, phrases=True),  # "chief executive": CEO
    "negative_cues": _CUES,
    "hedge_cues": _CUES,  # a report or a condition: what follows is not confirmed
    "report_cues": _WORDS,  # "reportedly?", "selon X ?": a question asking what is reported
    "cleft_openers": _PHRASES,  # "c'est X qui…": the question word only points back at X
    "other_words": _WORDS,  # "what about the other?": the option not chosen
    "additive_words": _WORDS,  # "who else?": more of what the last question asked
    "demonstratives": _WORDS,  # "who reported that figure?": what the last answer gave
    "since_words": _WORDS,  # "since January": a date opening a span
    "before_words": _WORDS,  # "did A join before B?": an order in time
    "order_words": Concept("groups", phrases=True, groups=("first", "last"), exclusive=True),
    "same_words": _WORDS,  # "the same month as B": a date shared with B's
    "comparatives": Concept("groups", phrases=True, groups=("more", "less"), exclusive=True),
    "definition_cues": _PHRASES,  # "what does X stand for": X's expansion or description
    "spending_verbs": _WORDS,  # "spent ten years": time, unless money is named
    "payment_verbs": _WORDS,  # "combien a-t-il sorti": a verb that means paying after "how much"
    "after_words": _WORDS,  # "did A join after B?"
    "confirmation_tags": _PHRASES,  # "…, right?": the statement before is asked yes or no
    "name_words": _WORDS,  # "their names": people asked by name, a count is no answer
    "company_suffixes": _WORDS,  # "Figure AI", "inflection labs": the word before is a name
    "name_particles": _WORDS,  # "Ada al-Zeta", "Bo van Lind": a short word inside a full name
    "complementizers": _WORDS,  # "did X say that…": what was said is asked, not whether
    "topic_markers": _WORDS,  # "did X say anything about Y": whether X spoke of Y is asked
    "truth_cues": _WORDS,  # "is it true that…": a statement asked yes or no
    "copulas": _WORDS,  # "X is at Y ?": a statement's verb
    "plural_quantifiers": _WORDS,  # "the two Daniels": every holder of a shared name
    "purpose_markers": _WORDS,  # "pour travailler", "afin de": a purpose follows
    "infinitive_endings": _WORDS,  # a purpose marker's verb ends so ("travailler")
    "present_auxiliaries": _WORDS,  # a question opening with these is about the present
    "past_auxiliaries": _WORDS,  # "did X…?", "a-t-il…?": the past, whatever the facts' tense
    "agent_prepositions": _WORDS,  # "led by X": X is who acts
    "person_nouns": _WORDS,  # "the X guy": a person described by what they are tied to
    "description_nouns": _WORDS,  # "the founder of X": someone described by what they did
    "day_nouns": _WORDS,  # "which day": a date asked to the day
    "year_nouns": _WORDS,  # "which year": a date asked to the year
    "precision_words": _WORDS,  # "what date exactly": a date asked precisely
    "fillers": _WORDS,
    "greetings": _WORDS,
    # word once accents are folded -> the accented words that stand for it
    "accented_homographs": Concept("groups", accented=True, groups=str, exclusive=True),
    "comparators": Concept("groups", phrases=True, groups=(">", ">=", "<", "=="), exclusive=True),
    "multipliers": Concept("groups", groups=int, exclusive=True),  # value -> words
    "round_numbers": Concept("groups", groups=int, exclusive=True),  # "une vingtaine": about 20
    "months": Concept("groups", groups=tuple(range(1, 13)), exclusive=True),
}
# other_languages.yaml: words grouped by language code.
OTHER_CONCEPTS: dict[str, Concept] = {
    "markers": Concept("groups", groups=str),
    "greetings": Concept("groups", groups=str),
}
