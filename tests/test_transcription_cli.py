"""``main.py transcribe`` run as a user would: real subprocesses, the real model."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from tests.model_fixtures import word_recall
from tests.test_cli import NETWORK_TRIPWIRE, ROOT, run_cli

pytestmark = pytest.mark.slow


def test_english_to_srt_file(tmp_path, built_base_model, english_speech):
    out = tmp_path / "answer.srt"
    result = run_cli("transcribe", str(english_speech.wav), "--model", str(built_base_model), "--language", "en",
                     "-o", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "\r" not in result.stderr  # no progress bar when standard error is not a terminal
    assert "Keep this transcript private" in result.stderr and str(out) in result.stderr
    srt = out.read_text("utf-8")
    cues = srt.strip().split("\n\n")
    assert cues and cues[0].startswith("1\n00:00:0")
    assert all(re.fullmatch(r"\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n.+", cue, re.S) for cue in cues)
    assert word_recall(english_speech.content_words, srt) >= 0.8
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)


def test_english_to_json_on_stdout_with_detected_language(tmp_path, built_base_model, english_speech):
    result = run_cli("transcribe", str(english_speech.wav), "--model", str(built_base_model), "--format", "json",
                     tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["transcript"]["language"] == "en" and data["transcript"]["settings"]["language"] is None
    text = " ".join(segment["text"] for segment in data["segments"])
    assert word_recall(english_speech.content_words, text) >= 0.8
    assert all(segment["words"] for segment in data["segments"])


@pytest.mark.parametrize("command", ["transcribe", "analyze"])  # both go through transcribe_with_progress
@pytest.mark.parametrize(("name", "content", "words"), [
    ("missing.wav", None, "does not exist"),
    ("empty.wav", b"", "empty (0 bytes)"),
    ("notes.wav", b"just text, not sound\n" * 30, "not an audio file"),
])
def test_unreadable_input_exits_4(tmp_path, command, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run_cli(command, str(path), tmp_path=tmp_path)
    assert result.returncode == 4, result.stderr
    assert words in result.stderr and result.stdout == ""


def test_too_short_exits_4_and_bad_options_exit_2(tmp_path):
    blip = tmp_path / "blip.wav"
    soundfile.write(blip, np.full(3200, 0.2, np.float32), 16000)
    result = run_cli("transcribe", str(blip), tmp_path=tmp_path)
    assert result.returncode == 4 and "too short" in result.stderr
    result = run_cli("transcribe", str(blip), "--language", "fr", tmp_path=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_a_missing_model_exits_1(tmp_path, english_speech):
    result = run_cli("transcribe", str(english_speech.wav), "--model", str(tmp_path / "nowhere"), tmp_path=tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stderr


def _worker_of(pid: int) -> int | None:
    """The transcription worker among ``pid``'s children (the resource tracker is one too)."""
    children = [c for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    for child in children:  # the service thread, not the main thread, starts the worker
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                return int(child)
        except OSError:
            continue
    return None


def _read_until(fd: int, marker: bytes, timeout: float) -> bytes:
    """Read a pty until ``marker`` shows up (or the deadline passes, or the other side closes)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the process closed its end
            break
        if not chunk:
            break
        seen += chunk
    return seen


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc and a pty")
def test_progress_bar_on_a_terminal_and_ctrl_c_exits_130(tmp_path, built_base_model, japanese_interview_speech):
    samples, rate = soundfile.read(japanese_interview_speech.wav, dtype="float32")
    long_file = tmp_path / "long.wav"
    soundfile.write(long_file, np.concatenate([samples] * 3), rate)  # three windows: progress comes before the end
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NETWORK_TRIPWIRE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "transcribe", str(long_file), "--model", str(built_base_model),
         "--language", "ja"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    try:
        shown = _read_until(controller, b"%", timeout=90)
        assert b"%" in shown and b"[" in shown, shown  # the progress bar, drawn on the terminal only
        worker = _worker_of(process.pid)
        assert worker is not None
        process.send_signal(signal.SIGINT)
        stdout, _ = process.communicate(timeout=20)
        rest = _read_until(controller, b"Cancelled.", timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        os.close(controller)
    assert process.returncode == 130, shown + rest
    assert b"Cancelled." in rest and b"Traceback" not in shown + rest and stdout == ""
    assert not Path(f"/proc/{worker}").exists(), "the worker outlived the command"
