"""Yes/no questions generated from a base's facts, each with the verdict it must get.

The verdict is computed here from the fact's own slots (type, participants, date, quantity,
polarity, modality, tense) and its curated phrasing, never by asking the engine: the right
detail is a Yes only when the fact is affirmed, stated, not hedged and not still to come; a
wrong day, month, year, place, amount or count is a No that gives the right value; a date finer
than the fact's, a number beyond its bound, a future or planned fact asked as done are neither
Yes nor No; a past role asked as present ("no longer") is not a Yes, the roles inverted
neither; a negated question ("Didn't X join Y?", "Est-ce que X n'a pas rejoint Y ?") has the
verdict of the positive question it presupposes, and "N'est-il pas vrai que X n'a pas rejoint
Y ?" asks whether the negation holds: a Yes of the positive is its No, and the other way round.

`python tests/support/fact_probes.py` prints the pass rate per family on the project's base and
the fixture bases, with the confidently wrong replies (a Yes or a No contradicting the verdict).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from paths import DATA, KNOWLEDGE
from reply_reading import HEDGED, NO, UNKNOWN, YES, contradicts, verdict_of
from review_overlay import REVIEWED_ARTICLES, build_reviewed

from bot import kb
from bot.engine import Engine, State
from bot.kb import Fact, KnowledgeBase
from bot.kb import facttypes as ft
from bot.model import Answer
from bot.text import fold

LANGUAGES = ("en", "fr")
FAMILIES = (
    "right detail", "wrong day", "wrong month", "wrong year", "finer date", "wrong place",
    "wrong amount", "bound", "roles", "tense", "no longer", "negation", "double negation",
)  # fmt: skip

# The verdicts that pass, by what the fact settles.
ONLY_YES = frozenset({YES})
ONLY_NO = frozenset({NO})
NOT_CONFIRMED = frozenset({HEDGED})
OPEN = frozenset({HEDGED, UNKNOWN})  # neither Yes nor No: the articles do not settle it
NOT_YES = frozenset({NO, HEDGED, UNKNOWN})

# A curated phrasing holding one of these words only reports or supposes what it says.
HEDGES = re.compile(
    r"\b(reportedly|allegedly|apparently|according to|would|could|might|rumou?rs?|selon|"
    r"d'apres|aurai(?:t|ent)|serai(?:t|ent)|pourrai(?:t|ent)|envisagerai(?:t|ent)|"
    r"devrai(?:t|ent)|semblerai(?:t|ent))\b"
)
MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre".split(),
}
QUALIFIERS = {
    "en": {"exact": "", "at_least": "at least ", "about": "about ", "more_than": "more than ",
           "nearly": "nearly "},
    "fr": {"exact": "", "at_least": "au moins ", "about": "environ ", "more_than": "plus de ",
           "nearly": "près de "},
}  # fmt: skip
BOUNDS = frozenset({"at_least", "more_than"})
CURRENCIES = {
    "en": {"USD": "dollars", "EUR": "euros"},
    "fr": {"USD": "de dollars", "EUR": "d'euros"},
}
MILLION = {"en": "million", "fr": "millions"}


@dataclass(frozen=True)
class Probe:
    family: str
    language: str
    question: str
    expect: frozenset[str]  # the verdicts that pass
    fact: str
    needles: tuple[str, ...] = ()  # what a "No" must say instead (the right value), folded


DOUBLE_NEGATION = "N'est-il pas vrai que"


@dataclass(frozen=True)
class Clause:
    """A fact as a yes/no question: English auxiliary + subject + rest, French subject + finite
    verb + rest; `done` when it tells what happened (a date or a place may follow)."""

    en_aux: str
    en_subject: str
    en_rest: str
    fr_subject: str
    fr_finite: str
    fr_rest: str
    done: bool = True

    def ask(self, language: str, tail: str = "", negated: bool = False) -> str:
        """ "Did X join Y in June?", "Didn't X…", "Est-ce que X n'a pas rejoint Y en juin ?" """
        if language == "en":
            aux = (
                ("won't" if self.en_aux == "will" else f"{self.en_aux}n't")
                if negated
                else self.en_aux
            )
            return f"{aux.capitalize()} {self.en_subject} {self.en_rest}{tail}?"
        return f"{elided('Est-ce que', self.fr_subject)}{self.fr_clause(negated)}{tail} ?"

    def double_negation(self, tail: str = "") -> str:
        """ "N'est-il pas vrai que X n'a pas rejoint Y ?": asks whether X did not join Y."""
        opening = elided(DOUBLE_NEGATION, self.fr_subject)
        return f"{opening}{self.fr_clause(True)}{tail} ?"

    def fr_clause(self, negated: bool) -> str:
        finite = f"{ne(self.fr_finite)} pas" if negated else self.fr_finite
        return " ".join(w for w in (self.fr_subject, finite, self.fr_rest) if w)


def elided(words: str, subject: str) -> str:
    """ "Est-ce qu'Alan", "Est-ce que Meta": French elision before a vowel."""
    return f"{words[:-1]}'" if fold(subject)[:1] in "aeiouy" else f"{words} "


def ne(verb: str) -> str:
    return f"n'{verb}" if fold(verb)[:1] in "aeiouyh" else f"ne {verb}"


def place_tail(language: str, place: str) -> str:
    return f" in {place}" if language == "en" else f" à {place}"


# ---------------------------------------------------------------- what a fact settles


def hedged_phrasing(fact: Fact) -> bool:
    return bool(HEDGES.search(fold(f"{fact.text.en} {fact.text.fr}")))


def still_to_come(fact: Fact) -> bool:
    return fact.tense == "future" or fact.modality == "planned"


def settled_verdict(fact: Fact, in_its_tense: bool = False) -> frozenset[str]:
    """What asking the fact itself must get: Yes when plainly stated, No when negated; Not
    confirmed when reported, possible, planned or hedged in its phrasing, and when it is still
    to come unless asked in its own (future) tense."""
    reported = fact.modality != "stated" or hedged_phrasing(fact)
    if reported or (fact.tense == "future" and not in_its_tense):
        return NOT_CONFIRMED
    return ONLY_NO if fact.polarity == "negated" else ONLY_YES


def plainly_stated(fact: Fact) -> bool:
    return settled_verdict(fact) == ONLY_YES


def wrong_detail(fact: Fact, needles: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A wrong detail is a No saying the right one when the fact is plainly stated; of a fact
    only reported, anything but a Yes."""
    return (ONLY_NO, needles) if plainly_stated(fact) else (NOT_YES, ())


# ---------------------------------------------------------------- the base's words


@dataclass
class Base:
    """A knowledge base seen by the generator: names, part_of chains, the claims its facts make."""

    kb: KnowledgeBase
    claims: dict[tuple, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for fact in self.kb.facts:
            for key in claims(fact):
                self.claims[key] = self.claims.get(key, 0) + 1

    def en(self, entity_id: str) -> str:
        return self.kb.entities[entity_id].name.en

    def fr(self, entity_id: str) -> str:
        return self.kb.entities[entity_id].name.fr

    def name(self, entity_id: str, language: str) -> str:
        return self.kb.entities[entity_id].name.get(language)

    def type(self, entity_id: str | None) -> str | None:
        entity = self.kb.entities.get(entity_id or "")
        return entity.type if entity else None

    def chain(self, entity_id: str | None) -> set[str]:
        found: set[str] = set()
        while entity_id and entity_id not in found:
            found.add(entity_id)
            entity_id = self.kb.entities[entity_id].part_of
        return found

    def tied(self, a: str, b: str) -> bool:
        """One is part of the other, or some fact names both."""
        return (
            a in self.chain(b)
            or b in self.chain(a)
            or any(a in f.participants() and b in f.participants() for f in self.kb.facts)
        )

    def unique(self, fact: Fact) -> bool:
        """No other fact makes the fact's claim: its details are the claim's details."""
        keys = claims(fact)
        return bool(keys) and self.claims.get(keys[0], 0) == 1


def claims(fact: Fact) -> list[tuple]:
    """(relation, who acts, on what) for what the fact states, its main claim first."""
    row = ft.FACT_TYPES[fact.type]
    if row.move:
        mover, source, dest = (
            getattr(fact, f) for f in (row.move.mover, row.move.source, row.move.dest)
        )
        keys = [("move", mover, dest), ("leave", mover, source)]
        if fact.type == "left":
            keys.reverse()
        return [k for k in keys if k[1] and k[2]]
    if fact.type == "criticism":
        return [("criticise", fact.subject, fact.object)]
    if fact.type == "criticised":
        return [("criticise", fact.object, fact.subject)] if fact.object else []
    if fact.type == "location":
        return [("location", fact.subject, fact.place)]
    return [(fact.type, fact.subject, fact.object)]


# ---------------------------------------------------------------- clauses per fact type

# Fact types asked "did S <verb> O?" / "est-ce que S a <participe> O ?".
DONE_VERBS = {
    "joined": ("join", "rejoint"), "hired": ("hire", "recruté"), "left": ("leave", "quitté"),
    "founded": ("found", "fondé"), "cofounded": ("co-found", "cofondé"),
    "cocreated": ("co-create", "cocréé"), "worked_on": ("work on", "travaillé sur"),
    "criticism": ("criticise", "critiqué"),
}  # fmt: skip


def did(base: Base, s: str, verbs: tuple[str, str], o: str) -> Clause:
    return Clause(
        "did", base.en(s), f"{verbs[0]} {base.en(o)}", base.fr(s), "a", f"{verbs[1]} {base.fr(o)}"
    )


def clause(base: Base, fact: Fact, tense: str | None) -> Clause | None:
    """The fact's relation as a question in `tense`, or None when its type has no yes/no
    phrasing here (statements, trends… carry their content in their text only)."""
    s, o = fact.subject, fact.object
    if fact.type in DONE_VERBS and o:
        return did(base, s, DONE_VERBS[fact.type], o)
    if fact.type == "criticised" and o:
        return did(base, o, DONE_VERBS["criticism"], s)
    if fact.type == "leads" and o:
        return leads(base, s, o, tense)
    if fact.type == "role" and o and fact.role:
        return role(base, s, o, fact.role.en, fact.role.fr, tense)
    if fact.type == "owns" and o:
        return Clause(
            "does", base.en(s), f"own {base.en(o)}", base.fr(s), "possède", base.fr(o), False
        )
    if fact.type == "location" and fact.place:
        return whereabouts(base, s, fact.place)
    return None


def leads(base: Base, s: str, o: str, tense: str | None) -> Clause:
    """lead / dirige, a dirigé, va diriger, as `tense` says."""
    en_s, fr_s, en_o, fr_o = base.en(s), base.fr(s), base.en(o), base.fr(o)
    if tense == "past":
        return Clause("did", en_s, f"lead {en_o}", fr_s, "a", f"dirigé {fr_o}")
    if tense == "future":
        return Clause("will", en_s, f"lead {en_o}", fr_s, "va", f"diriger {fr_o}", False)
    return Clause("does", en_s, f"lead {en_o}", fr_s, "dirige", fr_o, False)


def role(base: Base, s: str, o: str, en_role: str, fr_role: str, tense: str | None) -> Clause:
    en_rest, fr_rest = f"{en_role} at {base.en(o)}", f"{fr_role} chez {base.fr(o)}"
    if tense == "past":
        return Clause("was", base.en(s), en_rest, base.fr(s), "était", fr_rest, False)
    if tense == "future":
        return Clause("will", base.en(s), f"be {en_rest}", base.fr(s), "sera", fr_rest, False)
    return Clause("is", base.en(s), en_rest, base.fr(s), "est", fr_rest, False)


def whereabouts(base: Base, who: str, place: str) -> Clause:
    """ "Does X work in P?" for a person, "Is X in P?" for anything else."""
    en_s, fr_s, en_p, fr_p = base.en(who), base.fr(who), base.en(place), base.fr(place)
    if base.type(who) == "person":
        return Clause("does", en_s, f"work in {en_p}", fr_s, "travaille", f"à {fr_p}", False)
    return Clause("is", en_s, f"in {en_p}", fr_s, "est", f"à {fr_p}", False)


# ---------------------------------------------------------------- numbers


def number_words(value: float, currency: str | None, unit: str, language: str) -> str:
    """200 million dollars / 200 millions de dollars; 1200 people / 1200 personnes."""
    number = f"{value / 1e6:g} {MILLION[language]}" if value >= 1e6 else f"{value:g}"
    return f"{number} {CURRENCIES[language][currency] if currency else unit}"


def number_needle(value: float) -> str:
    """The right value as a reply writes it, digit separators removed: "200 million", "1200"."""
    return f"{value / 1e6:g} million" if value >= 1e6 else f"{value:g}"


def far_off(value: float) -> float:
    """A value no "about" or "nearly" stretches to."""
    return float(round(value * 2.5))


def beyond_bound(value: float) -> float:
    """Above a lower bound: "more than 200" says nothing of 300."""
    return float(round(value * 1.5))


@dataclass(frozen=True)
class Measure:
    """A fact's number, and the question asking it (given the number in words per language)."""

    value: float
    qualifier: str
    currency: str | None
    unit: dict[str, str]
    say: Callable[[dict[str, str]], Clause]

    def worded(self, value: float, qualified: bool) -> dict[str, str]:
        return {
            lang: (QUALIFIERS[lang][self.qualifier] if qualified else "")
            + number_words(value, self.currency, self.unit[lang], lang)
            for lang in LANGUAGES
        }


def measure(base: Base, fact: Fact) -> Measure | None:
    """Amounts ("Did S offer O…", "Did S raise…"), counts of hires, headcounts, durations."""
    en_s, fr_s = base.en(fact.subject), base.fr(fact.subject)
    o = fact.object
    if fact.type == "amount" and fact.amount:

        def offered(w: dict[str, str]) -> Clause:
            if o:
                return Clause(
                    "did",
                    en_s,
                    f"offer {base.en(o)} {w['en']}",
                    fr_s,
                    "a",
                    f"offert {w['fr']} à {base.fr(o)}",
                )
            return Clause("did", en_s, f"raise {w['en']}", fr_s, "a", f"levé {w['fr']}")

        a = fact.amount
        return Measure(a.value, a.qualifier, a.currency, {"en": "", "fr": ""}, offered)
    q = fact.quantity
    if q is None or q.value is None or q.qualifier == "some":
        return None
    unit = {"en": q.unit.en, "fr": q.unit.fr}
    if fact.type == "hired" and not o:
        en_from = f" from {base.en(fact.source)}" if fact.source else ""
        fr_from = f" chez {base.fr(fact.source)}" if fact.source else ""

        def hired(w: dict[str, str]) -> Clause:
            return Clause(
                "did", en_s, f"hire {w['en']}{en_from}", fr_s, "a", f"recruté {w['fr']}{fr_from}"
            )

        return Measure(q.value, q.qualifier, None, unit, hired)
    if fact.type == "count":

        def employs(w: dict[str, str]) -> Clause:
            return Clause("does", en_s, f"employ {w['en']}", fr_s, "emploie", w["fr"], False)

        return Measure(q.value, q.qualifier, None, unit, employs)
    if fact.type == "duration" and o:

        def spent(w: dict[str, str]) -> Clause:
            return Clause(
                "did",
                en_s,
                f"spend {w['en']} at {base.en(o)}",
                fr_s,
                "a",
                f"passé {w['fr']} chez {base.fr(o)}",
            )

        return Measure(q.value, q.qualifier, None, unit, spent)
    return None


# ---------------------------------------------------------------- dates


def month_name(language: str, month: int) -> str:
    return MONTHS[language][month - 1]


def date_tail(language: str, day: int | None, month: int | None, year: int | None) -> str:
    """ " in June", " on 12 June 2024", " en 2021", " le 12 juin"."""
    words = " ".join(str(w) for w in (day, month and month_name(language, month), year) if w)
    if day:
        return f" on {words}" if language == "en" else f" le {words}"
    return f" in {words}" if language == "en" else f" en {words}"


def absolute_date(fact: Fact) -> bool:
    w = fact.when
    return w is not None and not w.since and w.relative is None and bool(w.month or w.year)


def date_probes(fact: Fact, c: Clause, unique: bool) -> Iterator[tuple]:
    """(family, language, date tail, expected, needles): the fact's own date, then wrong ones
    (when no other fact makes the same claim), then finer ones than it gives."""
    w = fact.when
    if w is None or not (c.done and absolute_date(fact) and fact.polarity == "affirmed"):
        return
    for lang in LANGUAGES:
        yield (
            "right detail",
            lang,
            date_tail(lang, w.day, w.month, w.year),
            settled_verdict(fact),
            (),
        )
        if not unique:
            continue
        if w.day and w.month:
            other = w.day + 1 if w.day < 28 else w.day - 1
            expect, needles = wrong_detail(fact, (str(w.day), fold(month_name(lang, w.month))))
            yield "wrong day", lang, date_tail(lang, other, w.month, w.year), expect, needles
        if w.month:
            expect, needles = wrong_detail(fact, (fold(month_name(lang, w.month)),))
            yield (
                "wrong month",
                lang,
                date_tail(lang, None, w.month % 12 + 1, w.year),
                expect,
                needles,
            )
        if w.year:
            expect, needles = wrong_detail(fact, (str(w.year),))
            yield "wrong year", lang, date_tail(lang, None, None, w.year - 1), expect, needles
        if w.month and not w.day:
            yield "finer date", lang, date_tail(lang, 15, w.month, w.year), OPEN, ()
        if w.year and not w.month:
            yield "finer date", lang, date_tail(lang, None, 3, w.year), OPEN, ()


# ---------------------------------------------------------------- probes of one fact


def probes_of(base: Base, fact: Fact) -> Iterator[Probe]:
    unique = base.unique(fact)
    c = clause(base, fact, fact.tense)
    if c is not None:
        yield from relation_probes(base, fact, c, unique)
        yield from date_and_place_probes(base, fact, c, unique)
        yield from role_probes(base, fact)
    m = measure(base, fact)
    if m is not None:
        yield from measure_probes(fact, m, unique)


def flipped(verdicts: frozenset[str]) -> frozenset[str]:
    """The verdicts of the question asking whether the negation holds."""
    return frozenset({YES: NO, NO: YES}.get(v, v) for v in verdicts)


def relation_probes(base: Base, fact: Fact, c: Clause, unique: bool) -> Iterator[Probe]:
    """The fact asked as it is, negated, doubly negated; asked in another tense."""
    if still_to_come(fact):
        done = clause(base, fact, "current")
        for lang in LANGUAGES:
            if done is not None and done != c:
                yield Probe("tense", lang, done.ask(lang), NOT_CONFIRMED, fact.id)
            if c.en_aux == "will":  # asked in its own tense
                yield Probe("right detail", lang, c.ask(lang), settled_verdict(fact, True), fact.id)
        if done == c:  # planned, with nothing but the wording to say it: asked as done
            for lang in LANGUAGES:
                yield Probe("tense", lang, c.ask(lang), NOT_CONFIRMED, fact.id)
        return
    settled = settled_verdict(fact)
    for lang in LANGUAGES:
        yield Probe("right detail", lang, c.ask(lang), settled, fact.id)
        yield Probe("negation", lang, c.ask(lang, negated=True), settled, fact.id)
    yield Probe("double negation", "fr", c.double_negation(), flipped(settled), fact.id)
    if settled == ONLY_NO and not (fact.when or fact.amount or fact.quantity or fact.place):
        for lang in LANGUAGES:  # a plain denial refutes the relation at any date
            yield Probe("negation", lang, c.ask(lang, date_tail(lang, None, None, 2021)), settled,
                        fact.id)  # fmt: skip
    now = clause(base, fact, "current")
    if fact.tense == "past" and unique and plainly_stated(fact) and now is not None and now != c:
        for lang in LANGUAGES:  # what was, asked as what is: not a Yes
            yield Probe("no longer", lang, now.ask(lang), frozenset({NO, HEDGED}), fact.id)


def date_and_place_probes(base: Base, fact: Fact, c: Clause, unique: bool) -> Iterator[Probe]:
    if still_to_come(fact):
        return
    for family, lang, tail, expect, needles in date_probes(fact, c, unique):
        yield Probe(family, lang, c.ask(lang, tail), expect, fact.id, needles)
        if family == "wrong month":
            yield Probe("negation", lang, c.ask(lang, tail, negated=True), expect, fact.id, needles)
    if unique:
        yield from place_probes(base, fact, c)


def place_probes(base: Base, fact: Fact, c: Clause) -> Iterator[Probe]:
    """A person put somewhere else than the fact's place (a place of the base that nothing ties
    to them) gets a No that names the right place."""
    row = ft.FACT_TYPES[fact.type]
    who = getattr(fact, row.move.mover) if row.move else fact.subject
    place = fact.place
    if not place or base.type(who) != "person" or fact.polarity != "affirmed":
        return
    if fact.type != "location" and c.done:
        for lang in LANGUAGES:
            tail = place_tail(lang, base.name(place, lang))
            yield Probe("right detail", lang, c.ask(lang, tail), settled_verdict(fact), fact.id)
    elsewhere = sorted(
        e for e, entity in base.kb.entities.items()
        if entity.type == "place" and not base.tied(e, place) and not base.tied(e, who)
    )  # fmt: skip
    for other in elsewhere[:2]:
        for lang in LANGUAGES:
            expect, needles = wrong_detail(fact, (fold(base.name(place, lang)),))
            if fact.type == "location":
                question = whereabouts(base, who, other).ask(lang)
            elif c.done:
                question = c.ask(lang, place_tail(lang, base.name(other, lang)))
            else:
                continue
            yield Probe("wrong place", lang, question, expect, fact.id, needles)


def role_probes(base: Base, fact: Fact) -> Iterator[Probe]:
    """Who did it to whom, inverted: B hired A, B criticised A, B owns A, or the move the other
    way. Never a Yes (nothing is asked when another fact says it the other way round)."""
    s, o = fact.subject, fact.object
    if not o:
        return
    inverted: list[tuple[tuple, Clause]] = []
    if fact.type in ("hired", "criticism", "founded", "cofounded"):
        key = ("move", s, o) if fact.type == "hired" else (claims(fact)[0][0], o, s)
        inverted.append((key, did(base, o, DONE_VERBS[fact.type], s)))
    if fact.type == "criticised":
        inverted.append((("criticise", s, o), did(base, s, DONE_VERBS["criticism"], o)))
    if fact.type == "owns":
        own = Clause(
            "does", base.en(o), f"own {base.en(s)}", base.fr(o), "possède", base.fr(s), False
        )
        inverted.append((("owns", o, s), own))
    if fact.type == "joined" and fact.source:
        back = Clause(
            "did", base.en(s), f"join {base.en(fact.source)} from {base.en(o)}", base.fr(s), "a",
            f"rejoint {base.fr(fact.source)} en venant de {base.fr(o)}",
        )  # fmt: skip
        inverted.append((("move", s, fact.source), back))
    for key, c in inverted:
        if base.claims.get(key):
            continue  # the other way round is a fact too
        for lang in LANGUAGES:
            yield Probe("roles", lang, c.ask(lang), NOT_YES, fact.id)


def measure_probes(fact: Fact, m: Measure, unique: bool) -> Iterator[Probe]:
    """The number as stated; beyond a bound (not confirmed); far off an exact or approximate
    one (No, saying the right number)."""
    right = m.say(m.worded(m.value, qualified=True))
    for lang in LANGUAGES:
        yield Probe("right detail", lang, right.ask(lang), settled_verdict(fact), fact.id)
    if not unique or fact.polarity != "affirmed":
        return
    if m.qualifier in BOUNDS:
        beyond = m.say(m.worded(beyond_bound(m.value), qualified=False))
        for lang in LANGUAGES:
            yield Probe("bound", lang, beyond.ask(lang), NOT_CONFIRMED, fact.id)
        return
    expect, needles = wrong_detail(fact, (number_needle(m.value),))
    wrong = m.say(m.worded(far_off(m.value), qualified=False))
    for lang in LANGUAGES:
        yield Probe("wrong amount", lang, wrong.ask(lang), expect, fact.id, needles)


# ---------------------------------------------------------------- running them


def askable(base: KnowledgeBase, fact: Fact) -> bool:
    """Reviewed, typed, and naming only entities the base has."""
    return (
        not fact.draft
        and fact.type not in ft.MENTION_TYPES
        and all(p in base.entities for p in fact.participants())
    )


def generate(base_: KnowledgeBase, articles: Iterable[str] | None = None) -> list[Probe]:
    """Every probe of every askable fact (only those citing `articles`, when given)."""
    wanted = set(articles) if articles is not None else None
    facts = [
        f for f in base_.facts
        if askable(base_, f)
        and (wanted is None or any(c.article in wanted for c in f.citations))
    ]  # fmt: skip
    base = Base(base_)
    return [probe for fact in facts for probe in probes_of(base, fact)]


_SEPARATED_DIGITS = re.compile(r"(?<=\d)[ ,\u00a0\u202f](?=\d{3}\b)")


def says_all(answer: Answer, needles: tuple[str, ...]) -> bool:
    text = _SEPARATED_DIGITS.sub("", fold(answer.text))
    return all(needle in text for needle in needles)


@dataclass(frozen=True)
class Outcome:
    probe: Probe
    answer: Answer
    got: str

    @property
    def passed(self) -> bool:
        if self.got not in self.probe.expect:
            return False
        return self.got != NO or says_all(self.answer, self.probe.needles)

    @property
    def confidently_wrong(self) -> bool:
        return contradicts(self.probe.expect, self.got)


def run(engine: Engine, probes: Iterable[Probe]) -> list[Outcome]:
    outcomes = []
    for probe in probes:
        answer, _ = engine.answer(probe.question, State(language=probe.language))
        outcomes.append(Outcome(probe, answer, verdict_of(answer)))
    return outcomes


@dataclass(frozen=True)
class Tally:
    family: str
    total: int
    passed: int
    wrong: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.total if self.total else 0.0

    def line(self) -> str:
        return (
            f"{self.family:16} {self.passed:4}/{self.total:<4} {self.rate:6.1%}   "
            f"confidently wrong {self.wrong:3} ({self.wrong_rate:.1%})"
        )


def tally(outcomes: list[Outcome], family: str) -> Tally:
    mine = [o for o in outcomes if o.probe.family == family]
    return Tally(
        family, len(mine), sum(o.passed for o in mine), sum(o.confidently_wrong for o in mine)
    )


def describe(outcome: Outcome) -> str:
    p = outcome.probe
    first = outcome.answer.text.split("\n", 1)[0][:120]
    wanted = "/".join(sorted(p.expect))
    return f"[{p.family}] {p.question} -> {outcome.got} ({first!r}); expected {wanted} [{p.fact}]"


def probe(engine: Engine, articles: Iterable[str] | None = None) -> list[Outcome]:
    """Generate the probes of the engine's own base and ask them all."""
    return run(engine, generate(engine.kb, articles))


def fixture_outcomes(reviewed_dirs: dict[str, Path]) -> list[Outcome]:
    """The probes of the fixture bases: the invented third article, and of each reviewed
    curation base the facts of its own article (the rest is the project's base)."""
    outcomes = probe(Engine(kb.load(DATA / "third_article")))
    for name, directory in reviewed_dirs.items():
        outcomes += probe(Engine(kb.load(directory)), [REVIEWED_ARTICLES[name]])
    return outcomes


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        reviewed = {n: build_reviewed(n, Path(tmp) / n) for n in REVIEWED_ARTICLES}
        outcomes = probe(Engine(kb.load(KNOWLEDGE))) + fixture_outcomes(reviewed)
    for outcome in outcomes:
        if outcome.confidently_wrong:
            print(f"CONFIDENTLY WRONG {describe(outcome)}")
    for family in FAMILIES:
        print(tally(outcomes, family).line())


if __name__ == "__main__":
    main()
