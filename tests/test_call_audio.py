"""The call's sound on its own track: the online rig's speakers monitor, captured by name (issue 13 groundwork).

The private PulseAudio rig in its online layout plays the interviewer to the
speakers and the candidate to the microphone; the capture of the speakers'
monitor must hold the interviewer and not the candidate.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
    """How well ``source`` is found in ``recorded``: the best normalised correlation of half-second stretches
    of it (at a quarter, the middle and three quarters), each looked for anywhere in ``recorded``.

    Several stretches, so that one scheduling glitch of the sound server does not hide a track that is there.
    """
    recorded = recorded.astype(np.float64)
    best = 0.0
    for centre in (len(source) // 4, len(source) // 2, 3 * len(source) // 4):
        probe = source[centre - SAMPLE_RATE // 4: centre + SAMPLE_RATE // 4].astype(np.float64)
        if len(recorded) < len(probe):
            return 0.0
        size = len(recorded) + len(probe)
        dots = np.fft.irfft(np.fft.rfft(recorded, size) * np.fft.rfft(probe[::-1], size), size)
        dots = dots[len(probe) - 1: len(recorded)]
        running = np.concatenate(([0.0], np.cumsum(recorded ** 2)))  # each window's energy in O(n), not O(n·m)
        energy = np.sqrt(np.maximum(running[len(probe):] - running[:-len(probe)], 0.0))
        loud = energy > 0.1 * np.linalg.norm(probe)  # near-silent stretches have no meaningful correlation
        if loud.any():
            best = max(best, float(np.max(dots[loud] / (energy[loud] * np.linalg.norm(probe)))))
    return best


def _recording_child(tmp_path, seconds: int) -> subprocess.Popen[str]:
    """``main.py record --mock --system-audio`` in a child process, returned once it says it records."""
    from tests.test_cli import NETWORK_TRIPWIRE, ROOT

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NETWORK_TRIPWIRE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "record", "--mock", "--system-audio",
                              "--duration", str(seconds)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:  # blocks until the child prints: no sleeping
        if line.startswith("Recording"):
            break
    return child


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


@pytest.mark.slow
def test_record_with_system_audio_keeps_each_voice_on_its_own_track(online_rig, tmp_path):
    """`record --system-audio`: the microphone track holds the candidate, the call track the interviewer."""
    import json

    from core.library import Library
    from core.recording.files import call_track_path, sidecar_path

    interviewer = _noise(tmp_path / "interviewer.wav", 3.0, seed=1)
    candidate = _noise(tmp_path / "candidate.wav", 3.0, seed=2)
    child = _recording_child(tmp_path, seconds=8)
    players = [online_rig.play_call(tmp_path / "interviewer.wav", wait=False),
               online_rig.play(tmp_path / "candidate.wav", wait=False)]
    out, err = child.communicate(timeout=60)
    for player in players:
        assert player.wait(30) == 0
    assert child.returncode == 0, out + err
    assert "The call's sound:" in out and err == ""

    with Library.open() as library:
        (recording,) = library.recordings.for_interview(library.interviews.all()[0].stored_id)
    mic, mic_rate = soundfile.read(recording.path, dtype="float64")
    call, call_rate = soundfile.read(call_track_path(recording.path), dtype="float64")
    assert mic_rate == call_rate == SAMPLE_RATE and call.shape[1] == 2
    assert _best_correlation(mic, candidate) >= 0.95 and _best_correlation(mic, interviewer) < 0.2
    assert _best_correlation(call[:, 0], interviewer) >= 0.95 and _best_correlation(call[:, 0], candidate) < 0.2
    facts = json.loads(sidecar_path(recording.path).read_text("utf-8"))["call_track"]
    assert facts["file"] == call_track_path(recording.path).name and facts["source"] == "speakers.monitor"
    assert facts["problem"] is None and abs(facts["duration_ms"] - recording.duration_ms) < 300


def test_without_a_call_source_the_microphone_is_recorded_and_one_sentence_says_why(online_rig, tmp_path):
    from core.consent import self_consent
    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.recording.files import call_track_path
    from core.recording.session import RecordingSession

    with Library.open() as library:
        interview = library.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.stored_id))
        session = RecordingSession.start(library, consent.id, call_source="no-such-device.monitor")
        assert session.call is None and session.call_problem is not None
        assert "Only the microphone is being recorded" in session.call_problem.render()
        recording = session.stop()
    assert recording.state.value == "completed" and recording.path.exists()
    assert not call_track_path(recording.path).exists()


@pytest.mark.slow
def test_a_killed_two_track_recording_keeps_both_tracks_and_the_next_start_repairs_them(online_rig, tmp_path):
    import signal

    from core.library import Library
    from core.recording.files import call_track_path
    from tests.test_cli import run_cli

    interviewer = _noise(tmp_path / "interviewer.wav", 3.0, seed=3)
    child = _recording_child(tmp_path, seconds=60)
    online_rig.play_call(tmp_path / "interviewer.wav")  # returns once played
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    child.stdout.close()
    child.stderr.close()

    doctor = run_cli("doctor", tmp_path=tmp_path)  # the next start: recovery
    assert "Recovered 1 recording" in doctor.stdout, doctor.stdout
    assert "call.wav" not in doctor.stdout  # the call track belongs to its recording: not an orphan
    with Library.open() as library:
        (recording,) = library.recordings.for_interview(library.interviews.all()[0].stored_id)
    assert recording.state.value == "recovered"
    call, rate = soundfile.read(call_track_path(recording.path), dtype="float64")
    assert rate == SAMPLE_RATE and len(call) >= 2.0 * SAMPLE_RATE  # at most about a second lost
    assert _best_correlation(call[:, 0], interviewer) >= 0.95
