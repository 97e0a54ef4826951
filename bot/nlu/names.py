"""Every name in a question is accounted for: the names it writes that the base does not know.

A question about someone the articles never mention must not be answered with a fact about
someone else. A name is read from its capitals (in a message that mixes cases) or, in an
all-lowercase message, from a rare word (`wordfreq`) standing beside a linked name ("kjell
lind"). A name run counts as known only when every word of it is linked to an entity or is a
name the articles themselves write: "Bo Lind" is not Ada Lind, "Ada Strand" is not Ada Lind,
a product is known when an article names it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex
from wordfreq import top_n_list, zipf_frequency

from bot.nlu import lexicon as lx
from bot.nlu.actors import counted_object, move_actors
from bot.nlu.census_names import census_first_names, census_full_names
from bot.nlu.written_names import (
    TOKEN,
    as_written,
    described,
    name_inside,
    owned_after,
    possessors,
    word_spans,
)
from bot.text import normalize, shortened

if TYPE_CHECKING:
    from bot.nlu.linking import Mention

# Zipf frequencies (wordfreq's scale: 3 = once per million words, 6 = once per thousand).
# A capital at a sentence's start on so common a word is no name, nor on a lone very common
# word ("État", "Monday", "French"); a run of capitals ("Thinking Machines") is one however
# common its words.
FUNCTION_WORD_ZIPF = 4.5
LONE_COMMON_ZIPF = 4.8
RARE_WORD_ZIPF = 2.5  # rarer than this in the question's language: likely a name
NAME_PAIR_RARE_ZIPF = 3.0  # two unread words in a row: one this rare…
NAME_PAIR_OTHER_ZIPF = 4.6  # …and the other no commoner than this ("sam", "jimmy"): a name
# …or one a little less rare, written as such (no typo: "kaplan", "gomez"), beside one as
# common as a first name can be ("john", "chris").
NAME_PAIR_WORD_ZIPF = 3.7
NAME_PAIR_FIRST_ZIPF = 5.5
RARE_NAME_ZIPF = 3.3  # a lone word rarer than this in both languages, known to wordfreq…
RARE_NAME_LETTERS = 4  # …and this long ("mtn", "stp" are chat abbreviations): a name
ACCENTED_WORDS = 50_000  # the commonest French words, whose accents a chat may leave off
NAME_LANGUAGE_GAP = 1.0  # Zipf between French and English: a name's ("brown" 0.9, "biggest" 2.6)
# Words as common as this in both languages are shared words ("vision", "production"), where
# the brands a question names after "the boss of" are rarer ("samsung" 4.1, "oracle" 3.7).
OWNER_NAME_ZIPF = 4.3
LANGUAGE_WORDS = 100_000  # words of each language that a lone rare word must not be, nor be near
EXACT = 100.0  # a mention's score when its words are an alias as written
SHORT_ACRONYM = 3  # "AI", "IA", "CEO": short capitals common in the language are words

SENTENCE_ENDS = ".!?:;"


@lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    return zipf_frequency(word, language)


# A word with a capital whose last character before it that is not a space is no sentence's
# end (what `tokens` reads as not opening a sentence): one scan of the text, in C.
_CAPITALISED_IN_SENTENCE = regex.compile(
    rf"(?<=[^\s{regex.escape(SENTENCE_ENDS)}]\s*)(?<![^\W_])\p{{Uppercase}}[^\W_]*"
)


def capitalised_words(texts: Iterable[str]) -> frozenset[str]:
    """The normalised words the texts write with a capital past a sentence's start: the names
    the articles mention, entities or not."""
    written: set[str] = set()
    for text in texts:
        written.update(_CAPITALISED_IN_SENTENCE.findall(unicodedata.normalize("NFKC", text)))
    return frozenset(normalize(token) for token in written)


def tokens(text: str) -> list[tuple[str, bool]]:
    """The text's words as written, each with whether it opens a sentence: nothing but spaces
    before it, or a sentence's end (`.!?:;`) as the last character that is not a space."""
    text = unicodedata.normalize("NFKC", text)
    found = []
    last = ""  # the last character before the word that is not a space
    end = 0
    for match in TOKEN.finditer(text):
        gap = text[end : match.start()].rstrip()
        if gap:
            last = gap[-1]
        found.append((match.group(0), not last or last in SENTENCE_ENDS))
        end = match.end()
        last = text[end - 1]
    return found


def unknown_names(
    text: str,
    words: list[str],
    mentions: list[Mention],
    known_names: frozenset[str],
    is_lexicon_word: Callable[[str], bool],
    language: str,
    partial_person: Callable[[Mention], bool],
    article_words: frozenset[str] = frozenset(),
    cut: tuple[int, int] = (0, 0),
    first_names: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], frozenset[int], list[list[int]]]:
    """The names `text` writes that are neither linked (`mentions`) nor named in the articles
    (`known_names`), as written, one per run of name words; the word positions of those runs
    (a known surname inside "Bo Pang" names someone else); and every run of name words.
    `words` leave out the first and last `cut` words of `text` (a confirmation tag)."""
    raw = tokens(text)
    if len(raw) != len(words) + sum(cut):
        return (), frozenset(), []  # the normaliser split differently: say nothing, not guess
    raw = raw[cut[0] : len(raw) - cut[1]]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    flags = [False] * len(words)
    if not (text.islower() or text.isupper()):
        flags = _capitalised(raw, words, covered, is_lexicon_word, language)
    if _casual(text):
        # A chat in lower case names people in lower case, beside an acronym in capitals.
        beside = [m for m in mentions if partial_person(m)]
        unread = known_names | article_words
        rare = _rare_beside_names(
            words, beside, covered, is_lexicon_word, language, unread, first_names
        )
        lower = [text.isupper() or not token[:1].isupper() for token, _ in raw]
        flags = [f or (r and low) for f, r, low in zip(flags, rare, lower, strict=True)]
    spans = word_spans(text, cut[0])
    apposed = described(spans, words, covered, is_lexicon_word)
    owners = possessors(spans, words, covered, is_lexicon_word)
    owners |= owned_after(words, covered, is_lexicon_word, lambda w: _owner_like(w, language))
    flags = [f or i in apposed or i in owners for i, f in enumerate(flags)]
    names, positions = [], set()
    runs = _runs(flags)
    for run in runs:
        unknown = [
            i
            for i in run
            if i not in covered
            and words[i] not in known_names
            and len(words[i]) > 1
            and not _common_acronym(raw[i][0])
        ]
        lone_common = (
            len(run) == 1
            and zipf(words[run[0]], language) >= LONE_COMMON_ZIPF
            and run[0] not in owners
        )
        if unknown and not lone_common:
            names.append(as_written(spans, run))
            positions.update(run)
    return tuple(dict.fromkeys(names)), frozenset(positions), runs


def _casual(text: str) -> bool:
    """Written without a writer's capitals: all in one case, or opening in lower case."""
    first = next((c for c in text if c.isalpha()), "")
    return text.islower() or text.isupper() or first.islower()


def _capitalised(
    raw: list[tuple[str, bool]],
    words: list[str],
    covered: set[int],
    is_lexicon_word: Callable[[str], bool],
    language: str,
) -> list[bool]:
    """Which words are names by their capitals; a sentence's first word only when it is linked,
    or is no common word and not the engine's own (question words, auxiliaries…)."""
    # A common acronym ("AI") is a name's word only beside another capital ("Mistral AI").
    capital = [token[:1].isupper() for token, _ in raw]
    capital = [
        c and (not _common_acronym(t) or _beside(capital, i)) for i, (c, (t, _)) in
        enumerate(zip(capital, raw, strict=True))
    ]  # fmt: skip
    flags = []
    for i, (_, initial) in enumerate(raw):
        word = words[i]
        # "Figure AI": a word of the lexicon with a company's suffix, and the suffix, are a name.
        suffixed = i + 1 < len(raw) and capital[i + 1] and words[i + 1] in lx.COMPANY_SUFFIXES
        suffix = i > 0 and capital[i - 1] and word in lx.COMPANY_SUFFIXES
        in_name = suffixed or suffix
        if not capital[i] or (is_lexicon_word(word) and i not in covered and not in_name):
            flags.append(False)
        elif not initial or i in covered:
            flags.append(True)
        else:
            next_is_name = i + 1 < len(raw) and capital[i + 1] and not raw[i + 1][1]
            common = zipf(word, language) >= FUNCTION_WORD_ZIPF
            flags.append(not common and (next_is_name or zipf(word, language) < RARE_WORD_ZIPF))
    return name_inside(flags, capital, raw, words, covered)


def _beside(flags: list[bool], i: int) -> bool:
    return (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])


def _common_acronym(token: str) -> bool:
    return (
        token.isupper()
        and len(token) <= SHORT_ACRONYM
        and max(zipf(token.lower(), "en"), zipf(token.lower(), "fr")) >= RARE_WORD_ZIPF
    )


def _rare_beside_names(
    words: list[str],
    mentions: list[Mention],
    covered: set[int],
    is_lexicon_word: Callable[[str], bool],
    language: str,
    article_words: frozenset[str],
    first_names: frozenset[str],
) -> list[bool]:
    """Without capitals: a rare word right before or after a linked name is part of a name
    ("kimbal musk"), and the linked words with it; a word of no language ("babuschkin"), and
    two plain words in a row that the articles never write ("sam altman"), or a known
    person's first name beside one they never write (another surname); a plain word before
    a misspelt surname (another first name: someone else)."""
    flags = [i in covered for i in range(len(words))]
    rare = [
        i not in covered
        and not is_lexicon_word(w)
        and w.isalpha()  # "200m" is a figure
        and len(w) > 2
        and zipf(w, language) < RARE_WORD_ZIPF
        for i, w in enumerate(words)
    ]
    beside = {i for m in mentions for i in (m.start - 1, m.end) if 0 <= i < len(words) and rare[i]}
    # A word no language has, and no typo of one of its words, is a name on its own ("lample",
    # "babuschkin"), with the plain words next to it that the engine gives no job ("guillaume").
    alone = {
        i
        for i, w in enumerate(words)
        if i not in covered
        and i not in beside
        and _plain(w, is_lexicon_word)
        and w not in article_words
        and ((rare[i] and _no_word(w)) or _rare_name(w))
        and not _shortens(w, article_words)
    }
    unread = [
        i not in covered
        and _plain(w, is_lexicon_word)
        and w not in article_words
        and not _shortens(w, article_words)  # "strat", "superintel": cut short
        for i, w in enumerate(words)
    ]
    # A known first name, alone or linked alone ("helena" of Helena Varga), before a surname.
    partial = {i for m in mentions for i in range(m.start, m.end)}
    named = [
        _plain(w, is_lexicon_word) and w in first_names and (i not in covered or i in partial)
        for i, w in enumerate(words)
    ]
    alone |= _paired(words, unread, named, covered)
    plain = [i not in covered and _plain(w, is_lexicon_word) for i, w in enumerate(words)]
    alone |= move_actors(
        words, unread, plain, covered, lambda w: zipf(w, language), _first_name_like
    )
    # A census first name before a known surname is one even where it also starts a word of
    # the articles ("anne" of "année", "marc" of "marché")
    census = census_first_names()
    first_before = [u or (p and w in census) for u, p, w in zip(unread, plain, words, strict=True)]
    alone |= _before_surnames(words, first_before, mentions, first_names)
    for i in sorted(alone):
        for step in (-1, 1):
            j = i + step
            while (
                0 <= j < len(words)
                and j not in covered
                and _plain(words[j], is_lexicon_word)
                and not counted_object(words, j)
            ):
                alone.add(j)
                j += step
    beside |= alone
    beside |= census_full_names(words, covered, is_lexicon_word, article_words, language)
    for i in beside:
        flags[i] = True
    # Only runs holding such a word matter; a linked name alone stays a known name.
    return [f and (i in beside or _in_run_with(i, beside, flags)) for i, f in enumerate(flags)]


def _paired(words: list[str], unread: list[bool], named: list[bool], covered: set[int]) -> set[int]:
    """Two words in a row that make a name ("sam altman", a known "helena" before "cowen"),
    and a word before a company's suffix ("inflection ai")."""
    found: set[int] = set()
    for i in range(len(words) - 1):
        pair = (unread[i] or named[i]) and unread[i + 1] and _name_pair(words[i], words[i + 1])
        company = unread[i] and i + 1 not in covered and words[i + 1] in lx.COMPANY_SUFFIXES
        # "jan qirbani": a month's word as common as a first name, before a rare word.
        month = words[i] in lx.MONTHS and i not in covered and _first_name_like(words[i])
        dated = month and unread[i + 1] and _rarer_than(words[i + 1], NAME_PAIR_RARE_ZIPF)
        if pair or company or dated:
            found |= {i, i + 1}
        # "ada al zeta": a particle between the two words of a name pair.
        particle = i + 2 < len(words) and words[i + 1] in lx.NAME_PARTICLES
        around = particle and (unread[i] or named[i]) and unread[i + 2]
        if around and i + 1 not in covered and _name_pair(words[i], words[i + 2]):
            found |= {i, i + 1, i + 2}
    return found


def _before_surnames(
    words: list[str], unread: list[bool], mentions: list[Mention], first_names: frozenset[str]
) -> set[int]:
    """Another first name before a known surname is someone else's: before a misspelt one, any
    plain word not among the commonest; before an exact one, a word as a first name is
    ("isaac chuang")."""
    found = set()
    for mention in mentions:
        i = mention.start - 1
        if i < 0 or not unread[i]:
            continue
        misspelt = mention.score < EXACT and _rarer_than(words[i], NAME_PAIR_OTHER_ZIPF)
        surname = mention.surface not in first_names and _first_name_like(words[i])
        nickname = any(shortened(words[i], name) for name in first_names)  # "tom" of "tomasz"
        if (misspelt or surname) and not nickname:
            found.add(i)
    return found


def _name_pair(first: str, second: str) -> bool:
    """Two words a name could be: one rare in both languages, the other not among the commonest
    ("sam altman"; not "take frm", "data centers")."""
    (rarest, rarer), (other, commoner) = sorted(
        (max(zipf(w, "fr"), zipf(w, "en")), w) for w in (first, second)
    )
    if rarest < NAME_PAIR_RARE_ZIPF and other < NAME_PAIR_OTHER_ZIPF:
        return True
    spelt = rarer in language_words() or _no_word(rarer)  # not "recrutment"
    # A word as common as "john" is a first name only first ("compute center" is no name); a
    # name is about as frequent in French as in English, a word of one language is not.
    first_name = other < NAME_PAIR_OTHER_ZIPF or commoner == first
    both = all(abs(zipf(w, "fr") - zipf(w, "en")) < NAME_LANGUAGE_GAP for w in (first, second))
    return (
        spelt
        and first_name
        and both
        and rarest < NAME_PAIR_WORD_ZIPF
        and other < NAME_PAIR_FIRST_ZIPF
    )


def _rare_name(word: str) -> bool:
    """A rare word that wordfreq knows, as rare in French as in English ("hinton", "baidu"):
    a name, where a rare word of one language ("superperformant") or a typo is not."""
    return (
        len(word) >= RARE_NAME_LETTERS
        and word in language_words()
        and word not in accents_dropped()  # "alle", "inge": "allé", "ingé" typed plainly
        and _rarer_than(word, RARE_NAME_ZIPF)
        and abs(zipf(word, "fr") - zipf(word, "en")) < NAME_LANGUAGE_GAP
    )


def _owner_like(word: str, language: str) -> bool:
    """A word after "the boss of" that reads as a name: rare in the question's language, or as
    common in French as in English but less than the words both share ("zeta", "samsung"; not
    "research", "recherche", "intelligence", nor "strategie" typed without its accent)."""
    own = zipf(word, language)
    other = zipf(word, "en" if language == "fr" else "fr")
    shared = abs(own - other) < NAME_LANGUAGE_GAP and max(own, other) < OWNER_NAME_ZIPF
    return word not in accents_dropped() and (own < RARE_WORD_ZIPF or shared)


def _rarer_than(word: str, zipf_limit: float) -> bool:
    return max(zipf(word, "fr"), zipf(word, "en")) < zipf_limit


def _first_name_like(word: str) -> bool:
    """As common as a first name can be, and about as frequent in French as in English."""
    fr, en = zipf(word, "fr"), zipf(word, "en")
    return max(fr, en) < NAME_PAIR_FIRST_ZIPF and abs(fr - en) < NAME_LANGUAGE_GAP


def _plain(word: str, is_lexicon_word: Callable[[str], bool]) -> bool:
    return word.isalpha() and len(word) > 2 and not is_lexicon_word(word)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def accents_dropped() -> frozenset[str]:
    """Common French words as typed without their accents ("alle" for "allé")."""
    return frozenset(accented_forms())


@lru_cache(maxsize=1)
def accented_forms() -> dict[str, str]:
    """Common French words by their form typed without accents ("cree" -> "créé"); the
    commonest accented word where two share a form."""
    forms: dict[str, str] = {}
    for w in top_n_list("fr", ACCENTED_WORDS):  # commonest first
        plain = normalize(w)
        if plain != w:
            forms.setdefault(plain, w)
    return forms


@lru_cache(maxsize=1)
def language_words() -> frozenset[str]:
    """The commonest words of French and English, normalised as questions are (accents off:
    "surenchere" is a word). About half a second, once per process."""
    return frozenset(
        normalize(w) for lang in ("fr", "en") for w in top_n_list(lang, LANGUAGE_WORDS)
    )


@lru_cache(maxsize=8192)
def _no_word(word: str) -> bool:
    """Neither a word of French or English nor one edit away from one: "recrutment" and
    "dirije" are typos, "babuschkin" is a name."""
    if len(word) < 4 or not word.isascii():
        return False
    known = language_words()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b} | {word}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    return not any(e in known for e in edits)


def _shortens(word: str, article_words: frozenset[str]) -> bool:
    """The word cuts short one the articles write ("superintel"): no name."""
    if len(word) < MIN_SHORTENED:
        return False
    ordered = _sorted(article_words)
    at = bisect.bisect_left(ordered, word)
    return at < len(ordered) and ordered[at].startswith(word)


MIN_SHORTENED = 4  # letters a cut-short word keeps ("ingé", "superintel")


@lru_cache(maxsize=2)
def _sorted(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


def _in_run_with(i: int, marked: set[int], flags: list[bool]) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(flags) and flags[j]:
            if j in marked:
                return True
            j += step
    return False


def _runs(flags: list[bool]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i, flag in enumerate(flags):
        if not flag:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
