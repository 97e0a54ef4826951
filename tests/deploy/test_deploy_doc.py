"""docs/deploy.md, run: its nginx block in front of a webhook-mode bot, its systemd unit checked
by systemd-analyze, its backup command on a running bot's store, its secret command's output.

Each snippet is read from the document itself, so the page cannot drift from what is tested.
Tests needing a tool the machine lacks (nginx, openssl, sqlite3, systemd-analyze) are skipped.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import signal
import socket
import sqlite3
import subprocess

import httpx
import pytest
from bot_process import start_bot
from fake_engine import FakeEngine
from paths import REPO
from telegram_helpers import ADA, QUESTION, settings_for

from bot.frontends.telegram.app import build_application, polling
from bot.frontends.telegram.webhook import SECRET_HEADER, Webhook, secret_problem
from bot.testing.fake_bot_api import FakeBotAPI, private_chat, text_message

DOC = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
SECRET = "obviously-fake-secret-for-the-deploy-doc"


def block(language: str, containing: str = "") -> str:
    """The first fenced block of `language` in the document that contains `containing`."""
    for found in re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL):
        if containing in found:
            return found
    raise AssertionError(f"no ```{language} block with {containing!r} in docs/deploy.md")


def substituted(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert text.count(old) >= 1, f"{old!r} is not in the snippet"
        text = text.replace(old, new)
    return text


def needs(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    directory = tmp_path / "data"
    monkeypatch.setenv("MERCATO_DATA_DIR", str(directory))
    return directory


async def test_the_nginx_block_passes_the_webhook_and_its_secret(tmp_path, data_dir):
    needs("nginx", "openssl")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    proxy_port, bot_port = free_port(), free_port()
    server = substituted(
        block("nginx"),
        {
            "listen 443 ssl;": f"listen 127.0.0.1:{proxy_port} ssl;",
            "/etc/letsencrypt/live/bot.example.org/fullchain.pem": str(tmp_path / "cert.pem"),
            "/etc/letsencrypt/live/bot.example.org/privkey.pem": str(tmp_path / "key.pem"),
            "127.0.0.1:8443": f"127.0.0.1:{bot_port}",
        },
    )
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\naccess_log off;\n"
        + "".join(
            f"{kind}_temp_path {tmp_path}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + server
        + "}\n"
    )
    nginx = subprocess.Popen(
        ["nginx", "-c", str(config), "-p", str(tmp_path), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    try:
        with FakeBotAPI() as api:
            url = "https://bot.example.org/telegram/mercato-hook"
            assert url in block("sh", "MERCATO_WEBHOOK_URL")
            webhook = Webhook(url, SECRET, "127.0.0.1", bot_port)
            application = build_application(settings_for(api), FakeEngine())
            async with (
                polling(application, webhook=webhook),
                httpx.AsyncClient(verify=False) as client,
            ):
                public = f"https://127.0.0.1:{proxy_port}/telegram/mercato-hook"
                update = {
                    "update_id": 1,
                    "message": text_message(private_chat(ADA), ADA, QUESTION),
                }
                for _ in range(50):  # nginx takes a moment to listen
                    try:
                        refused = await client.post(public, json=update)
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.1)
                accepted = await client.post(public, json=update, headers={SECRET_HEADER: SECRET})
                await api.wait_for_calls("sendMessage", 1)
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=10)
    assert refused.status_code == 403
    assert accepted.status_code == 200


def test_the_systemd_unit_verifies(tmp_path):
    needs("systemd-analyze")
    venv_python = REPO / ".venv" / "bin" / "python"
    if not venv_python.exists():
        pytest.skip("no .venv to point ExecStart at")
    unit = substituted(
        block("ini", "[Service]"),
        {
            "/opt/mercato/.venv/bin/python": str(venv_python),
            "WorkingDirectory=/opt/mercato": f"WorkingDirectory={REPO}",
            "EnvironmentFile=/etc/mercato/mercato.env": f"EnvironmentFile=-{tmp_path}/none.env",
        },
    )
    assert "Restart=on-failure" in unit and "ExecReload=/bin/kill -HUP $MAINPID" in unit
    assert "StateDirectoryMode=0700" in unit and "UMask=0077" in unit  # the store is private
    path = tmp_path / "mercato.service"
    path.write_text(unit)
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert checked.returncode == 0, checked.stderr
    assert "mercato.service" not in checked.stderr, checked.stderr  # no warning about it


def test_the_backup_command_copies_a_running_bots_store(tmp_path, data_dir):
    needs("sqlite3")
    command = block("sh", ".backup").strip()
    backup = tmp_path / "backups" / "mercato.sqlite3"
    backup.parent.mkdir()
    command = substituted(
        command,
        {
            "/var/lib/mercato/mercato.sqlite3": str(data_dir / "mercato.sqlite3"),
            "/var/backups/mercato.sqlite3": str(backup),
        },
    )
    with FakeBotAPI() as api:
        process = start_bot(api)
        try:
            api.wait_for_calls_sync("setMyCommands", 4, timeout=30)
            api.push_message(private_chat(ADA), ADA, QUESTION)
            api.wait_for_calls_sync("sendMessage", 1, timeout=10)
            subprocess.run(["bash", "-c", command], check=True, timeout=30)
            api.push_message(private_chat(ADA), ADA, QUESTION)  # still answering
            api.wait_for_calls_sync("sendMessage", 2, timeout=10)
        finally:
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=20)
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT COUNT(*) FROM updates").fetchone()[0] >= 1


def test_the_secret_command_makes_a_secret_telegram_accepts():
    command = block("sh", "token_urlsafe").strip()
    made = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=True)
    secret = made.stdout.strip()
    assert len(secret) >= 32
    assert secret_problem("https://bot.example.org/telegram/mercato-hook", secret) is None


def test_the_reload_command_is_the_units_sighup():
    assert "sudo systemctl reload mercato" in block("sh", "systemctl reload")
    assert "ExecReload=/bin/kill -HUP $MAINPID" in block("ini", "[Service]")
