"""Words around a name that say it is a product: an apposition naming what it is ("Zephyrin,
a chatbot the pair built", "Ostrava, the company's flagship family of models", "Vintaro, un
assistant conversationnel") or the kind of agent before it ("the coding agent Devin")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.curation.roles import PRODUCT_HINTS
from bot.text import normalize

DETERMINERS = frozenset("a an the its their un une le la les l son sa ses leur leurs".split())
# "family of models", "gamme de puces": a group of products is a product too.
GROUP_NOUNS = frozenset("family line series range suite famille gamme série serie".split())
GROUP_LINKS = frozenset("of de d des".split())
# What follows a product noun when the name is a company's ("a chatbot start-up", "a robot
# maker"): no product.
MAKER_NOUNS = frozenset(
    "start startup company firm maker makers developer developers lab laboratory business "
    "entreprise société societe fabricant éditeur editeur concepteur".split()
)
AGENT_NOUNS = frozenset("agent agents".split())
HINTS = frozenset(normalize(h) for h in PRODUCT_HINTS)


def _possessive(tokens, k: int, text: str) -> bool:
    """Token k is followed by "'s" ("the company's", "Quillon's")."""
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].norm == "s"
        and text[tokens[k].end : tokens[k + 1].start] in ("'", "’")
    )


def described_as_product(tokens, end: int, text: str) -> bool:
    """The name is followed by ", a <product noun>": its apposition says what it is."""
    return described_as(tokens, end, text, _product_noun)


def described_as(
    tokens, end: int, text: str, noun: Callable[[Any, int], bool], modifiers: int = 1
) -> bool:
    """The name is followed by ", a <noun>" (up to `modifiers` words before the noun: "la
    jeune pousse", "the Emeryville robotics start-up"), for `noun(tokens, j)`."""
    if end >= len(tokens) or not text[tokens[end - 1].end : tokens[end].start].startswith(","):
        return False
    k = end
    if tokens[k].norm in DETERMINERS:
        k += 1
    elif _possessive(tokens, k, text):
        k += 2
    else:
        return False
    if k < len(tokens) and _possessive(tokens, k, text):
        k += 2
    for skip in range(modifiers + 1):  # "a new chatbot": a modifier before the noun
        j = k + skip
        if j >= len(tokens) or text[tokens[k].start : tokens[j].start].count(","):
            return False
        if noun(tokens, j):
            return True
    return False


def _product_noun(tokens, j: int) -> bool:
    word = tokens[j].norm
    following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if word in HINTS:
        return following not in MAKER_NOUNS
    if word in GROUP_NOUNS and following in GROUP_LINKS and j + 2 < len(tokens):
        return tokens[j + 2].norm in HINTS
    return False


def after_agent(tokens, start: int) -> bool:
    """ "the coding agent Devin", "l'agent Vela": a one-word name after "agent" and the
    lowercase word that says what the agent does, or after "agent" and a determiner."""
    if start < 2 or tokens[start - 1].norm not in AGENT_NOUNS:
        return False
    if start + 1 < len(tokens) and tokens[start + 1].raw[:1].isupper():
        return False  # "agent John Smith": a person's name
    modifier = tokens[start - 2].raw
    return modifier.islower() and modifier.isalpha()
