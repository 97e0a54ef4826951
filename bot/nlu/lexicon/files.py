"""The lexicon's data files: reading them and checking them.

One file per language Mercato speaks (`fr.yaml`, `en.yaml`), `common.yaml` for tokens of no
one language (digits, "ok"), and `other_languages.yaml` for frequent words of languages it does
not speak. Each maps concepts (see `concepts.py`) to words; the package (`bot.nlu.lexicon`)
merges a concept's words over the files.

Words are in normalised form (bot.text.normalize: lowercase, no accents).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.kb.schema import KnowledgeError
from bot.kb.yamlfile import ParseCache, YamlFile, parse_yaml
from bot.nlu.lexicon.concepts import CONCEPTS, DIRECTORY, FILES, OTHER_CONCEPTS, OTHERS, Concept
from bot.text import normalize


class LexiconError(ValueError):
    """A lexicon file is broken; `problems` holds one `file:line: concept: message` per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("broken lexicon file:\n" + "\n".join(problems))
        self.problems = problems


def _word_problem(word: Any, concept: Concept) -> str | None:
    """What is wrong with one listed word, if anything."""
    if not isinstance(word, str):
        return f"{word!r} is not a word (quote it)"
    if word.endswith("*") and not concept.stems:
        return f"{word!r} is a stem, and this concept takes whole words only"
    bare = word[:-1] if word.endswith("*") else word
    if concept.accented:
        if not bare or bare != bare.lower() or normalize(bare) == bare or " " in bare:
            return f"{word!r} is not one lowercase word with an accent"
        return None
    if " " in bare and not concept.phrases:
        return f"{word!r} is several words (one word expected)"
    # A hyphen is accepted ("est-ce"), though no normalised word holds one: normalize splits it.
    spaced = bare.replace("-", " ")
    if not bare or normalize(spaced) != spaced:
        suggestion = normalize(bare) + word[len(bare) :]
        return f"{word!r} is not in normalised form ({suggestion!r})"
    return None


def _group_problem(group: Any, concept: Concept) -> str | None:
    if isinstance(concept.groups, tuple):
        if group not in concept.groups:
            allowed = ", ".join(map(str, concept.groups))
            return f"unknown group {group!r} (expected one of: {allowed})"
    elif concept.groups is int:
        if not isinstance(group, int) or isinstance(group, bool) or group < 1:
            return f"group {group!r} is not a positive whole number"
    elif not isinstance(group, str) or normalize(group) != group:
        return f"group {group!r} is not a name in normalised form"
    return None


def _check_words(
    source: YamlFile, loc: tuple, words: Any, concept: Concept, problems: list[str]
) -> tuple[str, ...]:
    """The valid words of one list, its problems appended to `problems`."""
    name = ".".join(str(part) for part in loc)
    if not isinstance(words, list):
        problems.append(_problem(source, loc, name, "expected a list of words"))
        return ()
    kept: list[str] = []
    for index, word in enumerate(words):
        problem = _word_problem(word, concept)
        if problem is None and word in kept:
            problem = f"{word!r} is listed twice"
        if problem is not None:
            problems.append(_problem(source, (*loc, index), name, problem))
        else:
            kept.append(word)
    return tuple(kept)


def _problem(source: YamlFile, loc: tuple, name: str, message: str) -> str:
    """`loc` is the YAML path: mapping keys as written (strings), list items by index."""
    return f"{source.path}:{source.line(loc)}: {name}: {message}"


def _check_concept(
    source: YamlFile, name: str, value: Any, concept: Concept, problems: list[str]
) -> Any:
    """The concept's words (a tuple, a word, or a dict of group -> tuple) once checked."""
    if concept.shape == "word":
        problem = _word_problem(value, concept) if isinstance(value, str) else "expected one word"
        if problem:
            problems.append(_problem(source, (name,), name, problem))
        return None if problem else value
    if concept.shape == "words":
        return _check_words(source, (name,), value, concept, problems)
    if not isinstance(value, Mapping):
        problems.append(_problem(source, (name,), name, "expected a mapping of groups to words"))
        return {}
    groups: dict[Any, tuple[str, ...]] = {}
    owner: dict[str, Any] = {}
    for group, words in value.items():
        problem = _group_problem(group, concept)
        if problem:
            problems.append(_problem(source, (name, str(group)), name, problem))
            continue
        groups[group] = _check_words(source, (name, str(group)), words, concept, problems)
        if concept.exclusive:
            for word in groups[group]:
                if owner.setdefault(word, group) != group:
                    loc = (name, str(group), words.index(word))
                    message = f"{word!r} is already under {owner[word]!r}"
                    problems.append(_problem(source, loc, f"{name}.{group}", message))
    return groups


def _read(path: Path) -> tuple[YamlFile | None, list[str]]:
    try:
        return parse_yaml(path, path.read_text(encoding="utf-8"), ParseCache(None)), []
    except KnowledgeError as exc:
        return None, list(exc.problems)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"{path}:1: (file): cannot read: {exc}"]


def _check_file(
    source: YamlFile, concepts: Mapping[str, Concept]
) -> tuple[dict[str, Any], list[str]]:
    """One lexicon file's concepts and its problems."""
    if source.data is None:
        return {}, []
    if not isinstance(source.data, Mapping):
        return {}, [f"{source.path}:1: (top): expected a mapping of concepts to words"]
    problems: list[str] = []
    found: dict[str, Any] = {}
    for name, value in source.data.items():
        concept = concepts.get(name)
        if concept is None:
            problems.append(_problem(source, (str(name),), str(name), "unknown concept"))
            continue
        found[name] = _check_concept(source, name, value, concept, problems)
    return found, problems


def _conflicts(lexicons: dict[str, dict[str, Any]], sources: dict[str, YamlFile]) -> list[str]:
    """A word in two groups of an exclusive concept, across files ("mar" is March in one only)."""
    problems: list[str] = []
    for name, concept in CONCEPTS.items():
        if not concept.exclusive:
            continue
        owner: dict[str, tuple[Any, str]] = {}
        for stem, lexicon in lexicons.items():
            for group, words in lexicon.get(name, {}).items():
                for index, word in enumerate(words):
                    group_before, file_before = owner.setdefault(word, (group, stem))
                    if group_before != group and file_before != stem:  # same file: see above
                        message = f"{word!r} is under {group!r} here but under {group_before!r}"
                        loc, where = (name, str(group), index), f"in {file_before}.yaml"
                        problems.append(
                            _problem(sources[stem], loc, f"{name}.{group}", f"{message} {where}")
                        )
    return problems


def read_all(directory: Path = DIRECTORY) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Every lexicon file of `directory` by name (without `.yaml`), and all their problems."""
    lexicons: dict[str, dict[str, Any]] = {}
    sources: dict[str, YamlFile] = {}
    problems: list[str] = []
    for stem in FILES:
        path = directory / f"{stem}.yaml"
        if not path.is_file():
            problems.append(f"{path}:1: (file): missing")
            continue
        source, unreadable = _read(path)
        problems += unreadable
        if source is not None:
            sources[stem] = source
            concepts = OTHER_CONCEPTS if stem == OTHERS else CONCEPTS
            lexicons[stem], found = _check_file(source, concepts)
            problems += found
    expected = {f"{stem}.yaml" for stem in FILES}
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in expected:
            names = ", ".join(sorted(expected))
            problems.append(f"{path}:1: (file): not a lexicon file (expected: {names})")
    spoken = {stem: lexicon for stem, lexicon in lexicons.items() if stem != OTHERS}
    return lexicons, problems + _conflicts(spoken, sources)


def check_files(directory: Path = DIRECTORY) -> list[str]:
    """Every problem of the lexicon files in `directory`, as `file:line: concept: message`:
    unknown concepts, words not in normalised form, wrong shapes, words listed twice."""
    return read_all(Path(directory))[1]


def load(directory: Path = DIRECTORY) -> dict[str, dict[str, Any]]:
    """Every lexicon file's concepts; raises LexiconError naming `file:line` if one is broken."""
    lexicons, problems = read_all(directory)
    if problems:
        raise LexiconError(problems)
    return lexicons
