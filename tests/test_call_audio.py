"""The call's sound on its own track: the online rig's speakers monitor, captured by name (issue 13 groundwork).

The private PulseAudio rig in its online layout plays the interviewer to the
speakers and the candidate to the microphone; the capture of the speakers'
monitor must hold the interviewer and not the candidate.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
import soundfile

from core.audio.pulse_capture import CaptureError, SourceCapture, monitor_sources
from tests.audio_rig import SAMPLE_RATE

pytestmark = pytest.mark.audio


def _noise(path, seconds: float, seed: int) -> np.ndarray:
    """A seeded noise-like signal: never periodic, so any stretch of it is found again by correlation."""
    signal = (np.random.default_rng(seed).standard_normal(int(seconds * SAMPLE_RATE)) * 0.2).astype(np.float32)
    soundfile.write(path, signal, SAMPLE_RATE, subtype="PCM_16")
    return signal


def _best_correlation(recorded: np.ndarray, source: np.ndarray) -> float:
    """The highest normalised correlation of ``source``'s middle second anywhere in ``recorded``."""
    middle = len(source) // 2
    probe = source[middle - SAMPLE_RATE // 2: middle + SAMPLE_RATE // 2].astype(np.float64)
    recorded = recorded.astype(np.float64)
    if len(recorded) < len(probe):
        return 0.0
    spectrum = np.fft.rfft(recorded, len(recorded) + len(probe))
    kernel = np.fft.rfft(probe[::-1], len(recorded) + len(probe))
    dots = np.fft.irfft(spectrum * kernel)[len(probe) - 1: len(recorded)]
    energy = np.sqrt(np.convolve(recorded ** 2, np.ones(len(probe)), "valid"))
    return float(np.max(dots / np.maximum(energy * np.linalg.norm(probe), 1e-12)))


def test_the_speakers_monitor_is_offered_first_as_the_call_sound(online_rig):
    sources = monitor_sources()
    assert sources[0].name == "speakers.monitor" and sources[0].is_default
    assert {s.name for s in sources} >= {"speakers.monitor", "vsink.monitor"}
    assert "vmic" not in {s.name for s in sources}  # the microphone is not a call


def test_the_call_track_holds_the_interviewer_and_not_the_candidate(online_rig, tmp_path):
    interviewer = _noise(tmp_path / "interviewer.wav", 3.0, seed=1)
    candidate = _noise(tmp_path / "candidate.wav", 3.0, seed=2)
    blocks: list[np.ndarray] = []
    with SourceCapture("speakers.monitor", SAMPLE_RATE, channels=2) as capture:
        blocks.append(capture.read())  # the stream runs: what is played from now on is captured
        players = [online_rig.play_call(tmp_path / "interviewer.wav", wait=False),
                   online_rig.play(tmp_path / "candidate.wav", wait=False)]
        target = int(3.6 * SAMPLE_RATE)
        while sum(len(b) for b in blocks) < target:
            blocks.append(capture.read())
    for player in players:
        assert player.wait(30) == 0
    recorded = np.concatenate(blocks)
    assert recorded.shape[1] == 2
    left = recorded[:, 0].astype(np.float64) / 32768
    assert _best_correlation(left, interviewer) >= 0.95
    assert _best_correlation(left, candidate) < 0.2


def test_a_missing_source_is_one_sentence(online_rig):
    with pytest.raises(CaptureError) as refused:
        SourceCapture("no-such-device.monitor", SAMPLE_RATE)
    assert "no-such-device.monitor" in str(refused.value) and "\n" not in str(refused.value)


def test_a_server_that_goes_away_ends_the_read_with_a_sentence(online_rig):
    lost: list[BaseException] = []
    with SourceCapture("speakers.monitor", SAMPLE_RATE) as capture:
        capture.read()
        reader = threading.Thread(target=lambda: _read_until_lost(capture, lost))
        reader.start()
        online_rig.kill()
        reader.join(30)
        assert not reader.is_alive()
    assert lost and isinstance(lost[0], CaptureError)
    assert "stopped reaching Furikaeri" in str(lost[0])


def _read_until_lost(capture: SourceCapture, lost: list[BaseException]) -> None:
    try:
        while True:
            capture.read()
    except CaptureError as error:
        lost.append(error)


def test_doctor_lists_the_sources_usable_as_call_audio(online_rig):
    from core.doctor import _call_audio

    check = _call_audio()
    assert check.level.name == "OK"
    assert str(check.detail).startswith("speakers.monitor *")
