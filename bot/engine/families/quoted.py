"""The element a question asks of a sentence no typed fact reads (only a `mention`): its date,
its sum, its place or the people it names, worded in the asker's language, with the sentence
quoted.

A mention's phrasing in the other language than its article's only names its entities ("The
article names X with Y."), so a question in that language shares no word with the sentence.
It still names the sentence's entities and asks when, how much, where or who: when every
entity the question names is in that one sentence and the sentence holds the element asked
(one value across all such sentences), that element is the answer. Otherwise nothing is
answered here: never a guess, never a verdict.
"""

from __future__ import annotations

from bot.engine.compose import Result
from bot.engine.factindex import PERSON
from bot.engine.measures import asks_money
from bot.engine.replies import words
from bot.engine.toolkit import Toolkit
from bot.kb import Fact
from bot.kb.facttypes import MENTION_TYPES
from bot.kb.schema import When
from bot.nlu import lexicon as lx
from bot.nlu.numbers import day_beside
from bot.nlu.parsing import Query
from bot.text import normalize

BACKERS = frozenset({"invest", "acquire"})  # relations whose agent may be a firm
ASKED = frozenset({"when", "how_much", "how_many", "where", "who", "what", "which"})


def asked_element(tk: Toolkit, query: Query) -> Result | None:
    """The asked element of the one sentence naming all the question's entities, or None."""
    if query.yesno or query.qword not in ASKED or not query.entities:
        return None
    if query.qword in ("what", "which") and asked_type(query) is None:
        return None  # "what did X say?": no element a sentence's names give
    if query.qword == "who" and not (query.relations or query.content):
        return None  # "who is X?": a profile, not the others a sentence names
    wanted = frozenset(e.id for e in query.entities)
    found: dict[str, tuple[int, Fact]] = {}
    asked = asked_words(tk, query)
    mentions = {e: mentions_naming(tk, e) for e in wanted}
    if query.qword == "when":  # a typed fact its sentence's dates were too many to date
        mentions = {e: [*listed, *undated(tk, e)] for e, listed in mentions.items()}
    elif query.qword in ("how_much", "how_many") and asks_money(query) and len(wanted) > 1:
        # A sum drafted without its other side ("X a investi 4 milliards" in a clause about
        # Y): the sentence must name both; one entity's sums are the selection's to weigh.
        mentions = {e: [*listed, *summed(tk, e)] for e, listed in mentions.items()}
    # Each candidate once: a sum drafted on one side ("X: $4 billion") is in X's list only.
    pool = {f.id: f for e in sorted(wanted) for f in mentions[e]}
    for fact in pool.values():
        entities = named_in(tk, sentence_key(fact))
        if not wanted <= entities:
            continue
        if query.qword == "when" and dated_by_another(tk, fact, wanted):
            continue  # "X, founded in 2021, where Y will join Z": 2021 is the founding's
        element = element_of(tk, query, fact, entities - wanted)
        if element:
            met = shared(asked, fact.citations[0].sentence or "")
            if (
                query.qword == "who"
                and asked
                and not met
                and written_in(tk, fact) == query.language
            ):
                continue  # the people a sentence names answer "who…?" only if it says what
            if element not in found or met > found[element][0]:
                found[element] = (met, fact)
    if len(found) > 1:
        # Several sentences answer differently: the one alone in sharing words with the
        # question (its cognates: "formal" and "formel") is the one asked about.
        best = max(score for score, _ in found.values())
        found = {k: v for k, v in found.items() if v[0] == best} if best else found
    if len(found) != 1:
        return None  # nowhere, or several sentences answering differently: not settled here
    ((element, (_, fact)),) = found.items()
    return tk.composer.compose(query, [fact], confidence=0.6, lead=element)


COGNATE = 4  # letters two words of the two languages share at their start to meet
SHORTEST = 5  # a shorter word meets nothing: too many words share four letters


def asked_words(tk: Toolkit, query: Query) -> frozenset[str]:
    """The question's own words, not its names: what it asks of the sentence."""
    names = {w for e in query.entities for w in normalize(tk.kb.entities[e.id].name.en).split()}
    names |= {w for e in query.entities for w in normalize(tk.kb.entities[e.id].name.fr).split()}
    return frozenset(w[:COGNATE] for w in query.keywords if len(w) >= SHORTEST and w not in names)


def shared(asked: frozenset[str], sentence: str) -> int:
    """How many of the question's words meet a word of the sentence, in either language."""
    starts = {w[:COGNATE] for w in normalize(sentence).split() if len(w) >= SHORTEST}
    return len(asked & starts)


def element_of(tk: Toolkit, query: Query, fact: Fact, others: frozenset[str]) -> str | None:
    """The element `query` asks for, as `fact`'s sentence holds it, in the asker's language."""
    lang = query.language
    if query.qword == "when":
        if fact.when:
            return date_text(fact.when, lang)
        dated = asked_date(asked_words(tk, query), fact.citations[0].sentence or "")
        return date_text(dated, lang) if dated else None
    if query.qword in ("how_much", "how_many"):
        if asks_money(query):
            return tk.replies.measure(fact, lang) if fact.amount else None
        if fact.quantity is None or not counts_the_asked(tk, query, fact):
            return None
        counted = fact.model_copy(update={"amount": None})  # the count, not the sentence's sum
        return tk.replies.measure(counted, lang)
    if query.qword == "where":
        places = [e for e in others if tk.facts.type_of(e) == "place"]
        places = [e for e in places if e not in placed_in(tk, sentence_key(fact))]
        if len(places) != 1:
            return None  # none, or two: which one is the asked entity's, the sentence hides
        return f"{tk.kb.entities[places[0]].name.get(lang)}."
    kinds = {PERSON} if query.qword == "who" else {asked_type(query)}
    if query.qword == "who" and query.relations & BACKERS:
        kinds.add("organization")  # "who invested?": firms back rounds as people do
    sentence = normalize(fact.citations[0].sentence or "")
    named = sorted(
        (e for e in others if tk.facts.type_of(e) in kinds),
        key=lambda e: position(sentence, tk.kb.entities[e].name.get(lang)),
    )
    if not named:
        return None
    return tk.replies.join_names([tk.kb.entities[e].name.get(lang) for e in named], lang)


def counts_the_asked(tk: Toolkit, query: Query, fact: Fact) -> bool:
    """The sentence counts what the question does, by its unit's word in the asker's language
    ("users" for "how many users", "people" for "how many people"): "the two companies" is no
    count of researchers, nor "employees" one of researchers."""
    assert fact.quantity is not None
    unit = normalize(fact.quantity.unit.get(query.language)).split()
    asked = tk.facts.stems(query.words, query.language)
    return bool(asked & tk.facts.stems(frozenset(unit), query.language))


def asked_type(query: Query) -> str | None:
    """ "Which products…?", "quelle société…?": the kind of entity asked for."""
    kinds = {lx.TYPE_NOUNS[w] for w in query.words if w in lx.TYPE_NOUNS}
    return kinds.pop() if len(kinds) == 1 else None


def position(sentence: str, name: str) -> int:
    """Where `name` first appears in the (normalised) sentence: names are given in its order."""
    at = sentence.find(normalize(name))
    return at if at >= 0 else len(sentence)


def date_text(when: When, language: str) -> str | None:
    """ "On July 16, 2024.", "Le 16 juillet 2024.", "In June 2023.", "En 2014."."""
    if when.month is None and when.year is None:
        return None
    months = words(language).MONTH_NAMES
    parts = []
    if when.month is not None:
        month = months[when.month - 1]
        if when.day is not None:
            month = f"{when.day} {month}" if language == "fr" else f"{month} {when.day}"
            month += "," if language == "en" and when.year else ""
        parts.append(month)
    if when.year is not None:
        parts.append(str(when.year))
    text = " ".join(parts)
    if when.since:
        lead = "Depuis" if language == "fr" else "Since"
    elif when.day is not None and when.month is not None:
        lead = "Le" if language == "fr" else "On"
    else:
        lead = "En" if language == "fr" else "In"
    return f"{lead} {text}."


NEAR = 4  # words between the asked word and its date ("annoncée le 21 mai")


def asked_date(asked: frozenset[str], sentence: str) -> When | None:
    """Of a sentence naming several dates (which no fact of it holds), the one written right
    after a word the question asks about ("annoncée le 21 mai et finalisée le 9 juillet":
    announced, 21 May); None when no asked word has one date after it."""
    words = normalize(sentence).split()
    found = set()
    for i, word in enumerate(words):
        if len(word) < SHORTEST or word[:COGNATE] not in asked:
            continue
        for j in range(i + 1, min(i + 1 + NEAR, len(words))):
            month = lx.MONTHS.get(words[j])
            if month and (len(words[j]) > 3 or words[j - 1].isdigit()):
                day = day_beside(words, j)
                found.add(When(month=month, day=day, year=year_after(words, j)))
                break
    return found.pop() if len(found) == 1 else None


def year_after(words: list[str], i: int) -> int | None:
    near = [
        w for w in words[i + 1 : i + 3] if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")
    ]
    return int(near[0]) if near else None


def sentence_key(fact: Fact) -> tuple[str, str]:
    c = fact.citations[0]
    return (c.article or "", c.sentence or c.ref or "")


def named_in(tk: Toolkit, key: tuple[str, str]) -> frozenset[str]:
    """Every entity the facts citing the sentence `key` name."""
    return frozenset(p for f in tk.facts.citing(key) for p in f.participants())


def placed_in(tk: Toolkit, key: tuple[str, str]) -> frozenset[str]:
    """The places the typed facts citing the sentence `key` hold."""
    return frozenset(
        f.place for f in tk.facts.citing(key) if f.place and f.type not in MENTION_TYPES
    )


def dated_by_another(tk: Toolkit, fact: Fact, wanted: frozenset[str]) -> bool:
    """The mention's date is the one a typed fact of its sentence holds, about something
    other than the entities asked: it dates that fact, not them."""
    if fact.type not in MENTION_TYPES or fact.when is None:
        return False
    return any(
        f.type not in MENTION_TYPES
        and f.when == fact.when
        and not all(tk.facts.involves(f, e) for e in wanted)
        for f in tk.facts.same_sentence(fact)
    )


def summed(tk: Toolkit, entity_id: str) -> list[Fact]:
    """The typed facts involving `entity_id` that hold a sum."""
    return [
        f
        for f in tk.facts.involving.get(entity_id, ())
        if f.type not in MENTION_TYPES and f.amount is not None
    ]


def undated(tk: Toolkit, entity_id: str) -> list[Fact]:
    """The typed facts involving `entity_id` that hold no date, whose sentence names some."""
    return [
        f
        for f in tk.facts.involving.get(entity_id, ())
        if f.type not in MENTION_TYPES
        and f.when is None
        and lx.MONTHS.keys() & set(normalize(f.citations[0].sentence or "").split())
    ]


def mentions_naming(tk: Toolkit, entity_id: str) -> list[Fact]:
    """The mentions, in base order, of the sentences that a fact naming `entity_id` cites:
    read from the facts involving it and their articles, never from every fact."""
    keys = {
        (c.article or "", c.sentence or c.ref or "")
        for f in tk.facts.involving.get(entity_id, ())
        if entity_id in f.participants()
        for c in f.citations
    }
    found = [
        f
        for article in {key[0] for key in keys}
        for f in tk.facts.by_article.get(article, ())
        if f.type in MENTION_TYPES and sentence_key(f) in keys
    ]
    return tk.facts.in_order(found)


def written_in(tk: Toolkit, fact: Fact) -> str | None:
    """The language of the article the fact's sentence comes from."""
    article = tk.kb.articles.get(fact.citations[0].article or "")
    return article.meta.language if article else None
