"""The engine's own words in French (see bot.engine.replies for where each is used)."""

from __future__ import annotations

# The verdict opening a yes/no answer.
VERDICTS = {
    "yes": "Oui.",
    "no": "Non.",
    "hedged": "Pas confirmé.",
    "loose": "Les articles ne le disent pas exactement. Voici ce qu’ils disent :",
    "unsettled": "Pas confirmé : les articles ne le disent pas. Voici ce qu’ils disent :",
    "coarser": "Pas confirmé : les articles ne donnent pas de date plus précise que celle-ci :",
    "bound": "Pas confirmé : les articles ne donnent qu’un ordre de grandeur :",
    "already": "C’est déjà fait, selon les articles :",
    "unnamed": "Les articles ne les nomment pas. Voici ce qu’ils disent :",
}

NO_PRECISE_DATE = "Les articles ne donnent pas de date plus précise que ceci :"
NO_YEAR = "Les articles ne donnent pas l’année. Voici ce qu’ils disent :"
# The months, for a date given in the reply.
MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()
AND = "et"  # before the last name of a list
FOR_EXAMPLE = "Par exemple :"  # before example questions
ASK_ME = "Posez-moi une question."  # to an empty message
HELLO = "Bonjour !"  # to a greeting
NOT_FOUND = "Je ne trouve pas la réponse dans mes articles."
FOREIGN = "Je ne réponds qu’en français ou en anglais."  # to another language
CLARIFY = "De qui parlez-vous ?"  # before the candidates of an ambiguous name
# "Quand a-t-il rejoint X ?" with no one named before: who "il" is, the reply cannot guess.
NO_ANTECEDENT = "De qui parlez-vous ? Donnez-moi son nom et je cherche dans les articles."
# "Who says so?" of a fact no one is credited with: the article's own reporting.
OWN_REPORTING = "L’article l’affirme lui-même, sans citer d’autre source :"
NOTHING_SOURCED = (
    "La source de quoi ? Posez-moi d’abord une question ; je vous dirai ensuite d’où vient "
    "la réponse."
)
# "Before or after B?": where in time, against B's date.
ORDER = {"before": "Avant.", "after": "Après.", "same": "Le même mois."}
UNORDERED = "Les dates des articles ne disent pas lequel est le premier. Voici ce qu’ils disent :"
UNCOMPARED = (
    "Les chiffres des articles ne disent pas lequel est le plus grand. Voici ce qu’ils disent :"
)
OPTION_SEPARATOR = " ; "


def count_named(count: int, listed: str) -> str:
    """A count the articles do not give themselves, then the names they give."""
    return f"Les articles en nomment {count} : {listed}"


def not_stated(who: str) -> str:
    """The articles do not say what was asked (about `who`, when named)."""
    return f"Les articles ne le disent pas{f' pour {who}' if who else ''}."


def _of_name(name: str) -> str:
    """ "de" before a name, elided before a vowel ("d’Ada Lind", "de Bo Strand")."""
    return f"d’{name}" if name[:1].casefold() in _VOWELS else f"de {name}"


_VOWELS = frozenset("aeiouyàâéèêëîïôûü")


def nothing_about(names: str) -> str:
    """The articles never mention `names`, names the question writes."""
    return f"Les articles ne disent rien {_of_name(names)}."


def hint(name: str) -> str:
    """A question the articles can answer about `name`."""
    return f"Vous pouvez demander par exemple : Parle-moi {_of_name(name)}"


# Une mesure en première ligne des réponses « combien ».
QUALIFIERS = {
    "exact": "",
    "at_least": "au moins",
    "about": "environ",
    "more_than": "plus de",
    "nearly": "près de",
    "some": "quelques",
}
CURRENCIES = {"USD": "de dollars", "EUR": "d’euros"}
SCALES = ((1e9, "milliards"), (1e6, "millions"))


def number(value: float) -> str:
    """1 200 ; 200 millions."""
    for size, word in SCALES:
        if value >= size and (value / size).is_integer():
            return f"{value / size:,.0f} {word}".replace(",", " ")
        if value >= size and round(value / size, 2) == value / size:
            scaled = value / size  # 2,7 milliards ; 1,3 milliard
            return f"{scaled:g} {word[:-1] if scaled < 2 else word}".replace(".", ",")
    text = f"{value:,.0f}" if value.is_integer() else f"{value:,}".replace(".", ",")
    return text.replace(",", " ") if value.is_integer() else text


NO_EXACT_NUMBER = "Les articles ne donnent pas de nombre exact, seulement ceci :"


def not_quoted(name: str) -> str:
    """Les articles ne rapportent aucun propos de `name`."""
    return f"Les articles ne rapportent aucun propos {_of_name(name)} ; voici ce qu’ils en disent"


def said_nothing_about(name: str, topics: str) -> str:
    """The articles quote `name` on other things, never on `topics`."""
    return f"Les articles ne citent rien de ce que {name} a dit sur {topics}."
