"""Definitions: "what does X stand for?" — the expansion of a name, when the articles give it."""

from __future__ import annotations

import re

from bot.engine.compose import Result
from bot.engine.toolkit import Toolkit
from bot.kb import Entity
from bot.nlu.parsing import Query

# A run of capitalised words ("Fundamental AI Research"), with the small words inside a name.
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w’'-]*)(?:\s+(?:[A-Z][\w’'-]*|of|de|du|des|for|and))*")


def expansion(tk: Toolkit, query: Query) -> Result:
    """The words an acronym stands for, as a quoted sentence of its facts writes them, with
    those facts as evidence; the articles don't say when no sentence expands it (an alias
    alone is no evidence)."""
    entity = tk.kb.entities[query.entities[0].id]
    lang = query.language
    involving = tk.facts.involving.get(entity.id, [])
    texts = [c.sentence or "" for f in involving for c in f.citations]
    expanded = next((run for text in texts for run in runs(text, entity) if spells(run, entity)),
                    None)  # fmt: skip
    if expanded is None:
        return Result(tk.replies.not_stated(lang, tk.composer.names(query)), ())
    evidence = [f for f in involving if any(expanded in (c.sentence or "") for c in f.citations)]
    separator = " : " if lang == "fr" else ": "
    lead = f"{entity.name.get(lang)}{separator}{expanded}"
    confidence = tk.composer.confidence(query, 0.9)
    return tk.composer.compose(query, evidence[:2], confidence=confidence, lead=lead)


def runs(text: str, entity: Entity) -> list[str]:
    """The candidate expansions in a sentence: the entity's aliases written in it ("AKI
    (Answers, Knowledge and Information)", commas and all), then its runs of capitalised words."""
    written = [alias for alias in entity.aliases if len(alias.split()) > 1 and alias in text]
    return [*written, *_CAPITALISED_RUN.findall(text)]


def spells(run: str, entity: Entity) -> bool:
    """The capitals of `run` spell one of the entity's short names ("FAIR" in "Fundamental
    AI Research"); a run that is the name itself spells nothing."""
    capitals = "".join(c for c in run if c.isupper())
    names = {entity.name.fr, entity.name.en, *entity.aliases}
    return any(
        len(name) > 1 and name.isupper() and capitals == name and run != name for name in names
    )
