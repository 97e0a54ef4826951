"""Rendering answers as Telegram HTML: escaped, split within the message limit, valid."""

from __future__ import annotations

import re
from html import escape

from fake_engine import HOSTILE, long_answer, normal_answer
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.frontends.telegram.render import (
    TELEGRAM_TEXT_LIMIT,
    headline,
    render_html,
    render_html_truncated,
    split_html,
    text_units,
)
from bot.testing.fake_bot_api import parse_telegram_html

TAG = re.compile(r"</?([a-z-]+)[^>]*>")


def tags_in(html: str) -> set[str]:
    return set(TAG.findall(html))


def visible(html: str) -> str:
    """What Telegram shows; raises ValueError if Telegram could not parse it."""
    return parse_telegram_html(html)


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_answer_text_comes_first_then_numbered_quotes_with_their_article():
    assert render_html(normal_answer()) == [
        "Meta hired Ruoming Pang from Apple. He leads a new models team.\n\n"
        "<blockquote>[1] Meta hired Ruoming Pang, who led Apple&#x27;s foundation models team."
        "</blockquote>\n<i>— Meta poaches Apple&#x27;s top AI models executive</i>\n\n"
        "<blockquote>[2] Fourteen Meta researchers joined xAI in a month.</blockquote>\n"
        "<i>— xAI &amp; Meta: 14 talents move</i>"
    ]


def test_hostile_html_is_shown_as_text_never_as_markup():
    [html] = render_html(HOSTILE)
    shown = visible(html)
    assert 'Use <b>bold</b> & "quotes" then </blockquote> AT&T <a href="x">link</a>' in shown
    assert "Sentence with </blockquote><b> & &amp; inside." in shown
    assert "— Title </i><i> & <script>alert(1)</script>" in shown
    assert tags_in(html) == {"blockquote", "i"}
    assert html.count("<blockquote>") == html.count("</blockquote>") == 1


def test_paragraphs_of_the_answer_text_stay_paragraphs():
    answer = normal_answer().model_copy(update={"text": "First part.\n\n\nSecond part."})
    assert render_html(answer)[0].startswith("First part.\n\nSecond part.\n\n<blockquote>")


def test_short_blocks_make_one_message():
    assert split_html(["one", "two &amp; three", "<i>four</i>"]) == [
        "one\n\ntwo &amp; three\n\n<i>four</i>"
    ]


def test_empty_blocks_are_skipped():
    assert split_html(["", "  ", "text"]) == ["text"]
    assert split_html([]) == []


def test_messages_break_between_blocks_when_blocks_fit():
    blocks = [f"<blockquote>[{n}] " + "word " * 150 + f"end {n}.</blockquote>" for n in range(20)]
    chunks = split_html(blocks)
    assert len(chunks) > 1
    assert all(text_units(chunk) <= TELEGRAM_TEXT_LIMIT for chunk in chunks)
    assert [block for chunk in chunks for block in chunk.split("\n\n")] == blocks


def test_a_long_answer_is_split_at_sentences_into_valid_messages():
    chunks = render_html(long_answer())
    assert len(chunks) >= 2
    assert all(text_units(chunk) <= TELEGRAM_TEXT_LIMIT for chunk in chunks)
    for chunk in chunks[:-1]:
        assert visible(chunk).endswith("talent war."), "pieces end at a sentence end"
    assert chunks[-1].endswith("<i>— xAI &amp; Meta: 14 talents move</i>")
    shown = " ".join(visible(chunk) for chunk in chunks)
    for n in (0, 60, 119):
        assert f"Sentence {n} says something about the AI talent war." in shown


def test_an_oversized_quote_is_closed_and_reopened_around_each_cut():
    sentence = "Meta &amp; xAI hired one more researcher from OpenAI's team. "
    block = "<blockquote>[1] " + sentence * 200 + "</blockquote>\n<i>— Title</i>"
    chunks = split_html([block], 1000)
    assert len(chunks) > 5
    for chunk in chunks[:-1]:
        assert chunk.startswith("<blockquote>") and chunk.endswith("</blockquote>")
        assert len(chunk) <= 1000
        visible(chunk)
    assert chunks[-1].endswith("</blockquote>\n<i>— Title</i>")
    assert squeezed("".join(visible(c) for c in chunks)) == squeezed(visible(block))


def test_a_sentence_longer_than_the_limit_is_cut_between_words():
    words = [f"w{n}" for n in range(400)]
    chunks = split_html(["<i>" + " ".join(words) + "</i>"], 200)
    assert all(len(chunk) <= 200 for chunk in chunks)
    assert [w for chunk in chunks for w in visible(chunk).split()] == words


def test_a_word_longer_than_the_limit_is_cut_between_characters_not_inside_entities():
    chunks = split_html(["<b>" + "&amp;" * 100 + "</b>"], 50)
    assert all(len(chunk) <= 50 for chunk in chunks)
    assert "".join(visible(chunk) for chunk in chunks) == "&" * 100


def test_the_limit_counts_utf16_units_like_telegram():
    chunks = split_html(["🙂" * 3000])
    assert len(chunks) == 2
    assert all(text_units(chunk) <= TELEGRAM_TEXT_LIMIT for chunk in chunks)
    assert text_units("🙂") == 2


def test_truncated_rendering_fits_one_message_and_says_it_was_cut():
    html = render_html_truncated(long_answer())
    assert text_units(html) <= TELEGRAM_TEXT_LIMIT
    assert html.endswith("\n…")
    visible(html)
    assert render_html_truncated(normal_answer()) == render_html(normal_answer())[0]


def test_headline_is_the_first_sentence_cut_at_a_word():
    assert headline("Meta hired Pang. Then more.") == "Meta hired Pang."
    assert headline("No full stop here") == "No full stop here"
    cut = headline("word " * 50, limit=30)
    assert cut.endswith("…") and len(cut) <= 30 and "wor…" not in cut


_WORDS = st.text(alphabet=st.sampled_from(list("abcXYZ <>&\"'.!?🙂é\n ")), min_size=0, max_size=300)
_TAGS = st.sampled_from(["b", "i", "u", "s", "code", "blockquote"])


@st.composite
def html_blocks(draw: st.DrawFn) -> str:
    """A block as render writes them: escaped text, possibly within nested tags."""
    text = escape(draw(_WORDS.filter(str.strip)))
    for tag in draw(st.lists(_TAGS, max_size=3, unique=True)):
        text = f"<{tag}>{escape(draw(_WORDS))}{text}</{tag}>"
    return text


@settings(max_examples=150, deadline=None)
@given(st.lists(html_blocks(), max_size=8), st.integers(min_value=80, max_value=600))
def test_every_split_is_valid_within_the_limit_and_loses_nothing(blocks, limit):
    chunks = split_html(blocks, limit)
    for chunk in chunks:
        assert text_units(chunk) <= limit
        assert visible(chunk).strip()
    assert squeezed("".join(visible(c) for c in chunks)) == squeezed(
        "".join(visible(b) for b in blocks)
    )
