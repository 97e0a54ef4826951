"""Entity linking: find the knowledge base's entities in a question despite typos and aliases.

Exact alias lookup on word n-grams comes first (longest span wins). The words left over are
fuzzy-matched, but never against every alias: a character-trigram index proposes candidates
and rapidfuzz scores only those.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.kb import Article, KnowledgeBase
from bot.kb.forked import NOTHING, Forked
from bot.nlu.names import capitalised_words, language_words
from bot.text import normalize, tokens

MAX_SPAN = 5  # longest alias, in words, looked up exactly
MAX_FUZZY_SPAN = 3
MIN_FUZZY_CHARS = 5  # shorter words are too often ordinary words to be fuzzy-matched
MIN_WORD_SIMILARITY = 0.5  # each word of a multi-word fuzzy match, against its counterpart
# Each word of a misspelt full name against the real one's: "alexander" is "alexandr", but
# "rafael" is not "daniel", although "rafael rowland" is close to "daniel rowland" overall.
MIN_TYPO_WORD_SIMILARITY = 0.7
MIN_COMMON_POSTING = 64  # below this, no trigram is too common to index


def fuzzy_cutoff(length: int) -> float:
    """Similarity (0-100) a span of `length` characters needs: about one edit per five letters."""
    return 80.0 if length < 10 else 78.0


@dataclass(frozen=True)
class Mention:
    """A span of the question's words that names one entity, or several when ambiguous."""

    start: int  # index of the first word (in normalised words)
    end: int  # one past the last word
    surface: str  # the normalised words of the span
    entity_ids: tuple[str, ...]
    score: float  # 100 for an exact alias, less for a fuzzy match

    @property
    def ambiguous(self) -> bool:
        return len(self.entity_ids) > 1


def _trigrams(key: str) -> set[str]:
    padded = f"  {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _words_align(span: list[str], key: list[str], minimum: float = MIN_WORD_SIMILARITY) -> bool:
    """Word for word, a typo stays a typo: no word of a same-length span is another word."""
    if len(span) != len(key) or len(span) == 1:
        return True
    return all(
        DamerauLevenshtein.normalized_similarity(a, b) >= minimum
        for a, b in zip(span, key, strict=True)
    )


@dataclass(frozen=True)
class ArticleReading:
    """What the entity index reads from the articles' texts alone, so that it can be read
    while the facts are still being parsed (`bot.kb.load`'s `meanwhile`)."""

    articles: dict[str, Article]  # the articles read: an index over others reads them again
    capitalised: frozenset[str]  # the names they write (`capitalised_words`)
    words: frozenset[str]  # every word they write, normalised


def read_articles(articles: dict[str, Article]) -> ArticleReading:
    return ArticleReading(articles, *_names_and_words(articles))


def _names_and_words(articles: dict[str, Article]) -> tuple[frozenset[str], frozenset[str]]:
    texts = [article.text for article in articles.values()]
    words: set[str] = set()
    for text in texts:
        words.update(tokens(text))
    return capitalised_words(texts), frozenset(words)


READ_ASIDE_ARTICLES = 2_000  # below this, reading the articles costs about what a fork does
LATER = 10  # the niceness of a child whose work is wanted later than the others'


def reading(articles: dict[str, Article]) -> Callable[[], ArticleReading]:
    """`read_articles(articles)`, called when it is needed. A large base's are read by a
    forked child at a low priority: it yields the cores to the processes parsing the facts,
    then takes the one left while the facts are validated and indexed. The call waits for
    it, or reads them here when no child could."""
    child = None
    if len(articles) >= READ_ASIDE_ARTICLES:
        child = Forked.start(partial(_names_and_words, articles), nice=LATER)

    @cache
    def read() -> ArticleReading:
        found = child.result() if child is not None else NOTHING
        return read_articles(articles) if found is NOTHING else ArticleReading(articles, *found)

    return read


class EntityIndex:
    """Every name form of every entity, by exact key and by trigram, built once per base."""

    def __init__(
        self,
        base: KnowledgeBase,
        stopwords: frozenset[str],
        fact_words: frozenset[str] | None = None,
        read: Callable[[], ArticleReading] | None = None,
    ) -> None:
        """`fact_words`, every word the facts write (normalised), and `read`, what the
        articles' texts give (`reading`), when already read or being read."""
        self.stopwords = stopwords
        self.types = {entity.id: entity.type for entity in base.entities.values()}
        owners: dict[str, list[str]] = defaultdict(list)
        for entity in base.entities.values():
            for form in entity.names():
                key = normalize(form)
                if key and entity.id not in owners[key]:
                    owners[key].append(entity.id)
        self.exact: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in owners.items()}
        self.full_names = {
            normalize(form): entity.id
            for entity in base.entities.values()
            for form in (entity.name.fr, entity.name.en)
        }
        # Names the articles write (and the entities' words): a capitalised word among them in
        # a question is no unknown name ("Dojo", "LinkedIn").
        articles = read() if read is not None else None
        if articles is None or articles.articles is not base.articles:
            articles = read_articles(base.articles)
        self.known_names = articles.capitalised | frozenset(
            word for key in self.exact for word in key.split()
        )
        # People's first names: one beside a word the articles never write is someone else's
        # ("alan" of a known Alan before another surname).
        self.first_names = frozenset(
            normalize(form).split()[0]
            for entity in base.entities.values()
            if entity.type == "person"
            for form in (entity.name.fr, entity.name.en)
            if " " in normalize(form)
        )
        # Every word the articles and the facts (in both languages) write: two plain words in
        # a row that none of them writes nor the lexicons know can be a name ("sam altman").
        if fact_words is None:
            texts = [f"{fact.text.fr} {fact.text.en}" for fact in base.facts]
            fact_words = frozenset(word for text in texts for word in normalize(text).split())
        self.article_words = articles.words | fact_words
        # Only forms long enough to survive a typo are fuzzy targets.
        self.fuzzy_keys: list[str] = [k for k in self.exact if len(k) >= MIN_FUZZY_CHARS]
        by_trigram: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.fuzzy_keys):
            for gram in _trigrams(key):
                by_trigram[gram].append(i)
        # A trigram shared by a large share of all names tells them apart no better than
        # chance and costs the most to count: it is left out of the index.
        common = max(MIN_COMMON_POSTING, len(self.fuzzy_keys) // 50)
        self.by_trigram = {g: ids for g, ids in by_trigram.items() if len(ids) <= common}

    def candidates(self, span: str) -> list[str]:
        """Alias keys sharing enough trigrams with `span` to be worth scoring."""
        grams = _trigrams(span)
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(self.by_trigram.get(gram, ()))
        needed = max(2, len(grams) // 3)
        return [self.fuzzy_keys[i] for i, n in counts.items() if n >= needed]

    def link(self, words: list[str], protected: frozenset[str] = frozenset()) -> list[Mention]:
        """Mentions found in `words` (normalised tokens), left to right, non-overlapping.

        `protected` words (question words, cue verbs…) are never part of a fuzzy match.
        """
        taken = [False] * len(words)
        mentions: list[Mention] = []
        for size in range(min(MAX_SPAN, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start : start + size]):
                    continue
                key = " ".join(words[start : start + size])
                ids = self.exact.get(key)
                if ids and not (size == 1 and key in self.stopwords):
                    mentions.append(Mention(start, start + size, key, ids, 100.0))
                    for i in range(start, start + size):
                        taken[i] = True
        mentions.extend(self._fuzzy(words, taken, protected))
        return sorted(mentions, key=lambda m: m.start)

    def names_a_word(self, word: str) -> bool:
        """The articles write the word as a name, or in their text."""
        return word in self.known_names or word in self.article_words

    def partial_person(self, mention: Mention) -> bool:
        """The mention names a person, or several, by part of the name only ("Lind", "Strand")."""
        return mention.surface not in self.full_names and all(
            self.types.get(i) == "person" for i in mention.entity_ids
        )

    def full_name_typo(self, span: list[str]) -> Mention | None:
        """The entity whose full name `span` misspells ("alexander wang", "xinlei chenn"), for a
        run of name words whose parts linked one by one or not at all."""
        text = " ".join(span)
        keys = [k for k in self.candidates(text) if k in self.full_names and " " in k]
        best = process.extractOne(
            text,
            keys,
            scorer=DamerauLevenshtein.normalized_similarity,
            processor=None,  # both sides are already normalised by bot.text.normalize
            score_cutoff=fuzzy_cutoff(len(text)) / 100 - 0.001,
        )
        if best is None or not _words_align(span, best[0].split(), MIN_TYPO_WORD_SIMILARITY):
            return None
        return Mention(0, len(span), text, (self.full_names[best[0]],), round(best[1] * 100, 1))

    def _beside_unknown_word(
        self, words: list[str], free: list[bool], start: int, size: int
    ) -> bool:
        """Whether a partial name match stands next to a word no lexicon knows (another name)."""
        neighbours = [i for i in (start - 1, start + size) if 0 <= i < len(words)]
        return any(free[i] and len(words[i]) > 2 and not words[i].isdigit() for i in neighbours)

    def _fuzzy(
        self, words: list[str], taken: list[bool], protected: frozenset[str]
    ) -> list[Mention]:
        """Best-scoring non-overlapping fuzzy matches among the words exact lookup left free."""
        free = [
            not taken[i] and words[i] not in self.stopwords and words[i] not in protected
            for i in range(len(words))
        ]
        scored: list[tuple[float, int, int, str]] = []
        for size in range(1, min(MAX_FUZZY_SPAN, len(words)) + 1):
            for start in range(len(words) - size + 1):
                if not all(free[start : start + size]):
                    continue
                span = " ".join(words[start : start + size])
                if len(span.replace(" ", "")) < MIN_FUZZY_CHARS:
                    continue
                if size == 1 and span in language_words():
                    continue  # a word of the language ("clause") is no typo of a name ("Claude")
                choices = self.candidates(span)
                if not choices:
                    continue
                best = process.extractOne(
                    span,
                    choices,
                    scorer=DamerauLevenshtein.normalized_similarity,
                    processor=None,  # both sides are already normalised by bot.text.normalize
                    # Just below the cutoff: one edit in five letters is exactly 0.8, which
                    # rapidfuzz's distance bound rounds away at the cutoff itself.
                    score_cutoff=fuzzy_cutoff(len(span)) / 100 - 0.001,
                )
                if best is not None:
                    # Longer spans win ties: "ada lnid" beats "ada" alone.
                    scored.append((best[1] + size / 1000, start, size, best[0]))
        found: list[Mention] = []
        for score, start, size, key in sorted(scored, reverse=True):
            if not all(free[start : start + size]):
                continue
            if size < len(key.split()) and self._beside_unknown_word(words, free, start, size):
                continue  # an unknown word beside it: another name, not a typo of this one
            # "acme robotics" is not "zeta robotics"; a person's words are held closer: "ada
            # stroud" is someone else than Ada Strand, "ada strnad" a typo of her
            people = all(self.types.get(e) == "person" for e in self.exact[key])
            minimum = MIN_TYPO_WORD_SIMILARITY if people else MIN_WORD_SIMILARITY
            if not _words_align(words[start : start + size], key.split(), minimum):
                continue
            span = " ".join(words[start : start + size])
            found.append(Mention(start, start + size, span, self.exact[key], round(score * 100, 1)))
            for i in range(start, start + size):
                free[i] = False
        return found
