"""The recorder when things go wrong: it keeps what it captured and says why, in one sentence.

Covered: a microphone that will not open, the sound server killed or hung
mid-recording (a rig of the test's own, so the shared one stays up), a stop
that never returns, a full disk (a tiny tmpfs in a user namespace: ENOSPC; a
file-size limit: EFBIG) and the recording process itself killed with SIGKILL,
after which :func:`core.recording.wavfile.repair` recovers the file.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core.audio.devices import no_input_device_message, rescan_devices
from core.recording import errors
from core.recording.errors import RecordingError
from core.recording.recorder import Interrupted, Recorder, RecorderConfig, RecorderState, Stopped
from core.recording.wavfile import HEADER_SIZE, probe, repair
from tests import test_recorder as shared
from tests.audio_rig import SAMPLE_RATE, PulseRig
from tests.test_recorder import (
    BLOCK,
    WAIT_S,
    Events,
    FakePortAudioError,
    FakeSoundDevice,
    dominant_frequencies,
    tone,
    wait_written,
    write_wav,
)

REPO_ROOT = Path(__file__).resolve().parent.parent

# The recorder tests' fixtures, shared.
permit = shared.permit
fake_recorder = shared.fake_recorder


# -- the microphone will not open (fake sounddevice) -----------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (FakePortAudioError("Error opening InputStream: Illegal combination of I/O devices", -9993),
         errors.sound_system_unreachable()),
        (FakePortAudioError("Error opening InputStream: Unanticipated host error", -9999),
         errors.device_failed("Error opening InputStream: Unanticipated host error")),
        (FakePortAudioError("Error querying device -1"), no_input_device_message()),
        (ValueError("No input device matching 'USB mic'"), errors.device_not_found("USB mic")),
        (FakePortAudioError("Error opening InputStream: Buffer too big", -9991),
         errors.open_failed("Error opening InputStream: Buffer too big")),
    ],
)
def test_a_microphone_that_will_not_open_is_explained_and_leaves_no_file(tmp_path, permit, error, expected):
    sd = FakeSoundDevice(open_error=error)
    recorder = Recorder(RecorderConfig(tmp_path / "x.wav", device="USB mic"), permit, sd=sd)

    with pytest.raises(RecordingError) as failed:
        recorder.start()

    assert failed.value.message == expected
    assert list(tmp_path.iterdir()) == []


def test_no_usable_rate_is_explained(tmp_path, permit):
    sd = FakeSoundDevice(refused_rates=(48000, 44100), default_samplerate=44100.0)

    with pytest.raises(RecordingError) as failed:
        Recorder(RecorderConfig(tmp_path / "x.wav"), permit, sd=sd).start()

    assert failed.value.message == errors.rate_unsupported(48000)
    assert "48000 Hz" in str(failed.value)
    assert list(tmp_path.iterdir()) == []


def test_a_stream_that_will_not_start_leaves_no_file(tmp_path, permit):
    sd = FakeSoundDevice()
    sd.start_error = FakePortAudioError("Error starting stream: Input/output error", -9999)

    with pytest.raises(RecordingError) as failed:
        Recorder(RecorderConfig(tmp_path / "x.wav"), permit, sd=sd).start()

    assert "disconnected" in str(failed.value)
    assert sd.stream.closed
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [(28, "The disk is full"), (122, "The disk is full"), (27, "largest size allowed"), (5, "Input/output error")],
)
def test_write_errors_are_told_apart(code, words):
    assert words in str(errors.write_failure(OSError(code, os.strerror(code))))


# -- the input fails while recording (fake sounddevice) ---------------------------


def test_a_stream_that_finishes_by_itself_interrupts_and_keeps_the_file(fake_recorder):
    recorder, sd, events = fake_recorder()
    sd.stream.feed(np.ones(5 * BLOCK, dtype=np.int16))
    wait_written(recorder, 5 * BLOCK)

    sd.stream.lose()
    interrupted = events.wait_for(Interrupted)
    assert recorder.state is RecorderState.INTERRUPTED
    assert not probe(recorder.path).stale  # closed and valid before the event
    result = recorder.stop()

    assert interrupted.reason == errors.input_lost() == result.problem
    assert result.state is RecorderState.INTERRUPTED
    assert result.frames == 5 * BLOCK == probe(result.path).frames
    assert "abort" in sd.stream.calls and sd.stream.closed
    assert events.of(Stopped) == [Stopped(result)]


def test_the_watchdog_notices_an_input_that_went_silent(fake_recorder):
    recorder, sd, events = fake_recorder(watchdog_s=0.2)
    sd.stream.feed(np.ones(BLOCK, dtype=np.int16))  # then nothing, as with a hung server

    interrupted = events.wait_for(Interrupted)

    assert interrupted.reason == errors.input_hung(0.2)
    assert "0.2 seconds" in str(interrupted.reason)
    assert recorder.stop().frames == BLOCK


def test_stop_returns_in_time_when_the_stream_never_stops(fake_recorder):
    recorder, sd, _ = fake_recorder()
    sd.stream.feed(np.ones(3 * BLOCK, dtype=np.int16))
    sd.hang_on_stop = True  # as stream.stop() with a SIGSTOPped PulseAudio

    result = recorder.stop(timeout_s=1.0)  # returns (how soon: benchmarks/bench_responsiveness.py)

    assert result.state is RecorderState.STOPPED
    assert result.problem == errors.stop_unanswered()
    assert result.frames == 3 * BLOCK == probe(result.path).frames
    assert not recorder.wait_closed(0)
    sd.release.set()
    assert recorder.wait_closed(WAIT_S)


# -- the real sound server fails (a rig of the test's own) ------------------------


@pytest.fixture
def own_rig(private_microphone, real_sd) -> PulseRig:
    """A private rig made this process's sound server for one test (the shared one is left alone)."""
    return private_microphone


@pytest.fixture
def long_tone(tmp_path) -> Path:
    return write_wav(tmp_path / "tone.wav", tone(30.0, 440, 0.4))


def start_with_sound(recorder: Recorder, rig: PulseRig, sound: Path, seconds: float) -> subprocess.Popen:
    """Start ``recorder``, play ``sound`` and return once ``seconds`` of it are in the file."""
    recorder.start()
    wait_written(recorder, 1)
    player = rig.play(sound, wait=False)
    assert recorder.wait_for(lambda r: r.peak_dbfs > -12.0, WAIT_S), "the sound never arrived"
    wait_written(recorder, recorder.frames_written + int(seconds * recorder.samplerate))
    return player


def assert_holds_the_tone(path: Path, at_least_s: float) -> None:
    data, rate = soundfile.read(path, dtype="float64")  # opens: a valid WAV
    frequencies = dominant_frequencies(data, rate)
    assert np.count_nonzero(np.abs(frequencies - 440) < 60) * 0.02 >= at_least_s


@pytest.mark.audio
def test_server_down_before_start_is_explained(own_rig, real_sd, permit, tmp_path):
    own_rig.kill()
    rescan_devices(real_sd)

    with pytest.raises(RecordingError) as failed:
        Recorder(RecorderConfig(tmp_path / "x.wav"), permit, sd=real_sd).start()

    assert failed.value.message in (no_input_device_message(), errors.sound_system_unreachable())
    assert not (tmp_path / "x.wav").exists()


@pytest.mark.audio
def test_server_killed_mid_recording_keeps_what_was_captured(own_rig, real_sd, permit, tmp_path, long_tone):
    events = Events()
    recorder = Recorder(RecorderConfig(tmp_path / "cut.wav"), permit, sd=real_sd, on_event=events)
    player = start_with_sound(recorder, own_rig, long_tone, 1.0)
    captured = recorder.frames_written

    own_rig.kill()
    interrupted = events.wait_for(Interrupted)
    result = recorder.stop(timeout_s=2.0)
    player.wait(timeout=WAIT_S)

    assert interrupted.reason == errors.input_lost() == result.problem
    assert recorder.state is RecorderState.INTERRUPTED is result.state
    assert result.frames >= captured and probe(result.path).frames == result.frames
    assert not probe(result.path).stale
    assert_holds_the_tone(result.path, 0.9)
    assert recorder.wait_closed(WAIT_S)


@pytest.mark.audio
def test_hung_server_fires_the_watchdog_and_stop_returns(own_rig, real_sd, permit, tmp_path, long_tone):
    events = Events()
    config = RecorderConfig(tmp_path / "hung.wav", watchdog_s=0.5)
    recorder = Recorder(config, permit, sd=real_sd, on_event=events)
    player = start_with_sound(recorder, own_rig, long_tone, 0.5)

    own_rig.freeze()
    try:
        interrupted = events.wait_for(Interrupted)
        result = recorder.stop(timeout_s=2.0)
    finally:
        own_rig.thaw()
    assert recorder.wait_closed(WAIT_S), "the stream never closed after the server came back"
    player.kill()
    player.wait(timeout=WAIT_S)

    assert interrupted.reason == errors.input_hung(0.5) == result.problem
    assert result.state is RecorderState.INTERRUPTED
    assert_holds_the_tone(result.path, 0.4)


@pytest.mark.audio
def test_stop_during_a_hang_returns_within_its_timeout(own_rig, real_sd, permit, tmp_path, long_tone):
    recorder = Recorder(RecorderConfig(tmp_path / "stuck.wav"), permit, sd=real_sd)
    player = start_with_sound(recorder, own_rig, long_tone, 0.5)

    own_rig.freeze()
    try:
        result = recorder.stop(timeout_s=1.5)
    finally:
        own_rig.thaw()
    assert recorder.wait_closed(WAIT_S)
    player.kill()
    player.wait(timeout=WAIT_S)

    assert result.state is RecorderState.STOPPED
    assert result.problem == errors.stop_unanswered()
    assert_holds_the_tone(result.path, 0.4)


# -- the process dies, the disk fills (a real child process) -----------------------

_CHILD = r"""
import json, resource, signal, sys, threading
from pathlib import Path
from core.consent import self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.recorder import Recorder, RecorderConfig, RecorderState

mode, path, seconds, limit = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
with Library.open() as library:
    interview = library.interviews.add(Interview(company="Child", kind=InterviewKind.MOCK))
    permit = library.consent.permit(library.consent.add(self_consent(interview.id)).id)
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so that write() fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
recorder = Recorder(RecorderConfig(path), permit)
recorder.start()
if mode in ("kill", "hang"):
    recorder.wait_for(lambda r: r.frames_written >= seconds * r.samplerate, 60)
    print(json.dumps({"written": recorder.frames_written, "rate": recorder.samplerate}), flush=True)
if mode == "kill":
    threading.Event().wait()  # recording on until killed
elif mode == "hang":  # the parent freezes the server, then says so; stop, then exit with it still hung
    sys.stdin.readline()
    result = recorder.stop(timeout_s=1.0)
    print(json.dumps({"problem": str(result.problem), "closed": recorder.wait_closed(0)}), flush=True)
else:
    recorder.wait_for(lambda r: r.state is RecorderState.INTERRUPTED, 60)
    result = recorder.stop()
    if len(sys.argv) > 5:  # the tmpfs vanishes with this process: keep a copy outside
        import shutil; shutil.copyfile(path, sys.argv[5])
    print(json.dumps({"state": result.state.value, "frames": result.frames, "problem": str(result.problem)}),
          flush=True)
"""


def run_child(*args: object, prefix: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    command = [*prefix, sys.executable, "-c", _CHILD, *map(str, args)]
    return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def read_json_line(child: subprocess.Popen[str], timeout: float) -> dict:
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], timeout)
    if not ready:
        child.kill()
        pytest.fail(f"the child said nothing within {timeout} s: {child.communicate()[1]}")
    line = child.stdout.readline()
    if not line:
        pytest.fail(f"the child exited with {child.wait()}: {child.communicate()[1]}")
    return json.loads(line)


@pytest.mark.audio
@pytest.mark.slow
def test_a_killed_recording_process_loses_at_most_a_second(virtual_microphone, tmp_path, long_tone):
    target = tmp_path / "killed.wav"
    player = virtual_microphone.play(long_tone, wait=False)
    child = run_child("kill", target, 3.0, 0)
    try:
        said = read_json_line(child, 60)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=WAIT_S)
    finally:
        child.kill()
        child.communicate()
        player.kill()
        player.wait()
    rate = said["rate"]

    durable = probe(target)  # the header as last made durable, before any repair
    result = repair(target)

    assert durable.frames >= (3.0 - 1.5) * rate
    assert result.frames >= said["written"] >= 3.0 * rate  # nothing handed to the kernel is lost
    assert result.duration_s >= 3.0 - 1.5
    assert soundfile.info(target).frames == result.frames
    assert_holds_the_tone(target, 2.0)


@pytest.mark.audio
@pytest.mark.slow
def test_the_process_can_exit_while_the_server_hangs(own_rig, tmp_path, long_tone):
    """sounddevice's exit handler would block forever on the hung stream, or PortAudio unload under it."""
    player = own_rig.play(long_tone, wait=False)
    child = run_child("hang", tmp_path / "hung.wav", 0.5, 0)
    try:
        read_json_line(child, 60)
        own_rig.freeze()
        assert child.stdin is not None
        child.stdin.write("stop\n")
        child.stdin.flush()
        said = read_json_line(child, 30)
        returncode = child.wait(timeout=30)
    finally:
        own_rig.thaw()
        child.kill()
        stderr = child.communicate()[1]
        player.kill()
        player.wait()

    assert said == {"problem": str(errors.stop_unanswered()), "closed": False}
    assert returncode == 0, stderr
    assert probe(tmp_path / "hung.wav").frames >= SAMPLE_RATE // 2


def _user_namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10, check=False)
    return done.returncode == 0


@pytest.mark.audio
@pytest.mark.slow
def test_a_full_disk_interrupts_and_keeps_a_valid_file(virtual_microphone, tmp_path):
    if not _user_namespaces_work():
        pytest.skip("a small tmpfs needs unprivileged user namespaces (unshare -rm); "
                    "the file-size-limit test covers the same path")
    mount = tmp_path / "tiny"
    mount.mkdir()
    kept = tmp_path / "kept.wav"
    mount_first = ("unshare", "-rm", "sh", "-c", 'mount -t tmpfs -o size=256k tmpfs "$0" && exec "$@"', str(mount))
    child = run_child("diskfull", mount / "full.wav", 0, 0, kept, prefix=mount_first)
    try:
        said = read_json_line(child, 60)
    finally:
        child.kill()
        child.communicate()

    assert said["state"] == "interrupted"
    assert said["problem"] == str(errors.disk_full())
    info = soundfile.info(kept)
    assert info.frames == said["frames"] == probe(kept).frames
    assert info.duration > 2.0  # 256 KiB of 48 kHz mono


@pytest.mark.audio
@pytest.mark.slow
def test_a_file_size_limit_interrupts_and_keeps_a_valid_file(virtual_microphone, tmp_path):
    target = tmp_path / "limited.wav"
    limit = HEADER_SIZE + 2 * SAMPLE_RATE + 1  # one second of 48 kHz mono, and half a frame
    child = run_child("fsize", target, 0, limit)
    try:
        said = read_json_line(child, 60)
    finally:
        child.kill()
        child.communicate()

    assert said["state"] == "interrupted"
    assert said["problem"] == str(errors.file_too_large())
    assert said["frames"] == SAMPLE_RATE
    assert target.stat().st_size == HEADER_SIZE + 2 * SAMPLE_RATE
    assert soundfile.info(target).frames == SAMPLE_RATE
    assert not probe(target).stale
