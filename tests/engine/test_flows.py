"""The flow model (bot/engine/flows.py): who moved from which organisation to which.

On the project's base, properties that hold whatever its size: every arrow is traceable to
move facts whose sides roll up to its ends, and its count and names come from those facts. On
the invented fixture base, exact expectations.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from paths import DATA

from bot import kb
from bot.engine import Engine
from bot.engine.factindex import orient
from bot.engine.flows import Count, Flow, build_flows, flow_label, organisation, people_text
from bot.kb.facttypes import MOVE_FACT_TYPES
from bot.kb.schema import CitationRef, Fact, Localized

THIRD_DIR = DATA / "third_article"
ARTICLE = "lumenic-debauche-vectoria"


@pytest.fixture(scope="module")
def third() -> kb.KnowledgeBase:
    return kb.load(THIRD_DIR)


def _facts(base: kb.KnowledgeBase) -> dict[str, Fact]:
    return {fact.id: fact for fact in base.facts}


def _move(base: kb.KnowledgeBase, fact_id: str, **fields) -> Fact:
    """A new move fact citing the fixture article's first cited sentence."""
    citation = base.facts[0].citations[0]
    return Fact(
        id=fact_id,
        text=Localized(fr="…", en="…"),
        citations=[CitationRef(article=citation.article, sentence=citation.sentence)],
        **fields,
    )


# --- The project's base: properties -------------------------------------------------------------


def test_every_arrow_rests_on_move_facts_whose_sides_roll_up_to_its_ends(base):
    graph = build_flows(base)
    facts = _facts(base)
    assert graph.arrows, "the base reports moves between organisations"
    for flow in graph.flows:
        assert flow.facts
        for fact_id in flow.facts:
            fact = facts[fact_id]
            assert fact.type in MOVE_FACT_TYPES
            move = orient(fact)
            assert (organisation(base, move.source) if move.source else None) == flow.source
            assert (organisation(base, move.dest) if move.dest else None) == flow.dest
        for end in (flow.source, flow.dest):
            assert end is None or base.entities[end].type == "organization"


def test_counts_names_and_articles_come_from_the_arrows_facts(base):
    facts = _facts(base)
    for flow in build_flows(base).flows:
        behind = [facts[i] for i in flow.facts]
        movers = [orient(f).mover for f in behind if orient(f).mover]
        assert list(flow.movers) == list(dict.fromkeys(movers))
        stated = [f.quantity for f in behind if f.quantity is not None]
        if flow.count is None:
            assert not stated
        else:
            assert (flow.count.value, flow.count.qualifier) in {
                (q.value, q.qualifier) for q in stated
            }
            assert all(q.value is None or q.value <= (flow.count.value or 0) for q in stated)
        assert set(flow.articles) == {c.article for f in behind for c in f.citations}


def test_every_move_between_two_organisations_is_on_exactly_one_arrow(base):
    graph = build_flows(base)
    placed = [fact_id for flow in graph.flows for fact_id in flow.facts]
    assert len(placed) == len(set(placed))
    for fact in base.facts:
        if fact.type not in MOVE_FACT_TYPES:
            continue
        move = orient(fact)
        ends = [organisation(base, e) if e else None for e in (move.source, move.dest)]
        if ends != [None, None] and ends[0] != ends[1]:
            assert fact.id in placed, fact.id


def test_arrows_come_first_then_heaviest_and_the_order_is_stable(base):
    graph = build_flows(base)
    known = [flow.known for flow in graph.flows]
    assert known == sorted(known, reverse=True)
    weights = [flow.weight for flow in graph.arrows]
    assert weights == sorted(weights, reverse=True)
    assert build_flows(base) == graph
    cited = {a for flow in graph.flows for a in flow.articles}
    assert [a for a, _ in graph.articles] == [a for a in base.articles if a in cited]


def test_a_persons_graph_holds_only_their_own_moves(base):
    movers = {orient(f).mover for f in base.facts if f.type in MOVE_FACT_TYPES} - {None}
    facts = _facts(base)
    for person in sorted(movers):
        graph = build_flows(base, person)
        assert graph.focus == person
        for flow in graph.flows:
            assert flow.movers == (person,)
            assert all(orient(facts[i]).mover == person for i in flow.facts)


def test_an_organisations_graph_is_what_flows_in_and_out_of_it(base):
    whole = build_flows(base)
    for organisation_id in whole.nodes():
        graph = build_flows(base, organisation_id)
        assert graph.flows
        assert all(organisation_id in (f.source, f.dest) for f in graph.flows)
        assert set(graph.flows) == {f for f in whole.flows if organisation_id in (f.source, f.dest)}


# --- The invented base: exact -------------------------------------------------------------------


def test_the_fixture_base_has_one_arrow_vectoria_labs_to_lumenic(third):
    graph = build_flows(third)
    assert graph.flows == (
        Flow(
            source="vectoria-labs",
            dest="lumenic",
            count=Count(9.0, "at_least"),
            movers=("ingrid-solberg",),
            facts=("ingrid-solberg-joined-lumenic", "lumenic-hired-9-from-vectoria"),
            articles=(ARTICLE,),
        ),
    )
    assert graph.nodes() == ["lumenic", "vectoria-labs"]
    assert graph.articles == ((ARTICLE, third.articles[ARTICLE].title),)
    flow = graph.flows[0]
    assert flow_label(graph, flow, "en") == "at least 9 (Ingrid Solberg)"
    assert flow_label(graph, flow, "fr") == "au moins 9 (Ingrid Solberg)"
    assert flow_label(graph, flow, "en", symbolic=True) == "≥ 9 (Ingrid Solberg)"


def test_units_and_products_count_as_their_organisation(third):
    assert organisation(third, "lumenic-tampere-lab") == "lumenic"
    assert organisation(third, "aurora-7") == "vectoria-labs"
    assert organisation(third, "lumenic") == "lumenic"
    moved = _move(
        third, "varga-joined-tampere-lab", type="joined", subject="helena-varga",
        object="lumenic-tampere-lab", source="aurora-7",
    )  # fmt: skip
    graph = build_flows(replace(third, facts=[*third.facts, moved]))
    (flow,) = graph.flows
    assert (flow.source, flow.dest) == ("vectoria-labs", "lumenic")
    assert flow.movers == ("ingrid-solberg", "helena-varga")
    assert "varga-joined-tampere-lab" in flow.facts
    assert build_flows(replace(third, facts=[*third.facts, moved]), "lumenic-tampere-lab").flows


def test_a_move_with_an_unknown_side_is_a_flow_with_no_end_there(third):
    arrived = _move(third, "varga-joined-lumenic", type="joined", subject="helena-varga",
                    object="lumenic")  # fmt: skip
    inside = _move(third, "solberg-joined-tampere", type="joined", subject="ingrid-solberg",
                   object="lumenic-tampere-lab", source="lumenic")  # fmt: skip
    graph = build_flows(replace(third, facts=[*third.facts, arrived, inside]))
    assert [(f.source, f.dest) for f in graph.flows] == [
        ("vectoria-labs", "lumenic"),
        (None, "lumenic"),  # after the arrows; a move inside one organisation is no flow
    ]
    assert graph.arrows == graph.flows[:1]
    assert graph.name(None, "en") == "?"


def test_more_than_three_names_end_with_plus_n(third):
    people = ["ingrid-solberg", "helena-varga", "tomasz-wierzbicki", "marek-wierzbicki"]
    extra = [
        _move(third, f"{p}-joined", type="joined", subject=p, object="lumenic",
              source="vectoria-labs")
        for p in people[1:]
    ]  # fmt: skip
    graph = build_flows(replace(third, facts=[*third.facts, *extra]))
    (flow,) = graph.flows
    assert flow.movers == tuple(people)
    assert people_text(graph, flow, "en") == "Ingrid Solberg, Helena Varga, Tomasz Wierzbicki +1"


def test_the_engine_resolves_names_with_its_own_linker(third):
    engine = Engine(third)
    assert engine.resolve_name("Solberg") == ["ingrid-solberg"]
    assert engine.resolve_name("vectoria labz") == ["vectoria-labs"]  # a typo
    assert sorted(engine.resolve_name("Wierzbicki")) == ["marek-wierzbicki", "tomasz-wierzbicki"]
    assert engine.resolve_name("Nobody Known") == []
    assert engine.flows("ingrid-solberg").flows[0].movers == ("ingrid-solberg",)
