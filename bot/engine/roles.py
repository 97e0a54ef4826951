"""Role titles a question names, met in the role facts in either language ("CEO" is
"directeur général", not "researcher"), read through postings of the roles' stems."""

from __future__ import annotations

from functools import lru_cache

from bot.engine.factindex import FactIndex, stems
from bot.kb import Fact
from bot.kb import facttypes as ft
from bot.nlu import lexicon as lx
from bot.text import normalize

ROLE_TYPES = frozenset({"role", "leads"})


class RoleIndex:
    """The role facts of a base by the stems of their roles, built when first asked."""

    def __init__(self, facts: FactIndex) -> None:
        self.facts = facts
        # Each role's stems, in both languages, read the first time a question names a role.
        self._stems: dict[str, frozenset[str]] = {}
        # The role facts by each stem of their role, built the first time a question naming
        # no entity names a role ("who is the chief scientist?").
        self._postings: dict[str, list[Fact]] | None = None

    def __getstate__(self) -> dict[str, object]:
        """What a snapshot keeps: not the role postings built for questions asked."""
        return {**self.__dict__, "_postings": None}

    def names_role(self, fact: Fact, role_words: frozenset[str]) -> bool:
        """Whether a role fact is the role the question names ("CEO" is not "researcher")."""
        said = self.role_stems(fact)
        # Every role noun asked ("directeur scientifique") must be there, in either language.
        return all(_synonym_stems(w) & said for w in role_words)

    def role_stems(
        self, fact: Fact, memo: dict[tuple[str, str], frozenset[str]] | None = None
    ) -> frozenset[str]:
        """A role fact's role (its phrasing when it states none) as stems, in both languages;
        `memo`, the stems of roles already read (many facts state the same role)."""
        said = self._stems.get(fact.id)
        if said is None:
            role = fact.role or fact.text
            said = memo.get((role.fr, role.en)) if memo is not None else None
            if said is None:
                said = frozenset(
                    stems(normalize(role.fr).split(), "fr")
                    | stems(normalize(role.en).split(), "en")
                    | _phrased_roles(f"{normalize(role.fr)} {normalize(role.en)}")
                )
                if memo is not None:
                    memo[(role.fr, role.en)] = said
            self._stems[fact.id] = said
        return said

    def naming_role(self, role_words: frozenset[str]) -> list[Fact]:
        """The role facts that `names_role` keeps, in base order, read from postings of the
        roles' stems instead of a pass over every role fact."""
        if self._postings is None:
            postings: dict[str, list[Fact]] = {}
            memo: dict[tuple[str, str], frozenset[str]] = {}
            # Type by type: `naming_role` puts what it finds in base order.
            for fact in (f for t in sorted(ROLE_TYPES) for f in self.facts.by_type.get(t, ())):
                for stem in self.role_stems(fact, memo):
                    postings.setdefault(stem, []).append(fact)
            self._postings = postings
        if not role_words:
            return self.facts.of_types(ROLE_TYPES)
        kept: dict[str, Fact] | None = None
        for word in role_words:
            found = {f.id: f for s in _synonym_stems(word) for f in self._postings.get(s, ())}
            kept = found if kept is None else {i: f for i, f in kept.items() if i in found}
        assert kept is not None
        return self.facts.in_order(kept.values())


@lru_cache(maxsize=1024)
def _phrased_roles(role: str) -> frozenset[str]:
    """The role nouns a title of several words stands for ("interim chief executive": CEO)."""
    padded = f" {role} "
    groups = [
        g for g, phrases in lx.ROLE_PHRASES.items() if any(f" {p} " in padded for p in phrases)
    ]
    return frozenset(stems([w for g in groups for w in lx.ROLE_GROUPS.get(g, ())]))


@lru_cache(maxsize=1024)
def _synonym_stems(role_word: str) -> frozenset[str]:
    return frozenset(stems(lx.role_synonyms(frozenset({role_word}))))


def title_relations(fact: Fact) -> frozenset[str]:
    """The relations a fact's title implies: a "CEO of X" or "head of X" leads X (the one
    fact-type table says which titles imply what)."""
    if fact.type not in ft.TITLED_TYPES or fact.role is None:
        return frozenset()
    title = normalize(f"{fact.role.fr} | {fact.role.en}")
    said = set(title.split())
    padded = f" {title} "
    implied = [
        ft.TITLE_RELATIONS[group]
        for group, words in lx.ROLE_GROUPS.items()
        if group in ft.TITLE_RELATIONS
        and (words & said or any(f" {p} " in padded for p in lx.ROLE_PHRASES.get(group, ())))
    ]  # "chief executive", "directeur général": a phrase names the group too
    return frozenset().union(*implied)


def says_leading(fact: Fact) -> bool:
    """The fact's wording has a word of leading ("dirigée par", "head of")."""
    text = normalize(f"{fact.text.fr} {fact.text.en}").split()
    return any("lead" in lx.relation_of(w) for w in text)
