"""Events read from a sentence's dependency parse: who moved, hired, led, founded, worked on,
held a role, criticised or said, with every coordinated participant, and how the sentence
states it (negated, possible, planned, reported, and whose report).

Arguments come from the parse, not from word windows: subjects (through conjunctions,
relative clauses and "pour rejoindre" / "before joining" clauses), objects, the side a move
comes from ("from X", "depuis X") or goes to ("left for X", "pour X"), appositions ("X, a
former engineer at Y,") and passives ("the unit led by X"). What the sentence leaves implicit
and the reader infers is marked on the fact (`inferred`), so that review shows it.
"""

from __future__ import annotations

import re

from bot.curation.analysis import Word
from bot.curation.appointments import appointments
from bot.curation.clause import (
    AT_CASES,
    DEST_CASES,
    POSSESSIVES,
    SAY_VERBS,
    SOURCE_CASES,
    Clause,
    Event,
)
from bot.curation.deals import acquisitions
from bot.curation.departures import counted_departures
from bot.curation.entities import PRODUCT_NOUNS
from bot.curation.following import followed, neither
from bot.curation.founding import foundings
from bot.curation.funding import investments
from bot.curation.modality import attribution, dates, failed, instead, modality, reports
from bot.curation.movers import (
    affiliation,
    first_named_before,
    said_subject,
    says_company,
    titled,
)
from bot.curation.speech import QUOTES, one_statement_each, quotes, said_about, unparsed_speaker
from bot.curation.titles import appositions, lead, roles_in_clauses
from bot.nlu import lexicon as lx
from bot.text import normalize

# Verb lemmas by event, both languages (spaCy's lemmas, lower case).
VERBS = {
    "join": "join rejoindre arrive arriver return revenir retourner intégrer integrer",
    "leave": "leave quitter partir depart resign quit démissionner demissionner",
    "hire": "hire recruit recruter embaucher poach débaucher debaucher attirer sign",
    "lead": "lead run head diriger codiriger co-lead colead piloter",
    "work": "work contribute build develop travailler contribuer développer developper participer",
    "found": "found cofound co-found fonder cofonder",
    "say": SAY_VERBS,
    "criticise": "criticise criticize compare accuse blast critiquer dénoncer accuser comparer",
    "deny": "deny démentir dementir nier",
    "keep": "keep remain stay conserver garder rester",
    "hold": "hold occuper",
    "expect": "expect attendre prévoir prevoir schedule",
    "follow": "follow suivre",
}
EVENT_OF = {lemma: event for event, words in VERBS.items() for lemma in words.split()}
# "une recherche de type ChatGPT", "a ChatGPT-like search": not the product itself.
LIKENESS = ("de type", "du type", "-like", "similar to", "comparable à", "à la")
MOVES = {"join", "leave", "hire"}
# Events "according to X" reports (a figure's source goes in `via`, a statement is its own).
REPORTABLE = frozenset("joined left hired leads role worked_on invested acquired".split())
# "next year", "l'an prochain", "la semaine prochaine": a time relative to the article's.
NEXT_WORDS = frozenset("next prochain prochaine".split())
PERIODS = {"year": "next_year", "an": "next_year", "année": "next_year", "annee": "next_year",
           "month": "next_month", "mois": "next_month", "week": "next_week",
           "semaine": "next_week"}  # fmt: skip


def _event_of(w: Word) -> str | None:
    lemma = w.lemma.replace("’", "'")
    if w.pos not in ("VERB", "AUX", "NOUN") and lemma not in EVENT_OF:
        return None
    if w.pos == "NOUN" and lemma not in ("co-lead",):
        return None
    return EVENT_OF.get(lemma)


def move(c: Clause, v: int, kind: str, movers: list[str]) -> list[Event]:
    sources, dests, objects = [], [], []
    for case, noun in c.obliques(v):
        orgs = c.orgs(noun.i)
        if case in SOURCE_CASES:
            sources += orgs
        elif case in DEST_CASES:
            dests += orgs
    for o in c.p.children(v, "obj", "dobj"):
        objects += c.group(o.i)
    for x in c.p.children(v, "advcl", "xcomp", "conj"):  # "a quitté Apple pour rejoindre X"
        if _event_of(c.p.words[x.i]) == "join":
            for o in c.p.children(x.i, "obj", "dobj"):
                dests += c.orgs(o.i)
    spells = c.stints()  # "arrivé après des passages chez A et B": neither side
    sources, dests = [s for s in sources if s not in spells], [d for d in dests if d not in spells]
    out: list[Event] = []
    if kind == "hire":
        hirers = [e for e in movers if c.kind(e) in ("organization", "unit")]
        hired = [e for e in objects if c.kind(e) == "person"]
        for org in hirers:
            for person in hired:
                fields = {"object": person}
                if sources:
                    fields["from"] = sources[0]
                out.append(Event("hired", org, fields))
        return out
    people = [e for e in movers if c.kind(e) == "person"]
    orgs = [e for e in objects if c.kind(e) in ("organization", "unit")]
    if kind == "join":
        dest = next(iter(orgs or dests), None)
        inferred: list[str] = []
        if dest is None and c.article.main_actor and (sources or _joins_the_staff(c, v)):
            dest = c.article.main_actor
            inferred.append(f"destination {dest}: the article's main actor")
        if dest is None:
            return []
        for person in people:
            fields = {"object": dest}
            source = [s for s in sources if s != dest]
            if source:
                fields["from"] = source[0]
            out.append(Event("joined", person, fields, list(inferred)))
        return out
    left = next(iter(orgs or sources), None)  # "left X", "resigned from X", "démissionné de X"
    inferred = []
    if left is None:
        left = affiliation(c, v)
        if left:
            inferred.append(f"left {left}: the title the sentence gives the mover")
    if left is None and people and says_company(c, v):
        left = titled(c, people[0])
        if left:
            inferred.append(f"'the company' read as {left}: the mover's title names it")
    if left is None:
        return []
    for person in people:
        fields = {"object": left}
        onward = [d for d in dests if d != left]
        if onward:
            fields["to"] = onward[0]
        out.append(Event("left", person, fields, list(inferred)))
    return out


# "rejoint les effectifs", "joined the staff": the company's people, not a company named.
STAFF_NOUNS = frozenset(
    "effectif effectifs équipe équipes equipe rang rangs staff team ranks payroll".split()
)


def _joins_the_staff(c: Clause, v: int) -> bool:
    return any(o.lemma.lower() in STAFF_NOUNS for o in c.p.children(v, "obj", "dobj"))


def worked(c: Clause, v: int, workers: list[str]) -> list[Event]:
    """ "X worked on Y", "X développait une recherche … destinée à Y": the product worked on,
    with the noun phrase of what was made when it is more than the product's name."""
    things: list[str] = []
    phrases: dict[str, str] = {}
    nouns = [*c.p.children(v, "obj", "dobj"), *(n for _, n in c.obliques(v))]
    for o in nouns:
        found = [e for e in c.group(o.i) if c.kind(e) == "product"]
        found += [e for n in c.p.subtree(o.i) for e in [c.entity(n)]
                  if e and c.kind(e) == "product"]  # fmt: skip
        things += found
        made = _made(c, o)
        for e in found:
            if made:
                phrases.setdefault(e, made)
    things = [t for t in dict.fromkeys(things) if not _likened(c, t)]
    return [
        Event("worked_on", s, {"object": t, **({"role": phrases[t]} if t in phrases else {})})
        for s in workers
        for t in things
        if s != t
    ]


MADE_WORDS = 12  # a longer object is a clause, not the name of something made


def _made(c: Clause, noun: Word) -> str:
    """The noun phrase of what was made ("une recherche de type ChatGPT destinée à Siri"),
    as written, when its head is a common noun rather than the product's own name."""
    if c.entity(noun.i) or noun.pos not in ("NOUN",):
        return ""
    span = sorted(c.p.subtree(noun.i))
    cut = next((i for i in span if i > noun.i and c.p.words[i].pos in ("PUNCT", "CCONJ")), None)
    span = [i for i in span if cut is None or i < cut]
    if not span or len(span) > MADE_WORDS or span != list(range(span[0], span[-1] + 1)):
        return ""
    own = [c.p.words[i] for i in span if not c.entity(i) and c.p.words[i].pos != "DET"]
    if all(normalize(w.text) in PRODUCT_NOUNS for w in own):
        return ""  # "the o1 model": the product's own name with its kind
    return c.p.text[c.p.words[span[0]].start : c.p.words[span[-1]].end]


def _likened(c: Clause, entity: str) -> bool:
    """The sentence names the entity only to compare with it ("de type ChatGPT")."""
    for i, e in c.word_entity.items():
        if e == entity:
            w = c.p.words[i]
            before = c.p.text[max(0, w.start - 12) : w.start].lower().rstrip()
            after = c.p.text[w.end : w.end + 6].lower()
            if before.endswith(LIKENESS) or after.startswith("-like"):
                return True
    return False


def read_events(c: Clause) -> list[Event]:
    """Every event of the sentence, with its polarity, modality and attribution."""
    events = appositions(c)
    founded = foundings(c)  # dated by their own clause
    appointed = appointments(c)
    for v, found in appointed.items():  # "deviendrait président": as its verb tells it
        for e in found:
            e.fields.update(modality(c, v))
    per_verb = {**investments(c), **acquisitions(c), **appointed, **founded}
    verbs = {w.i: event for w in c.p.words if (event := _event_of(w)) and w.i not in per_verb}
    if any(q in c.p.text for q in QUOTES):
        verbs.update({w.i: "say" for w in c.p.words if quotes(w) and w.i not in per_verb | verbs})
    for v, event in verbs.items():
        c.inferred = []
        actors = c.subjects(v)
        if not actors and event in MOVES | {"lead"} and not said_subject(c, v):
            actors = first_named_before(c, v)
        if event in MOVES:
            invitee = _invitee(c, v)
            found = move(c, v, event, [invitee] if invitee else actors)
            if not found and event == "leave":  # "plus de vingt chercheurs ont quitté X"
                found = counted_departures(c, v)
            if invitee:  # "invited him to join X": an offer, not a move
                for e in found:
                    e.fields["modality"] = "possible"
                    e.inferred.append(f"invited to {event}: an offer, not a move")
        elif event == "lead":
            found = lead(c, v, actors)
        elif event == "work":
            found = worked(c, v, [a for a in actors if c.kind(a) != "product"])
        elif event in ("keep", "hold"):
            found = roles_in_clauses(c, v, [a for a in actors if c.kind(a) == "person"], event)
        elif event == "criticise":
            targets = [e for o in c.p.children(v, "dobj", "obj") for i in c.p.subtree(o.i)
                       for e in [c.entity(i)] if e]  # fmt: skip
            criticised: list[str | None] = [*targets[:1]] or [None]
            found = [Event("criticism", a, {"object": t} if t else {})
                     for a in actors[:1] for t in criticised if a != t]  # fmt: skip
            if not actors:
                holder = [e for s in c.p.children(v, "nsubj") for i in c.p.subtree(s.i)
                          for e in [c.entity(i)] if e]  # fmt: skip
                found = (
                    [
                        Event(
                            "criticism",
                            holder[0],
                            {"object": targets[0]} if targets else {},
                            ["author: the organisation of the unnamed critic"],
                        )
                    ]
                    if holder
                    else []
                )
        elif event == "expect":
            found = expected(c, v)
        elif event == "follow":
            found = followed(c, v, actors)
        elif event == "say":
            speakers = actors or unparsed_speaker(c, v)
            found = [Event("statement", a, said_about(c, v, a)) for a in speakers[:1]]
        else:
            found = []
        for e in found:
            e.inferred += c.inferred
            e.fields.update(modality(c, v))
            if neither(c, v):
                e.fields["polarity"] = "negated"
        per_verb[v] = found
    # a denial: what the denier denies is negated, and the claim is theirs
    for v, event in verbs.items():
        if event != "deny":
            continue
        deniers = c.subjects(v)
        for inner in c.p.subtree(v):
            for e in per_verb.get(inner, []) if inner != v else []:
                e.fields["polarity"] = "negated"
                if deniers:
                    e.fields["attributed_to"] = deniers[0]
    owners = {**c.anchors, **{v: v for v in per_verb}}
    when = dates(c, {v: o for v, o in owners.items() if v not in founded})
    reported, source = attribution(c)
    for v, found in per_verb.items():
        for e in found:
            if v in when and e.type not in ("role",):
                e.fields["when"] = dict(sorted({**e.fields.get("when", {}), **when[v]}.items()))
            if reported and e.type in REPORTABLE and reports(c, v):
                e.fields.setdefault("modality", "reported")
                if source and source not in (e.subject, e.fields.get("object")):
                    e.fields["attributed_to"] = source
            if instead(c, v) or failed(c, v):
                e.fields["polarity"] = "negated"
        events += found
    _connect(c, events, verbs)
    _possessors(c, events)
    _declined(c, events)
    return one_statement_each(events)


INVITE_VERBS = frozenset("invite ask urge encourage inviter demander pousser convier".split())


def _invitee(c: Clause, v: int) -> str | None:
    """ "X l'avait invité à intégrer Y", "X invited him to join Y": who was invited (the
    invite verb's object; a pronoun is the person named before)."""
    above = c.p.words[v].head
    if above == v or c.p.words[above].lemma.lower() not in INVITE_VERBS:
        return None
    for o in c.p.children(above, "dobj", "obj"):
        if o.pos == "PRON":
            return c.antecedent(o.i)
        people = c.people(o.i)
        if people:
            return people[0]
    return None


# "a décliné l'offre", "turned down the offer", "refused": a refusal, said with the move it
# kept from happening.
DECLINE_VERBS = frozenset("decline refuse reject décliner decliner refuser rejeter".split())


def _declined(c: Clause, events: list[Event]) -> None:
    """A move the sentence negates after its mover declined an offer says so."""
    refusers: set[str] = set()
    for w in c.p.words:
        turned_down = w.lemma == "turn" and any(x.lower == "down" for x in c.p.children(w.i))
        if w.pos in ("VERB", "AUX") and (w.lemma.lower() in DECLINE_VERBS or turned_down):
            refusers |= set(c.subjects(w.i))
    for e in events:
        if e.type in ("joined", "hired") and e.fields.get("polarity") == "negated":
            mover = e.fields.get("object") if e.type == "hired" else e.subject
            if mover in refusers:
                e.fields["declined"] = True


def expected(c: Clause, v: int) -> list[Event]:
    """ "X est attendu l'an prochain", "X is expected next year": a planned event, dated by
    the clause, that has not happened; nothing without a date."""
    w = c.p.words[v]
    if not c.p.children(v, "aux:pass", "auxpass") or w.morph.get("VerbForm") != "Part":
        return []
    named = [e for s in c.p.children(v, "nsubj:pass", "nsubjpass") for i in c.p.subtree(s.i)
             for e in [c.entity(i)] if e and c.kind(e) != "person"]  # fmt: skip
    when = _next_period(c, v)
    if not named or when is None:
        return []
    return [Event("plan", named[0], {"when": when, "modality": "planned", "expected": True})]


def _next_period(c: Clause, v: int) -> dict | None:
    """A relative date in the verb's clause ("l'an prochain"); {} for an absolute one, which
    the sentence's dates fill in; None when the clause gives no date."""
    for i in c.p.subtree(v):
        word = c.p.words[i]
        nexts = [a for a in c.p.children(i, "amod") if a.lower in NEXT_WORDS]
        if normalize(word.text) in PERIODS and nexts:
            return {"relative": PERIODS[normalize(word.text)]}
        month = lx.MONTHS.get(normalize(word.text)) if len(word.text) > 3 else None
        if month or re.fullmatch(r"(19|20)\d\d", word.text):
            return {}
    return None


def _possessors(c: Clause, events: list[Event]) -> None:
    """ "Son équipe développait…": the team is the last person's, so the fact is about them too
    (inferred, shown by review)."""
    for i, entity in c.word_entity.items():
        det = {d.lower for d in c.p.children(i, "det", "poss")}
        owner = c.article.last_person
        if c.kind(entity) != "unit" or not det & POSSESSIVES or not owner:
            continue
        for e in events:
            if e.subject == entity and owner not in e.fields.get("about", []):
                e.fields["about"] = [*e.fields.get("about", []), owner]
                said = " ".join([*sorted(det & POSSESSIVES), c.p.words[i].text])
                e.inferred.append(f"'{said}' read as the team of {owner}")


def _worked_at(c: Clause, v: int) -> list[str]:
    """ "had worked at Google Brain": where the subject worked."""
    return [e for case, n in c.obliques(v) if case in AT_CASES for e in c.orgs(n.i)]


def _connect(c: Clause, events: list[Event], verbs: dict[int, str]) -> None:
    """What one event of the sentence tells of another: a role held where the person left
    is past; a past role elsewhere, or the place worked at before joining, is where a
    newcomer came from (inferred, shown by review)."""
    left = {(e.subject, e.fields.get("object")) for e in events if e.type == "left"}
    past_roles: dict = {}
    for e in events:
        if e.type == "role" and (e.subject, e.fields["object"]) in left:
            e.fields["tense"] = "past"
        if e.type == "role" and e.fields.get("tense") == "past":
            past_roles.setdefault(e.subject, e.fields["object"])
    before_join = {}
    for v, event in verbs.items():
        if event != "join":
            continue
        head = c.p.words[v].head
        if c.p.words[head].lower in ("before", "avant") and verbs.get(c.p.words[head].head):
            for org in _worked_at(c, c.p.words[head].head):
                before_join[v] = org
    for e in events:
        mover = e.fields.get("object") if e.type == "hired" else e.subject
        if e.type not in ("joined", "hired") or e.fields.get("from"):
            continue
        dest = e.subject if e.type == "hired" else e.fields.get("object")
        earlier = past_roles.get(mover)
        if earlier and earlier != dest:
            e.fields["from"] = earlier
            e.inferred.append(f"from {earlier}: the former role the sentence gives")
    for org in before_join.values():
        for e in events:
            if e.type == "joined" and not e.fields.get("from") and e.fields.get("object") != org:
                e.fields["from"] = org
                e.inferred.append(f"from {org}: where the sentence says they worked before")
