"""The engine facade: one loaded knowledge base, answering questions. Knows nothing of Telegram."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import kb
from bot.engine import snapshot
from bot.engine.answerer import Answerer
from bot.engine.factindex import Phrasings, parsed_phrasings
from bot.engine.flows import FlowGraph, build_flows, focus_moves
from bot.engine.state import State
from bot.model import Answer
from bot.nlu.linking import ArticleReading, reading
from bot.nlu.names import accented_forms, language_words
from bot.settings import default_knowledge_dir
from bot.text import clean_input, normalize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """An article the knowledge base is built from."""

    id: str
    title: str
    editorial_title: bool


class Engine:
    """Answers questions from one knowledge base; safe to share between conversations."""

    def __init__(
        self,
        base: kb.KnowledgeBase,
        previous: Engine | None = None,
        read: Callable[[], ArticleReading] | None = None,
        phrased: Sequence[Phrasings] = (),
    ) -> None:
        """`previous`, an engine over an earlier state of the same base, lends its indexes
        when the entities and facts have not changed; `read`, what the articles' texts give
        the entity index, read while the facts were parsed; `phrased`, what the facts' texts
        give the fact index, read by the processes that parsed them."""
        self.kb = base
        previous_tk = previous._answerer.tk if previous else None
        self._answerer: Answerer = Answerer(base, previous_tk, read, phrased)

    def answer(
        self,
        question: str,
        state: State | None = None,
        *,
        language_hint: str | None = None,
    ) -> tuple[Answer, State]:
        """Answer one question read in the light of `state` (None: a new conversation); with
        the state to answer the next question of the conversation. `state` is not changed.

        Never raises: an unexpected failure is logged and answered with an honest `unknown`
        (the state then stays as it was).
        """
        state = state if state is not None else State()
        try:
            return self._answerer.answer(question, state, language_hint)
        except Exception:
            log.exception("engine failed on a question")
            return self._failure(state, language_hint), state

    def answer_with_choice(
        self,
        question: str,
        entity_id: str,
        state: State | None = None,
        *,
        language_hint: str | None = None,
    ) -> tuple[Answer, State]:
        """Answer `question` again, reading its ambiguous name as the entity `entity_id`.

        Used when the asker picks one option of a `clarify` answer (a button press).
        """
        state = state if state is not None else State()
        try:
            return self._answerer.answer_with_choice(question, entity_id, state, language_hint)
        except Exception:
            log.exception("engine failed on a clarified question")
            return self._failure(state, language_hint), state

    def _failure(self, state: State, language_hint: str | None) -> Answer:
        language = state.language or language_hint
        return self._answerer.replies.unknown("fr" if language == "fr" else "en")

    def resolve_name(self, text: str) -> list[str]:
        """The entity ids `text` may name, with the questions' own linker (aliases, typos):
        one id, several when the name is shared (ask which), none when unknown."""
        mentions = self._answerer.tk.index.link(normalize(clean_input(text)).split())
        if not mentions:
            return []
        best = max(mentions, key=lambda m: (m.end - m.start, m.score, -m.start))
        return list(best.entity_ids)

    def mentioned(self, text: str) -> list[str]:
        """The ids of every entity `text` names, as a question's names are linked."""
        mentions = self._answerer.tk.index.link(normalize(clean_input(text)).split())
        return sorted({entity_id for m in mentions for entity_id in m.entity_ids})

    def flows(self, entity_id: str | None = None) -> FlowGraph:
        """Who moved from which organisation to which; with `entity_id`, only its own flows.
        Read from the index's moves, and kept for the next /graph of the same."""
        index = self._answerer.tk.facts
        return index.derived(
            ("flows", entity_id),
            lambda: build_flows(self.kb, entity_id, focus_moves(index, entity_id)),
        )

    def sources(self) -> list[Source]:
        """The articles, in knowledge-base order."""
        return [Source(a.id, a.title, a.meta.title_is_editorial) for a in self.kb.articles.values()]

    def summary(self, language: str) -> str:
        """One paragraph saying what Mercato knows about, in `language`."""
        return self._answerer.replies.summary(language)

    def examples(self, language: str) -> list[str]:
        """Example questions in `language`, taken from the knowledge base."""
        return self._answerer.replies.examples(language)


PARSE_CACHE_NAME = "knowledge-parse-cache.pickle"
SNAPSHOT_NAME = "engine-snapshot.pickle"


def load_engine(
    knowledge_dir: str | Path | None = None,
    data_dir: str | Path | None = None,
    previous: Engine | None = None,
) -> Engine:
    """Load the knowledge base (raises kb.KnowledgeError when it is broken) and wrap it.

    With `data_dir`, the engine built is kept there (`snapshot`) and read back while the
    base's files and the code are unchanged; parsed YAML is cached there too. `previous`, the
    engine loaded before from the same directory (a reload), lends what its unchanged files
    gave: only the changed files are read and checked again.
    """
    directory = Path(knowledge_dir or default_knowledge_dir())
    cache = Path(data_dir) / PARSE_CACHE_NAME if data_dir is not None else None
    stored = Path(data_dir) / SNAPSHOT_NAME if data_dir is not None else None
    # A load builds millions of objects and frees almost none: the cyclic garbage
    # collector would run over and over for nothing (about a sixth of a large base's load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        key = snapshot.snapshot_key(directory) if stored else None
        engine = snapshot.read(stored, key) if stored and key and previous is None else None
        if not isinstance(engine, Engine):
            read: list[Callable[[], ArticleReading]] = []
            saves: list[Callable[[], None]] = []  # the parse cache's, written with the snapshot

            def meanwhile(articles: dict[str, kb.Article]) -> None:
                """While other processes parse the facts (`ParseCache.parse_aside`)."""
                read.append(reading(articles))
                language_words()

            built: list[Engine] = []

            def while_checked(base: kb.KnowledgeBase, phrased: list[Phrasings]) -> None:
                """While another process checks the facts' references and citations."""
                built.append(Engine(base, previous, read[0] if read else None, phrased))

            base = kb.load(
                directory,
                cache,
                previous=previous.kb if previous else None,
                meanwhile=None if previous else meanwhile,
                save=saves.append if stored and key else None,
                facts_digest=None if previous else parsed_phrasings,
                while_checked=None if previous else while_checked,
            )
            engine = built[-1] if built else Engine(base, previous, read[0] if read else None)
            # Read before the snapshot's thread, which would slow them down, and once here,
            # not in the middle of a first reply.
            language_words()
            accented_forms()
            if stored and key:
                # Written aside: the engine answers meanwhile (a process exits once written).
                snapshot.write_later(stored, key, engine, directory, first=saves)
        language_words()
        accented_forms()
        return engine
    finally:
        # The engine's millions of objects live as long as it does: out of the collector's
        # sight, a full collection no longer walks them all (a second-long pause mid-answer).
        gc.freeze()
        if collecting:
            gc.enable()


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The engine over the configured base (by default ./knowledge, else the project's own),
    loaded once."""
    return load_engine()


def answer(question: str, state: State | None = None) -> tuple[Answer, State]:
    """`answer(question, state) -> (Answer, State)` over the project's knowledge base."""
    return default_engine().answer(question, state)
