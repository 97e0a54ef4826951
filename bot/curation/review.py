"""`python -m bot review [ID]`: the drafts of the base, sentence by sentence, compactly."""

from __future__ import annotations

from typing import TextIO

from bot.kb.schema import Fact, KnowledgeBase

SLOTS = (("object", "object"), ("source", "from"), ("to", "to"), ("place", "at"), ("via", "via"))


def fact_line(fact: Fact) -> str:
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
    return f"    + {fact.id}: " + ", ".join(parts) + f"\n        en: {fact.text.en}"


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
    for (article_id, sentence), facts in by_sentence.items():
        print(f"{numbers.get((article_id, sentence), article_id)}  {sentence}", file=out)
        for fact in facts:
            print(fact_line(fact), file=out)
            named += [e for e in fact.participants() if base.entities[e].draft]
    entities = [base.entities[e] for e in dict.fromkeys(named)]
    if entities:
        print("draft entities:", file=out)
    for entity in entities:
        aliases = f" (aliases: {', '.join(entity.aliases)})" if entity.aliases else ""
        print(f"    ? {entity.id}: {entity.type} {entity.name.en!r}{aliases}", file=out)
    print(
        f"{len(drafts)} draft facts, {len(entities)} draft entities: edit or delete them in "
        f"facts.yaml / entities.yaml, remove `draft: true` once right, then python -m bot check",
        file=out,
    )
    return 0
