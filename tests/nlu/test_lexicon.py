"""The lexicon data files (bot/nlu/lexicon/*.yaml), their checker and the constants built from them.

Every error test copies the shipped files to a temporary directory, breaks the copy with one
precise textual edit and checks the exact `file:line: concept: message` problem reported. Line
numbers are found by searching the edited file, never hardcoded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.nlu import lexicon as lx
from bot.nlu.lexicon import concepts, files

# Concepts both French and English must have words for. The others are one language's
# grammar: "how many" is English, "combien" French; French "où" reaches `where` through the
# accented homographs.
SHARED = frozenset(
    {
        "markers", "stopwords", "who", "when", "why", "what", "how", "number_nouns",
        "date_nouns", "date_leads", "pronouns", "plural_pronouns", "person_pronouns",
        "counted_nouns",
        "headquarters_words",
        "ellipsis_openers",
        "profile_cues", "negation_particles", "cause_prepositions",
        "source_prepositions", "destination_prepositions", "at_prepositions",
        "exclusion_phrases", "direction_words", "destination_phrases", "organization_nouns",
        "determiners", "name_particles", "staff_nouns", "unit_nouns", "owner_prepositions",
        "ordinals", "move_verbs", "passive_markers", "relation_cues", "work_on_particles",
        "past_cues", "future_cues", "present_cues", "type_nouns", "conjunctions",
        "linking_words", "role_synonyms", "role_phrases", "negative_cues", "fillers", "greetings",
        "comparators", "multipliers", "round_numbers", "months", "hedge_cues", "report_cues",
        "agent_prepositions", "person_nouns", "description_nouns", "day_nouns", "year_nouns",
        "precision_words", "truth_cues",
        "confirmation_tags", "name_words", "topic_markers", "complementizers", "company_suffixes",
        "copulas", "plural_quantifiers", "cleft_openers", "other_words", "additive_words",
        "demonstratives",
        "before_words", "after_words", "order_words", "comparatives", "same_words",
        "definition_cues", "payment_verbs", "spending_verbs", "past_auxiliaries", "since_words",
    }
)  # fmt: skip
ONE_LANGUAGE = {
    "fr": {
        "where_ou_next", "opening_what", "combien", "inversion_pronouns", "object_elision",
        "elision_auxiliaries", "accented_homographs", "purpose_markers", "infinitive_endings",
        "past_endings", "negation_openers", "negative_pronouns",
    },
    "en": {
        "where", "how_long_tail", "how_big_tail", "how_many_tail", "how_much_tail",
        "question_auxiliaries", "thing_pronouns", "present_auxiliaries", "simple_past_endings",
    },
}  # fmt: skip


# ---------------------------------------------------------------- helpers


@pytest.fixture
def ldir(tmp_path: Path) -> Path:
    """A private copy of the shipped lexicon files, free to break."""
    target = tmp_path / "lexicon"
    target.mkdir()
    for path in concepts.DIRECTORY.glob("*.yaml"):
        shutil.copy(path, target / path.name)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line of the only line of `path` containing `needle`."""
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    assert len(lines) == 1, f"{needle!r} must be on exactly one line of {path.name}"
    return lines[0]


def only_problem(directory: Path) -> str:
    problems = files.check_files(directory)
    assert len(problems) == 1, problems
    return problems[0]


# ---------------------------------------------------------------- the shipped files


def test_shipped_files_are_valid():
    assert files.check_files() == []
    assert lx.check_files(concepts.DIRECTORY) == []


def test_every_concept_is_used():
    lexicons = files.load()
    used = {name for code in concepts.LANGUAGES for name in lexicons[code]}
    assert used == set(concepts.CONCEPTS)


@pytest.mark.parametrize("concept", sorted(SHARED))
def test_shared_concepts_have_words_in_french_and_english(concept):
    lexicons = files.load()
    for code in ("fr", "en"):
        assert lexicons[code].get(concept), f"{concept} has no {code} words"


@pytest.mark.parametrize(
    "concept", ["move_verbs", "role_synonyms", "months", "ordinals", "type_nouns", "comparators"]
)
def test_every_group_has_words_in_french_and_english(concept):
    lexicons = files.load()
    groups = {group for code in ("fr", "en") for group in lexicons[code][concept]}
    for code in ("fr", "en"):
        assert all(lexicons[code][concept].get(group) for group in groups), (concept, code)


def test_every_relation_family_has_words_in_french_and_english():
    lexicons = files.load()
    for code in ("fr", "en"):
        cues = lexicons[code]["relation_cues"]
        # move_in is the join and hire verbs alone.
        assert set(cues) == set(concepts.RELATION_FAMILIES) - {"move_in"}, code
        assert all(cues.values()), code


def test_one_language_concepts_are_that_language_s():
    lexicons = files.load()
    for code, own in ONE_LANGUAGE.items():
        other = "en" if code == "fr" else "fr"
        assert all(lexicons[code].get(c) for c in own), code
        assert not own & set(lexicons[other]), other
    assert SHARED | ONE_LANGUAGE["fr"] | ONE_LANGUAGE["en"] == set(concepts.CONCEPTS)


# ---------------------------------------------------------------- the constants


def test_constants_are_unions_over_languages():
    assert {"qui", "who"} <= lx.WHO
    assert any({"pdg", "ceo"} <= group for group in lx.ROLE_SYNONYMS)
    assert lx.MONTHS["janvier"] == lx.MONTHS["january"] == 1
    assert lx.ORDINALS["premier"] == lx.ORDINALS["first"] == lx.ORDINALS["1"] == 0
    assert lx.MULTIPLIERS["k"] == 1e3 and lx.MULTIPLIERS["milliard"] == 1e9
    assert lx.COMPARATORS["plus de"] == lx.COMPARATORS["more than"] == ">"
    assert lx.ACCENTED_HOMOGRAPHS["où"] == "where"
    assert lx.FR_OBJECT_ELISION == "l"
    assert lx.MARKERS["fr"] is lx.FRENCH_MARKERS and lx.MARKERS["en"] is lx.ENGLISH_MARKERS


def test_derived_sets():
    assert lx.FRENCH_MARKERS | lx.ENGLISH_MARKERS <= lx.STOPWORDS
    assert not lx.OTHER_LANGUAGE_MARKERS & (lx.FRENCH_MARKERS | lx.ENGLISH_MARKERS)
    assert "hola" in lx.GREETINGS and "hola" not in lx.OTHER_LANGUAGE_MARKERS
    assert lx.WHO | lx.PROFILE_CUES <= lx.FRAME_WORDS


def test_move_families_take_the_move_verbs():
    assert lx.move_verb_class("rejoint") == "join" and "move_in" in lx.relation_of("rejoint")
    assert lx.move_verb_class("recrutes") == "hire" and "move_in" in lx.relation_of("recrutes")
    assert lx.move_verb_class("quitte") == "leave" and "move_out" in lx.relation_of("quitte")
    assert lx.relation_of("anciens") == {"move_out"} and lx.move_verb_class("anciens") is None
    assert list(lx.MOVE_VERBS) == ["join", "hire", "leave"]  # tried in this order


def test_negative_cues_are_parsed_as_cues():
    assert lx.negative("refused") and lx.negative("pas") and not lx.negative("passe")


# ---------------------------------------------------------------- broken copies


def test_a_word_not_in_normalised_form(ldir):
    path = ldir / "fr.yaml"
    edit(path, "who: [qui, ki]", "who: [Qui, ki]")
    line = line_of(path, "who: [Qui, ki]")
    assert only_problem(ldir) == f"{path}:{line}: who: 'Qui' is not in normalised form ('qui')"


def test_an_accented_word_in_a_multiline_list_is_reported_on_its_own_line(ldir):
    path = ldir / "fr.yaml"
    edit(path, "enfin, nouveau,", "enfin, déjà, nouveau,")
    line = line_of(path, "déjà")
    problem = f"{path}:{line}: stopwords: 'déjà' is not in normalised form ('deja')"
    assert only_problem(ldir) == problem


def test_a_stem_not_in_normalised_form_names_its_group(ldir):
    path = ldir / "fr.yaml"
    edit(path, "lead: [dirig*,", "lead: [Dirig*,")
    line = line_of(path, "Dirig*")
    problem = f"{path}:{line}: relation_cues.lead: 'Dirig*' is not in normalised form ('dirig*')"
    assert only_problem(ldir) == problem


def test_a_stem_where_none_is_allowed(ldir):
    path = ldir / "en.yaml"
    edit(path, "who: [who, whom, whose, whos]", "who: [who, whom, whos*]")
    line = line_of(path, "whos*")
    problem = f"{path}:{line}: who: 'whos*' is a stem, and this concept takes whole words only"
    assert only_problem(ldir) == problem


def test_an_unknown_concept(ldir):
    path = ldir / "en.yaml"
    edit(path, "why: [why]", "why: [why]\nwhy_not: [because]")
    line = line_of(path, "why_not:")
    assert only_problem(ldir) == f"{path}:{line}: why_not: unknown concept"


def test_a_word_instead_of_a_list(ldir):
    path = ldir / "fr.yaml"
    edit(path, "why: [pourquoi, pk, pq, pkoi]", "why: pourquoi")
    line = line_of(path, "why: pourquoi")
    assert only_problem(ldir) == f"{path}:{line}: why: expected a list of words"


def test_a_list_instead_of_groups(ldir):
    path = ldir / "en.yaml"
    edit(path, "ordinals:\n  1: [first]\n  2: [second]\n  3: [third]", "ordinals: [first]")
    line = line_of(path, "ordinals:")
    assert only_problem(ldir) == f"{path}:{line}: ordinals: expected a mapping of groups to words"


def test_an_unquoted_number_or_boolean_is_not_a_word(ldir):
    path = ldir / "common.yaml"
    edit(path, '1: ["1"]', "1: [1]")
    line = line_of(path, "1: [1]")
    assert only_problem(ldir) == f"{path}:{line}: ordinals.1: 1 is not a word (quote it)"
    path = ldir / "en.yaml"
    edit(path, 'work_on_particles: ["on"]', "work_on_particles: [on]")
    line = line_of(path, "work_on_particles: [on]")
    problems = files.check_files(ldir)
    assert f"{path}:{line}: work_on_particles: True is not a word (quote it)" in problems


def test_a_word_listed_twice(ldir):
    path = ldir / "en.yaml"
    edit(path, "how: [how]", "how: [how, how]")
    line = line_of(path, "how: [how, how]")
    assert only_problem(ldir) == f"{path}:{line}: how: 'how' is listed twice"


def test_an_unknown_group(ldir):
    path = ldir / "fr.yaml"
    edit(path, "  owns: [proprietaire", "  own: [proprietaire")
    line = line_of(path, "  own: [proprietaire")
    assert only_problem(ldir) == (
        f"{path}:{line}: relation_cues: unknown group 'own' (expected one of: "
        + ", ".join(concepts.RELATION_FAMILIES)
        + ")"
    )


def test_a_word_in_two_groups_of_a_table(ldir):
    path = ldir / "en.yaml"
    edit(path, "  5: [may]", "  5: [may, mar]")
    line = line_of(path, "  5: [may, mar]")
    assert only_problem(ldir) == f"{path}:{line}: months.5: 'mar' is already under 3"


def test_a_word_in_two_groups_across_files(ldir):
    edit(ldir / "fr.yaml", "  1: [premier, premiere]", "  1: [premier, premiere, third]")
    path = ldir / "en.yaml"  # read after fr.yaml: the conflict is reported there
    line = line_of(path, "  3: [third]")
    assert only_problem(ldir) == (
        f"{path}:{line}: ordinals.3: 'third' is under 3 here but under 1 in fr.yaml"
    )


def test_a_yaml_syntax_error(ldir):
    path = ldir / "en.yaml"
    edit(path, "why: [why]", "why: [why")
    problem = only_problem(ldir)
    assert problem.startswith(f"{path}:") and ": (yaml): " in problem


def test_a_missing_and_a_stray_file(ldir):
    (ldir / "common.yaml").rename(ldir / "de.yaml")
    assert files.check_files(ldir) == [
        f"{ldir / 'common.yaml'}:1: (file): missing",
        f"{ldir / 'de.yaml'}:1: (file): not a lexicon file (expected: common.yaml, en.yaml, "
        "fr.yaml, other_languages.yaml)",
    ]


def test_loading_a_broken_file_names_file_and_line(ldir):
    path = ldir / "fr.yaml"
    edit(path, "who: [qui, ki]", "who: [Qui, ki]")
    line = line_of(path, "who: [Qui, ki]")
    with pytest.raises(lx.LexiconError) as caught:
        files.load(ldir)
    assert f"{path}:{line}: who: 'Qui'" in str(caught.value)
    assert caught.value.problems == files.check_files(ldir)
