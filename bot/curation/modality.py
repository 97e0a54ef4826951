"""How a sentence states an event: negated, possible, planned or reported (and whose report),
and when (the months and years of the event verb's own clause)."""

from __future__ import annotations

import re

from bot.curation.clause import Clause
from bot.nlu import lexicon as lx
from bot.nlu.numbers import day_beside
from bot.text import normalize

NEGATIONS = frozenset("not n't never pas jamais aucun".split())
POSSIBLE_AUX = frozenset("could might may can would pouvoir".split())
# "plans to join", "is expected to join", "est censé rejoindre": planned, not done.
PLAN_VERBS = frozenset(
    "plan intend prepare aim expect prévoir prevoir envisager compter censer".split()
)
# "tried to hire", "a tenté de racheter", "offered to buy": an attempt, not the deed.
TRY_VERBS = frozenset("try attempt seek offer tenter essayer chercher proposer".split())
FUTURE_AUX = frozenset("will shall should 'll ’ll".split())
REPORT_WORDS = frozenset("reportedly allegedly apparently".split())
REPORT_CASES = ("according to", "selon", "d'après", "d’après")
PAST_WORDS = frozenset("former formerly ex ancien ancienne previously".split())


def _split_negation(c: Clause, v: int) -> bool:
    """French "ne <verb> pas": the parser may hang "pas" on the object ("ne rejoint pas
    Microsoft"); the verb's own "ne" with a negation word right after the verb still negates."""
    p = c.p
    if not any(w.lower in ("ne", "n'", "n’") for w in p.children(v)):
        return False
    return any(p.words[i].lower in NEGATIONS for i in range(v + 1, min(v + 3, len(p.words))))


PLAN_STEMS = ("prevoi", "prevoy", "envisag", "expected", "plans", "planned", "intends")


def _after_plan_verb(c: Clause, v: int) -> bool:
    """ "prévoit de rejoindre", "is expected to join" when the parser misreads the plan verb
    (a noun, a conjunct elsewhere): a plan verb right before the verb's "de" / "to"."""
    marks = [m for m in c.p.children(v, "mark", "aux") if m.i < v and m.lower in ("de", "d'", "to")]
    if not marks:
        return False
    before = c.p.words[max(0, marks[0].i - 2) : marks[0].i]
    return any(normalize(w.text).startswith(PLAN_STEMS) or w.lemma in PLAN_VERBS for w in before)


# "in talks to join", "en discussions pour rejoindre", "en négociations avec": not done yet.
TALK_NOUNS = frozenset("talks talk discussions discussion négociations negociations".split())


def _in_talks(c: Clause, v: int) -> bool:
    """The verb hangs on talks ("is in talks to join X")."""
    return any(c.p.words[a].lower in TALK_NOUNS for a in c.p.ancestors(v)[:2])


def modality(c: Clause, v: int) -> dict:
    """How the sentence states the event at word v."""
    p, out = c.p, {}
    words = [w.lower for w in p.words]
    scope = [p.words[v], *p.children(v)]
    negated = any(w.lower in NEGATIONS or w.dep == "neg" for w in scope) or _split_negation(c, v)
    restrictive = any(w.lower == "ne" or w.lower == "n'" for w in scope) and "que" in words
    if negated and not restrictive:
        out["polarity"] = "negated"
    auxes = [w for w in p.children(v, "aux", "aux:tense", "aux:pass")]
    verb_mood = p.words[v].morph.get("Mood")
    if any(a.lemma in POSSIBLE_AUX for a in auxes) or (p.words[v].lemma == "pouvoir"):
        out["modality"] = "possible"
    elif any(a.lower in FUTURE_AUX for a in auxes):  # "will join", "should join": not yet
        out["modality"] = "planned"
    elif any(a.morph.get("Mood") == "Cnd" for a in auxes) or verb_mood == "Cnd":
        out["modality"] = "reported"  # the French conditional of unconfirmed news
    # The verbs above this one in its chain of clauses ("tried to hire", "prévoit de
    # rejoindre"); a relative clause's noun ends the chain ("X, who joined Y, tried…").
    above = []
    for a in p.ancestors(v)[:2]:
        if p.words[a].pos in ("NOUN", "PROPN", "PRON"):
            break
        above.append(p.words[a])
    # "aurait décidé d'investir": the conditional of the verb above reports this one too
    if any(
        w.morph.get("Mood") == "Cnd"
        for a in above
        for w in [a, *p.children(a.i, "aux", "aux:tense")]
    ) and not out.get("modality"):
        out["modality"] = "reported"
    if any(a.lemma in PLAN_VERBS for a in above) or _after_plan_verb(c, v):
        out["modality"] = "planned"
    if any(a.lemma in POSSIBLE_AUX for a in above) or _in_talks(c, v):
        out["modality"] = "possible"
    if any(w in REPORT_WORDS for w in words):
        out["modality"] = "reported"
    if any(a.lemma in TRY_VERBS for a in above):  # "had tried to hire him": not done
        out["modality"] = "possible"
    return out


def attribution(c: Clause) -> tuple[bool, str | None]:
    """Whether the sentence reports its claims ("according to X", "selon X"), and X."""
    at = _report_cue(c)
    if at is None:
        return False, None
    # the source is the name right after the cue ("selon le quotidien new-yorkais, … Meta":
    # no named source, not Meta)
    cue_end = next((w.i for w in c.p.words if w.start >= at), 0)
    after = [w for w in c.p.words[cue_end + 1 : cue_end + 5] if c.entity(w.i)]
    named = [c.entity(w.i) for w in after if c.kind(c.entity(w.i)) not in ("place", "product")]
    return True, named[0] if named else None


def _report_cue(c: Clause) -> int | None:
    text = c.p.text.lower().replace("’", "'")
    return next((text.index(cue) for cue in REPORT_CASES if cue in text), None)


def reports(c: Clause, v: int) -> bool:
    """Whether the report cue covers the verb at word v: a semicolon ends its reach ("X a
    mené le tour, selon Y ; Z y a participé": Z's part is stated)."""
    at = _report_cue(c)
    if at is None:
        return False
    verb = c.p.words[v].start
    stops = [i for i, ch in enumerate(c.p.text) if ch == ";"]
    return not any(min(at, verb) < stop < max(at, verb) for stop in stops)


def dates(c: Clause, owners: dict[int, int]) -> dict[int, dict]:
    """Each event verb's date: the months and years in its own clause; none for a verb two
    months fall to, whose they are the parse does not tell."""
    found: dict[int, dict] = {}
    torn: set[int] = set()  # verbs two months fall to ("annoncée en mai, finalisée en juillet")
    for w in c.p.words:
        dated = len(w.lower) > 3 or w.text[0].isupper() or c.case_of(w) in ("in", "en")
        month = lx.MONTHS.get(normalize(w.text)) if dated and w.pos != "AUX" else None
        year = int(w.text) if re.fullmatch(r"(19|20)\d\d", w.text) else None
        if not (month or year):
            continue
        owner = next((owners[a] for a in c.p.ancestors(w.i) if a in owners), None)
        if owner is None:
            continue
        when = found.setdefault(owner, {})
        if month:
            if when.get("month", month) != month:
                torn.add(owner)
            when["month"] = month
            day = day_beside([normalize(x.text) for x in c.p.words], w.i)
            if day:
                when["day"] = day
            if c.case_of(w) in ("depuis", "since"):
                when["since"] = True
        if year:
            when["year"] = year
    return {v: when for v, when in found.items() if v not in torn}


# "Rather than buying X, …", "plutôt que de racheter X, …": what the sentence did not do.
INSTEAD = ("rather than", "instead of", "plutôt que", "plutôt que de", "plutot que", "au lieu de")
INSTEAD_REACH = 4  # words before the verb the phrase may stand ("plutôt que de le racheter")


def instead(c: Clause, v: int) -> bool:
    """The verb is the one a "rather than" / "plutôt que" sets aside."""
    before = " ".join(w.lower for w in c.p.words[max(0, v - INSTEAD_REACH) : v])
    return any(f" {phrase} " in f" {before} " for phrase in INSTEAD)


# "failed to buy X", "a échoué à racheter X", "a tenté en vain de racheter X": not done.
FAIL_VERBS = frozenset("fail échouer echouer".split())
IN_VAIN = ("en vain", "in vain", "sans succès", "without success")


def failed(c: Clause, v: int) -> bool:
    """The verb is what someone failed, or tried in vain, to do."""
    heads = [v]
    while len(heads) < 3 and c.p.words[heads[-1]].head != heads[-1]:
        heads.append(c.p.words[heads[-1]].head)
    if any(c.p.words[h].lemma.lower() in FAIL_VERBS for h in heads[1:]):
        return True
    before = " ".join(w.lower for w in c.p.words[max(0, v - INSTEAD_REACH) : v])
    return any(f" {phrase} " in f" {before} " for phrase in IN_VAIN)
