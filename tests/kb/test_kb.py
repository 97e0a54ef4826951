"""The knowledge-base loader and validator (bot/kb/) and `python -m bot check` (bot/cli.py).

Every error test copies the real base to a temporary directory, breaks the copy with one precise
textual edit and checks the exact `file:line: path: message` problem the loader reports. Line
numbers are found by searching the edited file, never hardcoded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from base_edits import line_with, lines_with, problems_of, read, replace_once, run_check
from paths import DATA, KNOWLEDGE, PROJECT_KNOWLEDGE

from bot import kb

XAI_ARTICLE = "xai-recrute-meta"
PANG_ARTICLE = "meta-recrute-pang"
# Cited by two facts (xai-hired-14-from-meta and elon-musk-owns-xai), so breaking one citation of
# it leaves it covered and the loader reports exactly one problem.
MUSK_SENTENCE = (
    "Depuis janvier, Elon Musk’s xAI a recruté au moins 14 chercheurs et ingénieurs issus de "
    "Meta, selon une analyse de Business Insider basée sur des profils LinkedIn."
)


# ---------------------------------------------------------------- helpers


@pytest.fixture
def kdir(tmp_path: Path) -> Path:
    """A private copy of the real knowledge directory, free to break."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


def fact_block(text: str, fact_id: str) -> tuple[int, int]:
    """Start and end offsets of the block of fact `fact_id` in facts.yaml."""
    start = text.index(f"  - id: {fact_id}\n")
    end = text.find("\n  - id: ", start + 1)
    end = text.find("\ncontext:", start) if end == -1 else end
    return start, end


def edit_fact(path: Path, fact_id: str, old: str, new: str) -> None:
    """Replace the single occurrence of `old` inside the block of fact `fact_id`."""
    text = read(path)
    start, end = fact_block(text, fact_id)
    block = text[start:end]
    assert block.count(old) == 1, f"{old!r} occurs {block.count(old)} times in {fact_id}"
    path.write_text(text[:start] + block.replace(old, new) + text[end:], encoding="utf-8")


def remove_fact(path: Path, fact_id: str) -> None:
    text = read(path)
    start, end = fact_block(text, fact_id)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")


def index_of(path: Path, section: str, item_id: str) -> int:
    """Position of the item with id `item_id` in the top-level list `section` of a YAML file."""
    items = yaml.safe_load(read(path))[section]
    return [item["id"] for item in items].index(item_id)


def located(problems: list[str]) -> list[str]:
    """The `file:line: path` part of each problem, without its message."""
    return [": ".join(p.split(": ")[:2]) for p in problems]


def preview(text: str) -> str:
    """How the loader abbreviates a sentence in a message: 60 characters at most."""
    return text if len(text) <= 60 else text[:59] + "…"


# ---------------------------------------------------------------- the real base


@pytest.fixture(scope="module")
def real() -> kb.KnowledgeBase:
    return kb.load(KNOWLEDGE)


def test_real_base_holds_the_seed_articles(real: kb.KnowledgeBase) -> None:
    assert {PANG_ARTICLE, XAI_ARTICLE} <= set(real.articles)


def test_real_base_covers_every_sentence(real: kb.KnowledgeBase) -> None:
    assert real.total_sentences == sum(len(a.sentences) for a in real.articles.values())
    assert real.covered_sentences == real.total_sentences


def test_real_base_citations_are_verbatim_sentences_of_their_article(
    real: kb.KnowledgeBase,
) -> None:
    for fact in real.facts:
        for citation in fact.citations:
            article = real.articles[citation.article]
            assert citation.sentence in article.text, (fact.id, citation.sentence)
            assert citation.sentence in [s.text for s in article.sentences], fact.id


def test_real_base_facts_mention_only_known_entities(real: kb.KnowledgeBase) -> None:
    for fact in real.facts:
        assert set(fact.participants()) <= set(real.entities), fact.id


# ---------------------------------------------------------------- schema errors


def test_unknown_field_in_a_fact_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    edit_fact(
        facts, "elon-musk-owns-xai", "    object: xai\n", "    object: xai\n    colour: blue\n"
    )

    line = line_with(facts, "colour: blue")
    assert problems_of(kdir) == [f"{facts}:{line}: facts[{i}].colour: unknown field"]


def test_wrong_type_in_a_fact_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "xinlei-chen-joined-xai")
    edit_fact(facts, "xinlei-chen-joined-xai", "when: {month: 6}", 'when: {month: "June"}')

    line = line_with(facts, 'month: "June"')
    assert problems_of(kdir) == [
        f"{facts}:{line}: facts[{i}].when.month: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


def test_fact_without_english_text_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    edit_fact(
        facts,
        "elon-musk-owns-xai",
        '    text:\n      fr: "xAI est l’entreprise d’Elon Musk."\n'
        '      en: "xAI is Elon Musk’s company."\n',
        '    text: {fr: "xAI est l’entreprise d’Elon Musk."}\n',
    )

    line = line_with(facts, "text: {fr:")
    assert problems_of(kdir) == [f"{facts}:{line}: facts[{i}].text.en: field required"]


def test_missing_field_of_a_block_mapping_is_reported_on_the_mapping_key_line(
    kdir: Path,
) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    edit_fact(facts, "elon-musk-owns-xai", '      en: "xAI is Elon Musk’s company."\n', "")

    text_line = line_with(facts, 'fr: "xAI est l’entreprise d’Elon Musk."') - 1
    assert read(facts).splitlines()[text_line - 1] == "    text:"
    assert problems_of(kdir) == [f"{facts}:{text_line}: facts[{i}].text.en: field required"]


def test_article_without_front_matter_is_reported(kdir: Path) -> None:
    article = kdir / "articles" / f"{PANG_ARTICLE}.txt"
    body = read(article).split("---\n", 2)[2]
    article.write_text(body, encoding="utf-8")

    assert problems_of(kdir) == [
        f"{article}:1: (front matter): article must start with a '---' YAML block"
    ]


def test_missing_entities_file_is_reported(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    entities.unlink()

    assert problems_of(kdir) == [f"{entities}:1: (file): missing"]


# ---------------------------------------------------------------- YAML syntax errors


def test_yaml_syntax_error_is_reported_with_its_line(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    replace_once(facts, "  - id: elon-musk-owns-xai\n", "  - id: elon-musk-owns-xai: oops\n")

    line = line_with(facts, "elon-musk-owns-xai: oops")
    assert problems_of(kdir) == [
        f"{facts}:{line}: (yaml): mapping values are not allowed in this context"
    ]


def test_yaml_syntax_error_in_front_matter_is_reported_with_its_file_line(kdir: Path) -> None:
    article = kdir / "articles" / f"{PANG_ARTICLE}.txt"
    replace_once(article, "\nlanguage: fr\n", "\nlanguage: fr: en\n")

    line = line_with(article, "language: fr: en")
    assert problems_of(kdir) == [
        f"{article}:{line}: (yaml): mapping values are not allowed in this context"
    ]


def test_duplicate_key_in_a_fact_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    second = "    object: meta  # second object key\n"
    edit_fact(facts, "elon-musk-owns-xai", "    object: xai\n", "    object: xai\n" + second)

    line = line_with(facts, "# second object key")
    assert any(p.startswith(f"{facts}:{line}: ") for p in problems_of(kdir))


def test_file_not_in_utf8_is_reported_as_a_problem(kdir: Path) -> None:
    about = kdir / "about.yaml"
    about.write_bytes(read(about).encode("latin-1", errors="replace"))

    assert [p for p in problems_of(kdir) if p.startswith(f"{about}:")]


# ---------------------------------------------------------------- references between files


@pytest.mark.parametrize(
    ("old", "new", "location"),
    [
        ("    subject: xinlei-chen\n", "    subject: no-such-person\n", "subject"),
        ("    object: xai\n", "    object: no-such-person\n", "object"),
        ("    from: meta\n", "    from: no-such-person\n", "from"),
        ("    about: [fair]\n", "    about: [fair, no-such-person]\n", "about[1]"),
    ],
)
def test_unknown_entity_in_a_fact_is_reported(
    kdir: Path, old: str, new: str, location: str
) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "xinlei-chen-joined-xai")
    edit_fact(facts, "xinlei-chen-joined-xai", old, new)

    line = line_with(facts, "no-such-person")
    assert problems_of(kdir) == [
        f"{facts}:{line}: facts[{i}].{location}: unknown entity 'no-such-person'"
    ]


def test_unknown_part_of_entity_is_reported(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    i = index_of(entities, "entities", "fair")
    replace_once(
        entities,
        "    aliases: [Fundamental AI Research, Meta FAIR]\n    part_of: meta\n",
        "    aliases: [Fundamental AI Research, Meta FAIR]\n    part_of: no-such-org\n",
    )

    line = line_with(entities, "part_of: no-such-org")
    assert problems_of(kdir) == [
        f"{entities}:{line}: entities[{i}].part_of: unknown entity 'no-such-org'"
    ]


def test_citation_not_verbatim_in_its_article_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    altered = MUSK_SENTENCE.replace("Musk’s", "Musk's")  # straight apostrophe: not verbatim
    edit_fact(facts, "elon-musk-owns-xai", MUSK_SENTENCE, altered)

    line = line_with(facts, "Elon Musk's xAI a recruté")
    assert problems_of(kdir) == [
        f"{facts}:{line}: facts[{i}].citations[0].sentence: "
        f"sentence not found in article {XAI_ARTICLE!r}: {altered!r}; closest sentence "
        f"differs at character {MUSK_SENTENCE.index('’') + 1}: '’' in the article, \"'\" "
        "in the citation"
    ]


def test_citation_of_an_unknown_article_is_reported(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    edit_fact(
        facts, "elon-musk-owns-xai", f"article: {XAI_ARTICLE}\n", "article: no-such-article\n"
    )

    line = line_with(facts, "article: no-such-article")
    assert problems_of(kdir) == [
        f"{facts}:{line}: facts[{i}].citations[0].article: unknown article 'no-such-article'"
    ]


# ---------------------------------------------------------------- duplicates and names


def test_duplicate_fact_id_is_reported_on_the_second_fact(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "xinlei-chen-research-scientist-fair")
    replace_once(
        facts,
        "  - id: xinlei-chen-research-scientist-fair\n",
        "  - id: xinlei-chen-joined-xai\n",
    )

    first, second = lines_with(facts, "  - id: xinlei-chen-joined-xai")
    assert first < second
    assert problems_of(kdir) == [
        f"{facts}:{second}: facts[{i}].id: duplicate id 'xinlei-chen-joined-xai'"
    ]


def test_duplicate_entity_id_is_reported_on_the_second_entity(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    count = len(yaml.safe_load(read(entities))["entities"])
    with entities.open("a", encoding="utf-8") as out:
        out.write(
            "\n  - id: elon-musk\n"
            "    type: person\n"
            "    name: {fr: Elon Bis, en: Elon Bis}\n"
            "    description: {fr: Un doublon., en: A duplicate.}\n"
        )

    first, second = lines_with(entities, "  - id: elon-musk")
    assert first < second
    assert problems_of(kdir) == [
        f"{entities}:{second}: entities[{count}].id: duplicate id 'elon-musk'"
    ]


def test_alias_of_two_entities_not_declared_ambiguous_is_reported(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    i = index_of(entities, "entities", "ching-yao-chuang")
    replace_once(entities, "    aliases: [Chuang]\n", "    aliases: [Chuang, Musk]\n")

    line = line_with(entities, "aliases: [Chuang, Musk]")
    assert problems_of(kdir) == [
        f"{entities}:{line}: entities[{i}].aliases: alias 'Musk' also names 'elon-musk'; "
        "declare it in ambiguous_names or remove it"
    ]


def test_alias_of_two_entities_declared_ambiguous_is_accepted(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    replace_once(entities, "    aliases: [Chuang]\n", "    aliases: [Chuang, Musk]\n")
    replace_once(
        entities, "ambiguous_names: [Chen, Daniel]", "ambiguous_names: [Chen, Daniel, Musk]"
    )

    assert "Musk" in kb.load(kdir).ambiguous_names


def test_ambiguous_name_of_a_single_entity_is_reported(kdir: Path) -> None:
    entities = kdir / "entities.yaml"
    replace_once(
        entities, "ambiguous_names: [Chen, Daniel]", "ambiguous_names: [Chen, Daniel, Pang]"
    )

    line = line_with(entities, "ambiguous_names:")
    assert problems_of(kdir) == [
        f"{entities}:{line}: ambiguous_names[2]: 'Pang' names fewer than two entities"
    ]


# ---------------------------------------------------------------- sentence coverage


def test_new_uncited_sentence_is_reported_at_its_article_line(kdir: Path) -> None:
    article = kdir / "articles" / f"{PANG_ARTICLE}.txt"
    added = "Une phrase ajoutée pour le test."
    count = len(kb.load(kdir).articles[PANG_ARTICLE].sentences)
    article.write_text(read(article).rstrip("\n") + f"\n{added}\n", encoding="utf-8")

    line = line_with(article, added)
    assert problems_of(kdir) == [
        f"{article}:{line}: sentences[{count}]: "
        f"sentence neither cited by a fact nor marked as context: {added!r}"
    ]


def test_sentence_left_uncited_by_removing_its_only_fact_is_reported(kdir: Path) -> None:
    sentence = (
        "Par ailleurs, Microsoft a également recruté plus d’une vingtaine d’ingénieurs de Google "
        "ces derniers mois."
    )
    base = kb.load(kdir)
    citing = [f.id for f in base.facts if any(c.sentence == sentence for c in f.citations)]
    assert len(citing) == 1
    index = [s.text for s in base.articles[XAI_ARTICLE].sentences].index(sentence)
    remove_fact(kdir / "facts.yaml", citing[0])

    article = kdir / "articles" / f"{XAI_ARTICLE}.txt"
    line = line_with(article, sentence)
    assert problems_of(kdir) == [
        f"{article}:{line}: sentences[{index}]: "
        f"sentence neither cited by a fact nor marked as context: {preview(sentence)!r}"
    ]


def test_sentence_marked_as_context_counts_as_covered(kdir: Path) -> None:
    article = kdir / "articles" / f"{PANG_ARTICLE}.txt"
    added = "Une phrase ajoutée pour le test."
    article.write_text(read(article).rstrip("\n") + f"\n{added}\n", encoding="utf-8")
    replace_once(
        kdir / "facts.yaml",
        "\ncontext: []\n",
        f'\ncontext:\n  - article: {PANG_ARTICLE}\n    sentence: "{added}"\n',
    )

    base = kb.load(kdir)
    assert base.covered_sentences == base.total_sentences == 32


def test_uncited_heading_equal_to_the_title_is_reported_at_its_body_line(kdir: Path) -> None:
    heading = "14 talents d’IA de Meta rejoignent xAI dans la guerre des compétences"
    facts = kdir / "facts.yaml"
    citation = f'      - article: {XAI_ARTICLE}\n        sentence: "{heading}"\n'
    assert read(facts).count(citation) == 2
    facts.write_text(read(facts).replace(citation, ""), encoding="utf-8")

    article = kdir / "articles" / f"{XAI_ARTICLE}.txt"
    line = read(article).splitlines().index(heading) + 1  # the body line, not the title
    assert problems_of(kdir) == [
        f"{article}:{line}: sentences[0]: "
        f"sentence neither cited by a fact nor marked as context: {preview(heading)!r}"
    ]


# ---------------------------------------------------------------- several problems at once


def test_every_cross_reference_problem_is_reported_at_once(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    entities = kdir / "entities.yaml"
    edit_fact(facts, "xinlei-chen-joined-xai", "    from: meta\n", "    from: no-such-person\n")
    edit_fact(
        facts, "elon-musk-owns-xai", f"article: {XAI_ARTICLE}\n", "article: no-such-article\n"
    )
    replace_once(
        facts, "  - id: xinlei-chen-research-scientist-fair\n", "  - id: elon-musk-owns-xai\n"
    )
    replace_once(
        entities, "ambiguous_names: [Chen, Daniel]", "ambiguous_names: [Chen, Daniel, Pang]"
    )

    i = index_of(facts, "facts", "xinlei-chen-joined-xai")
    problems = problems_of(kdir)
    assert located(problems) == [
        f"{entities}:{line_with(entities, 'ambiguous_names:')}: ambiguous_names[2]",
        f"{facts}:{line_with(facts, 'article: no-such-article')}: facts[1].citations[0].article",
        f"{facts}:{line_with(facts, 'from: no-such-person')}: facts[{i}].from",
        f"{facts}:{lines_with(facts, '  - id: elon-musk-owns-xai')[1]}: facts[{i + 1}].id",
    ]


def test_every_schema_problem_of_every_file_is_reported_at_once(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    entities = kdir / "entities.yaml"
    edit_fact(
        facts, "elon-musk-owns-xai", "    object: xai\n", "    object: xai\n    colour: blue\n"
    )
    edit_fact(facts, "xinlei-chen-joined-xai", "when: {month: 6}", 'when: {month: "June"}')
    replace_once(
        entities,
        "  - id: ching-yao-chuang\n    type: person\n",
        "  - id: ching-yao-chuang\n    type: robot\n",
    )
    (kdir / "about.yaml").unlink()
    article = kdir / "articles" / f"{PANG_ARTICLE}.txt"
    article.write_text(read(article).split("---\n", 2)[2], encoding="utf-8")

    june = line_with(facts, 'month: "June"')
    i = index_of(facts, "facts", "elon-musk-owns-xai")
    j = index_of(facts, "facts", "xinlei-chen-joined-xai")
    k = index_of(entities, "entities", "ching-yao-chuang")
    assert located(problems_of(kdir)) == [
        f"{article}:1: (front matter)",
        f"{entities}:{line_with(entities, 'type: robot')}: entities[{k}].type",
        f"{facts}:{line_with(facts, 'colour: blue')}: facts[{i}].colour",
        f"{facts}:{june}: facts[{j}].when.month",
        f"{kdir / 'about.yaml'}:1: (file)",
    ]


# ---------------------------------------------------------------- python -m bot check


def test_check_command_prints_counts_of_a_base() -> None:
    # Exact counts come from the fixture base, which only grows when its test does.
    result = run_check(DATA / "third_article")

    assert result.returncode == 0, result.stderr
    assert "knowledge base OK" in result.stdout
    assert "articles:  1" in result.stdout
    assert "sentences: 8" in result.stdout
    assert "8/8 sentences" in result.stdout
    assert "100%" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_command_accepts_the_real_base() -> None:
    result = run_check(PROJECT_KNOWLEDGE)

    assert result.returncode == 0, result.stderr
    assert "knowledge base OK" in result.stdout
    assert "(100%)" in result.stdout


def test_check_command_prints_every_problem_of_a_broken_base(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    i = index_of(facts, "facts", "xinlei-chen-joined-xai")
    edit_fact(facts, "xinlei-chen-joined-xai", "    from: meta\n", "    from: no-such-person\n")
    edit_fact(facts, "xinlei-chen-joined-xai", "    about: [fair]\n", "    about: [nobody-else]\n")

    result = run_check(kdir)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{facts}:{line_with(facts, 'no-such-person')}: facts[{i}].from: "
        "unknown entity 'no-such-person'",
        f"{facts}:{line_with(facts, 'nobody-else')}: facts[{i}].about[0]: "
        "unknown entity 'nobody-else'",
        f"2 problem(s) in {kdir}",
    ]


def test_check_command_reports_a_yaml_syntax_error_without_traceback(kdir: Path) -> None:
    facts = kdir / "facts.yaml"
    replace_once(facts, "  - id: elon-musk-owns-xai\n", "  - id: elon-musk-owns-xai: oops\n")

    result = run_check(kdir)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = line_with(facts, "elon-musk-owns-xai: oops")
    assert f"{facts}:{line}: (yaml): mapping values are not allowed in this context" in (
        result.stderr.splitlines()
    )


def test_check_command_reports_a_file_not_in_utf8_without_traceback(kdir: Path) -> None:
    about = kdir / "about.yaml"
    about.write_bytes(read(about).encode("latin-1", errors="replace"))

    result = run_check(kdir)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
