"""The layers stay apart: only the Telegram front and the testing tools know about Telegram.

Imports are read from the source with `ast`, never by importing the modules, so a test cannot
pass because something happened to be imported already; imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from paths import REPO

BOT = REPO / "bot"

# Platform-free: the knowledge base, language understanding, the engine, its output, and what
# the fronts share (texts, messages, expiring choices, conversations, the console).
PLATFORM_FREE = [
    *sorted((BOT / "kb").rglob("*.py")),
    *sorted((BOT / "nlu").rglob("*.py")),
    *sorted((BOT / "engine").rglob("*.py")),
    *sorted((BOT / "curation").rglob("*.py")),
    BOT / "model.py",
    BOT / "text.py",
    *(
        BOT / "frontends" / f"{name}.py"
        for name in ("texts", "messages", "expiring", "conversations", "picture", "console")
    ),
]
# Below the fronts: these know no front at all.
CORE = [path for path in PLATFORM_FREE if "frontends" not in path.parts]
# The only places allowed to import python-telegram-bot.
TELEGRAM_ALLOWED = [BOT / "frontends" / "telegram", BOT / "testing"]


def module_name(path: Path) -> str:
    """The dotted name: bot.engine.facade for bot/engine/facade.py, bot.engine for __init__.py."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, package: str) -> set[str]:
    """Every module `source` may import: `import a.b` gives a.b; `from a import b`, a and a.b.

    Relative imports are resolved against `package`, the package the source belongs to.
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def imports_of(path: Path) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imported_modules(path.read_text(encoding="utf-8"), package)


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def offenders(paths: list[Path], packages: tuple[str, ...]) -> dict[str, list[str]]:
    """For each of `paths` importing from `packages`: its file, and what it imports from them."""
    found = {}
    for path in paths:
        imported = sorted(n for n in imports_of(path) if any(within(n, p) for p in packages))
        if imported:
            found[str(path.relative_to(REPO))] = imported
    return found


def test_platform_free_modules_import_neither_telegram_nor_the_telegram_front():
    assert offenders(PLATFORM_FREE, ("telegram", "bot.frontends.telegram", "bot.testing")) == {}


def test_the_core_imports_no_front():
    assert offenders(CORE, ("bot.frontends",)) == {}


def test_only_the_telegram_front_and_the_testing_tools_import_telegram():
    others = [
        path
        for path in sorted(BOT.rglob("*.py"))
        if not any(path.is_relative_to(allowed) for allowed in TELEGRAM_ALLOWED)
    ]
    assert offenders(others, ("telegram",)) == {}


# The layers, bottom up: a module imports only from its own layer or those below it.
LAYERS = [
    ("bot.text", "bot.model", "bot.settings", "bot.logs"),  # primitives
    ("bot.kb",),  # the knowledge base: data only
    ("bot.nlu",),  # language and question parsing
    ("bot.engine",),  # answering
    ("bot.curation",),  # articles in, drafts out
    ("bot.frontends",),  # console, Telegram, stores
    ("bot.testing",),  # the fake Bot API and the benchmarks
    ("bot.cli", "bot.__main__", "bot"),  # the command line
]


def layer_of(module: str) -> int:
    """The index in LAYERS of the most specific package `module` belongs to."""
    best, depth = -1, -1
    for index, packages in enumerate(LAYERS):
        for package in packages:
            if within(module, package) and package.count(".") > depth:
                best, depth = index, package.count(".")
    return best


def upward_imports() -> dict[str, list[str]]:
    found = {}
    for path in sorted(BOT.rglob("*.py")):
        own = layer_of(module_name(path))
        above = sorted(
            name
            for name in imports_of(path)
            if within(name, "bot") and name != "bot" and layer_of(name) > own
        )
        if above:
            found[str(path.relative_to(REPO))] = above
    return found


def test_no_module_imports_a_layer_above_its_own():
    assert upward_imports() == {}


def test_every_module_has_a_layer():
    assert [p for p in BOT.rglob("*.py") if layer_of(module_name(p)) < 0] == []


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("bot.kb.validate", "bot.nlu.lexicon"),
        ("bot.nlu.linking", "bot.engine"),
        ("bot.engine.facade", "bot.curation.impact"),
        ("bot.text", "bot.kb"),
    ],
)
def test_the_layer_order_refuses_an_upward_import(module, imported):
    assert layer_of(imported) > layer_of(module)


@pytest.mark.parametrize(
    ("source", "package", "imported"),
    [
        ("import telegram", "bot.engine", "telegram"),
        ("import telegram.ext as ext", "bot.engine", "telegram.ext"),
        ("from telegram.constants import ChatType", "bot.engine", "telegram.constants"),
        ("def f():\n    from bot import frontends", "bot.engine", "bot.frontends"),
        ("from .telegram import app", "bot.frontends", "bot.frontends.telegram.app"),
        ("from ..testing import bench", "bot.engine", "bot.testing.bench"),
        ("from . import facade", "bot.engine", "bot.engine.facade"),
    ],
)
def test_the_check_sees_every_form_of_import(source, package, imported):
    assert imported in imported_modules(source, package)


def test_the_check_reads_the_real_modules():
    assert len(CORE) > 10 and all(path.is_file() for path in PLATFORM_FREE)
    assert "telegram.ext" in imports_of(BOT / "frontends" / "telegram" / "app.py")
