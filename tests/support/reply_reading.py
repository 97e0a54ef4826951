"""How the tests read a reply: its verdict, and whether it contradicts the one expected.

A yes/no reply opens with its verdict: "Yes."/"Oui.", "No."/"Non.", "Not confirmed."/"Pas
confirmé." ("Not confirmed: the articles don't say so" too); a reply of kind `unknown` says the
articles do not tell. A *confidently wrong* reply is a Yes or a No the expectation does not
allow: the worst defect, counted apart from mere failures.
"""

from __future__ import annotations

from bot.model import Answer
from bot.text import fold

YES, NO, HEDGED, UNKNOWN, OTHER = "yes", "no", "hedged", "unknown", "other"
# The folded words a verdict opens with, in both languages.
OPENINGS = {YES: ("yes", "oui"), NO: ("no", "non"), HEDGED: ("not confirmed", "pas confirme")}
CONFIDENT = frozenset({YES, NO})
# What an honest "the articles don't tell" says, folded, in either language.
NOT_KNOWING = (
    "don't say", "do not say", "say nothing", "nothing about", "can't find", "cannot find",
    "no information", "don't know", "ne le disent pas", "ne disent rien", "ne parlent pas",
    "ne trouve pas", "aucune information", "ne sais pas",
)  # fmt: skip


def opens_with(text: str, words: str) -> bool:
    """`text` opens with the words `words`: "no" opens "No." but not "Not confirmed"."""
    return text.startswith(words) and not text[len(words) : len(words) + 1].isalnum()


def verdict_of_text(text: str) -> str:
    """yes, no or hedged from a text's first words; other when it opens with none."""
    folded = fold(text).strip()
    for verdict, openings in OPENINGS.items():
        if any(opens_with(folded, words) for words in openings):
            return verdict
    return OTHER


def verdict_of(answer: Answer) -> str:
    """yes, no, hedged (not confirmed), unknown (kind `unknown`) or other."""
    if answer.kind == "unknown":
        return UNKNOWN
    return verdict_of_text(answer.text)


def contradicts(expected: frozenset[str], got: str) -> bool:
    """A Yes or a No that the expected verdicts do not allow: confidently wrong."""
    return got in CONFIDENT and got not in expected


def says_it_does_not_know(answer: Answer) -> bool:
    """The reply is `unknown`, or opens by saying the articles do not tell."""
    if answer.kind == "unknown":
        return True
    first_line = fold(answer.text).split("\n", 1)[0]
    return any(phrase in first_line for phrase in NOT_KNOWING)
