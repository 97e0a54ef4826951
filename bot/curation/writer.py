"""Writing an added article: the article file, its draft entities and facts appended to the
YAML files as text (existing content untouched), then the whole base loaded to prove it valid.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.curation.analysis import analyse
from bot.curation.drafting import Fact, draft_facts
from bot.curation.entities import Names, find_names
from bot.curation.ingest import Draft, article_file, read, slug
from bot.curation.phrasing import described_name, localise_role, phrase, unit_in
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


def _round_trip() -> YAML:
    """ruamel.yaml set to write the base as it is written: comments, quotes, flow maps and
    `null` kept, two-space mappings, list items indented under their key."""
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return rt


def _load(text: str) -> CommentedMap:
    return _round_trip().load(text) or CommentedMap()


def _text(data: CommentedMap) -> str:
    out = io.StringIO()
    _round_trip().dump(data, out)
    return out.getvalue()


def append_to_list(text: str, key: str, items: list[dict], notes: list[str] | None = None) -> str:
    """`items` added at the end of the top-level list `key` (created when missing; `key: []`
    becomes a block list), each after its comment in `notes` when given; the YAML is read and
    written back by ruamel.yaml, so that everything already there stays as written."""
    if not items:
        return text
    data = _load(text)
    seq = data.get(key)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        data[key] = seq
    seq.fa.set_block_style()
    for k, item in enumerate(items):
        seq.append(item)
        if notes and k < len(notes) and notes[k]:
            seq.yaml_set_comment_before_after_key(len(seq) - 1, before=notes[k], indent=2)
    return _text(data)


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
    parses = analyse([s.text for s in draft.sentences], draft.language)
    names = find_names(draft, base, index, parses)
    facts, unnamed = draft_facts(draft, names, base, parses)
    report = Report(draft.id, directory / "articles" / f"{draft.id}.txt", len(draft.sentences))
    report.known = sorted(names.known)
    report.facts = fact_records(draft, names, base, facts)
    report.entities = entity_records(draft, names, report.facts)
    report.context = unnamed
    notes_text = _notes_yaml(report, names)
    context = [{"ref": f"{draft.id}:{i}"} for i in unnamed]
    files = {name: directory / name for name in ("entities.yaml", "facts.yaml")}
    before = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    header = f"---- drafts from article {draft.id} (python -m bot review {draft.id})"
    # Every text is made before anything is written: a failure leaves the base as it was.
    facts_text = append_to_list(
        before["facts.yaml"], "facts", report.facts, _sentence_notes(draft, report.facts, header)
    )
    facts_text = append_to_list(facts_text, "context", context)
    entities_text = declare_ambiguous(before["entities.yaml"], names.ambiguous)
    entities_text = add_aliases(entities_text, names.known_aliases)
    entities_text = append_to_list(
        entities_text, "entities", report.entities, [header] if report.entities else None
    )
    report.path.write_text(article_file(draft), encoding="utf-8")
    files["facts.yaml"].write_text(facts_text, encoding="utf-8")
    files["entities.yaml"].write_text(entities_text, encoding="utf-8")
    notes = directory / "drafts" / f"{draft.id}.yaml"
    notes.parent.mkdir(exist_ok=True)
    notes.write_text(notes_text, encoding="utf-8")
    try:
        load(directory)
    except KnowledgeError:
        report.path.unlink()
        notes.unlink()
        for name, path in files.items():
            path.write_text(before[name], encoding="utf-8")
        raise
    return report


def add_aliases(text: str, aliases: dict[str, list[str]]) -> str:
    """Aliases added to entities the base has ("Zeta" for "Zeta AI", as an article writes it)."""
    if not aliases:
        return text
    data = _load(text)
    for entity in data.get("entities") or []:
        added = [
            a for a in aliases.get(entity.get("id"), []) if a not in (entity.get("aliases") or [])
        ]
        if not added:
            continue
        written = CommentedSeq([*(entity.get("aliases") or []), *added])
        written.fa.set_flow_style()  # as the base writes aliases: "[Zeta, Zeta Labs]"
        entity["aliases"] = written
    return _text(data)


def declare_ambiguous(text: str, surnames: list[str]) -> str:
    """The surnames two people now share, added to `ambiguous_names`."""
    data = _load(text)
    current = list(data.get("ambiguous_names") or [])
    added = [n for n in dict.fromkeys(surnames) if n not in current]
    if not added:
        return text
    if "ambiguous_names" not in data:
        data.insert(0, "ambiguous_names", CommentedSeq())
        data["ambiguous_names"].fa.set_flow_style()
    data["ambiguous_names"].extend(added)
    return _text(data)


def _notes_yaml(report: Report, names: Names) -> str:
    """What the reader inferred, for `review`: per fact, and each new entity's type."""
    notes = {
        "facts": {f["id"]: f.pop("_inferred") for f in report.facts if f.get("_inferred")},
        "entities": {e.id: f"{e.type}: {e.why}" for e in names.new.values() if e.why},
    }
    for f in report.facts:
        f.pop("_inferred", None)
    return yaml.safe_dump(notes, allow_unicode=True, sort_keys=False, width=1000)


def _sentence_notes(draft: Draft, records: list[dict], header: str) -> list[str]:
    """The comment before each fact: its sentence when it is the first fact citing it (the
    article's header before the first)."""
    notes, last = [], None
    for record in records:
        ref = record["citations"][0]["ref"]
        note = ""
        if ref != last:
            note = f"{ref}  {draft.sentences[int(ref.rsplit(':', 1)[1])].text}"
            last = ref
        notes.append(note)
    if notes:
        notes[0] = f"{header}\n{notes[0]}"
    return notes


def _name(base: KnowledgeBase, names: Names, article_language: str):
    """`name(entity_id, language)`: how a fact's sentence names the entity; a team the article
    describes in words keeps them, with their article, and is quoted in the other language."""

    def name(entity_id: str, language: str) -> str:
        if entity_id not in names.new:
            return base.entities[entity_id].name.get(language)
        entity = names.new[entity_id]
        if not entity.described:
            return entity.name
        owner = name(entity.part_of, language) if entity.part_of else ""
        return described_name(entity.name, entity.described, owner, language, article_language)

    return name


def fact_records(draft: Draft, names: Names, base: KnowledgeBase, facts: list[Fact]) -> list[dict]:
    taken = {f.id for f in base.facts}
    records = []
    said: set[str] = set()
    lang = draft.language
    name = _name(base, names, lang)
    for fact in facts:
        f = fact.fields
        if fact.type == "worked_on" and isinstance(f.get("role"), str):
            f["role"] = {k: f["role"] for k in ("fr", "en")}  # the article's words, kept
        if f.get("role") and isinstance(f["role"], str):
            f["role"] = {k: localise_role(f["role"], lang, k) for k in ("fr", "en")}
        if f.get("quantity") and not isinstance(f["quantity"]["unit"], dict):
            q = f["quantity"]
            unit = {k: unit_in(k, q["unit"], lang) for k in ("fr", "en")}
            f["quantity"] = {"value": q["value"], "qualifier": q["qualifier"], "unit": unit}
            if q["value"] is None:
                del f["quantity"]["value"]
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
            "polarity",
            "modality",
            "attributed_to",
        ):
            if f.get(key) and (key, f[key]) not in (
                ("polarity", "affirmed"),
                ("modality", "stated"),
            ):
                record[key] = f[key]
        record["text"] = phrase(fact, name, sentence, lang)
        if fact.inferred:
            record["_inferred"] = list(dict.fromkeys(fact.inferred))
        record["citations"] = [{"ref": f"{draft.id}:{fact.sentence}"}]
        claim = repr({k: v for k, v in record.items() if k not in ("id", "_inferred")})
        if claim not in said:  # one sentence read twice the same way: one fact (check refuses two)
            said.add(claim)
            records.append(record)
    return records


def entity_records(draft: Draft, names: Names, facts: list[dict]) -> list[dict]:
    records = []
    for entity in names.new.values():
        kind = entity.type
        if (
            any(entity.id in (f.get("via"), f.get("attributed_to")) for f in facts)
            and kind in ("organization", "person")
            and len(entity.name.split()) <= 3
            and entity.type != "person"
        ):
            kind = "media"
        own = [f for f in facts if f["subject"] == entity.id and f["type"] != "mention"]
        sentence = draft.sentences[entity.sentence].text
        description = own[0]["text"] if own else {"fr": sentence, "en": sentence}
        if entity.expansion:  # what it stands for first: the article spells it out
            description = {k: f"{entity.name} ({entity.expansion})" for k in ("fr", "en")}
        record = {"id": entity.id, "type": kind, "draft": True,
                  "name": {"fr": entity.name, "en": entity.name}}  # fmt: skip
        if entity.part_of:
            record["part_of"] = entity.part_of
        if entity.aliases:
            record["aliases"] = entity.aliases
        record["description"] = description
        records.append(record)
    return records
