"""The files kept beside each recording's audio, named in one place.

``<audio>.json``
    the sidecar: interview, consent record and chain head, markers, state
``<audio>.lock``
    held while the recording runs (a free lock means its process died)
``<audio>.peaks``
    the waveform overview's cache (rebuilt when missing)
``<audio>.call.wav``
    an online interview's second track: what the computer played (the call), same clock as the audio
``<audio>.call.wav.peaks``
    the call track's waveform cache
"""

from __future__ import annotations

import os
from pathlib import Path

SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
PEAKS_SUFFIX = ".peaks"
CALL_SUFFIX = ".call.wav"
TRANSCRIPT_SUFFIX = ".transcript.txt"  # written by ``main.py record --transcribe``


def _beside(audio: str | os.PathLike[str], suffix: str) -> Path:
    audio = Path(audio)
    return audio.with_name(audio.name + suffix)


def sidecar_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, SIDECAR_SUFFIX)


def lock_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, LOCK_SUFFIX)


def peaks_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, PEAKS_SUFFIX)


def call_track_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, CALL_SUFFIX)


def transcript_text_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, TRANSCRIPT_SUFFIX)


def is_call_track(path: Path) -> bool:
    """Whether ``path`` is the call track of a recording beside it (it belongs to that recording)."""
    return path.name.endswith(CALL_SUFFIX)


def side_files(audio: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Every file kept beside ``audio`` (which may or may not exist)."""
    call = call_track_path(audio)
    return sidecar_path(audio), peaks_path(audio), lock_path(audio), call, peaks_path(call), transcript_text_path(audio)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def audio_of_sidecar(relative: str) -> str:
    """The audio file a sidecar's path (relative or absolute, as text) belongs to."""
    return relative.removesuffix(SIDECAR_SUFFIX)
