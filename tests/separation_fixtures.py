"""A one-microphone interview with three voices, transcribed once, for telling its voices apart again.

A test module makes it a fixture: ``return transcribed(tmp_path_factory.mktemp("three_voices"), built_base_model)``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from core.interviews import InterviewKind
from core.library import Library
from core.ops import transcription as ops
from core.recording.store import Recording, RecordingState
from core.transcription.model import Transcript, TranscriptionSettings
from core.transcription.service import TranscriptionService
from tests.diarization_corpus import conversation
from tests.test_separation import _recording


def transcribed(folder: Path, model: Path) -> tuple[Path, Transcript, str]:
    """The audio, its transcript (voices told apart as two), and the memory map of the worker that transcribed it
    (the control: a worker that loaded Whisper maps CTranslate2)."""
    talk = conversation(folder, "en", speakers=3)
    settings = TranscriptionSettings(model=str(model), language="en", separate=True, speakers=2)
    with TranscriptionService() as service:
        transcript = service.transcribe(talk.path, settings)
        maps = Path(f"/proc/{service.worker_pid}/maps").read_text()
    return talk.path, transcript, maps


def stored(library: Library, audio: Path, transcript: Transcript,
           kind: InterviewKind = InterviewKind.REAL) -> Recording:
    """A recording of an interview of ``kind`` with ``audio``, and ``transcript`` as its transcript."""
    recording = _recording(library, kind)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(audio, recording.path)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, transcript.duration_ms)
    ops.store(library, recording, transcript, "en")
    return library.recordings.get(recording.id)
