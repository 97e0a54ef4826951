"""What the parser reads from one question: a Query, with its linked entities (EntityRef)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.nlu.linking import Mention


@dataclass(frozen=True)
class EntityRef:
    """A linked entity and, for moves, the side it stands on: 'source', 'dest', 'at' (after
    "at"/"chez", the verb decides the side) or None."""

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
    qword: str | None  # who | when | where | why | what | how_many | how_much | how_long | None
    relations: frozenset[str]
    entities: tuple[EntityRef, ...]
    ambiguous: Mention | None = None
    yesno: bool = False
    profile: bool = False
    pronoun: bool = False  # he/she/il/elle… refers to the conversation's last person
    plural_pronoun: bool = False
    thing_pronoun: int | None = None  # position of "it" / "l'a": a company named before
    ellipsis: bool = False  # "Et X ?", "And when?": completes the previous question
    greeting: bool = False
    foreign: bool = False  # written in a language Mercato does not speak
    months: frozenset[int] = frozenset()
    days: frozenset[int] = frozenset()  # days of the month, beside a month name
    years: frozenset[int] = frozenset()
    # Words no lexicon explains (not names, cues or stopwords): matched against facts' wording.
    content: frozenset[str] = field(default_factory=frozenset)
    keywords: frozenset[str] = frozenset()  # every meaningful word, cue words included
    # Unexplained words written with a capital in a mixed-case message: likely unknown names.
    capitalized: frozenset[str] = frozenset()
    # Names as written that link to no entity and that no article writes: unknown to the base.
    unknown_names: tuple[str, ...] = ()
    cue_relations: frozenset[str] = frozenset()  # relations evoked by words, not the question word
    move_verbs: tuple[tuple[int, str], ...] = ()  # (word index, 'join' | 'hire' | 'leave')
    passive: bool = False  # "was hired", "a été recruté"
    asks_source: bool = False  # "d'où", "where … from": the unknown is where they came from
    present: bool = False  # "still", "now", "encore": about the present
    negative: bool = False  # the question itself is negative ("refused", "without")
    negated: bool = False  # it denies what it asks ("is it true that X did not…"): verdicts flip
    tense: str | None = None  # 'past' | 'current' | 'future' when the question says
    since: bool = False  # its month or year opens a span ("depuis janvier"), dates no event
    comparisons: tuple[tuple[str, float], ...] = ()  # ("<", 5.0) for "moins de 5 ans"
    numbers: tuple[float, ...] = ()  # every number stated, years included
    role_words: frozenset[str] = frozenset()  # "CEO", "directeur"…: the role asked about
    type_noun: str | None = None  # "companies", "modèles"…: the kind of entity asked for
    order: str | None = None  # 'first' | 'last': a rank in time ("the last to join")
    same_date: bool = False  # "the same month as B": a date shared with B's
    comparative: str | None = None  # 'more' | 'less': which is larger ("who hired more")
    definition: bool = False  # "what does X stand for": what X's name means
    no_antecedent: bool = False  # "when did he join X?" with no one named before
    # "Who says so?" after an answer: the ids of the facts it quoted, whose source is asked.
    sourced_facts: tuple[str, ...] = ()

    def with_entities(self, entities: tuple[EntityRef, ...]) -> Query:
        return replace(self, entities=entities, ambiguous=None)
