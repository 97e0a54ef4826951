"""A realistic synthetic news base, for `python -m bot bench --scale`.

Articles of several sentences, each sentence one typed fact of a mixed kind (moves, roles,
leads, offers, head counts, statements, places, work on products) plus one scene-setting
sentence; people in several articles whose moves chain (A → B, then B → C), surnames shared
by several people (declared ambiguous), aliases, units part of companies, products, places and
media. The questions asked of it are drawn from its own facts: profiles, surnames alone (a
clarification, then the choice), follow-ups, moves by side, dates, yes/no, leaders, counts,
offers, quotes, typos, questions naming nobody and chatter.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
MONTHS_EN = "January February March April May June July August September October November December"
SYLLABLES = (
    "ka lo mi ra sen tu vi no be ha ri zo el an dre ma li ta ko ne sa yu fe gi or da pa lu "
    "ven ti ro mar ces bal dor kir nes tal vor len"
).split()
COMPANY_SUFFIXES = ("Labs", "Systems", "Robotics", "Dynamics", "Compute")
UNIT_NAMES = ("Research", "Superintelligence Lab", "Applied AI", "Foundations")
ROLES = (
    ("directeur scientifique", "chief scientist"),
    ("chercheur principal", "principal researcher"),
    ("vice-président de l'ingénierie", "vice president of engineering"),
    ("responsable des modèles", "head of models"),
    ("ingénieur en infrastructure", "infrastructure engineer"),
)
QUOTES = (
    ("Nous construisons l'avenir", "We are building the future"),
    ("Le talent décide de tout", "Talent decides everything"),
    ("Nous ne suivrons pas ces salaires", "We will not match these salaries"),
)
FACTS_PER_PERSON = 7  # about one person for every seven facts
PEOPLE_PER_SURNAME = 2.5  # surnames are shared: "Qui est Chen ?" needs a clarification
FACTS_PER_COMPANY = 150


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(low, high))).capitalize()


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-").replace("--", "-")


def _unique_words(rng: random.Random, count: int, low: int, high: int, taken: set[str]) -> list:
    words: list[str] = []
    while len(words) < count:
        word = _word(rng, low, high)
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


@dataclass
class Company:
    id: str
    name: str
    short: str  # an alias: the name without its suffix
    unit: tuple[str, str] | None  # (id, name) of a unit part of it
    product: tuple[str, str] | None  # (id, name) of a product it makes
    place: str  # the id of the city it is based in
    leader: str  # the person id who leads it (or its unit)


@dataclass
class World:
    """The made-up entities, and what the articles say of them as they are written."""

    rng: random.Random
    companies: list[Company] = field(default_factory=list)
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (first, surname)
    places: dict[str, str] = field(default_factory=dict)
    media: dict[str, str] = field(default_factory=dict)
    employer: dict[str, int] = field(default_factory=dict)  # person -> company index
    facts: list[dict] = field(default_factory=list)
    context: list[dict] = field(default_factory=list)

    def name(self, person: str) -> str:
        first, last = self.people[person]
        return f"{first} {last}"


def build_world(rng: random.Random, facts: int) -> World:
    world = World(rng)
    taken: set[str] = set()
    for city in _unique_words(rng, 20, 2, 3, taken):
        world.places[_slug(city)] = city
    for medium in _unique_words(rng, 8, 2, 2, taken):
        world.media[_slug(f"{medium} News")] = f"{medium} News"
    surnames = _unique_words(
        rng, max(4, int(facts / FACTS_PER_PERSON / PEOPLE_PER_SURNAME)), 3, 4, taken
    )
    firsts = _unique_words(rng, 300, 2, 2, taken)
    full: set[tuple[str, str]] = set()
    while len(full) < max(8, facts // FACTS_PER_PERSON):
        full.add((rng.choice(firsts), rng.choice(surnames)))
    for n, pair in enumerate(sorted(full)):
        world.people[f"p{n:06d}"] = pair
    people = list(world.people)
    for n, short in enumerate(_unique_words(rng, max(12, facts // FACTS_PER_COMPANY), 2, 3, taken)):
        name = f"{short} {COMPANY_SUFFIXES[n % len(COMPANY_SUFFIXES)]}"
        unit = (f"{_slug(name)}-unit", f"{short} {rng.choice(UNIT_NAMES)}") if n % 3 else None
        product = None
        if n % 2 == 0:
            label = _unique_words(rng, 1, 2, 3, taken)[0]
            product = (_slug(f"{label}-model"), label)
        world.companies.append(
            Company(
                _slug(name),
                name,
                short,
                unit,
                product,
                rng.choice(list(world.places)),
                rng.choice(people),
            )
        )
    for person in people:
        world.employer[person] = rng.randrange(len(world.companies))
    return world


def _when(rng: random.Random) -> tuple[dict, str, str]:
    year, month = rng.choice((2024, 2025, 2026)), rng.randrange(12)
    fr = f"{MONTHS_FR.split()[month]} {year}"
    en = f"{MONTHS_EN.split()[month]} {year}"
    return {"year": year, "month": month + 1}, fr, en


def write_article(world: World, n: int, directory: Path) -> None:
    """One article: a move of someone (the next link of their chain), then what goes with it."""
    rng = world.rng
    article = f"news-{n:06d}"
    person = rng.choice(list(world.people))
    source = world.companies[world.employer[person]]
    moved_to = (world.employer[person] + rng.randrange(1, len(world.companies))) % len(
        world.companies
    )
    dest = world.companies[moved_to]
    world.employer[person] = moved_to
    name, when = world.name(person), _when(rng)
    sentences: list[str] = []

    def fact(kind: str, sentence: str, text: tuple[str, str], **fields: object) -> None:
        sentences.append(sentence)
        world.facts.append(
            {
                "id": f"{article}-{len(sentences)}",
                "type": kind,
                **fields,
                "text": {"fr": text[0], "en": text[1]},
                "citations": [{"article": article, "sentence": sentence}],
            }
        )

    move = rng.randrange(3)
    if move == 0:
        fact(
            "joined",
            f"{name} a rejoint {dest.name} en {when[1]}, après des années chez {source.name}.",
            (f"{name} a rejoint {dest.name}, venant de {source.name}.",
             f"{name} joined {dest.name} from {source.name} in {when[2]}."),
            subject=person, object=dest.id, **{"from": source.id}, when=when[0],
        )  # fmt: skip
    elif move == 1:
        fact(
            "left",
            f"{name} a quitté {source.name} pour {dest.name} en {when[1]}.",
            (f"{name} a quitté {source.name} pour {dest.name}.",
             f"{name} left {source.name} for {dest.name} in {when[2]}."),
            subject=person, object=source.id, to=dest.id, when=when[0],
        )  # fmt: skip
    else:
        fact(
            "hired",
            f"{dest.name} a recruté {name}, jusque-là chez {source.name}, en {when[1]}.",
            (f"{dest.name} a recruté {name}, venu de {source.name}.",
             f"{dest.name} hired {name} from {source.name} in {when[2]}."),
            subject=dest.id, object=person, **{"from": source.id}, when=when[0],
        )  # fmt: skip
    extras: list[Callable[[], None]] = [
        lambda: _role(fact, name, person, dest),
        lambda: _leads(fact, world, dest),
        lambda: _amount(fact, rng, name, person, dest),
        lambda: _count(fact, rng, dest),
        lambda: _statement(fact, world, dest),
        lambda: _location(fact, world, dest),
        lambda: _worked_on(fact, name, person, source),
        lambda: _hired_many(fact, rng, dest, source, when),
    ]
    for extra in rng.sample(extras, rng.randint(3, 6)):
        extra()
    scene = f"{dest.name} recrute activement des ingénieurs depuis des mois."
    sentences.append(scene)
    world.context.append({"article": article, "sentence": scene})
    front = (
        f"---\nid: {article}\ntitle: {name} rejoint {dest.name}\nlanguage: fr\n"
        f"date: '{when[0]['year']}-{when[0]['month']:02d}-15'\n---\n"
    )
    (directory / "articles" / f"{article}.txt").write_text(
        front + " ".join(sentences) + "\n", encoding="utf-8"
    )


def _role(fact: Callable, name: str, person: str, dest: Company) -> None:
    fr, en = ROLES[int(person[1:]) % len(ROLES)]
    fact(
        "role",
        f"Chez {dest.name}, {name} occupera le poste de {fr}.",
        (f"{name} est {fr} chez {dest.name}.", f"{name} is {en} at {dest.name}."),
        subject=person, object=dest.id, role={"fr": fr, "en": en}, tense="current",
    )  # fmt: skip


def _leads(fact: Callable, world: World, dest: Company) -> None:
    led_id, led = dest.unit or (dest.id, dest.name)
    leader = world.name(dest.leader)
    fact(
        "leads",
        f"{leader} dirige {led} depuis l'an dernier.",
        (f"{leader} dirige {led}.", f"{leader} leads {led}."),
        subject=dest.leader, object=led_id, tense="current",
    )  # fmt: skip


def _amount(fact: Callable, rng: random.Random, name: str, person: str, dest: Company) -> None:
    value = rng.choice((5, 10, 25, 50, 100, 200))
    fact(
        "amount",
        f"Selon la presse, {dest.name} aurait offert {value} millions de dollars à {name}.",
        (f"{dest.name} aurait offert {value} millions de dollars à {name}.",
         f"{dest.name} reportedly offered {name} {value} million dollars."),
        subject=dest.id, object=person, modality="reported",
        amount={"value": value * 1_000_000, "currency": "USD", "qualifier": "exact"},
    )  # fmt: skip


def _count(fact: Callable, rng: random.Random, dest: Company) -> None:
    value = rng.randrange(40, 900)
    fact(
        "count",
        f"{dest.name} compte désormais {value} employés.",
        (f"{dest.name} compte {value} employés.", f"{dest.name} has {value} employees."),
        subject=dest.id, quantity={"value": value, "unit": {"fr": "employés", "en": "employees"}},
    )  # fmt: skip


def _statement(fact: Callable, world: World, dest: Company) -> None:
    fr, en = world.rng.choice(QUOTES)
    medium = world.rng.choice(list(world.media))
    speaker = world.name(dest.leader)
    fact(
        "statement",
        f"« {fr} », a déclaré {speaker} à {world.media[medium]}.",
        (f"{speaker} a déclaré : « {fr} ».", f"{speaker} said: “{en}”."),
        subject=dest.leader, about=[dest.id], via=medium,
    )  # fmt: skip


def _location(fact: Callable, world: World, dest: Company) -> None:
    city = world.places[dest.place]
    fact(
        "location",
        f"{dest.name} est basée à {city}.",
        (f"{dest.name} est basée à {city}.", f"{dest.name} is based in {city}."),
        subject=dest.id, place=dest.place,
    )  # fmt: skip


def _worked_on(fact: Callable, name: str, person: str, source: Company) -> None:
    if source.product is None:
        return
    product_id, product = source.product
    fact(
        "worked_on",
        f"{name} a travaillé sur {product} chez {source.name}.",
        (f"{name} a travaillé sur {product}.", f"{name} worked on {product}."),
        subject=person, object=product_id, tense="past",
    )  # fmt: skip


def _hired_many(
    fact: Callable, rng: random.Random, dest: Company, source: Company, when: tuple
) -> None:
    value = rng.randrange(3, 40)
    fact(
        "hired",
        f"{dest.name} a recruté au moins {value} ingénieurs de {source.name} en {when[1]}.",
        (f"{dest.name} a recruté au moins {value} ingénieurs de {source.name}.",
         f"{dest.name} hired at least {value} engineers from {source.name} in {when[2]}."),
        subject=dest.id, **{"from": source.id}, when=when[0],
        quantity={"value": value, "qualifier": "at_least",
                  "unit": {"fr": "ingénieurs", "en": "engineers"}},
    )  # fmt: skip


def write_news_base(directory: Path, facts: int, seed: int = 11) -> World:
    """A valid base of about `facts` facts in articles of four to eight sentences."""
    world = build_world(random.Random(seed), facts)
    (directory / "articles").mkdir(parents=True)
    n = 0
    while len(world.facts) < facts:
        write_article(world, n, directory)
        n += 1
    entities = _entities(world)
    surnames: dict[str, int] = {}
    for _, last in world.people.values():
        surnames[last] = surnames.get(last, 0) + 1
    shared = sorted(s for s, k in surnames.items() if k > 1)
    (directory / "entities.yaml").write_text(
        _dump({"ambiguous_names": shared, "entities": entities}),
        encoding="utf-8",
    )
    (directory / "facts.yaml").write_text(
        _dump({"facts": world.facts, "context": world.context}),
        encoding="utf-8",
    )
    about = {
        "summary": {"fr": "Base synthétique.", "en": "Synthetic base."},
        "examples_fr": ["Qui est qui ?"] * 3,
        "examples_en": ["Who is who?"] * 3,
    }
    (directory / "about.yaml").write_text(yaml.safe_dump(about), encoding="utf-8")
    return world


def _dump(data: dict) -> str:
    """YAML through libyaml when PyYAML has it: a large base is written ten times faster."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)


def _entities(world: World) -> list[dict]:
    def entity(id_: str, kind: str, name: str, fr: str, en: str, **more: object) -> dict:
        return {"id": id_, "type": kind, "name": {"fr": name, "en": name}, **more,
                "description": {"fr": fr, "en": en}}  # fmt: skip

    out = [
        entity(i, "place", c, f"Ville de {c}.", f"City of {c}.") for i, c in world.places.items()
    ]
    out += [entity(i, "media", m, f"Média {m}.", f"Outlet {m}.") for i, m in world.media.items()]
    for c in world.companies:
        out.append(entity(c.id, "organization", c.name, f"Entreprise {c.name}.",
                          f"Company {c.name}.", aliases=[c.short]))  # fmt: skip
        if c.unit:
            out.append(entity(c.unit[0], "unit", c.unit[1], f"Unité de {c.name}.",
                              f"Unit of {c.name}.", part_of=c.id))  # fmt: skip
        if c.product:
            out.append(entity(c.product[0], "product", c.product[1], f"Modèle de {c.name}.",
                              f"Model by {c.name}."))  # fmt: skip
    for person, (first, last) in world.people.items():
        home = world.companies[world.employer[person]].name
        out.append(entity(person, "person", f"{first} {last}", f"Chercheur passé par {home}.",
                          f"Researcher, lately at {home}.", aliases=[last]))  # fmt: skip
    return out


Session = list[str]  # questions asked in one conversation, in order


def question_sessions(world: World, rng: random.Random, count: int) -> list[Session]:
    """`count` conversations of one to three questions drawn from the base's own facts."""
    return [session for _, session in labelled_sessions(world, rng, count)]


def labelled_sessions(world: World, rng: random.Random, count: int) -> list[tuple[str, Session]]:
    """`question_sessions`, each with the name of its family (the same draws, the same
    questions): what `python -m bot.testing.tail` reports the slowest by."""
    moves = [f for f in world.facts if f["type"] in ("joined", "left", "hired") and "object" in f]
    names = {c.id: c.name for c in world.companies}
    units = {c.unit[0]: c.unit[1] for c in world.companies if c.unit}

    def move_sides(f: dict) -> tuple[str, str, str]:
        if f["type"] == "joined":
            return f["subject"], f["from"], f["object"]
        if f["type"] == "left":
            return f["subject"], f["object"], f["to"]
        return f["object"], f["from"], f["subject"]

    def pick() -> tuple[str, str, str, str]:
        mover, source, dest = move_sides(rng.choice(moves))
        return world.name(mover), world.people[mover][1], names[source], names[dest]

    def session() -> tuple[str, Session]:
        person, surname, source, dest = pick()
        company = rng.choice(world.companies)
        first = person.split()[0]
        led = units.get(company.unit[0]) if company.unit else company.name
        month = lambda: rng.choice(MONTHS_FR.split())  # noqa: E731 (drawn only when chosen)
        sessions: list[tuple[str, Callable[[], Session]]] = [
            ("profile, when", lambda: [f"Who is {person}?", "And when did he join?"]),
            ("profile fr, before", lambda: [f"Qui est {person} ?", "Et avant ?"]),
            ("surname, clarified", lambda: [f"Qui est {surname} ?", f"{first} {surname}"]),
            ("joined from, when", lambda: [f"Who joined {dest} from {source}?", "When?"]),
            ("left", lambda: [f"Qui a quitté {source} ?"]),
            ("when joined", lambda: [f"When did {person} join {dest}?"]),
            ("still at, and at", lambda: [f"Is {person} still at {source}?", f"And at {dest}?"]),
            ("yes/no joined", lambda: [f"{person} a-t-il rejoint {dest} ?"]),
            ("leads", lambda: [f"Who leads {led}?"]),
            ("head count", lambda: [f"Combien d'employés compte {company.name} ?"]),
            ("offer", lambda: [f"How much did {dest} offer {person}?"]),
            ("where based", lambda: [f"Where is {company.short} based?"]),
            ("said", lambda: [f"What did {world.name(company.leader)} say?"]),
            ("typo", lambda: [f"tell me about {typo(person, rng)} please"]),
            ("joined in month", lambda: [f"Qui a rejoint {dest} en {month()} 2025 ?"]),
            ("hired from, how many", lambda: [f"Who did {dest} hire from {source}?", "How many?"]),
            ("hired in month", lambda: ["Who was hired in March 2025?"]),
            ("amount named", lambda: ["What are the 25 million dollars?"]),
            ("foreign", lambda: ["Quelle est la météo à Lyon demain ?"]),
            ("greeting", lambda: ["Bonjour"]),
        ]
        label, make = rng.choice(sessions)
        return label, make()

    return [session() for _ in range(count)]


def typo(name: str, rng: random.Random) -> str:
    """Swap two adjacent letters of the longest word: what people type in a hurry."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 4:
        i = rng.randrange(1, len(word) - 2)
        words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)
