"""Talent flows: who moved from which organisation to which, read from the base's move facts.

Pure and platform-free. Each move fact is read with `orient` (mover, source, destination); both
sides are rolled up to their organisation (a unit or product that is part of a company counts as
that company). Facts sharing the same two ends make one flow "X → Y", which keeps the count the
articles give (the largest stated, with its qualifier), the people named as moving, and the fact
and article ids behind it, so that every arrow can be traced back to its sentences.

A move whose source or destination the articles do not give is kept as a flow with that end
None ("? → Y"): it says who arrived or left even when nobody says from or to where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.engine.factindex import FactIndex, orient
from bot.engine.replies import words
from bot.kb import Fact, KnowledgeBase, Localized
from bot.kb.facttypes import MOVE_FACT_TYPES

NAMES_SHOWN = 3  # people named on an arrow, then "+N"
# Short forms of a count's qualifier, for the picture's arrow labels.
SYMBOLS = {"exact": "", "at_least": "≥ ", "about": "~", "more_than": "> ", "nearly": "≈ "}
UNKNOWN_END = "?"


@dataclass(frozen=True)
class Count:
    """How many moved, as the articles say it: a value (None for "a few") and its qualifier."""

    value: float | None
    qualifier: str = "exact"


@dataclass(frozen=True)
class Flow:
    """One arrow: from organisation `source` to organisation `dest` (None: not said)."""

    source: str | None
    dest: str | None
    count: Count | None  # None when no fact gives a number
    movers: tuple[str, ...]  # the people named as moving, in knowledge-base order
    facts: tuple[str, ...]  # the move facts behind the arrow
    articles: tuple[str, ...]  # the articles those facts cite

    @property
    def known(self) -> bool:
        """Both ends are known: an arrow proper."""
        return self.source is not None and self.dest is not None

    @property
    def weight(self) -> float:
        """How many people the arrow stands for, at least (for ordering and line widths)."""
        stated = self.count.value if self.count and self.count.value is not None else 0.0
        return max(stated, float(len(self.movers)), 1.0)


@dataclass(frozen=True)
class FlowGraph:
    """The flows of a base (or of one entity's moves), with what renderers need to name them."""

    flows: tuple[Flow, ...]  # arrows first (heaviest first), then those with an unknown end
    names: dict[str, Localized]  # every organisation and person id appearing -> its name
    articles: tuple[tuple[str, str], ...]  # (id, title) of every article cited, in base order
    focus: str | None = None  # the entity the graph is restricted to, if any
    focus_name: Localized | None = None

    def focus_label(self, language: str) -> str:
        return self.focus_name.get(language) if self.focus_name else ""

    @property
    def arrows(self) -> tuple[Flow, ...]:
        return tuple(flow for flow in self.flows if flow.known)

    def name(self, entity_id: str | None, language: str) -> str:
        return UNKNOWN_END if entity_id is None else self.names[entity_id].get(language)

    def nodes(self) -> list[str]:
        """Every organisation at an end of a flow, sorted by name."""
        ids = {end for flow in self.flows for end in (flow.source, flow.dest) if end}
        return sorted(ids, key=lambda i: (self.names[i].en.casefold(), i))


def organisation(base: KnowledgeBase, entity_id: str) -> str:
    """The organisation `entity_id` belongs to: itself, or its nearest organisation ancestor
    (else its topmost ancestor, so that a chain with no organisation still rolls up)."""
    entities = base.entities
    chain = [entity_id]
    while (parent := entities[chain[-1]].part_of) and parent not in chain:
        chain.append(parent)
    return next((e for e in chain if entities[e].type == "organization"), chain[-1])


def build_flows(
    base: KnowledgeBase, focus: str | None = None, moves: Iterable[Fact] | None = None
) -> FlowGraph:
    """The flows of the base; with `focus`, only a person's own moves, or only the flows in
    and out of an organisation (a unit or product focuses on its organisation). `moves`, the
    facts to read, in base order (`focus_moves`): by default every fact of the base."""
    person = focus is not None and base.entities[focus].type == "person"
    groups: dict[tuple[str | None, str | None], list[Fact]] = {}
    for fact in base.facts if moves is None else moves:
        if fact.type not in MOVE_FACT_TYPES:
            continue
        move = orient(fact)
        if person and move.mover != focus:
            continue
        ends = (
            organisation(base, move.source) if move.source else None,
            organisation(base, move.dest) if move.dest else None,
        )
        if ends == (None, None) or ends[0] == ends[1]:
            continue  # nowhere known, or a move inside one organisation
        groups.setdefault(ends, []).append(fact)
    if focus is not None and not person:
        target = organisation(base, focus)
        groups = {ends: facts for ends, facts in groups.items() if target in ends}
    order = {article_id: n for n, article_id in enumerate(base.articles)}
    flows = [_flow(ends, facts, order) for ends, facts in groups.items()]
    names: dict[str, Localized] = {}
    for flow in flows:
        for entity_id in (flow.source, flow.dest, *flow.movers):
            if entity_id:
                names[entity_id] = base.entities[entity_id].name
    flows.sort(key=lambda flow: _sort_key(flow, names))
    cited = sorted({a for flow in flows for a in flow.articles}, key=order.__getitem__)
    return FlowGraph(
        tuple(flows),
        names,
        tuple((a, base.articles[a].title) for a in cited),
        focus=focus,
        focus_name=base.entities[focus].name if focus else None,
    )


def focus_moves(index: FactIndex, focus: str | None) -> list[Fact]:
    """The move facts `build_flows` reads for `focus`, from the index: those involving the
    person, or the organisation a focus rolls up to (every end rolled up to it involves it)."""
    if focus is None:
        return index.of_types(MOVE_FACT_TYPES)
    base = index.kb
    anchor = focus if base.entities[focus].type == "person" else organisation(base, focus)
    return [f for f in index.involving.get(anchor, ()) if f.type in MOVE_FACT_TYPES]


def _flow(ends: tuple[str | None, str | None], facts: list[Fact], order: dict[str, int]) -> Flow:
    counted = [f.quantity for f in facts if f.quantity is not None]
    best = max(counted, key=lambda q: -1.0 if q.value is None else q.value, default=None)
    movers = (orient(f).mover for f in facts)
    articles = {c.article for f in facts for c in f.citations if c.article in order}
    return Flow(
        source=ends[0],
        dest=ends[1],
        count=Count(best.value, best.qualifier) if best else None,
        movers=tuple(dict.fromkeys(m for m in movers if m)),
        facts=tuple(f.id for f in facts),
        articles=tuple(sorted(articles, key=order.__getitem__)),
    )


def _sort_key(flow: Flow, names: dict[str, Localized]) -> tuple:
    def name(entity_id: str | None) -> str:
        return names[entity_id].en.casefold() if entity_id else ""

    return (not flow.known, -flow.weight, name(flow.source), name(flow.dest))


# --- Words for a flow, in a language ------------------------------------------------------------


def count_text(count: Count, language: str, *, symbolic: bool = False) -> str:
    """ "at least 14" / "au moins 14" (or "≥ 14" when `symbolic`); "a few" when no value."""
    lang = words(language)
    if count.value is None:
        return lang.QUALIFIERS["some"]
    number = lang.number(count.value)
    if symbolic:
        return f"{SYMBOLS.get(count.qualifier, '')}{number}"
    return " ".join(part for part in (lang.QUALIFIERS.get(count.qualifier, ""), number) if part)


def people_text(graph: FlowGraph, flow: Flow, language: str, limit: int = NAMES_SHOWN) -> str:
    """Up to `limit` names, then "+N" for the others: "A, B, C +2"."""
    shown = ", ".join(graph.name(m, language) for m in flow.movers[:limit])
    extra = len(flow.movers) - limit
    return f"{shown} +{extra}" if extra > 0 else shown


def flow_label(graph: FlowGraph, flow: Flow, language: str, *, symbolic: bool = False) -> str:
    """What an arrow says: "at least 14 (A, B, C +1)", "A", or "more than 20"."""
    people = people_text(graph, flow, language)
    if flow.count is None:
        return people
    number = count_text(flow.count, language, symbolic=symbolic)
    return f"{number} ({people})" if people else number
