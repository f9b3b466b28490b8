"""The recorder: consent first, then what it writes, pauses, markers and counters.

Two kinds of tests:

* against :class:`FakeSoundDevice`, a stand-in for the ``sounddevice`` module
  whose stream calls nothing by itself: the test feeds the callback block by
  block, so file contents, pauses, markers and counters are exact;
* against the real sounddevice → PortAudio → PulseAudio path with the rig's
  virtual microphone (``@pytest.mark.audio``): known sound is played and the
  saved file must match it.

Failures (server killed or hung, disk full, a killed process) are in
``test_recorder_failures.py``, which reuses the helpers below.
"""

from __future__ import annotations

import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from core.consent import ConsentRequired, RecordingPermit, self_consent
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording import errors
from core.recording.errors import RecordingError
from core.recording.recorder import (
    Interrupted,
    Marker,
    Recorder,
    RecorderConfig,
    RecorderEvent,
    RecorderState,
    Stopped,
)
from core.recording.wavfile import probe
from tests.audio_rig import SAMPLE_RATE, PulseRig
from tests.test_virtual_microphone import assert_recording_matches, known_audio  # noqa: F401

BLOCK = 480  # frames per fed block: 10 ms at 48 kHz
WAIT_S = 10.0  # generous deadline for anything a thread must do


# -- a stand-in for the sounddevice module ---------------------------------------


class FakePortAudioError(Exception):
    """Shaped like ``sounddevice.PortAudioError``: (text, PaErrorCode)."""


class FakeFlags:
    def __init__(self, input_overflow: bool = False):
        self.input_overflow = input_overflow


class FakeStream:
    """An input stream that delivers only what the test feeds it."""

    def __init__(self, module: FakeSoundDevice, **kwargs: Any):
        self.module = module
        self.kwargs = kwargs
        self.samplerate = kwargs["samplerate"]
        self.callback = kwargs["callback"]
        self.finished_callback = kwargs["finished_callback"]
        self.started = self.closed = False
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("start")
        if self.module.start_error is not None:
            raise self.module.start_error
        self.started = True

    def _end(self, name: str) -> None:
        self.calls.append(name)
        if self.module.hang_on_stop:
            self.module.release.wait()
        if self.started:
            self.started = False
            self.finished_callback()

    def stop(self, ignore_errors: bool = True) -> None:
        self._end("stop")

    def abort(self, ignore_errors: bool = True) -> None:
        self._end("abort")

    def close(self, ignore_errors: bool = True) -> None:
        self.calls.append("close")
        self.closed = True

    def feed(self, samples: np.ndarray, flags: Any = None) -> None:
        """Deliver ``samples`` (int16, mono) to the callback in blocks of :data:`BLOCK`."""
        for start in range(0, len(samples), BLOCK):
            block = samples[start : start + BLOCK].reshape(-1, 1)
            self.callback(block, len(block), None, flags or FakeFlags())

    def lose(self) -> None:
        """What PortAudio does when the server dies: the stream finishes by itself."""
        self.started = False
        self.finished_callback()


class FakeSoundDevice:
    """Enough of the ``sounddevice`` module for the recorder."""

    PortAudioError = FakePortAudioError

    def __init__(self, refused_rates: tuple[int, ...] = (), open_error: Exception | None = None,
                 default_samplerate: float = 44100.0):
        self.refused_rates = refused_rates
        self.open_error = open_error
        self.start_error: Exception | None = None
        self.default_samplerate = default_samplerate
        self.hang_on_stop = False
        self.release = threading.Event()
        self.streams: list[FakeStream] = []

    def InputStream(self, **kwargs: Any) -> FakeStream:  # noqa: N802 - the module's name
        if self.open_error is not None:
            raise self.open_error
        if kwargs["samplerate"] in self.refused_rates:
            raise FakePortAudioError("Error opening InputStream: Invalid sample rate", -9997)
        stream = FakeStream(self, **kwargs)
        self.streams.append(stream)
        return stream

    def query_devices(self, device: object = None, kind: str | None = None) -> dict[str, Any]:
        return {"name": "fake", "index": 0, "default_samplerate": self.default_samplerate}

    @property
    def stream(self) -> FakeStream:
        (stream,) = self.streams
        return stream


# -- shared fixtures and helpers ---------------------------------------------------


def make_permit(library: Library) -> RecordingPermit:
    """A permit for a fresh mock interview (self-consent)."""
    interview = library.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK))
    return library.consent.permit(library.consent.add(self_consent(interview.id)).id)


@pytest.fixture
def permit() -> Iterator[RecordingPermit]:
    with Library.open() as library:
        yield make_permit(library)


class Events:
    """Collects recorder events; lets a test wait for one."""

    def __init__(self) -> None:
        self.items: list[RecorderEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: RecorderEvent) -> None:
        with self._changed:
            self.items.append(event)
            self._changed.notify_all()

    def wait_for(self, kind: type, timeout: float = WAIT_S) -> Any:
        with self._changed:
            assert self._changed.wait_for(lambda: any(isinstance(e, kind) for e in self.items), timeout), \
                f"no {kind.__name__} event within {timeout} s; got {self.items}"
            return next(e for e in self.items if isinstance(e, kind))

    def of(self, kind: type) -> list[Any]:
        with self._changed:
            return [e for e in self.items if isinstance(e, kind)]


def tone(seconds: float, freq: float, amplitude: float, rate: int = SAMPLE_RATE) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return amplitude * np.sin(2 * np.pi * freq * t)


def pcm16(signal: np.ndarray) -> np.ndarray:
    return np.round(signal * 32767).astype(np.int16)


def read_pcm16(path: Path) -> np.ndarray:
    data, _ = soundfile.read(path, dtype="int16")
    return data


def wait_written(recorder: Recorder, frames: int) -> None:
    assert recorder.wait_for(lambda r: r.frames_written >= frames, WAIT_S), \
        f"only {recorder.frames_written} of {frames} frames written"


FakeRecorder = Callable[..., tuple[Recorder, FakeSoundDevice, Events]]


@pytest.fixture
def fake_recorder(tmp_path, permit) -> Iterator[FakeRecorder]:
    """``fake_recorder(**config) -> (recorder, fake sd, events)``, started; stopped afterwards."""
    made: list[Recorder] = []

    def make(sd: FakeSoundDevice | None = None, **config: Any) -> tuple[Recorder, FakeSoundDevice, Events]:
        sd = sd or FakeSoundDevice()
        events = Events()
        config.setdefault("watchdog_s", 60.0)  # fed by hand: no callbacks unless the test sends some
        recorder = Recorder(RecorderConfig(tmp_path / f"take{len(made)}.wav", **config), permit,
                            sd=sd, on_event=events)
        recorder.start()
        made.append(recorder)
        return recorder, sd, events

    yield make
    for recorder in made:
        if recorder.state is not RecorderState.IDLE:
            recorder.stop(timeout_s=5.0)


# -- the consent gate --------------------------------------------------------------


class NoSoundDevice:
    """A sounddevice stand-in that fails the test if anything touches it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"sounddevice.{name} was used before consent was checked")


@pytest.mark.parametrize("bad_permit", [None, "agreed", object()])
def test_without_a_permit_nothing_is_opened_or_created(tmp_path, bad_permit):
    target = tmp_path / "never.wav"
    recorder = Recorder(RecorderConfig(target), bad_permit, sd=NoSoundDevice())  # type: ignore[arg-type]

    with pytest.raises(ConsentRequired) as refused:
        recorder.start()

    assert "consent" in str(refused.value.message).lower()
    assert list(tmp_path.iterdir()) == []
    assert recorder.state is RecorderState.IDLE


# -- exact behaviour, fed by hand ------------------------------------------------


def test_the_file_holds_exactly_what_was_captured(fake_recorder):
    recorder, sd, _ = fake_recorder()
    samples = pcm16(tone(0.5, 440, 0.5))

    sd.stream.feed(samples)
    result = recorder.stop()

    assert sd.stream.kwargs["dtype"] == "int16" and sd.stream.kwargs["samplerate"] == 48000
    assert sd.stream.calls == ["start", "stop", "close"]
    assert result.state is RecorderState.STOPPED and result.problem is None
    assert result.frames == len(samples) and result.duration_s == pytest.approx(0.5)
    assert np.array_equal(read_pcm16(result.path), samples)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    info = probe(result.path)
    assert (info.samplerate, info.channels, info.frames, info.stale) == (48000, 1, len(samples), False)


def test_pause_leaves_its_span_out_and_markers_follow_recording_time(fake_recorder):
    recorder, sd, _ = fake_recorder()
    first, middle, last = (pcm16(tone(0.3, f, 0.4)) for f in (300, 900, 1500))

    sd.stream.feed(first)
    at_pause = recorder.add_marker("before pause")
    assert recorder.pause() and not recorder.pause()
    sd.stream.feed(middle)
    paused_marker = recorder.add_marker("while paused")
    assert recorder.resume() and not recorder.resume()
    sd.stream.feed(last)
    result = recorder.stop()

    assert np.array_equal(read_pcm16(result.path), np.concatenate([first, last]))
    assert recorder.elapsed_s == pytest.approx(0.6)
    assert at_pause == Marker(0.3, "before pause")
    assert paused_marker.at_s == 0.3
    assert result.markers == (at_pause, paused_marker)


def test_the_meter_shows_the_latest_30_ms_also_while_paused(fake_recorder):
    recorder, sd, _ = fake_recorder()
    window = 3 * BLOCK  # 30 ms

    sd.stream.feed(np.full(window, 16384, dtype=np.int16))  # half scale
    wait_written(recorder, window)
    assert recorder.peak_dbfs == pytest.approx(-6.02, abs=0.01)
    assert recorder.level_dbfs == pytest.approx(-6.02, abs=0.01)

    recorder.pause()
    sd.stream.feed(np.zeros(window, dtype=np.int16))
    assert recorder.wait_for(lambda r: r.peak_dbfs == -120.0, WAIT_S)
    assert recorder.level_dbfs == -120.0
    assert recorder.frames_written == window


def test_overflow_flags_are_counted(fake_recorder, real_sd):
    recorder, sd, _ = fake_recorder()
    flags = real_sd.CallbackFlags()
    flags.input_overflow = True  # PulseAudio never sets it (ENGINEERING.md §2)

    sd.stream.feed(np.zeros(2 * BLOCK, dtype=np.int16), flags)
    sd.stream.feed(np.zeros(BLOCK, dtype=np.int16), real_sd.CallbackFlags())

    assert recorder.overflows == 2
    assert recorder.stop().overflows == 2


def test_blocks_the_disk_cannot_take_are_dropped_and_counted(fake_recorder):
    recorder, sd, _ = fake_recorder(queue_s=0.05)  # room for 2400 frames
    fed = 20 * BLOCK

    with recorder._progress:  # the writer waits here after its first block: the queue fills up
        sd.stream.feed(np.ones(fed, dtype=np.int16))
        dropped = recorder.dropped_frames
    result = recorder.stop()

    assert dropped >= fed - 2400 - BLOCK
    assert result.dropped_frames == dropped
    assert result.frames + result.dropped_frames == fed


def test_the_header_is_made_durable_while_recording(fake_recorder):
    recorder, sd, _ = fake_recorder(durable_interval_s=0.05)
    samples = pcm16(tone(0.2, 440, 0.3))

    sd.stream.feed(samples)

    assert recorder.wait_for(lambda r: probe(r.path).frames == len(samples), WAIT_S)
    assert not probe(recorder.path).stale
    assert recorder.state is RecorderState.RECORDING


def test_the_device_rate_is_used_when_the_asked_one_is_refused(fake_recorder):
    recorder, sd, _ = fake_recorder(sd=FakeSoundDevice(refused_rates=(48000,), default_samplerate=44100.0))

    sd.stream.feed(np.zeros(441, dtype=np.int16))
    result = recorder.stop()

    assert recorder.samplerate == 44100 == result.samplerate
    assert probe(result.path).samplerate == 44100
    assert result.duration_s == pytest.approx(0.01)


def test_stop_is_final_and_idempotent_and_a_recorder_records_once(fake_recorder):
    recorder, sd, events = fake_recorder()
    sd.stream.feed(np.zeros(BLOCK, dtype=np.int16))

    result = recorder.stop()

    assert recorder.stop() is result
    assert events.of(Stopped) == [Stopped(result)]
    assert not events.of(Interrupted)
    assert not recorder.pause()
    with pytest.raises(RuntimeError):
        recorder.add_marker()
    with pytest.raises(RuntimeError):
        recorder.start()


def test_a_failing_event_handler_does_not_break_recording(tmp_path, permit):
    def broken(event: RecorderEvent) -> None:
        raise ValueError("listener bug")

    sd = FakeSoundDevice()
    recorder = Recorder(RecorderConfig(tmp_path / "a.wav", watchdog_s=60), permit, sd=sd, on_event=broken)
    recorder.start()
    sd.stream.feed(np.ones(BLOCK, dtype=np.int16))

    assert recorder.stop().frames == BLOCK


def test_an_existing_file_is_never_overwritten(tmp_path, permit):
    target = tmp_path / "taken.wav"
    target.write_bytes(b"precious")
    sd = FakeSoundDevice()

    with pytest.raises(RecordingError) as refused:
        Recorder(RecorderConfig(target), permit, sd=sd).start()

    assert refused.value.message == errors.file_exists(target)
    assert target.read_bytes() == b"precious"
    assert sd.streams == []


# -- the real microphone (PulseAudio rig) -------------------------------------------


def record_while(recorder: Recorder, rig: PulseRig, sound: Path,
                 during: Callable[[Recorder], None] | None = None) -> None:
    """Play ``sound`` into the rig while ``recorder`` records; ``during`` runs meanwhile."""
    recorder.start()
    assert recorder.wait_for(lambda r: r.frames_written > 0, WAIT_S), "no audio arrived"
    player = rig.play(sound, wait=False)
    try:
        if during is not None:
            during(recorder)
    finally:
        assert player.wait(timeout=60) == 0, "paplay failed"
    tail = recorder.frames_written + int(0.3 * recorder.samplerate)
    wait_written(recorder, tail)


def write_wav(path: Path, signal: np.ndarray, rate: int = SAMPLE_RATE) -> Path:
    soundfile.write(path, signal, rate, subtype="PCM_16")
    return path


def onsets(signal: np.ndarray, threshold: float, rate: int, quiet_s: float = 0.1) -> list[float]:
    """Times where ``signal`` gets louder than ``threshold`` after ``quiet_s`` below it."""
    loud = np.flatnonzero(np.abs(signal) > threshold)
    gaps = np.diff(loud) > quiet_s * rate
    starts = loud[np.concatenate([[True], gaps])] if len(loud) else loud
    return [float(i) / rate for i in starts]


def dominant_frequencies(signal: np.ndarray, rate: int, window_s: float = 0.02) -> np.ndarray:
    """The strongest frequency (Hz) of each window; 0 where it is nearly silent."""
    size = int(window_s * rate)
    windows = signal[: len(signal) // size * size].reshape(-1, size)
    spectrum = np.abs(np.fft.rfft(windows * np.hanning(size), axis=1))
    freqs = np.fft.rfftfreq(size, 1 / rate)
    peaks = freqs[np.argmax(spectrum, axis=1)]
    return np.where(np.max(np.abs(windows), axis=1) > 0.02, peaks, 0.0)


@pytest.mark.audio
def test_records_known_speech_faithfully(virtual_microphone, real_sd, permit, known_audio, tmp_path):  # noqa: F811
    sound, reference = known_audio
    recorder = Recorder(RecorderConfig(tmp_path / "speech.wav"), permit, sd=real_sd)

    record_while(recorder, virtual_microphone, sound)
    result = recorder.stop()

    assert result.state is RecorderState.STOPPED and result.problem is None
    assert result.dropped_frames == 0
    recorded, rate = soundfile.read(result.path, dtype="float64")
    assert rate == SAMPLE_RATE and len(recorded) == result.frames
    assert_recording_matches(recorded, reference, SAMPLE_RATE)  # correlation >= 0.95, length +-0.1 s


@pytest.mark.audio
def test_a_pause_leaves_the_middle_out(virtual_microphone, real_sd, permit, tmp_path):
    # quiet 440 Hz, loud 1000 Hz, quiet 2500 Hz: the loud part is paused out
    parts = [tone(1.2, 440, 0.15), tone(1.2, 1000, 0.6), tone(1.2, 2500, 0.15)]
    sound = write_wav(tmp_path / "three.wav", np.concatenate([np.zeros(4800), *parts, np.zeros(4800)]))
    recorder = Recorder(RecorderConfig(tmp_path / "paused.wav"), permit, sd=real_sd)

    def pause_during_the_loud_part(r: Recorder) -> None:
        assert r.wait_for(lambda r: r.peak_dbfs > -8.0, WAIT_S), "the loud part never came"
        r.pause()
        assert r.wait_for(lambda r: r.peak_dbfs < -12.0, WAIT_S), "the loud part never ended"
        r.resume()

    record_while(recorder, virtual_microphone, sound, pause_during_the_loud_part)
    result = recorder.stop()

    recorded, rate = soundfile.read(result.path, dtype="float64")
    frequencies = dominant_frequencies(recorded, rate)
    seconds_of = {f: np.count_nonzero(np.abs(frequencies - f) < 60) * 0.02 for f in (440, 1000, 2500)}
    assert seconds_of[1000] <= 0.1, seconds_of
    assert seconds_of[440] == pytest.approx(1.2, abs=0.1), seconds_of
    assert seconds_of[2500] == pytest.approx(1.2, abs=0.1), seconds_of
    loud = np.flatnonzero(np.abs(recorded) > 0.05)
    assert (loud[-1] - loud[0]) / rate == pytest.approx(2.4, abs=0.1)
    assert recorder.elapsed_s == pytest.approx(result.duration_s, abs=0.05)


@pytest.mark.audio
def test_markers_land_where_their_sound_is(virtual_microphone, real_sd, permit, tmp_path):
    signal = np.zeros(int(4.0 * SAMPLE_RATE))
    for at in (1.0, 2.0, 3.0):
        start = int(at * SAMPLE_RATE)
        signal[start : start + 9600] = tone(0.2, 1000, 0.5)
    sound = write_wav(tmp_path / "bursts.wav", signal)
    recorder = Recorder(RecorderConfig(tmp_path / "marked.wav"), permit, sd=real_sd)
    placed: list[Marker] = []

    def mark_each_burst(r: Recorder) -> None:
        for number in range(3):  # as a listener would: mark what is heard now
            assert r.wait_for(lambda r: r.peak_dbfs > -20.0, WAIT_S), f"burst {number} never came"
            placed.append(r.add_marker(f"burst {number}"))
            assert r.wait_for(lambda r: r.peak_dbfs < -40.0, WAIT_S)

    record_while(recorder, virtual_microphone, sound, mark_each_burst)
    result = recorder.stop()

    recorded, rate = soundfile.read(result.path, dtype="float64")
    heard = onsets(recorded, 0.1, rate)
    assert len(heard) == 3
    assert result.markers == tuple(placed)
    # A marker is placed once its burst has been heard, and before the next one begins: how late the
    # listening thread reacts depends on the machine's load, where the marker lands does not.
    for marker, onset, next_onset in zip(placed, heard, [*heard[1:], len(recorded) / rate], strict=True):
        assert onset - 0.02 <= marker.at_s < next_onset


@pytest.mark.audio
def test_a_refused_rate_falls_back_to_the_device_rate(virtual_microphone, real_sd, permit, tmp_path):
    device_rate = int(real_sd.query_devices(kind="input")["default_samplerate"])
    recorder = Recorder(RecorderConfig(tmp_path / "odd.wav", samplerate=7), permit, sd=real_sd)

    recorder.start()
    wait_written(recorder, device_rate // 2)
    result = recorder.stop()

    assert recorder.samplerate == device_rate == result.samplerate
    info = probe(result.path)
    assert info.samplerate == device_rate and info.frames == result.frames >= device_rate // 2
