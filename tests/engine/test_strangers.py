"""Strangers: people and companies the base does not know get "the articles don't say", never
someone else's facts.

Real people and companies of the AI field that are not in the base (each checked against
every name and alias of the loaded base, and skipped when it collides), asked in eight
templates per language whose other slot is filled with the base's own busiest organisations;
then strangers built from the base's people at test time: a base surname with another first
name, a base first name with another surname, and a real surname one letter off a base
surname. Each must be answered `unknown`, or by a reply opening with "the articles don't say";
a reply presenting an answer (a Yes, a No, a fact about someone else) is confidently wrong.

The converse: a one- or two-letter typo of a known full name still links to it
(`bot.nlu.linking`).

Today's engine fails part of them: each group holds the rates measured today (a floor on its
pass rate, a ceiling on its confidently wrong rate), to be raised as the engine learns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import cycle

import pytest
from paths import DATA
from rapidfuzz.distance import DamerauLevenshtein
from reply_reading import HEDGED, NO, YES, says_it_does_not_know, verdict_of

from bot import kb
from bot.engine import Engine, State
from bot.kb import KnowledgeBase
from bot.model import Answer
from bot.nlu import lexicon as lx
from bot.nlu.linking import EntityIndex
from bot.text import normalize

# Real people of the AI field (researchers, founders, executives).
PEOPLE = [
    "Sam Altman", "Ilya Sutskever", "Mira Murati", "Demis Hassabis", "Mustafa Suleyman",
    "Andrej Karpathy", "Yann LeCun", "Geoffrey Hinton", "Yoshua Bengio", "Fei-Fei Li",
    "Andrew Ng", "Greg Brockman", "Jan Leike", "John Schulman", "Noam Shazeer",
    "Daniela Amodei", "Jakub Pachocki", "Mark Chen", "Lucas Beyer", "Alexander Kolesnikov",
    "Xiaohua Zhai", "Trapit Bansal", "Jack Rae", "Arthur Mensch", "Guillaume Lample",
    "Aidan Gomez", "Aravind Srinivas", "Jensen Huang", "Satya Nadella", "Sundar Pichai",
    "Kevin Scott", "Koray Kavukcuoglu", "Oriol Vinyals", "Jeff Dean", "Liang Wenfeng",
    "Igor Babuschkin", "Jimmy Ba", "Chris Olah", "Jared Kaplan", "Clément Delangue",
    "Lilian Weng", "Barret Zoph", "Alec Radford", "Wojciech Zaremba", "Percy Liang",
]  # fmt: skip
COMPANIES = [
    "Mistral AI", "Cohere", "Perplexity", "Hugging Face", "DeepMind", "Inflection AI",
    "Character.AI", "Stability AI", "Midjourney", "Nvidia", "Amazon", "Baidu", "Alibaba",
    "DeepSeek", "Moonshot AI", "Thinking Machines Lab", "Reflection AI", "Anysphere",
    "Aleph Alpha", "Databricks",
]  # fmt: skip
# First names and surnames of no one in the AI news, to build namesakes of the base's people.
FIRST_NAMES = ["Laura", "Pierre", "Samira", "Kenji", "Olga", "Tomas", "Ines", "Rafael"]
SURNAMES = ["Kowalczyk", "Okonkwo", "Lindqvist", "Moreau", "Castellano", "Nakamura"]
# Real surnames, some one letter off the usual names of the field: the near namesakes are
# those one edit from a surname of the base.
REAL_SURNAMES = """
wong wan yang tang fang zhang huang kang pan peng chan chern cheng chin shen sun son song lin
liu lu lee le lai xu zhu zhai zhou hao rao chung zhuang rich rico price rose grass grosz gros
amodeo mask muse roland rowlands friedmann freedman bakhtina smith smyth jones brown braun
miller muller meyer mayer schmidt schmitt fischer fisher weber wagner becker baker hoffmann
klein kline wolf wolff novak nowak garcia garza lopez lopes perez peres costa silva rossi
russo rosso ricci bruno romano martin martins marin bernard bertrand durand durant petit leroy
moreau morel laurent simon simons haddad hadad raman rahman tanaka varga vargas fontaine
fontana lambert lampert ortega ortiz solberg sandberg benning manning
""".split()

PERSON_TEMPLATES = {
    "offer": ("How much did {org} offer {x}?", "Combien {org} a-t-elle offert à {x} ?"),
    "left": ("When did {x} leave {org}?", "Quand {x} a-t-il quitté {org} ?"),
    "hired": ("Who did {x} hire?", "Qui {x} a-t-il recruté ?"),
    "joined": ("Did {x} join {org}?", "{x} a rejoint {org} ?"),
    "said": ("What did {x} say about {org}?", "Qu'a dit {x} à propos de {org} ?"),
    "at": ("Is {x} at {org}?", "Est-ce que {x} est chez {org} ?"),
    "who": ("Who is {x}?", "Qui est {x} ?"),
    "where": ("Where does {x} work?", "Où travaille {x} ?"),
}
COMPANY_TEMPLATES = {
    "joined": ("Who joined {x}?", "Qui a rejoint {x} ?"),
    "left-for": ("Who left {x} for {org}?", "Qui a quitté {x} pour {org} ?"),
    "leads": ("Who leads {x}?", "Qui dirige {x} ?"),
    "staff": ("How many people does {x} employ?", "Combien de personnes emploie {x} ?"),
    "founded": ("Who founded {x}?", "Qui a fondé {x} ?"),
    "based": ("Where is {x} based?", "Où est basée {x} ?"),
    "said": ("What did {x} say about {org}?", "Qu'a dit {x} à propos de {org} ?"),
    "hired": ("Did {x} hire anyone from {org}?", "Est-ce que {x} a recruté chez {org} ?"),
}
LANGUAGES = ("en", "fr")

# group: (lowest pass rate, highest confidently wrong rate) on the project's base. First
# measured on 2026-12-03 at commit 032236c (before names were accounted for): people 458/720
# (208 confidently wrong), companies 238/320 (82), namesakes 272/512 (177), near surnames
# 402/624 (190). Raised on purpose (issue 16) to what the engine measured the same day after:
FLOORS = {
    "people": (0.962, 0.002),  # 96.2% passed, 0.1% confidently wrong
    "companies": (0.993, 0.007),  # 159/160, 1 confidently wrong
    "namesakes": (0.996, 0.0),  # 99.6%, none wrong
    "near surnames": (1.0, 0.0),  # all
    # The same people typed in lower case, as chats are (added 2026-12-04): 295/720 with 245
    # confidently wrong before words of no language and unread name pairs counted as names;
    # 565/720 with 76 after. Raised on 2026-12-04 (next session) to that day's 88.5% with 4.4%
    # wrong, after known first names beside unknown surnames and first-name-like common words
    # (as frequent in French as in English) first in a pair counted as names. A floor to raise.
    "people in lower case": (0.884, 0.045),
    # The companies typed in lower case (added 2026-12-04, fourth session): 288/320 with 22
    # confidently wrong before a move's or a statement's subject, and the company a leaving
    # verb names before "for", counted as names when no word of theirs is read; 300/320 with
    # 14 after; raised the same session to 304/320 with 13 when words the articles write and a
    # company's suffix were let into such a subject ("hugging face"). A floor to raise.
    "companies in lower case": (0.95, 0.041),
}
# Typos of the full names of the project's base and the third article's: share linked,
# measured on 2026-12-03 (one letter 60/60; two letters 15/16, "Mark Wierzicki" links to both
# Wierzbicki brothers).
TYPO_FLOORS = {"one letter": 1.0, "two letters": 0.937}


# ---------------------------------------------------------------- who is a stranger


def known_names(base: KnowledgeBase) -> set[str]:
    return {normalize(form) for e in base.entities.values() for form in e.names()}


def people_names(base: KnowledgeBase) -> list[list[str]]:
    """The base's people's names, word by word (the first word a first name, the last a
    surname), in both languages."""
    return [
        normalize(name).split()
        for e in base.entities.values()
        if e.type == "person"
        for name in dict.fromkeys([e.name.en, e.name.fr])
        if len(normalize(name).split()) >= 2
    ]


def namesakes(base: KnowledgeBase) -> list[str]:
    """A base surname with a first name nobody in the base has, and a base first name with a
    surname nobody has."""
    names = people_names(base)
    firsts = {n[0] for n in names}
    lasts = {n[-1] for n in names}
    new_firsts = cycle([f for f in FIRST_NAMES if normalize(f) not in firsts])
    new_lasts = cycle([s for s in SURNAMES if normalize(s) not in lasts])
    built = []
    for words in names:
        built.append(f"{next(new_firsts)} {words[-1].capitalize()}")
        built.append(f"{words[0].capitalize()} {next(new_lasts)}")
    return built


def near_surnames(base: KnowledgeBase) -> list[str]:
    """A real surname one edit from a base surname, with a first name nobody in the base has."""
    names = people_names(base)
    firsts = {n[0] for n in names}
    lasts = {n[-1] for n in names}
    new_firsts = cycle([f for f in FIRST_NAMES if normalize(f) not in firsts])
    return [
        f"{next(new_firsts)} {surname.capitalize()}"
        for surname in REAL_SURNAMES
        if surname not in lasts
        and any(DamerauLevenshtein.distance(surname, last) == 1 for last in lasts)
    ]


def strangers(base: KnowledgeBase, candidates: list[str]) -> list[str]:
    known = known_names(base)
    return list(dict.fromkeys(c for c in candidates if normalize(c) not in known))


def busiest_organisations(base: KnowledgeBase, n: int = 3) -> list[str]:
    """The organisations most facts name: the most tempting wrong answers."""
    counts = Counter(
        p for f in base.facts for p in f.participants() if base.entities[p].type == "organization"
    )
    return [entity_id for entity_id, _ in counts.most_common(n)]


# ---------------------------------------------------------------- asking them


@dataclass(frozen=True)
class Asked:
    group: str
    template: str
    language: str
    question: str
    answer: Answer

    @property
    def passed(self) -> bool:
        return says_it_does_not_know(self.answer) and not self.answer.citations

    @property
    def confidently_wrong(self) -> bool:
        """It presents an answer: a Yes, a No, or anything but "not confirmed" or "the
        articles don't say"."""
        if self.answer.kind != "answer":
            return False
        verdict = verdict_of(self.answer)
        return verdict in (YES, NO) or (
            verdict != HEDGED and not says_it_does_not_know(self.answer)
        )

    def line(self) -> str:
        first = self.answer.text.split("\n", 1)[0][:100]
        return f"[{self.group}/{self.template}] {self.question} -> [{self.answer.kind}] {first!r}"


def ask_all(
    engine: Engine, group: str, names: list[str], templates: dict, lower: bool = False
) -> list[Asked]:
    """`lower`: typed as chats are, all in lower case and without the question mark."""
    base = engine.kb
    orgs = cycle(busiest_organisations(base) or [None])
    asked = []
    for name in names:
        for template, questions in templates.items():
            org = next(orgs)
            for language, pattern in zip(LANGUAGES, questions, strict=True):
                if "{org}" in pattern and org is None:
                    continue
                org_name = base.entities[org].name.get(language) if org else ""
                question = pattern.format(x=name, org=org_name)
                if lower:
                    question = question.lower().rstrip(" ?")
                answer, _ = engine.answer(question, State(language=language))
                asked.append(Asked(group, template, language, question, answer))
    return asked


def ask_strangers(engine: Engine) -> list[Asked]:
    """Every group of strangers in every template, both languages."""
    base = engine.kb
    return [
        *ask_all(engine, "people", strangers(base, PEOPLE), PERSON_TEMPLATES),
        *ask_all(engine, "companies", strangers(base, COMPANIES), COMPANY_TEMPLATES),
        *ask_all(engine, "namesakes", strangers(base, namesakes(base)), PERSON_TEMPLATES),
        *ask_all(engine, "near surnames", strangers(base, near_surnames(base)), PERSON_TEMPLATES),
        *ask_all(engine, "people in lower case", strangers(base, PEOPLE), PERSON_TEMPLATES, True),
        *ask_all(
            engine, "companies in lower case", strangers(base, COMPANIES), COMPANY_TEMPLATES, True
        ),
    ]


@pytest.fixture(scope="module")
def asked(engine: Engine) -> list[Asked]:
    return ask_strangers(engine)


def report(asked: list[Asked]) -> str:
    """Per group and template: passed/total and confidently wrong."""
    lines = []
    keys = dict.fromkeys((a.group, a.template) for a in asked)
    for group, template in keys:
        mine = [a for a in asked if (a.group, a.template) == (group, template)]
        passed = sum(a.passed for a in mine)
        wrong = sum(a.confidently_wrong for a in mine)
        lines.append(f"{group}/{template}: {passed}/{len(mine)}, confidently wrong {wrong}")
    return "\n".join(lines)


def test_there_are_at_least_forty_real_strangers(base: KnowledgeBase) -> None:
    assert len(strangers(base, PEOPLE)) + len(strangers(base, COMPANIES)) >= 40


def test_namesakes_are_built_from_the_base(base: KnowledgeBase) -> None:
    built = namesakes(base)
    surnames = {words[-1] for words in people_names(base)}
    assert any(normalize(n).split()[-1] in surnames for n in built)
    assert not set(map(normalize, strangers(base, built))) & known_names(base)


@pytest.mark.parametrize("group", list(FLOORS))
def test_strangers_are_not_answered_with_someone_elses_facts(asked: list[Asked], group: str):
    mine = [a for a in asked if a.group == group]
    if not mine:
        pytest.skip(f"the base gives no {group}")
    rate = sum(a.passed for a in mine) / len(mine)
    wrong_rate = sum(a.confidently_wrong for a in mine) / len(mine)
    wrong = [a.line() for a in mine if a.confidently_wrong]
    message = "\n".join([f"{group}: passed {rate:.1%}, wrong {wrong_rate:.1%}", *wrong])
    floor, ceiling = FLOORS[group]
    assert rate >= floor, message
    assert wrong_rate <= ceiling, message


# ---------------------------------------------------------------- typos still link


def typos(name: str) -> dict[str, list[str]]:
    """One-letter typos of the longest word (a letter dropped, two swapped, one doubled); a
    two-letter typo (a letter dropped in two words, or twice in one) when the name has ten
    letters or more: shorter, two edits leave less of it than the linker may take for it
    (about one edit in five letters)."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word, middle = words[longest], len(words[longest]) // 2

    def replaced(changes: dict[int, str]) -> str:
        return " ".join(changes.get(i, w) for i, w in enumerate(words))

    dropped = word[:middle] + word[middle + 1 :]
    one = [
        replaced({longest: dropped}),
        replaced(
            {longest: word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]}
        ),
        replaced({longest: word[:middle] + word[middle] + word[middle:]}),
    ]
    two = []
    if len(name.replace(" ", "")) >= 10:
        others = [i for i in range(len(words)) if i != longest and len(words[i]) >= 3]
        if others:
            other = words[others[0]]
            two.append(replaced({longest: dropped, others[0]: other[:-2] + other[-1]}))
        else:
            two.append(replaced({longest: dropped[:1] + dropped[2:]}))
    return {"one letter": one, "two letters": two}


def links_to(index: EntityIndex, text: str, entity_id: str) -> bool:
    """The linker's mentions in "Who is <text>?" agree on the entity alone: "Xinlei Chen"
    misspelt may give "Xinlei" (hers) and "Chen" (hers or another Chen's), not "Chen" alone."""
    mentions = index.link(normalize(f"Who is {text}?").split())
    if not mentions:
        return False
    common = set.intersection(*(set(m.entity_ids) for m in mentions))
    return common == {entity_id}


@pytest.fixture(scope="module")
def third_base() -> KnowledgeBase:
    return kb.load(DATA / "third_article")


def test_a_typo_of_a_known_full_name_still_links(
    base: KnowledgeBase, third_base: KnowledgeBase
) -> None:
    results: dict[str, list[tuple[str, bool]]] = {kind: [] for kind in TYPO_FLOORS}
    for known_base in (base, third_base):
        index = EntityIndex(known_base, lx.STOPWORDS)
        known = known_names(known_base)
        for entity in known_base.entities.values():
            if entity.type != "person" or len(entity.name.en.split()) < 2:
                continue
            for kind, variants in typos(entity.name.en).items():
                for typo in variants:
                    if normalize(typo) not in known:
                        linked = links_to(index, typo, entity.id)
                        results[kind].append((f"{typo} ({entity.id})", linked))
    for kind, floor in TYPO_FLOORS.items():
        got = results[kind]
        assert got, f"no {kind} typo was made"
        rate = sum(ok for _, ok in got) / len(got)
        missed = [typo for typo, ok in got if not ok]
        assert rate >= floor, f"{kind}: {rate:.1%} linked; missed: {missed}"


class SayingYes:
    """An engine stand-in on the real base that says Yes to everything."""

    def __init__(self, base: KnowledgeBase) -> None:
        self.kb = base

    def answer(self, question: str, state=None) -> tuple[Answer, State]:
        return Answer(kind="answer", language="en", text="Yes.", confidence=1.0), State()


def test_an_engine_saying_yes_to_strangers_breaks_every_ceiling(base: KnowledgeBase) -> None:
    asked = ask_strangers(SayingYes(base))
    for group, (_, ceiling) in FLOORS.items():
        mine = [a for a in asked if a.group == group]
        assert sum(a.confidently_wrong for a in mine) / len(mine) > ceiling, group
