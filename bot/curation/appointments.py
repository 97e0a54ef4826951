"""Appointments read from a sentence: "X became interim chief executive", "Y was promoted to
president", "X est devenue directrice générale par intérim", "Y a été promu président" — a
current role; "X, until then head of business," / "X, jusqu'ici responsable des ventes," — a
past one. The organisation is the one the role phrase names ("chief executive of Z"), else
the first organisation of the sentence before (inferred, shown by review).
"""

from __future__ import annotations

from bot.curation.analysis import Word
from bot.curation.clause import Clause, Event

APPOINT_VERBS = frozenset("become promote appoint name devenir promouvoir nommer".split())
ROLE_DEPS = ("attr", "xcomp", "oprd", "acomp", "advmod", "obj", "dobj")
ROLE_CASES = frozenset("to as comme".split())
INTERIM = ("par intérim", "ad interim", "à titre intérimaire")
# "until then", "jusqu'ici", "jusque-là": what someone was before.
UNTIL = frozenset("until jusqu' jusqu’ jusque".split())
THEN = frozenset("then ici là la now".split())
ORGS = ("organization", "unit")
COMPANY_NOUNS = frozenset("start-up startup start company firm entreprise société".split())


def appointments(c: Clause) -> dict[int, list[Event]]:
    per_verb: dict[int, list[Event]] = {}
    for w in c.p.words:
        if w.lemma.lower() not in APPOINT_VERBS or w.pos not in ("VERB", "AUX"):
            continue
        c.inferred = []
        noun = _role_noun(c, w.i)
        holders = [e for e in c.subjects(w.i) if c.kind(e) == "person"] or _person_before(c, w.i)
        if noun is None or not holders:
            continue
        org = _org(c, noun)
        if org is None:
            continue
        events = [Event("role", holders[0], {"object": org, "role": _text(c, noun),
                                             "tense": "current"}, list(c.inferred))]  # fmt: skip
        before = _until_then(c, w.i)
        if before is not None:
            fields = {"object": org, "role": _text(c, before), "tense": "past"}
            events.append(Event("role", holders[0], fields, list(c.inferred)))
        per_verb[w.i] = events
    return per_verb


def _role_noun(c: Clause, v: int) -> Word | None:
    for child in c.p.children(v):
        if child.pos == "NOUN" and child.dep.split(":")[0] in ROLE_DEPS and not c.entity(child.i):
            return child
        if child.dep == "prep" and child.lower in ROLE_CASES:
            for n in c.p.children(child.i, "pobj"):
                if n.pos == "NOUN":
                    return n
    return None


def _person_before(c: Clause, v: int) -> list[str]:
    people = [e for j, e in sorted(c.word_entity.items()) if j < v and c.kind(e) == "person"]
    return people[:1]


def _org(c: Clause, noun: Word) -> str | None:
    """The organisation the role phrase names, else, when the sentence says "the start-up",
    "la start-up", the organisation it named last before, or the article's company; else
    none (no role is drafted)."""
    named = [e for i in c.p.subtree(noun.i) if (e := c.entity(i)) and c.kind(e) in ORGS]
    if named:
        return named[0]
    said = next((w for w in c.p.words if w.lemma.lower() in COMPANY_NOUNS), None)
    earlier = [e for j, e in sorted(c.word_entity.items()) if said and j < said.i]
    earlier = [e for e in earlier if c.kind(e) in ORGS]
    if said is not None and earlier:
        # "X, Y's counsel, became chief executive of the start-up": Y, named just before
        c.inferred.append(f"'{said.text}' read as {earlier[-1]}")
        return earlier[-1]
    if said is not None and c.article.main_actor:
        c.inferred.append(f"'{said.text}' read as {c.article.main_actor}")
        return c.article.main_actor
    return None


def _text(c: Clause, noun: Word) -> str:
    """The role as written: the noun with its modifiers ("interim chief executive",
    "directrice générale par intérim")."""
    parts = [noun] + [
        x
        for x in c.p.children(noun.i, "amod", "compound", "nmod", "prep")
        if not any(c.entity(i) for i in c.p.subtree(x.i))
    ]
    first = min(x.i for x in parts)
    last = max(max(c.p.subtree(x.i)) if x.i != noun.i else x.i for x in parts)
    company = [i for i in range(first, last + 1) if c.p.words[i].lemma.lower() in COMPANY_NOUNS]
    if company:  # "responsable des ventes de la start-up": the role stops before the company
        k = company[0]
        while k > first and c.p.words[k - 1].pos in ("DET", "ADP", "PART", "PRON"):
            k -= 1
        last = k - 1
    words = [x for x in c.p.words[first : last + 1] if x.pos != "PUNCT"]
    text = c.p.text[words[0].start : words[-1].end] if words else noun.text
    after = c.p.text[c.p.words[last].end :].lstrip()
    interim = next((w for w in INTERIM if after.lower().startswith(w)), None)
    return f"{text} {after[: len(interim)]}" if interim else text


def _until_then(c: Clause, v: int) -> Word | None:
    """ "X, until then head of business, became…": the role before the verb."""
    words = c.p.words
    for i in range(0, v):
        if words[i].lower in UNTIL and i + 1 < v and words[i + 1].lower in THEN:
            nouns = [x for x in words[i + 2 : v] if x.pos == "NOUN" and not c.entity(x.i)
                     and x.lemma.lower() not in COMPANY_NOUNS
                     and x.dep.split(":")[0] not in ("poss", "compound")]  # fmt: skip
            return nouns[0] if nouns else None
    return None
