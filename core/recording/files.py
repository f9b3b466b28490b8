"""The files kept beside each recording's audio, named in one place.

``<audio>.json``
    the sidecar: interview, consent record and chain head, markers, state
``<audio>.lock``
    held while the recording runs (a free lock means its process died)
``<audio>.peaks``
    the waveform overview's cache (rebuilt when missing)
"""

from __future__ import annotations

import os
from pathlib import Path

SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
PEAKS_SUFFIX = ".peaks"


def _beside(audio: str | os.PathLike[str], suffix: str) -> Path:
    audio = Path(audio)
    return audio.with_name(audio.name + suffix)


def sidecar_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, SIDECAR_SUFFIX)


def lock_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, LOCK_SUFFIX)


def peaks_path(audio: str | os.PathLike[str]) -> Path:
    return _beside(audio, PEAKS_SUFFIX)


def side_files(audio: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Every file kept beside ``audio`` (which may or may not exist)."""
    return sidecar_path(audio), peaks_path(audio), lock_path(audio)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def audio_of_sidecar(relative: str) -> str:
    """The audio file a sidecar's path (relative or absolute, as text) belongs to."""
    return relative.removesuffix(SIDECAR_SUFFIX)
