"""The flows as text lines and as a picture: wording in both languages, the PNG's signature and
size, a deterministic layout, and no overlapping text even on a base three times larger."""

from __future__ import annotations

import io
import struct
from dataclasses import replace
from itertools import combinations

import pytest
from paths import DATA

from bot import kb
from bot.engine.flows import build_flows
from bot.frontends.console import chat
from bot.frontends.graph_image import draw, render_png
from bot.frontends.graph_text import CAPTION_LIMIT, caption_html, flow_lines, graph_text
from bot.testing.fake_bot_api import parse_telegram_html

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def third() -> kb.KnowledgeBase:
    return kb.load(DATA / "third_article")


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def tripled(base: kb.KnowledgeBase) -> kb.KnowledgeBase:
    """The base with two renamed copies of every entity and fact: three times as many flows."""
    entities = dict(base.entities)
    facts = list(base.facts)
    for copy in (2, 3):

        def rename(entity_id: str | None, copy: int = copy) -> str | None:
            return f"{entity_id}-{copy}" if entity_id else None

        for entity in base.entities.values():
            name = entity.name.model_copy(
                update={"fr": f"{entity.name.fr} {copy}", "en": f"{entity.name.en} {copy}"}
            )
            entities[rename(entity.id)] = entity.model_copy(
                update={"id": rename(entity.id), "name": name, "part_of": rename(entity.part_of)}
            )
        for fact in base.facts:
            fields = {k: rename(getattr(fact, k)) for k in ("subject", "object", "source", "to")}
            facts.append(fact.model_copy(update={"id": f"{fact.id}-{copy}", **fields}))
    return replace(base, entities=entities, facts=facts)


# --- Text ---------------------------------------------------------------------------------------


def test_the_fixture_flow_as_a_line_in_english_and_french(third):
    graph = build_flows(third)
    assert flow_lines(graph, "en") == ["Vectoria Labs → Lumenic: at least 9 (Ingrid Solberg)"]
    assert flow_lines(graph, "fr") == ["Vectoria Labs → Lumenic : au moins 9 (Ingrid Solberg)"]
    title = third.articles["lumenic-debauche-vectoria"].title
    assert graph_text(graph, "en").endswith(f"\n\nSources:\n1. {title}")
    assert graph_text(graph, "fr").endswith(f"\n\nSources :\n1. {title}")


def test_an_entity_with_no_move_is_said_so(third):
    graph = build_flows(third, "nordkapp-ventures")
    assert not graph.flows
    assert "no move" in graph_text(graph, "en") and "Nordkapp Ventures" in graph_text(graph, "en")
    assert "aucun" in graph_text(graph, "fr")


def test_the_real_base_lines_name_counts_with_their_qualifier(base):
    lines = flow_lines(build_flows(base), "en")
    assert len(lines) == len(build_flows(base).flows)
    assert all(" → " in line and ": " in line for line in lines)
    assert any(": at least " in line for line in lines)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_caption_is_telegram_html_within_the_limit(base, third, language):
    for graph in (build_flows(base), build_flows(third), build_flows(tripled(base))):
        caption = caption_html(graph, language)
        visible = parse_telegram_html(caption)  # raises on HTML Telegram would refuse
        assert len(visible) <= CAPTION_LIMIT
        assert graph.articles[0][1] in visible
    long = caption_html(build_flows(base), language, limit=120)
    assert len(parse_telegram_html(long)) <= 120 and long.endswith("…")


def test_the_console_shows_the_lines_for_graph_and_keeps_more(engine):
    out = io.StringIO()
    chat(engine, io.StringIO("graph\ngraphe Pang\ngraph Nobody Known Here\nmore\n"), out)
    shown = out.getvalue()
    assert "\n".join(flow_lines(engine.flows(), "en")) in shown
    assert "\n".join(flow_lines(engine.flows("ruoming-pang"), "fr")) in shown
    assert "Nobody Known Here" in shown
    assert "Nothing more" in shown  # `more` still answers


# --- Picture ------------------------------------------------------------------------------------


def test_the_picture_is_a_png_at_least_800_pixels_wide_and_deterministic(base):
    graph = build_flows(base)
    data = render_png(graph, "en")
    width, height = png_size(data)
    assert width >= 800 and height > 200
    assert render_png(graph, "en") == data
    assert render_png(graph, "fr") != data


def test_the_fixture_picture_and_an_empty_one_are_drawn_too(third):
    assert png_size(render_png(build_flows(third), "fr"))[0] >= 800
    assert png_size(render_png(build_flows(third, "nordkapp-ventures"), "en"))[0] >= 800


def _overlaps(figure) -> list[tuple[str, str]]:
    renderer = figure.canvas.get_renderer()
    texts = [t for ax in figure.axes for t in ax.texts if t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    width, height = figure.bbox.width, figure.bbox.height
    for text, box in boxes:
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, text
    return [(a, b) for (a, box_a), (b, box_b) in combinations(boxes, 2) if box_a.overlaps(box_b)]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_text_overlaps_on_the_seed_base_or_one_three_times_larger(base, language):
    for graph in (build_flows(base), build_flows(tripled(base)), build_flows(base, "meta")):
        figure = draw(graph, language)
        figure.canvas.draw()
        assert _overlaps(figure) == []
    assert len(build_flows(tripled(base)).flows) == 3 * len(build_flows(base).flows)


def test_the_overlap_check_sees_an_overlap(base):
    figure = draw(build_flows(base), "en")
    ax = figure.axes[0]
    first = ax.texts[1]
    ax.text(*first.get_position(), first.get_text(), fontsize=first.get_fontsize())
    figure.canvas.draw()
    assert _overlaps(figure)
