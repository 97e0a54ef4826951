"""The engine's own words in French and English: verdicts, lists, clarifications, "I don't know".

Everything specific to the knowledge base (summary, example questions) comes from `about.yaml`.
"""

from __future__ import annotations

from bot.kb import Entity, KnowledgeBase
from bot.model import Answer, Citation, Option

VERDICTS = {
    ("yes", "fr"): "Oui.",
    ("yes", "en"): "Yes.",
    ("no", "fr"): "Non.",
    ("no", "en"): "No.",
    ("hedged", "fr"): "Pas confirmé.",
    ("hedged", "en"): "Not confirmed.",
    ("loose", "fr"): "Les articles ne le disent pas exactement. Voici ce qu’ils disent :",
    ("loose", "en"): "The articles don't say exactly. Here is what they do say:",
    ("unsettled", "fr"): "Pas confirmé : les articles ne le disent pas. Voici ce qu’ils disent :",
    ("unsettled", "en"): "Not confirmed: the articles don't say so. Here is what they do say:",
}
AND = {"fr": "et", "en": "and"}


def clause(sentence: str) -> str:
    """A description as a clause: first letter lowered (not an acronym's), no final period."""
    sentence = sentence.rstrip(" .")
    if sentence[:1].isupper() and sentence[1:2].islower():
        sentence = sentence[0].lower() + sentence[1:]
    return sentence


class Replies:
    """Builds reply texts; knows the base only through its `about` section and entity names."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.about = base.about

    def examples(self, language: str) -> list[str]:
        return list(self.about.examples_fr if language == "fr" else self.about.examples_en)

    def _what_i_know(self, language: str) -> str:
        examples = " ; ".join(self.examples(language)[:3])
        lead = "Par exemple :" if language == "fr" else "For example:"
        return f"{self.about.summary.get(language)} {lead} {examples}"

    @staticmethod
    def join_names(names: list[str], language: str) -> str:
        """'A, B et C.' / 'A, B and C.'"""
        if len(names) == 1:
            return f"{names[0]}."
        return f"{', '.join(names[:-1])} {AND[language]} {names[-1]}."

    def count_named(self, count: int, names: list[str], language: str) -> str:
        """'Les articles en nomment 2 : A et B.' — a count the articles do not give themselves."""
        listed = self.join_names(names, language)
        if language == "fr":
            return f"Les articles en nomment {count} : {listed}"
        return f"The articles name {count}: {listed}"

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
            parts.append(VERDICTS[(verdict, language)])
        if headline:
            parts.append(headline)
        if lead:
            parts.append(lead if lead.endswith((".", "!", "?")) else f"{lead}.")
        first = " ".join(parts)
        body = " ".join(sentences)
        return f"{first}\n{body}".strip() if first and body else (first or body)

    @staticmethod
    def no_precise_date(language: str) -> str:
        """The opening of a reply to a date asked more precisely than the articles give it."""
        if language == "fr":
            return "Les articles ne donnent pas de date plus précise que ceci :"
        return "The articles give no more precise date than this:"

    def empty(self, language: str) -> Answer:
        text = (
            "Posez-moi une question. " if language == "fr" else "Ask me a question. "
        ) + self._what_i_know(language)
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    def unknown(self, language: str, *, greeting: bool = False) -> Answer:
        if greeting:
            opening = "Bonjour !" if language == "fr" else "Hello!"
        else:
            opening = (
                "Je ne trouve pas la réponse dans mes articles."
                if language == "fr"
                else "I can't find the answer in my articles."
            )
        text = f"{opening} {self._what_i_know(language)}"
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    def foreign(self, language: str) -> Answer:
        """A message in a language Mercato does not speak."""
        text = (
            "Je ne réponds qu’en français ou en anglais. "
            if language == "fr"
            else "I only answer in English or French. "
        ) + self._what_i_know(language)
        return Answer(kind="unknown", language=language, text=text, confidence=1.0)

    def not_stated(self, language: str, names: list[str]) -> Answer:
        """A known entity, but the articles do not say what was asked about it."""
        who = self.join_names(names, language).rstrip(".") if names else ""
        if language == "fr":
            text = f"Les articles ne le disent pas{f' pour {who}' if who else ''}."
            hint = f" Vous pouvez demander par exemple : Qui est {names[0]} ?" if names else ""
        else:
            text = f"The articles don't say{f' that about {who}' if who else ''}."
            hint = f" You could ask, for example: Who is {names[0]}?" if names else ""
        return Answer(kind="unknown", language=language, text=text + hint, confidence=0.8)

    @staticmethod
    def clarify(language: str, options: list[Option], entities: dict[str, Entity]) -> Answer:
        labels = [
            f"{o.label} ({clause(entities[o.id].description.get(language))})" for o in options
        ]
        if language == "fr":
            text = "De qui parlez-vous ? " + " ; ".join(labels)
        else:
            text = "Which one do you mean? " + "; ".join(labels)
        return Answer(kind="clarify", language=language, text=text, options=options, confidence=0.5)


def combine(answers: list[Answer]) -> Answer:
    """One reply for a message that asked several things: texts in order, citations renumbered."""
    # What could not be answered is said too, in its place; if nothing could, say it once.
    # A part whose evidence the earlier parts already quoted adds nothing ("… et quand ?").
    shown: list[Answer] = []
    quoted: set[tuple[str, str]] = set()
    for answer in answers:
        evidence = {(c.article, c.sentence) for c in answer.citations}
        if answer.kind == "answer" and evidence and evidence <= quoted:
            continue
        quoted |= evidence
        shown.append(answer)
    if not any(a.kind == "answer" for a in shown):
        shown = shown[:1]
    citations: list[Citation] = []
    seen: set[tuple[str, str]] = set()
    for answer in shown:
        for c in answer.citations:
            if (c.article, c.sentence) not in seen:
                seen.add((c.article, c.sentence))
                citations.append(c.model_copy(update={"n": len(citations) + 1}))
    return Answer(
        kind="answer" if any(a.kind == "answer" for a in shown) else shown[0].kind,
        language=shown[-1].language,
        text="\n\n".join(a.text for a in shown),
        citations=citations,
        confidence=min(a.confidence for a in shown),
    )
