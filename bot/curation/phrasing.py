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
    ("co-founder", "cofondateur"), ("cofounder", "cofondateur"), ("founder", "fondateur"),
    ("head of", "responsable de"), ("vice president", "vice-président"),
    ("researchers", "chercheurs"), ("researcher", "chercheur"), ("engineers", "ingénieurs"),
    ("engineer", "ingénieur"), ("scientist", "scientifique"), ("members", "membres"),
    ("member", "membre"), ("inference", "inférence"), ("research", "recherche"),
    ("pre-training", "pré-entraînement"), ("post-training", "post-entraînement"),
    ("image generation", "génération d’images"), ("multimodal", "multimodal"),
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
    for k, w in enumerate(words):
        if w in heads and k:
            return " ".join([*words[k:], *words[:k]])
    return text


TEMPLATES = {
    "joined": {"fr": "{S} a rejoint {O}{as}{when}{from}.", "en": "{S} joined {O}{as}{when}{from}."},
    "hired": {"fr": "{S} a recruté {O}{from}{when}.", "en": "{S} hired {O}{from}{when}."},
    "left": {"fr": "{S} a quitté {O}{to}{when}.", "en": "{S} left {O}{to}{when}."},
    "role": {"fr": "{S} {is} {role} ({O}{at}).", "en": "{S} {is} {role} ({O}{at})."},
    "founded": {"fr": "{S} a fondé {O}{when}.", "en": "{S} founded {O}{when}."},
    "cofounded": {"fr": "{S} a cofondé {O}{when}.", "en": "{S} co-founded {O}{when}."},
    "count": {"fr": "{S} : {Q}.", "en": "{S}: {Q}."},
    "amount": {"fr": "{S} : {A}{when}.", "en": "{S}: {A}{when}."},
    "location": {"fr": "{S} est installée à {P}.", "en": "{S} is based in {P}."},
    "leads": {"fr": "{S} {leads} {O}{as}{when}.", "en": "{S} {leads} {O}{as}{when}."},
    "worked_on": {"fr": "{S} a travaillé sur {O}{when}.", "en": "{S} worked on {O}{when}."},
    "duration": {"fr": "{S} a passé {Q} chez {O}.", "en": "{S} spent {Q} at {O}."},
    "criticism": {"fr": "{S} critique {O}{when}.", "en": "{S} criticised {O}{when}."},
    "mention": {
        "fr": "L’article cite {S}{about}{when}.",
        "en": "The article names {S}{about}{when}.",
    },
}
NEGATED = {
    "joined": {"fr": "{S} n’a pas rejoint {O}{when}.", "en": "{S} did not join {O}{when}."},
    "hired": {"fr": "{S} n’a pas recruté {O}{when}.", "en": "{S} did not hire {O}{when}."},
    "left": {"fr": "{S} n’a pas quitté {O}{when}.", "en": "{S} did not leave {O}{when}."},
}
MODAL = {
    "possible": {"fr": "Il est possible que : ", "en": "Possibly: "},
    "planned": {"fr": "Prévu : ", "en": "Planned: "},
    "reported": {"fr": "", "en": ""},
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
           "is": "est", "was": "était"},
    "en": {"lead_as": " ({})", "about": " with {}", "and": " and ",
           "according": " (according to {})",
           "as": " as {}", "from": ", coming from {}", "hired_from": " from {}", "to": " for {}",
           "via": " (according to {})", "via_said": " ({})", "in": " in {}", "is": "is",
           "was": "was"},
}  # fmt: skip


def unit_in(language: str, unit: str, article_language: str) -> str:
    if language == article_language:
        return unit
    if article_language == "fr":
        return UNITS.get(unit, unit)
    back = {en: fr for fr, en in UNITS.items()}
    return back.get(unit, unit)


def when_text(when: dict | None, language: str) -> str:
    if not when:
        return ""
    parts = []
    if when.get("month"):
        parts.append(MONTHS[language].split()[when["month"] - 1])
    if when.get("year"):
        parts.append(str(when["year"]))
    if not parts:
        return ""
    lead = ("depuis " if language == "fr" else "since ") if when.get("since") else ""
    text = " ".join(parts)
    return f", {lead}{text}" if lead else PIECES[language]["in"].format(text)


def money(amount: dict, language: str) -> str:
    value = amount["value"]
    if value >= 1e9:
        number, word = value / 1e9, "milliards" if language == "fr" else "billion"
    elif value >= 1e6:
        number, word = value / 1e6, "millions" if language == "fr" else "million"
    else:
        number, word = value, ""
    shown = f"{number:g}"
    qualifier = QUALIFIERS[language][amount["qualifier"]]
    if language == "fr":
        currency = "d’euros" if amount["currency"] == "EUR" else "de dollars"
        return f"{qualifier}{shown} {word} {currency}".replace("  ", " ")
    sign = "$" if amount["currency"] == "USD" else "€"
    return f"{qualifier}{sign}{shown} {word}".strip()


# Types whose whole content is the sentence: in its language, the sentence says it best.
OWN_SENTENCE = frozenset({"mention", "criticism", "statement"})
OTHER = {"fr": "Ce que dit {S}{via}, cité ci-dessous.", "en": "What {S} says{via}, quoted below."}


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
    template = (NEGATED if negated else TEMPLATES).get(fact.type, {}).get(language)
    if template is None:
        if language == article_language:
            return sentence
        via = pieces["via_said"].format(n("via")) if f.get("via") else ""
        return OTHER[language].format(S=name(fact.subject, language), via=via)
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
        "from": pieces[from_key].format(n("from")) if f.get("from") else "",
        "to": pieces["to"].format(n("to")) if f.get("to") else "",
        "is": pieces["was" if past else "is"],
        "role": role,
        "Q": q,
        "A": money(f["amount"], language) if f.get("amount") else "",
        "P": n("place"),
        "leads": verb,
        "at": f", {n('place')}" if f.get("place") else "",
        "about": pieces["about"].format(pieces["and"].join(about)) if about else "",
    }
    line = template.format(**values)
    source = f.get("attributed_to") or f.get("via")
    if source and name(source, language):
        line = line[:-1] + pieces["according"].format(name(source, language)) + "."
    modality = f.get("modality", "stated")
    if modality in ("possible", "planned"):
        line = MODAL[modality][language] + line
    return line
