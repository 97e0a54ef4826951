"""The one table of fact types: what each means, its fields, and which questions it answers.

Everything the project knows about a type lives in its row: the fields a fact of that type
must and may have (checked at load), where it ranks in a profile, which relation families of
a question it answers (directly, or as a fallback when no direct fact exists), whether it is a
move (and which fields hold who moved, from where, to where) and whether its wording carries a
stance (so that a yes/no verdict depends on its polarity).
"""

from __future__ import annotations

from dataclasses import dataclass

# Fields every fact has, whatever its type.
CORE_FIELDS = frozenset({"id", "type", "subject", "text", "citations"})
# Fields any fact may carry: when it happened, which entities it is also about, where it was
# said or reported, where it happened; how its sentence states it (negated, reported, possible,
# planned, and whose report); whether it is a draft awaiting review.
COMMON_FIELDS = frozenset(
    {"when", "about", "via", "place", "polarity", "modality", "attributed_to", "draft"}
)
# Every relation family a question can ask about (the lexicons map words to them).
RELATIONS = (
    "move_in", "move_out", "lead", "found", "create", "role", "work_on", "statement",
    "opinion", "criticism", "reason", "plan", "amount", "count", "employment", "duration",
    "provenance", "biography", "location", "expertise", "risk", "trend", "owns", "valuation",
    "invest", "acquire",
)  # fmt: skip


# The relations only a figure answers (and "biography": details the facts never hold).
FIGURES = frozenset({"biography", "amount", "count", "duration", "valuation"})


@dataclass(frozen=True)
class Move:
    """The fields of a move fact holding who moved, where from and where to."""

    mover: str
    source: str
    dest: str


@dataclass(frozen=True)
class FactType:
    name: str
    meaning: str
    required: frozenset[str] = frozenset()
    # At least one of these must be set ("hired" names the person or says how many).
    required_one_of: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    answers: frozenset[str] = frozenset()  # relations it answers directly
    also_answers: frozenset[str] = frozenset()  # relations it answers when nothing direct does
    move: Move | None = None
    stance: bool = False
    claim: bool = False  # it only says that the subject said or thinks something
    agent: str = "subject"  # the field holding who acted ("did A criticise B?")
    # Its subject may be a person or an organisation alike (an investor): a "who" list
    # names both.
    any_agent: bool = False

    @property
    def allowed(self) -> frozenset[str]:
        return CORE_FIELDS | COMMON_FIELDS | self.required | self.required_one_of | self.optional


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# In profile order: a profile presents someone's facts in this order.
TABLE: tuple[FactType, ...] = (
    FactType(
        "role", "subject held `role` at object (tense: past, current or future)",
        required=_set("object role"), optional=_set("tense"),
        answers=_set("role employment"), also_answers=_set("lead work_on expertise location"),
    ),
    FactType(
        "leads", "subject leads or runs object (tense)",
        required=_set("object"), optional=_set("tense role"),
        answers=_set("lead role employment"), also_answers=_set("work_on location owns"),
    ),
    FactType(
        "founded", "subject founded object alone or as the one named founder",
        required=_set("object"),
        answers=_set("found create"), also_answers=_set("lead role owns"),
    ),
    FactType(
        "cofounded", "subject is one of the founders of object",
        required=_set("object"),
        answers=_set("found create"), also_answers=_set("role"),
    ),
    FactType(
        "cocreated", "subject is one of the creators of a product (object)",
        required=_set("object"),
        answers=_set("create"), also_answers=_set("found role"),
    ),
    FactType(
        "owns", "subject owns object (\"the founder's company\")",
        required=_set("object"),
        answers=_set("owns"), also_answers=_set("lead found role"),
    ),
    FactType(
        "joined", "subject (a person) joined object, coming from `from`",
        required=_set("object"), optional=_set("from role tense"),
        answers=_set("move_in move_out employment"), also_answers=_set("role location"),
        move=Move(mover="subject", source="source", dest="object"),
    ),
    FactType(
        "hired", "subject (an organisation) hired object (a person) or `quantity` people, "
        "from `from`",
        required_one_of=_set("object quantity"), optional=_set("from role"),
        answers=_set("move_in move_out employment"), also_answers=_set("role location"),
        move=Move(mover="object", source="source", dest="subject"),
    ),
    FactType(
        "left", "subject left object, for `to` when the article says where",
        required=_set("object"), optional=_set("to role tense"),
        answers=_set("move_in move_out"), also_answers=_set("location"),
        move=Move(mover="subject", source="object", dest="to"),
    ),
    FactType(
        "worked_on", "subject worked on or contributed to object",
        required=_set("object"), optional=_set("tense role"),
        answers=_set("work_on expertise"), also_answers=_set("role employment"),
    ),
    FactType(
        "expertise", "what subject is known for",
        optional=_set("object"), answers=_set("work_on expertise"),
    ),
    FactType(
        "location", "subject is, or works, at `place`",
        optional=_set("object"), answers=_set("location employment"),
    ),
    FactType(
        "count", "subject has `quantity` of something (employees, former staff…)",
        required=_set("quantity"), optional=_set("object tense"),
        answers=_set("count employment"), also_answers=_set("amount"),
    ),
    FactType(
        "amount", "money: subject offered or paid `amount` to object",
        required=_set("amount"), optional=_set("object"),
        answers=_set("amount"),
    ),
    FactType(
        # What a company is worth is no one's pay: only a valuation answers it.
        "valuation", "subject (a company) is valued at `amount`",
        required=_set("amount"), answers=_set("valuation"),
    ),
    FactType(
        # Who put money into a company, or led its round: no one's move, no one's pay.
        "invested", "subject (an investor) invested in object (a company) or took part in its "
        "funding round; `role` lead investor when it led the round; `amount` what it put in",
        required=_set("object"), optional=_set("role amount tense"),
        answers=_set("invest"), also_answers=_set("amount"), any_agent=True,
    ),
    FactType(
        # A company bought whole, or its assets and team; a collapsed purchase is negated.
        "acquired", "subject (a company) acquired or bought object (a company, or its assets "
        "or team); `amount` the price when the sentence gives it",
        required=_set("object"), optional=_set("amount tense"),
        answers=_set("acquire"), also_answers=_set("owns"), any_agent=True,
    ),
    FactType(
        "duration", "subject spent `quantity` (of time) at object",
        required=_set("quantity"), optional=_set("object"),
        answers=_set("duration employment"), also_answers=_set("amount location"),
    ),
    FactType(
        "statement", "subject said something, `via` a medium",
        optional=_set("object tense"),
        answers=_set("statement opinion"), also_answers=_set("criticism reason"), stance=True,
        claim=True,
    ),
    FactType(
        "opinion", "subject thinks something",
        optional=_set("object tense"),
        answers=_set("statement opinion"), also_answers=_set("criticism reason"), stance=True,
        claim=True,
    ),
    FactType(
        "criticism", "subject criticised object (or a criticism with no named author)",
        optional=_set("object tense"),
        answers=_set("statement opinion criticism risk"), stance=True,
    ),
    FactType(
        "criticised", "subject is criticised; object is the critic when the article names one",
        optional=_set("object tense"),
        answers=_set("criticism risk"), agent="object",
    ),
    FactType(
        "reason", "why subject does something",
        optional=_set("object tense"),
        answers=_set("reason"), also_answers=_set("statement opinion"), stance=True,
    ),
    FactType(
        "plan", "subject plans or considers something",
        optional=_set("object tense"),
        answers=_set("plan"), also_answers=_set("reason"), stance=True,
    ),
    FactType(
        "strategy", "what subject aims for",
        optional=_set("object tense"),
        also_answers=_set("statement opinion reason plan trend"), stance=True,
    ),
    FactType(
        "risk", "a risk or consequence the articles raise",
        optional=_set("object tense"),
        answers=_set("risk"), also_answers=_set("criticism reason trend"),
    ),
    FactType(
        "trend", "a claim about the market as a whole",
        optional=_set("object tense"),
        answers=_set("trend"), also_answers=_set("risk"),
    ),
    FactType(
        "mention", "an untyped draft: the sentence mentions subject (and `about`), nothing more "
        "is typed; it answers only when no typed fact does, with its quote, and never settles "
        "a yes/no question",
        # `amount`, `quantity`: the sentence's one sum, its one count, which a question naming
        # all its entities may ask for (bot.engine.families.quoted); the selection never takes
        # either as a figure.
        optional=_set("object tense amount quantity"),
        # It holds no figure: how much, how many, how long are never its to answer.
        also_answers=frozenset(RELATIONS) - FIGURES,
    ),
)  # fmt: skip

# What a title says its holder does: a CEO or a head of X leads X (the lexicons name each
# group's words in every language: "CEO", "PDG"; "head", "responsable", "chef").
TITLE_RELATIONS: dict[str, frozenset[str]] = {
    "ceo": frozenset({"lead"}),
    "head": frozenset({"lead"}),
}
# The fields whose facts may carry a title.
TITLED_TYPES = frozenset({"role", "leads", "joined", "hired"})

FACT_TYPES: dict[str, FactType] = {row.name: row for row in TABLE}
TYPE_NAMES = tuple(FACT_TYPES)
PROFILE_RANK = {row.name: rank for rank, row in enumerate(TABLE)}
# Types that only say a sentence mentions its entities: never a verdict, never a description.
MENTION_TYPES = frozenset({"mention"})
MOVE_FACT_TYPES = frozenset(row.name for row in TABLE if row.move)
STANCE_FACT_TYPES = frozenset(row.name for row in TABLE if row.stance)
CLAIM_FACT_TYPES = frozenset(row.name for row in TABLE if row.claim)
ANY_AGENT_FACT_TYPES = frozenset(row.name for row in TABLE if row.any_agent)
# Relation family -> (fact types answering it directly, fact types answering it as a fallback).
RELATION_FACT_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    relation: (
        frozenset(row.name for row in TABLE if relation in row.answers),
        frozenset(row.name for row in TABLE if relation in row.also_answers),
    )
    for relation in RELATIONS
}
