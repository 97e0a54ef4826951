"""The engine's own words: verdicts, lists, clarifications, "I don't know".

The words of each language Mercato speaks are a module of this package named by its code
(`fr.py`, `en.py`), picked by `words(language)`; any other language gets the English words.
Everything specific to the knowledge base (summary, example questions) comes from `about.yaml`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType

from bot.kb import Entity, Fact, KnowledgeBase
from bot.model import Answer, Citation, Option
from bot.nlu.lexicon import LANGUAGES
from bot.nlu.names import zipf
from bot.text import normalize

FALLBACK = "en"
MAX_QUOTES = 3  # quotes in a reply before the rest goes behind "More"
_MODULES: dict[str, ModuleType] = {
    code: importlib.import_module(f"{__name__}.{code}") for code in LANGUAGES
}


def words(language: str) -> ModuleType:
    """The module of `language`'s words (English's for a language without one)."""
    return _MODULES.get(language) or _MODULES[FALLBACK]


def clause(sentence: str, name: str = "") -> str:
    """A description as a clause: first letter lowered (not an acronym's, nor that of the
    described entity's own name opening it), no final period."""
    sentence = sentence.rstrip(" .")
    if name and sentence.startswith(name):
        return sentence
    if sentence[:1].isupper() and sentence[1:2].islower():
        sentence = sentence[0].lower() + sentence[1:]
    return sentence


NAME_ZIPF = 4.0  # a first word rarer than this, before a capital, opens a name ("Kasia Lind")


def as_clause(
    description: str, name: str = "", language: str = "en", names: frozenset[str] = frozenset()
) -> str:
    """A description after a colon: its first letter lowered, unless it opens with a name
    ("Quillon’s supercomputer", "Kasia Lind’s company"): a word no commoner than a
    name is, or a word of the names the base knows (`names`), before another capital
    ("Former Quillon manager" is lowered)."""
    words = description.rstrip(" .").split()
    if not words:
        return ""
    first, after = words[0], words[1:2]
    before_capital = bool(after) and after[0][:1].isupper()
    rare = zipf(first.lower(), language) < NAME_ZIPF or normalize(first) in names
    inner_capital = any(c.isupper() for c in first[1:])  # "OpenAI researcher", "xAI's"
    named = "’" in first or "'" in first or (before_capital and rare) or inner_capital
    return " ".join(words) if named else clause(description, name)


class Replies:
    """Builds reply texts; knows the base only through its `about` section and entity names."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.about = base.about
        self.article_count = len(base.articles)

    def summary(self, language: str) -> str:
        """The base's summary; `{articles}` in it reads as the number of articles, so that it
        stays true as the base grows."""
        return self.about.summary.get(language).replace("{articles}", str(self.article_count))

    def examples(self, language: str) -> list[str]:
        return list(self.about.examples_fr if language == "fr" else self.about.examples_en)

    def _what_i_know(self, language: str) -> str:
        examples = " ; ".join(self.examples(language)[:3])
        return f"{self.summary(language)} {words(language).FOR_EXAMPLE} {examples}"

    @staticmethod
    def join_names(names: list[str], language: str) -> str:
        """'A, B et C.' / 'A, B and C.'"""
        if len(names) == 1:
            return f"{names[0]}."
        return f"{', '.join(names[:-1])} {words(language).AND} {names[-1]}."

    def count_named(self, count: int, names: list[str], language: str) -> str:
        """'Les articles en nomment 2 : A et B.' — a count the articles do not give themselves."""
        return words(language).count_named(count, self.join_names(names, language))

    @staticmethod
    def compose(
        language: str,
        sentences: list[str],
        *,
        headline: str | None = None,
        verdict: str | None = None,
        lead: str | None = None,
    ) -> str:
        """Answer first (verdict, list of names or description), then the facts' own phrasing."""
        parts = []
        if verdict:
            parts.append(words(language).VERDICTS[verdict])
        if headline:
            parts.append(headline)
        if lead:
            parts.append(lead if lead.endswith((".", "!", "?", ":")) else f"{lead}.")
        first = " ".join(parts)
        body = " ".join(sentences)
        return f"{first}\n{body}".strip() if first and body else (first or body)

    @staticmethod
    def measure(fact: Fact, language: str) -> str | None:
        """ "At least 14 researchers and engineers.", "More than 200 million dollars over
        several years.": a fact's count or amount as the first line of an answer."""
        lang = words(language)
        if fact.amount is not None:
            amount = fact.amount
            parts = [lang.QUALIFIERS[amount.qualifier], lang.number(amount.value)]
            parts.append(lang.CURRENCIES[amount.currency])
            if amount.period is not None:
                parts.append(amount.period.get(language))
        elif fact.quantity is not None and fact.quantity.value is not None:
            quantity = fact.quantity
            parts = [lang.QUALIFIERS[quantity.qualifier], lang.number(quantity.value)]
            parts.append(quantity.unit.get(language))
        else:
            return None
        text = " ".join(p for p in parts if p)
        return f"{text[:1].upper()}{text[1:]}."

    @staticmethod
    def order(relation: str, language: str) -> str:
        """ "Before.", "After.", "The same month.": one date against another."""
        return words(language).ORDER[relation]

    @staticmethod
    def unordered(language: str) -> str:
        """The opening of a reply when the dates do not tell which came first."""
        return words(language).UNORDERED

    @staticmethod
    def uncompared(language: str) -> str:
        """The opening of a reply when the figures do not tell which is larger."""
        return words(language).UNCOMPARED

    @staticmethod
    def no_exact_number(language: str) -> str:
        """The opening of a reply to a number asked more exactly than the articles give it."""
        return words(language).NO_EXACT_NUMBER

    @staticmethod
    def not_quoted(name: str, language: str) -> str:
        """The articles quote nothing `name` said; what they say of them follows."""
        return words(language).not_quoted(name)

    def said_nothing_about(self, name: str, topics: list[str], language: str) -> Answer:
        """Someone quoted on other things than the asked ones: no answer about these."""
        text = words(language).said_nothing_about(name, self.join_names(topics, language)[:-1])
        return Answer(kind="unknown", language=language, text=text, confidence=0.8)

    @staticmethod
    def no_year(language: str) -> str:
        """Before the facts, when the year asked for is in none of them."""
        return words(language).NO_YEAR

    @staticmethod
    def no_precise_date(language: str) -> str:
        """The opening of a reply to a date asked more precisely than the articles give it."""
        return words(language).NO_PRECISE_DATE

    def empty(self, language: str) -> Answer:
        text = f"{words(language).ASK_ME} {self._what_i_know(language)}"
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    def unknown(self, language: str, *, greeting: bool = False) -> Answer:
        opening = words(language).HELLO if greeting else words(language).NOT_FOUND
        text = f"{opening} {self._what_i_know(language)}"
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    def foreign(self, language: str) -> Answer:
        """A message in a language Mercato does not speak."""
        text = f"{words(language).FOREIGN} {self._what_i_know(language)}"
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    @staticmethod
    def no_antecedent(language: str) -> Answer:
        """A pronoun standing for someone the conversation never named."""
        text = words(language).NO_ANTECEDENT
        return Answer(kind="unknown", language=language, text=text, confidence=0.9)

    @staticmethod
    def own_reporting(language: str) -> str:
        """The lead of a reply giving a fact's source when the article credits no one."""
        return str(words(language).OWN_REPORTING)

    @staticmethod
    def nothing_sourced(language: str) -> Answer:
        """ "Who says so?" when nothing was answered before."""
        text = words(language).NOTHING_SOURCED
        return Answer(kind="unknown", language=language, text=text, confidence=0.9)

    def not_stated(self, language: str, names: list[str]) -> Answer:
        """A known entity, but the articles do not say what was asked about it."""
        who = self.join_names(names, language).rstrip(".") if names else ""
        text = words(language).not_stated(who)
        hint = f" {words(language).hint(names[0])}" if names else ""
        return Answer(kind="unknown", language=language, text=text + hint, confidence=0.8)

    def unknown_names(self, language: str, unknown: tuple[str, ...], known: list[str]) -> Answer:
        """Names the base does not know: said so, never answered with someone else's facts."""
        text = words(language).nothing_about(self.join_names(list(unknown), language).rstrip("."))
        more = words(language).hint(known[0]) if known else self._what_i_know(language)
        return Answer(kind="unknown", language=language, text=f"{text} {more}", confidence=0.9)

    @staticmethod
    def clarify(language: str, options: list[Option], entities: dict[str, Entity]) -> Answer:
        labels = [
            f"{o.label} ({as_clause(entities[o.id].description.get(language), o.label, language)})"
            for o in options
        ]
        text = f"{words(language).CLARIFY} " + words(language).OPTION_SEPARATOR.join(labels)
        return Answer(kind="clarify", language=language, text=text, options=options, confidence=0.5)


def combine(answers: list[Answer]) -> Answer:
    """One reply for a message that asked several things: texts in order, citations renumbered."""
    # What could not be answered is said too, in its place; if nothing could, say it once.
    # A part whose evidence the earlier parts already quoted adds nothing ("… et quand ?").
    shown: list[Answer] = []
    quoted: set[tuple[str, str]] = set()
    for answer in answers:
        whole = answer.more or answer  # the same parts are kept, short or whole
        evidence = {(c.article, c.sentence) for c in whole.citations}
        if answer.kind == "answer" and evidence and evidence <= quoted:
            continue
        quoted |= evidence
        shown.append(answer)
    if not any(a.kind == "answer" for a in shown):
        shown = shown[:1]
    combined = Answer(
        kind="answer" if any(a.kind == "answer" for a in shown) else shown[0].kind,
        language=shown[-1].language,
        text="\n\n".join(a.text for a in shown),
        citations=renumbered(a.citations for a in shown),
        confidence=min(a.confidence for a in shown),
    )
    if not any(a.more for a in shown) and len(combined.citations) <= MAX_QUOTES:
        return combined
    # Each part keeps its first quote in the short reply; the rest is behind "More".
    wholes = [a.more or a for a in shown]
    return combined.model_copy(
        update={
            "citations": renumbered([a.citations[:1] for a in shown]),
            "more": combined.model_copy(
                update={
                    "text": "\n\n".join(a.text for a in wholes),
                    "citations": renumbered(a.citations for a in wholes),
                }
            ),
        }
    )


def renumbered(groups: Iterable[list[Citation]]) -> list[Citation]:
    """The citations of several answers, each sentence once, numbered anew."""
    citations: list[Citation] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        for c in group:
            if (c.article, c.sentence) not in seen:
                seen.add((c.article, c.sentence))
                citations.append(c.model_copy(update={"n": len(citations) + 1}))
    return citations
