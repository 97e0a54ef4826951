"""An article in: plain text (first non-empty line: the title) or a file with front matter;
its metadata completed (id, language detected), its sentences split, its words tokenised."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from bot.kb.loader import FRONT_MATTER
from bot.kb.sentences import split_sentences
from bot.nlu.language import detect_language
from bot.text import normalize

# A number with a decimal or thousands separator ("1,7", "2.4", "1,000") is one token.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+")
_SEPARATED = re.compile(r"(\d+)[.,](\d+)")


@dataclass(frozen=True)
class Token:
    raw: str
    norm: str
    start: int  # character offsets in the sentence
    end: int


@dataclass
class Sentence:
    index: int
    text: str
    tokens: list[Token]

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i (", ", " ", "’"…)."""
        before = self.tokens[i - 1].end if i else 0
        return self.text[before : self.tokens[i].start]


@dataclass
class Draft:
    """An article being added: its front matter and its sentences."""

    meta: dict
    body: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def language(self) -> str:
        return self.meta["language"]


def tokenize(text: str) -> list[Token]:
    found = []
    for match in _TOKEN.finditer(text):
        norm = _number(match.group()) or normalize(match.group())
        if norm:
            found.append(Token(match.group(), norm.replace(" ", ""), match.start(), match.end()))
    return found


def _number(raw: str) -> str | None:
    """ "1,7" and "2.4" are decimals ("1.7", "2.4"); a separator before three digits and no
    more ("1,000", "250.000") separates thousands."""
    whole = _SEPARATED.fullmatch(raw)
    if whole is None:
        return None
    if len(whole[2]) == 3:
        return whole[1] + whole[2]
    return f"{whole[1]}.{whole[2]}"


def slug(text: str, words: int = 8) -> str:
    parts = re.sub(r"[^a-z0-9]+", " ", normalize(text)).split()
    return "-".join(parts[:words]) or "article"


def read(raw: str, **given: str | None) -> Draft:
    """The article of `raw`, its front matter completed by `given` (id, title, language,
    date, source: given values win over the file's)."""
    raw = raw.replace("\r\n", "\n")
    meta: dict = {}
    match = FRONT_MATTER.match(raw)
    if match:
        meta = yaml.safe_load(match.group(1)) or {}
        body = raw[match.end() :]
    else:
        lines = raw.strip("\n").split("\n")
        title = next((line.strip() for line in lines if line.strip()), "")
        body = "\n".join(lines[lines.index(next(x for x in lines if x.strip())) + 1 :])
        meta["title"] = title
    for key, value in given.items():
        if value:
            meta[key] = value
    body = body.strip("\n") + "\n"
    if not meta.get("title"):
        meta["title"] = body.strip().split("\n")[0]
    if not meta.get("language"):
        meta["language"] = detect_language(normalize(body).split(), body, "en")
    meta["id"] = meta.get("id") or slug(meta["title"])
    meta.setdefault("title_is_editorial", False)
    meta.setdefault("source", None)
    meta.setdefault("date", None)
    ordered = {k: meta.get(k) for k in ("id", "title", "title_is_editorial", "language")}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    draft = Draft(ordered, body)
    draft.sentences = [
        Sentence(i, text, tokenize(text)) for i, text in enumerate(split_sentences(body))
    ]
    return draft


def article_file(draft: Draft) -> str:
    """The article file: front matter, then the text verbatim."""
    meta = {k: (str(v) if k == "date" and v is not None else v) for k, v in draft.meta.items()}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{draft.body}"
