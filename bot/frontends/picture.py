"""The transfer map as a picture is optional: matplotlib comes with the `mercato[graph]` extra
(`make run` and `make test` install it). It is imported only when a picture is asked for."""

from __future__ import annotations

from bot.engine.flows import FlowGraph

MISSING = "the transfer map's picture needs matplotlib: pip install 'mercato[graph]'"


class PictureUnavailable(RuntimeError):
    """matplotlib is not installed; the message says how to install it."""


def render_png(graph: FlowGraph, language: str) -> bytes:
    """The map as PNG bytes; PictureUnavailable when matplotlib is missing."""
    try:
        from bot.frontends.graph_image import render_png as draw
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] != "matplotlib":
            raise
        raise PictureUnavailable(MISSING) from error
    return draw(graph, language)
