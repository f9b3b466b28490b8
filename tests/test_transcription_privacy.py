"""Transcribing writes nothing outside the library: no library's telemetry, no file left in TMPDIR (issue 11, item 16).

onnxruntime (faster-whisper's voice-activity detection) writes ``$TMPDIR/.ses``
and, under the cache folder, ``Microsoft/DeveloperTools/.onnxruntime/deviceid``
and ``onnxruntime.db`` as soon as it is imported, unless its telemetry is
switched off.  The speech worker switches it off and runs with a private
temporary folder that the parent removes however the worker ends.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core.transcription.model import TranscriptionSettings
from core.transcription.process import TEMP_PREFIX, remove_stale_temp_folders
from core.transcription.service import TranscriptionCancelled, TranscriptionError, TranscriptionService
from tests.model_fixtures import word_recall

pytest_plugins = ["tests.model_fixtures"]
pytestmark = pytest.mark.slow

DEADLINE_S = 120


def tree(folder: Path) -> dict[str, int]:
    """Every file and folder below ``folder`` with its size (0 for folders)."""
    return {str(p.relative_to(folder)): (p.stat().st_size if p.is_file() else 0) for p in folder.rglob("*")}


@pytest.fixture
def private_places(tmp_path, monkeypatch) -> dict[str, Path]:
    """A test TMPDIR, HOME and cache folder, watched; the telemetry switch not set by anyone but the worker."""
    places = {name: tmp_path / name for name in ("tmp", "home", "cache")}
    for folder in places.values():
        folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(places["tmp"]))
    monkeypatch.setenv("HOME", str(places["home"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(places["cache"]))
    monkeypatch.delenv("ORT_DISABLE_TELEMETRY", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # this process finds the new TMPDIR too
    return places


def private_folders(tmp: Path) -> list[Path]:
    return sorted(tmp.glob(f"{TEMP_PREFIX}*"))


def test_a_transcription_leaves_tmpdir_home_and_cache_unchanged(private_places, built_base_model, english_speech):
    seen: list[tuple[Path, int]] = []

    def progress(_fraction: float) -> None:
        if not seen:
            (folder,) = private_folders(private_places["tmp"])  # the worker's own, while it runs
            seen.append((folder, stat.S_IMODE(folder.stat().st_mode)))

    with TranscriptionService() as service:
        transcript = service.transcribe(english_speech.wav, TranscriptionSettings(model=str(built_base_model),
                                                                                  language="en"), progress)
        assert word_recall(english_speech.content_words, transcript.text) >= 0.8
    assert seen and seen[0][1] == 0o700
    assert not seen[0][0].exists()
    for name, folder in private_places.items():
        assert tree(folder) == {}, f"{name} changed: {tree(folder)}"


def long_audio(folder: Path, speech: Path) -> Path:
    samples, rate = soundfile.read(speech, dtype="float32")
    path = folder / "long.wav"
    soundfile.write(path, np.concatenate([samples] * 6), rate)
    return path


@pytest.mark.parametrize("how", ["cancel", "kill"])
def test_the_private_folder_goes_when_the_worker_is_cancelled_or_killed(how, private_places, built_base_model,
                                                                       english_speech, tmp_path):
    audio = long_audio(tmp_path, english_speech.wav)
    started = threading.Event()
    with TranscriptionService() as service:
        job = service.submit(audio, TranscriptionSettings(model=str(built_base_model), language="en"),
                             on_progress=lambda _fraction: started.set())
        assert started.wait(DEADLINE_S)
        (folder,) = private_folders(private_places["tmp"])
        if how == "cancel":
            job.cancel()
            with pytest.raises(TranscriptionCancelled):
                job.wait(10)
        else:
            os.kill(service.worker_pid, signal.SIGKILL)
            with pytest.raises(TranscriptionError):
                job.wait(10)
        assert not folder.exists()
    assert tree(private_places["tmp"]) == {}


def test_folders_left_by_a_killed_app_are_removed_later(tmp_path):
    gone = os.fork()
    if gone == 0:
        os._exit(0)
    os.waitpid(gone, 0)  # a process id that no longer runs
    left = tmp_path / f"{TEMP_PREFIX}{gone}-abc123"
    (left / "inner").mkdir(parents=True)
    running = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-def456"  # a running app's worker: kept
    running.mkdir()
    mine = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-ghi789"  # this process's own: kept
    mine.mkdir()
    other = tmp_path / "someone-else"
    other.mkdir()
    remove_stale_temp_folders(tmp_path)
    assert not left.exists() and running.exists() and mine.exists() and other.exists()
