"""Who moves and what they leave when the parse leaves it implicit: the organisation a mover's
title names ("Quillon researchers X and Y", "X, a co-founder of A, has left the company"), the
first name before a verb whose subject the parser missed, and subjects that name no one
("while others arrived from X")."""

from __future__ import annotations

from bot.curation.clause import Clause


def affiliation(c: Clause, v: int) -> str | None:
    """The organisation the mover's title names ("Quillon researchers X and Y")."""
    for s in c.p.children(v, "nsubj"):
        for n in c.p.children(s.i, "compound", "nmod", "poss"):
            orgs = c.orgs(n.i)
            if orgs:
                return orgs[0]
    w = c.p.words[v]
    if w.dep in ("acl",):
        for n in c.p.children(w.head, "compound", "nmod", "poss"):
            orgs = c.orgs(n.i)
            if orgs:
                return orgs[0]
    return None


# "has left the company", "a quitté la société": the company the sentence named before.
COMPANY_WORDS = frozenset("company firm start-up startup lab entreprise société societe".split())


def says_company(c: Clause, v: int) -> bool:
    return any(o.lemma.lower() in COMPANY_WORDS for o in c.p.children(v, "obj", "dobj"))


def titled(c: Clause, person: str) -> str | None:
    """The organisation a title beside the person's name gives ("X, a co-founder of A,")."""
    for i, entity in c.word_entity.items():
        if entity == person and (org := c.titled_org(i)):
            return org
    return None


def said_subject(c: Clause, v: int) -> bool:
    """The verb has a subject of its own that names no one ("while others arrived from X"):
    nobody named is its subject (not a missed parse)."""
    own = c.p.children(v, "nsubj", "nsubjpass", "nsubj:pass")
    return any(s.lemma.lower() in OTHERS or s.lower in OTHERS for s in own)


OTHERS = frozenset("other others autre autres many some several plusieurs certains".split())


def first_named_before(c: Clause, v: int) -> list[str]:
    """A subject the parser missed ("En octobre, Ke Yang, qui…, a quitté"): the first name
    before the verb outside a relative clause."""
    for j, entity in sorted(c.word_entity.items()):
        if j < v and c.kind(entity) in ("person", "organization", "unit"):
            return [entity]
    return []
