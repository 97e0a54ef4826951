"""The actor of a move, named by words the base cannot read ("did lantern poach anyone from X?",
"lantern a recruté combien d'anciens de X ?"): a company whose name is a plain word, in
lowercase, is told by where it stands, not by its capitals or its rarity.

The words just before a move verb, past its auxiliaries, clitics and negation, are the verb's
subject. When they open the question (or follow only an auxiliary or "est-ce que") with no
determiner, and none of them is a word of the lexicon, an entity or a word the articles write,
they name someone: "the firm hired" has a determiner, "<a known company> hired" is linked.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from bot.nlu import lexicon as lx

MAX_NAME_WORDS = 3
# A plain word this common in the question's language is a word, even there ("people hired").
ACTOR_WORD_ZIPF = 4.0
# Between an actor and its verb: auxiliaries, inversion clitics, negation, pronouns.
_BETWEEN = (
    lx.EN_AUXILIARIES
    | lx.FR_AUXILIARIES
    | lx.FR_INVERSION_PRONOUNS
    | lx.NEGATION_PARTICLES
    | lx.PRONOUNS
    | lx.PLURAL_PRONOUNS
    | {"t"}  # the euphonic t of "a-t-elle"
)
# The relations whose verb's subject is someone: a move, a statement.
_ACTED = lx.MOVE_RELATIONS | {"statement"}
_FOR = frozenset({"for", "pour"})  # "left X for Y": where they went
# What may stand before an actor opening the question: an auxiliary, "est-ce que".
_WHAT = frozenset({"que", "qu"})  # "qu'a dit X ?": the inversion that asks what was said
_BEFORE = lx.EN_AUXILIARIES | _WHAT
_OF = frozenset({"de", "d"})
_FROM = frozenset({"from", "of", "chez"})
_MANY = frozenset({"many", "much"})  # "how many zeta staff"


def counted_object(words: list[str], j: int) -> bool:
    """ "combien d'ingénieurs zeta a recrutés ?": the word at `j` is the counted object, which
    opens the question; the subject follows it."""
    return j >= 2 and words[j - 1] in _OF and words[j - 2] in lx.COMBIEN


def _asks_the_subject_later(words: list[str], verb: int) -> bool:
    """ "je sais pas, qui a quitté X ?": a clause before the question, whose subject is "qui",
    followed by its own verb ("a recruté qui ?" asks the object)."""
    after = words[verb + 1 :]
    return any(
        asked in lx.WHO and (nxt in _BETWEEN or bool(lx.relation_of(nxt) & lx.MOVE_RELATIONS))
        for asked, nxt in pairwise(after)
    )


def _left_objects(words: list[str], unread: list[bool], covered: set[int]) -> set[int]:
    """ "who left X for Y", "qui a quitté X pour Y": the unread words between a leaving verb and
    "for" name the company left."""
    found: set[int] = set()
    for verb, word in enumerate(words):
        if verb in covered or "move_out" not in lx.relation_of(word):
            continue
        run = list(range(verb + 1, min(len(words), verb + 1 + MAX_NAME_WORDS + 1)))
        end = next((j for j in run if not unread[j]), None)
        if end is not None and end > verb + 1 and words[end] in _FOR:
            found.update(range(verb + 1, end))
    return found


def move_actors(
    words: list[str],
    unread: list[bool],
    plain: list[bool],
    covered: set[int],
    frequency: Callable[[str], float],
    first_name_like: Callable[[str], bool],
) -> set[int]:
    """Positions of the words that stand as the subject of a move verb, one of them at least
    unread (words the articles write may be part of a name: "lantern face"), or a company's
    suffix ("figure ai"), or two unread words opening as a first name does ("did bo strand
    say"); `plain`, the words no lexicon reads; `frequency` gives a word's Zipf frequency in
    the question's language."""
    found: set[int] = set()
    for verb, word in enumerate(words):
        if verb in covered or not lx.relation_of(word) & _ACTED:
            continue
        j = verb - 1
        while j >= 0 and words[j] in _BETWEEN and j not in covered:
            j -= 1
        run = []
        while j >= 0 and (plain[j] or words[j] in lx.COMPANY_SUFFIXES) and j not in covered:
            if counted_object(words, j):
                break  # the object counted, before the subject
            run.append(j)
            j -= 1
            if len(run) > MAX_NAME_WORDS:
                break
        # "combien zeta a recruté chez X ?": the subject after the question word
        before = j < 0 or words[j] in _BEFORE | lx.COMBIEN or counted_object(words, j)
        opens = before and len(run) <= MAX_NAME_WORDS
        opens = opens and not _asks_the_subject_later(words, verb)
        suffixed = len(run) > 1 and words[run[0]] in lx.COMPANY_SUFFIXES
        rare = any(unread[i] and frequency(words[i]) < ACTOR_WORD_ZIPF for i in run)
        full_name = len(run) == 2 and all(unread[i] for i in run) and first_name_like(words[j + 1])
        if opens and (suffixed or rare or full_name):
            found.update(run)
    inverted = _inverted_subjects(words, unread, covered, frequency, first_name_like)
    staffed = _staff_of(words, unread, covered, frequency)
    return found | inverted | staffed | _left_objects(words, unread, covered)


def _staff_of(
    words: list[str], unread: list[bool], covered: set[int], frequency: Callable[[str], float]
) -> set[int]:
    """ "how many zeta staff", "des gens de zeta", "engineers from zeta": the unread words
    that say whose staff are counted name a company."""
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in lx.STAFF_NOUNS or i in covered:
            continue
        if i + 2 < len(words) and words[i + 1] in _OF | _FROM:
            at = i + 2  # "gens de zeta"
        elif i >= 2 and words[i - 2] in _MANY:
            at = i - 1  # "how many zeta staff"
        else:
            continue
        if unread[at] and at not in covered and frequency(words[at]) < ACTOR_WORD_ZIPF:
            found.add(at)
    return found


def _inverted_subjects(
    words: list[str],
    unread: list[bool],
    covered: set[int],
    frequency: Callable[[str], float],
    first_name_like: Callable[[str], bool],
) -> set[int]:
    """ "qu'a dit bo strand sur X ?": in a French inversion the speaker follows the verb, up to
    the topic, named as `move_actors` names a subject."""
    found: set[int] = set()
    for verb, word in enumerate(words):
        asked = words[verb - 2 : verb - 1] if verb > 1 and words[verb - 1] in _BETWEEN else []
        asked = asked or words[verb - 1 : verb]
        if verb in covered or "statement" not in lx.relation_of(word) or not _WHAT & set(asked):
            continue
        run: list[int] = []
        j = verb + 1
        while j < len(words) and unread[j] and j not in covered and len(run) < MAX_NAME_WORDS:
            run.append(j)
            j += 1
        closed = j == len(words) or words[j] in lx.TOPIC_MARKERS
        rare = any(frequency(words[i]) < ACTOR_WORD_ZIPF for i in run)
        full_name = len(run) == 2 and first_name_like(words[run[0]])
        if run and closed and (rare or full_name):
            found.update(run)
    return found
