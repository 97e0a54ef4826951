"""Typed draft facts from an article's sentences, read with the engine's lexicons.

Each sentence gets the facts its words support — moves (sides read from move phrases only),
roles, leads, foundings, counts, amounts, statements with their medium, plans, locations —
and a `mention` for the entities no typed fact names. A `from` comes from a move phrase
("from X", "depuis X", "issus de X", "left X"), never from a title ("ex-CEO of X",
"co-founder of X"): an entity named in a title goes in the role fact, or in `about`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.curation.analysis import Parse
from bot.curation.clause import PERSON_PRONOUNS, Article, Clause
from bot.curation.entities import Names, Occurrence
from bot.curation.events import read_events
from bot.curation.ingest import Draft
from bot.curation.quantities import numbers, when_of
from bot.curation.reader import ANAPHORS, ORGS, PERSON, WINDOW, Fact, Reader
from bot.curation.window_facts import (
    BY_WORDS,
    durations,
    founding,
    hedge_via,
    listed_places,
    measures,
    role,
)
from bot.kb import facttypes as ft
from bot.kb.schema import KnowledgeBase
from bot.nlu import lexicon as lx

TO_WORDS = frozenset("to for pour vers chez".split())
MEDIUM_WORDS = frozenset("sur on dans in a au to".split())
AT_WORDS = frozenset("at chez".split())  # where someone works, not what they lead


def draft_facts(
    draft: Draft, names: Names, base: KnowledgeBase, parses: list[Parse]
) -> tuple[list[Fact], list[int]]:
    """Typed and mention facts for every sentence; the sentences that name no entity."""
    types = {
        e: names.type_of(base, e)
        for occ in names.occurrences.values()
        for e in (o.entity for o in occ)
    }
    facts: list[Fact] = []
    unnamed: list[int] = []
    previous_org: str | None = None
    article = Article(main_actor=main_actor(draft, names, types))
    for sentence in draft.sentences:
        reader = Reader(sentence, names.occurrences[sentence.index], types)
        clause = Clause(parses[sentence.index], char_spans(reader), types, article)
        typed = [
            Fact(e.type, e.subject, sentence.index, e.fields, e.inferred)
            for e in read_events(clause)
        ]
        worded = read_sentence(
            reader, previous_org, typed, article.main_actor, clause.owner_of, clause.reporter_of,
            clause.speaker_of,
        )  # fmt: skip
        _conditional(clause, worded)
        typed += worded
        referred = _opening_pronoun(sentence, article.last_person)
        _moved(article, typed)
        people = [o.entity for o in reader.occ if types[o.entity] == PERSON]
        if people:
            article.last_person, article.latest_person = people[0], people[-1]
        if len(set(people)) > 1:
            article.last_group = list(dict.fromkeys(people))
        named = set().union(*(f.names() for f in typed)) if typed else set()
        left = [o.entity for o in reader.occ if o.entity not in named]
        left = list(dict.fromkeys(left))
        if left:
            facts.extend(typed)
            # the sentence's date, so that "when" finds the sentence (quoted with it)
            # every other name of the sentence, so that a question naming any finds it
            others = [e for e in dict.fromkeys(o.entity for o in reader.occ) if e != left[0]]
            others += [e for e in referred if e not in others and e != left[0]]
            fields: dict[str, Any] = {"about": others} if others else {}
            when = when_of(reader)
            if when:
                fields["when"] = when
            fields.update(asked_slots(typed, reader))
            facts.append(Fact("mention", left[0], sentence.index, fields))
        elif typed:
            facts.extend(typed)
            when = when_of(reader)
            named_here = list(dict.fromkeys(o.entity for o in reader.occ))
            if when and not any(f.fields.get("when") for f in typed):
                # The sentence's date holds for none of its typed facts ("X, fondée par Y,
                # est sortie de l'ombre en septembre"): a dated mention lets "when" quote it.
                about = {"about": named_here[1:]} if named_here[1:] else {}
                facts.append(
                    Fact("mention", named_here[0], sentence.index, {**about, "when": when})
                )
        else:
            unnamed.append(sentence.index)
        # "la start-up" after a list of investors is the company they invested in.
        investors = {f.subject: f.fields["object"] for f in typed if f.type == "invested"}
        orgs = [investors.get(o.entity, o.entity) for o in reader.occ if types[o.entity] in ORGS]
        previous_org = orgs[0] if orgs else previous_org
        article.last_org = previous_org
    return facts, unnamed


def _opening_pronoun(sentence, last_person: str | None) -> list[str]:
    """ "He and X had quit…", "Lui et X…": the person a sentence's opening pronoun stands for
    (the last one named before), whom the sentence's mention names too."""
    tokens = sentence.tokens
    if last_person and tokens and tokens[0].norm in PERSON_PRONOUNS:
        return [last_person]
    return []


# "a démenti avoir recruté X", "denied hiring X": the move denied.
DENIALS = frozenset("dementi dementent dement dementait denied denies deny nie nient".split())
FUTURE = frozenset("will shall should devrait devraient doit va vont".split())
NEITHER = frozenset("neither nor ni".split())  # "Neither X nor Y has joined Z"
MOVE_TYPES = ("joined", "left", "hired")


def _negated_move(r: Reader) -> bool | None:
    """Whether a negation stands beside the sentence's move verb ("ne rejoint pas X"); None
    when it stands beside one of several."""
    verbs = [i for i, w in enumerate(r.words) if lx.move_verb_class(w)]
    near = [i for i in verbs if NEGATORS & set(r.words[max(0, i - 3) : i + 2])
            or (DENIALS | NEITHER) & set(r.words[:i])]  # fmt: skip
    if near and len(verbs) > 1:
        return None
    return bool(near)


UNDONE = ("possible", "planned")  # a move that has not happened: no one follows it


def _moved(article: Article, typed: list[Fact]) -> None:
    """Where the sentence says people went, for a later "X followed him"."""
    for f in typed:
        if f.fields.get("polarity") == "negated" or f.fields.get("modality") in UNDONE:
            continue
        mover: object = f.subject
        dest = f.fields.get("to")
        if f.type == "joined":
            dest = f.fields.get("object")
        elif f.type == "hired":
            mover, dest = f.fields.get("object"), f.subject
        if isinstance(mover, str) and isinstance(dest, str):
            article.went[mover] = dest
            article.last_went = (mover, dest)


def asked_slots(typed: list[Fact], r: Reader) -> dict[str, Any]:
    """What a question may ask of a sentence no typed fact reads: its one sum of money, or its
    one count of something, so that "how much?", "how many?" get it in the asker's language
    (two: which one is asked, the sentence alone cannot tell). A figure a typed fact of the
    sentence holds is that fact's."""
    found = numbers(r)
    sums = [n for n in found if n["currency"]]
    counts = [n for n in found if n["unit"] and not n["currency"]]
    slots: dict[str, Any] = {}
    if len(sums) == 1 and not any(f.fields.get("amount") for f in typed):
        slots["amount"] = {k: sums[0][k] for k in ("value", "currency", "qualifier")}
    if len(counts) == 1 and not any(f.fields.get("quantity") for f in typed):
        slots["quantity"] = {k: counts[0][k] for k in ("value", "qualifier", "unit")}
    return slots


# What the French conditional reports ("Y prendrait la direction"): every fact but a claim,
# whose own wording is someone's.
UNCLAIMED = frozenset(ft.TYPE_NAMES) - ft.CLAIM_FACT_TYPES - {"mention"}


def _conditional(clause: Clause, facts: list[Fact]) -> None:
    """A sentence told in the conditional reports what it says: a fact the word windows read
    (no verb of the parse anchors it) is reported unless the sentence says otherwise."""
    if not any(w.morph.get("Mood") == "Cnd" for w in clause.p.words):
        return
    for fact in facts:
        if fact.type in UNCLAIMED and "modality" not in fact.fields:
            fact.fields["modality"] = "reported"
            fact.inferred.append("reported: the sentence is in the conditional")


def char_spans(r: Reader) -> list[tuple[int, int, str]]:
    """Each entity occurrence as character offsets, to meet the parse's words."""
    tokens = r.s.tokens
    return [(tokens[o.start].start, tokens[o.end - 1].end, o.entity) for o in r.occ if o.start >= 0]


def main_actor(draft: Draft, names: Names, types: dict[str, str]) -> str | None:
    """The organisation (or unit: "Zeta Orbiton hires…") the article is about: the first its
    title names, else the one it names most."""
    from bot.curation.ingest import tokenize

    title = [t.norm for t in tokenize(draft.meta["title"])]
    counts: dict[str, int] = {}
    in_title: dict[str, int] = {}
    for sentence in draft.sentences:
        for o in names.occurrences[sentence.index]:
            if types[o.entity] not in ("organization", "unit"):
                continue
            counts[o.entity] = counts.get(o.entity, 0) + 1
            words = [t.norm for t in sentence.tokens[o.start : o.end]]
            at = _position(words, title)
            if at is not None:
                in_title[o.entity] = at
    if in_title:
        return min(in_title, key=lambda e: in_title[e])
    return max(counts, key=lambda e: counts[e]) if counts else None


def _position(words: list[str], title: list[str]) -> int | None:
    n = len(words)
    return next((k for k in range(len(title) - n + 1) if title[k : k + n] == words), None)


def read_sentence(
    r: Reader,
    previous_org: str | None,
    events: list[Fact],
    main: str | None = None,
    owner: Callable[[int], str | None] | None = None,
    reporter: Callable[[int], str | None] | None = None,
    speaker_of: Callable[[int], str | None] | None = None,
) -> list[Fact]:
    """What the parse's events leave to the words: statements with their medium, plans,
    locations, counts and amounts, and the source of a reported figure."""
    facts: list[Fact] = []
    untimed: list[int] = []  # facts the sentence's date is not the date of
    when = when_of(r)
    consumed: set[str] = set()
    # The word-window rules of the first drafts stay as a fallback for a sentence whose
    # parse gave no event (the small pipelines misparse some sentences).
    parsed = any(e.type not in ("role", "invested") for e in events)
    roled = any(e.type == "role" for e in events)
    for i, word in enumerate(r.words):
        if r.at(i) is not None or any(o.start <= i < o.end for o in r.occ):
            continue
        relations = lx.relation_of(word)
        if any(e.type == "statement" for e in events):
            relations = relations - {"statement"}
        kind = lx.move_verb_class(word)
        passive = i + 1 < len(r.words) and r.words[i + 1] in ("by", "par")  # "led by X"
        if not parsed and kind == "join" and not passive:  # "passée par X": a stint there
            dest = r.after(i, ORGS)
            if dest and dest.entity in {o.entity for o in r.sources(i)}:
                dest = None  # "arrived from X": where they came from, not where they went
            mover = r.before(i, (PERSON,))
            if dest and mover and dest.entity not in consumed:
                fields: dict[str, Any] = {"object": dest.entity}
                source = [o for o in r.sources(i) if o.entity != dest.entity]
                if source:
                    fields["from"] = source[0].entity
                facts.append(Fact("joined", mover.entity, r.s.index, fields))
                consumed.add(dest.entity)
        elif not parsed and kind == "hire":
            hirer = r.before(i, ORGS)
            hired = r.after(i, (PERSON,))
            if hired in r.named_after(len(r.words), BY_WORDS):
                hired = None  # "a recruiting drive steered by X": X leads it, no one hired X
            count = next((n for n in numbers(r) if i < n["at"] <= i + WINDOW and n["unit"]), None)
            if hirer and (hired or count):
                fields = {"object": hired.entity} if hired else {"quantity": count}
                source = r.sources(i)
                if source:
                    fields["from"] = source[0].entity
                facts.append(Fact("hired", hirer.entity, r.s.index, fields))
        elif not parsed and kind == "leave":
            mover = r.before(i, (PERSON,))
            left = r.after(i, ORGS, window=2)
            if left is None and i + 2 < len(r.words) and r.words[i + 2] in ANAPHORS:
                left = r.before(i, ORGS)  # "X, CTO of Y, left the company": Y
            stints = r.stints()
            if left and left.entity in stints:
                left = None  # "arrivé après des passages chez A et B, a quitté la société"
            if mover and left:
                fields = {"object": left.entity}
                dests = [
                    o
                    for o in r.named_after(i, TO_WORDS)
                    if r.kind(o) in ORGS and o.entity not in stints
                ]
                joined = [
                    o
                    for j, w in enumerate(r.words)
                    if j > i and lx.move_verb_class(w) == "join"
                    for o in [r.after(j, ORGS)]
                    if o
                ]
                dests = dests or joined
                if dests and dests[0].entity != left.entity:
                    fields["to"] = dests[0].entity
                    consumed.add(dests[0].entity)
                facts.append(Fact("left", mover.entity, r.s.index, fields))
        elif not parsed and "found" in relations:
            found = founding(r, i, word)
            if word.endswith(TITLE_ENDINGS):  # "l'un des cofondateurs de X": not dated
                untimed.extend(id(f) for f in found)
            facts.extend(found)
        elif not parsed and "lead" in relations and word not in lx.ROLE_NOUNS and not passive:
            leader = r.before(i, (PERSON,))
            led = r.after(i, (*ORGS, "product"), window=8)
            if led and led.start > 0 and r.words[led.start - 1] in AT_WORDS:
                led = None  # "pilotait chez Zeta la modélisation…": where, not what was led
            # "dirige la recherche scientifique de la start-up": the article's company
            anaphor = next((j for j in range(i + 1, min(i + 9, len(r.words)))
                            if r.words[j] in ANAPHORS), None)  # fmt: skip
            activity = ""
            if led is None and anaphor is not None and main:
                led = Occurrence(main, -1, -1)
                kept = [t.raw for t in r.s.tokens[i + 1 : anaphor]
                        if t.norm not in LEAD_FILLERS]  # fmt: skip
                activity = " ".join(kept)
            led = led or r.before(i, ORGS)
            if leader and led:
                fields = {"object": led.entity}
                if activity:  # the article's own words, not a title to translate
                    fields["role"] = {"fr": activity, "en": activity}
                before = r.words[max(0, i - 3) : i]
                pluperfect = any(w in ("avait", "avaient", "had") for w in before)
                if word.endswith(("ait", "aient")) or word in ("led", "ran", "headed"):
                    fields["tense"] = "past"
                if pluperfect:
                    fields["tense"] = "past"
                places = [o.entity for o in r.occ if r.kind(o) == "place" and o.start > i]
                if places:
                    fields["place"] = places[0]
                facts.append(Fact("leads", leader.entity, r.s.index, fields))
        elif not roled and word in lx.ROLE_NOUNS:
            fact = role(r, i)
            if fact:
                facts.append(fact)
        elif "statement" in relations and not NEGATORS & set(r.words[max(0, i - 3) : i]):
            people = [o for o in r.occ if r.kind(o) == PERSON and o.end <= i]
            speaker = people[0] if people and r.inverted(i) else None  # "X …, a-t-il dit"
            parsed_speaker = speaker_of(r.s.tokens[i].start) if speaker_of else None
            if parsed_speaker and not speaker:
                speaker = Occurrence(parsed_speaker, -1, -1)  # the verb's subject, as parsed
            speaker = speaker or r.before(i, (PERSON,)) or r.after(i, (PERSON,), window=2)
            if speaker:
                fields = {}
                media = [
                    o
                    for o in r.named_after(len(r.words), MEDIUM_WORDS)
                    if o.entity != speaker.entity and r.kind(o) not in (PERSON, "place", "product")
                ]
                if media:
                    fields["via"] = media[0].entity
                facts.append(Fact("statement", speaker.entity, r.s.index, fields))
        elif "plan" in relations:
            subject = r.before(i, ORGS)
            places = [o.entity for o in r.occ if r.kind(o) == "place" and o.start > i]
            if subject:
                fields = {"place": places[0]} if places else {}
                facts.append(Fact("plan", subject.entity, r.s.index, fields))
        elif "location" in relations and not any(f.type == "location" for f in facts):
            # "has offices in X and Y", "basée à X": every place listed after the cue
            subject = r.before(i, ORGS)
            parsed_owner = owner(r.s.tokens[i].start) if owner else None
            if parsed_owner:
                subject = Occurrence(parsed_owner, -1, -1)  # the clause's subject
            anaphor = any(w in ANAPHORS for w in r.words[:i])
            referred = main or previous_org
            if subject is None and anaphor and referred:
                subject = Occurrence(referred, -1, -1)  # "the company": the article's
            for place in listed_places(r, i):
                if subject:
                    facts.append(Fact("location", subject.entity, r.s.index, {"place": place}))
    facts.extend(durations(r))
    facts.extend(measures(r, previous_org, facts, events, owner, main, reporter))
    hedge_via(r, [*facts, *events])
    negated = _negated_move(r)
    if negated is None:  # a negation beside one of several moves: which one, unsure
        facts = [f for f in facts if f.type not in MOVE_TYPES]
    hedged = any(lx.hedge(w) for w in r.words)  # "selon X", "aurait rejoint", "reportedly"
    for fact in facts:
        if fact.type in MOVE_TYPES and negated:
            fact.fields["polarity"] = "negated"
        if fact.type in MOVE_TYPES and FUTURE & set(r.words):
            fact.fields.setdefault("modality", "planned")  # "will join", "va rejoindre"
        if fact.type in MOVE_TYPES and hedged:
            fact.fields.setdefault("modality", "reported")
        if id(fact) in untimed:
            continue
        if when and fact.type not in ("role", "count", "location", "leads"):
            fact.fields["when"] = when
    return facts


# "has not said", "n'a pas dit", "never told": no statement.
NEGATORS = frozenset("not never pas jamais hasn doesn didn hadn haven wasn isn".split())
# "founder(s)", "cofondateur(s)", "fondatrice(s)": a title, which the sentence does not date.
TITLE_ENDINGS = ("er", "ers", "eur", "eurs", "rice", "rices")
# Words between a lead verb and what it leads that say nothing of the activity.
LEAD_FILLERS = frozenset("la le les l the its de du des d of a start".split())
