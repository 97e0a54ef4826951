"""Full names a question writes with a census first name ("tim cook", "andrew ng"): common
words both, yet someone's name where a person stands. The first names are those of the US
census lists that the `names` package ships."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from bot.nlu import lexicon as lx
from bot.text import normalize

# A word after a census first name, rarer than this, is its surname ("cook" 4.6, "lee" 4.4;
# not "the", "new"): a surname as common as a word is still a name there.
SURNAME_WORD_ZIPF = 5.0


def census_full_names(
    words: list[str],
    covered: set[int],
    is_lexicon_word: Callable[[str], bool],
    article_words: frozenset[str],
    language: str,
) -> set[int]:
    """A census first name before a word the articles never write, where a person stands
    (opening the question, after an auxiliary or "about"), is a full name however common its
    words ("did tim cook…", "what about andrew ng"; not "did zeta grant stock…")."""
    found: set[int] = set()
    for i in range(len(words) - 1):
        first, second = words[i], words[i + 1]
        if i in covered or i + 1 in covered or first not in census_first_names():
            continue
        if i > 0 and words[i - 1] not in _BEFORE_A_PERSON:
            continue
        if is_lexicon_word(first) or is_lexicon_word(second) or second in article_words:
            continue
        plain = first.isalpha() and second.isalpha() and len(first) > 2 and len(second) > 1
        if plain and zipf_frequency(second, language) < SURNAME_WORD_ZIPF:
            found |= {i, i + 1}
    return found


_BEFORE_A_PERSON = lx.EN_AUXILIARIES | lx.FR_AUXILIARIES | lx.TOPIC_MARKERS | lx.COMPLEMENTIZERS


@lru_cache(maxsize=1)
def census_first_names() -> frozenset[str]:
    """The first names of the US census lists that the `names` package ships, normalised."""
    folder = resources.files("names")
    return frozenset(
        normalize(line.split()[0])
        for listed in ("dist.male.first", "dist.female.first")
        for line in (folder / listed).read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
