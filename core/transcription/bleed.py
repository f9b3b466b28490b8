"""The interviewer heard through the microphone (laptop speakers, no headphones), taken out before recognition.

In a two-track recording the call track holds the interviewer as the
computer played it; with speakers instead of headphones the microphone
hears that sound again, quieter and a little later.  Transcribed as it is,
the interviewer's questions would appear twice, once as the candidate's.

:func:`measure` finds that path by cross-correlating the two tracks where
the call is loudest: the delay, the gain and how coherent it is (headphones:
no coherence, nothing to do).  :func:`clean` then subtracts the delayed,
scaled call from the microphone and turns down (:data:`ATTENUATION`) the
stretches where the microphone is no louder than that bleed would make it
(within :data:`BLEED_MARGIN_DB`): there the candidate is not speaking, and a
room's reverberation that subtraction leaves behind must not reach Whisper.
The candidate's own voice, far louder at the microphone than the speakers'
bleed, is kept even while both speak.  What still gets through is found by
its words afterwards (:func:`core.transcription.speakers.drop_echoes`).

Everything works on the 16-kHz mono samples the worker already holds, in
blocks, so an hour of audio costs no more than a few extra megabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RATE = 16000
FRAME = RATE // 50  # 20-ms frames for energies
WINDOW_S = 4.0  # the stretches compared to measure the path
WINDOWS = 12  # at most this many stretches, the call's loudest
MIN_LAG_MS = -100.0  # the tracks are aligned within 20 ms; a little room for error
MAX_LAG_MS = 1000.0  # the speakers' own buffering and the room: up to a second
COHERENCE = 0.15  # normalised correlation above which the microphone hears the call (chance: < 0.05)
CALL_FLOOR = 1e-6  # mean square (-60 dBFS): the call is silent below this
BLEED_MARGIN_DB = 6.0
ATTENUATION = 0.03  # -30 dB
BLOCK = RATE * 60  # subtract a minute at a time


@dataclass(frozen=True)
class Bleed:
    """The microphone hears the call as ``gain`` x call(t - ``delay_ms``), correlated ``coherence``."""

    delay_ms: float
    gain: float
    coherence: float

    @property
    def gain_db(self) -> float:
        return float(20 * np.log10(max(self.gain, 1e-9)))


def _frame_power(samples: np.ndarray) -> np.ndarray:
    whole = len(samples) // FRAME * FRAME
    frames = np.asarray(samples[:whole], dtype=np.float32).reshape(-1, FRAME)
    power: np.ndarray = np.einsum("ij,ij->i", frames, frames) / FRAME
    return power


def _loudest_windows(call_power: np.ndarray) -> list[int]:
    """Start samples of the call's loudest ``WINDOW_S`` stretches (not overlapping, above the floor)."""
    per_window = int(WINDOW_S * RATE) // FRAME
    count = len(call_power) // per_window
    if count == 0:
        return []
    energy = call_power[:count * per_window].reshape(count, per_window).mean(axis=1)
    order = [int(i) for i in np.argsort(energy)[::-1] if energy[i] > CALL_FLOOR]
    return [index * per_window * FRAME for index in order[:WINDOWS]]


def _best_lag(mic: np.ndarray, call: np.ndarray, start: int) -> tuple[int, float, float] | None:
    """(lag in samples, coherence, gain) of the call stretch at ``start`` found in the microphone."""
    width = int(WINDOW_S * RATE)
    low, high = int(MIN_LAG_MS * RATE / 1000), int(MAX_LAG_MS * RATE / 1000)
    probe = call[start:start + width].astype(np.float64)
    first = max(0, start + low)
    heard = mic[first:start + width + high].astype(np.float64)
    if len(heard) < width or not probe.any():
        return None
    size = 1 << int(np.ceil(np.log2(len(heard) + width)))
    dots = np.fft.irfft(np.fft.rfft(heard, size) * np.conj(np.fft.rfft(probe, size)), size)[:len(heard) - width + 1]
    running = np.concatenate(([0.0], np.cumsum(heard ** 2)))  # each lag's energy by a running sum: O(n), not O(n·m)
    heard_energy = running[width:] - running[:-width]
    probe_energy = float(probe @ probe)
    coherence = dots / np.sqrt(np.maximum(heard_energy, 1e-12) * probe_energy)
    best = int(np.argmax(coherence))
    return first + best - start, float(coherence[best]), float(dots[best] / probe_energy)


def measure(mic: np.ndarray, call: np.ndarray) -> Bleed | None:
    """How the microphone hears the call, or ``None`` when it does not (headphones) or it cannot be told."""
    found = [found for start in _loudest_windows(_frame_power(call))
             if (found := _best_lag(mic, call, start)) is not None]
    coherent = [item for item in found if item[1] >= COHERENCE and item[2] > 0]
    if not coherent or len(coherent) * 3 < len(found):  # a chance match in one window out of many is not a path
        return None
    lag = float(np.median([item[0] for item in coherent]))
    return Bleed(delay_ms=lag * 1000 / RATE, gain=float(np.median([item[2] for item in coherent])),
                 coherence=float(np.median([item[1] for item in coherent])))


def _delayed(call: np.ndarray, lag: int, start: int, stop: int) -> np.ndarray:
    """call(t - lag) for t in [start, stop), zero outside the call."""
    out = np.zeros(stop - start, dtype=np.float32)
    first, last = max(start - lag, 0), min(stop - lag, len(call))
    if first < last:
        out[first + lag - start:last + lag - start] = call[first:last]
    return out


def clean(mic: np.ndarray, call: np.ndarray, known: Bleed | None = None) -> tuple[np.ndarray, Bleed | None]:
    """The microphone's samples without the call's bleed (a new array), and the bleed found (or ``None``);
    ``known``: the path measured before (a recording transcribed while it is made), not measured again."""
    bleed = known or measure(mic, call)
    if bleed is None:
        return mic, None
    lag = round(bleed.delay_ms * RATE / 1000)
    margin = 10 ** (BLEED_MARGIN_DB / 10)
    cleaned = np.empty_like(mic, dtype=np.float32)
    for start in range(0, len(mic), BLOCK):
        stop = min(start + BLOCK, len(mic))
        heard = np.asarray(mic[start:stop], dtype=np.float32)
        expected = bleed.gain * _delayed(call, lag, start, stop)
        block = heard - expected
        whole = (stop - start) // FRAME * FRAME
        mic_power, bleed_power = _frame_power(heard), _frame_power(expected)
        bleed_only = (bleed_power > CALL_FLOOR * bleed.gain ** 2) & (mic_power < margin * bleed_power)
        gain = np.where(bleed_only, ATTENUATION, 1.0).astype(np.float32)
        block[:whole] *= np.repeat(gain, FRAME)
        cleaned[start:stop] = block
    return cleaned, bleed
