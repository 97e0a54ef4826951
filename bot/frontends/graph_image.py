"""The talent flows as a picture (PNG bytes), drawn with matplotlib's Agg backend (no GUI).

Layout, deterministic and free of overlapping text however many flows there are:

    sources (left)        one label per arrow (middle)          destinations (right)
    [ X ] ─────────────► [ at least 14 · A, B, C +1 ] ─────────► [ Y ]

Every arrow has its own row in the middle column, holding its count and the people named, so
labels never collide; an organisation that both lost and gained people appears on both sides.
Sources are sorted by name and their arrows kept together; destinations are ordered by where
their arrows arrive (fewer crossings), then spread evenly. A footer cites the articles.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # before anything else of matplotlib: never a window

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from bot.engine.flows import NAMES_SHOWN, Flow, FlowGraph, count_text
from bot.frontends.graph_text import nothing, texts, title

WIDTH = 12.0  # inches; at DPI, 1200 pixels
DPI = 100
MARGIN = 0.3
NODE_W = 2.6  # width of an organisation's box
LABEL_X0, LABEL_X1 = 3.55, 8.45  # the middle column, where each arrow's label sits
RIGHT_X0 = WIDTH - MARGIN - NODE_W
TITLE_H = 0.9
LINE_H = 0.3  # one line of a label
ROW_PAD = 0.28  # between two labels
NODE_H = 0.45  # height of a one-line organisation box
ARRIVAL_GAP = 0.2  # between two arrowheads on the same destination
NODE_CHARS = 14  # an organisation's name wraps beyond this
NAME_CHARS = 40  # a label's line of names wraps beyond this
FOOTER_CHARS = 120
FONT = {"title": 22, "node": 17, "count": 16, "names": 14, "footer": 12}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
UNKNOWN = "#7f7f7f"


def _label_lines(graph: FlowGraph, flow: Flow, language: str) -> list[tuple[str, str]]:
    """(text, style) lines of an arrow's label: the count in bold, then the names wrapped."""
    lines = []
    if flow.count is not None:
        lines.append((count_text(flow.count, language, symbolic=True), "count"))
    # Lines break between names, never inside one: "A, B," / "C +1".
    names = [graph.name(m, language) for m in flow.movers[:NAMES_SHOWN]]
    if len(flow.movers) > NAMES_SHOWN:
        names[-1] += f" +{len(flow.movers) - NAMES_SHOWN}"
    current = ""
    for n, name in enumerate(names):
        piece = name + ("," if n < len(names) - 1 else "")
        if current and len(current) + 1 + len(piece) > NAME_CHARS:
            lines.append((current, "names"))
            current = piece
        else:
            current = f"{current} {piece}".strip()
    if current:
        lines.append((current, "names"))
    return lines or [("?", "count")]


def _end_key(graph: FlowGraph, entity_id: str | None) -> tuple[int, str]:
    return (entity_id is None, graph.name(entity_id, "en").casefold() if entity_id else "")


def _layout(graph: FlowGraph, language: str) -> dict:
    """Rows of the middle column and the vertical place of every box, in inches from the top."""
    sources = sorted({f.source for f in graph.flows}, key=lambda e: _end_key(graph, e))
    rank = {s: n for n, s in enumerate(sources)}
    flows = sorted(graph.flows, key=lambda f: (rank[f.source], _end_key(graph, f.dest)))
    rows, y = [], TITLE_H
    for flow in flows:
        lines = _label_lines(graph, flow, language)
        height = LINE_H * len(lines) + 0.2
        rows.append((flow, lines, y + height / 2, height))
        y += height + ROW_PAD
    bottom = y - ROW_PAD
    # A source sits in the middle of its (contiguous) rows.
    left = {
        s: sum(r[2] for r in rows if r[0].source == s) / sum(r[0].source == s for r in rows)
        for s in sources
    }
    # Destinations in the order their arrows arrive, spread over the whole height, each box
    # tall enough for its arrowheads to arrive one under another.
    arrivals: dict[str | None, list[int]] = {}
    for n, row in enumerate(rows):
        arrivals.setdefault(row[0].dest, []).append(n)
    dests = sorted(
        arrivals,
        key=lambda d: (
            d is None,
            sum(rows[n][2] for n in arrivals[d]) / len(arrivals[d]),
            _end_key(graph, d),
        ),
    )
    heights = {d: max(NODE_H, ARRIVAL_GAP * (len(arrivals[d]) + 1)) for d in dests}
    gap = max(ROW_PAD, (bottom - TITLE_H - sum(heights.values())) / len(dests))
    right, arrive, cursor = {}, {}, TITLE_H + gap / 2
    for dest in dests:
        right[dest] = cursor + heights[dest] / 2
        cursor += heights[dest] + gap
        for k, n in enumerate(arrivals[dest]):
            arrive[n] = right[dest] + ARRIVAL_GAP * (k - (len(arrivals[dest]) - 1) / 2)
    return {
        "rows": rows, "left": left, "right": right, "arrive": arrive, "heights": heights,
        "bottom": max(bottom, cursor - gap / 2), "sources": sources,
    }  # fmt: skip


def _node_text(graph: FlowGraph, entity_id: str | None, language: str) -> str:
    if entity_id is None:
        return "?"
    return "\n".join(textwrap.wrap(graph.name(entity_id, language), NODE_CHARS)) or "?"


def _box(ax, x: float, y: float, w: float, h: float, colour: str, fill: str) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.12",
            facecolor=fill, edgecolor=colour, linewidth=2,
        )
    )  # fmt: skip


def _arrow(ax, start, end, colour: str, width: float, head: bool) -> None:
    ax.add_patch(
        FancyArrowPatch(
            start, end, arrowstyle="-|>,head_length=0.6,head_width=0.35" if head else "-",
            mutation_scale=20, color=colour, linewidth=width, shrinkA=0, shrinkB=2,
        )
    )  # fmt: skip


def render_png(graph: FlowGraph, language: str) -> bytes:
    """The picture of `graph` in `language`, as PNG bytes; deterministic for a given graph."""
    out = io.BytesIO()
    draw(graph, language).savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def draw(graph: FlowGraph, language: str) -> Figure:
    """The picture as a matplotlib Figure (on an Agg canvas, no GUI)."""
    words = texts(language)
    footer = [f"{n}. {t}" for n, (_, t) in enumerate(graph.articles, 1)]
    footer_lines = [words["footer"]] + [
        line for entry in footer for line in textwrap.wrap(entry, FOOTER_CHARS)
    ]
    if graph.flows:
        layout = _layout(graph, language)
        body_bottom = layout["bottom"]
    else:
        layout, body_bottom = None, TITLE_H + 0.8
    height = body_bottom + 0.5 + 0.25 * (len(footer_lines) + 1) + MARGIN
    figure = Figure(figsize=(WIDTH, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(height, 0)  # inches from the top
    ax.axis("off")
    ax.text(MARGIN, 0.45, title(graph, language), fontsize=FONT["title"], weight="bold",
            va="center")  # fmt: skip
    if layout is None:
        message = nothing(graph, language)
        ax.text(MARGIN, TITLE_H + 0.4, message, fontsize=FONT["names"], va="center")
    else:
        _draw_flows(ax, graph, language, layout)
    y = body_bottom + 0.6
    for n, line in enumerate(footer_lines):
        ax.text(MARGIN, y + 0.25 * n, line, fontsize=FONT["footer"], va="center",
                color="#333333", style="italic" if n == 0 else "normal")  # fmt: skip
    return figure


def _draw_flows(ax, graph: FlowGraph, language: str, layout: dict) -> None:
    colours = {
        s: PALETTE[n % len(PALETTE)] if s is not None else UNKNOWN
        for n, s in enumerate(layout["sources"])
    }
    heaviest = max(f.weight for f in graph.flows)
    for n, (flow, lines, row_y, row_h) in enumerate(layout["rows"]):
        colour = colours[flow.source]
        width = 1.5 + 3.0 * (flow.weight / heaviest) ** 0.5
        source_y, dest_y = layout["left"][flow.source], layout["arrive"][n]
        _arrow(ax, (MARGIN + NODE_W, source_y), (LABEL_X0, row_y), colour, width, head=False)
        _arrow(ax, (LABEL_X1, row_y), (RIGHT_X0, dest_y), colour, width, head=True)
        _box(ax, LABEL_X0, row_y, LABEL_X1 - LABEL_X0, row_h, colour, "white")
        top = row_y - LINE_H * (len(lines) - 1) / 2
        for n, (text, style) in enumerate(lines):
            ax.text((LABEL_X0 + LABEL_X1) / 2, top + LINE_H * n, text, fontsize=FONT[style],
                    weight="bold" if style == "count" else "normal", ha="center",
                    va="center")  # fmt: skip
    for side, x in (("left", MARGIN), ("right", RIGHT_X0)):
        for entity_id, y in layout[side].items():
            text = _node_text(graph, entity_id, language)
            box_h = NODE_H + 0.3 * text.count("\n")
            if side == "right":
                box_h = max(box_h, layout["heights"][entity_id])
            colour = colours.get(entity_id, "#444444") if side == "left" else "#444444"
            _box(ax, x, y, NODE_W, box_h, colour, "#f4f4f4")
            ax.text(x + NODE_W / 2, y, text, fontsize=FONT["node"], weight="bold",
                    ha="center", va="center")  # fmt: skip
