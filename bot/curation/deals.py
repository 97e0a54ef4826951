"""Acquisitions read from a sentence: who bought or acquired a company (or its assets, its
team), as the sentence states it — "X is not buying Y" is negated, "X said it would acquire
Y" planned, "X tried to acquire Y" possible, "X aurait envisagé de racheter Y" reported or
planned; "A sold B to X": X acquired B; "X's planned purchase of Y fell apart": X did not
acquire Y (a purchase that collapsed). A purchase noun whose fate the sentence does not tell
is no acquisition.
"""

from __future__ import annotations

from bot.curation.clause import Clause, Event
from bot.curation.modality import modality
from bot.text import normalize

BUY_VERBS = frozenset("acquire buy purchase racheter acheter acquérir acquerir".split())
# The French parser misreads some conjugated forms ("rachète" as an adjective): their stems.
BUY_STEMS = ("rachet", "achet", "acquier")
SELL_VERBS = frozenset("sell vendre céder ceder".split())
PURCHASE_NOUNS = frozenset("purchase acquisition takeover buyout rachat achat".split())
# What befalls a deal that does not happen ("fell apart", "a capoté").
COLLAPSE_VERBS = frozenset(
    "fall collapse fail founder échouer echouer capoter avorter abandonner".split()
)
SAY_VERBS = frozenset("say announce tell dire annoncer déclarer affirmer".split())
FUTURE_AUX = frozenset("would will".split())
THING_PRONOUNS = frozenset("it elle il".split())
COMPANY_NOUNS = frozenset(
    "company firm start-up startup up entreprise société societe start group groupe".split()
)
ORGS = ("organization", "unit")


def acquisitions(c: Clause) -> dict[int, list[Event]]:
    """The sentence's acquisitions, by the word each was read from."""
    per_word: dict[int, list[Event]] = {}
    for w in c.p.words:
        c.inferred = []
        lemma = w.lemma.lower()
        found: list[Event] = []
        stem = normalize(w.text).startswith(BUY_STEMS) and w.pos not in ("NOUN", "PROPN")
        if (lemma in BUY_VERBS and w.pos in ("VERB", "AUX")) or stem:
            buyers = _buyers(c, w.i)
            bought = _bought(c, w.i, buyers)
            manner = modality(c, w.i)
            if _announced(c, w.i):
                manner["modality"] = "planned"
            found = [_event(c, b, bought, manner) for b in buyers[:1] if bought and b != bought]
        elif lemma in SELL_VERBS and w.pos in ("VERB", "AUX"):
            to = [e for case, n in c.obliques(w.i) if case in ("to", "à", "a") for e in c.orgs(n.i)]
            sold = _bought(c, w.i, to)
            sellers = c.subjects(w.i)
            manner = modality(c, w.i)
            if sellers and sold:
                manner["about"] = sellers[:1]
            found = [_event(c, to[0], sold, manner)] if to and sold and to[0] != sold else []
        elif lemma in PURCHASE_NOUNS and w.pos == "NOUN":
            found = _collapsed(c, w.i)
        if found:
            per_word[w.i] = found
    return per_word


def _event(c: Clause, buyer: str, bought: str, fields: dict) -> Event:
    return Event("acquired", buyer, {"object": bought, **fields}, list(c.inferred))


def _buyers(c: Clause, v: int) -> list[str]:
    """The verb's subject; "it" / "elle" is the company of the verb above ("X said it would
    acquire Y") or the organisation named before."""
    subjects = [s for s in c.p.children(v, "nsubj", "nsubj:pass") if s.lower in THING_PRONOUNS]
    if subjects:
        for a in c.p.ancestors(v):
            orgs = [e for e in c.subjects(a) if c.kind(e) in ORGS]
            if orgs:
                c.inferred.append(f"'{subjects[0].text}' read as {orgs[0]}")
                return orgs[:1]
        before = _orgs_before(c, v)
        if before:
            c.inferred.append(f"'{subjects[0].text}' read as {before[-1]}")
        return before[-1:]
    return [e for e in c.subjects(v) if c.kind(e) in ORGS]


def _bought(c: Clause, v: int, buyers: list[str]) -> str | None:
    """What the verb's object names: a company, the owner of what is bought ("Windsurf's
    intellectual property"), or "the company" named before."""
    for o in c.p.children(v, "dobj", "obj"):
        named = [e for i in _phrase(c, o.i) for e in [c.entity(i)] if e]
        orgs = [e for e in named if c.kind(e) in ORGS and e not in buyers]
        if orgs:
            return orgs[0]
        if o.lemma.lower() in COMPANY_NOUNS:
            return _anaphor(c, v, buyers, o.text)
    if not c.p.children(v, "dobj", "obj"):  # the parser lost the object: the name right after
        for j in range(v + 1, min(v + 3, len(c.p.words))):
            e = c.entity(j)
            if e and c.kind(e) in ORGS and e not in buyers:
                return e
    return None


CLAUSES = frozenset("acl relcl advcl".split())  # a clause inside the object says other things


def _phrase(c: Clause, i: int) -> list[int]:
    """The object's words without the clauses hung on it ("its backers, led by X": X led the
    backers, it is not bought)."""
    inside = {j for j in c.p.subtree(i) if c.p.words[j].dep.split(":")[0] in CLAUSES}
    hidden = {k for j in inside for k in c.p.subtree(j)}
    return [j for j in c.p.subtree(i) if j not in hidden]


def _anaphor(c: Clause, i: int, buyers: list[str], said: str) -> str | None:
    before = [e for e in _orgs_before(c, i) if e not in buyers]
    if before:
        c.inferred.append(f"'{said}' read as {before[-1]}")
        return before[-1]
    return None


def _orgs_before(c: Clause, i: int) -> list[str]:
    return [e for j, e in sorted(c.word_entity.items()) if j < i and c.kind(e) in ORGS]


def _announced(c: Clause, v: int) -> bool:
    """ "said it would acquire": a deal announced, not done."""
    future = any(a.lower in FUTURE_AUX for a in c.p.children(v, "aux"))
    return future and any(c.p.words[a].lemma.lower() in SAY_VERBS for a in c.p.ancestors(v)[:2])


def _collapsed(c: Clause, n: int) -> list[Event]:
    """ "X's planned purchase of Y fell apart": X did not acquire Y."""
    noun = c.p.words[n]
    verb = c.p.words[noun.head]
    if not (noun.dep.startswith("nsubj") and verb.lemma.lower() in COLLAPSE_VERBS):
        return []
    buyers = [e for p in c.p.children(n, "poss", "nmod") for e in c.orgs(p.i)]
    if not buyers:
        return []
    bought = None
    for prep in c.p.children(n, "prep"):
        for o in c.p.children(prep.i, "pobj"):
            orgs = c.orgs(o.i)
            bought = orgs[0] if orgs else None
            if bought is None and o.lemma.lower() in COMPANY_NOUNS:
                bought = _anaphor(c, n, buyers, o.text)
    if not bought or bought == buyers[0]:
        return []
    c.inferred.append(f"'{noun.text} … {verb.text}': the purchase did not happen")
    c.anchors[verb.i] = n  # "fell apart on July 11": the date it fell apart
    return [_event(c, buyers[0], bought, {"polarity": "negated"})]
