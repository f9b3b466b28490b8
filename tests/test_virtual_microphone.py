"""The PulseAudio rig really is a microphone: sounddevice records what we play.

Known speech is played into the rig's sink while a sounddevice ``InputStream``
records the default input; the recording must match the file (found by
cross-correlation, since the latency is unknown) in shape, level and length.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import soundfile

from tests.audio_rig import SAMPLE_RATE, PulseRig

pytestmark = pytest.mark.audio

SPOKEN_TEXT = "Tell me about a time you solved a difficult problem at work."
MARGIN_S = 0.5
MIN_CORRELATION = 0.95
MAX_LENGTH_ERROR_S = 0.1
SILENCE_FRACTION = 0.02  # of the reference's peak: below this counts as silence


# -- the known signal ----------------------------------------------------------


def _resample_linear(signal: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Linear-interpolation resampling; good enough to *make* a test file."""
    duration = len(signal) / rate_in
    t_out = np.arange(int(duration * rate_out)) / rate_out
    return np.interp(t_out, np.arange(len(signal)) / rate_in, signal)


def _speech(tmp: Path) -> tuple[np.ndarray, int]:
    raw = tmp / "espeak.wav"
    subprocess.run(
        ["espeak-ng", "-v", "en-us", "-w", str(raw), SPOKEN_TEXT], check=True, timeout=60
    )
    data, rate = soundfile.read(raw, dtype="float64")
    return data, rate


def _synthetic(duration_s: float = 3.0, rate: int = SAMPLE_RATE) -> tuple[np.ndarray, int]:
    """Deterministic chirped bursts with pauses, for machines without espeak-ng."""
    t = np.arange(int(duration_s * rate)) / rate
    chirp = np.sin(2 * np.pi * (200 * t + 300 * t**2))
    bursts = (np.sin(2 * np.pi * 1.5 * t) > 0.2).astype(float)
    return chirp * bursts, rate


@pytest.fixture(scope="module")
def known_audio(tmp_path_factory) -> tuple[Path, np.ndarray]:
    """A 48 kHz mono WAV of speech (or a synthetic stand-in) and its samples."""
    tmp = tmp_path_factory.mktemp("known_audio")
    data, rate = _speech(tmp) if shutil.which("espeak-ng") else _synthetic()
    data = _resample_linear(data, rate, SAMPLE_RATE)
    data = 0.5 * data / np.max(np.abs(data))
    path = tmp / "known.wav"
    soundfile.write(path, data, SAMPLE_RATE, subtype="PCM_16")
    samples, _ = soundfile.read(path, dtype="float64")  # exactly what paplay will read
    return path, samples


def _lowpass_decimate(signal: np.ndarray, factor: int, taps: int = 241) -> np.ndarray:
    """Anti-aliasing windowed-sinc low-pass, then keep every ``factor``-th sample."""
    cutoff = 0.45 / factor  # cycles per input sample, a little under the new Nyquist
    n = np.arange(taps) - (taps - 1) / 2
    kernel = 2 * cutoff * np.sinc(2 * cutoff * n) * np.blackman(taps)
    kernel /= kernel.sum()
    return np.convolve(signal, kernel, mode="same")[::factor]


# -- recording -----------------------------------------------------------------


class Capture:
    """Collects input blocks from a sounddevice callback (test-grade recorder)."""

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []
        self.frames = 0
        self.statuses: list[str] = []
        self._changed = threading.Condition()

    def callback(self, indata: np.ndarray, frames: int, time_info: object, status: object) -> None:
        with self._changed:
            self.blocks.append(indata[:, 0].copy())
            self.frames += frames
            if status:
                self.statuses.append(str(status))
            self._changed.notify_all()

    def wait_for_frames(self, count: int, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.frames >= count, timeout)

    def signal(self) -> np.ndarray:
        with self._changed:
            return np.concatenate(self.blocks).astype(np.float64)


def record_while_playing(real_sd: ModuleType, rig: PulseRig, path: Path, samplerate: int) -> np.ndarray:
    """Record the default input at ``samplerate`` while ``rig`` plays ``path``."""
    duration = soundfile.info(path).duration
    capture = Capture()
    with real_sd.InputStream(
        samplerate=samplerate, channels=1, dtype="float32", callback=capture.callback
    ) as stream:
        assert stream.samplerate == samplerate
        assert capture.wait_for_frames(1, timeout=5.0), "the input stream delivered nothing"
        player = rig.play(path, wait=False)
        assert player.wait(timeout=duration + 10.0) == 0, "paplay failed"
        target = capture.frames + int(MARGIN_S * samplerate)
        assert capture.wait_for_frames(target, timeout=MARGIN_S + 5.0), "the recording stalled"
    assert not capture.statuses
    return capture.signal()


# -- comparing -----------------------------------------------------------------


def best_lag(recorded: np.ndarray, reference: np.ndarray) -> int:
    """The offset in ``recorded`` where ``reference`` fits best (FFT cross-correlation)."""
    size = len(recorded) + len(reference)
    nfft = 1 << (size - 1).bit_length()
    spectrum = np.fft.rfft(recorded, nfft) * np.conj(np.fft.rfft(reference, nfft))
    correlation = np.fft.irfft(spectrum, nfft)
    return int(np.argmax(correlation[: len(recorded) - len(reference) + 1]))


def active_seconds(signal: np.ndarray, threshold: float, samplerate: int) -> float:
    """Time from the first to the last sample louder than ``threshold``."""
    loud = np.flatnonzero(np.abs(signal) > threshold)
    return (loud[-1] - loud[0]) / samplerate if len(loud) else 0.0


def assert_recording_matches(recorded: np.ndarray, reference: np.ndarray, samplerate: int) -> None:
    assert len(recorded) > len(reference), "the recording is shorter than the file"
    lag = best_lag(recorded, reference)
    segment = recorded[lag : lag + len(reference)]
    correlation = segment @ reference / (np.linalg.norm(segment) * np.linalg.norm(reference))
    gain = segment @ reference / (reference @ reference)
    threshold = SILENCE_FRACTION * np.max(np.abs(reference))
    length_error = active_seconds(recorded, threshold, samplerate) - active_seconds(
        reference, threshold, samplerate
    )

    assert correlation >= MIN_CORRELATION, f"correlation {correlation:.4f} at lag {lag}"
    assert 0.8 <= gain <= 1.25, f"gain {gain:.3f}"
    assert abs(length_error) <= MAX_LENGTH_ERROR_S, f"content length off by {length_error:.3f} s"


# -- the tests -----------------------------------------------------------------


def test_records_known_speech_at_48_khz(virtual_microphone, real_sd, known_audio):
    path, reference = known_audio

    recorded = record_while_playing(real_sd, virtual_microphone, path, SAMPLE_RATE)

    assert_recording_matches(recorded, reference, SAMPLE_RATE)


def test_records_known_speech_at_16_khz(virtual_microphone, real_sd, known_audio):
    path, reference = known_audio

    recorded = record_while_playing(real_sd, virtual_microphone, path, 16000)

    assert_recording_matches(recorded, _lowpass_decimate(reference, 3), 16000)
