"""The engine's own words in English (see bot.engine.replies for where each is used)."""

from __future__ import annotations

# The verdict opening a yes/no answer.
VERDICTS = {
    "yes": "Yes.",
    "no": "No.",
    "hedged": "Not confirmed.",
    "loose": "The articles don't say exactly. Here is what they do say:",
    "unsettled": "Not confirmed: the articles don't say so. Here is what they do say:",
    "coarser": "Not confirmed: the articles give no more precise date than this:",
    "bound": "Not confirmed: the articles give only a bound:",
    "already": "It has already happened, the articles say:",
    "unnamed": "The articles don't name them. Here is what they do say:",
}

NO_PRECISE_DATE = "The articles give no more precise date than this:"
NO_YEAR = "The articles don't give the year. Here is what they do say:"
# The months, for a date given in the reply.
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
AND = "and"  # before the last name of a list
FOR_EXAMPLE = "For example:"  # before example questions
ASK_ME = "Ask me a question."  # to an empty message
HELLO = "Hello!"  # to a greeting
NOT_FOUND = "I can't find the answer in my articles."
FOREIGN = "I only answer in English or French."  # to another language
CLARIFY = "Which one do you mean?"  # before the candidates of an ambiguous name
# "When did he join X?" with no one named before: who "he" is, the reply cannot guess.
NO_ANTECEDENT = "Who do you mean? Tell me their name and I will look it up in the articles."
# "Who says so?" of a fact no one is credited with: the article's own reporting.
OWN_REPORTING = "The article says it itself, citing no other source:"
NOTHING_SOURCED = (
    "The source of what? Ask me a question first; then I can tell you where its answer comes from."
)
# "Before or after B?": where in time, against B's date.
ORDER = {"before": "Before.", "after": "After.", "same": "The same month."}
UNORDERED = "The articles' dates do not tell which came first. Here is what they do say:"
UNCOMPARED = "The articles' figures do not settle which is larger. Here is what they do say:"
OPTION_SEPARATOR = "; "


def count_named(count: int, listed: str) -> str:
    """A count the articles do not give themselves, then the names they give."""
    return f"The articles name {count}: {listed}"


def not_stated(who: str) -> str:
    """The articles do not say what was asked (about `who`, when named)."""
    return f"The articles don't say{f' that about {who}' if who else ''}."


def nothing_about(names: str) -> str:
    """The articles never mention `names`, names the question writes."""
    return f"The articles say nothing about {names}."


def hint(name: str) -> str:
    """A question the articles can answer about `name`."""
    return f"You could ask, for example: Tell me about {name}"


# A measure as the first line of "how many / how much" answers.
QUALIFIERS = {
    "exact": "",
    "at_least": "at least",
    "about": "about",
    "more_than": "more than",
    "nearly": "nearly",
    "some": "a few",
}
CURRENCIES = {"USD": "dollars", "EUR": "euros"}
SCALES = ((1e9, "billion"), (1e6, "million"))


def number(value: float) -> str:
    """1,200; 200 million."""
    for size, word in SCALES:
        if value >= size and (value / size).is_integer():
            return f"{value / size:,.0f} {word}"
        if value >= size and round(value / size, 2) == value / size:
            return f"{value / size:g} {word}"  # 2.7 billion
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


NO_EXACT_NUMBER = "The articles give no exact number, only this:"


def not_quoted(name: str) -> str:
    """The articles report nothing `name` said."""
    return f"The articles quote nothing {name} said; here is what they say about it"


def said_nothing_about(name: str, topics: str) -> str:
    """The articles quote `name` on other things, never on `topics`."""
    return f"The articles quote nothing {name} said about {topics}."
