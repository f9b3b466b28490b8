"""How far a whole-file decode has got between its segments, for the progress bar.

faster-whisper hands over a window's segments only once the whole window
(30 s of speech) is decoded and its words aligned: a 37-s file showed 0% for
20 s, then the transcript.  :class:`Ticker` fills the gaps: every
:data:`TICK_S` it sends a :class:`~core.transcription.messages.Progress`
estimated from the pace of the decode so far (the share of the audio done per
second of work; before the first segment, the pace of the last track this
worker decoded, or :data:`FIRST_PACE`), never beyond the end of the window
being decoded nor the track's share, and never backwards (the job keeps the
largest fraction it heard).  A segment's own fraction replaces the estimate as
soon as it arrives.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from core.transcription.messages import Progress

TICK_S = 0.25
WINDOW_S = 30.0  # the decoder's window: no estimate runs past the end of the one being decoded
FIRST_PACE = 0.3  # seconds of work per second of audio before anything was measured (base, a 2-core laptop)
LEARN_MIN_S = 10.0  # a pace is learnt from a track once its segments reached this far
HEADROOM = 0.95  # an estimate stops short of the window's end: the segment says when it is reached


class Pace:
    """Seconds of work per second of audio, as measured on the tracks this worker decoded (the last one's)."""

    def __init__(self) -> None:
        self.seconds_per_second = FIRST_PACE

    def learn(self, work_s: float, audio_s: float) -> None:
        if work_s > 0 and audio_s > 1.0:
            self.seconds_per_second = work_s / audio_s


class Ticker:
    """Sends estimated progress for one track while its decode runs (a thread); :meth:`heard` each segment.

    ``send`` must be safe to call from two threads (the decode's and this one's).
    """

    def __init__(self, send: Callable[[Any], None], job_id: int, share: tuple[float, float], duration_s: float,
                 pace: Pace) -> None:
        self.send, self.job_id, self.share = send, job_id, share
        self.duration_s = max(duration_s, 1e-6)
        self.pace = pace
        self.began = self.at = time.monotonic()
        self.done = 0.0  # the track's fraction its segments reached
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="furikaeri-progress", daemon=True)

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self.done * self.duration_s >= LEARN_MIN_S:
            self.pace.learn(self.at - self.began, self.done * self.duration_s)

    def heard(self, fraction: float) -> None:
        """A segment reached ``fraction`` of the track."""
        if fraction > self.done:
            self.done, self.at = fraction, time.monotonic()

    def estimate(self, now: float) -> float:
        """The track's fraction done by ``now`` (0..1), as far as the pace tells."""
        work_s = now - self.began
        if self.done > 0:
            per_fraction = (self.at - self.began) / self.done  # this decode's own pace so far
        else:
            per_fraction = self.pace.seconds_per_second * self.duration_s
        guess = self.done + (now - self.at) / max(per_fraction, 1e-6) if self.done > 0 else work_s / per_fraction
        window_end = min(1.0, self.done + WINDOW_S / self.duration_s)
        return max(self.done, min(guess, self.done + HEADROOM * (window_end - self.done)))

    def _run(self) -> None:
        reported = 0.0
        while not self._stop.wait(TICK_S):
            fraction = self.estimate(time.monotonic())
            if fraction > reported:
                reported = fraction
                try:
                    self.send(Progress(self.job_id, self.share[0] + self.share[1] * fraction))
                except (OSError, EOFError, ValueError):
                    return  # the parent is gone: the decode's own send says so
