"""The word-window reader of one sentence: its tokens with the entities linked in it, and the
draft fact it builds (the fallback where the parse gives no event)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.curation.clause import STINT_CASES, STINT_WORDS
from bot.curation.entities import Occurrence
from bot.curation.ingest import Sentence

PERSON, ORGS = "person", ("organization", "unit")

# Words after which "de/of…" opens the side a mover came from ("issus de X", "venue de X").
FROM_WORDS = frozenset(
    "from depuis issus issu issue issues provenance venu venue venus venant".split()
)

FROM_AFTER = frozenset("de d du des".split())

PAST_WORDS = frozenset("former formerly ex ancien ancienne anciens previously".split())

ANAPHORS = frozenset("company firm entreprise societe startup start".split())
OF_WORDS = frozenset("de d of".split())
# A company named by its owner ("le groupe de X", "l'empire d'X").
OWNED_NOUNS = ANAPHORS | frozenset("groupe group empire maison firme boite".split())

WINDOW = 4  # tokens between a verb and the entity it governs
# What may stand between a marker and its name: "pour sa rivale X", "for its rival X".
BETWEEN = frozenset(
    "the le la les l its their son sa leur rival rivale rivals concurrent concurrente "
    "competitor".split()
)
# "…, a-t-il annoncé": an inverted pronoun, the subject the sentence began with.
INVERTED = ("t", "il"), ("t", "elle")


@dataclass
class Fact:
    type: str
    subject: str
    sentence: int
    fields: dict = field(default_factory=dict)
    inferred: list[str] = field(default_factory=list)  # what the reader added, for review

    def names(self) -> set[str]:
        values = [self.subject, *(v for k, v in self.fields.items() if k in SLOTS)]
        return {v for v in values if isinstance(v, str)} | set(self.fields.get("about", []))


SLOTS = ("object", "from", "to", "place", "via")


class Reader:
    """One sentence's entities and words, with the questions drafting asks of them."""

    def __init__(self, sentence: Sentence, occurrences: list[Occurrence], types: dict[str, str]):
        self.s = sentence
        self.words = [t.norm for t in sentence.tokens]
        self.occ = occurrences
        self.types = types

    def kind(self, o: Occurrence) -> str:
        return self.types[o.entity]

    def at(self, i: int) -> Occurrence | None:
        return next((o for o in self.occ if o.start == i), None)

    def before(self, i: int, kinds: tuple[str, ...]) -> Occurrence | None:
        """The last entity of those kinds before word i; a person whose company the words
        name ("le groupe de Bo Strand") acts in it only when no one else is named before."""
        found = [o for o in self.occ if o.end <= i and self.kind(o) in kinds]
        acting = [o for o in found if not self.names_owner(o)]
        return (acting or found)[-1] if found else None

    def names_owner(self, o: Occurrence) -> bool:
        """ "le groupe de X", "the company of X": X, a person, is named as its owner."""
        return (
            self.kind(o) == PERSON
            and o.start >= 2
            and self.words[o.start - 1] in OF_WORDS
            and self.words[o.start - 2] in OWNED_NOUNS
        )

    def after(self, i: int, kinds: tuple[str, ...], window: int = WINDOW) -> Occurrence | None:
        return next(
            (o for o in self.occ if i < o.start <= i + window + 1 and self.kind(o) in kinds), None
        )

    def named_after(self, i: int, markers: frozenset[str]) -> list[Occurrence]:
        """Entities right after one of `markers` (a determiner may stand between)."""
        found = []
        for o in self.occ:
            j = o.start - 1
            while j >= 0 and self.words[j] in BETWEEN:
                j -= 1
            if j >= 0 and self.words[j] in markers:
                found.append((j, o))
        return [o for _, o in found]

    def sources(self, verb: int) -> list[Occurrence]:
        """Organisations after a move phrase's "from": "from X", "depuis X", "issus de X"."""
        found = []
        for o in self.occ:
            if self.kind(o) not in ORGS or o.start == 0:
                continue
            j = o.start - 1
            after_from = self.words[j] in FROM_AFTER and j and self.words[j - 1] in FROM_WORDS
            if after_from or (self.words[j] in ("from", "depuis") and j >= verb):
                found.append(o)
        return found

    def stints(self) -> set[str]:
        """The organisations a past spell names ("après des passages chez A, B et C",
        "after stints at A and B", "passée par A"): past employers, neither side of a move."""
        found: set[str] = set()
        for k, word in enumerate(self.words):
            if word not in STINT_WORDS:
                continue
            j = k + 1 + (k + 1 < len(self.words) and self.words[k + 1] in STINT_CASES)
            while j < len(self.words):
                o = self.at(j)
                if o is not None and self.kind(o) in ORGS:
                    found.add(o.entity)
                    j = o.end
                elif o is None and self.words[j] in ("et", "and", "ou", "or"):
                    j += 1
                else:
                    break
        return found

    def inverted(self, i: int) -> bool:
        """The verb at i follows an inverted subject pronoun ("a-t-il annoncé")."""
        return tuple(self.words[max(0, i - 2) : i]) in INVERTED

    def past(self, i: int) -> bool:
        return any(w in PAST_WORDS for w in self.words[max(0, i - 3) : i + 1])
