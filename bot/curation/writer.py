"""Writing an added article: the article file, its draft entities and facts appended to the
YAML files as text (existing content untouched), then the whole base loaded to prove it valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.curation.drafting import Fact, draft_facts
from bot.curation.entities import Names, find_names
from bot.curation.ingest import Draft, article_file, read, slug
from bot.curation.phrasing import phrase
from bot.kb.loader import load
from bot.kb.schema import KnowledgeBase, KnowledgeError
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex


@dataclass
class Report:
    article: str
    path: Path
    sentences: int
    known: list[str] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    context: list[int] = field(default_factory=list)


def _dump(items: list[dict], indent: str = "  ") -> str:
    text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000)
    return "".join(f"{indent}{line}\n" for line in text.splitlines())


def append_to_list(text: str, key: str, block: str) -> str:
    """`block` (YAML list items) added at the end of the top-level list `key`, before the next
    top-level key; `key: []` becomes a block list. Nothing else in `text` changes."""
    if not block:
        return text
    match = re.search(rf"^{key}:[ \t]*(\[\])?[ \t]*(#.*)?$", text, re.MULTILINE)
    if match is None:
        return text.rstrip("\n") + f"\n\n{key}:\n{block}"
    if match.group(1):
        text = text[: match.start()] + f"{key}:" + text[match.end() :]
        match = re.search(rf"^{key}:", text, re.MULTILINE)
        assert match is not None  # the key was just written
    following = re.compile(r"^[A-Za-z_][\w-]*:", re.MULTILINE).search(text, match.end())
    end = following.start() if following else len(text)
    head, tail = text[:end].rstrip("\n"), text[end:]
    return f"{head}\n\n{block}" + ("\n" + tail if tail else "")


def add_article(raw: str, directory: Path, **given: str | None) -> Report:
    """Add the article in `raw` to the base in `directory`; KnowledgeError (nothing written)
    when the base does not load before or after."""
    base = load(directory)
    draft = read(raw, **given)
    if draft.id in base.articles:
        raise KnowledgeError([f"{directory / 'articles'}:1: id: article {draft.id!r} exists"])
    same = [a for a in base.articles.values() if a.text.strip() == draft.body.strip()]
    if same:
        raise KnowledgeError([f"{same[0].path}:1: text: the same article, as {same[0].id!r}"])
    index = EntityIndex(base, lx.STOPWORDS)
    names = find_names(draft, base, index)
    facts, unnamed = draft_facts(draft, names, base)
    report = Report(draft.id, directory / "articles" / f"{draft.id}.txt", len(draft.sentences))
    report.known = sorted(names.known)
    report.facts = fact_records(draft, names, base, facts)
    report.entities = entity_records(draft, names, report.facts)
    report.context = unnamed
    context = [{"ref": f"{draft.id}:{i}"} for i in unnamed]
    files = {name: directory / name for name in ("entities.yaml", "facts.yaml")}
    before = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    report.path.write_text(article_file(draft), encoding="utf-8")
    header = f"  # ---- drafts from article {draft.id} (python -m bot review {draft.id})\n"
    facts_text = append_to_list(
        before["facts.yaml"], "facts", header + _facts_yaml(draft, report.facts)
    )
    facts_text = append_to_list(facts_text, "context", _dump(context) if context else "")
    files["facts.yaml"].write_text(facts_text, encoding="utf-8")
    entities_text = append_to_list(
        before["entities.yaml"],
        "entities",
        header + _dump(report.entities) if report.entities else "",
    )
    files["entities.yaml"].write_text(entities_text, encoding="utf-8")
    try:
        load(directory)
    except KnowledgeError:
        report.path.unlink()
        for name, path in files.items():
            path.write_text(before[name], encoding="utf-8")
        raise
    return report


def _facts_yaml(draft: Draft, records: list[dict]) -> str:
    out, last = [], None
    for record in records:
        ref = record["citations"][0]["ref"]
        if ref != last:
            sentence = draft.sentences[int(ref.rsplit(":", 1)[1])].text
            out.append(f"  # {ref}  {sentence}\n")
            last = ref
        out.append(_dump([record]))
    return "".join(out)


def _name(base: KnowledgeBase, names: Names):
    def name(entity_id: str, language: str) -> str:
        if entity_id in names.new:
            return names.new[entity_id].name
        return base.entities[entity_id].name.get(language)

    return name


def fact_records(draft: Draft, names: Names, base: KnowledgeBase, facts: list[Fact]) -> list[dict]:
    taken = {f.id for f in base.facts}
    records = []
    said: set[str] = set()
    lang = draft.language
    name = _name(base, names)
    for fact in facts:
        f = fact.fields
        if f.get("role") and isinstance(f["role"], str):
            f["role"] = {"fr": f["role"], "en": f["role"]}
        if f.get("quantity"):
            q = f["quantity"]
            unit = q["unit"]
            from bot.curation.phrasing import unit_in

            other = "en" if lang == "fr" else "fr"
            f["quantity"] = {"value": q["value"], "qualifier": q["qualifier"],
                             "unit": {lang: unit, other: unit_in(other, unit, lang)}}  # fmt: skip
            f["quantity"]["unit"] = {
                "fr": f["quantity"]["unit"]["fr"],
                "en": f["quantity"]["unit"]["en"],
            }
        sentence = draft.sentences[fact.sentence].text
        base_id = slug(f"{fact.subject} {fact.type} {f.get('object') or f.get('to') or ''}", 10)
        fact_id, n = base_id, 2
        while fact_id in taken:
            fact_id, n = f"{base_id}-{n}", n + 1
        taken.add(fact_id)
        record = {"id": fact_id, "type": fact.type, "draft": True, "subject": fact.subject}
        for key in (
            "object",
            "from",
            "to",
            "role",
            "tense",
            "when",
            "quantity",
            "amount",
            "place",
            "via",
            "about",
        ):
            if f.get(key):
                record[key] = f[key]
        record["text"] = phrase(fact, name, sentence, lang)
        record["citations"] = [{"ref": f"{draft.id}:{fact.sentence}"}]
        claim = repr({k: v for k, v in record.items() if k != "id"})
        if claim not in said:  # one sentence read twice the same way: one fact (check refuses two)
            said.add(claim)
            records.append(record)
    return records


def entity_records(draft: Draft, names: Names, facts: list[dict]) -> list[dict]:
    records = []
    for entity in names.new.values():
        kind = entity.type
        if any(f.get("via") == entity.id for f in facts) and kind == "organization":
            kind = "media"
        own = [f for f in facts if f["subject"] == entity.id and f["type"] != "mention"]
        sentence = draft.sentences[entity.sentence].text
        description = own[0]["text"] if own else {"fr": sentence, "en": sentence}
        record = {"id": entity.id, "type": kind, "draft": True,
                  "name": {"fr": entity.name, "en": entity.name}}  # fmt: skip
        if entity.aliases:
            record["aliases"] = entity.aliases
        record["description"] = description
        records.append(record)
    return records
