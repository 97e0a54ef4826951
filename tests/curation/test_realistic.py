"""`add` on realistic news articles nobody here wrote (tests/data/curation/realistic/), zero edit:
every article is added and the enlarged base checks; the questions written before any `add`
(half of them in the other language) keep their scores, and the confidently wrong replies never
grow. Each article goes into its own copy of the tests' base.

Where they come from (first runs in tests/data/curation/realistic/README.md): the two dev
articles of the curation issue, two practice articles a helper wrote while building the parse,
and four blind articles written by helpers who had seen no code, each run once before tuning.
All are dev material now. The floors are the scores measured when they were set (the end of
the third session of 2026-12-04, after the sentence fallback of bot/engine/families/quoted.py).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import grade
import pytest
from paths import DATA, KNOWLEDGE

from bot import kb
from bot.cli import answer_record, check
from bot.curation.writer import add_article
from bot.engine import Engine, State

REALISTIC = DATA / "curation" / "realistic"
# article: (questions passing at least, confidently wrong at most)
# Raised on 2026-12-07 (fourth session) to that session's end scores, said in its note:
# anthropic-schulman-fr 14 -> 15, apple-ai-chief-en 16 -> 17, inflection-microsoft-fr 20 -> 21,
# lecun-ami-labs-fr 9 -> 10, nvidia-groq-en 16 -> 17, periodic-labs-fr 26 -> 27.
FLOORS = {
    "msl-lineup-en": (40, 0),
    "apple-hemorragie-fr": (28, 0),
    "ssi-gross-en": (9, 0),
    "mistral-asml-fr": (10, 0),
    "windsurf-google-en": (22, 0),
    "periodic-labs-fr": (27, 0),
    "character-google-en": (17, 0),
    "inflection-microsoft-fr": (21, 0),
    # Round 7 (fourth session of 2026-12-04), entered after their first run (README) and the
    # fixes that followed it: a dateline left out of the parse, leaving A no No to leaving X.
    "thinking-machines-en": (15, 0),  # raised from 13 to the score of 2026-12-07 (an offer)
    "anthropic-schulman-fr": (15, 0),
    # Round 9 (2026-12-07), first run 11 and 13 (README); entered at the scores measured after
    # the fixes of the same day (verbs of speech beside a quotation, a plain denial's No).
    "amazon-adept-luan-en": (14, 0),
    "openai-io-ive-fr": (15, 0),
    # Round 10 (2026-12-07, second session), first run 11 (2 confidently wrong) and 8
    # (README); entered at the scores measured after the fixes that followed it.
    "nvidia-groq-en": (17, 0),
    "lecun-ami-labs-fr": (10, 0),
    # Round 11 (2026-12-07, third session), entered at their first blind run (README), before
    # any tuning; xai-departs-fr's one confidently wrong reply (a co-founding dated with the
    # departure its sentence announces) was fixed the next session, and its allowance removed.
    "apple-ai-chief-en": (17, 0),
    "xai-departs-fr": (10, 0),
    # Round 12 (2026-12-07, fourth session), first blind run 11 and 5 with 0 wrong (README);
    # entered at the scores after that session's fixes.
    "scale-ai-after-meta-en": (15, 0),
    # reflection lowered 9 -> 8 on 2026-12-08: "DeepMind" is now read as the article's Google
    # DeepMind (a unit called by its name without its owner's), so a follow-up about Laskin's
    # project there quotes the first sentence naming both, not the one naming Gemini.
    "reflection-ai-levee-fr": (8, 0),
    # Round 13 (the same session), first blind run 16 (0 wrong) and 11 (1 wrong, fixed since).
    # talents-ia-chine's floor is 10: its A07 passed at the first run only because "Lei Jun"
    # was cut into "Lei" and the month "Jun"; read whole, the offer he made is not drafted.
    "anthropic-deepmind-poach-openai-google-en": (16, 0),
    "talents-ia-chine-xiaomi-bytedance-fr": (10, 0),
    # Round 14 (2026-12-08), first blind run 15 and 15, 0 wrong (README); entered at the
    # scores after that session's fixes (the English one lost a pass when "DeepMind" came to
    # be read as the article's Google DeepMind, whose many facts now outrank the sentence asked).
    "anthropic-cursor-humanloop-fr": (15, 0),
    "microsoft-deepmind-raid-en": (14, 0),
}
# Lowered on 2026-12-04 (fourth session) when the grader stopped reading "Not confirmed" as
# opening with an expected "No" (windsurf 23 -> 21, inflection 19 -> 18, anthropic 12 -> 11):
# the same replies, counted as they are. Raised the same session to the scores measured after
# the merge of the entity-typing work (branch cur8): windsurf 22, periodic 25, character 17,
# inflection 19, thinking-machines 10, anthropic 12; then after the events work (branch cur9):
# inflection 20, thinking-machines 11, anthropic 13. Raised on 2026-12-05 to the scores
# measured after the names work (branch cur10: datelines, headline short forms, "the Journal",
# "Neither X"; a medium asked with "first" is no ranking): periodic 26, thinking-machines 13.
# On 2026-12-07 a pass of thinking-machines turned out to be a wrong date ("On October 10,
# 2025." for a start-up unveiled on 18 February), counted because the quoted sentence holds the
# right one; a sentence naming two months now dates nothing, and the date right after the asked
# word ("unveiled on 18 February") answers: the same 13, the reply now right.
# Raised at the end of that session to its scores: amazon-adept-luan 14, anthropic-schulman 14,
# openai-io-ive 15 (lower-case names, sums of a sentence naming both sides, quotes).


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("realistic")
    found = {}
    for name in FLOORS:
        target = tmp / name
        shutil.copytree(KNOWLEDGE, target)
        add_article((REALISTIC / f"{name}.txt").read_text(encoding="utf-8"), target, id=name)
        found[name] = target
    return found


def test_every_realistic_article_has_its_questions() -> None:
    assert {p.stem for p in REALISTIC.glob("*.txt")} == set(FLOORS)
    assert {p.name.removesuffix(".questions.jsonl") for p in REALISTIC.glob("*.jsonl")} == set(
        FLOORS
    )


@pytest.mark.parametrize("name", list(FLOORS))
def test_the_article_is_added_and_the_base_checks(bases: dict[str, Path], name: str) -> None:
    out = io.StringIO()
    assert check(bases[name], out=out, err=io.StringIO()) == 0, out.getvalue()
    base = kb.load(bases[name])
    assert any(f.citations[0].article == name for f in base.facts)


@pytest.mark.parametrize("name", list(FLOORS))
def test_zero_edit_answers_hold_their_floor(bases: dict[str, Path], name: str) -> None:
    engine = Engine(kb.load(bases[name]))
    cases = [
        json.loads(line)
        for line in (REALISTIC / f"{name}.questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chats: dict[str, State] = {}
    failures, wrong = [], []
    for case in cases:
        chat = str(case.get("chat") or "")
        answer, state = engine.answer(case["q"], chats.get(chat) if chat else None)
        if chat:
            chats[chat] = state
        record = answer_record(answer, case["q"], case["id"])
        if problems := grade.grade_one(case, record, None):
            failures.append(f"{case['id']}: {problems}")
        if grade.confidently_wrong(case, record):
            wrong.append(case["id"])
    passes, most_wrong = FLOORS[name]
    assert len(wrong) <= most_wrong, f"confidently wrong: {wrong}"
    assert len(cases) - len(failures) >= passes, "\n".join(failures)
