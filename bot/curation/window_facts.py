"""Facts the word-window reader takes from a sentence beside its events: the founders of a
company, a role and its span, durations, counts and amounts, places listed, a report's medium."""

from __future__ import annotations

from collections.abc import Callable

from bot.curation.entities import Occurrence
from bot.curation.quantities import TIME_UNITS, numbers
from bot.curation.reader import ANAPHORS, ORGS, PERSON, Fact, Reader
from bot.nlu import lexicon as lx
from bot.text import normalize

CO_WORDS = frozenset({"co"})

BY_WORDS = frozenset({"par", "by"})

WITH_WORDS = frozenset({"with", "avec"})

# Verbs whose object is a headcount ("l'équipe compte une centaine d'ingénieurs").
COUNT_VERBS = frozenset("compte comptait comptent counts numbers".split())


def listed_places(r: Reader, i: int) -> list[str]:
    """The places named after word i, as long as only "and", commas and "in" stand between."""
    found: list[str] = []
    j = i + 1
    while j < len(r.words):
        o = r.at(j)
        if o is not None:
            if r.kind(o) != "place":
                break
            found.append(o.entity)
            j = o.end
            continue
        stop = r.words[j] not in PLACE_LIST_WORDS or (found and r.words[j] in ("in", "a"))
        if stop and (found or j > i + 3):
            break
        j += 1
    return found


PLACE_LIST_WORDS = frozenset("in a au en and et or ou its their ses son sa".split())


def founding(r: Reader, i: int, word: str) -> list[Fact]:
    co = word.startswith(("cofond", "cofound")) or (i and r.words[i - 1] in CO_WORDS)
    # "X, fondée en 2021 par Y": a "by" after the word ("a drive steered by Y, the X
    # co-founder": Y founded X, not what comes before)
    by = [o for o in r.named_after(len(r.words), BY_WORDS) if r.kind(o) == PERSON and o.start > i]
    founders: list[Occurrence | None]
    if by:  # "X, fondée en 2021 par Y"
        founders, company = [by[0]], r.before(i, ORGS)
    else:
        founders, company = [r.before(i, (PERSON,))], _titled(r, i) or r.after(i, ORGS, window=3)
    founders += [o for o in r.named_after(len(r.words), WITH_WORDS) if r.kind(o) == PERSON]
    kind = "cofounded" if co or len(founders) > 1 else "founded"
    if company is None:
        return []
    return [Fact(kind, f.entity, r.s.index, {"object": company.entity}) for f in founders if f]


def _titled(r: Reader, i: int) -> Occurrence | None:
    """ "the Zeta co-founder": the organisation written just before the title."""
    end = i - 1 if i and r.words[i - 1] in CO_WORDS else i
    return next((o for o in r.occ if o.end == end and r.kind(o) in ORGS), None)


def role_span(r: Reader, i: int) -> tuple[int, int]:
    start, end = i, i + 1
    while (
        start > 0
        and r.words[start - 1]
        in ("chief", "senior", "vice", "head", "general", "co", "principal", "lead")
        and r.s.gap(start) in (" ", "-")
    ):
        start -= 1
    while (
        end < len(r.words)
        and r.s.gap(end) == " "
        and r.at(end) is None
        and r.words[end] not in ("de", "d", "du", "des", "of", "at", "chez", "a", "au")
        and r.s.tokens[end].raw.islower()
        and not lx.move_verb_class(r.words[end])
        and r.words[end] not in lx.STOPWORDS
    ):
        end += 1
    if end + 1 < len(r.words) and r.words[end] == "of" and _plain(r, end + 1):
        end += 2  # "vice-president of research"
    return start, end


def _plain(r: Reader, i: int) -> bool:
    """Word i is a lower-case common word, no entity's ("research", "engineering")."""
    return r.at(i) is None and r.s.tokens[i].raw.islower() and r.words[i] not in lx.STOPWORDS


def role(r: Reader, i: int) -> Fact | None:
    """ "X, PDG de Y", "Y chief executive X", "a former Y engineer": a role, never a move."""
    if i + 1 < len(r.words) and r.s.gap(i + 1) == "-" and r.words[i + 1] in lx.ROLE_NOUNS:
        return None  # "vice-president": the role is read at its last word
    start, end = role_span(r, i)
    text = " ".join(t.raw for t in r.s.tokens[start:end])
    org = next(
        (
            o
            for o in r.named_after(len(r.words), frozenset(("de", "d", "du", "of", "at", "chez")))
            if o.start == end + 1 and r.kind(o) in ORGS
        ),
        None,
    )
    before = r.before(start, ORGS)
    org = org or (before if before and before.end >= start - 1 else None)
    people = [o for o in r.occ if r.kind(o) == PERSON]
    people = [o for o in people if not r.names_owner(o)] or people  # not "le groupe de X"'s X
    if not org or not people:
        return None
    person = min(people, key=lambda o: min(abs(o.end - start), abs(o.start - end)))
    fields = {"object": org.entity, "role": text, "tense": "past" if r.past(start) else "current"}
    return Fact("role", person.entity, r.s.index, fields)


# Words before a unit of time that say "some" of it ("after years at X", "plusieurs années").
SOME_TIME = frozenset("after apres several plusieurs des many".split())

AT_WORDS = frozenset("at chez in".split())
# Words before a figure of time that make it a stay at the organisation named before it
# ("chercheur pendant près de sept ans", "depuis huit ans", "il y a neuf ans"); without
# one, "venue sept mois avant son lancement" is no time spent anywhere.
STAY_CUES = frozenset("pendant durant depuis for during spent passe passee y".split())


def durations(r: Reader) -> list[Fact]:
    """Time a person spent at an organisation: "travaillait chez X depuis plus de huit ans",
    "after years at X" (some years, no figure)."""
    found = []
    named = {i for o in r.occ for i in range(o.start, o.end)}
    counted = {n["at"]: n for n in numbers(r) if n["at"] not in named}  # not "Aurora-7"
    for i, word in enumerate(r.words):
        if word not in TIME_UNITS:
            continue
        number = next((n for n in counted.values() if n["at"] < i <= n["at"] + 3), None)
        if number is None and not (i and r.words[i - 1] in SOME_TIME):
            continue
        start = number["at"] if number else i - 1
        stay = STAY_CUES & set(r.words[max(0, start - 4) : start])  # "pendant", "il y a"…
        org = _org_at(r, i + 1) or (r.before(i, ORGS) if stay else None)
        person = r.before(i, (PERSON,)) or next((o for o in r.occ if r.kind(o) == PERSON), None)
        if org is None or person is None:
            continue
        unit = r.s.tokens[i].raw
        quantity = (
            {"value": number["value"], "qualifier": number["qualifier"], "unit": unit}
            if number
            else {"value": None, "qualifier": "some", "unit": unit}
        )
        fields = {"object": org.entity, "quantity": quantity}
        found.append(Fact("duration", person.entity, r.s.index, fields))
    return found


def _org_at(r: Reader, i: int) -> Occurrence | None:
    """The organisation right after "at" / "chez" at word i ("years at Google Research")."""
    if i < len(r.words) and r.words[i] in AT_WORDS:
        o = r.at(i + 1)
        return o if o and r.kind(o) in ORGS else None
    return None


def measures(
    r: Reader,
    previous_org: str | None,
    facts: list[Fact],
    events: list[Fact] | None = None,
    owner: Callable[[int], str | None] | None = None,
    main: str | None = None,
    reporter: Callable[[int], str | None] | None = None,
) -> list[Fact]:
    """Counts, amounts and valuations not already a hiring's (or a duration's) quantity. A sum
    right after "invests" is the investment's; a figure after an investor is the round's
    company's ("X and Y backed its round of $1 billion"); after "valued", a valuation; a sum
    offered to someone, with no one named to offer it, the article's company's offer. A sum
    someone tells of (`reporter`) is reported, theirs to claim."""
    found = []
    invested = [e for e in events or [] if e.type == "invested"]
    funded = {e.subject: e.fields["object"] for e in invested}
    used = {id(f.fields.get("quantity")) for f in facts}
    timed = {f.fields["quantity"].get("value") for f in facts if f.type == "duration"}
    for n in numbers(r):
        if id(n) in used or (n["unit"] and normalize(n["unit"]) in TIME_UNITS
                             and n["value"] in timed):  # fmt: skip
            continue
        subject = r.before(n["at"], ORGS)
        parsed_owner = owner(r.s.tokens[n["at"]].start) if owner else None
        if parsed_owner and (subject is None or parsed_owner != subject.entity):
            subject = Occurrence(parsed_owner, -1, -1)  # the clause's subject, not a modifier
        if subject is None and previous_org and any(w in ANAPHORS for w in r.words[: n["at"]]):
            subject = Occurrence(previous_org, -1, -1)
        before = r.words[max(0, n["at"] - 4) : n["at"]]
        investing = [e for e in invested if not e.fields.get("amount")]
        if n["currency"] and investing and any(w.startswith("invest") for w in before[-3:]):
            investing[0].fields["amount"] = {
                "value": n["value"], "currency": n["currency"], "qualifier": n["qualifier"]
            }  # fmt: skip
            continue
        if subject is None and n["currency"]:
            offer = _offered(r, n, main)
            if offer is not None:
                found.append(offer)
            continue
        if subject is None:
            continue
        if subject.entity in funded:
            subject = Occurrence(funded[subject.entity], -1, -1)
        if n["currency"]:
            amount = {"value": n["value"], "currency": n["currency"], "qualifier": n["qualifier"]}
            valued = any("valuation" in lx.relation_of(w) for w in [*before, _noun_after(r, n)])
            kind = "valuation" if valued else "amount"
            fields: dict = {"amount": amount}
            teller = reporter(r.s.tokens[n["at"]].start) if reporter else None
            if teller and teller != subject.entity:  # "X told Y that Zeta had agreed to pay"
                fields.update(modality="reported", attributed_to=teller)
            found.append(Fact(kind, subject.entity, r.s.index, fields))
        elif n["unit"] and any(
            "count" in lx.relation_of(w) or w in COUNT_VERBS for w in r.words[: n["at"]]
        ):
            if any(
                f.fields.get("quantity") is n
                or f.fields.get("quantity", {}).get("value") == n["value"]
                for f in facts
            ):
                continue
            found.append(Fact("count", subject.entity, r.s.index, {"quantity": n}))
    return found


# An offer to a person ("was offered a package worth $X", "s'est vu proposer").
OFFER_WORDS = frozenset(
    "offer offers offered package offre offert offerte propose proposee proposer".split()
)


def _offered(r: Reader, n: dict, main: str | None) -> Fact | None:
    """ "Ada Lind was offered a package worth $X (by Zeta)": a sum offered to the person named
    before it, by the company named after "by", else by the article's company (inferred)."""
    person = r.before(n["at"], (PERSON,))
    if person is None or not OFFER_WORDS & set(r.words[person.end : n["at"]]):
        return None
    # "offered $X by Zeta": the one the sentence names; else the article's company, inferred
    by = [o for o in r.named_after(len(r.words), BY_WORDS) if r.kind(o) in ORGS]
    offerer = by[0].entity if by else main
    if offerer is None or offerer == person.entity:
        return None
    amount = {"value": n["value"], "currency": n["currency"], "qualifier": n["qualifier"]}
    fields: dict = {"object": person.entity, "amount": amount}
    if any(lx.hedge(w) for w in r.words):
        fields["modality"] = "reported"
    inferred = [] if by else [f"the offer read as {main}'s: the sentence names no one making it"]
    return Fact("amount", offerer, r.s.index, fields, inferred)


HEDGE_REACH = 3  # words from the hedge to its source: "according to the X", "d'après le X"


def _noun_after(r: Reader, n: dict) -> str:
    """The word a sum stands before ("a $12 billion valuation", "12 milliards de dollars de
    valorisation"): past its multiplier, currency and "de"."""
    j = n["at"] + 1
    while j < len(r.words) and (r.words[j] in lx.MULTIPLIERS or r.words[j] in SUM_WORDS):
        j += 1
    return r.words[j] if j < len(r.words) else ""


SUM_WORDS = frozenset("dollars dollar euros euro de d of".split())


def hedge_via(r: Reader, facts: list[Fact]) -> None:
    """ "according to X", "selon X": where a reported figure comes from."""
    hedges = [i for i, w in enumerate(r.words) if lx.hedge(w) and "provenance" in lx.relation_of(w)]
    if not hedges:
        return
    # the name the hedge governs ("selon Wirepost", "according to the X"), not a later one
    sources = [
        o
        for o in r.occ
        if hedges[0] < o.start <= hedges[0] + HEDGE_REACH and r.kind(o) not in (PERSON, "place")
    ]
    for fact in facts:
        if (
            sources
            and fact.type in ("hired", "count", "amount", "joined", "left")
            and sources[0].entity not in fact.names()
        ):
            fact.fields["via"] = sources[0].entity
