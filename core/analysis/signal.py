"""Where the voice is: sound and silence in one span of an audio file.

Word timestamps from Whisper are good to a few hundred milliseconds and tend
to stretch words over the silence after them; pauses and the delay before the
first word are therefore measured on the signal when the audio is at hand.

The span is read block by block (a few seconds at a time; never the whole file)
with libsndfile, or with FFmpeg (PyAV) for formats libsndfile cannot read,
mixed to mono, and cut into :data:`FRAME_MS` frames whose loudness (RMS, in
dBFS) is kept: 100 small numbers per second.  A frame is *voiced* when it is
louder than a threshold set from this span's own levels, so that a quiet
microphone or a noisy room work alike::

    threshold = max(noise floor + 6 dB, speech level - 30 dB, -70 dBFS)

with the noise floor the 10th percentile of the frame levels and the speech
level the 95th.  Voiced runs shorter than :data:`MIN_SOUND_MS` (a click, a
tap) are treated as silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FRAME_MS = 10
MIN_SOUND_MS = 80  # shorter bursts of sound do not end a silence
FLOOR_MARGIN_DB = 6.0
SPEECH_RANGE_DB = 30.0
ABSOLUTE_FLOOR_DBFS = -70.0
BLOCK_S = 4.0  # seconds read at a time


class SignalUnavailableError(Exception):
    """The audio could not be read; metrics fall back to transcript timing."""


@dataclass(frozen=True)
class Activity:
    """Voiced/silent frames of the span starting at ``start_ms``."""

    start_ms: int
    voiced: np.ndarray  # bool, one per FRAME_MS
    threshold_dbfs: float

    @property
    def end_ms(self) -> int:
        return self.start_ms + len(self.voiced) * FRAME_MS

    def _frame(self, ms: float) -> int:
        return min(len(self.voiced), max(0, round((ms - self.start_ms) / FRAME_MS)))

    def runs(self, voiced: bool, start_ms: float, end_ms: float) -> list[tuple[int, int]]:
        """The runs of voiced (or silent) frames inside [start_ms, end_ms), as (start_ms, end_ms)."""
        a, b = self._frame(start_ms), self._frame(end_ms)
        if b <= a:
            return []
        frames = self.voiced[a:b] == voiced
        edges = np.flatnonzero(np.diff(np.concatenate(([0], frames.astype(np.int8), [0]))))
        return [(self.start_ms + (a + int(s)) * FRAME_MS, self.start_ms + (a + int(e)) * FRAME_MS)
                for s, e in zip(edges[::2], edges[1::2], strict=True)]  # each run starts and ends

    def silences(self, start_ms: float, end_ms: float, min_ms: float) -> list[tuple[int, int]]:
        return [(s, e) for s, e in self.runs(False, start_ms, end_ms) if e - s >= min_ms]

    def first_sound(self, start_ms: float, end_ms: float, min_ms: float = 100) -> int | None:
        return next((s for s, e in self.runs(True, start_ms, end_ms) if e - s >= min_ms), None)

    def last_sound(self, start_ms: float, end_ms: float, min_ms: float = 100) -> int | None:
        return next((e for s, e in reversed(self.runs(True, start_ms, end_ms)) if e - s >= min_ms), None)


def _levels_soundfile(path: Path, start_ms: int, end_ms: int | None) -> np.ndarray:
    import soundfile

    try:
        handle = soundfile.SoundFile(str(path))
    except (RuntimeError, OSError, soundfile.LibsndfileError) as error:
        raise SignalUnavailableError(str(error)) from error
    with handle:
        rate = handle.samplerate
        first = min(handle.frames, rate * start_ms // 1000)
        last = handle.frames if end_ms is None else min(handle.frames, rate * end_ms // 1000)
        handle.seek(first)
        return _frame_levels(handle.blocks(blocksize=int(rate * BLOCK_S), frames=max(0, last - first),
                                           dtype="float32", always_2d=True), rate)


def _levels_ffmpeg(path: Path, start_ms: int, end_ms: int | None) -> np.ndarray:
    import av

    rate = 16000

    def blocks() -> Iterator[np.ndarray]:
        skip = rate * start_ms // 1000
        left = None if end_ms is None else rate * (end_ms - start_ms) // 1000
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            stream = container.streams.audio[0]
            for frame in container.decode(stream):
                frame.pts = None
                for out in resampler.resample(frame):
                    block = out.to_ndarray().reshape(-1, 1)
                    if skip:
                        cut = min(skip, len(block))
                        block, skip = block[cut:], skip - cut
                    if left is not None:
                        block, left = block[:left], left - min(left, len(block))
                    if len(block):
                        yield block
                    if left == 0:
                        return

    try:
        return _frame_levels(blocks(), rate)
    except (av.error.FFmpegError, OSError, IndexError) as error:
        raise SignalUnavailableError(str(error)) from error


def _frame_levels(blocks: Iterable[np.ndarray], rate: int) -> np.ndarray:
    """Mean-square power per FRAME_MS frame of a stream of (n, channels) blocks."""
    size = rate * FRAME_MS // 1000
    carry = np.zeros(0, np.float32)
    powers: list[np.ndarray] = []
    for block in blocks:
        mono = block[:, 0] if block.shape[1] == 1 else block.mean(axis=1, dtype=np.float32)
        if len(carry):
            mono = np.concatenate((carry, mono))
        whole = len(mono) // size * size
        if whole:
            frames = mono[:whole].reshape(-1, size)
            powers.append(np.einsum("ij,ij->i", frames, frames) / size)
        carry = mono[whole:]
    return np.concatenate(powers) if powers else np.zeros(0)


def read_activity(path: Path | str, start_ms: int = 0, end_ms: int | None = None) -> Activity:
    """Voiced and silent frames of ``path`` between ``start_ms`` and ``end_ms`` (the end: ``None``).

    Raises :class:`SignalUnavailableError` when the file cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        raise SignalUnavailableError(f"{path} is not a file")
    try:
        power = _levels_soundfile(path, start_ms, end_ms)
    except SignalUnavailableError:
        power = _levels_ffmpeg(path, start_ms, end_ms)
    if not len(power):
        raise SignalUnavailableError(f"no audio in {path} between {start_ms} and {end_ms} ms")
    levels = 10 * np.log10(np.maximum(power, 1e-12))  # -120 dBFS for digital silence
    floor, speech = np.percentile(levels, 10), np.percentile(levels, 95)
    threshold = max(floor + FLOOR_MARGIN_DB, speech - SPEECH_RANGE_DB, ABSOLUTE_FLOOR_DBFS)
    voiced = levels > threshold
    activity = Activity(start_ms, voiced, float(threshold))
    for s, e in activity.runs(True, start_ms, activity.end_ms):  # clicks and taps are not speech
        if e - s < MIN_SOUND_MS:
            voiced[(s - start_ms) // FRAME_MS:(e - start_ms) // FRAME_MS] = False
    return activity
