"""Foundings read from a sentence: every founder a list names ("fondée par X, ancien Y, et Z",
"Founded in 2023 by X, Y and Z, three former…", "X, who co-founded the company with him").

The small parsers split such lists (an apposition between two founders, "co-" cut from
"founded"), so the founders after "by" / "par" are read along the words: names separated by
commas and "and", skipping an apposition between commas, up to the first word that is neither.
The company is the noun the participle describes ("La start-up X, fondée par…"), the verb's
object ("the company": the organisation named before it), the organisation before the verb,
or, for an opening participle ("Fondée en 2023 par…, elle emploie"), the article's main actor
(inferred, shown by review).
"""

from __future__ import annotations

from bot.curation.clause import PERSON_PRONOUNS, Clause, Event
from bot.curation.modality import dates, modality

FOUND_VERBS = frozenset("found cofound co-found fonder cofonder".split())
BY_CASES = frozenset("by par".split())
LIST_WORDS = frozenset(", and et &".split())
COMPANY_NOUNS = frozenset(
    "company firm start-up startup venture entreprise société societe start".split()
)
ORGS = ("organization", "unit")


def foundings(c: Clause) -> dict[int, list[Event]]:
    """The sentence's foundings, by the verb each was read from."""
    per_verb: dict[int, list[Event]] = {}
    words = c.p.words
    for w in words:
        if w.lemma.lower() not in FOUND_VERBS or w.pos not in ("VERB", "AUX"):
            continue
        c.inferred = []
        v = w.i
        hyphen = v >= 2 and words[v - 1].text == "-" and words[v - 2].lower == "co"
        co = hyphen or w.lemma.lower().startswith(("co", "cofond"))
        by = _listed_after_by(c, v)
        if by:
            founders, company = by, _described(c, v)
        else:
            actor = v - 2 if hyphen else v
            founders = [e for e in c.subjects(actor) if c.kind(e) == "person"]
            company = _object(c, v) or _object(c, actor)
            founders += _partners(c, v, founders)
        if not founders or not company:
            continue
        kind = "cofounded" if co or len(founders) > 1 else "founded"
        manner = modality(c, v)
        when = _own_date(c, v)
        if when:
            manner["when"] = when
        per_verb[v] = [
            Event(kind, f, {"object": company, **manner}, list(c.inferred))
            for f in dict.fromkeys(founders)
            if f != company
        ]
    return per_verb


def _own_date(c: Clause, v: int) -> dict | None:
    """The date of the founding verb's own clause: a date another verb governs ("after the
    deal fell apart on July 11") is that verb's, however the parser hung its clause."""
    owners = {w.i: (v if w.i == v else -1) for w in c.p.words if w.pos in ("VERB", "AUX")}
    return dates(c, owners).get(v)


def _listed_after_by(c: Clause, v: int) -> list[str]:
    """The people listed after the verb's "by" / "par" (within three words of it)."""
    words = c.p.words
    start = next(
        (j for j in range(v + 1, min(v + 5, len(words))) if words[j].lower in BY_CASES), None
    )
    if start is None:
        return []
    found: list[str] = []
    j = start + 1
    while j < len(words):
        entity = c.entity(j)
        if entity:
            if c.kind(entity) != "person":
                break
            found.append(entity)
            while j < len(words) and c.entity(j) == entity:
                j += 1
            continue
        if words[j].lower not in LIST_WORDS:
            break
        if words[j].text == ",":
            nxt = j + 1
            if nxt < len(words) and not c.entity(nxt) and words[nxt].lower not in LIST_WORDS:
                # an apposition: skip to its closing comma, then go on if a name or "and" follows
                close = next((k for k in range(nxt, len(words)) if words[k].text == ","), None)
                if close is None:
                    break
                j = close
        j += 1
    return list(dict.fromkeys(found))


def _described(c: Clause, v: int) -> str | None:
    """The company a "founded by" participle describes."""
    w = c.p.words[v]
    if w.head != v:
        orgs = c.orgs(w.head)
        if orgs:
            return orgs[0]
    before = _org_before(c, v)
    if before:
        return before
    # "Fondée en 2023 par …, elle emploie": the main clause's subject
    for root in (x for x in c.p.words if x.head == x.i and x.i != v):
        for s in c.p.children(root.i, "nsubj"):
            if s.pos == "PRON":
                if c.article.main_actor:
                    c.inferred.append(f"'{s.text}' read as {c.article.main_actor}")
                return c.article.main_actor
            orgs = c.orgs(s.i)
            if orgs:
                return orgs[0]
    return None


def _object(c: Clause, v: int) -> str | None:
    """ "co-founded the company": the organisation named before it; "founded X": X."""
    for o in c.p.children(v, "dobj", "obj"):
        orgs = c.orgs(o.i)
        if orgs:
            return orgs[0]
        if o.lemma.lower() in COMPANY_NOUNS:
            before = _org_before(c, v)
            if before:
                c.inferred.append(f"'{o.text}' read as {before}")
                return before
            if c.article.main_actor in _described_by_the_subject(c, v):
                return None  # "X, qui dirigeait chez Zeta…, a cofondé l'entreprise": not Zeta
            if c.article.main_actor:
                c.inferred.append(f"'{o.text}' read as {c.article.main_actor}")
                return c.article.main_actor
    for o in c.p.children(v, "ccomp", "xcomp"):
        # The small parsers read some names as a verb the founding governs ("cofondé xAI":
        # "xer"): the name itself, not a clause naming one.
        if c.kind(c.entity(o.i)) in ORGS:
            return c.entity(o.i)
    head = c.p.words[v]
    if head.dep in ("relcl", "acl:relcl", "acl") and head.head != v:  # "the start-up he founded"
        orgs = c.orgs(head.head) or c.orgs(c.p.words[head.head].head)
        if orgs:
            return orgs[0]
    return None


def _org_before(c: Clause, v: int) -> str | None:
    """The last organisation named before the verb in its own clause: not one a relative
    clause or an apposition of its subject names ("X, qui dirigeait chez Zeta…, a cofondé
    l'entreprise": the company is not Zeta)."""
    nested = _nested_words(c, v)
    found = [
        e
        for j, e in sorted(c.word_entity.items())
        if j < v and c.kind(e) in ORGS and j not in nested
    ]
    return found[-1] if found else None


def _described_by_the_subject(c: Clause, v: int) -> set[str]:
    nested = _nested_words(c, v)
    return {e for j, e in c.word_entity.items() if j in nested and c.kind(e) in ORGS}


def _nested_words(c: Clause, v: int) -> set[int]:
    """The words of the relative clauses and appositions that do not hold the verb."""
    return {
        i
        for w in c.p.words
        if w.dep in ("relcl", "acl:relcl", "acl", "appos") and v not in c.p.subtree(w.i)
        for i in c.p.subtree(w.i)
    }


def _partners(c: Clause, v: int, founders: list[str]) -> list[str]:
    """ "with X and Y", "with him": a pronoun is someone else named earlier."""
    found: list[str] = []
    for case, noun in c.obliques(v):
        if case not in ("with", "avec"):
            continue
        if noun.lower in PERSON_PRONOUNS:
            earlier = [e for j, e in sorted(c.word_entity.items()) if j < noun.i
                       and c.kind(e) == "person" and e not in founders]  # fmt: skip
            if earlier:
                c.inferred.append(f"'{noun.text}' read as {earlier[0]}")
                found.append(earlier[0])
        else:
            found += c.people(noun.i)
    return found
