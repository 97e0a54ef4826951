"""The fast YAML builder gives what the full loader gives, or leaves the document to it."""

from __future__ import annotations

import datetime

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.kb.yamlfile import CParser, _build, _Loader, _Unusual, load_text

pytestmark = pytest.mark.skipif(CParser is None, reason="PyYAML without libyaml")

DOCUMENTS = [
    "",
    "# only a comment\n",
    "---\n",
    "plain\n",
    "'quoted'\n",
    "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2024-01-15\ng: '2024-01-15'\nh: yes\ni: 0x1f\n",
    "a: -.inf\nb: .nan\nc: +12\nd: 1_000\ne: 0o17\nf: 012\ng: 1:30\nh: ''\ni:\n",
    "list:\n- one\n- 2\n- [3, four]\n- {five: 5}\n- - nested\n",
    "text: |\n  literal\n  block\nfolded: >\n  folded\n  text\n",
    "a: &x {k: v}\nb: *x\nc: &s scalar\nd: *s\n",
    "a: &l [1, 2]\nb: *l\n",
    "3: int key\n2.5: float key\nnull: null key\ntrue: bool key\n2024-01-01: date key\n",
    "facts:\n- id: a\n  text: {fr: Bonjour, en: Hello}\n  when: {year: 2025, month: 3}\n",
    "é: ü\n« quote »: “curly”\n",
]

# What the fast builder leaves to the full loader (which builds it, or raises its error).
UNUSUAL = [
    "a: !!str 1\n",
    "a: !custom x\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "a: 1\na: 2\n",
    "? [1, 2]\n: list key\n",
    "---\na: 1\n---\nb: 2\n",
    "a: *missing\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "= : value\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_fast_builder_builds_what_the_full_loader_builds(text: str) -> None:
    assert _build(text) == yaml.load(text, Loader=_Loader)


def test_aliases_share_the_anchored_object_as_the_full_loader_does() -> None:
    built = _build("a: &x {k: v}\nb: *x\n")
    assert built["a"] is built["b"]


def test_dates_are_dates() -> None:
    assert _build("d: 2024-01-15\n") == {"d": datetime.date(2024, 1, 15)}


@pytest.mark.parametrize("text", UNUSUAL)
def test_unusual_documents_are_left_to_the_full_loader(text: str) -> None:
    with pytest.raises((_Unusual, yaml.YAMLError)):
        _build(text)
    try:
        expected = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        with pytest.raises(type(exc)):
            load_text(text)
    else:
        assert load_text(text) == expected


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(values, st.booleans())
def test_any_dumped_document_loads_the_same(value: object, flow: bool) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow)
    assert load_text(text) == yaml.load(text, Loader=_Loader)


def test_a_text_parsed_aside_is_what_the_full_loader_builds() -> None:
    from bot.kb.yamlfile import Aside

    text = "facts:\n" + "".join(f"- id: f{i}\n  when: {{year: 2025}}\n" for i in range(50))
    aside = Aside.start(text)
    if aside is None:
        pytest.skip("no fork here (not Linux, or other threads running)")
    assert aside.result() == (yaml.load(text, Loader=_Loader), [])


def test_a_broken_text_parsed_aside_is_left_to_the_full_loader() -> None:
    from bot.kb.yamlfile import _NONE, Aside

    aside = Aside.start("a: [1, 2\n")
    if aside is None:
        pytest.skip("no fork here (not Linux, or other threads running)")
    assert aside.result() == (_NONE, [])


def test_a_parse_aside_no_load_took_is_ended() -> None:
    from bot.kb.yamlfile import ASIDE_MIN_CHARS, ParseCache

    cache = ParseCache(None)
    cache.parse_aside("a: 1\n" + "#" * ASIDE_MIN_CHARS)
    cache.discard()
    assert not cache.aside
    text = "a: 1\n" + "#" * ASIDE_MIN_CHARS
    cache.parse_aside(text)
    assert cache.parse(text) == {"a": 1}
    assert not cache.aside


def _parsed_in_pieces(text: str, count: int) -> object:
    from bot.kb.yamlfile import joined, pieces

    cut = pieces(text, count)
    if cut is None:
        return None
    name, parts = cut
    return joined(name, [yaml.load(part, Loader=_Loader) for part in parts])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=6), values, max_size=3),
    st.text(min_size=1, max_size=6),
    st.lists(values, min_size=2, max_size=12),
    st.integers(min_value=2, max_value=4),
)
def test_a_sequence_cut_into_pieces_parses_as_the_whole(
    others: dict, name: str, entries: list, count: int
) -> None:
    document = {**others, name: entries}
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=False)
    from bot.kb.yamlfile import _NONE

    whole = yaml.load(text, Loader=_Loader)
    in_pieces = _parsed_in_pieces(text, count)
    # Not cut, or cut into pieces that do not fit together (left to the whole parse): never
    # anything but the whole text's document.
    assert in_pieces is None or in_pieces is _NONE or in_pieces == whole


def test_a_facts_file_is_cut_between_its_entries() -> None:
    from bot.kb.yamlfile import pieces

    text = "about: x\nfacts:\n" + "".join(f"- id: f{i}\n  n: {i}\n" for i in range(40))
    text += "context:\n- id: c\n"
    cut = pieces(text, 2)
    assert cut is not None
    name, parts = cut
    assert name == "facts" and len(parts) == 2
    assert parts[1].startswith("facts:\n- id: f")
    assert _parsed_in_pieces(text, 2) == yaml.load(text, Loader=_Loader)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("facts: [1, 2, 3, 4, 5, 6, 7, 8]\n", id="flow sequence"),
        pytest.param("facts:\n  - 1\n  - 2\n  - 3\n  - 4\n", id="indented entries"),
        pytest.param("- 1\n- 2\n- 3\n- 4\n- 5\n", id="top-level sequence"),
    ],
)
def test_a_text_with_no_cut_between_entries_of_one_key_is_left_whole(text: str) -> None:
    from bot.kb.yamlfile import pieces

    assert pieces(text, 2) is None


def test_pieces_that_do_not_fit_together_are_left_to_the_whole_parse() -> None:
    from bot.kb.yamlfile import _NONE, joined

    assert joined("facts", [{"facts": [1], "a": 1}, {"facts": [2], "a": 2}]) is _NONE
    assert joined("facts", [{"facts": [1]}, {"other": [2]}]) is _NONE
    assert joined("facts", [{"facts": [1], "a": 1}, {"facts": [2], "b": 2}]) == {
        "a": 1,
        "b": 2,
        "facts": [1, 2],
    }


def test_an_anchor_used_across_pieces_is_parsed_whole_by_the_cache() -> None:
    import threading

    from bot.kb.yamlfile import ASIDE_MIN_CHARS, Aside, ParseCache

    if threading.active_count() > 1:
        pytest.skip("no fork with other threads running")
    entries = "".join(f"- id: f{i}\n  pad: {'x' * 40}\n" for i in range(ASIDE_MIN_CHARS // 50))
    text = "facts:\n- &first {id: a}\n" + entries + "- *first\n"
    aside = Aside.start(text)
    assert aside is not None and len(aside.children) == 2
    aside.discard()
    cache = ParseCache(None)
    cache.parse_aside(text)
    assert cache.parse(text) == yaml.load(text, Loader=_Loader)
