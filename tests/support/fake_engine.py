"""A canned engine with the real Engine's interface, for testing the Telegram side alone.

The question picks the answer: "ambiguous" asks to choose between two people, "nothing" is
unknown, "long" is over 4096 characters, "hostile" is full of HTML, "brief" holds more back,
"boom" raises, "echo …" is answered with the question itself; anything
else gets a normal answer with two citations. Every call is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import Source, State
from bot.model import Answer, Citation, Option

TITLE_PANG = "Meta poaches Apple's top AI models executive"
TITLE_XAI = "xAI & Meta: 14 talents move"

SUMMARIES = {
    "en": "I answer questions about the AI talent war, from two articles <quoted> & cited.",
    "fr": "Je réponds aux questions sur la guerre des talents de l’IA, d’après deux articles.",
}
EXAMPLES = {
    "en": ["Who did Meta hire?", "Where did Ruoming Pang work before?", "Who joined xAI?", "Q4?"],
    "fr": [
        "Qui Meta a-t-il recruté ?",
        "Où travaillait Ruoming Pang ?",
        "Qui a rejoint xAI ?",
        "Q4",
    ],
}
SOURCES = [
    Source("meta-recrute-pang", TITLE_PANG, editorial_title=False),
    Source("xai-recrute-meta", TITLE_XAI, editorial_title=True),
]
OPTIONS = (Option(id="alex-wang", label="Alexandr Wang"), Option(id="alex-karp", label="Alex Karp"))

CITATIONS = [
    Citation(
        n=1,
        article="meta-recrute-pang",
        title=TITLE_PANG,
        sentence="Meta hired Ruoming Pang, who led Apple's foundation models team.",
    ),
    Citation(
        n=2,
        article="xai-recrute-meta",
        title=TITLE_XAI,
        sentence="Fourteen Meta researchers joined xAI in a month.",
    ),
]
NORMAL_TEXT = {
    "en": "Meta hired Ruoming Pang from Apple. He leads a new models team.",
    "fr": "Meta a recruté Ruoming Pang chez Apple. Il dirige une nouvelle équipe.",
}
LONG_TEXT = " ".join(f"Sentence {i} says something about the AI talent war." for i in range(120))
HOSTILE = Answer(
    kind="answer",
    language="en",
    text='Use <b>bold</b> & "quotes" then </blockquote> AT&T <a href="x">link</a>',
    citations=[
        Citation(
            n=1,
            article="evil",
            title="Title </i><i> & <script>alert(1)</script>",
            sentence="Sentence with </blockquote><b> & &amp; inside.",
        )
    ],
    confidence=0.5,
)


def normal_answer(language: str = "en") -> Answer:
    """The answer to any ordinary question."""
    return Answer(
        kind="answer",
        language=language,
        text=NORMAL_TEXT[language],
        citations=CITATIONS,
        confidence=0.9,
    )


def clarify_answer(language: str = "en") -> Answer:
    """The answer to a question naming an ambiguous "Alex"."""
    text = {"en": "Which Alex do you mean?", "fr": "De quel Alex parlez-vous ?"}[language]
    return Answer(
        kind="clarify", language=language, text=text, options=list(OPTIONS), confidence=0.4
    )


def unknown_answer(language: str = "en") -> Answer:
    """The answer when the knowledge base has nothing."""
    text = {"en": "I don't know.", "fr": "Je ne sais pas."}[language]
    return Answer(kind="unknown", language=language, text=text, confidence=0.0)


def long_answer() -> Answer:
    """An answer whose text alone is well over one Telegram message."""
    return Answer(kind="answer", language="en", text=LONG_TEXT, citations=CITATIONS, confidence=0.8)


def short_answer(language: str = "en") -> Answer:
    """A short reply that holds facts and quotes back behind "More"."""
    whole = normal_answer(language).model_copy(
        update={"text": f"{NORMAL_TEXT[language]} And much more, held back."}
    )
    return normal_answer(language).model_copy(update={"citations": CITATIONS[:1], "more": whole})


def chosen_answer(entity_id: str, language: str = "en") -> Answer:
    """The answer once `entity_id` was picked among the options."""
    return Answer(
        kind="answer",
        language=language,
        text=f"About {entity_id}: joined Meta's superintelligence lab.",
        citations=CITATIONS[:1],
        confidence=0.9,
    )


@dataclass(frozen=True)
class EngineCall:
    """One call of `answer` (entity_id None) or `answer_with_choice`: the state it was given and
    the new one it returned (a new object each call, so that tests can follow a conversation)."""

    question: str
    entity_id: str | None
    state: State | None
    language_hint: str | None
    returned: State


class FakeEngine:
    """Canned answers chosen by keywords of the question; see the module docstring."""

    def __init__(self) -> None:
        self.calls: list[EngineCall] = []

    def answer(
        self,
        question: str,
        state: State | None = None,
        *,
        language_hint: str | None = None,
    ) -> tuple[Answer, State]:
        language = "fr" if language_hint == "fr" else "en"
        returned = State(language=language)
        self.calls.append(EngineCall(question, None, state, language_hint, returned))
        return self._canned(question, language), returned

    @staticmethod
    def _canned(question: str, language: str) -> Answer:
        lowered = question.lower()
        if "boom" in lowered:
            raise RuntimeError("the engine exploded")
        if lowered.startswith("echo"):
            return Answer(kind="answer", language=language, text=question, confidence=1.0)
        if "ambiguous" in lowered:
            return clarify_answer(language)
        if "nothing" in lowered:
            return unknown_answer(language)
        if "long" in lowered:
            return long_answer()
        if "hostile" in lowered:
            return HOSTILE
        if "brief" in lowered:
            return short_answer(language)
        return normal_answer(language)

    def answer_with_choice(
        self,
        question: str,
        entity_id: str,
        state: State | None = None,
        *,
        language_hint: str | None = None,
    ) -> tuple[Answer, State]:
        language = "fr" if language_hint == "fr" else "en"
        returned = State(language=language)
        self.calls.append(EngineCall(question, entity_id, state, language_hint, returned))
        return chosen_answer(entity_id, language), returned

    def sources(self) -> list[Source]:
        return list(SOURCES)

    def summary(self, language: str) -> str:
        return SUMMARIES[language]

    def examples(self, language: str) -> list[str]:
        return list(EXAMPLES[language])
