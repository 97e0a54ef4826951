"""The fail-closed mechanisms, one family each, on the invented fixture base (third article):
unknown names, misspelt full names, a preamble, a negation asked about, a wrong day, what
someone said about something else, and an ambiguous name settled by the rest of the question."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from chat import Chat
from paths import DATA
from reply_reading import NO, YES, verdict_of

from bot import kb
from bot.engine import Engine
from bot.nlu import lexicon as lx
from bot.text import normalize


@pytest.fixture(scope="module")
def third() -> Engine:
    return Engine(kb.load(DATA / "third_article"))


def reply(engine: Engine, question: str) -> tuple[str, str]:
    answer, _ = engine.answer(question)
    return answer.kind, normalize(answer.text)


@pytest.mark.parametrize(
    ("question", "stranger"),
    [
        ("Did Kasia Wierzbicki found Lumenic?", "kasia wierzbicki"),  # a known surname
        ("Quand Sam Altman a-t-il rejoint Lumenic ?", "sam altman"),
        ("How many engineers did Quantix Photonics hire from Vectoria Labs?", "quantix photonics"),
        ("did kasimir wierzbicki found lumenic", "kasimir wierzbicki"),  # no capitals
        # A known first name beside a surname the articles never write: someone else.
        ("when did helena cowen join lumenic", "helena cowen"),
        # Another first name before a misspelt known surname: someone else.
        ("did lex solbergg join lumenic", "lex solbergg"),
        # A first name as common as a word, first, beside a rarer written surname.
        ("when did john schulman join lumenic", "john schulman"),
        ("did aidan gomez found lumenic", "aidan gomez"),
        # Another first name before a known surname: someone else.
        ("isaac solberg a rejoint lumenic quand ?", "isaac solberg"),
        # ... even one that also starts a word the articles write ("marc" of "marché").
        ("what did marc varga say about lumenic", "marc varga"),
        # A known first name before a word two edits from the surname: someone else, not a typo.
        ("when did helena barca join lumenic", "helena barca"),
        # A lone word wordfreq knows, as rare in French as in English: a name.
        ("what did hinton say about lumenic", "hinton"),
        ("qu'a dit nadella sur vectoria labs ?", "nadella"),
        # A word before a company's suffix ("AI", "Labs") names a company.
        ("How many engineers did Figure AI hire from Lumenic?", "figure ai"),
        ("did inflection ai hire from lumenic", "inflection ai"),
        # A first name the articles write, before a surname two known people share.
        ("Who is Ingrid Wierzbicki?", "ingrid wierzbicki"),
        # A known first name before a word the language seldom uses: another surname.
        ("did tomasz levy join lumenic", "tomasz levy"),
        # A name in a statement handed over to be confirmed.
        ("so Alan Cowen founded Lumenic, right?", "alan cowen"),
        # A particle inside a full name, written with capitals or without.
        ("Did Omar al-Qirbani join Lumenic?", "omar al qirbani"),
        ("omar al-qirbani a rejoint lumenic en mars ?", "omar al qirbani"),
        # A capitalised first name that is also a word of the lexicon (a month).
        ("Did Jan Qirbani join Lumenic?", "jan qirbani"),
        # A company described in apposition, however common its name's word.
        ("magic (la startup de code) a perdu des ingés au profit de lumenic ?", "magic"),
        ("Magic, the coding startup, lost engineers to Lumenic?", "magic"),
        # Two common words opening as a first name does, where a speaker stands.
        ("what did bill baker say about lumenic", "bill baker"),
        ("qu'a dit bill baker sur lumenic ?", "bill baker"),
        # The subject after the counted object that opens a French question.
        ("combien d'ingénieurs velvet moon a recrutés chez lumenic ?", "velvet moon"),
        # A month's word as common as a first name, before a rare word, without capitals.
        ("what did jan qirbani say about lumenic", "jan qirbani"),
        # Whose staff are counted, in an unread word: a company.
        ("how many inflection staff did lumenic hire?", "inflection"),
        ("lumenic a recruté cb de gens d'inflection ?", "inflection"),
        # An owner with no determiner before it, however common its words: a name.
        ("who runs magic's data centre?", "magic"),
        ("who leads physical intelligence's team?", "physical intelligence"),
        # What a role, a team or staff belongs to, after "of", "de" or "chez": a name.
        ("c qui dirige l'equipe photonique de tesla ?", "tesla"),
        ("le patron d'oracle il a dit quoi sur lumenic ?", "oracle"),
        ("what did the boss of samsung say about lumenic?", "samsung"),
        ("combien d'inges de huawei lumenic a recrutés ?", "huawei"),
        # A census first name before a word the articles never write: a full name, however
        # common both words are.
        ("did mark lee join lumenic?", "mark lee"),
        ("andrew ng a rejoint lumenic ?", "andrew ng"),
        ("what did tomasz wierzbicki say about chris cox?", "chris cox"),
    ],
)
def test_a_name_the_base_does_not_know_is_said_to_be_unknown(third, question, stranger):
    kind, text = reply(third, question)
    assert kind == "unknown"
    assert stranger in text
    assert not text.startswith(("yes", "oui", "no ", "non "))


@pytest.mark.parametrize(
    "question",
    [
        "Did Tomasz Wierzbiki found Lumenic?",
        "Did Tomas Wierzbicki found Lumenic?",
        "did ingrid solbergg join lumenic",  # a typo of the surname after the right first name
    ],
)
def test_a_misspelt_full_name_still_links(third, question):
    kind, text = reply(third, question)
    assert (kind, text.split()[0]) == ("answer", "yes")


def test_a_capitalised_word_the_articles_write_is_no_stranger(third):
    kind, text = reply(third, "Did Ingrid Solberg design the Aurora-7 chip at Vectoria Labs?")
    assert kind == "answer" and "nothing about" not in text


@pytest.mark.parametrize(
    "question",
    [
        "where is vectoria's biggest compute center",  # words of one language, not names
        "did lumenic hire from the tech giants",
        "did lumenic make crazy offers",
        "did the photoni war hurt lumenic",  # a word the articles write ("photonique"), cut short
        "pk ingrid solberg est alle chez lumenic",  # "allé" typed without its accent
        "lumenic a recrute combien d'inge de vectoria",  # "ingénieurs" cut short
        "who runs the company's data centre?",  # a noun's possessive, after its determiner
        # Words of the languages after "of", "de", "chez", however common in both.
        "who is the head of research at lumenic?",
        "who leads the team of engineers at lumenic?",
        "qui est le chef de projet chez lumenic ?",
        "qui dirige l'équipe d'intelligence artificielle de lumenic ?",
        "qui est le responsable de production chez lumenic ?",
        "did lumenic grant stock to ingrid solberg?",  # a first name, where no person stands
    ],
)
def test_words_of_the_language_are_no_strangers(third, question):
    _, text = reply(third, question)
    assert "nothing about" not in text and "ne disent rien" not in text, text


def test_a_pronoun_after_a_stranger_is_the_stranger(third):
    chat = Chat(third)
    chat.ask("who is igor babuschkin?")
    for follow_up in ("and when did he join lumenic?", "did he hire ingrid solberg?"):
        answer = chat.ask(follow_up)
        assert answer.kind == "unknown" and "babuschkin" in normalize(answer.text), follow_up
    answer = chat.ask("and who is ingrid solberg?")  # a known name again: answered
    assert answer.kind == "answer" and "babuschkin" not in normalize(answer.text)


@pytest.mark.parametrize(
    "follow_up", ["and when did he join lumenic?", "elle a rejoint lumenic quand ?"]
)
def test_a_pronoun_for_no_one_named_is_asked_about_not_guessed(third, follow_up):
    chat = Chat(third)
    chat.ask("how many people work at lumenic?")  # names a company, no person
    answer = chat.ask(follow_up)
    assert answer.kind == "unknown" and "march" not in normalize(answer.text)
    assert "solberg" not in normalize(answer.text)
    chat = Chat(third)
    chat.ask("who is ingrid solberg?")
    assert chat.ask(follow_up).kind == "answer"  # someone named before: answered


@pytest.mark.parametrize(
    "question",
    [
        "Does Marek Wierzbicki run the Finland site?",
        "Marek Wierzbicki dirige-t-il le site de Finlande ?",
    ],
)
def test_leading_something_whose_city_is_unsaid_is_no_no_for_a_city(tmp_path: Path, question):
    """What P leads, where the articles say no city, may stand in the city asked about."""
    base = tmp_path / "base"
    shutil.copytree(DATA / "third_article", base)
    facts = base / "facts.yaml"
    text = facts.read_text(encoding="utf-8").replace(
        "    object: lumenic-tampere-lab\n    tense: current\n    about: [tampere]\n",
        "    object: lumenic-tampere-lab\n    tense: current\n",
    )
    text = re.sub(r"  - id: lumenic-lab-in-tampere\n.*?(?=\n  - id: )", "", text, flags=re.S)
    facts.write_text(text, encoding="utf-8")
    answer, _ = Engine(kb.load(base)).answer(question)
    assert answer.kind == "answer" and verdict_of(answer) not in (YES, NO)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Did Ingrid Solberg leave Nordkapp Ventures?", None),  # left elsewhere: not a No
        ("Ingrid Solberg a-t-elle quitté Nordkapp Ventures ?", None),
        ("Did Ingrid Solberg come from Nordkapp Ventures?", NO),  # the move's one source
        ("Did Ingrid Solberg leave Vectoria Labs?", YES),
        # Joining one company says nothing of having worked at another before, or besides.
        ("Did Ingrid Solberg work at Nordkapp Ventures before Lumenic?", None),
        ("Did Ingrid Solberg work at Vectoria Labs before Lumenic?", YES),
    ],
)
def test_leaving_one_company_says_nothing_of_leaving_another(third, question, verdict):
    answer, _ = third.answer(question)
    got = verdict_of(answer)
    assert got == verdict if verdict else got not in (YES, NO)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # A plan is refuted by no past: the other way round, elsewhere, another month.
        ("Will Vectoria Labs hire engineers from Lumenic?", None),
        ("Vectoria Labs va recruter des ingénieurs de Lumenic ?", None),
        ("Will Ingrid Solberg join Nordkapp Ventures?", None),
        ("Ingrid Solberg va-t-elle rejoindre Nordkapp Ventures ?", None),
        ("Will Ingrid Solberg join Lumenic in May?", None),
        ("Did Vectoria Labs hire engineers from Lumenic?", NO),  # the past is refuted
        ("Did Ingrid Solberg join Lumenic in May?", NO),
    ],
)
def test_what_happened_refutes_no_plan(third, question, verdict):
    answer, _ = third.answer(question)
    got = verdict_of(answer)
    assert got == verdict if verdict else got not in (YES, NO)


@pytest.mark.parametrize(
    "question",
    ["Was Helena Varga the CEO of Quillbrook?", "Helena Varga est-elle PDG de Quillbrook ?"],
)
def test_an_unknown_name_in_a_slot_a_fact_fills_otherwise_is_a_no(third, question):
    answer, _ = third.answer(question)
    assert verdict_of(answer) == NO and "vectoria labs" in normalize(answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "Did Lumenic hire anyone from Quillbrook?",  # the side of a move: one of many
        "Did Ingrid Solberg join Lumenic with Quillbrook?",  # no slot of the fact
        "Did Quillbrook hire Ingrid Solberg?",  # the unknown name is what is asked about
        "Did Ingrid Solberg join Lumenic in Oslovik?",  # the fact says no place
    ],
)
def test_an_unknown_name_no_fact_contradicts_stays_unknown(third, question):
    answer, _ = third.answer(question)
    text = normalize(answer.text)
    assert answer.kind == "unknown" and ("quillbrook" in text or "oslovik" in text)


@pytest.mark.parametrize(
    "question",
    [
        "Where is Lumenic headquartered?",
        "Où est le siège de Lumenic ?",
        "Where is Vectoria Labs based?",
    ],
)
def test_a_site_elsewhere_is_not_the_seat_asked(third, question):
    answer, _ = third.answer(question)
    assert answer.kind == "unknown" and "tampere" not in normalize(answer.text)


def test_where_a_lab_is_still_answers(third):
    answer, _ = third.answer("Where is Lumenic's lab?")
    assert answer.kind == "answer" and "tampere" in normalize(answer.text)


def test_a_description_opening_with_a_name_keeps_its_capital():
    from bot.engine.families.profile import as_clause

    assert as_clause("Kasia Lind’s company.", "Quillon", "en") == "Kasia Lind’s company"
    assert as_clause("Former Meta data-centre manager.", "Alan Rice", "en").startswith("former")
    # A first name as common as a word keeps its capital when the base knows it as a name's.
    told = "Alex Moss, the chief of Zeta, told Orbiton that Acme would pay."
    assert as_clause(told, "Orbiton", "en", frozenset({"alex", "moss"})).startswith("Alex Moss")
    assert as_clause("OrbitAI researcher.", "Ada Lind", "en") == "OrbitAI researcher"


def test_the_one_from_a_company_is_who_came_from_it(third):
    chat = Chat(third)
    chat.ask("who is marek wierzbicki?")
    answer = chat.ask("and the one from vectoria labs?")  # its CEO stays there; one came from it
    assert answer.kind == "answer" and normalize(answer.text).startswith("ingrid solberg")


def test_a_preamble_that_names_nothing_does_not_replace_the_question(third):
    plain, _ = third.answer("Who founded Lumenic?")
    prefaced, _ = third.answer("I follow the photonics news. Who founded Lumenic?")
    assert prefaced.text == plain.text
    assert "wierzbicki" in normalize(plain.text)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Is it true that Ingrid Solberg did not join Lumenic?", "no"),
        ("N'est-il pas vrai qu'Ingrid Solberg n'a pas rejoint Lumenic ?", "non"),
        ("Didn't Ingrid Solberg join Lumenic?", "yes"),
        ("Est-ce qu'Ingrid Solberg n'a pas rejoint Lumenic ?", "oui"),
        # A truth cue's present auxiliary ("is it true") is not the statement's tense.
        ("Is it true that Ingrid Solberg never worked at Vectoria Labs?", "no"),
        ("is it true ingrid solberg worked at vectoria labs?", "yes"),
        ("Is it true Ingrid Solberg works at Vectoria Labs?", "no"),
        # "personne" as the object of a verb: nobody, with "ne" or, in a chat, without.
        ("c vrai que lumenic a recruté personne chez vectoria labs ?", "non"),
        ("lumenic n'a recruté personne chez vectoria labs ?", "non"),
        ("c vrai que lumenic a recruté une personne de vectoria labs ?", "oui"),
    ],
)
def test_a_negation_is_answered_as_what_it_asks(third, question, verdict):
    assert reply(third, question)[1].split()[0] == verdict


def test_a_day_finer_than_the_fact_is_neither_yes_nor_no(third):
    text = reply(third, "Did Ingrid Solberg join Lumenic on 3 March?")[1]
    assert text.startswith("not confirmed") and "precise" in text and "march" in text


def test_a_bound_does_not_settle_a_precise_amount(third):
    text = reply(third, "Did Lumenic raise exactly 80 million euros?")[1]
    assert text.startswith("not confirmed") and "bound" in text and "50" in text


def test_what_someone_said_about_another_thing_is_not_answered(third):
    kind, text = reply(third, "What did Helena Varga say about Nordkapp Ventures?")
    assert kind == "unknown" and "helena varga" in text and "nordkapp" in text
    assert reply(third, "What did Helena Varga say about Lumenic?")[0] == "answer"


def test_an_ambiguous_name_is_settled_by_the_others_named(tmp_path: Path):
    target = tmp_path / "base"
    shutil.copytree(DATA / "third_article", target)
    engine = Engine(kb.load(target))
    # "Wierzbicki" names both brothers; only one founded Lumenic.
    assert engine.answer("Who is Wierzbicki?")[0].kind == "clarify"
    answer, _ = engine.answer("When did Wierzbicki or Solberg come to Lumenic, and who founded it?")
    assert answer.kind in ("answer", "clarify")


def test_they_in_a_follow_up_yes_no_are_the_conversations_not_anyone(third):
    chat = Chat(third)
    chat.ask("Who founded Lumenic?")
    answer = chat.ask("Did they hire engineers from Vectoria Labs too?")
    # "They" hire: Lumenic, the company asked about, which the reply names as the hirer.
    assert verdict_of(answer) == YES and "lumenic has hired" in normalize(answer.text)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("combien de brevets lumenic a-t-elle ?", False),  # a count of something else
        ("how many patents does lumenic have?", False),
        ("how many Lumenic patents are there?", False),
        ("combien de personnes lumenic emploie ?", True),
        ("how many people does lumenic employ?", True),
    ],
)
def test_a_count_answers_only_for_what_it_counts(third, question, counted):
    _, text = reply(third, question)
    assert ("300" in text) == counted, text


@pytest.mark.parametrize(
    "question",
    [
        "Did Ingrid Solberg hire engineers from Vectoria Labs?",
        "ingrid solberg a recruté des ingénieurs chez vectoria labs ?",
    ],
)
def test_a_person_who_hires_is_not_the_person_hired(third, question):
    """Her own move from there says nothing of whom she hired from there."""
    assert verdict_of(third.answer(question)[0]) not in (YES, NO)


@pytest.mark.parametrize(
    ("before", "verdict"),
    [
        (["Who joined Lumenic in March?", "what did she design?"], None),  # she hired no one
        (["Who joined Lumenic in March?"], YES),  # they: Lumenic, the one who hired
    ],
)
def test_they_who_hire_are_the_conversations_organisations(third, before, verdict):
    chat = Chat(third)
    for question in before:
        chat.ask(question)
    got = verdict_of(chat.ask("and did they hire engineers from Vectoria Labs?"))
    assert got == verdict if verdict else got not in (YES, NO)


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        # Tampere, asked about first, is in nothing she said: "it" must not bring it back.
        ("What did Helena Varga say about Tampere?", "where did she say it?"),
        ("Qu'a dit Helena Varga sur Tampere ?", "elle l'a dit où ?"),
    ],
)
def test_it_after_a_saying_verb_is_what_was_said(third, first, follow_up):
    chat = Chat(third)
    chat.ask(first)
    answer = chat.ask(follow_up)
    assert answer.kind == "answer" and "signal boreal" in normalize(answer.text), answer.text


def test_a_stranger_is_named_as_written_with_french_elision(third):
    answer, _ = third.answer("Omar al-Qirbani a-t-il rejoint Lumenic ?")
    assert answer.text.startswith("Les articles ne disent rien d’Omar al-Qirbani.")


@pytest.mark.parametrize(
    "messages",
    [
        ["Did Quantix Photonics hire anyone from Vectoria Labs?", "who?"],
        ["Did Quantix Photonics hire anyone from Vectoria Labs? who?"],
        ["Est-ce que Quantix Photonics a recruté chez Vectoria Labs ?", "qui ?"],
        # The inverted pronoun repeats the stranger: it points at no one before.
        ["Quantix Photonics a-t-elle recruté chez Vectoria Labs ?", "qui ?"],
    ],
)
def test_a_bare_follow_up_after_a_stranger_is_still_about_the_stranger(third, messages):
    chat = Chat(third)
    for message in messages:
        answer = chat.ask(message)
    assert "quantix photonics" in normalize(answer.text)
    assert "ingrid" not in normalize(answer.text)


def test_who_else_with_him_names_the_others_who_moved_there_not_him(tmp_path: Path):
    article = """Lumenic hires
In March, Lumenic hired Ada Lind, Bo Strand and Kasia Moss from Vectoria Labs.
"""
    from snippets import add_snippet

    _, base = add_snippet(tmp_path, article, "lumenic-recrute")
    chat = Chat(Engine(kb.load(base)))
    chat.ask("Who is Ada Lind?")
    answer = chat.ask("Who else joined with her?")
    text = normalize(answer.text)
    assert "bo strand" in text and "kasia moss" in text
    assert not text.startswith("ada lind")


@pytest.mark.parametrize("question", ["cest qui tomasz wierzbicki stp", "c qui ingrid solberg"])
def test_a_chat_spelling_still_gets_the_profile(third, question):
    """ "cest" is a chat's "c'est", no word left unexplained."""
    kind, text = reply(third, question)
    assert kind == "answer" and "lumenic" in text, text


def test_a_first_name_cut_short_is_no_one_else():
    """ "tom" cuts "tomasz" short: one of the two Wierzbickis, not a stranger; the choice keeps
    the capital of the name a description opens with."""
    answer, _ = Engine(kb.load(DATA / "third_article")).answer("who is tom wierzbicki?")
    assert answer.kind in ("answer", "clarify") and "nothing about" not in answer.text
    assert "(Tomasz Wierzbicki" in answer.text


def test_a_unit_named_by_its_word_beside_a_team_noun_is_that_unit(tmp_path: Path):
    """ "le labo aurore de Lumenic": the one unit of Lumenic whose names say "aurore", though
    no alias writes it so; its leader is the answer, not whoever Lumenic employs."""
    base = tmp_path / "base"
    shutil.copytree(DATA / "third_article", base)
    entities = base / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    start = text.index("    name: {fr: Laboratoire de Lumenic à Tampere")
    end = text.index("    part_of: lumenic", start)
    unit = "    name: {fr: Laboratoire Aurore de Lumenic, en: Lumenic’s Aurore lab}\n"
    entities.write_text(text[:start] + unit + text[end:], encoding="utf-8")
    engine = Engine(kb.load(base))
    for question in ("qui dirige le labo aurore de lumenic ?", "who leads lumenic's aurore lab?"):
        answer, _ = engine.answer(question)
        assert answer.kind == "answer" and "Marek" in answer.text, answer.text


def test_who_leads_is_no_one_whose_title_leads_nothing(base, engine: Engine):
    """ "Who runs X?" when the articles give X only people whose titles lead nothing (a
    researcher, a site's manager): none of them is named as its leader."""
    leading = set().union(*(lx.ROLE_GROUPS[g] for g in ("ceo", "head")))
    led = {f.object for f in base.facts if f.type == "leads"}
    titled = [
        f
        for f in base.facts
        if f.type == "role" and f.object and f.object not in led and f.role
        and not set(normalize(f"{f.role.fr} {f.role.en}").split()) & leading
    ]  # fmt: skip
    assert titled, "the base has someone titled at a company no one is said to lead"
    for fact in titled[:5]:
        company = base.entities[fact.object].name.get("fr")
        answer, _ = engine.answer(f"qui dirige {company} ?")
        assert base.entities[fact.subject].name.get("fr") not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Qui a remplacé Tomasz Wierzbicki à la tête de Lumenic ?",
        "who succeeded Tomasz Wierzbicki at Lumenic?",
    ],
)
def test_who_is_someone_else_than_the_person_the_question_names(third, question):
    """The facts tie only him to Lumenic: who replaced him they do not say."""
    kind, text = reply(third, question)
    assert kind == "unknown" and not text.startswith("tomasz"), text


@pytest.mark.parametrize(
    ("question", "namesake"),
    [
        ("helena varga the violinist, did she join lumenic?", "helena varga (the violinist)"),
        (
            "ingrid solberg la violoniste a rejoint lumenic quand ?",
            "ingrid solberg (la violoniste)",
        ),
    ],
)
def test_a_known_name_described_as_no_fact_says_is_someone_else(third, question, namesake) -> None:
    kind, text = reply(third, question)
    assert kind == "unknown" and normalize(namesake) in text


def test_a_known_name_described_as_its_facts_say_is_them(third) -> None:
    kind, text = reply(third, "ingrid solberg the chip designer, when did she join lumenic?")
    assert kind == "answer" and "mars" not in text and "march" in text
