"""The part a name plays in its sentence's parse, which its type must fit: an investor backs,
funds or leads a round (an organisation, however much it looks like a person's name); a
company hires, joins, is bought or acts (not a place); what is led, built or worked on, or
named among products, is a product.

Coordinated names share their part ("Andreessen Horowitz, Sequoia Capital and SV Angel backed
…"): the part is read from the first conjunct, the one the verb governs.
"""

from __future__ import annotations

from bot.curation.analysis import Parse, Word
from bot.text import normalize

SUBJ = "SUBJ"  # the subject of a verb: it acts, which a place does not
ACTOR = "ACTOR"  # hired, joined, left, bought or owning: an organisation, not a place
FUNDER = "FUNDER"  # invests, backs, funds, leads a funding round: an organisation
MADE = "MADE"  # led, built or worked on, or listed among products: a product
LOCATIVE = "LOCATIVE"  # "in X", "à X", or listed with such a name: a place, if one word
REPORTER = "REPORTER"  # "X reported that …", "…, X reported", "révélé par X": a medium
ROLES = frozenset({SUBJ, ACTOR, FUNDER, MADE, LOCATIVE, REPORTER})
PLACE_CASES = frozenset("in à a near près".split())

# Verb lemmas (spaCy's, both languages) whose subject funds, and the nouns naming a round.
FUND_VERBS = frozenset(
    "invest back fund finance co-lead colead co-invest investir financer cofinancer soutenir "
    "abonder".split()
)
LEAD_VERBS = frozenset("lead mener diriger piloter conduire participate participer join".split())
FUND_NOUNS = frozenset(
    "round funding fundraising raise investment series seed tour levée levee financement "
    "investissement opération operation".split()
)
PARTICIPATION = frozenset({"participation"})
# Those who fund ("its backers, led by X"), and the verbs whose money comes "from X".
INVESTOR_NOUNS = frozenset("backer investor shareholder investisseur actionnaire bailleur".split())
RAISE_VERBS = frozenset("raise secure lever obtenir récolter recolter".split())
RAISE_CASES = frozenset("from auprès aupres".split())
# Verbs whose subject reports news when a clause follows ("X reported that …").
# "X reported that…", "revealed by X", "interviewed by X": the news' source
REPORT_VERBS = frozenset(
    "report reveal rapporter révéler reveler interview interviewer interroger".split()
)
# "a division in charge of X", "une division chargée de X": what a unit handles is a product.
CHARGE_WORDS = frozenset("charge charger chargé chargée".split())
UNIT_HINTS = frozenset(
    "division team unit group department équipe equipe unité unite groupe département "
    "departement pôle pole".split()
)
# Verbs whose object or destination is an organisation (never a place).
ORG_OBJECT_VERBS = frozenset(
    "acquire buy purchase join leave quit rejoindre quitter racheter acheter acquérir "
    "acquerir intégrer integrer".split()
)
MOVE_VERBS = frozenset("join leave rejoindre quitter partir arrive arriver".split())
# Verbs (and their noun objects) whose "for / on / pour / sur" names what was made.
MAKE_VERBS = frozenset(
    "lead work build develop train design contribute help diriger travailler développer "
    "developper concevoir entraîner entrainer contribuer participer".split()
)
MAKE_CASES = frozenset("for on pour sur".split())
LIKE_CUES = ("such as", "like", "including", "comme", "notamment", "dont", "tels que", "tel que")
PRODUCT_HINTS = frozenset(
    "model models modèle modèles modele modeles product products produit produits chip chips "
    "puce puces assistant assistants chatbot chatbots app apps application applications "
    "service services robot robots".split()
)


def _group_head(p: Parse, w: Word) -> Word:
    """The first conjunct of the group the word belongs to: the one its verb governs."""
    seen = 0
    while (w.dep.startswith(("conj", "appos")) or w.dep == "flat:name") and w.head != w.i:
        w = p.words[w.head]
        seen += 1
        if seen > len(p.words):
            break
    return w


def _case(p: Parse, w: Word) -> tuple[str, Word | None]:
    """The preposition introducing w, and the word it attaches to (both schemes)."""
    if w.dep == "pobj" and w.head != w.i:
        prep = p.words[w.head]
        return prep.lower, p.words[prep.head] if prep.head != prep.i else None
    cases = [c for c in p.children(w.i, "case") if c.i < w.i]
    if cases:
        return cases[0].lower, p.words[w.head] if w.head != w.i else None
    return "", None


def _has_fund_noun(p: Parse, v: Word) -> bool:
    """The verb's object or oblique is a round ("led the round", "participé à l'opération")."""
    for c in p.children(v.i):
        if c.lemma in FUND_NOUNS or c.lower in FUND_NOUNS:
            return True
        if c.dep == "prep" and any(n.lemma in FUND_NOUNS for n in p.children(c.i, "pobj")):
            return True
    return False


def _funds(p: Parse, g: Word) -> bool:
    head = p.words[g.head] if g.head != g.i else None
    if head is None:
        return False
    if g.dep.startswith("nsubj") and not g.dep.endswith("pass"):
        if head.lemma in FUND_VERBS:
            return True
        return head.lemma in LEAD_VERBS and _has_fund_noun(p, head)
    # "a round led by X", "backed by X", "un tour mené par X"
    verb = None
    if g.dep == "pobj" and head.lower in ("by", "par") and head.dep == "agent":
        verb = p.words[head.head]
    elif g.dep == "obl:agent":
        verb = head
    if verb is not None:
        if verb.lemma in FUND_VERBS:
            return True
        if verb.lemma in LEAD_VERBS:
            noun = p.words[verb.head] if verb.dep.startswith("acl") else None
            passive = [s for s in p.children(verb.i, "nsubjpass", "nsubj:pass")]
            named = [noun] if noun is not None else passive
            return any(n.lemma in FUND_NOUNS | INVESTOR_NOUNS for n in named)
    # "with participation from X", "avec la participation de X"
    case, attached = _case(p, g)
    if attached is None:
        return False
    if attached.lemma in PARTICIPATION and case in ("from", "of", "de"):
        return True
    # "raised money from X", "levé 20 millions auprès de X"
    raised = attached if attached.lemma in RAISE_VERBS else p.words[attached.head]
    via = case if case in RAISE_CASES else attached.lower
    return raised.lemma in RAISE_VERBS and via in RAISE_CASES


def _reports(p: Parse, g: Word) -> bool:
    """The subject of "report" or "reveal" with a clause ("X reported that …", "…, X
    reported"), or its agent ("revealed by X"): the source of the news."""
    head = p.words[g.head] if g.head != g.i else None
    if head is None:
        return False
    verb = None
    if g.dep.startswith("nsubj") and not g.dep.endswith("pass"):
        verb = head
    elif g.dep == "pobj" and head.lower in ("by", "par") and head.dep == "agent":
        return p.words[head.head].lemma in REPORT_VERBS
    elif g.dep == "obl:agent":
        return head.lemma in REPORT_VERBS
    if verb is None or verb.lemma not in REPORT_VERBS:
        return False
    return any(c.dep in ("ccomp", "parataxis") for c in p.children(verb.i))


def _in_charge(p: Parse, g: Word) -> bool:
    """ "a new division in charge of X", "une division chargée de X"."""
    case, attached = _case(p, g)
    if case not in ("of", "de", "d'", "d’") or attached is None:
        return False
    if attached.lemma not in CHARGE_WORDS and attached.lower not in CHARGE_WORDS:
        return False
    w = attached
    for _ in range(3):
        if w.head == w.i:
            return False
        w = p.words[w.head]
        if w.lemma in UNIT_HINTS:
            return True
    return False


def _acts_as_organisation(p: Parse, g: Word) -> bool:
    head = p.words[g.head] if g.head != g.i else None
    if head is None:
        return False
    if g.dep == "poss":
        return True
    if g.dep in ("dobj", "obj") and head.lemma in ORG_OBJECT_VERBS:
        return True
    case, attached = _case(p, g)
    if attached is None:
        return False
    if case == "chez":
        return True
    # "invested in X", "investi dans X": the company invested in
    if case in ("in", "dans") and attached.lemma in FUND_VERBS:
        return True
    # "left for X", "partir pour X"
    return case in ("for", "pour", "to") and attached.lemma in MOVE_VERBS


def _made(p: Parse, g: Word, sentence: str) -> bool:
    if _in_charge(p, g):
        return True
    case, attached = _case(p, g)
    if case in MAKE_CASES and attached is not None:
        verb = attached
        if verb.pos in ("NOUN", "ADJ") and verb.head != verb.i:
            verb = p.words[verb.head]  # "led pre-training for X": the verb of the noun
        if attached.lemma in MAKE_VERBS or verb.lemma in MAKE_VERBS:
            return attached.lemma not in MOVE_VERBS and verb.lemma not in MOVE_VERBS
    # "ses modèles…, comme X": named as one of the products the sentence lists
    before = sentence[: g.start].lower().rstrip(" ,")
    for cue in LIKE_CUES:
        if before.endswith(" " + cue) or before == cue:
            words = {normalize(w) for w in before.removesuffix(cue).split()[-8:]}
            if words & {normalize(h) for h in PRODUCT_HINTS}:
                return True
    return False


def roles(p: Parse, words: list[Word]) -> list[str]:
    """The parts the name made of `words` plays."""
    inside = {w.i for w in words}
    heads = [w for w in words if w.head not in inside or w.head == w.i] or words[-1:]
    found: list[str] = []
    for w in heads[:1]:
        g = _group_head(p, w)
        if any(x.dep.startswith("nsubj") for x in words) or g.dep.startswith("nsubj"):
            found.append(SUBJ)
        if _funds(p, g):
            found.append(FUNDER)
        if _acts_as_organisation(p, g):
            found.append(ACTOR)
        if _reports(p, g):
            found.append(REPORTER)
        if _made(p, w, p.text) or (g is not w and _made(p, g, p.text)):
            found.append(MADE)
        case, attached = _case(p, g)
        invested = attached is not None and attached.lemma in FUND_VERBS
        if case in PLACE_CASES and not invested and FUNDER not in found and ACTOR not in found:
            found.append(LOCATIVE)
    return found
