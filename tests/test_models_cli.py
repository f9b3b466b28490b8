"""``main.py models``: list, download (with Ctrl-C), remove and calibrate, run as a user would.

The commands run in real subprocesses with a network tripwire (see
tests/test_cli.py): any connection ends the process with status 99, except,
for ``download``, to the test's hub server on 127.0.0.1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from core.paths import models_dir
from core.speech import download as downloads
from core.speech.models import ModelState, model_status
from tests.hub_server import HubServer
from tests.test_cli import ROOT, run_cli
from tests.test_model_download import SMALL, base_files

ALLOW_ONLY = '''
import socket, sys, os
_allowed = os.environ.get("TEST_HUB_ADDRESS")
def _hook(event, args):
    if event == "socket.connect" and getattr(args[0], "family", None) != socket.AF_UNIX:
        if "%s:%s" % tuple(args[1][:2]) != _allowed:
            sys.stderr.write(f"NETWORK ATTEMPT {args[1]!r}\\n"); sys.stderr.flush(); os._exit(99)
sys.addaudithook(_hook)
'''


@pytest.fixture
def hub():
    server = HubServer().start()
    server.repos[SMALL] = base_files()
    yield server
    server.stop()


def hub_env(hub: HubServer) -> dict[str, str]:
    return {"HF_ENDPOINT": hub.url, "TEST_HUB_ADDRESS": hub.url.removeprefix("http://")}


def download_env(hub: HubServer, tmp_path) -> dict[str, str]:
    """main.py's environment for a download: the tripwire lets it reach the test's hub server only."""
    site = tmp_path / "download-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(ALLOW_ONLY)
    env = {**os.environ, **hub_env(hub), "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    env.pop("HF_HUB_OFFLINE", None)  # main.py itself switches the hub libraries off
    return env


def run_download(hub: HubServer, tmp_path, *args: str):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "models", *args], cwd=tmp_path,
                          env=download_env(hub, tmp_path), capture_output=True, text=True, timeout=180)


def test_list_shows_installed_and_downloadable_models_offline(tmp_path):
    result = run_cli("models", "list", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line[:1].strip()}
    for name in ("base", "tiny.en", "small", "medium", "large-v3-turbo", "large-v3", "kotoba-whisper-v2.0"):
        assert name in rows, result.stdout
    assert rows["small"].split()[1] == "not_downloaded"
    assert "about 486 MB" in rows["small"] and "JSUT 14.2%" in rows["small"] and "CV8 15.1%" in rows["small"]
    assert "conversation 50.5%" in rows["kotoba-whisper-v2.0"] and "Japanese" in rows["kotoba-whisper-v2.0"]
    assert "English only" in rows["tiny.en"]
    assert "not measured" in rows["base"]
    assert "Kotoba-Whisper v2.0 model card" in result.stdout and "Neosophie" in result.stdout
    assert "Japanese is transcribed with “base”" in result.stdout
    assert "“small” would be more accurate" in result.stdout


def test_download_shows_progress_installs_and_remove_deletes(hub, tmp_path):
    result = run_download(hub, tmp_path, "download", "small")
    assert result.returncode == 0, result.stderr
    assert "small: 100%" in result.stderr and "small: 0%" in result.stderr
    assert "Installed:" in result.stdout
    assert model_status("small", verify=True).state is ModelState.READY

    listing = run_cli("models", "list", tmp_path=tmp_path)
    row = next(line for line in listing.stdout.splitlines() if line.startswith("small "))
    assert row.split()[1] == "ready" and "about" not in row.split("|")[0]  # the exact size now

    removed = run_cli("models", "remove", "small", tmp_path=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert "Removed “small”" in removed.stdout
    assert model_status("small").state is ModelState.NOT_DOWNLOADED


@pytest.mark.parametrize(("args", "status", "sentence"), [
    (("download", "huge"), 2, "“huge” cannot be downloaded"),
    (("download", "base"), 2, "“base” cannot be downloaded"),
    (("remove", "base"), 2, "comes with Furikaeri"),
    (("remove", "small"), 1, "is not downloaded"),
    (("remove", "huge"), 2, "cannot be downloaded"),
    (("calibrate", "tiny.en"), 1, "understands only English"),
    (("calibrate", "large-v3"), 1, "not downloaded yet"),
])
def test_bad_requests_get_one_sentence(tmp_path, args, status, sentence):
    result = run_cli("models", *args, tmp_path=tmp_path)  # the tripwire: none of these goes online
    assert result.returncode == status, result.stderr
    assert sentence in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_unreachable_hub_is_one_sentence(hub, tmp_path):
    hub.stop()
    result = run_download(hub, tmp_path, "download", "small")
    assert result.returncode == 1
    assert "Could not reach the hub" in result.stderr and "Traceback" not in result.stderr


def test_ctrl_c_cancels_cleanly_and_the_next_download_continues(hub, tmp_path):
    hub.pause["model.bin"] = 1_200_000
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "models", "download", "small"], cwd=tmp_path,
                            env=download_env(hub, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert hub.paused.wait(60), "the download never reached the pause"
        partial = downloads.partial_dir("small") / "model.bin"
        deadline = time.monotonic() + 60  # the bytes sent before the pause are on disk, not in a socket buffer
        while (not partial.exists() or partial.stat().st_size == 0) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        hub.resume()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "was cancelled" in err and "are kept" in err and "Traceback" not in err
    assert not (models_dir() / "small").exists()
    kept = (downloads.partial_dir("small") / "model.bin").stat().st_size
    assert kept > 0

    again = run_download(hub, tmp_path, "download", "small")
    assert again.returncode == 0, again.stderr
    assert hub.file_requests("model.bin")[-1] == f"bytes={kept}-"
    assert model_status("small", verify=True).state is ModelState.READY


@pytest.mark.slow
def test_calibrate_measures_base_and_list_shows_it(base_model_in_home, tmp_path):
    result = run_cli("models", "calibrate", "base", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "base:" in result.stdout and "minutes of work per hour of audio" in result.stdout
    listing = run_cli("models", "list", tmp_path=tmp_path)
    rows = {line.split()[0]: line for line in listing.stdout.splitlines() if line[:1].strip()}
    assert "(measured, cpu)" in rows["base"]
    assert "(estimated)" in rows["small"] and "(estimated)" in rows["large-v3"]
    assert "not measured" in rows["tiny.en"]
