"""The type of a new name (person, organisation, product, place, media): its shape, the
words around it, spaCy's entity label and the part it plays in its sentence."""

from __future__ import annotations

from bot.curation import product_cues as pd
from bot.curation import roles
from bot.curation.analysis import Parse
from bot.curation.ingest import Sentence
from bot.nlu import lexicon as lx
from bot.text import normalize


def _type_nouns(kind: str) -> frozenset[str]:
    """The lexicon's nouns naming entities of a kind ("models", "entreprises")."""
    return frozenset(word for word, of in lx.TYPE_NOUNS.items() if of == kind)


# Last words that make a name an organisation's rather than a person's.
ORG_WORDS = frozenset(
    "systems robotics labs lab ai tech technologies ventures capital group inc corp partners "
    "research networks cloud data media gazette post times news ledger studio studios bank "
    "institute university foundation motors dynamics software services".split()
)
# Last words of a newspaper's, an agency's or a broadcaster's name.
MEDIA_WORDS = frozenset(
    "times post journal news gazette herald tribune ledger courier wire magazine daily "
    "chronicle telegraph monde figaro echos".split()
)
DETERMINERS = frozenset("a an the le la les un une".split())
ARTICLES = frozenset("the le la les l".split())
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)
PLACE_PREPOSITIONS = frozenset({"à", "in", "near", "près"})
PRODUCT_NOUNS = _type_nouns("product") | frozenset(
    "robot robots puce chip chips modele model assistant agent agents "
    "browser navigateur device appareil".split()
)


# spaCy's entity labels (English OntoNotes, French WikiNER) by the type they suggest.
NER_TYPES = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "place",
             "LOC": "place", "FAC": "organization", "PRODUCT": "product",
             "WORK_OF_ART": "product"}  # fmt: skip
NOT_ENTITIES = frozenset("NORP DATE TIME CARDINAL ORDINAL PERCENT MONEY QUANTITY".split())
REPORT_CUES = ("selon", "according to", "d'après", "d’après")


def labels(parse: Parse | None, sentence: Sentence, start: int, end: int) -> list[str]:
    """spaCy's entity labels on the name's words, and the parts the name plays in its
    sentence (ROLES), which its type must fit."""
    if parse is None:
        return []
    first, last = sentence.tokens[start].start, sentence.tokens[end - 1].end
    words = [w for w in parse.words if first <= w.start < last]
    if not words:
        return []
    return [w.ent for w in words if w.ent] + roles.roles(parse, words)


def kind(sentence: Sentence, start: int, end: int, labels: list[str]) -> tuple[str, str]:
    """The type of a new name, and why: its shape and context first (a version number is a
    product, "Labs" an organisation), then spaCy's entity label, then the name's shape."""
    tokens = sentence.tokens
    words = [t.raw for t in tokens[start:end]]
    before = tokens[start - 1].raw.lower() if start else ""
    after = tokens[end].norm if end < len(tokens) else ""
    last = normalize(words[-1])
    raw = sentence.text[tokens[start].start : tokens[end - 1].end]
    # "the X browser agent": a lower-case word may stand between the name and its noun
    then = tokens[end + 1].norm if end + 1 < len(tokens) and tokens[end].raw.islower() else ""
    if before in PRODUCT_NOUNS or normalize(before) in PRODUCT_NOUNS or after in PRODUCT_NOUNS:
        return "product", "named next to a product noun"
    if then in PRODUCT_NOUNS:
        return "product", "named before a product noun ('the X browser agent')"
    if any(c.isdigit() for c in raw):
        return "product", "a name with a version number"
    if pd.described_as_product(tokens, end, sentence.text) or pd.after_agent(tokens, start):
        return "product", "described as a product (', a chatbot', 'the coding agent X')"
    if roles.FUNDER in labels:
        return "organization", "it invests, backs or leads a funding round"
    if roles.REPORTER in labels or (last in MEDIA_WORDS and len(words) > 1):
        return "media", "it reports the news ('X reported that …', a newspaper's name)"
    if _after_org_noun(tokens, start):
        return "organization", f"named after '{before}'"
    if pd.described_as(tokens, end, sentence.text, _org_noun, modifiers=2):
        return "organization", "described as one (', a start-up', ', la jeune pousse')"
    if roles.MADE in labels and not _named_as_owner(labels, len(words)):
        return "product", "what someone builds, leads or names among products"
    lead_in = sentence.text[: tokens[start].start].lower().rstrip()
    for determiner in (" the", " le", " la", " l'", " l’"):
        lead_in = lead_in.removesuffix(determiner).rstrip()
    if lead_in.endswith(REPORT_CUES) and len(words) <= 3 and last not in ORG_WORDS:
        return "media", "the source of a report (selon / according to)"
    if last in ORG_WORDS:
        return "organization", f"'{words[-1]}' names an organisation"
    votes = [NER_TYPES[label] for label in labels if label in NER_TYPES]
    spaced = raw.split()  # "Tel-Aviv" is one word, "Jean-Pierre Morel" two
    person_like = (
        2 <= len(spaced) <= 3
        and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and normalize(before) not in DETERMINERS
        and normalize(words[0]) not in ARTICLES  # "The Information" is no one's name
    )
    if person_like and "place" not in votes and "product" not in votes:
        return "person", "a first name and a surname"
    if len(spaced) == 1 and before in PLACE_PREPOSITIONS:
        return "place", f"after '{before}'"
    if len(spaced) == 1 and roles.LOCATIVE in labels and "ORG" not in labels:
        return "place", "listed with a place after 'in' / 'à'"
    if votes:
        kind = max(set(votes), key=votes.count)
        if kind == "place" and (roles.ACTOR in labels or "SUBJ" in labels):
            kind = "organization"  # a place neither acts nor is hired, joined or bought
        if kind == "person" and len(words) == 1:
            kind = "organization"  # a lone unknown word tagged as a person is rarely one
        return kind, f"entity label {next(x for x in labels if x in NER_TYPES)}"
    return "organization", "a capitalised name"


# Nouns that, right before a name, say it is an organisation's ("the venture firm NFDG",
# "le fonds X", "la start-up X").
ORG_NOUNS = _type_nouns("organization") | frozenset(
    "fund funds fonds firm investor investors investisseur investisseurs startup start up "
    "group groupe bank banque incubator incubateur accelerator accelerateur pousse".split()
)


def _org_noun(tokens, j: int) -> bool:
    """One organisation's noun: ", les investisseurs" opens a clause, it describes no name."""
    word = normalize(tokens[j].raw)
    return word in ORG_NOUNS and (not word.endswith("s") or word == "fonds")


def _named_as_owner(labels: list[str], words: int) -> bool:
    """spaCy reads the name as an organisation's, or as a person's full name: no product,
    whatever it is said to handle (a lone word it calls a person rarely is one)."""
    return "ORG" in labels or (words > 1 and bool({"PERSON", "PER"} & set(labels)))


def _after_org_noun(tokens, start: int) -> bool:
    return start > 0 and normalize(tokens[start - 1].raw) in ORG_NOUNS


def skipped(labels: list[str]) -> bool:
    """A nationality, a date or a number spaCy recognised: no entity."""
    tags = [label for label in labels if label not in roles.ROLES]
    return bool(tags) and all(label in NOT_ENTITIES for label in tags)
