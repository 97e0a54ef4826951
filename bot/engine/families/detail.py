"""A name the base does not know, standing as a detail of a yes/no question about known
entities: "did X leave Y to work in <unknown city>?", "was the analysis by <unknown outlet>?",
"was X the CEO of <unknown company>?".

The rest of the question is settled first. When a fact confirms it, and that fact fills the
slot the unknown name stands in (the place, the medium or source, the company of a role) with
a value the question never names, the fact contradicts the name: the reply is No, quoting the
fact that gives the right value. A slot takes one value there: the place a move went to, the
outlet that ran a report, the company of a role as the fact states it. Anything less (the fact
has no such slot, or several it could be) keeps the reply to "the articles say nothing about
<name>": a stranger is never confirmed, and no No is given without a fact behind it.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.compose import Result
from bot.engine.families.verdicts import Verdict
from bot.engine.families.yesno import compose, decide
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.nlu import lexicon as lx
from bot.nlu.parsing import Query
from bot.text import normalize

ROLE_TYPES = frozenset({"role", "leads"})
# Where the unknown name stands, from the word before it: a place, or who reported or aired it.
PLACE_WORDS = frozenset({"in", "to", "at", "a", "au", "aux", "en", "dans", "vers"})
SOURCE_WORDS = frozenset({"by", "par", "selon", "on", "sur", "via"})  # not "from": a move's side


def unknown_detail(tk: Toolkit, query: Query) -> Result | None:
    """No, with the fact that fills the unknown name's slot otherwise; None to say nothing."""
    if not query.yesno or len(query.unknown_names) != 1 or not query.entities:
        return None
    start = _position(query)
    first = min((e.position for e in query.entities if e.position >= 0), default=-1)
    if start is None or first < 0 or start < first:
        return None  # the unknown name leads the question: it is what is asked about
    rest = replace(query, unknown_names=(), content=frozenset(), capitalized=frozenset())
    facts, matched = tk.selector.select(rest)
    verdict = decide(tk, rest, facts, matched) if facts else None
    if verdict is None or verdict.value != "yes":
        return None
    asked = {e.id for e in query.entities}
    before = query.words[start - 1] if start else ""
    fact = next((f for f in verdict.facts if _other_value(f, asked, before)), None)
    if fact is None:
        return None
    return compose(tk, query, Verdict("no", [fact]))


def _position(query: Query) -> int | None:
    """Where the unknown name's first word stands in the question."""
    first = normalize(query.unknown_names[0]).split()[:1]
    return next((i for i, w in enumerate(query.words) if [w] == first), None)


def _other_value(fact: Fact, asked: set[str], before: str) -> bool:
    """The fact fills the unknown name's slot with one value the question does not name."""
    slots = {
        "place": fact.place,
        "source": fact.via or fact.attributed_to,
        "company": fact.object if fact.type in ROLE_TYPES else None,
    }
    filled = {kind: value for kind, value in slots.items() if value and value not in asked}
    if before in PLACE_WORDS:
        wanted = {"place"}
    elif before in SOURCE_WORDS:
        wanted = {"source"}
    elif before in lx.STOPWORDS:  # "CEO of X", "PDG de X"
        wanted = {"company"}
    else:
        return False
    return len(filled) == 1 and set(filled) <= wanted
