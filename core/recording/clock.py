"""One clock for two tracks: where each track's frames are in time, and keeping the call track in step.

The microphone (PortAudio) and the call's sound (PulseAudio) are two streams
that start at different moments and may be paced by two devices whose clocks
differ by tens of parts per million — 100 ppm is 360 ms an hour.  Neither
says when its frame 0 was captured, but every block says when it arrived
(``time.monotonic()`` in the audio callback) and how old its first frame was
then (PortAudio's ``currentTime - inputBufferAdcTime``; libpulse's record
latency, signed: a monitor's data comes before it is played).  So each block
implies when the track's frame 0 was captured; delivery only ever adds delay,
so the earliest of these are the truest.

:class:`TrackClock` (one per track, fed by the recorder's writer thread)
sums up every :data:`WINDOW_S`-second window by a low percentile of its
blocks' implied frame-0 times (low for delivery delays; not the minimum,
because latency readings also err early): the track's frame 0 in monotonic
time.  Its *rate* comes from the arrivals alone: once a minute of windows is
there, a line through the same low percentile of ``arrival - frame / rate``
over the last :data:`HISTORY_S` seconds.  A latency reading may creep for
minutes (it is the host's estimate); the arrivals cannot, since delivery
delay is bounded.  The readings only say how far the arrivals lag the
capture: the median lag of the first :data:`DELAY_WINDOWS` windows, then
kept.  Memory stays constant.  A jump that lasts (frames the server dropped,
a wrong first estimate) moves the line after :data:`STEP_WINDOWS` windows.

:class:`Aligner` runs in the call track's writer thread.  For the frame it is
about to write at file position *W* it asks which call frame was captured
when the microphone captured its file frame *W* (pauses included), and
corrects the difference: at the start — after holding the first
:data:`START_HOLD_S` seconds so that both estimates have settled — by padding
with silence (the call track started later) or by dropping leading frames (it
started earlier); afterwards, once the difference passes :data:`DEADBAND_S`,
by repeating or dropping single frames, at most one every
:data:`SPREAD_FRAMES` frames, as the drift accumulates; a difference over
:data:`JUMP_S` (frames lost, a pause on one side) is corrected at once.
Nothing here blocks, and nothing grows with the recording's length.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Callable

import numpy as np

WINDOW_S = 2.0  # one point per window: the low percentile of its blocks' implied frame-0 times
WINDOW_PERCENTILE = 20  # low, for delivery delays; not the minimum, for latency readings that err both ways
HISTORY_S = 300.0  # the line is fitted over this much of the recent past
MIN_SPAN_S = 60.0  # below this the rate is taken as nominal (a slope over seconds is noise)
EARLY_WINDOWS = 10  # before that, the median of the latest windows (20 s)
DELAY_WINDOWS = int(MIN_SPAN_S / WINDOW_S)  # the arrivals' lag behind the capture: from this many first windows
MAX_WINDOW_BLOCKS = 4096  # hosts that deliver tiny blocks: a window keeps its first ones only
MAX_DRIFT_PPM = 1000.0  # no sound device is this far off; a steeper fit is noise
STEP_S = 0.010  # windows this far off the line, STEP_WINDOWS in a row: the track jumped
STEP_WINDOWS = 5
MAX_LATENCY_S = 1.0  # a reported latency beyond ±1 s is a host that does not know: ignored
# (a monitor's latency is negative: what it delivers is played a little later)

DEADBAND_S = 0.004  # differences below this are left alone: the estimates wander by a few ms over seconds
SETTLE_S = 0.001  # once correcting, go on until this close
JUMP_S = 0.02  # corrected at once beyond this (start, pause, lost frames); spread out below
JUMP_CONFIRM_S = 0.1  # once it has lasted this long (after a pause one track resumes a block before the other)
SPREAD_FRAMES = 500  # at most one inserted or dropped frame per this many (0.2 %, inaudible)
START_HOLD_S = 0.5  # the track's first blocks wait this long (both estimates settle) before its start is set
HOLD_S = 1.0  # and at most this long for the reference's first block


class TrackClock:
    """Where one track's frames were captured, in ``time.monotonic()`` seconds.

    :meth:`observe` is called with every block (from one thread); the other
    methods may be called from any thread: they read one published tuple.
    """

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._window_frames = int(WINDOW_S * rate)
        # (frame, arrival - frame/rate, implied frame-0 time: that minus the latency), low percentiles per window
        self._points: deque[tuple[float, float, float]] = deque(maxlen=int(HISTORY_S / WINDOW_S))
        self._window: list[tuple[int, float, float]] = []  # the current window's blocks: (frame, arrived, implied)
        self._delays: list[float] = []  # per window of the first DELAY_WINDOWS: arrived - implied
        self._window_end = self._window_frames
        # (anchor frame, implied frame-0 time there, slope): time_of(f) = start + slope*(f - anchor) + f/rate
        self._line: tuple[float, float, float] | None = None
        self._spans: list[tuple[int, int]] = [(0, 0)]  # (file frame, captured frames skipped before it)
        self.observations = 0

    # -- feeding ---------------------------------------------------------------

    def observe(self, arrival: float, frame: int, latency: float) -> None:
        """A block whose first frame is ``frame`` (counted from the stream's start) arrived at ``arrival``,
        its first frame then ``latency`` seconds old."""
        if not -MAX_LATENCY_S < latency < MAX_LATENCY_S:
            latency = 0.0
        self.observations += 1
        if frame >= self._window_end and self._window:
            point = self._window_point()
            self._points.append(point)
            if len(self._delays) < DELAY_WINDOWS:
                self._delays.append(point[1] - point[2])
            self._window = []
            self._window_end = (frame // self._window_frames + 1) * self._window_frames
            self._fit()
        if len(self._window) < MAX_WINDOW_BLOCKS:
            arrived = arrival - frame / self.rate
            self._window.append((frame, arrived, arrived - latency))
        if not self._points:  # the first seconds: every block refines the estimate
            self._fit()

    def mark_written(self, file_frame: int, frame: int) -> None:
        """The track's file frame ``file_frame`` is its captured frame ``frame`` (pauses leave frames out)."""
        if frame - file_frame != self._spans[-1][1]:
            self._spans.append((file_frame, frame - file_frame))

    # -- reading ---------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._line is not None

    def time_of(self, frame: float) -> float:
        """When captured frame ``frame`` was captured (``ready`` must be true)."""
        assert self._line is not None
        anchor, start, slope = self._line
        return start + slope * (frame - anchor) + frame / self.rate

    def frame_at(self, moment: float) -> float:
        """Which captured frame (fractional) was captured at ``moment``."""
        assert self._line is not None
        anchor, start, slope = self._line
        return (moment - start + slope * anchor) / (slope + 1.0 / self.rate)

    def captured_of(self, file_frame: int) -> int:
        """The captured frame written at file position ``file_frame``."""
        spans = self._spans
        index = bisect.bisect_right(spans, file_frame, key=lambda span: span[0]) - 1
        return file_frame + spans[max(index, 0)][1]

    @property
    def drift_ppm(self) -> float:
        """How much faster than its nominal rate the track's device runs against the monotonic clock."""
        if self._line is None:
            return 0.0
        return (1.0 / (1.0 + self._line[2] * self.rate) - 1.0) * 1e6

    # -- the estimate ------------------------------------------------------------

    def _window_point(self) -> tuple[float, float, float]:
        window = self._window
        arrived = np.percentile([a for _, a, _ in window], WINDOW_PERCENTILE)
        implied = np.percentile([v for _, _, v in window], WINDOW_PERCENTILE)
        return (window[0][0] + window[-1][0]) / 2, float(arrived), float(implied)

    @property
    def _delay(self) -> float:
        """How long after their capture the blocks arrive (low percentile), as the latency readings say."""
        return float(np.median(self._delays)) if self._delays else 0.0

    def _fit(self) -> None:
        points = list(self._points)
        if len(points) > STEP_WINDOWS and self._line is not None:
            recent = [self._residual(p) for p in points[-STEP_WINDOWS:]]
            if all(r > STEP_S for r in recent) or all(r < -STEP_S for r in recent):  # it jumped: start over
                for _ in range(len(points) - STEP_WINDOWS):
                    self._points.popleft()
                points = points[-STEP_WINDOWS:]
        span_s = (points[-1][0] - points[0][0]) / self.rate if points else 0.0
        if span_s < MIN_SPAN_S:  # the nominal rate, and the median of the latest windows
            latest = points[-EARLY_WINDOWS:] or [self._window_point()]
            self._line = (0.0, float(np.median([p[2] for p in latest])), 0.0)
            return
        frames = np.array([p[0] for p in points]) - points[0][0]
        implied = np.array([p[1] for p in points]) - self._delay  # the rate from the arrivals alone
        keep = np.ones(len(points), dtype=bool)
        for _ in range(2):  # fit, leave out the windows far off the line (stalls, bad readings), fit again
            slope, intercept = np.polyfit(frames[keep], implied[keep], 1)
            residual = implied - (intercept + slope * frames)
            centre = np.median(residual[keep])
            spread = np.median(np.abs(residual[keep] - centre))
            keep = np.abs(residual - centre) <= max(3.0 * spread, 0.0005)
            if keep.sum() < 3:
                break
        limit = MAX_DRIFT_PPM * 1e-6 / self.rate
        self._line = (float(points[0][0]), float(intercept), float(np.clip(slope, -limit, limit)))

    def _residual(self, point: tuple[float, float, float]) -> float:
        return point[1] - self._delay + point[0] / self.rate - self.time_of(point[0])


class Aligner:
    """Keeps a track's file in step with a reference track's file, frame for frame (see the module).

    ``reference`` is the microphone track's clock; :meth:`process` gets each
    unpaused block of this track with its first captured frame and this
    track's own clock, and returns what to write.
    """

    def __init__(self, reference: TrackClock, rate: int) -> None:
        self.reference = reference
        self.rate = rate
        self.start_offset_frames: int | None = None  # > 0: padded (this track started later); < 0: trimmed
        self.inserted = 0  # after the start
        self.dropped = 0
        self.last_error_frames = 0.0
        self.drift_ppm = 0.0  # this track's clock against the reference's
        self._written = 0
        self._since = SPREAD_FRAMES  # frames since the last spread correction
        self._to_drop = 0  # frames still to drop (a correction longer than a block)
        self._jump_since: int | None = None  # the frame from which a difference over JUMP_S has been seen
        self._correcting = False
        self._held: list[tuple[np.ndarray, int]] = []  # blocks that came before the reference's first one
        self._holding = True
        self.on_aligned: Callable[[], None] | None = None  # called once (this writer's thread) when the start is set

    @property
    def aligned(self) -> bool:
        return self.start_offset_frames is not None

    def error(self, frame: int, own: TrackClock) -> float:
        """Frames this track is behind (< 0) or ahead (> 0) of the reference at the next file position."""
        moment = self.reference.time_of(self.reference.captured_of(self._written))
        return own.frame_at(moment) - frame

    def process(self, block: np.ndarray, frame: int, own: TrackClock) -> np.ndarray:
        """What to write for ``block`` (captured frames from ``frame`` on); may be empty or longer."""
        if self._holding:
            waiting = sum(len(b) for b, _ in self._held) + len(block)
            if waiting < START_HOLD_S * self.rate or not (self.reference.ready and own.ready):
                self._held.append((block, frame))
                if waiting < HOLD_S * self.rate:
                    return block[:0]
                return self.flush()  # the reference is late: written as it comes, aligned once it speaks
            self._holding = False
            if self._held:
                held, self._held = self._held, []
                return np.concatenate([self.process(b, f, own) for b, f in [*held, (block, frame)]])
        if self._to_drop:
            skip = min(self._to_drop, len(block))
            self._to_drop -= skip
            block, frame = block[skip:], frame + skip
        if not (self.reference.ready and own.ready) or not len(block) or self._to_drop:
            return self._out(block)
        error = self.error(frame, own)
        self.last_error_frames = error
        self.drift_ppm = own.drift_ppm - self.reference.drift_ppm
        if self.start_offset_frames is None:
            self.start_offset_frames = -round(error)
            if self.on_aligned is not None:
                self.on_aligned()
            return self._out(self._shift(block, round(error)))
        if abs(error) > JUMP_S * self.rate:
            if self._jump_since is None:
                self._jump_since = frame
            if frame - self._jump_since < JUMP_CONFIRM_S * self.rate:
                self._since += len(block)
                return self._out(block)
            self._jump_since = None
            shift = round(error)
            self.dropped += max(shift, 0)
            self.inserted += max(-shift, 0)
            return self._out(self._shift(block, shift))
        self._jump_since = None
        if abs(error) > (SETTLE_S if self._correcting else DEADBAND_S) * self.rate:
            self._correcting = True
            return self._out(self._spread(block, error))
        self._correcting = False
        self._since += len(block)
        return self._out(block)

    def flush(self) -> np.ndarray:
        """The blocks still held (at the end of a recording whose reference never spoke), unaligned."""
        held, self._held, self._holding = self._held, [], False
        return self._out(np.concatenate([b for b, _ in held])) if held else np.zeros((0, 0), dtype=np.int16)

    def _out(self, block: np.ndarray) -> np.ndarray:
        self._written += len(block)
        return block

    def _shift(self, block: np.ndarray, shift: int) -> np.ndarray:
        """Drop ``shift`` leading frames (> 0) or put ``-shift`` frames of silence before the block (< 0)."""
        if shift < 0:
            return np.concatenate([np.zeros((-shift, *block.shape[1:]), dtype=block.dtype), block])
        self._to_drop = max(0, shift - len(block))
        return block[shift:]

    def _spread(self, block: np.ndarray, error: float) -> np.ndarray:
        """Insert (error < 0: repeat a frame) or drop (error > 0) single frames, SPREAD_FRAMES apart at least."""
        needed = round(abs(error))
        parts: list[np.ndarray] = []
        start = 0  # of the part not yet taken
        at = max(0, SPREAD_FRAMES - self._since)  # where the next correction may go
        while needed and at < len(block):
            if error < 0:
                parts.append(block[start:at + 1])
                parts.append(block[at:at + 1])
                self.inserted += 1
            else:
                parts.append(block[start:at])
                self.dropped += 1
            start, needed = at + 1, needed - 1
            self._since = 0
            at += SPREAD_FRAMES
        self._since += len(block) - start
        parts.append(block[start:])
        return np.concatenate(parts) if len(parts) > 1 else block
