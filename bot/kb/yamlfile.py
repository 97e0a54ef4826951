"""YAML files read with line numbers, so that every problem names the line to fix.

Line numbers are computed lazily, only when a problem is reported.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from bot.kb.forked import NOTHING, Forked
from bot.kb.schema import KnowledgeError


def _node_lines(
    node: yaml.Node, path: tuple = (), keyed: bool = False
) -> Iterator[tuple[tuple, int]]:
    """Yield (path, 1-based line) for every node of a composed YAML document.

    A mapping value is located at its key's line (`keyed`), not where the value starts: a
    field missing from `text:` is reported on the `text:` line, not on its first child's.
    """
    if not keyed:
        yield path, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield (*path, key.value), key.start_mark.line + 1
            yield from _node_lines(value, (*path, key.value), keyed=True)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _node_lines(item, (*path, index))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C parser when PyYAML has it (ten times faster on a large base), refusing a
    key repeated in one mapping, which YAML would otherwise resolve silently to the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a list or mapping as a key", key_node.start_mark
                ) from None
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


try:
    from yaml import _yaml

    CParser: Any = _yaml.CParser
except ImportError:  # PyYAML built without libyaml: the full loader alone
    CParser = None


class _Unusual(Exception):
    """Something the fast builder leaves to the full loader: a tag, a merge key, a duplicate
    key, a collection as a key, several documents, a syntax error."""


_SCALARS = yaml.SafeLoader("")  # resolves and constructs plain scalars (ints, dates, nulls…)
_PLAIN = (True, False)  # a plain scalar's `implicit`
_STR = "tag:yaml.org,2002:str"
_ODD = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value", "tag:yaml.org,2002:yaml"})
_NONE: Any = object()  # no key pending, or no value yet


def _plain_scalar(value: str) -> Any:
    tag = _SCALARS.resolve(yaml.ScalarNode, value, _PLAIN)
    if tag == _STR:
        return value
    if tag in _ODD:
        raise _Unusual(tag)
    # The tag's constructor itself: `construct_object` would keep every node it built.
    return _SCALARS.yaml_constructors[tag](_SCALARS, yaml.ScalarNode(tag, value))


def _build(text: str) -> Any:
    """The document `text` holds, built straight from libyaml's events: what `yaml.load` with
    `_Loader` returns, in a third of the time (no nodes, no constructor's recursion, and each
    distinct plain scalar resolved once, its string then shared). `_Unusual` otherwise."""
    parser = CParser(text)
    try:
        get: Callable[[], Any] = parser.get_event
        if type(get()) is not StreamStartEvent:
            raise _Unusual("stream")
        event = get()
        if type(event) is StreamEndEvent:
            return None
        if type(event) is not DocumentStartEvent:
            raise _Unusual("document")
        plain: dict[str, Any] = {}
        anchors: dict[str, Any] = {}
        containers: list[Any] = []
        keys: list[Any] = []  # per open container: the mapping's key awaiting its value
        while True:
            event = get()
            kind = type(event)
            value: Any
            if kind is ScalarEvent:
                if event.tag is not None and event.tag != "!":
                    raise _Unusual("tag")
                value = event.value
                if event.implicit[0] and event.tag is None:
                    known = plain.get(value, _NONE)
                    if known is _NONE:
                        known = plain[value] = _plain_scalar(value)
                    value = known
                if event.anchor is not None:
                    anchors[event.anchor] = value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.tag is not None and event.tag != "!":
                    raise _Unusual("tag")
                if containers and keys[-1] is _NONE and type(containers[-1]) is dict:
                    raise _Unusual("collection key")
                opened: Any = {} if kind is MappingStartEvent else []
                if event.anchor is not None:
                    anchors[event.anchor] = opened
                containers.append(opened)
                keys.append(_NONE)
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value = containers.pop()
                keys.pop()
            elif kind is AliasEvent:
                value = anchors.get(event.anchor, _NONE)
                if value is _NONE:
                    raise _Unusual("alias")
            else:
                raise _Unusual("event")
            if not containers:
                break
            parent = containers[-1]
            if type(parent) is list:
                parent.append(value)
            elif keys[-1] is _NONE:
                if type(value) is dict or type(value) is list or value in parent:
                    raise _Unusual("key")  # unhashable or repeated: the full loader says which
                keys[-1] = value
            else:
                parent[keys[-1]] = value
                keys[-1] = _NONE
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            raise _Unusual("documents")
        return value
    finally:
        parser.dispose()


def load_text(text: str) -> Any:
    """`yaml.load(text, Loader=_Loader)`, through the fast builder when it can."""
    if CParser is not None:
        try:
            return _build(text)
        except (_Unusual, yaml.YAMLError):
            pass  # the full loader builds it, or raises the located error
    return yaml.load(text, Loader=_Loader)


@dataclass
class YamlFile:
    """One parsed YAML file with a way to find the line of any path in it.

    Line numbers are only needed to report problems, so the file is composed into nodes (a
    second, slower pass) the first time one is asked for, never on a clean load.
    """

    path: Path
    text: str
    data: Any
    line_offset: int = 0
    _lines: dict[tuple, int] | None = None
    read: Callable[[], str] | None = None  # the text, when `text` was left empty to read later

    def line(self, loc: tuple) -> int:
        if self._lines is None:
            text = self.read() if self.read is not None and not self.text else self.text
            node = yaml.compose(text, Loader=_Loader)
            self._lines = dict(_node_lines(node)) if node is not None else {}
        loc = tuple(loc)
        while loc and loc not in self._lines:
            loc = loc[:-1]
        return self._lines.get(loc, 1) + self.line_offset

    def problem(self, loc: tuple, message: str) -> str:
        return f"{self.path}:{self.line(loc)}: {format_loc(loc)}: {message}"


def format_loc(loc: tuple) -> str:
    """('facts', 12, 'citations', 0) -> 'facts[12].citations[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top)"


class ParseCache:
    """Parsed YAML documents keyed by a digest of their text, kept in one file between runs.

    Parsing YAML is most of the time it takes to load a large base, and validation is cheap:
    so only parsing is cached, and every load still validates everything. The file holds
    plain data that this process wrote itself (pickle), in the data directory.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[bytes, Any] = {}
        self.used: dict[bytes, Any] = {}
        self.aside: dict[bytes, Aside] = {}  # texts being parsed by another process
        self.digests: dict[bytes, list[Any]] = {}  # what `parse_aside`'s digest made of them
        if path is not None:
            try:
                with path.open("rb") as handle:
                    entries = pickle.load(handle)
            except Exception:  # any unreadable cache (truncated, foreign, stale) is rebuilt
                entries = {}
            self.entries = entries if isinstance(entries, dict) else {}

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def parse(self, text: str) -> Any:
        key = self.key(text)
        if key in self.entries:
            data = self.entries[key]
        else:
            aside = self.aside.pop(key, None)
            data, self.digests[key] = aside.result() if aside is not None else (_NONE, [])
            if data is _NONE:
                data = load_text(text)
        self.used[key] = data
        return data

    def digests_of(self, text: str) -> list[Any]:
        """What `parse_aside`'s digest made of `text`'s pieces, once `parse` took it."""
        return self.digests.get(self.key(text), [])

    def parse_aside(self, text: str, digest: Callable[[Any], Any] | None = None) -> None:
        """Have other processes parse `text` (a large file no cache holds) while this one
        reads the rest of the base; `parse` takes their result. Each also gives `digest`
        the part of the document it parsed (a piece of the text, `pieces`), and what it
        returns is kept in `digests` when `parse` takes the text. Nothing happens where a
        fork is not safe (not Linux, other threads running) or not worth it (a small text)."""
        key = self.key(text)
        if key in self.entries or key in self.aside or len(text) < ASIDE_MIN_CHARS:
            return
        aside = Aside.start(text, digest)
        if aside is not None:
            self.aside[key] = aside

    def discard(self) -> None:
        """End the parses aside that no `parse` took (a load that stopped early)."""
        for aside in self.aside.values():
            aside.discard()
        self.aside.clear()

    def save(self) -> None:
        """Write back what this load used, if it differs from what was read (best effort)."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            with partial.open("wb") as handle:
                pickle.dump(self.used, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(self.path)
        except (OSError, pickle.PickleError):
            pass  # a read-only data directory only costs speed


ASIDE_MIN_CHARS = 2_000_000  # below this, a fork costs about what it saves
ASIDE_PIECES = 2  # a text parsed aside is cut into this many, each parsed by its own child

# A top-level key alone on its line: the sequence of entries below it may be cut between two
# entries (`- ` at the start of a line). Inside a block scalar or an entry, lines are indented.
_KEY_LINE = re.compile(r"([^\s#\-][^\n:]*):[ \t]*$", re.MULTILINE)
_LINE_AT_TOP = re.compile(r"\n(?=[^\s#\-])")  # (found by its line break: ten times faster)


def pieces(text: str, count: int) -> tuple[str, list[str]] | None:
    """`text` cut into `count` documents between entries of the block sequence held by one
    top-level key: the key, and the pieces, each one after the first opening with the key
    again. None when there is no such cut. Joined (`joined`), their parses are the text's."""
    cuts: list[int] = []
    for k in range(1, count):
        found = text.find("\n- ", len(text) * k // count)
        if found < 0 or (cuts and found + 1 <= cuts[-1]):
            return None
        cuts.append(found + 1)
    if not cuts:
        return None
    owner = max((m.end() for m in _LINE_AT_TOP.finditer(text, 0, cuts[-1])), default=0)
    key = _KEY_LINE.match(text, owner)
    if key is None or owner > cuts[0]:
        return None  # the last top-level line is no key, or the cuts fall under two keys
    name = key.group(1)
    parts = [text[: cuts[0]]]
    parts += [f"{name}:\n{text[a:b]}" for a, b in pairwise([*cuts, len(text)])]
    return name, parts


def joined(name: str, parsed: list[Any]) -> Any:
    """The document whose `pieces` were parsed: each piece's entries under `name`, in order,
    and every other key, which only one piece may hold. `_NONE` when they do not fit."""
    if not all(type(p) is dict and type(p.get(name)) is list for p in parsed):
        return _NONE
    whole: dict[Any, Any] = {}
    entries: list[Any] = []
    for part in parsed:
        entries += part[name]
        for key, value in part.items():
            if key != name:
                if key in whole:
                    return _NONE  # a key repeated: the full loader says where
                whole[key] = value
    whole[name] = entries
    return whole


class Aside:
    """`_build(text)` in forked children, each parsing one of its `pieces` (the whole text
    when it cannot be cut), their results `joined`: the parent goes on meanwhile, and the
    children share what it leaves of the machine's cores. Any failure in a child (a syntax
    error, anything unusual) sends nothing, and the parent parses the text itself, reporting
    what the full loader reports.
    """

    def __init__(self, children: list[Forked], name: str | None) -> None:
        self.children = children  # one for each piece
        self.name = name  # the key whose entries were cut into pieces

    @classmethod
    def start(cls, text: str, digest: Callable[[Any], Any] | None = None) -> Aside | None:
        """The children parsing `text`, each also giving `digest` what it parsed, where it
        has it at hand (see `ParseCache.parse_aside`)."""
        if CParser is None:
            return None
        cut = pieces(text, ASIDE_PIECES)
        name, parts = cut if cut is not None else (None, [text])
        children: list[Forked] = []
        for part in parts:
            child = Forked.start(partial(_digested, part, digest))
            if child is None:
                cls(children, name).discard()
                return None
            children.append(child)
        return cls(children, name)

    def result(self) -> tuple[Any, list[Any]]:
        """What the children built (`_NONE` when one of them sent nothing), and what the
        digest made of each piece (none where a digest failed)."""
        sent = [child.result() for child in self.children]
        if any(part is NOTHING for part in sent):
            return _NONE, []
        parsed = [data for data, _ in sent]
        whole = parsed[0] if self.name is None else joined(self.name, parsed)
        return whole, [digest for _, digest in sent if digest is not None]

    def discard(self) -> None:
        for child in self.children:
            child.discard()


def _digested(text: str, digest: Callable[[Any], Any] | None) -> tuple[Any, Any]:
    """`_build(text)`, and what `digest` makes of it (None when it fails: it only saves time)."""
    data = _build(text)
    try:
        return data, digest(data) if digest is not None else None
    except Exception:
        return data, None


def parse_yaml(path: Path, text: str, cache: ParseCache, line_offset: int = 0) -> YamlFile:
    try:
        data = cache.parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        reason = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError([f"{path}:{line}: (yaml): {reason}"]) from None
    return YamlFile(path, text, data, line_offset)


def validate_model(source: YamlFile, model: type[BaseModel], problems: list[str]) -> Any:
    """Validate `source.data` against `model`, turning pydantic errors into located problems."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "missing":
                message = "field required"
            elif error["type"] == "extra_forbidden":
                message = "unknown field"
            else:
                message = error["msg"]
            problems.append(source.problem(loc, message))
        return None
