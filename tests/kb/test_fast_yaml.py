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
    assert aside.result() == yaml.load(text, Loader=_Loader)


def test_a_broken_text_parsed_aside_is_left_to_the_full_loader() -> None:
    from bot.kb.yamlfile import _NONE, Aside

    aside = Aside.start("a: [1, 2\n")
    if aside is None:
        pytest.skip("no fork here (not Linux, or other threads running)")
    assert aside.result() is _NONE


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
