"""One check of an Answer's form, shared by the tests: valid fields, verbatim numbered citations."""

from __future__ import annotations

from bot import kb
from bot.model import Answer


def assert_well_formed(answer: Answer, base: kb.KnowledgeBase, language: str | None = None) -> None:
    """Kind, language, text and confidence are valid; every citation is a verbatim sentence."""
    Answer.model_validate(answer.model_dump())  # every field constraint still holds
    assert answer.kind in ("answer", "clarify", "unknown")
    assert answer.language == language if language else answer.language in ("fr", "en")
    assert answer.text.strip()
    assert 0.0 <= answer.confidence <= 1.0
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for citation in answer.citations:
        article = base.articles.get(citation.article)
        assert article is not None, f"cites unknown article {citation.article!r}"
        assert citation.title == article.title
        assert citation.sentence in {s.text for s in article.sentences}, citation.sentence
    if answer.kind == "clarify":
        assert len(answer.options) >= 2
        assert all(option.id in base.entities for option in answer.options)
    else:
        assert answer.options == []
