"""`python -m bot graph [NAME] [--text] [--out FILE.png] [--lang fr|en]`, run as a real process."""

from __future__ import annotations

import struct
import subprocess
import sys

from commands import TIMEOUT, mercato, ok
from paths import DATA, REPO

from bot.engine.flows import build_flows
from bot.frontends.graph_text import flow_lines
from bot.frontends.picture import MISSING

THIRD_DIR = DATA / "third_article"


def test_graph_text_prints_every_flow_of_the_base(env, base):
    out = ok(mercato("graph", "--text", env=env))
    for line in flow_lines(build_flows(base), "en"):
        assert line in out.splitlines()
    assert any(line.startswith("Meta → xAI: at least 14 (") for line in out.splitlines())
    assert "Sources:" in out


def test_graph_name_keeps_only_that_entitys_flows_in_french(env):
    out = ok(mercato("graph", "pang", "--text", "--lang", "fr", env=env))
    lines = [line for line in out.splitlines() if " → " in line]
    assert lines == ["Apple → Meta : Ruoming Pang", "Google → Apple : Ruoming Pang"]


def test_graph_on_the_invented_base(env):
    env = {**env, "MERCATO_KNOWLEDGE_DIR": str(THIRD_DIR)}
    out = ok(mercato("graph", "--text", env=env))
    assert out.splitlines()[0] == "Vectoria Labs → Lumenic: at least 9 (Ingrid Solberg)"
    out = ok(mercato("graph", "lumenic", "--text", "--lang", "fr", env=env))
    assert out.splitlines()[0] == "Vectoria Labs → Lumenic : au moins 9 (Ingrid Solberg)"
    # a person's graph holds their own moves only
    out = ok(mercato("graph", "Solberg", "--text", env=env))
    assert out.splitlines()[0] == "Vectoria Labs → Lumenic: Ingrid Solberg"


def test_graph_out_writes_a_png_at_least_800_pixels_wide(env, tmp_path):
    target = tmp_path / "flows.png"
    result = mercato("graph", "Meta", "--out", str(target), env=env)
    assert ok(result) == ""  # the picture only; what was written is said on stderr
    assert str(target) in result.stderr
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 800 and height > 0


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(env):
    result = mercato("graph", "Chen", "--text", env=env)
    assert result.returncode == 2
    assert "ambiguous" in result.stderr
    assert "Xinlei Chen" in result.stderr and "Zhifeng Chen" in result.stderr
    assert result.stdout == ""


def test_an_unknown_name_says_so_and_exits_1(env):
    result = mercato("graph", "Qwxzvb", "--text", env=env)
    assert result.returncode == 1
    assert "Qwxzvb" in result.stderr and "Traceback" not in result.stderr


def test_a_picture_without_matplotlib_is_one_line_naming_the_extra(env, tmp_path):
    without_matplotlib = (
        "import sys; sys.modules['matplotlib'] = None; "  # as if it were not installed
        "from bot.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    png = tmp_path / "map.png"
    result = subprocess.run(
        [sys.executable, "-c", without_matplotlib, "graph", "--out", str(png)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1:] == [f"mercato: {MISSING}"]
    assert "Traceback" not in result.stderr and not png.exists()
    assert ok(mercato("graph", "--text", env=env))  # the lines need no matplotlib
