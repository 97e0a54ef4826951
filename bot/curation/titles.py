"""Titles and leads read from the parse: "X, a former engineer at Y," (appositions), the
roles a clause gives its holders, and who leads what ("the unit led by X", "X dirige Y").
Used by bot.curation.events, which reads a sentence's events."""

from __future__ import annotations

from bot.curation.analysis import Word
from bot.curation.clause import (
    AT_CASES,
    PERSON_PRONOUNS,
    RELATIVE,
    WITH_CASES,
    Clause,
    Event,
)
from bot.curation.entities import TEAM_NOUNS
from bot.curation.funding import GENERIC_ROUND_NOUNS, ROUND_NOUNS
from bot.curation.modality import PAST_WORDS
from bot.nlu import lexicon as lx
from bot.text import normalize

CO_PREFIXES = ("co-", "co", "cofond", "cofound")


# "tous anciens d'Apple", "both former engineers": how many hold it, no part of the title.
QUANTIFIERS = frozenset("tous toutes tout all both deux trois quatre two three four".split())
# "anciens d'Apple", "the former of X": no title but having worked there, in the article's
# language (the word itself tells which).
FORMER_STAFF = {"ancien": "salarié", "ancienne": "salariée"}


def role_text(c: Clause, noun: Word) -> tuple[str, bool]:
    """ "a former inference engineer" -> ("inference engineer", past); "tous anciens
    d'Apple" -> ("salarié", past)."""
    former = (noun.lemma or noun.lower).lower()
    if former in PAST_WORDS:
        return FORMER_STAFF.get(former, "employee"), True
    span = [noun]
    for child in c.p.children(noun.i, "amod", "compound", "nmod"):
        if child.i < noun.i and not c.entity(child.i):
            span.append(child)
    span = [w for w in span if w.lower not in PAST_WORDS | QUANTIFIERS]
    after = noun.i  # "directeur scientifique", "chercheuse principale": adjectives after it
    while after + 1 < len(c.p.words) and _postposed(c, noun, c.p.words[after + 1]):
        after += 1
    # Hyphenated words ("co-founder") come back in pieces; rebuild them from the text.
    first = min(w.i for w in span)
    begin = c.p.words[first].start
    while (
        first >= 2 and c.p.words[first - 1].text == "-" and c.p.words[first - 1].start == begin - 1
    ):
        first -= 2  # "co-", "ex-", "vice-": the piece before the hyphen
        begin = c.p.words[first].start
    last = _of_field(c, noun) or after
    text = c.p.text[begin : c.p.words[last].end]
    if noun.morph.get("Number") == "Plur" and noun.lemma and text.endswith(noun.text):
        text = text[: len(text) - len(noun.text)] + noun.lemma
    past = any(w.lower in PAST_WORDS for w in c.p.words[max(0, first - 3) : last + 1])
    return text, past


def _postposed(c: Clause, noun: Word, w: Word) -> bool:
    """An adjective right after the title that describes it (French order)."""
    return w.pos == "ADJ" and w.head == noun.i and w.dep == "amod" and not c.entity(w.i)


def _of_field(c: Clause, noun: Word) -> int | None:
    """ "vice-president of research": the field the title names, one plain word after "of"."""
    for prep in c.p.children(noun.i, "prep"):
        objs = c.p.children(prep.i, "pobj")
        if prep.lower == "of" and prep.i == noun.i + 1 and len(objs) == 1:
            field = objs[0]
            if field.pos == "NOUN" and field.i == prep.i + 1 and c.p.subtree(field.i) == [field.i]:
                return None if c.entity(field.i) else field.i
    return None


def _role_org(c: Clause, noun: Word) -> str | None:
    for prep in c.p.children(noun.i, "prep"):
        if prep.lower in ("of", "at", "with", "chez", "de"):
            for n in c.p.children(prep.i, "pobj"):
                orgs = c.orgs(n.i)
                if orgs:
                    return orgs[0]
    for n in c.p.children(noun.i, "nmod", "poss", "compound", "obl"):
        if n.dep.startswith("obl") and c.case_of(n) not in ("de", "d'", "d’", "of", "at", "chez"):
            continue
        orgs = c.orgs(n.i)
        if orgs:
            return orgs[0]
    return None


def appositions(c: Clause) -> list[Event]:
    """ "X, a former engineer at Y," "X, co-founder of Y": a role (or a founding), never a
    move; "Quillon researchers X and Y": a role at OpenAI."""
    out = []
    for w in c.p.words:
        # "X, associé de Y,": a title the parser read as a participle
        titled = (
            w.dep == "acl" and normalize(w.text) in lx.ROLE_NOUNS and w.i and
            c.p.words[w.i - 1].text == ","
        )  # fmt: skip
        words = c.p.words
        # "X, Y's co-founder and chief executive,": the title after "and" is X's too
        joined = (
            w.pos == "NOUN" and w.dep.startswith("conj") and words[w.head].dep.startswith("appos")
        )
        if (
            not titled
            and not joined
            and (w.pos != "NOUN" or not (w.dep.startswith("appos") or c.p.children(w.i, "appos")))
        ):
            continue
        if normalize(w.text) in lx.MONTHS or w.ent in ("DATE", "TIME"):
            continue  # "en juin" read as an apposition: a date, no title
        if w.text == "-" or (w.i + 1 < len(words) and words[w.i + 1].text == "-"
                             and words[w.i + 1].start == w.end):  # fmt: skip
            continue  # "co-founder" cut in pieces: the noun after the hyphen holds the role
        prefix = words[w.i - 2] if w.i >= 2 and words[w.i - 1].text == "-" else None
        if joined:
            first = words[w.head]
            holders = c.people(first.head)
            before = words[first.i - 2] if first.i >= 2 and words[first.i - 1].text == "-" else None
            prefix = prefix or before or first
        elif w.dep.startswith("appos") or titled:
            holders = c.people(_all_of(c, w))
        else:
            holders = [e for a in c.p.children(w.i, "appos") for e in c.people(a.i)]
        # the title's own words ("a Y co-founder") before a relative clause ("who … at Z")
        org = _role_org(c, w) or (prefix and _role_org(c, prefix)) or _relative_org(c, w)
        if not holders or not org:
            continue
        text, past = role_text(c, w)
        places = [c.entity(i) for i in c.p.subtree(w.i) if c.entity(i)
                  and c.kind(c.entity(i)) == "place"]  # fmt: skip
        founder = "found" in text.lower() or "fondat" in text.lower()
        for person in holders:
            if founder:
                kind = "cofounded" if text.lower().startswith(CO_PREFIXES) else "founded"
                out.append(Event(kind, person, {"object": org}))
            else:
                tense = "past" if past else "current"
                fields: dict = {"object": org, "role": text, "tense": tense}
                if places:
                    fields["place"] = places[0]
                out.append(Event("role", person, fields))
    return out


def _all_of(c: Clause, noun: Word) -> int:
    """The word whose people hold the title: "X, Y et Z, tous anciens de V" gives it to the
    whole list (the parser hangs it on Z, the last one), otherwise to the word it describes."""
    head = noun.head
    if not any(w.lower in QUANTIFIERS for w in c.p.words[max(0, noun.i - 2) : noun.i]):
        return head
    while c.p.words[head].dep.startswith("conj") and c.p.words[head].head != head:
        head = c.p.words[head].head
    return head


def _relative_org(c: Clause, noun: Word) -> str | None:
    """ "the three researchers who opened OpenAI's office": the organisation the relative
    clause describing the noun names."""
    for rel in c.p.children(noun.i, "relcl", "acl:relcl", "acl"):
        orgs = [e for i in c.p.subtree(rel.i) for e in [c.entity(i)]
                if e and c.kind(e) in ("organization", "unit") and e not in c.stints()]  # fmt: skip
        if orgs:
            return orgs[0]
    return None


LED_ROUNDS = ROUND_NOUNS - GENERIC_ROUND_NOUNS


def lead(c: Clause, v: int, leaders: list[str]) -> list[Event]:
    w = c.p.words[v]
    agents = [n for a in c.p.children(v, "agent") for n in c.p.children(a.i, "pobj")]
    agents += [n for n in c.p.children(v, "obl:agent")]
    led: list[str] = []
    at_only = False  # what was led is only where: an "at" side
    if agents:  # "the unit led by X", "elle est dirigée par X"
        patients = leaders
        leaders = [e for n in agents for e in c.people(n.i)]
        led = [e for e in patients if c.kind(e) != "person"]
        pronoun = [s for s in c.p.children(v, "nsubj", "nsubjpass", "nsubj:pass")
                   if s.pos == "PRON" and s.lower not in RELATIVE]  # fmt: skip
        if not led and pronoun:  # "…, et elle est dirigée par X": the thing named before
            earlier = [e for j, e in sorted(c.word_entity.items())
                       if j < pronoun[0].i and c.kind(e) in ("unit", "organization")]  # fmt: skip
            led = earlier[:1]
            if led:
                c.inferred.append(f"'{pronoun[0].text}' read as {led[0]}")
        if not led and w.dep == "acl":
            led = [e for e in c.group(w.head) if c.kind(e) != "person"]
            if not led and c.opener and c.opener[0] == w.head:  # "Le fabricant, dirigé par X,"
                led = [c.opener[1]]
                c.inferred.append(f"'{c.p.words[w.head].text}' read as {led[0]}")
            if not led and c.p.words[w.head].dep.startswith("appos"):
                led = [e for e in c.group(c.p.words[w.head].head) if c.kind(e) != "person"]
    else:
        objects = c.p.children(v, "obj", "dobj")
        if any(o.lemma.lower() in LED_ROUNDS for o in objects):
            return []  # "led Zeta's funding round": an investor's lead (funding), not Zeta's
        for o in objects:
            led += [e for e in c.group(o.i) if c.kind(e) != "person"]
            if not led and o.lower in ("lab", "unit", "team", "labo", "équipe", "laboratoire"):
                led += _recent_unit(c)
        products = [e for o in c.p.children(v, "obj", "dobj") for i in c.p.subtree(o.i)
                    for e in [c.entity(i)] if e and c.kind(e) == "product"]  # fmt: skip
        led = products or led
        if not led:
            sides = [(case, e) for case, n in c.obliques(v) for e in c.group(n.i)
                     if c.kind(e) != "person"]  # fmt: skip
            led = [e for _, e in sides]
            # "pilotait chez Zeta la modélisation…": where the leader worked, not what they led
            at_only = bool(sides) and all(case in AT_CASES for case, _ in sides)
        if not led:  # "pre-training for Gemini"
            led = [e for o in c.p.children(v, "obj", "dobj") for i in c.p.subtree(o.i)
                   for e in [c.entity(i)] if e and c.kind(e) != "person"]  # fmt: skip
        if not led and w.dep in ("relcl", "acl:relcl"):
            led = [e for e in c.group(w.head) if c.kind(e) != "person"]
    leaders = [e for e in leaders if c.kind(e) == "person"]
    if not leaders or not led:
        return []
    fields: dict = {"object": led[0]}
    if w.morph.get("Tense") in ("Past", "Imp") and w.morph.get("VerbForm") == "Fin":
        fields["tense"] = "past"
    if any(x.lower in ("now", "désormais", "desormais") for x in c.p.children(v)):
        fields["tense"] = "current"
    activity = _activity(c, v)
    if activity:
        fields["role"] = activity
    elif at_only:
        return []  # what was led there the parse lost: no fact, rather than leading Zeta
    prefixed = c.p.text[max(0, w.start - 3) : w.start].lower() == "co-"  # "co-leads", cut
    if w.lower.startswith("co") or w.lemma.startswith("co") or prefixed:
        fields["co"] = True
    partners = [e for case, n in c.obliques(v) if case in WITH_CASES
                for e in _partner(c, n, leaders)]  # fmt: skip
    out = []
    for person in leaders:
        others = [p for p in partners if p != person]
        out.append(Event("leads", person, {**fields, **({"about": others} if others else {})}))
    return out


def _partner(c: Clause, noun: Word, leaders: list[str]) -> list[str]:
    """Who "with X" / "with him" names: a pronoun is someone other than the leader (the
    first other person of the sentence, else the last one named before it)."""
    if noun.lower not in PERSON_PRONOUNS:
        return c.people(noun.i)
    earlier = [e for j, e in sorted(c.word_entity.items()) if j < noun.i
               and c.kind(e) == "person" and e not in leaders]  # fmt: skip
    found = earlier[:1] or [p for p in [c.article.last_person] if p and p not in leaders]
    if found:
        c.inferred.append(f"'{noun.text}' read as {found[0]}")
    return found


def _activity(c: Clause, v: int) -> str:
    """What a leader led when it is no entity ("pre-training", "image generation")."""
    parts = [w for w in c.p.children(v, "obj", "dobj", "acomp")
             if not c.entity(w.i) and w.lemma not in TEAM_NOUNS]  # fmt: skip
    span = sorted({i for w in parts for i in c.p.subtree(w.i)})
    cut = next((i for i in span if c.p.words[i].pos == "ADP" or c.entity(i)), None)
    span = [i for i in span if cut is None or i < cut]
    if not span:
        return ""
    words = [c.p.words[i] for i in span if c.p.words[i].pos != "DET"]
    if not words:
        return ""
    return c.p.text[words[0].start : words[-1].end].strip(" -")


def _recent_unit(c: Clause) -> list[str]:
    units = [e for e in c.word_entity.values() if c.kind(e) == "unit"]
    return units[:1]


def roles_in_clauses(c: Clause, v: int, holders: list[str], event: str) -> list[Event]:
    """ "keeps his role as chief scientist of FAIR", "holds the title of chief AI officer"."""
    out = []
    for case, noun in c.obliques(v) + [("", o) for o in c.p.children(v, "dobj", "obj")]:
        target: Word | None = noun
        if noun.lemma in ("title", "titre", "role", "rôle", "poste"):
            inner = [n for prep in c.p.children(noun.i, "prep") for n in c.p.children(prep.i)]
            target = inner[0] if inner else None
        if case == "" and target is noun:
            continue  # a plain object is no title ("keeps ... lab")
        if target is None or not (case in ("as", "comme", "") and target.pos == "NOUN"):
            continue
        if target.lemma in ("title", "role", "titre"):
            continue
        org = _role_org(c, target)
        inferred = []
        if org is None and event == "hold" and c.article.main_actor:
            org = c.article.main_actor
            inferred.append(f"role at {org}: the article's main actor")
        if org is None:
            continue
        text, past = role_text(c, target)
        for person in holders:
            fields = {"object": org, "role": text, "tense": "past" if past else "current"}
            out.append(Event("role", person, fields, inferred))
    return out
