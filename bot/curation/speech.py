"""Who speaks in a sentence, and of what: verbs of speech (those that speak only beside a
quotation: "« … », a confié X"), the speaker the parser did not make the subject, what the said
clause names, and one statement per speaker."""

from __future__ import annotations

from bot.curation.analysis import Word
from bot.curation.clause import Clause, Event

# Verbs that introduce speech only beside a quotation ("« … », a confié X", "X vowed to …
# 'never'"): without one, "confier" entrusts, "add" sums and "call" names.
QUOTING_VERBS = frozenset(
    "add note insist argue vow promise describe warn defend confide call "
    "ajouter noter souligner insister confier jurer promettre assurer qualifier présenter "
    "presenter juger estimer avertir défendre defendre".split()
)
QUOTES = ("«", "»", '"', "“", "”")


def quotes(w: Word) -> bool:
    """A verb introducing the sentence's quotation."""
    return w.pos in ("VERB", "AUX") and w.lemma.lower().replace("’", "'") in QUOTING_VERBS


def one_statement_each(events: list[Event]) -> list[Event]:
    """ "X defended it, saying …": two verbs of speech, one statement of X's, about what
    either names."""
    kept: dict[str, Event] = {}
    out = []
    for e in events:
        first = kept.get(e.subject) if e.type == "statement" else None
        if first is None:
            if e.type == "statement":
                kept[e.subject] = e
            out.append(e)
            continue
        about = [*first.fields.get("about", []), *e.fields.get("about", [])]
        if about:
            first.fields["about"] = list(dict.fromkeys(about))
    return out


def said_about(c: Clause, v: int, speaker: str) -> dict:
    """Who and what the said clause names ("X said it would acquire Y's team": Y)."""
    said = [c.p.words[o.i] for o in c.p.children(v, "ccomp", "xcomp", "obj", "dobj")]
    named = [e for w in said for i in c.p.subtree(w.i) if (e := c.entity(i)) and e != speaker
             and c.kind(e) in ("organization", "unit", "person", "product")]  # fmt: skip
    # "X l'a présenté comme « … »": whom the pronoun stands for is whom X spoke of
    # (an object pronoun is not its own subject: the person named before them)
    for w in said:
        if w.pos == "PRON" and w.lower not in ("se", "s'", "s’", "himself", "herself"):
            e = c.antecedent(w.i)
            e = c.article.last_person if e == speaker else e
            if e and e != speaker:
                named.append(e)
    return {"about": list(dict.fromkeys(named))} if named else {}


def unparsed_speaker(c: Clause, v: int) -> list[str]:
    """The speaker the parser did not make the verb's subject: the person named right after
    it ("« … », a confié X", "“…,” said X"), else the nearest one before it. None when the
    verb has a subject of its own outside the quotation (an unnamed "the company")."""
    quoted = _quoted_spans(c.p.text)
    inside = [any(a <= c.p.words[i].start < b for a, b in quoted) for i in range(len(c.p.words))]
    if any(not inside[s.i] for s in c.p.children(v, "nsubj", "nsubj:pass")):
        return []
    after = range(v + 1, min(v + 4, len(c.p.words)))
    for j in [*after, *range(v - 1, -1, -1)]:
        entity = c.entity(j)
        if entity and c.kind(entity) == "person" and not inside[j]:
            return [entity]
    return []


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The character spans between quotation marks (« », “ ”, straight quotes paired)."""
    spans, opened = [], None
    for i, ch in enumerate(text):
        if opened is None and ch in '«“"':
            opened = i
        elif opened is not None and ch in '»”"' and i > opened:
            spans.append((opened, i + 1))
            opened = None
    return spans
