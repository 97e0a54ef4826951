"""`python -m bot bench`: latency, load time, cold start and memory, printed, never asserted.

Two bases are measured: the project's own, and a synthetic one of 10,000 generated articles
(people moving between companies) written to a temporary directory, so that the figures say
how the engine scales, not only how fast it is on two articles. `--scale` measures the
realistic news base of `synthetic.py` at several sizes, each in fresh processes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bot import kb
from bot.engine import Engine, State, load_engine
from bot.engine.snapshot import RACY_NS
from bot.settings import Settings
from bot.testing.synthetic import typo

SYNTHETIC_ARTICLES = 10_000
QUICK_ARTICLES = 200
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "mean": statistics.fmean(ordered)}


def question_set(base: kb.KnowledgeBase, rng: random.Random, size: int) -> list[str]:
    """Varied questions built from the base's own entities: profiles, moves, dates, typos."""
    people = [e for e in base.entities.values() if e.type == "person"]
    orgs = [e for e in base.entities.values() if e.type == "organization"]
    templates: list[Callable[[], str]] = [
        lambda: f"Who is {rng.choice(people).name.en}?",
        lambda: f"Qui est {rng.choice(people).name.fr} ?",
        lambda: f"Qui a rejoint {rng.choice(orgs).name.fr} depuis {rng.choice(orgs).name.fr} ?",
        lambda: f"Who left {rng.choice(orgs).name.en}?",
        lambda: f"When did {rng.choice(people).name.en} join {rng.choice(orgs).name.en}?",
        lambda: f"Quand {rng.choice(people).name.fr} a-t-il été recruté ?",
        lambda: f"Which companies did {rng.choice(orgs).name.en} hire from?",
        lambda: f"Did {rng.choice(people).name.en} join {rng.choice(orgs).name.en}?",
        lambda: f"tell me about {typo(rng.choice(people).name.en, rng)} please",
        lambda: "Quelle est la météo à Lyon demain ?",
        lambda: "Bonjour",
    ]
    return [rng.choice(templates)() for _ in range(size)]


def measure_latency(engine: Engine, questions: list[str]) -> dict[str, float]:
    samples = []
    state = State()
    for question in questions:
        started = time.perf_counter()
        _, state = engine.answer(question, state)
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def timed_load(directory: Path, data_dir: Path | None = None) -> tuple[Engine, float]:
    """The engine over `directory` and the seconds `load_engine` took: load, validate, index."""
    started = time.perf_counter()
    engine = load_engine(directory, data_dir)
    return engine, time.perf_counter() - started


def cold_start(directory: Path) -> float:
    """Seconds for a new process to import, load the base and answer one question."""
    code = (
        "import sys; from bot.engine import load_engine; load_engine(sys.argv[1]).answer('Bonjour')"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(directory)], check=True)
    return time.perf_counter() - started


def write_synthetic_base(directory: Path, articles: int, seed: int = 7) -> None:
    """A valid base of `articles` generated articles: each says one person joined a company."""
    rng = random.Random(seed)
    months = MONTHS_FR.split()
    companies = sorted({f"{_word(rng, 2, 3)} Labs" for _ in range(max(20, articles // 20))})
    people = _names(rng, articles)
    (directory / "articles").mkdir(parents=True)
    entities = [
        {
            "id": _slug(c),
            "type": "organization",
            "name": {"fr": c, "en": c},
            "description": {"fr": f"Entreprise {c}.", "en": f"Company {c}."},
        }
        for c in companies
    ]
    facts = []
    context = []
    for n, (first, last) in enumerate(people):
        person_id = f"p{n:05d}"
        to, source = rng.sample(companies, 2)
        month = rng.randrange(12)
        sentences = [
            f"{first} {last} a rejoint {to} en {months[month]}, après des années chez {source}.",
            f"{to} recrute activement des ingénieurs.",
        ]
        article_id = f"synth-{n:05d}"
        front_matter = f"---\nid: {article_id}\ntitle: Article {n}\nlanguage: fr\n---\n"
        (directory / "articles" / f"{article_id}.txt").write_text(
            front_matter + " ".join(sentences) + "\n", encoding="utf-8"
        )
        entities.append(
            {
                "id": person_id,
                "type": "person",
                "name": {"fr": f"{first} {last}", "en": f"{first} {last}"},
                "aliases": [last],
                "description": {"fr": f"Recrue de {to}.", "en": f"Hired by {to}."},
            }
        )
        context.append({"article": article_id, "sentence": sentences[1]})
        facts.append(
            {
                "id": f"f{n:05d}",
                "type": "joined",
                "subject": person_id,
                "object": _slug(to),
                "from": _slug(source),
                "when": {"month": month + 1},
                "text": {
                    "fr": f"{first} {last} a rejoint {to} en {months[month]}, venant de {source}.",
                    "en": f"{first} {last} joined {to} from {source}.",
                },
                "citations": [{"article": article_id, "sentence": sentences[0]}],
            }
        )
    (directory / "entities.yaml").write_text(
        yaml.safe_dump({"entities": entities}, allow_unicode=True), encoding="utf-8"
    )
    (directory / "facts.yaml").write_text(
        yaml.safe_dump({"facts": facts, "context": context}, allow_unicode=True), encoding="utf-8"
    )
    about = {
        "summary": {"fr": "Base synthétique.", "en": "Synthetic base."},
        "examples_fr": ["Qui est qui ?"] * 3,
        "examples_en": ["Who is who?"] * 3,
    }
    (directory / "about.yaml").write_text(yaml.safe_dump(about), encoding="utf-8")


SYLLABLES = (
    "ka lo mi ra sen tu vi no be ha ri zo el an dre ma li ta ko ne sa yu fe gi or da pa lu "
    "ven ti ro mar ces bal dor kir nes tal vor len"
).split()


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(low, high))).capitalize()


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """`count` made-up (first name, surname) pairs; surnames are unique, being aliases."""
    surnames: dict[str, str] = {}
    while len(surnames) < count:
        surnames.setdefault(_word(rng, 3, 4), _word(rng, 2, 3))
    return [(first, last) for last, first in surnames.items()]


def _print_latency(label: str, figures: dict[str, float]) -> None:
    print(
        f"  {label}: p50 {figures['p50']:.2f} ms, p95 {figures['p95']:.2f} ms, "
        f"p99 {figures['p99']:.2f} ms (mean {figures['mean']:.2f} ms)"
    )


SCALE_SIZES = (1_000, 10_000, 100_000)
QUICK_SCALE_SIZES = (300,)
SCALE_SESSIONS = 1500  # conversations asked of each base, one to three questions each


def run_scale(*, quick: bool) -> int:
    """One line per base size: loads, latency percentiles and peak memory, each base measured
    in fresh processes (the first load with an empty parse cache, then a warm one)."""
    from bot.testing.synthetic import question_sessions, write_news_base

    for size in QUICK_SCALE_SIZES if quick else SCALE_SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            directory, data_dir = Path(tmp) / "knowledge", Path(tmp) / "data"
            world = write_news_base(directory, size)
            sessions = question_sessions(world, random.Random(42), 100 if quick else SCALE_SESSIONS)
            questions = Path(tmp) / "questions.json"
            questions.write_text(json.dumps(sessions), encoding="utf-8")
            # Files changed this recently are not trusted to a snapshot (`snapshot.write`).
            time.sleep(RACY_NS / 1e9)
            first = _child("first_load", directory, data_dir)
            warm = _child("answer", directory, data_dir, questions)
            print(
                f"facts {len(world.facts)}: first load {first['load']:.2f} s, "
                f"load {warm['load']:.2f} s, p50 {warm['p50']:.2f} ms, p95 {warm['p95']:.2f} ms, "
                f"p99 {warm['p99']:.2f} ms, peak {warm['peak']:.0f} MB, "
                f"reload {warm['reload']:.2f} s",
                flush=True,
            )
    return 0


def _child(task: str, directory: Path, data_dir: Path, questions: Path | None = None) -> dict:
    """Run `scale_task` in a fresh process, so that its memory is its own, and read its figures."""
    code = "import sys; from bot.testing.bench import scale_task; scale_task(*sys.argv[1:])"
    args = [task, str(directory), str(data_dir), str(questions or "")]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_task(task: str, directory: str, data_dir: str, questions: str) -> None:
    """In a child process: load the base; for `answer`, also ask the sessions and reload once.

    Prints one JSON line of figures; peak memory is taken before the reload, which holds two
    bases for a moment.
    """
    engine, load_seconds = timed_load(Path(directory), Path(data_dir))
    figures: dict[str, float] = {"load": load_seconds}
    if task == "answer":
        samples = []
        for session in json.loads(Path(questions).read_text(encoding="utf-8")):
            state = State()
            for question in session:
                started = time.perf_counter()
                _, state = engine.answer(question, state)
                samples.append((time.perf_counter() - started) * 1000)
        figures |= percentiles(samples)
        figures["peak"] = peak_mb()
        figures["reload"] = reload_after_one_change(engine, Path(directory), Path(data_dir))
    print(json.dumps(figures))


def run_bench(engine: Engine, settings: Settings, *, telegram: bool, quick: bool) -> int:
    """Print the figures; `quick` shrinks the synthetic base so tests can run the command."""
    rng = random.Random(42)
    if telegram:
        return _telegram_bench(engine, quick)
    print(f"Real knowledge base ({settings.knowledge_dir})")
    _, load_seconds = timed_load(settings.knowledge_dir)
    print(f"  load: {load_seconds * 1000:.0f} ms")
    start_seconds = cold_start(settings.knowledge_dir)
    print(f"  cold start (new process, load, first answer): {start_seconds:.2f} s")
    questions = question_set(engine.kb, rng, 300 if quick else 3000)
    _print_latency(
        f"answer latency over {len(questions)} questions", measure_latency(engine, questions)
    )

    size = QUICK_ARTICLES if quick else SYNTHETIC_ARTICLES
    with tempfile.TemporaryDirectory() as tmp:
        directory, data_dir = Path(tmp) / "knowledge", Path(tmp)
        write_synthetic_base(directory, size)
        print(f"Synthetic knowledge base ({size} articles)")
        _, first_load = timed_load(directory, data_dir)
        print(f"  first load (parse every YAML file, fill the parse cache): {first_load:.2f} s")
        synthetic, load_seconds = timed_load(directory, data_dir)
        print(f"  load (parse cache warm; validation and indexing as always): {load_seconds:.2f} s")
        questions = question_set(synthetic.kb, rng, 300 if quick else 2000)
        _print_latency(
            f"answer latency over {len(questions)} questions", measure_latency(synthetic, questions)
        )
        peak = peak_rss(directory, data_dir)
        print(f"  peak memory of a process that loads it and answers: {peak:.0f} MB")
        # Last: it changes an article, which the figures above must not see.
        reload_seconds = reload_after_one_change(synthetic, directory, data_dir)
        print(
            f"  reload after one article changed (as /reload and SIGHUP do): {reload_seconds:.2f} s"
        )
    return 0


def reload_after_one_change(engine: Engine, directory: Path, data_dir: Path) -> float:
    """Seconds a running bot's reload takes once one article's file has changed."""
    from bot.frontends.reload import LiveEngine, Reloader

    article = sorted((directory / "articles").glob("*.txt"))[len(engine.kb.articles) // 2]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\ntitle: ", "\ntitle: Revised ", 1), encoding="utf-8")
    result = asyncio.run(Reloader(LiveEngine(engine), directory, data_dir).reload("bench"))
    if not result.ok:
        raise RuntimeError(result.summary())
    return result.seconds


def peak_mb() -> float:
    """This process's peak resident memory (MB) since it started its program.

    Linux's `ru_maxrss` survives exec: a child of a large parent reports the parent's size.
    VmHWM belongs to the program's own memory, so it is read first.
    """
    import resource

    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return (
            next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
            / 1024
        )
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss(directory: Path, data_dir: Path) -> float:
    """Peak resident memory (MB) of a fresh process loading `directory` and answering."""
    code = (
        "import sys; from bot.engine import load_engine; from bot.testing.bench import peak_mb; "
        "e = load_engine(sys.argv[1], sys.argv[2]); "
        "[e.answer(q) for q in ('Qui est qui ?', 'Who joined whom?', 'Bonjour')]; "
        "print(peak_mb())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(directory), str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def _telegram_bench(engine: Engine, quick: bool) -> int:
    from bot.testing.telegram_bench import measure

    # One line per update would drown the figures.
    for noisy in ("bot.frontends.telegram", "telegram"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    updates = 50 if quick else 500
    figures = asyncio.run(measure(updates, engine, rounds=1 if quick else 3))
    print(
        f"Telegram round trip through the local fake Bot API ({updates} private messages a "
        f"round, median of {figures['rounds']} rounds in alternation)"
    )
    for key, value in figures.items():
        print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
    return 0
