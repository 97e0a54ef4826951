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
    "chercheuses": "researchers", "talents": "talents",
}  # fmt: skip
QUALIFIERS = {
    "fr": {"at_least": "au moins ", "about": "environ ", "more_than": "plus de ",
           "nearly": "près de ", "exact": "", "some": "quelques "},
    "en": {"at_least": "at least ", "about": "about ", "more_than": "more than ",
           "nearly": "nearly ", "exact": "", "some": "some "},
}  # fmt: skip
TEMPLATES = {
    "joined": {"fr": "{S} a rejoint {O}{as}{when}{from}.", "en": "{S} joined {O}{as}{when}{from}."},
    "hired": {"fr": "{S} a recruté {O}{from}{when}.", "en": "{S} hired {O}{from}{when}."},
    "left": {"fr": "{S} a quitté {O}{to}{when}.", "en": "{S} left {O}{to}{when}."},
    "role": {"fr": "{S} {is} {role} ({O}).", "en": "{S} {is} {role} ({O})."},
    "founded": {"fr": "{S} a fondé {O}{when}.", "en": "{S} founded {O}{when}."},
    "cofounded": {"fr": "{S} a cofondé {O}{when}.", "en": "{S} co-founded {O}{when}."},
    "count": {"fr": "{S} : {Q}.", "en": "{S}: {Q}."},
    "amount": {"fr": "{S} : {A}{when}.", "en": "{S}: {A}{when}."},
    "location": {"fr": "{S} est installée à {P}.", "en": "{S} is based in {P}."},
}
QUOTED = {"fr": "{S}{via} : « {sentence} »", "en": "{S}{via}: “{sentence}”"}
PIECES = {
    "fr": {"as": " comme {}", "from": ", en provenance de {}", "hired_from": " issus de {}",
           "to": " pour {}", "via": " (selon {})", "via_said": " ({})", "in": " en {}",
           "is": "est", "was": "était"},
    "en": {"as": " as {}", "from": ", coming from {}", "hired_from": " from {}", "to": " for {}",
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


def phrase(fact, name, sentence: str, article_language: str) -> dict[str, str]:
    """`name(entity_id, language)`: the entity's name in that language."""
    f = fact.fields
    text: dict[str, str] = {}
    for language in ("fr", "en"):
        pieces = PIECES[language]

        def n(key: str, lang: str = language) -> str:
            return name(f[key], lang) if f.get(key) else ""

        template = TEMPLATES.get(fact.type, {}).get(language)
        if template is None:
            if language == article_language:
                text[language] = sentence
                continue
            via = pieces["via_said"].format(n("via")) if f.get("via") else ""
            text[language] = QUOTED[language].format(
                S=name(fact.subject, language), via=via, sentence=sentence
            )
            continue
        quantity = f.get("quantity")
        q = ""
        if quantity:
            unit = unit_in(
                language,
                quantity["unit"]["fr" if article_language == "fr" else "en"],
                article_language,
            )
            q = f"{QUALIFIERS[language][quantity['qualifier']]}{quantity['value']:g} {unit}"
        from_key = "hired_from" if fact.type == "hired" else "from"
        values = {
            "S": name(fact.subject, language),
            "O": n("object") or q,
            "as": pieces["as"].format(f["role"][language])
            if f.get("role") and fact.type != "role"
            else "",
            "when": when_text(f.get("when"), language),
            "from": pieces[from_key].format(n("from")) if f.get("from") else "",
            "to": pieces["to"].format(n("to")) if f.get("to") else "",
            "is": pieces["was" if f.get("tense") == "past" else "is"],
            "role": f["role"][language] if f.get("role") else "",
            "Q": q,
            "A": money(f["amount"], language) if f.get("amount") else "",
            "P": n("place"),
        }
        line = template.format(**values)
        if f.get("via"):
            line = line[:-1] + pieces["via"].format(n("via")) + "."
        text[language] = line[0].upper() + line[1:]
    return text
