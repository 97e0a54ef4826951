"""Every name in a question accounted for: linked to the base (a misspelt full name relinked
whole) or reported as a name the base does not know."""

from __future__ import annotations

import re

from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex, Mention
from bot.nlu.names import unknown_names
from bot.text import normalize


def capitalized(text: str) -> frozenset[str]:
    """Normalised words written with a capital, past the first, when the message mixes cases
    (in an all-lowercase or all-caps message, case says nothing)."""
    tokens = re.findall(r"\w+", text)[1:]
    if text.islower() or text.isupper():
        return frozenset()
    return frozenset(normalize(t) for t in tokens if any(c.isupper() for c in t))  # mixed case too


def account_for_names(
    text: str,
    words: list[str],
    mentions: list[Mention],
    index: EntityIndex,
    language: str,
    cut: tuple[int, int],
) -> tuple[list[Mention], tuple[str, ...]]:
    """The mentions, with a misspelt full name relinked whole ("Alexander Wang", "Tomasz
    Wierzbiki"), and the names the base does not know. A known surname inside an unknown full
    name ("Bo Pang") names someone else: its mention goes."""
    while True:
        strangers, positions, runs = unknown_names(
            text, words, mentions, index.known_names, lx.engine_word, language,
            index.partial_person, index.article_words, cut, index.first_names,
        )  # fmt: skip
        spans = [(run[0], run[-1] + 1) for run in runs if len(run) > 1]
        unsettled = [span for span in spans if not _one_full_name(span, mentions, index)]
        typo = next((t for span in unsettled if (t := _relinked(words, span, index))), None)
        if typo is None:
            return [m for m in mentions if m.start not in positions], strangers
        mentions = sorted(
            [m for m in mentions if m.end <= typo.start or m.start >= typo.end] + [typo],
            key=lambda m: m.start,
        )


def _one_full_name(span: tuple[int, int], mentions: list[Mention], index: EntityIndex) -> bool:
    """The run of name words is linked whole, to one entity: nothing to relink."""
    inside = [m for m in mentions if span[0] <= m.start < span[1]]
    return (
        len(inside) == 1
        and (inside[0].start, inside[0].end) == span
        and not inside[0].ambiguous
        and not index.partial_person(inside[0])
    ) or any(m.start <= span[0] and m.end >= span[1] for m in mentions if not m.ambiguous)


def _relinked(words: list[str], span: tuple[int, int], index: EntityIndex) -> Mention | None:
    start, end = span
    typo = index.full_name_typo(words[start:end])
    return None if typo is None else Mention(start, end, typo.surface, typo.entity_ids, typo.score)
