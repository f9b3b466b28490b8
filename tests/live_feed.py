"""Writing a recording the way the recorder does, for a live transcription to follow (tests and benchmarks).

:func:`feed` writes 16-kHz mono samples into a PCM-16 WAV with
:class:`~core.recording.wavfile.WavWriter` block after block.  In tests it
waits, after each block, until the live job has seen it (a condition on the
job, not a sleep), so the worker meets the file at every length on the way;
benchmarks pass ``pace`` to write in real time instead.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from core.recording.wavfile import WavWriter
from core.transcription.live import Caught
from core.transcription.messages import SegmentDone

RATE = 16000


def pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def feed(path: Path, samples: np.ndarray, *, block_s: float = 2.0, seen: Callable[[float], bool] | None = None,
         pace: float | None = None, timeout_s: float = 120.0, rate: int = RATE,
         also: dict[Path, np.ndarray] | None = None, paced_after_s: float = 0.0) -> None:
    """Write ``samples`` (``rate``; 1-D mono or (frames, channels)) into a new WAV at ``path`` in blocks of
    ``block_s`` (and each of ``also``'s tracks into its own file, in step: an online interview's call); after each
    block wait until ``seen(seconds_written)`` is true (``timeout_s``), or ``pace`` x real time; with both, ``seen``
    for the first ``paced_after_s`` seconds and ``pace`` from there."""
    tracks = {path: samples, **(also or {})}
    writers = {p: WavWriter(p, rate, 1 if a.ndim == 1 else a.shape[1]) for p, a in tracks.items()}
    block = int(block_s * rate)
    began, paced_from = time.monotonic(), 0.0
    longest = max(len(a) for a in tracks.values())
    for start in range(0, longest, block):
        for p, a in tracks.items():
            if start < len(a):
                writers[p].write(pcm16(a[start:start + block]))
        written = min(longest, start + block) / rate
        if seen is not None and (pace is None or written <= paced_after_s):
            wait_until(lambda at=written: seen(at), timeout_s)
            began, paced_from = time.monotonic(), written
        elif pace is not None:
            time.sleep(max(0.0, began + (written - paced_from) / pace - time.monotonic()))
    for writer in writers.values():
        writer.close()


def wait_until(condition: Callable[[], bool], timeout_s: float) -> None:
    event = threading.Event()
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the live transcription did not see the new audio in time")
        event.wait(0.02)


class JobLine:
    """Both ends of a live job's line to the service, for a test: what the job sends is kept in :attr:`sent`, what
    it is to receive is put in :attr:`inbox`, and :attr:`said` is told of each progress report (:class:`Caught`),
    for the test to wait on instead of sleeping."""

    def __init__(self) -> None:
        self.inbox: queue.Queue = queue.Queue()
        self.sent: list[object] = []
        self.said = threading.Condition()

    def send(self, message: object) -> None:
        self.sent.append(message)
        if isinstance(message, Caught):
            with self.said:
                self.said.notify_all()

    def receive(self, timeout: float) -> object | None:
        try:
            return self.inbox.get(timeout=timeout)
        except queue.Empty:
            return None

    def caught(self) -> Caught:
        """The latest progress report (nothing read, nothing heard before the first)."""
        return next((m for m in reversed(self.sent) if isinstance(m, Caught)), Caught(1, 0.0, 0.0))

    def segments(self) -> list:
        return [m.segment for m in self.sent if isinstance(m, SegmentDone)]
