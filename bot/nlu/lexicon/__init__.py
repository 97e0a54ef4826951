"""Small French and English lexicons that give a question its frame.

Words are in normalised form (bot.nlu.text.normalize: no accents, lowercase). A cue is either a
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
    parle moi dis stp svp merci bonjour salut tu vous je est-ce entreprise societe y d l qu c j
    sait vient viennent venait travaille travaillait bosse ca va slt etait sera ont"""
)
ENGLISH_MARKERS = _words(
    """who when where what which how many much why is are was were did does do has have had the
    of and a an he she they him her his their at from with for in on by that this these about
    tell me please thanks hello hi joined left hired lead leads led company works work say said
    think you i can could would will to into whom whose"""
)

# Words that never start a fuzzy match and never link on their own (articles, pronouns…).
STOPWORDS = (
    FRENCH_MARKERS
    | ENGLISH_MARKERS
    | _words(
        """l d s n j m c qu est-ce ex former ancien ancienne anciens et and or ni mais but so
    aussi also le la les un une des the a an of en dont donc alors then yes no oui non
    people personnes gens person personne quelqu someone anyone everyone tout tous all
    question answer reponse article articles ia ai still now currently today anymore encore
    toujours actuellement aujourd hui desormais before avant previously auparavant earlier
    prior used will sera seront va vont going mentioned mentionne mentionnes mentionnees cite
    cites citees named nommes fait faire font faisait faisaient make makes made does do did
    done really vraiment actually bien deja already finally enfin ever new nouveau nouvelle
    nouveaux nouvelles its exactly exactement precisely precisement roughly approximately
    environ about"""
    )
)

# Question words.
WHO = _words("who whom whose qui")
WHEN = _words("when quand date")
WHERE = _words("where")
HOW_LONG_TAIL = _words("long")
# Unaccented "ou" means "where" (not "or") at either end of a question or before these.
WHERE_OU_NEXT = _words("avant maintenant mtn aujourd actuellement desormais")
HOW_BIG_TAIL = _words("big large")
WHY = _words("why pourquoi")
WHAT = _words("what which quel quelle quels quelles quoi")
# "Qu'a dit…", "Que pense…": only at the start; later, "que" joins clauses ("dit que…").
OPENING_WHAT = _words("qu que")
HOW = _words("how comment")
HOW_MANY_TAIL = _words("many")
HOW_MUCH_TAIL = _words("much")
COMBIEN = _words("combien")
NUMBER_NOUNS = _words("nombre number count")
# "what year", "quelle année", "depuis quand": these ask for a date.
DATE_NOUNS = _words("year annee mois month day jour date periode period")

# Yes/no: English auxiliaries opening a question; French inversion and "est-ce que".
EN_AUXILIARIES = _words("did does do is was were are has have had will would can could should")
FR_INVERSION_PRONOUNS = _words("il elle ils elles on")

# Follow-ups.
PRONOUNS = _words("he him his she her hers il elle lui son sa ses")
PLURAL_PRONOUNS = _words("they them their ils elles eux leur leurs")
# "Qui l'a quittée ?", "Who left it?": a thing (company, lab…) named in the last message.
THING_PRONOUNS = _words("it")
FR_OBJECT_ELISION = "l"  # before an auxiliary: "l'a quittée", "l'avait rejoint"
FR_AUXILIARIES = _words("a avait ont avaient aura auront")
ELLIPSIS_OPENERS = _words("and et")  # "what about", "quid de": two words, see parsing
# "tell me about X", "parle-moi de X", "who is X" with nothing else: a profile is asked.
PROFILE_CUES = _words(
    """tell about parle parler presente presenter describe decris info infos information
    informations know sais sait savons savoir connais profile profil resume summary story
    histoire lowdown rundown bio biography happened happen happens happening news nouvelles
    neuf"""
)

# Move directions, by the word just before the organisation.
SOURCE_PREPOSITIONS = _words(
    """from de d du des depuis ex formerly anciennement left leave leaves leaving quit quits
    quitte quitter quittent quittes former ancien anciens ancienne anciennes alumni alums"""
)
DESTINATION_PREPOSITIONS = _words(
    """to vers pour for into by par join joins joined joining rejoint rejoindre rejoins
    rejoignent integre integrer"""
)
# Their side depends on the verb: "passé de Meta à xAI" (to), "piqué à Google" (from).
AT_PREPOSITIONS = _words("chez at a au aux")
# "qui d'autre que Pang", "from outside Meta": that entity is left out of the answer.
EXCLUSION_PHRASES = (
    "other than", "autre que", "autres que", "a part", "apart from", "besides", "except",
    "sauf", "hormis", "outside", "outside of", "hors de", "en dehors de", "excepte",
)  # fmt: skip
DIRECTION_WORDS = _words("to vers pour for into")  # destinations only after a move verb
# "au profit de xAI", "in favour of": the word before is "de"/"of", yet it names the winner.
DESTINATION_PHRASES = ("au profit de", "au profit d", "in favour of", "in favor of")
# "Which companies…?": the answer is organisations, not people.
ORGANIZATION_NOUNS = _words(
    """company companies entreprise entreprises societe societes firm firms firme firmes
    organisation organisations organization organizations employer employers employeur
    employeurs lab labs laboratoire laboratoires startup startups boite boites"""
)
ORDINALS = {
    "first": 0,
    "premier": 0,
    "premiere": 0,
    "1": 0,
    "second": 1,
    "deuxieme": 1,
    "seconde": 1,
    "2": 1,
    "third": 2,
    "troisieme": 2,
    "3": 2,
}

# Move verbs by what their grammatical subject is: the mover ("join"), the destination
# ("hire": Meta hired…), or the source ("leave"/"lose": Apple lost…).
MOVE_VERBS: dict[str, str] = {
    "join": """join joins joined joining rejoindre rejoint rejoints rejointe rejoignent
        rejoignait rejoins integre integrer integree arrive arrived arrives arrivee arrivees
        arrivant arrivants passe passee passes went gone go goes moved move moves switch*
        come comes came venu venue venus vient viennent transfer* newcomer* recrue recrues
        atterri atterrit landed lands""",
    "hire": """hire hires hired hiring recrut* recruit* embauch* debauch* poach* attir*
        attract* lure* sign* snag* nab* brought bring grab grabbed pique piquer chercher""",
    "leave": """leave leaves left leaving quit quits quitte quitter quittent quittes parti partie
        partis parties depart departs departure* lose loses lost losing perd* exit* exode
        walked""",
}
PASSIVE_MARKERS = _words("ete was were been being be etre")

# Relation families: cue words and stems that evoke them.
RELATION_CUES: dict[str, str] = {
    "move_in": MOVE_VERBS["join"] + " " + MOVE_VERBS["hire"],
    "move_out": MOVE_VERBS["leave"] + " former anciens anciennes alumni alums",
    "lead": """lead leads led leading leader head heads headed heading run runs ran running
        manage* dirig* responsable chef patron boss pilot* charge helm tete""",
    "found": """found founded founder founders founding fondateur fondatrice fondateurs fonde
        fondee fonder cofond* cofound*""",
    "create": """create created creates creator cree creee creer createur createurs creatrice
        cocre* cocreat* invent*""",
    "role": """role roles poste postes position job title titre fonction ceo pdg directeur
        directrice director scientist scientifique chercheur chercheuse researcher engineer
        ingenieur manager gestionnaire occupe occupait occupy occupied jouer joue jouait play
        plays played playing""",
    "work_on": """contribu* develop* developp* build built conception concu concevoir design*
        participe* involved projet projets project projects""",
    # "work at/for" is employment; "work on" is work_on (the parser tells them apart).
    "employment": """work works worked working travaill* employer employeur job bosse bossait
        bosser bossent boulot taf""",
    "duration": """long longtemps duration duree years ans""",
    "statement": """say says said dit disait affirm* declar* claim* state stated statement
        tweet* wrote ecrit annonc* announc* explique* explain* raconte propos exprim*
        express*""",
    "opinion": """think thinks thought pense penser pensait estime estimait believe* croit
        opinion avis view views stance favorable favourable favor favour""",
    "criticism": """critic* critiq* criticis* criticiz* reproch* blame* denonc* attaqu* slam*""",
    "reason": """why pourquoi reason reasons raison raisons cause motive* because respond*
        response repond* reponse react* reagi*""",
    # Where a claim comes from: "according to whom?", "d'où vient ce chiffre ?"
    "provenance": """figure figures chiffre chiffres source sources according selon analyse
        analysis study etude show emission podcast programme""",
    # Personal details the facts never hold: asking for them must get an honest "not stated".
    "biography": """age old born birth birthday naissance married marie mariee epouse wife
        husband children enfants university universite studied etudie diplome degree
        nationality nationalite religion live lives lived vit habite habitait domicile""",
    "plan": """plan plans planning envisag* consider* projette intend* future futur""",
    "amount": """salary salaries salaire salaires pay paid payer paye pays offer offers offered
        offre offres offert offrir propose proposee proposes proposait package money argent
        raise raised raising leve levee lever levent fund funds funding financement fonds
        touche toucher touchait gagne gagner gagnait earn earns earned
        dollar dollars million millions montant remuneration compensation prime primes bonus
        cost costs coute worth""",
    "count": """employee employees employ employs emploie emploient employe employes staff
        effectif effectifs salarie
        workers headcount workforce""",
    "location": """based located situe situee trouve city ville pays country""",
    "expertise": """specialist specialiste specialty specialite expert expertise known connu
        distingue distinguished domain domaine field strength atout""",
    "risk": """risk risks risque risques danger dangers consequence consequences problem
        problems probleme problemes concern concerns soutenab* sustainab* inegal* inequal*
        impact impacts effect effects""",
    "trend": """trend tendance war guerre course race turnover competition concurrence
        battle bataille market marche""",
    "owns": """own owns owned owner proprietaire possede belongs appartient""",
}

# Which fact types answer each relation family: first the types that answer it directly,
# then those that answer it when the direct ones are missing ("Where does X work?" with no
# location fact is answered by where X moved to).
_MOVES = frozenset({"joined", "hired", "left"})
RELATION_FACT_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "move_in": (_MOVES, frozenset()),
    "move_out": (_MOVES, frozenset()),
    "lead": (frozenset({"leads"}), frozenset({"role", "owns", "founded"})),
    "found": (frozenset({"founded", "cofounded"}), frozenset({"owns", "cocreated"})),
    "create": (frozenset({"cocreated", "founded", "cofounded"}), frozenset()),
    "role": (
        frozenset({"role", "leads"}),
        frozenset({"founded", "cofounded", "cocreated", "owns", "joined", "hired", "worked_on"}),
    ),
    "work_on": (frozenset({"worked_on", "expertise"}), frozenset({"role", "leads"})),
    "statement": (
        frozenset({"statement", "opinion", "criticism"}),
        frozenset({"reason", "strategy"}),
    ),
    "opinion": (
        frozenset({"opinion", "statement", "criticism"}),
        frozenset({"reason", "strategy"}),
    ),
    "criticism": (frozenset({"criticism"}), frozenset({"opinion", "statement", "risk"})),
    "reason": (
        frozenset({"reason"}),
        frozenset({"strategy", "plan", "risk", "opinion", "statement"}),
    ),
    "plan": (frozenset({"plan"}), frozenset({"strategy"})),
    "amount": (frozenset({"amount"}), frozenset({"count", "duration"})),
    "count": (frozenset({"count"}), frozenset()),
    "employment": (
        frozenset({"role", "leads", "joined", "hired", "count", "location"}),
        frozenset({"duration", "worked_on"}),
    ),
    "duration": (frozenset({"duration"}), frozenset()),
    "provenance": (frozenset(), frozenset()),  # any fact with a `via`: see answering
    "biography": (frozenset(), frozenset()),
    "location": (frozenset({"location"}), _MOVES | {"role", "leads", "duration"}),
    "expertise": (frozenset({"expertise", "worked_on"}), frozenset({"role"})),
    "risk": (frozenset({"risk", "criticism"}), frozenset({"trend"})),
    "trend": (frozenset({"trend"}), frozenset({"risk", "strategy"})),
    "owns": (frozenset({"owns"}), frozenset({"founded", "leads"})),
}
# The relation a question word asks for, which outranks the verbs' relations.
QWORD_RELATION = {
    "where": "location",
    "why": "reason",
    "how_much": "amount",
    "how_many": "count",
    "how_long": "duration",
}
WORK_ON_PARTICLES = _words("on sur")
# Tense cues: which of someone's roles the question is about.
PAST_CUES = _words(
    """was were etait ancien ancienne former formerly before avant previously auparavant
    earlier prior used precedent precedente"""
)
FUTURE_CUES = _words("will sera seront va vont future futur futurs going")
# Nouns naming a kind of entity, for "Which companies / models / people are mentioned?".
TYPE_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        [
            "company",
            "companies",
            "entreprise",
            "entreprises",
            "societe",
            "societes",
            "firm",
            "firms",
            "firme",
            "firmes",
            "organisation",
            "organisations",
            "organization",
            "organizations",
            "boite",
            "boites",
        ],
        "organization",
    ),
    **dict.fromkeys(
        [
            "model",
            "models",
            "modele",
            "modeles",
            "product",
            "products",
            "produit",
            "produits",
            "chatbot",
            "chatbots",
        ],
        "product",
    ),
    **dict.fromkeys(
        ["place", "places", "lieu", "lieux", "city", "cities", "ville", "villes"], "place"
    ),
    **dict.fromkeys(["people", "persons", "personnes", "gens", "person", "personne"], "person"),
    **dict.fromkeys(["media", "medias", "outlet", "outlets", "source", "sources"], "media"),
}
CONJUNCTIONS = _words("or ou and et")
LINKING_WORDS = _words("de d du des from the la le les l a au aux to at chez")
# Role nouns, grouped by meaning across both languages: a question naming one ("Who is the
# CEO of…") wants that role, not any role, and "PDG" is the same role as "CEO".
ROLE_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    _words(group)
    for group in (
        "ceo pdg",
        "head responsable chef leader",
        "directeur directrice director chief",
        "scientist scientifique",
        "chercheur chercheuse researcher",
        "engineer ingenieur",
        "manager gestionnaire manage manages managed managing gere gerait geraient gerer gerant",
    )
)
ROLE_NOUNS = frozenset().union(*ROLE_SYNONYMS)


def role_synonyms(words: frozenset[str]) -> frozenset[str]:
    """`words` with every role noun's synonyms added."""
    return words.union(*(group for group in ROLE_SYNONYMS if group & words))


# Fact types whose wording carries a stance, so a yes/no answer depends on its polarity.
STANCE_FACT_TYPES = frozenset({"statement", "opinion", "criticism", "reason", "strategy", "plan"})
NEGATIVE_CUES = """refus* sans without not no ne n pas jamais never cannot didn doesn isn wasn
    weren hasn haven don won critic* critiq* against contre"""
# "still", "now": the question is about the present.
PRESENT_CUES = _words(
    "still now currently today anymore encore toujours actuellement aujourd hui desormais"
)
MOVE_RELATIONS = frozenset({"move_in", "move_out"})
MOVE_FACT_TYPES = _MOVES

# Words that are part of the question's frame, never of a name.
FRAME_WORDS = (
    WHO | WHEN | WHERE | WHY | WHAT | HOW | COMBIEN | PROFILE_CUES | PRONOUNS | PLURAL_PRONOUNS
)

# Chatty wrappers and politeness carry no meaning for the answer.
FILLERS = _words(
    """please pls plz stp svp merci thanks thank dis moi dites tu vous sais savez peux pouvez
    could can you me hey hi hello bonjour salut coucou yo ok okay alors bon bien je j veux
    voudrais aimerais want like know gars mec guy dude got all this ca va part liste list
    toutes toute voulais voulait dire mean meant"""
)
# Frequent words of languages Mercato does not speak, to say so instead of guessing.
OTHER_LANGUAGE_MARKERS = (
    _words(
        """quien quienes que cuantas cuantos cuanto donde cuando porque por el los las es esta
    son una unos personas unidad dirige emplea tiene hay como cual wer wie was wo wann warum
    der die das ist sind und nicht ein eine hat haben chi dove quando perche sono della gli
    quem onde quando porque sao uma"""
    )
    - FRENCH_MARKERS
    - ENGLISH_MARKERS
)
# French words told apart only by their accent; the accented one is kept as this word.
ACCENTED_HOMOGRAPHS = {"né": "born", "née": "born", "nés": "born", "nées": "born", "où": "where"}
# "more than 2000?", "moins de 5 ans ?": a number the question compares with the facts'.
COMPARATORS: dict[str, str] = {
    "more than": ">", "plus de": ">", "over": ">", "above": ">", "beyond": ">",
    "at least": ">=", "au moins": ">=",
    "less than": "<", "moins de": "<", "under": "<", "below": "<", "fewer than": "<",
}  # fmt: skip
MULTIPLIERS = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
               "billion": 1e9, "billions": 1e9, "k": 1e3}  # fmt: skip
GREETINGS = _words("hello hi hey bonjour salut slt coucou cc yo bonsoir hola")


def _matches_cue(word: str, cues: str) -> bool:
    return any(
        word.startswith(cue[:-1]) if cue.endswith("*") else word == cue for cue in cues.split()
    )


@lru_cache(maxsize=4096)
def move_verb_class(word: str) -> str | None:
    """'join', 'hire' or 'leave' when `word` is a move verb."""
    return next((kind for kind, cues in MOVE_VERBS.items() if _matches_cue(word, cues)), None)


@lru_cache(maxsize=4096)
def negative(word: str) -> bool:
    """Whether `word` turns a statement negative ("refused", "without", "not"…)."""
    return _matches_cue(word, NEGATIVE_CUES)


@lru_cache(maxsize=4096)
def relation_of(word: str) -> frozenset[str]:
    """The relation families a normalised word evokes (cached: the same words recur)."""
    return frozenset(family for family, cues in RELATION_CUES.items() if _matches_cue(word, cues))


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

# --- yes/no verdicts (to move into the per-language data files)
# Words that report something second-hand or conditionally: what follows is not confirmed.
HEDGE_CUES = """selon according reportedly allegedly apparently envisagerait envisageraient
    aurait auraient serait seraient pourrait pourraient would might rumour* rumeur*"""
# An English question opening with these is about the present ("Is she at…", "Does he work…").
PRESENT_AUXILIARIES = _words("is are does do has have")
# "led by X", "dirigée par X": X is who acts.
AGENT_PREPOSITIONS = _words("by par")


@lru_cache(maxsize=4096)
def hedge(word: str) -> bool:
    """Whether `word` marks a report or a condition ("reportedly", "selon", "envisagerait")."""
    return _matches_cue(word, HEDGE_CUES)
# "The Llama guy", "le mec d'Apple": a person described by what they are tied to.
PERSON_NOUNS = _words("guy guys dude man woman gars mec meuf type nana homme femme celui celle")
# Nouns that describe someone by what they did: "the founder of X", "le patron de X".
DESCRIPTION_NOUNS = _words(
    """founder cofounder fondateur fondatrice cofondateur cofondatrice creator createur
    creatrice cocreateur patron boss owner proprietaire"""
)
# "Quel jour exactement ?": a question asking for a day, or a date made precise.
DAY_NOUNS = _words("jour day")
PRECISION_WORDS = _words("exactement exactly precisement precisely exacte exact precise")
