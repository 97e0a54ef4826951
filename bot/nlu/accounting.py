"""Every name in a question accounted for: linked to the base (a misspelt full name relinked
whole) or reported as a name the base does not know."""

from __future__ import annotations

import re
from itertools import pairwise

from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex, Mention
from bot.nlu.names import tokens, unknown_names, zipf
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
            kept = [m for m in mentions if m.start not in positions]
            others = other_holders(words, kept, index, language)
            raw = [t for t, _ in tokens(text)][cut[0] : len(words) + cut[0]]
            written = raw if len(raw) == len(words) else words  # as the asker wrote them
            names = tuple(" ".join(written[a:b]) for a, b in dict.fromkeys(others.values()))
            gone = set(others)
            return [m for m in kept if m.start not in gone], tuple(dict.fromkeys(strangers + names))
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


# A word after a known first name as common as this is a word of the sentence ("gros"), not
# another surname ("levy"): Zipf scale, in the question's language.
SURNAME_ZIPF = 4.0


def other_holders(
    words: list[str], mentions: list[Mention], index: EntityIndex, language: str
) -> dict[int, tuple[int, int]]:
    """The part names ("Chen", "Daniel") that stand inside someone else's full name: a first
    name the articles write before a known surname ("mark chen", when no known Mark is a
    Chen), a plain rare word after a known first name ("daniel levy"); a product's version the
    base does not know ("zeta 4"). By the mention's start: the span of words of that other name."""
    covered = {i for m in mentions for i in range(m.start, m.end)}

    def free(i: int) -> bool:
        w = words[i] if 0 <= i < len(words) else ""
        return i not in covered and w.isalpha() and len(w) > 2 and not lx.engine_word(w)

    found = {}
    for first, m in pairwise(mentions):
        # "ingrid wierzbicki": a known Ingrid's first name before the surname of others
        if (
            first.end == m.start
            and index.partial_person(first)
            and index.partial_person(m)
            and first.surface in index.first_names
            and not set(first.entity_ids) & set(m.entity_ids)
        ):
            found[first.start] = found[m.start] = (first.start, m.end)
    for m in mentions:
        if not index.partial_person(m) or m.start in found:
            continue
        before, after = m.start - 1, m.end
        span: tuple[int, int] | None
        ahead = free(before) and m.surface not in index.first_names
        if ahead and words[before] in index.first_names:
            span = (before, m.end)
        elif free(after) and m.surface in index.first_names:
            span = (m.start, after + 1) if zipf(words[after], language) < SURNAME_ZIPF else None
        else:
            span = None
        if span and " ".join(words[span[0] : span[1]]) not in index.full_names:
            found[m.start] = span
    for m in mentions:
        # "zeta 4" of a known Zeta: a version the base names nowhere is another product
        versioned = m.end < len(words) and VERSION.fullmatch(words[m.end])
        products = all(index.types.get(e) == "product" for e in m.entity_ids)
        if versioned and products and f"{m.surface} {words[m.end]}" not in index.exact:
            found.setdefault(m.start, (m.start, m.end + 1))
    return found


VERSION = re.compile(r"\d{1,2}[a-z]?")  # "4", "4o": a model's version, not a year or a count
