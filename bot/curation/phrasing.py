"""French and English phrasing of a drafted fact, generated from its slots.

Types with clear slots (moves, roles, foundings, counts, amounts, locations) get a template per
language; the others (statements, plans, leads, mentions…) say what the sentence says, so
they take the article's own sentence in its language, and a template quoting it in the other.
"""

from __future__ import annotations

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}
# Plural nouns for counted people, FR <-> EN; other units keep the article's word.
UNITS = {
    "ingénieurs": "engineers", "chercheurs": "researchers", "personnes": "people",
    "employés": "employees", "salariés": "employees", "scientifiques": "scientists",
    "chercheuses": "researchers", "talents": "talents", "membres": "members",
    "ans": "years", "années": "years", "mois": "months", "semaines": "weeks",
}  # fmt: skip
QUALIFIERS = {
    "fr": {"at_least": "au moins ", "about": "environ ", "more_than": "plus de ",
           "nearly": "près de ", "exact": "", "some": "quelques "},
    "en": {"at_least": "at least ", "about": "about ", "more_than": "more than ",
           "nearly": "nearly ", "exact": "", "some": "some "},
}  # fmt: skip
# Role words English <-> French, longest first: a title is localised word group by word group
# ("former chief executive" -> "ancien directeur général"); what is not listed stays as written.
ROLE_WORDS = (
    ("chief executive officer", "directeur général"), ("chief executive", "directeur général"),
    ("chief technology officer", "directeur technique"), ("chief AI officer", "directeur de l’IA"),
    ("chief research officer", "directeur de la recherche"),
    ("chief scientist", "directeur scientifique"),
    ("chief operating officer", "directeur des opérations"),
    ("chief financial officer", "directeur financier"),
    ("co-founder", "cofondateur"), ("cofounder", "cofondateur"), ("founder", "fondateur"),
    ("head of", "responsable de"), ("vice president", "vice-président"),
    ("vice-president", "vice-président"), ("of research", "de la recherche"),
    ("of engineering", "de l’ingénierie"), ("of product", "des produits"),
    ("researchers", "chercheurs"), ("researcher", "chercheur"), ("engineers", "ingénieurs"),
    ("engineer", "ingénieur"), ("scientist", "scientifique"), ("members", "membres"),
    ("member", "membre"), ("inference", "inférence"), ("research", "recherche"),
    ("pre-training", "pré-entraînement"), ("post-training", "post-entraînement"),
    ("image generation", "génération d’images"), ("multimodal", "multimodal"),
    ("partners", "associés"), ("partner", "associé"), ("partner", "associée"),
    ("president", "président"), ("head of business", "responsable commercial"),
    ("principal scientist", "scientifique principal"),
    ("employees", "salariés"), ("employee", "salarié"), ("employee", "salariée"),
)  # fmt: skip


def localise_role(text: str, source: str, target: str) -> str:
    """A role title or activity in `target`: known word groups translated, the rest kept."""
    if source == target:
        return text
    pairs = ROLE_WORDS if source == "en" else tuple((fr, en) for en, fr in ROLE_WORDS)
    out = text
    for a, b in sorted(pairs, key=lambda p: -len(p[0])):
        out = _replace_words(out, a, b)
    if source == "en" and target == "fr" and out != text and "de" not in out.split():
        out = _french_order(out)
    return out


def _replace_words(text: str, a: str, b: str) -> str:
    import re

    return re.sub(rf"(?<![\w-]){re.escape(a)}(?![\w-])", b, text, flags=re.IGNORECASE)


def _french_order(text: str) -> str:
    """ "inférence ingénieur" (English order kept) -> "ingénieur inférence"."""
    words = text.split()
    heads = {fr.split()[0] for _, fr in ROLE_WORDS[:22]}
    if words and words[0] in heads:
        return text  # "directeur scientifique": already in French order
    for k, w in enumerate(words):
        if w in heads and k:
            return " ".join([*words[k:], *words[:k]])
    return text


TEMPLATES = {
    "joined": {"fr": "{S} a rejoint {O}{as}{when}{from}.", "en": "{S} joined {O}{as}{when}{from}."},
    "hired": {"fr": "{S} a recruté {O}{from}{when}.", "en": "{S} hired {O}{from}{when}."},
    "left": {"fr": "{S} a quitté {O}{to}{when}.", "en": "{S} left {O}{to}{when}."},
    "role": {"fr": "{S} {is} {role} {of}{O}{at}.", "en": "{S} {is} {a}{role} {of}{O}{at}."},
    "founded": {"fr": "{S} a fondé {O}{when}.", "en": "{S} founded {O}{when}."},
    "cofounded": {"fr": "{S} a cofondé {O}{when}.", "en": "{S} co-founded {O}{when}."},
    "count": {"fr": "{S} compte {Q}.", "en": "{Q} {of}{S}."},
    "amount": {"fr": "{S} : {A}{when}.", "en": "{S}: {A}{when}."},
    "valuation": {"fr": "{S} est valorisée {A}{when}.", "en": "{S} is valued at {A}{when}."},
    "location": {"fr": "{S} est installée à {P}.", "en": "{S} is based in {P}."},
    "leads": {"fr": "{S} {leads} {O}{as}{when}.", "en": "{S} {leads} {O}{as}{when}."},
    "worked_on": {"fr": "{S} a travaillé sur {O}{when}.", "en": "{S} worked on {O}{when}."},
    "duration": {"fr": "{S} a passé {Q} chez {O}.", "en": "{S} spent {Q} at {O}."},
    "criticism": {"fr": "{S} critique {O}{when}.", "en": "{S} criticised {O}{when}."},
    "invested": {
        "fr": "{S} a investi{A_in} dans {O}{when}.",
        "en": "{S} invested{A_in} in {O}{when}.",
    },
    "acquired": {
        "fr": "{S} a racheté {O}{A_for}{when}.",
        "en": "{S} acquired {O}{A_for}{when}.",
    },
    "mention": {
        "fr": "L’article cite {S}{about}{when}{sum}.",
        "en": "The article names {S}{about}{when}{sum}.",
    },
}
NEGATED = {
    "joined": {"fr": "{S} n’a pas rejoint {O}{when}.", "en": "{S} did not join {O}{when}."},
    "hired": {"fr": "{S} n’a pas recruté {O}{when}.", "en": "{S} did not hire {O}{when}."},
    "left": {"fr": "{S} n’a pas quitté {O}{when}.", "en": "{S} did not leave {O}{when}."},
    "acquired": {
        "fr": "{S} n’a pas racheté {O}{when}.",
        "en": "{S} did not acquire {O}{when}.",
    },
    "invested": {
        "fr": "{S} n’a pas investi dans {O}{when}.",
        "en": "{S} did not invest in {O}{when}.",
    },
}
# A move refused: "a décliné l'offre et n'a jamais rejoint X".
DECLINED = {
    "fr": "{S} a décliné l’offre et n’a pas rejoint {O}{when}.",
    "en": "{S} turned down the offer and did not join {O}{when}.",
}
# A sum offered to someone ("the offer read as X's": who offered it may be inferred).
OFFERED = {"fr": "{S} a proposé {A} à {O}{when}.", "en": "{S} offered {O} {A}{when}."}
# The investor that led a round.
LED_ROUND = {
    "fr": "{S} a mené le tour de table de {O}{when}.",
    "en": "{S} led the funding round of {O}{when}.",
}
MODAL = {
    "possible": {"fr": "Il est possible que : ", "en": "Possibly: "},
    "planned": {"fr": "Prévu : ", "en": "Planned: "},
    "reported": {"fr": "Selon des informations non confirmées, ", "en": "Reportedly, "},
}
LEADS = {
    "fr": {"past": "a dirigé", "co": "codirige", "co_past": "a codirigé", "now": "dirige"},
    "en": {"past": "led", "co": "co-leads", "co_past": "co-led", "now": "leads"},
}
QUOTED = {"fr": "{S}{via} : « {sentence} »", "en": "{S}{via}: “{sentence}”"}
PIECES = {
    "fr": {"lead_as": " ({})", "about": " avec {}", "and": " et ", "according": " (selon {})",
           "as": " comme {}", "from": ", en provenance de {}", "hired_from": " issus de {}",
           "to": " pour {}", "via": " (selon {})", "via_said": " ({})", "in": " en {}",
           "is": "est", "was": "était", "at_place": " à {}"},
    "en": {"lead_as": " ({})", "about": " with {}", "and": " and ",
           "according": " (according to {})",
           "as": " as {}", "from": ", coming from {}", "hired_from": " from {}", "to": " for {}",
           "via": " (according to {})", "via_said": " ({})", "in": " in {}", "is": "is",
           "was": "was", "at_place": " in {}"},
}  # fmt: skip


# Titles said without an article ("X is chief scientist at Y"); other roles take one.
TITLE_WORDS = frozenset(
    "chief head vice president ceo cto cfo coo director founder co-founder cofounder lead "
    "general managing principal executive chair chairman".split()
)
# Roles that belong to a group rather than work at a place: "a member of", "membre de".
MEMBERSHIP = frozenset("member members membre membres".split())
QUOTES = {"fr": ("« ", " »"), "en": ("“", "”")}
TEAM = {"fr": ("l’équipe {q}", " de {}"), "en": ("the team {q}", " at {}")}


def article(role: str, language: str) -> str:
    """ "a " / "an " before an English role that is no title ("a researcher")."""
    words = role.lower().split()
    if language != "en" or not words or words[0] in TITLE_WORDS | {"a", "an", "the"}:
        return ""
    return "an " if words[0][0] in "aeiou" else "a "


def preposition(fact, role: str, named: str, language: str) -> str:
    """The word before the organisation a role or a count is about: a member "of" a team,
    a researcher "at" a company; "chez" / "de" in French, elided before a vowel."""
    if not named:
        return ""
    member = bool(set(role.lower().split()) & MEMBERSHIP)
    group = named.lower().startswith(("the ", "l’", "l'", "le ", "la "))  # a described team
    if fact.type == "count":
        word = "in" if group else "at"
    elif language == "en":
        word = "of" if member or group else "at"
    else:
        word = "de" if member or group else "chez"
    if word == "de" and named[:1].lower() in "aeiouyhéè" and not named.startswith(("l’", "l'")):
        return "d’"
    return f"{word} " if word else ""


def described_name(name: str, described: str, owner: str, language: str, article: str) -> str:
    """A team the article names by a description: its words with their article in the
    article's language ("l'équipe des modèles de fondation"); quoted, as the team of its
    owner, in the other ("the team “équipe des modèles de fondation” at Apple")."""
    if language == article:
        return described
    opening, closing = QUOTES[language]
    team, of = TEAM[language]
    text = team.format(q=f"{opening}{name}{closing}")
    if owner:
        elided = language == "fr" and owner[:1].lower() in "aeiouyh"
        text += f" d’{owner}" if elided else of.format(owner)
    return text


def unit_in(language: str, unit: str, article_language: str) -> str:
    if language == article_language:
        return unit
    if article_language == "fr":
        return UNITS.get(unit, unit)
    back = {en: fr for fr, en in UNITS.items()}
    return back.get(unit, unit)


RELATIVE = {
    "fr": {"next_year": "l’an prochain", "next_month": "le mois prochain",
           "next_week": "la semaine prochaine", "this_week": "cette semaine",
           "recently": "récemment", "recent_months": "ces derniers mois"},
    "en": {"next_year": "next year", "next_month": "next month", "next_week": "next week",
           "this_week": "this week", "recently": "recently", "recent_months": "in recent months"},
}  # fmt: skip


def when_text(when: dict | None, language: str) -> str:
    if not when:
        return ""
    if when.get("relative") and not (when.get("month") or when.get("year")):
        return f" {RELATIVE[language][when['relative']]}"
    parts = []
    if when.get("month"):
        month = MONTHS[language].split()[when["month"] - 1]
        if when.get("day"):  # "11 juillet", "July 11,"
            day = when["day"]
            month = f"{day} {month}" if language == "fr" else f"{month} {day}"
            month += "," if language == "en" and when.get("year") else ""
        parts.append(month)
    if when.get("year"):
        parts.append(str(when["year"]))
    if not parts:
        return ""
    lead = ("depuis " if language == "fr" else "since ") if when.get("since") else ""
    text = " ".join(parts)
    if lead:
        return f", {lead}{text}"
    if when.get("day") and when.get("month"):
        return (" le {}" if language == "fr" else " on {}").format(text)
    return PIECES[language]["in"].format(text)


def money(amount: dict, language: str) -> str:
    value = amount["value"]
    if value >= 1e9:
        number, word = value / 1e9, "milliards" if language == "fr" else "billion"
    elif value >= 1e6:
        number, word = value / 1e6, "millions" if language == "fr" else "million"
    else:
        number, word = value, ""
    shown = f"{number:g}"
    if language == "fr":
        shown = shown.replace(".", ",")
        word = word[:-1] if number < 2 and word.endswith("s") else word  # "1,7 milliard"
    qualifier = QUALIFIERS[language][amount["qualifier"]]
    if language == "fr":
        currency = "d’euros" if amount["currency"] == "EUR" else "de dollars"
        return f"{qualifier}{shown} {word} {currency}".replace("  ", " ")
    sign = "$" if amount["currency"] == "USD" else "€"
    return f"{qualifier}{sign}{shown} {word}".strip()


# Types whose whole content is the sentence: in its language, the sentence says it best.
OWN_SENTENCE = frozenset({"mention", "criticism", "statement"})
OTHER = {
    "fr": "Ce que dit {S}{via}{when}, cité ci-dessous.",
    "en": "What {S} says{via}{when}, quoted below.",
}


def phrase(fact, name, sentence: str, article_language: str) -> dict[str, str]:
    """`name(entity_id, language)`: the entity's name in that language."""
    return {
        language: _capital(_line(fact, name, sentence, article_language, language))
        for language in ("fr", "en")
    }


def _capital(line: str) -> str:
    return line[0].upper() + line[1:] if line else line


def _line(fact, name, sentence: str, article_language: str, language: str) -> str:
    f = fact.fields
    pieces = PIECES[language]

    def n(key: str) -> str:
        return name(f[key], language) if f.get(key) else ""

    negated = f.get("polarity") == "negated"
    if fact.type in OWN_SENTENCE and language == article_language:
        return sentence
    if f.get("expected"):  # "attendu l'an prochain": expected, not done
        if language == article_language:
            return sentence
        return EXPECTED[language].format(S=name(fact.subject, language),
                                         when=when_text(f.get("when"), language))  # fmt: skip
    if fact.type == "worked_on" and f.get("role") and not negated:
        return _made_line(fact, name, article_language, language)
    template = (NEGATED if negated else TEMPLATES).get(fact.type, {}).get(language)
    if negated and f.get("declined") and fact.type == "joined":
        template = DECLINED[language]
    if fact.type == "invested" and f.get("role") and not negated:
        template = LED_ROUND[language]
    if fact.type == "amount" and f.get("object") and not negated:
        template = OFFERED[language]
    if template is None:
        if language == article_language:
            return sentence
        via = pieces["via_said"].format(n("via")) if f.get("via") else ""
        when = when_text(f.get("when"), language)
        return OTHER[language].format(S=name(fact.subject, language), via=via, when=when)
    quantity = f.get("quantity")
    q = ""
    if quantity:
        unit = (
            quantity["unit"][language]
            if isinstance(quantity["unit"], dict)
            else unit_in(language, quantity["unit"], article_language)
        )
        value = f"{quantity['value']:g} " if quantity.get("value") is not None else ""
        q = f"{QUALIFIERS[language][quantity['qualifier']]}{value}{unit}"
    from_key = "hired_from" if fact.type == "hired" else "from"
    sources = [name(e, language) for e in f.get("sources", [])]
    came_from = pieces["and"].join(sources) if len(sources) > 1 else n("from")  # "de A, B et C"
    if len(sources) > 2:
        came_from = ", ".join(sources[:-1]) + pieces["and"] + sources[-1]
    role = f["role"][language] if f.get("role") else ""
    leads = LEADS[language]
    co, past = f.get("co"), f.get("tense") == "past"
    verb = (leads["co_past"] if past else leads["co"]) if co else (
        leads["past"] if past else leads["now"])  # fmt: skip
    about = [name(e, language) for e in f.get("about", [])]
    values = {
        "S": name(fact.subject, language),
        "O": n("object") or q,
        "as": (pieces["lead_as"] if fact.type == "leads" else pieces["as"]).format(role)
        if role and fact.type != "role"
        else "",
        "when": when_text(f.get("when"), language),
        "from": pieces[from_key].format(came_from) if f.get("from") else "",
        "to": pieces["to"].format(n("to")) if f.get("to") else "",
        "is": pieces["was" if past else "is"],
        "role": role,
        "Q": q,
        "A": money(f["amount"], language) if f.get("amount") else "",
        "sum": f" ({money(f['amount'], language)})" if f.get("amount") else "",
        "A_in": f" {money(f['amount'], language)}" if f.get("amount") else "",
        "A_for": (" pour {}" if language == "fr" else " for {}").format(
            money(f["amount"], language)
        )
        if f.get("amount")
        else "",
        "P": n("place"),
        "leads": verb,
        "at": pieces["at_place"].format(n("place")) if f.get("place") else "",
        "a": article(role, language),
        "of": preposition(fact, role, n("object") or name(fact.subject, language), language),
        "about": pieces["about"].format(pieces["and"].join(about)) if about else "",
    }
    line = template.format(**values)
    source = f.get("attributed_to") or f.get("via")
    if source and name(source, language):
        line = line[:-1] + pieces["according"].format(name(source, language)) + "."
    modality = f.get("modality", "stated")
    if modality in ("possible", "planned") or (modality == "reported" and not source):
        line = MODAL[modality][language] + line
    return line


EXPECTED = {"fr": "Attendu{when} : {S}.", "en": "{S} is expected{when}."}
MADE = {"fr": "{S} a travaillé sur {made}{when}.", "en": "{S} worked on {made}{when}."}
MADE_QUOTED = {
    "fr": "{S} a travaillé sur {O}{when} (selon les mots de l’article : « {made} »).",
    "en": "{S} worked on {O}{when} (in the article's words: “{made}”).",
}


def _made_line(fact, name, article_language: str, language: str) -> str:
    """What a team worked on, as the article names it: its own words in its language, quoted
    after the product's name in the other."""
    f = fact.fields
    made = f["role"][article_language] if isinstance(f["role"], dict) else f["role"]
    template = (MADE if language == article_language else MADE_QUOTED)[language]
    values = {"S": name(fact.subject, language), "O": name(f["object"], language),
              "when": when_text(f.get("when"), language), "made": made}  # fmt: skip
    return template.format(**values)
