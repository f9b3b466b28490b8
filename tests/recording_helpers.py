"""Shared pieces for recording tests: known speech, a spy on stream creation, file listings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf

from core import paths


def make_speech(path: Path, text: str = "Thank you for seeing me today. I would like to talk about my last project.",
                rate: int = 48000) -> Path:
    """English speech from espeak-ng, resampled to ``rate`` and padded with 0.3 s of silence each side."""
    raw = path.with_suffix(".espeak.wav")
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(raw), text], check=True, capture_output=True)
    data, source_rate = sf.read(raw, dtype="float32")
    raw.unlink()
    positions = np.arange(0, len(data) * rate / source_rate) * source_rate / rate
    resampled = np.interp(positions, np.arange(len(data)), data).astype(np.float32)
    pad = np.zeros(int(0.3 * rate), dtype=np.float32)
    sf.write(path, np.concatenate([pad, resampled, pad]), rate, subtype="PCM_16")
    return path


def audio_files(root: Path | None = None) -> list[Path]:
    root = root or paths.recordings_dir()
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".wav", ".flac", ".lock"))


class StreamSpy:
    """Wraps a real sounddevice module and counts the input streams opened through it."""

    def __init__(self, sd):
        self._sd = sd
        self.opened = 0

    def __getattr__(self, name):
        return getattr(self._sd, name)

    def InputStream(self, *args, **kwargs):  # noqa: N802 - sounddevice's name
        self.opened += 1
        return self._sd.InputStream(*args, **kwargs)
