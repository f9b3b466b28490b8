"""``main.py analyze`` run as a user would: real subprocesses, the real model, synthesized answers."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import numpy as np
import pytest
import soundfile

from tests.scripted_speech import build_clip
from tests.test_cli import NETWORK_TRIPWIRE, ROOT, run_cli
from tests.test_metrics_speech import FIVE_FILLERS, need_synthesizer
from tests.test_transcription_cli import _read_until

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def english_fillers(tmp_path_factory):
    need_synthesizer("en")
    return build_clip(FIVE_FILLERS["en"], "en", tmp_path_factory.mktemp("analyze_en") / "answer.wav", lead_s=1.0)


def test_json_metrics_of_an_english_answer_with_the_language_detected(tmp_path, built_base_model, english_fillers):
    result = run_cli("analyze", str(english_fillers.wav), "--model", str(built_base_model), "--json",
                     "--target", "20", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr  # no progress bar when standard error is not a terminal
    data = json.loads(result.stdout)
    assert data["language"] == "en" and data["file"] == str(english_fillers.wav)
    assert abs(len(data["fillers"]) - 5) <= 1, data["text"]  # the detected language's prompt kept them
    assert data["first_word_delay_s"] == pytest.approx(1.0, abs=0.2)
    assert data["timing_from_audio"] is True and data["words"] >= 30 and data["characters"] == 0
    keys = [m["key"] for m in data["metrics"]]
    assert keys[:4] == ["duration", "first_word_delay", "words", "pace"] and "morae_pace" not in keys
    pace = next(m for m in data["metrics"] if m["key"] == "pace")
    assert (pace["low"], pace["high"], pace["unit"]) == (130, 160, "words/min")
    duration = next(m for m in data["metrics"] if m["key"] == "duration")
    assert (duration["low"], duration["high"]) == (15, 25)


def test_text_report_of_a_japanese_answer(tmp_path, built_base_model, japanese_interview_speech):
    result = run_cli("analyze", str(japanese_interview_speech.wav), "--model", str(built_base_model),
                     "--language", "ja", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Transcript: ") and "Speech metrics (Japanese)" in out
    pace = next(line for line in out.splitlines() if line.strip().startswith("Pace "))
    assert "characters/min" in pace and "300–400 characters/min" in pace
    assert "Pace in morae" in out and "320–360 morae/min" in out
    assert "What the numbers mean:" in out and "Broadcast Japanese" in out
    assert "Pauses longer than" not in out  # a fluent answer


def test_silence_reports_no_speech(tmp_path, built_base_model):
    quiet = tmp_path / "quiet.wav"
    soundfile.write(quiet, np.zeros(16000 * 3, np.float32), 16000)
    result = run_cli("analyze", str(quiet), "--model", str(built_base_model), "--language", "en", "--json",
                     tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "No speech was found" in result.stderr
    data = json.loads(result.stdout)
    assert data["duration_s"] == 0 and data["words"] == 0 and data["pace"] is None and data["fillers"] == []


@pytest.mark.parametrize("options", [["--language", "fr"], ["--target", "-5"], ["--target", "soon"]])
def test_bad_options_exit_2(tmp_path, options):
    result = run_cli("analyze", "answer.wav", *options, tmp_path=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "invalid" in result.stderr or "expected seconds" in result.stderr


def test_a_missing_model_exits_1(tmp_path, english_fillers):
    result = run_cli("analyze", str(english_fillers.wav), "--model", str(tmp_path / "nowhere"), tmp_path=tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stderr and result.stdout == ""


def test_progress_on_a_terminal(tmp_path, built_base_model, english_fillers):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NETWORK_TRIPWIRE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "analyze", str(english_fillers.wav), "--model",
         str(built_base_model), "--language", "en"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
        stderr=terminal, text=True)
    os.close(terminal)
    try:
        shown = _read_until(controller, b"100%", timeout=120)
        stdout, _ = process.communicate(timeout=60)
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert b"[" in shown and b"100%" in shown
    assert "Speech metrics (English)" in stdout and "Fillers: " in stdout
