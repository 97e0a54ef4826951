"""The talent flows as plain lines ("X → Y: at least 14 (A, B, C +1)"), for the command line and
the console chat, and the short caption that goes under the picture (Telegram HTML)."""

from __future__ import annotations

from html import escape

from bot.engine import Engine
from bot.engine.flows import FlowGraph, flow_label

CAPTION_LIMIT = 1024  # Telegram's limit on a photo's caption, in characters

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Who moved where",
        "title_of": "Who moved where: {name}",
        "none": "The articles report no move between organisations.",
        "none_of": "The articles report no move between organisations for {name}.",
        "sources": "Sources:",
        "colon": ": ",
        "unknown_name": "I know no one and nothing called “{name}”.",
        "which": "Which one do you mean?",
        "footer": "Counts as the articles state them; “?”: not said where from or to.",
    },
    "fr": {
        "title": "Qui est parti où",
        "title_of": "Qui est parti où : {name}",
        "none": "Les articles ne rapportent aucun départ d’une organisation vers une autre.",
        "none_of": "Les articles ne rapportent aucun départ d’une organisation vers une autre "
        "pour {name}.",
        "sources": "Sources :",
        "colon": " : ",
        "unknown_name": "Je ne connais personne ni rien qui s’appelle « {name} ».",
        "which": "De qui ou de quoi parlez-vous ?",
        "footer": "Nombres tels que les articles les donnent ; « ? » : provenance ou destination "
        "non précisée.",
    },
}


def texts(language: str) -> dict[str, str]:
    return TEXTS["fr" if language == "fr" else "en"]


def title(graph: FlowGraph, language: str) -> str:
    """ "Who moved where", or "Who moved where: X" for one entity's flows."""
    if graph.focus is None:
        return texts(language)["title"]
    return texts(language)["title_of"].format(name=graph.focus_label(language))


def nothing(graph: FlowGraph, language: str) -> str:
    """What to say when the graph has no flow."""
    words = texts(language)
    if graph.focus is None:
        return words["none"]
    return words["none_of"].format(name=graph.focus_label(language))


def flow_lines(graph: FlowGraph, language: str) -> list[str]:
    """One line per flow, arrows first: "X → Y: at least 14 (A, B, C +1)"."""
    colon = texts(language)["colon"]
    return [
        f"{graph.name(f.source, language)} → {graph.name(f.dest, language)}{colon}"
        f"{flow_label(graph, f, language)}"
        for f in graph.flows
    ]


def graph_text(graph: FlowGraph, language: str) -> str:
    """The lines, then the articles they come from; a sentence when there is no flow."""
    words = texts(language)
    if not graph.flows:
        return nothing(graph, language)
    sources = [f"{n}. {t}" for n, (_, t) in enumerate(graph.articles, 1)]
    return "\n".join([*flow_lines(graph, language), "", words["sources"], *sources])


def caption_html(graph: FlowGraph, language: str, limit: int = CAPTION_LIMIT) -> str:
    """The picture's caption: its title in bold, then the articles cited, within `limit`."""
    words = texts(language)
    head = f"<b>{escape(title(graph, language))}</b>"
    if not graph.flows:
        return head
    lines = [head, escape(words["sources"])]
    for n, (_, article_title) in enumerate(graph.articles, 1):
        line = f"{n}. {escape(article_title)}"
        if sum(len(x) + 1 for x in lines) + len(line) > limit - 2:
            lines.append("…")
            break
        lines.append(line)
    return "\n".join(lines)


def candidates(engine: Engine, ids: list[str], language: str) -> list[str]:
    """The names of the entities a shared name may mean, sorted: "Full Name (description)"."""
    entities = [engine.kb.entities[i] for i in ids]
    return sorted(
        f"{e.name.get(language)} ({e.description.get(language).rstrip('.')})" for e in entities
    )


def graph_reply(engine: Engine, name: str, language: str) -> str:
    """What the console shows for `graph [NAME]`: the lines, or which one, or not known."""
    name = name.strip()
    if not name:
        return graph_text(engine.flows(), language)
    ids = engine.resolve_name(name)
    if not ids:
        return texts(language)["unknown_name"].format(name=name)
    if len(ids) > 1:
        options = candidates(engine, ids, language)
        return "\n".join([texts(language)["which"], *(f"• {o}" for o in options)])
    return graph_text(engine.flows(ids[0]), language)
