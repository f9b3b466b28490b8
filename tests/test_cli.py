"""main.py's command line, run as a user would: real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core import __version__

ROOT = Path(__file__).resolve().parent.parent

# Any attempt to reach the network from a CLI run ends the process with status 99.
NETWORK_TRIPWIRE = '''
import socket, sys, os
def _hook(event, args):
    if event == "socket.connect" and getattr(args[0], "family", None) != socket.AF_UNIX:
        sys.stderr.write(f"NETWORK ATTEMPT {args[1]!r}\\n"); sys.stderr.flush(); os._exit(99)
    if event == "socket.getaddrinfo" and args[0] not in (None, "localhost", "127.0.0.1", "::1"):
        sys.stderr.write(f"NETWORK LOOKUP {args[0]!r}\\n"); sys.stderr.flush(); os._exit(99)
sys.addaudithook(_hook)
'''

BLOCK_PORTAUDIO = '''
import builtins
_real_import = builtins.__import__
def _import(name, *args, **kwargs):
    if name == "sounddevice" or name.startswith("_sounddevice"):
        raise OSError("PortAudio library not found")
    return _real_import(name, *args, **kwargs)
builtins.__import__ = _import
'''


def run_cli(*args: str, tmp_path: Path, extra_site: str = "", env: dict | None = None, timeout: float = 180,
            stdin_text: str | None = None):
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NETWORK_TRIPWIRE + extra_site)
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = os.pathsep.join([str(site), full_env.get("PYTHONPATH", "")])
    full_env.pop("HF_HUB_OFFLINE", None)  # main.py itself must switch the hub off
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=full_env,
                          capture_output=True, text=True, timeout=timeout, input=stdin_text)


def test_version(tmp_path):
    result = run_cli("--version", tmp_path=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Furikaeri {__version__}"


def test_unknown_command_is_a_usage_error(tmp_path):
    result = run_cli("fly", tmp_path=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.audio
@pytest.mark.slow
def test_doctor_reports_ready_model_and_microphone(virtual_microphone, base_model_in_home, tmp_path):
    prepared = run_cli("models", "prepare", tmp_path=tmp_path)
    assert prepared.returncode == 0, prepared.stderr
    assert "Ready:" in prepared.stdout
    result = run_cli("doctor", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    model_line = next(line for line in lines if "Speech model base" in line)
    assert model_line.startswith("[ ok ]") and "ready (" in model_line
    devices_line = next(line for line in lines if "Input devices" in line)
    assert devices_line.startswith("[ ok ]") and ("pulse" in devices_line or "default" in devices_line)
    for needed in ("Python", "Qt (PySide6)", "faster-whisper", "PortAudio", "Data folder", "Library database"):
        assert any(needed in line and line.startswith("[ ok ]") for line in lines), needed
    assert "Everything needed is in place." in result.stdout
    assert os.environ["FURIKAERI_HOME"] in result.stdout


@pytest.mark.slow
def test_doctor_fails_without_portaudio_but_explains(tmp_path):
    result = run_cli("doctor", tmp_path=tmp_path, extra_site=BLOCK_PORTAUDIO)
    assert result.returncode == 1, result.stdout + result.stderr
    portaudio = next(line for line in result.stdout.splitlines() if "PortAudio" in line)
    assert portaudio.startswith("[FAIL]") and "libportaudio2" in portaudio
    assert "Something needed is missing" in result.stdout


@pytest.mark.slow
def test_doctor_speaks_japanese(tmp_path):
    result = run_cli("doctor", tmp_path=tmp_path, env={"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"})
    assert "データフォルダー" in result.stdout and "ライブラリのデータベース" in result.stdout


def test_doctor_flags_a_newer_library(tmp_path):
    import sqlite3

    from core import paths
    from core.storage import db

    conn = sqlite3.connect(paths.database_path())
    conn.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    conn.commit()
    conn.close()
    result = run_cli("doctor", tmp_path=tmp_path)
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if "Library database" in line)
    assert line.startswith("[FAIL]") and "newer version" in line


def test_models_list_and_a_bad_folder(tmp_path):
    listing = run_cli("models", "list", tmp_path=tmp_path)
    assert listing.returncode == 0, listing.stderr
    rows = [line.split() for line in listing.stdout.splitlines() if line[:1].strip()]  # sources are indented
    states = {row[0]: row[1] for row in rows if row[0] in ("base", "tiny.en", "small")}
    assert states == {"base": "not_built", "tiny.en": "ready", "small": "not_downloaded"}
    bad = run_cli("models", "prepare", str(tmp_path / "no such folder"), tmp_path=tmp_path)
    assert bad.returncode == 1
    assert "does not exist" in bad.stderr


def test_a_reader_that_stops_early_gets_no_traceback(monkeypatch, capsys):
    """``main.py practice questions | head -1``: when the pipe closes, the writer stops quietly."""
    from core import cli

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything was written
    with open(write_end, "w", encoding="utf-8") as closed_pipe:
        monkeypatch.setattr(sys, "stdout", closed_pipe)
        status = cli.main(["practice", "questions"])
        print("flushing at exit must not raise either", file=closed_pipe, flush=True)
    monkeypatch.undo()
    assert status == cli.EXIT_BROKEN_PIPE
    assert "Traceback" not in capsys.readouterr().err
