"""Checks of a loaded base that need the engine's understanding of names (`python -m bot check`).

Kept out of `kb.load` because they use the entity linker (bot.nlu.linking), which itself reads
a loaded base: an alias within one letter of another entity's name (a warning: the linker's
fuzzy matching would send that name's misspellings to either), and example questions of
`about.yaml` that name nothing the base knows (a problem: the bot would show them as examples
and not answer them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.kb.loader import shown_path
from bot.kb.schema import KnowledgeBase
from bot.kb.yamlfile import ParseCache, YamlFile, parse_yaml
from bot.nlu import lexicon as lx
from bot.nlu.linking import MIN_FUZZY_CHARS, EntityIndex
from bot.text import normalize, tokens


@dataclass
class Audit:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def audit(base: KnowledgeBase, directory: Path) -> Audit:
    directory = shown_path(Path(directory))
    result = Audit()
    result.warnings += close_names(base, _source(directory / "entities.yaml"))
    result.problems += unlinked_examples(base, _source(directory / "about.yaml"))
    return result


def _source(path: Path) -> YamlFile:
    return parse_yaml(path, path.read_text(encoding="utf-8"), ParseCache(None))


def close_names(base: KnowledgeBase, source: YamlFile) -> list[str]:
    """Each name form within one letter of a form of an entity listed before it.

    Forms shorter than the linker's fuzzy minimum are never fuzzy-matched, so never steal a
    misspelling; identical forms are the loader's business (an error unless declared ambiguous).
    """
    warnings: list[str] = []
    by_length: dict[int, list[str]] = defaultdict(list)  # earlier forms, normalised
    owner: dict[str, tuple[str, str]] = {}  # normalised form -> (entity id, form as written)
    for i, entity in enumerate(base.entities.values()):
        mine: dict[str, str] = {}
        for form in entity.names():
            key = normalize(form)
            if len(key) < MIN_FUZZY_CHARS or key in mine:
                continue
            mine[key] = form
            near = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in by_length[n]]
            for other, distance, _ in process.extract(
                key, near, scorer=Levenshtein.distance, processor=None, score_cutoff=1, limit=None
            ):
                other_id, other_form = owner[other]
                if distance == 1 and other_id != entity.id:
                    what = "alias" if form in entity.aliases else "name"
                    where = ("entities", i, "aliases" if what == "alias" else "name")
                    warnings.append(
                        "warning: "
                        + source.problem(
                            where,
                            f"{what} {form!r} is within one letter of {other_form!r} ({other_id})",
                        )
                    )
        for key, form in mine.items():
            if key not in owner:
                owner[key] = (entity.id, form)
                by_length[len(key)].append(key)
    return warnings


def unlinked_examples(base: KnowledgeBase, source: YamlFile) -> list[str]:
    """Every example question of about.yaml in which the engine's linker finds no entity."""
    index = EntityIndex(base, lx.STOPWORDS)
    problems = []
    for name in ("examples_fr", "examples_en"):
        for j, question in enumerate(getattr(base.about, name)):
            if not index.link(tokens(question)):
                problems.append(
                    source.problem(
                        (name, j), f"example question names nothing the base knows: {question!r}"
                    )
                )
    return problems
