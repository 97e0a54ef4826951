"""The actor of a move, named by words the base cannot read ("did cursor poach anyone from X?",
"poolside a recruté combien d'anciens de X ?"): a company whose name is a plain word, in
lowercase, is told by where it stands, not by its capitals or its rarity.

The words just before a move verb, past its auxiliaries, clitics and negation, are the verb's
subject. When they open the question (or follow only an auxiliary or "est-ce que") with no
determiner, and none of them is a word of the lexicon, an entity or a word the articles write,
they name someone: "the firm hired" has a determiner, "meta hired" is linked.
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
_BEFORE = lx.EN_AUXILIARIES | {"que", "qu"}


def _asks_the_subject_later(words: list[str], verb: int) -> bool:
    """ "jsuis perdu, qui a quitté…": a clause before the question, whose subject is "qui",
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
    covered: set[int],
    frequency: Callable[[str], float],
) -> set[int]:
    """Positions of the unread words that stand as the subject of a move verb; `frequency`
    gives a word's Zipf frequency in the question's language."""
    found: set[int] = set()
    for verb, word in enumerate(words):
        if verb in covered or not lx.relation_of(word) & _ACTED:
            continue
        j = verb - 1
        while j >= 0 and words[j] in _BETWEEN and j not in covered:
            j -= 1
        run = []
        while j >= 0 and unread[j] and len(run) < MAX_NAME_WORDS:
            run.append(j)
            j -= 1
        opens = j < 0 or words[j] in _BEFORE
        opens = opens and not _asks_the_subject_later(words, verb)
        if run and opens and min(frequency(words[i]) for i in run) < ACTOR_WORD_ZIPF:
            found.update(run)
    return found | _left_objects(words, unread, covered)
