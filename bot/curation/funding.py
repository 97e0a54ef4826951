"""Investments read from a sentence: who invested in a company, backed it, took part in its
funding round or led that round ("a round led by X", "le tour a été mené par X", "X, Y et Z
y ont participé", "which is backed by X and Y", "X is also an investor", "X n'a pas investi").

The company a round is for is the one that raises it ("X raised $2 billion in a round…"), the
owner a possessive names ("its first round": the article's main actor), else the company of
the article's last round, else the article's main actor (inferred, shown by review). Where the
small parsers misread a clause, the participants are the names of the clause (between
semicolons) that no common noun governs ("le fonds de capital-risque de Nvidia" is not Nvidia).
"""

from __future__ import annotations

from bot.curation.clause import Clause, Event
from bot.curation.modality import modality
from bot.text import normalize

# Nouns naming a funding round, both languages (spaCy's lemmas).
ROUND_NOUNS = frozenset("round tour levée levee financement funding opération operation".split())
# "l'opération" is a round only where a round has been named (it may be anything else).
GENERIC_ROUND_NOUNS = frozenset("opération operation".split())
RAISE_VERBS = frozenset("raise lever close boucler secure obtenir".split())
LEAD_VERBS = frozenset("lead mener conduire piloter".split())
BACK_VERBS = frozenset("back soutenir financer fund".split())
PARTICIPATE_VERBS = frozenset("participate participer".split())
INVESTOR_NOUNS = frozenset("investor investisseur backer actionnaire".split())
INVEST_STEM = "invest"
AGENT_CASES = frozenset("by par".split())
IN_CASES = frozenset("in dans into".split())
POSSESSIVES = frozenset("its their son sa ses leur leurs".split())
DEFINITE = frozenset("le la l' l’ the".split())
LEAD = {"fr": "investisseur principal", "en": "lead investor"}


def investments(c: Clause) -> dict[int, list[Event]]:
    """The sentence's investments, by the verb each was read from (that verb yields no other
    event)."""
    p = c.p
    rounds = [w.i for w in p.words if w.pos == "NOUN" and _round(c, w.i)]
    per_verb: dict[int, list[Event]] = {}
    c.anchors = {}
    for w in p.words:
        c.inferred = []
        c.raised_at = None
        found: list[Event] = []
        lemma = w.lemma.lower()
        if lemma in LEAD_VERBS and w.pos in ("VERB", "AUX"):
            led = _led_round(c, w.i, rounds)
            if led is None:
                continue
            investors = _agents(c, w.i) or c.subjects(w.i)
            company = _company(c, led)
            found += _events(c, w.i, investors, company, {"role": dict(LEAD)})
            found += _events(c, w.i, _alongside(c, w.i), company, {})
        elif normalize(w.text).startswith(INVEST_STEM) and w.pos != "NOUN":
            investors = c.subjects(w.i) or _anaphor(c, w.i) or _named_before(c, w.i)
            companies = [e for case, n in c.obliques(w.i) if case in IN_CASES for e in c.orgs(n.i)]
            company = companies[0] if companies else _round_company(c, rounds)
            found += _events(c, w.i, investors, company, {})
        elif lemma in BACK_VERBS and w.pos in ("VERB", "AUX"):
            agents = _agents(c, w.i)
            if agents:  # "which is backed by X and Y"
                backed = [e for e in c.subjects(w.i) if c.kind(e) in ("organization", "unit")]
                company = backed[0] if backed else _round_company(c, rounds)
                found += _events(c, w.i, agents, company, {})
            else:  # "X and Y had backed its first round"
                objects = [o for o in p.children(w.i, "dobj", "obj")]
                if not objects:
                    continue
                target = objects[0].i
                orgs = c.orgs(target)
                company = orgs[0] if orgs else _company(c, target if target in rounds else None)
                found += _events(c, w.i, c.subjects(w.i), company, {})
        elif lemma in PARTICIPATE_VERBS and _joins_round(c, w.i, rounds):
            investors = _segment_names(c, w.i)
            found += _events(c, w.i, investors, _company(c, rounds[0] if rounds else None), {})
        elif w.lemma == "be" or w.lemma == "être":
            for attr in p.children(w.i, "attr", "acomp"):
                if attr.lemma.lower() in INVESTOR_NOUNS:  # "X is also an investor"
                    companies = [e for i in p.subtree(attr.i) if i != attr.i
                                 for e in [c.entity(i)] if e]  # fmt: skip
                    company = companies[0] if companies else _round_company(c, rounds)
                    found += _events(c, w.i, c.subjects(w.i), company, {})
        if found:
            per_verb[w.i] = found
            if c.raised_at is not None:  # "In April, X raised … in a round led by Y": April
                c.anchors[c.raised_at] = w.i
            c.article.last_investor = found[-1].subject
    if rounds and c.article.funded is None:  # "… avec un tour d'amorçage": the next "tour"
        c.inferred = []
        _company(c, rounds[0])
    return per_verb


def _round_company(c: Clause, rounds: list[int]) -> str | None:
    """The company of the sentence's round, or of the article's last one; none when no round
    has been told ("Meta invests heavily in data centres" is no one's funding round)."""
    if not rounds and c.article.funded is None:
        return None
    return _company(c, rounds[0] if rounds else None)


def _round(c: Clause, i: int) -> bool:
    lemma = c.p.words[i].lemma.lower()
    if lemma not in ROUND_NOUNS:
        return False
    if lemma == "tour":  # "tour de table", "tour d'amorçage", "le tour" of a round named before
        after = c.p.words[i + 1 : i + 3]
        said = any(w.lemma in ("table", "amorçage", "financement") for w in after)
        return said or c.article.funded is not None
    return lemma not in GENERIC_ROUND_NOUNS or c.article.funded is not None


def _led_round(c: Clause, v: int, rounds: list[int]) -> int | None:
    """The round a lead verb is about: the round it describes ("a round led by X"), its
    passive subject ("le tour a été mené par X") or its object ("X led the round")."""
    w = c.p.words[v]
    if w.head in rounds and w.dep in ("acl", "relcl", "acl:relcl", "amod"):
        return w.head
    for child in c.p.children(v, "nsubjpass", "nsubj:pass", "dobj", "obj"):
        if child.i in rounds:
            return child.i
    for a in c.p.ancestors(v):  # "closed a round at a $X valuation, one of…, led by Y"
        if c.entity(a):
            return None
        if a in rounds:
            return a
        if c.p.words[a].lemma.lower() in RAISE_VERBS:
            raised = [o.i for o in c.p.children(a, "dobj", "obj") if o.i in rounds]
            return raised[0] if raised else None
    return None


def _joins_round(c: Clause, v: int, rounds: list[int]) -> bool:
    """ "participé à l'opération", "took part in the round", "y ont participé" (a round named
    before)."""
    for child in c.p.children(v):
        if child.i in rounds or any(i in rounds for i in c.p.subtree(child.i)):
            return True
        if child.lower == "y" and child.pos == "PRON" and c.article.funded:
            return True
    return False


def _agents(c: Clause, v: int) -> list[str]:
    """The names under a verb's "by X" / "par X" (every one of a coordination, however the
    parser hung it)."""
    found: list[str] = []
    for child in c.p.children(v):
        if child.dep == "agent":
            heads = c.p.children(child.i, "pobj")
        elif c.case_of(child) in AGENT_CASES and child.dep.startswith(("obl", "nmod")):
            heads = [child]
        else:
            continue
        beside = _beside(c, v)
        for head in heads:
            found += [e for i in c.p.subtree(head.i) if (e := c.entity(i)) and _participant(c, e)
                      and i not in beside]  # fmt: skip
    return list(dict.fromkeys(found))


# "led by X alongside Y and Z", "mené par X aux côtés de Y": Y and Z took part, X led.
BESIDE_WORDS = frozenset("alongside with avec côtés cotes".split())


def _beside(c: Clause, v: int) -> set[int]:
    """The words under an "alongside" / "aux côtés de" in the verb's clause."""
    return {i for w in c.p.words if w.lower in BESIDE_WORDS and v in c.p.ancestors(w.i)
            for i in c.p.subtree(w.i)}  # fmt: skip


def _alongside(c: Clause, v: int) -> list[str]:
    names = [e for i in sorted(_beside(c, v)) if (e := c.entity(i)) and _participant(c, e)]
    return list(dict.fromkeys(names))


def _participant(c: Clause, entity: str) -> bool:
    return c.kind(entity) in ("organization", "person", "unit")


def _company(c: Clause, round_word: int | None) -> str | None:
    """The company a round is for (see the module's docstring); remembered for the next
    sentences."""
    company = None
    if round_word is not None:
        w = c.p.words[round_word]
        for a in c.p.ancestors(round_word):
            verb = c.p.words[a]
            if verb.lemma.lower() in RAISE_VERBS:
                c.raised_at = a
                raisers = c.subjects(a)
                raised = [e for e in raisers if c.kind(e) in ("organization", "unit")]
                company = raised[0] if raised else None
                if raisers and not raised:
                    return None  # raised by a name not known as a company: no guess
                break
        if company is None:
            owners = [e for n in c.p.children(round_word, "nmod", "poss") for e in c.orgs(n.i)]
            company = owners[0] if owners else None
        if company is None and any(d.lower in POSSESSIVES for d in c.p.children(w.i)):
            company = c.article.main_actor
            if company:
                c.inferred.append(f"'{w.text}': the round of {company}, the article's subject")
    if company is None:
        company = c.article.funded or c.article.main_actor
        if company:
            c.inferred.append(f"invested in {company}: the company whose round the article tells")
    if company:
        c.article.funded = company
    return company


def _anaphor(c: Clause, v: int) -> list[str]:
    """ "Le fabricant néerlandais … investit": a sentence opening on a definite common noun
    that names no one is about the investor named last."""
    words = c.p.words
    if len(words) < 2 or words[0].lower not in DEFINITE or words[1].pos != "NOUN":
        return []
    if any(c.entity(i) for i in range(0, min(v, 3))) or not c.article.last_investor:
        return []
    c.inferred.append(f"'{words[0].text} {words[1].text}' read as {c.article.last_investor}")
    c.opener = (1, c.article.last_investor)
    return [c.article.last_investor]


def _named_before(c: Clause, v: int) -> list[str]:
    """The subject the parser missed: the first name before the verb not introduced by
    "by/par" ("OpenAI, leur ancien employeur, n'a pas investi")."""
    for j, entity in sorted(c.word_entity.items()):
        if j >= v:
            break
        if _participant(c, entity) and not _governed(c, j):
            return [entity]
    return []


def _governed(c: Clause, i: int) -> bool:
    """Word i names a modifier: under "by/par", or of a common noun ("le fonds de Nvidia")."""
    w = c.p.words[i]
    if c.case_of(w) in AGENT_CASES:
        return True
    head = c.p.words[w.head]
    return (
        w.dep.startswith(("nmod", "poss"))
        and head.pos == "NOUN"
        and not c.entity(head.i)
        and head.i != i
    )


def _segment_names(c: Clause, v: int) -> list[str]:
    """Everyone named in the verb's clause (between semicolons), but modifiers and sources
    ("selon X")."""
    words = c.p.words
    start = max((w.i for w in words if w.text == ";" and w.i < v), default=-1) + 1
    end = min((w.i for w in words if w.text == ";" and w.i > v), default=len(words))
    found = []
    for i in range(start, end):
        entity = c.entity(i)
        if not entity or not _participant(c, entity) or _governed(c, i):
            continue
        if any(words[j].lower in ("selon", "according") for j in range(max(start, i - 3), i)):
            continue
        found.append(entity)
    return list(dict.fromkeys(found))


def _events(
    c: Clause, v: int, investors: list[str], company: str | None, fields: dict
) -> list[Event]:
    if not company:
        return []
    manner = modality(c, v)
    return [
        Event("invested", investor, {"object": company, **fields, **manner}, list(c.inferred))
        for investor in investors
        if investor != company and _participant(c, investor)
    ]
