"""A live window's audio features as a whole file's decode would give them: the floor below the loudest audio.

Used by :mod:`core.transcription.live` (``tests/test_live_features.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np


class Peak:
    """The loudest log-mel value of a track heard so far (Whisper's normalised scale)."""

    def __init__(self) -> None:
        self.value = -np.inf


class RunningFloor:
    """faster-whisper's feature extractor, with the floor a whole file's decode would give a live window.

    Whisper's log-mel features are floored at 80 dB below their loudest value
    (``max(log, log.max() - 8)``): over a whole file that is the file's loudest
    moment, over a live window only the window's, and the quiet frames (pauses,
    padding) differ, which sways the text (measured: 2,253 of a window's 3,000
    frames differed, and its text with them).  Inside :meth:`track` the floor
    is that of the loudest audio of the track heard so far: a whole file's once
    the recording's loudest moment has been heard.  Elsewhere (whole-file jobs)
    the features are faster-whisper's own.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self._local = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, waveform: np.ndarray, **kwargs: Any) -> np.ndarray:
        features: np.ndarray = self.inner(waveform, **kwargs)
        peak: Peak | None = getattr(self._local, "peak", None)
        if peak is None or not features.size:
            return features
        peak.value = max(peak.value, float(features.max()))
        return np.asarray(np.maximum(features, np.float32(peak.value - 2.0)))  # 8 below, on (log + 4) / 4

    @contextmanager
    def track(self, peak: Peak) -> Iterator[None]:
        """Within this block, on this thread, features are floored below ``peak`` (which they raise)."""
        self._local.peak = peak
        try:
            yield
        finally:
            self._local.peak = None
