"""Moves told by following someone: "X followed Y", "Neither X nor Y has followed him" — X
joined (or did not join) where the one followed went, as the article has told it before
(inferred, shown by review). Someone whose move the article has not told, or a group ("ses
associés"), is followed nowhere: no fact.
"""

from __future__ import annotations

from bot.curation.clause import PERSON_PRONOUNS, Clause, Event


def followed(c: Clause, v: int, followers: list[str]) -> list[Event]:
    """The joins a follow verb tells, for each follower."""
    for o in c.p.children(v, "obj", "dobj"):
        who = _followed(c, o.i, followers)
        dest = c.article.went.get(who) if who else None
        if who is None or dest is None:
            continue
        note = [f"followed '{o.text}' ({who}): joined {dest}, where the article says {who} went"]
        return [
            Event("joined", f, {"object": dest}, [*c.inferred, *note])
            for f in followers
            if f != who and c.kind(f) == "person"
        ]
    return []


def _followed(c: Clause, i: int, followers: list[str]) -> str | None:
    """The person followed: named, or a pronoun for someone other than the followers (the
    last person of the sentences before)."""
    w = c.p.words[i]
    if w.pos == "PRON" and w.lower in PERSON_PRONOUNS:
        earlier = [e for j, e in sorted(c.word_entity.items()) if j < i
                   and c.kind(e) == "person" and e not in followers]  # fmt: skip
        return earlier[0] if earlier else c.article.last_person
    people = c.people(i)
    return people[0] if people else None


def neither(c: Clause, v: int) -> bool:
    """ "Neither X nor Y has…", "Ni X ni Y n'a…": the verb is denied for every subject."""
    for s in c.p.children(v, "nsubj", "nsubjpass", "nsubj:pass"):
        if any(c.p.words[i].lower in ("neither", "ni") for i in c.p.subtree(s.i)):
            return True
    return False
