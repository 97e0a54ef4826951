"""A sentence's parse with its entities, as event reading sees it: who a word names, the
group it stands for (conjuncts, appositions, a pronoun's antecedent), a verb's subjects and
prepositional arguments; and the Event it yields."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.curation.analysis import Parse, Word
from bot.text import normalize

SOURCE_CASES = frozenset("from depuis de d du des".split())
DEST_CASES = frozenset("for to pour vers chez".split())
AT_CASES = frozenset("at chez in à a".split())
WITH_CASES = frozenset("with avec".split())
# "une recherche de type ChatGPT", "a ChatGPT-like search": not the product itself.
POSSESSIVES = frozenset("son sa ses leur leurs his her its their".split())
PERSON_PRONOUNS = frozenset("he she him her il elle lui".split())
GROUP_PRONOUNS = frozenset("both they them ils elles eux tous".split())
LATTER = frozenset("dernier dernière derniere latter".split())  # "ce dernier", "the latter"
RELATIVE = frozenset("who which that where qui que où dont".split())
STINT_WORDS = frozenset(
    "passage passages stint stints spell spells passe passee passes passees".split()
)
STINT_CASES = frozenset("chez at par with in".split())


@dataclass
class Event:
    type: str
    subject: str
    fields: dict = field(default_factory=dict)
    inferred: list[str] = field(default_factory=list)


# The verbs of speech, by lemma (the events' "say").
SAY_VERBS = "say tell declare write dire déclarer affirmer écrire expliquer"
SAY_LEMMAS = frozenset(SAY_VERBS.split())
ORG_KINDS = ("organization", "unit")


@dataclass
class Article:
    """What one sentence's reading needs from the ones before: the article's main actor (the
    organisation it is about) and the last people named, for pronouns."""

    main_actor: str | None = None
    last_person: str | None = None
    latest_person: str | None = None  # the last person the sentence before named ("the latter")
    last_group: list[str] = field(default_factory=list)
    funded: str | None = None  # the company of the last funding round named
    last_investor: str | None = None
    last_org: str | None = None  # the first organisation of the sentence before
    went: dict[str, str] = field(default_factory=dict)  # where each person moved, as told
    last_went: tuple[str, str] | None = None  # the last (person, destination) told


class Clause:
    """A sentence's parse with its entities: `entity(i)` is the entity a word names."""

    def __init__(self, parse: Parse, spans: list[tuple[int, int, str]], kinds: dict[str, str],
                 article: Article):  # fmt: skip
        self.p = parse
        self.kinds = kinds
        self.article = article
        self.word_entity: dict[int, str] = {}
        for w in parse.words:
            for start, end, entity in spans:
                if start <= w.start < end:
                    self.word_entity[w.i] = entity
        self.inferred: list[str] = []
        # Funding: the verb that raised the round an investment is read from, and the verbs
        # whose dates an investment takes (raise verb -> the investment's verb).
        self.raised_at: int | None = None
        self.anchors: dict[int, int] = {}
        # The entity an opening definite noun phrase was read as ("Le fabricant…": its noun).
        self.opener: tuple[int, str] | None = None

    def owner_of(self, char: int) -> str | None:
        """The organisation whose clause holds the word at `char` ("X, qui dirigeait … de Y,
        est sortie … avec 300 millions": X): the first organisation subject of the verbs
        above it, when no relative clause or apposition stands between."""
        word = next((w for w in self.p.words if w.start <= char < w.end), None)
        if word is None:
            return None
        for a in [word.i, *self.p.ancestors(word.i)]:
            if self.p.words[a].pos in ("VERB", "AUX"):
                break
            # "the $N that Zeta paid": the relative clause on the sum names who paid it
            for rel in self.p.children(a, "relcl", "acl:relcl"):
                payers = [e for e in self.subjects(rel.i) if self.kind(e) in ORG_KINDS]
                if payers:
                    return payers[0]
        for a in self.p.ancestors(word.i):
            above = self.p.words[a]
            if above.pos in ("VERB", "AUX"):
                orgs = [e for e in self.subjects(a) if self.kind(e) in ("organization", "unit")]
                if orgs:
                    return orgs[0]
                thing = [s for s in self.p.children(a, "nsubj") if s.lower in ("it", "elle")]
                earlier = [
                    e for j, e in sorted(self.word_entity.items())
                    if thing and j < thing[0].i and self.kind(e) in ("organization", "unit")
                ]  # fmt: skip
                if earlier:  # "the valuation Zeta reached when it raised $X": Zeta
                    return earlier[-1]
                if thing and self.article.last_org:  # "it is paying $2 billion": the last named
                    return self.article.last_org
            if above.dep in ("relcl", "acl:relcl", "appos", "advcl", "ccomp"):
                return None
        return None

    def reporter_of(self, char: int) -> str | None:
        """Who tells what the word at `char` is part of ("X told Y that Zeta had agreed to pay
        $N": X): a speaker of a verb of speech whose said clause holds the word."""
        word = next((w for w in self.p.words if w.start <= char < w.end), None)
        if word is None:
            return None
        below = word.i
        for a in self.p.ancestors(word.i):
            said = self.p.words[below].dep == "ccomp"
            if said and self.p.words[a].lemma.lower() in SAY_LEMMAS:
                speakers = [e for e in self.subjects(a) if self.kind(e) == "person"]
                return speakers[0] if speakers else None
            below = a
        return None

    def speaker_of(self, char: int) -> str | None:
        """The person the parse makes the subject of the verb at `char` ("X, qui avait
        cofondé A avec Y, a annoncé…": X, not Y, the name nearest the verb)."""
        word = next((w for w in self.p.words if w.start <= char < w.end), None)
        if word is None or word.pos not in ("VERB", "AUX"):
            return None
        people = [e for e in self.subjects(word.i) if self.kind(e) == "person"]
        if people:
            return people[0]
        # No subject parsed: "X, qui avait cofondé A avec Y, a annoncé…" (the relative clause
        # hung as a sentence of its own): the person the relative clause before it describes.
        described = [
            head
            for w in self.p.words
            if w.dep in ("relcl", "acl:relcl") and max(self.p.subtree(w.i)) < word.i
            and self.kind(head := self.entity(w.head)) == "person"
        ]  # fmt: skip
        return described[0] if described else None

    def kind(self, entity: str | None) -> str:
        return self.kinds.get(entity, "") if entity else ""

    def entity(self, i: int) -> str | None:
        """The entity word i names: its own, or one of the name it heads (a compound)."""
        if i in self.word_entity:
            return self.word_entity[i]
        return None

    def group(self, i: int, depth: int = 0) -> list[str]:
        """The entities word i stands for: itself, its conjuncts, its appositions
        ("researchers, X and Y"), a pronoun's antecedent."""
        w = self.p.words[i]
        found: list[str] = []
        own = self.entity(i)
        if own:
            found.append(own)
        elif person := self.referred_person(i):
            found.append(person)
            self.inferred.append(f"'{w.text}' read as {person}")
        elif w.lower in GROUP_PRONOUNS and depth == 0 and self.article.last_group:
            found.extend(self.article.last_group)
            self.inferred.append(f"'{w.text}' read as {', '.join(self.article.last_group)}")
        if depth < 6:
            for c in self.p.children(i, "conj", "appos", "flat", "compound", "nmod"):
                if own and c.dep.startswith("appos") and self.describes(c):
                    continue  # "X, a co-founder of A,": a title, no other member
                if c.dep.startswith(("conj", "appos")) or (c.dep.startswith("flat") and not own):
                    found.extend(self.group(c.i, depth + 1))
        return list(dict.fromkeys(found))

    def describes(self, w: Word) -> bool:
        """An apposition that is a common noun ("a co-founder of A", "the start-up that…")
        describes the name it stands beside; a person named inside it is someone else."""
        return w.pos == "NOUN" and not self.entity(w.i)

    def titled_org(self, i: int) -> str | None:
        """The organisation the titles beside name i give ("X, a co-founder of A,": A)."""
        for a in self.p.children(i, "appos"):
            if self.describes(a):
                orgs = [e for j in self.p.subtree(a.i) if (e := self.entity(j))
                        and self.kind(e) in ("organization", "unit")]  # fmt: skip
                if orgs:
                    return orgs[0]
        return None

    def stints(self) -> set[str]:
        """The organisations a past spell lists ("après des passages chez A, B et C", "after
        stints at A and B"): where someone worked before, no side of a move, no title's."""
        found: set[str] = set()
        words = [w for w in self.p.words if w.pos != "PUNCT"]
        for k, w in enumerate(words):
            if normalize(w.text) not in STINT_WORDS:
                continue
            rest = words[k + 1 + (k + 1 < len(words) and words[k + 1].lower in STINT_CASES) :]
            for x in rest:
                e = self.entity(x.i)
                if e and self.kind(e) in ("organization", "unit"):
                    found.add(e)
                elif e is None and x.lower not in ("et", "and", "ou", "or"):
                    break
        return found

    def antecedent(self, i: int) -> str | None:
        """The person a pronoun stands for: the first named earlier in the sentence, else the
        last one of the sentences before."""
        earlier = [(j, e) for j, e in sorted(self.word_entity.items()) if j < i]
        people = [(j, e) for j, e in earlier if self.kind(e) == "person"]
        said = self.p.words[i].lower
        opening = [w.i for w in self.p.words[:i] if w.lower == said and w.pos == "PRON"]
        if opening and (not people or opening[0] < people[0][0]):
            # "He and X had quit …, and he then accused …": the "he" the sentence opened with
            return self.article.last_person
        return people[0][1] if people else self.article.last_person

    def referred_person(self, i: int) -> str | None:
        """The person a pronoun ("he", "elle") or "ce dernier" at word i stands for."""
        w = self.p.words[i]
        if w.lower in PERSON_PRONOUNS and w.pos == "PRON":
            return self.antecedent(i)
        return self.latter(i) if w.lower in LATTER else None

    def latter(self, i: int) -> str | None:
        """The person "ce dernier" / "the latter" stands for: the last named before it, in the
        sentence or, opening it, the sentence before."""
        if not any(d.lower in ("ce", "cette", "the") for d in self.p.children(i, "det")):
            return None
        earlier = [e for j, e in sorted(self.word_entity.items()) if j < i]
        people = [e for e in earlier if self.kind(e) == "person"]
        return people[-1] if people else self.article.latest_person

    def people(self, i: int) -> list[str]:
        return [e for e in self.group(i) if self.kind(e) == "person"]

    def orgs(self, i: int) -> list[str]:
        return [e for e in self.group(i) if self.kind(e) in ("organization", "unit")]

    def case_of(self, w: Word) -> str:
        """The preposition introducing word w ("from", "pour", "at")."""
        if w.dep in ("pobj",) and w.head != w.i:
            return self.p.words[w.head].lower
        cases = self.p.children(w.i, "case", "mark")
        return cases[0].lower if cases else ""

    def obliques(self, v: int) -> list[tuple[str, Word]]:
        """(preposition, its noun) for the verb's prepositional arguments, both schemes."""
        found = []
        for c in self.p.children(v):
            if c.dep == "prep":
                found += [(c.lower, n) for n in self.p.children(c.i, "pobj")]
            elif c.dep.startswith(("obl", "nmod")) or (
                c.dep in ("obj", "dobj") and self.case_of(c)
            ):
                found.append((self.case_of(c), c))
        return found

    def subjects(self, v: int, depth: int = 0) -> list[str]:
        w = self.p.words[v]
        for c in self.p.children(v, "nsubj", "nsubjpass", "nsubj:pass"):
            if c.lower in RELATIVE and w.head != v:
                return self.group(w.head)
            got = self.group(c.i)
            if got:
                return got
            # "researchers, X and Y"; "X et Y, deux membres…" parsed as the noun's modifier
            for a in self.p.children(c.i, "appos", "acl", "amod"):
                if self.group(a.i):
                    return self.group(a.i)
            return []
        if depth > 4 or w.head == v:
            return []
        if w.dep in ("acl", "relcl", "acl:relcl"):
            return self.group(w.head)
        if w.dep in ("conj", "xcomp", "advcl", "pcomp", "ccomp") or w.dep.startswith("advcl"):
            head = w.head
            if self.p.words[head].pos == "ADP":  # "before joining": the clause's verb
                head = self.p.words[head].head
            return self.subjects(head, depth + 1)
        return []
