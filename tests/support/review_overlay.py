"""A curator's review of `add`'s drafts, kept as a small overlay (tests/data/curation/reviewed/).

An overlay is a YAML mapping with `facts` and `entities`, each a mapping from id to a record:
a fact record replaces the drafted fact of that id whole (or is added when no draft has it);
an entity record's fields replace the drafted entity's; `null` deletes. Whatever the review
kept of the article's drafts is then accepted: `draft: true` is removed from all of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from paths import DATA, KNOWLEDGE

from bot.curation.writer import add_article


def _edit(items: list[dict], changes: dict, whole: bool, drafted: set[str]) -> list[dict]:
    out = []
    for item in items:
        if item["id"] in changes:
            change = changes[item["id"]]
            if change is None:
                continue
            item = {"id": item["id"], **change} if whole else {**item, **change}
        if item["id"] in drafted:
            item.pop("draft", None)
        out.append(item)
    known = {item["id"] for item in items}
    out += [{"id": k, **v} for k, v in changes.items() if v is not None and k not in known]
    return out


def apply_review(directory: Path, overlay: Path) -> None:
    """Apply `overlay` to the base in `directory`, accepting every draft it holds."""
    review = yaml.safe_load(overlay.read_text(encoding="utf-8"))
    for name, section, whole in (
        ("facts.yaml", "facts", True),
        ("entities.yaml", "entities", False),
    ):
        path = directory / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        drafted = {item["id"] for item in data[section] if item.get("draft")}
        data[section] = _edit(data[section], review.get(section) or {}, whole, drafted)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


# The curation articles with a review overlay: name -> the article id `add` gives it.
REVIEWED_ARTICLES = {"nebulon-fr": "nebulon-quartzia", "halcyon-en": "halcyon-brightforge"}


def build_reviewed(name: str, target: Path) -> Path:
    """The project's base plus the curation article `name`, added by `add` then reviewed."""
    curation = DATA / "curation"
    shutil.copytree(KNOWLEDGE, target)
    raw = (curation / f"{name}.txt").read_text(encoding="utf-8")
    add_article(raw, target, id=REVIEWED_ARTICLES[name])
    apply_review(target, curation / "reviewed" / f"{name}.yaml")
    return target
