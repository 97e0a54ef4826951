"""`python -m bot review [ID]`: the drafts of the base, sentence by sentence, compactly."""

from __future__ import annotations

from typing import TextIO

import yaml

from bot.kb.schema import Fact, KnowledgeBase

SLOTS = (("object", "object"), ("source", "from"), ("to", "to"), ("place", "at"), ("via", "via"))


def _notes(base: KnowledgeBase) -> dict:
    """What `add` inferred, per fact and per new entity (knowledge/drafts/<article>.yaml)."""
    notes: dict = {"facts": {}, "entities": {}}
    for article in base.articles.values():
        path = article.path.parent.parent / "drafts" / f"{article.id}.yaml"
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for key in notes:
                notes[key].update(data.get(key) or {})
    return notes


def fact_line(fact: Fact, inferred: list[str] | None = None) -> str:
    parts = [f"{fact.type} {fact.subject}"]
    parts += [f"{label} {getattr(fact, name)}" for name, label in SLOTS if getattr(fact, name)]
    if fact.role:
        parts.append(f"role {fact.role.en!r}")
    if fact.quantity:
        parts.append(f"{fact.quantity.qualifier} {fact.quantity.value:g} {fact.quantity.unit.en}")
    if fact.amount:
        parts.append(f"{fact.amount.qualifier} {fact.amount.value:g} {fact.amount.currency}")
    if fact.when:
        parts.append(f"when {fact.when.model_dump(exclude_defaults=True)}")
    if fact.about:
        parts.append(f"about {', '.join(fact.about)}")
    if fact.polarity != "affirmed" or fact.modality != "stated":
        parts.append(f"{fact.polarity} {fact.modality}")
    if fact.attributed_to:
        parts.append(f"according to {fact.attributed_to}")
    line = f"    + {fact.id}: " + ", ".join(parts)
    line += f"\n        fr: {fact.text.fr}\n        en: {fact.text.en}"
    for note in inferred or []:
        line += f"\n        inferred: {note}"
    return line


def review(base: KnowledgeBase, article: str | None, out: TextIO) -> int:
    """Print each sentence with drafts, its draft facts, then the draft entities they name."""
    drafts = [
        f
        for f in base.facts
        if f.draft and (article is None or any(c.article == article for c in f.citations))
    ]
    if not drafts:
        print("no drafts await review" + (f" in {article}" if article else ""), file=out)
        return 0
    by_sentence: dict[tuple[str, str], list[Fact]] = {}
    for fact in drafts:
        citation = fact.citations[0]
        assert citation.article is not None and citation.sentence is not None  # resolved by load
        by_sentence.setdefault((citation.article, citation.sentence), []).append(fact)
    numbers = {(s.article, s.text): s.id for a in base.articles.values() for s in a.sentences}
    named: list[str] = []
    notes = _notes(base)
    for (article_id, sentence), facts in by_sentence.items():
        print(f"{numbers.get((article_id, sentence), article_id)}  {sentence}", file=out)
        for fact in facts:
            print(fact_line(fact, notes["facts"].get(fact.id)), file=out)
            named += [e for e in fact.participants() if base.entities[e].draft]
    entities = [base.entities[e] for e in dict.fromkeys(named)]
    if entities:
        print("draft entities:", file=out)
    for entity in entities:
        aliases = f" (aliases: {', '.join(entity.aliases)})" if entity.aliases else ""
        why = notes["entities"].get(entity.id)
        why = f" [{why}]" if why else ""
        print(f"    ? {entity.id}: {entity.type} {entity.name.en!r}{aliases}{why}", file=out)
    print(
        f"{len(drafts)} draft facts, {len(entities)} draft entities: edit or delete them in "
        f"facts.yaml / entities.yaml, remove `draft: true` once right, then python -m bot check",
        file=out,
    )
    return 0
