"""Departures of people the article counts but does not name: "plus de vingt chercheurs ont
quitté A, B et C pour les rejoindre", "more than 20 researchers have left A and B to join
them" — the organisation they joined hired that many, from those it names (convention:
unnamed people are no entities; the fact's subject is the organisation, with a `quantity`).
Where they went is the join verb's object; "les" / "them" is the article's main actor
(inferred, shown by review).
"""

from __future__ import annotations

from bot.curation.clause import Clause, Event
from bot.curation.modality import modality
from bot.curation.quantities import NUMBER_WORDS
from bot.text import normalize

JOIN_VERBS = frozenset("join rejoindre intégrer integrer".split())
QUALIFIED = {
    ("plus", "de"): "more_than", ("more", "than"): "more_than", ("au", "moins"): "at_least",
    ("at", "least"): "at_least",
}  # fmt: skip
APPROX = {"environ": "about", "about": "about", "around": "about", "roughly": "about",
          "nearly": "nearly", "près": "nearly", "over": "more_than"}  # fmt: skip
ORGS = ("organization", "unit")


def counted_departures(c: Clause, v: int) -> list[Event]:
    """The hire a counted departure from named organisations to a joined one amounts to."""
    # the counted noun: the verb's subject, else (a misparse) the counted noun before it
    counted = [w for w in c.p.words[:v] if w.pos == "NOUN" and c.p.children(w.i, "nummod")]
    subjects = [s for s in c.p.children(v, "nsubj") if s in counted] or counted[-1:]
    for subject in subjects:
        if c.entity(subject.i):
            continue
        quantity = _quantity(c, subject.i)
        sources = _listed_after(c, v)
        dest = _joined(c, v)
        if quantity is None or not sources or dest is None or dest in sources:
            return []
        fields = {"quantity": quantity, "from": sources[0], "sources": sources, **modality(c, v)}
        if sources[1:]:
            fields["about"] = sources[1:]
        return [Event("hired", dest, fields, list(c.inferred))]
    return []


def _listed_after(c: Clause, v: int) -> list[str]:
    """The organisations listed right after the verb ("a quitté A, B et C")."""
    found: list[str] = []
    for w in c.p.words[v + 1 :]:
        entity = c.entity(w.i)
        if entity and c.kind(entity) in ORGS:
            found.append(entity)
        elif not entity and w.lower not in (",", "and", "et", "&"):
            break
    return list(dict.fromkeys(found))


def _quantity(c: Clause, noun: int) -> dict | None:
    numbers = [n for n in c.p.children(noun, "nummod")]
    if not numbers:
        return None
    n = numbers[0]
    word = normalize(n.text)
    if word.isdecimal():
        value = int(word)
    elif word in NUMBER_WORDS:
        value = NUMBER_WORDS[word][0]
    else:
        return None
    before = [normalize(w.text) for w in c.p.words[max(0, n.i - 2) : n.i]]
    qualifier = QUALIFIED.get((before[0], before[1])) if len(before) == 2 else None
    if qualifier is None and before:
        qualifier = APPROX.get(before[-1])
    return {"value": value, "qualifier": qualifier or "exact", "unit": c.p.words[noun].text}


def _joined(c: Clause, v: int) -> str | None:
    for w in c.p.words[v + 1 :]:
        if w.lemma.lower() not in JOIN_VERBS:
            continue
        for o in c.p.children(w.i, "obj", "dobj"):
            orgs = c.orgs(o.i)
            if orgs:
                return orgs[0]
            if o.pos == "PRON" and c.article.main_actor:
                c.inferred.append(f"'{o.text}' read as {c.article.main_actor}")
                return c.article.main_actor
    return None
