"""Small French and English lexicons that give a question its frame.

Words are in normalised form (bot.text.normalize: no accents, lowercase). A cue is either a
whole word or a stem ending in `*`. Nothing here names anything from the knowledge base.
"""

from __future__ import annotations

from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Language detection: words that are frequent in one language and rare in the other.
FRENCH_MARKERS = _words(
    """qui quand ou quel quelle quels quelles combien pourquoi est sont a ont le la les des du
    de et un une il elle ils elles lui son sa ses leur chez depuis avec pour dans sur par que
    quoi comment qu ce cette ces au aux pas ne t rejoint quitte recrute dirige fait ete avait
    parle moi dis stp svp merci bonjour salut tu vous je est-ce entreprise societe y"""
)
ENGLISH_MARKERS = _words(
    """who when where what which how many much why is are was were did does do has have had the
    of and a an he she they him her his their at from with for in on by that this these about
    tell me please thanks hello hi joined left hired lead leads led company works work say said
    think you i can could would will to into whom whose"""
)

# Words that never start a fuzzy match and never link on their own (articles, pronouns…).
STOPWORDS = FRENCH_MARKERS | ENGLISH_MARKERS | _words(
    """l d s n j m c qu est-ce ex former ancien ancienne anciens et and or ni mais but so
    aussi also le la les un une des the a an of en dont donc alors then yes no oui non
    people personnes gens person personne quelqu someone anyone everyone tout tous all
    question answer reponse article articles ia ai"""
)

# Question words.
WHO = _words("who whom whose qui")
WHEN = _words("when quand date")
WHERE = _words("where")
WHY = _words("why pourquoi")
WHAT = _words("what which quel quelle quels quelles quoi que")
HOW = _words("how comment")
HOW_MANY_TAIL = _words("many")
HOW_MUCH_TAIL = _words("much")
COMBIEN = _words("combien")
NUMBER_NOUNS = _words("nombre number count")
# "what year", "quelle année", "depuis quand": these ask for a date.
DATE_NOUNS = _words("year annee mois month day jour date")

# Yes/no: English auxiliaries opening a question; French inversion and "est-ce que".
EN_AUXILIARIES = _words(
    "did does do is was were are has have had will would can could should"
)
FR_INVERSION_PRONOUNS = _words("il elle ils elles on")

# Follow-ups.
PRONOUNS = _words("he him his she her hers il elle lui son sa ses")
PLURAL_PRONOUNS = _words("they them their ils elles eux leur leurs")
ELLIPSIS_OPENERS = _words("and et what about quid ou")
# "tell me about X", "parle-moi de X", "who is X" with nothing else: a profile is asked.
PROFILE_CUES = _words(
    """tell about parle parler presente presenter describe decris info infos information
    informations know sais savoir connais profile profil resume summary"""
)

# Move directions, by the word just before the organisation.
SOURCE_PREPOSITIONS = _words(
    """from de d du des depuis ex formerly anciennement left leave leaves leaving quit quits
    quitte quitter quittent quittes"""
)
DESTINATION_PREPOSITIONS = _words(
    """to a au aux vers pour for into chez at by par join joins joined joining rejoint
    rejoindre rejoins rejoignent integre integrer"""
)
# "Which companies…?": the answer is organisations, not people.
ORGANIZATION_NOUNS = _words(
    """company companies entreprise entreprises societe societes firm firms firme firmes
    organisation organisations organization organizations employer employers employeur
    employeurs lab labs laboratoire laboratoires startup startups"""
)
ORDINALS = {"first": 0, "premier": 0, "premiere": 0, "1": 0, "second": 1, "deuxieme": 1,
            "seconde": 1, "2": 1, "third": 2, "troisieme": 2, "3": 2}

# Relation families: cue words and stems that evoke them.
RELATION_CUES: dict[str, str] = {
    "move_in": """join joins joined joining rejoindre rejoint rejoints rejointe rejoignent
        rejoignait rejoins integre integrer integree arrive arrived arrives arrivee arrivees
        arrivant arrivants passe passee passes went gone go goes moved move moves switch*
        hire hires hired hiring recrut* recruit* embauch* debauch* poach* attir* attract*
        lure* lured sign* snag* nab* transfer* brought bring recrue newcomer* new""",
    "move_out": """leave leaves left leaving quit quits quitte quitter quittent quittes
        depart departs departure* lose loses lost losing perdu perdre perd perdue exit* exode""",
    "lead": """lead leads led leading leader head heads headed heading run runs ran running
        manage* dirig* responsable chef patron boss pilot* charge helm""",
    "found": """found founded founder founders founding fondateur fondatrice fondateurs fonde
        fondee fonder cofond* cofound* create created creates creator cree creee creer
        createur createurs creatrice cocre* cocreat* invent*""",
    "role": """role roles poste postes position job title titre fonction ceo pdg directeur
        directrice director scientist scientifique chercheur chercheuse researcher engineer
        ingenieur manager gestionnaire occupe occupait occupy occupied was etait""",
    "work_on": """work works worked working travaill* contribu* develop* developp* build built
        conception concu concevoir design* participe* involved""",
    "statement": """say says said dit dire disait affirm* declar* claim* state stated statement
        tweet* wrote ecrit annonc* announc* explique* explain* raconte""",
    "opinion": """think thinks thought pense penser pensait estime estimait believe* croit
        opinion avis view views stance position""",
    "criticism": """critic* critiq* criticis* criticiz* reproch* blame* denonc* attaqu* slam*""",
    "reason": """why pourquoi reason reasons raison raisons cause motive* because""",
    "plan": """plan plans planning envisag* consider* projet projette intend* compte future
        futur""",
    "amount": """salary salaries salaire salaires pay paid payer paye pays offer offers offered
        offre offres offert package money argent dollar dollars million millions montant
        remuneration compensation prime primes bonus cost costs coute worth""",
    "count": """employee employees employ employs emploie emploient staff effectif effectifs
        workers salaries headcount size taille""",
    "location": """where based located situe situee trouve live lives vit habite city ville
        pays country""",
    "expertise": """specialist specialiste specialty specialite expert expertise known connu
        distingue distinguished domain domaine field strength atout""",
    "risk": """risk risks risque risques danger dangers consequence consequences problem
        problems concern concerns soutenab* sustainab* inegal* inequal* impact impacts effect
        effects""",
    "trend": """trend tendance war guerre course race turnover competition concurrence
        battle bataille market marche""",
    "owns": """own owns owned owner proprietaire possede belongs appartient""",
}

# Which fact types answer each relation family.
RELATION_FACT_TYPES: dict[str, frozenset[str]] = {
    "move_in": frozenset({"joined", "hired", "left"}),
    "move_out": frozenset({"joined", "hired", "left"}),
    "lead": frozenset({"leads", "role", "owns"}),
    "found": frozenset({"founded", "cofounded", "cocreated"}),
    "role": frozenset({"role", "leads", "founded", "cofounded", "cocreated", "owns"}),
    "work_on": frozenset({"worked_on", "expertise", "role", "leads"}),
    "statement": frozenset({"statement", "opinion", "criticism"}),
    "opinion": frozenset({"opinion", "statement", "criticism"}),
    "criticism": frozenset({"criticism"}),
    "reason": frozenset({"reason", "strategy", "plan"}),
    "plan": frozenset({"plan", "strategy"}),
    "amount": frozenset({"amount"}),
    "count": frozenset({"count", "hired"}),
    "location": frozenset({"location"}),
    "expertise": frozenset({"expertise", "worked_on"}),
    "risk": frozenset({"risk", "criticism"}),
    "trend": frozenset({"trend", "risk", "strategy"}),
    "owns": frozenset({"owns", "founded", "leads"}),
}
MOVE_RELATIONS = frozenset({"move_in", "move_out"})
MOVE_FACT_TYPES = frozenset({"joined", "hired", "left"})

# Words that are part of the question's frame, never of a name.
FRAME_WORDS = (
    WHO | WHEN | WHERE | WHY | WHAT | HOW | COMBIEN | PROFILE_CUES | PRONOUNS | PLURAL_PRONOUNS
)

# Chatty wrappers and politeness carry no meaning for the answer.
FILLERS = _words(
    """please pls plz stp svp merci thanks thank dis moi dites tu vous sais savez peux pouvez
    could can you me hey hi hello bonjour salut coucou yo ok okay alors bon bien je j veux
    voudrais aimerais want like know"""
)
GREETINGS = _words("hello hi hey bonjour salut coucou yo bonsoir hola")


@lru_cache(maxsize=4096)
def relation_of(word: str) -> frozenset[str]:
    """The relation families a normalised word evokes (cached: the same words recur)."""
    found = set()
    for family, cues in RELATION_CUES.items():
        for cue in cues.split():
            if cue.endswith("*"):
                if word.startswith(cue[:-1]):
                    found.add(family)
                    break
            elif word == cue:
                found.add(family)
                break
    return frozenset(found)

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "janvier january jan",
            "fevrier february feb",
            "mars march mar",
            "avril april apr",
            "mai may",
            "juin june jun",
            "juillet july jul",
            "aout august aug",
            "septembre september sept sep",
            "octobre october oct",
            "novembre november nov",
            "decembre december dec",
        ],
        start=1,
    )
    for name in names.split()
}
