"""Record a microphone into a WAV file, behind the consent gate, surviving failures.

    recorder = Recorder(RecorderConfig(path), permit, on_event=handle)
    recorder.start()            # checks the permit, opens the microphone, creates the file
    recorder.add_marker("question 2")
    result = recorder.stop()    # never blocks longer than its timeout

Three threads take part:

* PortAudio's **audio callback** (:meth:`Recorder.callback`) copies each block
  into a queue and returns; it takes no lock, logs nothing, allocates nothing
  but the copy (and notes its arrival time and latency, for :attr:`Recorder.clock`).
  When more than ``RecorderConfig.queue_s`` of audio waits for
  the disk, blocks are dropped and *counted* (``dropped_frames``).
* The **writer thread** appends blocks to the file as they come (memory stays
  flat however long the recording), keeps the level meter, makes the header
  durable every ``durable_interval_s`` (see :mod:`core.recording.wavfile`), and
  is the watchdog: a stream that finished by itself (sound server killed,
  device removed) or sent nothing for ``watchdog_s`` (server hung), or a write
  that failed (disk full), ends the recording as INTERRUPTED with the file
  closed and valid, and an :class:`Interrupted` event with one sentence for the
  user.
* A short-lived **closer thread** stops and closes the stream, because with a
  hung PulseAudio ``stream.stop()`` blocks forever (ENGINEERING.md §2); nobody
  ever waits for it longer than a timeout.

``on_event`` is called from the writer thread (:class:`Interrupted`) or from
the thread calling :meth:`Recorder.stop` (:class:`Stopped`); a GUI must marshal
it to its own thread.
"""

from __future__ import annotations

import enum
import logging
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from core.audio.devices import SoundDevices, load_sounddevice
from core.consent import ConsentStore, permit_from
from core.messages import Message
from core.recording import errors
from core.recording.clock import Aligner, TrackClock
from core.recording.errors import RecordingError
from core.recording.exit_guard import exit_guard
from core.recording.wavfile import WavWriter

log = logging.getLogger(__name__)

SILENCE_DBFS = -120.0  # the meter's floor
FULL_SCALE = 32768.0
WRITER_TICK_S = 0.05  # how often the writer looks at the clock when no audio comes
METER_WINDOW_S = 0.03  # the level meter's window: host blocks vary, some are a few frames long


class RecorderState(enum.Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class RecorderConfig:
    path: Path  # the WAV to create; must not exist yet
    samplerate: int = 48000  # asked for; the device's own rate is used if it refuses this one
    channels: int = 1
    device: int | str | None = None  # None: the default input
    durable_interval_s: float = 1.0  # header rewritten and fsynced this often
    watchdog_s: float = 2.0  # no audio callback for this long while recording: the input is lost
    blocksize: int = 0  # 0: whatever suits the host (about 9 ms over PulseAudio)
    latency: str | float = "high"  # PortAudio's safer buffering; markers stay well within 0.1 s
    queue_s: float = 60.0  # audio allowed to wait for a slow disk before blocks are dropped


@dataclass(frozen=True)
class Marker:
    at_s: float  # position in the recording (pauses left out)
    label: str = ""


@dataclass(frozen=True)
class RecordingResult:
    path: Path
    samplerate: int
    channels: int
    frames: int  # in the file
    duration_s: float
    markers: tuple[Marker, ...]
    dropped_frames: int  # lost because the disk could not keep up
    overflows: int  # callbacks that reported an input overflow
    state: RecorderState  # STOPPED or INTERRUPTED
    problem: Message | None  # why it was interrupted (or did not stop cleanly)


@dataclass(frozen=True)
class Interrupted:
    reason: Message


@dataclass(frozen=True)
class Stopped:
    result: RecordingResult


RecorderEvent = Interrupted | Stopped
EventHandler = Callable[[RecorderEvent], None]

_WAKE = object()  # put in the queue to wake the writer up




def to_dbfs(value: float) -> float:
    """An amplitude (1.0 = full scale) in dBFS, floored at :data:`SILENCE_DBFS`."""
    return 20.0 * math.log10(value) if value > 10 ** (SILENCE_DBFS / 20) else SILENCE_DBFS


class Recorder:
    """One recording, from :meth:`start` to :meth:`stop`; see the module's docstring.

    ``permit`` must be a :class:`core.consent.RecordingPermit`; ``consent`` is
    the consent store of the library the recording is for (the permit must come
    from it; without one, from the store that issued the permit). ``sd`` is the
    ``sounddevice`` module (loaded when ``None``).  A recorder records once.
    Every property may be read from any thread.
    """

    def __init__(
        self,
        config: RecorderConfig,
        permit: object,
        *,
        sd: ModuleType | SoundDevices | None = None,
        on_event: EventHandler | None = None,
        consent: ConsentStore | None = None,
    ) -> None:
        self.config = config
        self._permit = permit
        self._consent = consent
        self._sd = sd
        self._on_event = on_event
        self.clock: TrackClock | None = None  # where the frames are in time (from start on)
        self.aligner: Aligner | None = None  # set before start: keep the file in step with another track
        self._lock = threading.Lock()  # guards state changes, markers and the result
        self._progress = threading.Condition()  # notified after each block and on every change
        self._state = RecorderState.IDLE
        self._started = False
        self._samplerate = config.samplerate
        self._problem: Message | None = None
        self._markers: list[Marker] = []
        self._result: RecordingResult | None = None
        self._stream: Any = None
        self._wav: WavWriter | None = None
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._closer: threading.Thread | None = None
        self._stream_closed = threading.Event()
        self._sd_module: Any = None
        self._exit_held = False  # our stream is closing: see _ExitGuard
        self._stream_finished = threading.Event()  # PortAudio's finished_callback ran
        self._closing = False  # from now on a finished or silent stream is expected, not a failure
        self._finishing = threading.Event()  # the writer should drain the queue and close
        self._writer_done = threading.Event()
        # Written by the audio callback only (single writer; read anywhere):
        self._accepting = False
        self._paused = False
        self._last_callback = 0.0
        self._captured = 0  # frames queued, paused ones included
        self._recorded = 0  # frames queued for the file: the recording's clock
        self._dropped = 0
        self._overflows = 0
        self._max_backlog = 0
        # Written by the writer thread only:
        self._consumed = 0  # frames taken off the queue
        self._written = 0  # frames in the file
        self._level = (SILENCE_DBFS, SILENCE_DBFS)  # (peak, rms) of the latest meter window
        self._window_peak = self._window_energy = 0.0
        self._window_samples = self._window_frames = 0

    # -- reading -------------------------------------------------------------

    @property
    def state(self) -> RecorderState:
        return self._state

    @property
    def samplerate(self) -> int:
        """The rate really recorded at (the device's own when it refused the one asked for)."""
        return self._samplerate

    @property
    def path(self) -> Path:
        return self.config.path

    @property
    def frames_written(self) -> int:
        return self._written

    @property
    def dropped_frames(self) -> int:
        return self._dropped

    @property
    def overflows(self) -> int:
        return self._overflows

    @property
    def elapsed_s(self) -> float:
        """Recording time so far, pauses left out."""
        return self._recorded / self._samplerate

    @property
    def callback_age_s(self) -> float:
        """How long ago the audio callback last ran (0 before the stream starts): a growing age means the
        machine is too busy to serve the stream."""
        last = self._last_callback
        return max(0.0, time.monotonic() - last) if last else 0.0

    @property
    def level_dbfs(self) -> float:
        """RMS level of the latest 30 ms (also while paused), for a meter."""
        return self._level[1]

    @property
    def peak_dbfs(self) -> float:
        """Peak level of the latest 30 ms."""
        return self._level[0]

    @property
    def problem(self) -> Message | None:
        return self._problem

    @property
    def markers(self) -> tuple[Marker, ...]:
        with self._lock:
            return tuple(self._markers)

    def wait_for(self, predicate: Callable[[Recorder], bool], timeout: float) -> bool:
        """Block until ``predicate(self)`` holds (checked after each block and state change) or timeout."""
        with self._progress:
            return self._progress.wait_for(lambda: predicate(self), timeout)

    def wait_closed(self, timeout: float) -> bool:
        """Wait until the input stream is really closed (it may lag behind :meth:`stop` on a hung server)."""
        return self._stream_closed.wait(timeout)

    # -- starting ------------------------------------------------------------

    def start(self) -> None:
        """Check the permit, open the microphone, then create the file and record.

        Raises :class:`core.consent.ConsentRequired` (nothing opened, nothing
        created), :class:`core.audio.devices.AudioUnavailable` without
        PortAudio, or :class:`RecordingError` when the microphone or the file
        cannot be opened; no file is left behind then.
        """
        with self._lock:
            if self._started:
                raise RuntimeError("a Recorder records once; make a new one")
            self._started = True
        permit_from(self._permit, self._consent)  # the consent gate, before anything is touched
        path = Path(self.config.path)
        if path.exists() or path.is_symlink():
            raise RecordingError(errors.file_exists(path))
        sd = self._sd if self._sd is not None else load_sounddevice()
        stream, rate = self._open_stream(sd)
        try:
            self._wav = WavWriter(path, rate, self.config.channels)
        except OSError as error:
            stream.close(ignore_errors=True)
            message = errors.file_exists(path) if isinstance(error, FileExistsError) else \
                errors.file_not_created(path, error.strerror or str(error))
            raise RecordingError(message) from error
        self._stream, self._samplerate, self._sd_module = stream, rate, sd
        self._max_backlog = int(self.config.queue_s * rate)
        self.clock = TrackClock(rate)
        self._last_callback = time.monotonic()
        self._state = RecorderState.RECORDING
        self._accepting = True
        self._writer = threading.Thread(target=self._writer_main, name="recorder-writer", daemon=True)
        self._writer.start()
        try:
            stream.start()
        except Exception as error:
            self._abandon_start()
            raise RecordingError(errors.open_failure(error, self.config.device)) from error

    def _open_stream(self, sd: Any) -> tuple[Any, int]:
        """Open (not start) the input stream at the rate asked for, else at the device's own."""
        asked = self.config.samplerate
        try:
            return self._new_stream(sd, asked), asked
        except (sd.PortAudioError, ValueError) as error:
            if errors.portaudio_code(error) != errors.PA_INVALID_SAMPLE_RATE:
                raise RecordingError(errors.open_failure(error, self.config.device)) from error
        fallback = self._device_rate(sd)
        if fallback is None or fallback == asked:
            raise RecordingError(errors.rate_unsupported(asked))
        try:
            return self._new_stream(sd, fallback), fallback
        except (sd.PortAudioError, ValueError) as error:
            if errors.portaudio_code(error) == errors.PA_INVALID_SAMPLE_RATE:
                raise RecordingError(errors.rate_unsupported(asked)) from error
            raise RecordingError(errors.open_failure(error, self.config.device)) from error

    def _new_stream(self, sd: Any, rate: int) -> Any:
        return sd.InputStream(
            samplerate=rate, channels=self.config.channels, dtype="int16", device=self.config.device,
            blocksize=self.config.blocksize, latency=self.config.latency,
            callback=self.callback, finished_callback=self._stream_finished.set,
        )

    def _device_rate(self, sd: Any) -> int | None:
        try:
            return int(sd.query_devices(self.config.device, "input")["default_samplerate"])
        except (sd.PortAudioError, ValueError, KeyError, TypeError):
            return None

    def _abandon_start(self) -> None:
        """Undo a start whose stream would not run: stop the writer, delete the file."""
        self._accepting = False
        self._closing = True
        self._finishing.set()
        self._queue.put(_WAKE)
        self._writer_done.wait(5.0)
        self._stream.close(ignore_errors=True)
        self._stream_closed.set()
        assert self._wav is not None
        self._wav.discard()
        self._state = RecorderState.IDLE

    # -- the audio callback (PortAudio's thread) -------------------------------

    def callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        """PortAudio's input callback: queue a copy of the block, count what is lost.

        Public so that tests can feed it directly (for instance an
        ``input_overflow`` flag, which PulseAudio never sets).
        """
        self._last_callback = arrival = time.monotonic()
        try:  # how old the block's first frame is (PortAudio's host knows; some say 0)
            latency = time_info.currentTime - time_info.inputBufferAdcTime
        except AttributeError:
            latency = 0.0
        if status.input_overflow:
            self._overflows += 1
        if not self._accepting:
            return
        paused = self._paused
        if self._captured - self._consumed + frames > self._max_backlog:
            if not paused:
                self._dropped += frames
            return
        self._queue.put((indata.copy(), paused, self._captured, arrival, latency))
        self._captured += frames
        if not paused:
            self._recorded += frames

    # -- controlling ---------------------------------------------------------

    def pause(self) -> bool:
        """Leave what follows out of the file until :meth:`resume`; False if not recording."""
        return self._switch(RecorderState.RECORDING, RecorderState.PAUSED)

    def resume(self) -> bool:
        """Record again after :meth:`pause`; False if not paused."""
        return self._switch(RecorderState.PAUSED, RecorderState.RECORDING)

    def _switch(self, before: RecorderState, after: RecorderState) -> bool:
        with self._lock:
            if self._state is not before:
                return False
            self._state = after
            self._paused = after is RecorderState.PAUSED
        self._notify()
        return True

    def add_marker(self, label: str = "") -> Marker:
        """Mark this moment of the recording (what the listener will hear at that point)."""
        with self._lock:
            if self._state in (RecorderState.IDLE, RecorderState.STOPPED):
                raise RuntimeError(f"cannot add a marker to a recorder that is {self._state.value}")
            marker = Marker(round(self._recorded / self._samplerate, 3), label)
            self._markers.append(marker)
        return marker

    def stop(self, timeout_s: float = 5.0) -> RecordingResult:
        """Stop recording, close the file and return the result, within ``timeout_s``.

        After an interruption it returns the result with its ``problem``.
        Calling it again returns the same result.
        """
        deadline = time.monotonic() + timeout_s
        with self._lock:
            if self._state is RecorderState.IDLE:
                raise RuntimeError("the recorder was not started")
            if self._result is not None:
                return self._result
            by_user = self._state in (RecorderState.RECORDING, RecorderState.PAUSED)
        stream_answered = True
        if by_user:
            closed = self._close_stream_async(graceful=True)
            stream_answered = closed.wait(max(0.0, timeout_s - min(1.0, timeout_s / 2)))
        self._accepting = False
        self._finishing.set()
        self._queue.put(_WAKE)
        saved = self._writer_done.wait(max(0.0, deadline - time.monotonic()))
        with self._lock:
            if self._state in (RecorderState.RECORDING, RecorderState.PAUSED):
                self._state = RecorderState.STOPPED
            if self._problem is None and not stream_answered:
                self._problem = errors.stop_unanswered()
            if self._problem is None and not saved:
                self._problem = errors.save_unfinished()
            frames = self._written
            self._result = RecordingResult(
                path=Path(self.config.path), samplerate=self._samplerate, channels=self.config.channels,
                frames=frames, duration_s=frames / self._samplerate, markers=tuple(self._markers),
                dropped_frames=self._dropped, overflows=self._overflows, state=self._state,
                problem=self._problem,
            )
            result = self._result
        self._notify()
        self._emit(Stopped(result))
        return result

    # -- closing the stream (its own thread: it may hang) -----------------------

    def _close_stream_async(self, graceful: bool) -> threading.Event:
        with self._lock:
            self._closing = True
            if self._closer is None:
                with exit_guard.lock:
                    self._exit_held = exit_guard.hold(self._sd_module)
                self._closer = threading.Thread(
                    target=self._close_stream, args=(graceful,), name="recorder-closer", daemon=True)
                self._closer.start()
        return self._stream_closed

    def _close_stream(self, graceful: bool) -> None:
        stream = self._stream
        try:
            if graceful:
                stream.stop(ignore_errors=False)
            else:
                stream.abort(ignore_errors=False)
        except Exception:  # the server may be gone; closing is all that is left
            log.info("stopping the input stream failed", exc_info=True)
        finally:
            try:
                stream.close(ignore_errors=True)
            finally:
                with exit_guard.lock:
                    self._stream_closed.set()
                    if self._exit_held:
                        exit_guard.release(self._sd_module)
                        self._exit_held = False

    # -- the writer thread ---------------------------------------------------

    def _writer_main(self) -> None:
        problem: Message | None = None
        try:
            problem = self._pump()
        except OSError as error:
            problem = errors.write_failure(error)
        except Exception as error:  # a bug must not cost the file
            log.exception("the recording writer failed")
            problem = errors.unexpected(f"{type(error).__name__}: {error}")
        if problem is not None:
            self._interrupt(problem)
        try:
            assert self._wav is not None
            if self.aligner is not None and len(held := self.aligner.flush()):
                self._wav.write(held.astype("<i2", copy=False).data)
            self._wav.close()
        except OSError as error:  # the samples are on disk; wavfile.repair can fix the header later
            log.warning("finishing the recording's header failed: %s", error)
            if problem is None:
                with self._lock:
                    self._problem = errors.write_failure(error)
        self._writer_done.set()
        self._notify()
        if problem is not None:
            self._emit(Interrupted(problem))

    def _pump(self) -> Message | None:
        """Write blocks until told to finish (None) or until the input fails (its message)."""
        wav = self._wav
        assert wav is not None
        next_sync = time.monotonic() + self.config.durable_interval_s
        while True:
            finishing = self._finishing.is_set()  # read first: everything queued before is drained
            try:
                item = self._queue.get(block=not finishing, timeout=None if finishing else WRITER_TICK_S)
            except queue.Empty:
                if finishing:
                    return None
                item = _WAKE
            if item is not _WAKE:
                self._take(*item)
            now = time.monotonic()
            if now >= next_sync:
                wav.sync()
                next_sync = now + self.config.durable_interval_s
                self._notify()
            if not finishing and (problem := self._watchdog(now)) is not None:
                self._accepting = False
                self._drain()
                return problem

    def _take(self, block: np.ndarray, paused: bool, frame: int, arrival: float, latency: float) -> None:
        assert self._wav is not None and self.clock is not None
        self.clock.observe(arrival, frame, latency)
        self._meter(block)
        consumed = len(block)
        if not paused:
            self.clock.mark_written(self._written, frame)
            if self.aligner is not None:
                block = self.aligner.process(block, frame, self.clock)
            try:
                if len(block):
                    self._wav.write(block.astype("<i2", copy=False).data)
            finally:
                self._written = self._wav.frames
        self._consumed += consumed
        self._notify()

    def _meter(self, block: np.ndarray) -> None:
        """Fold a block into the meter; publish (peak, rms) once a window's worth has come."""
        if len(block):
            samples = block.astype(np.float32)
            self._window_peak = max(self._window_peak, float(np.max(np.abs(samples))))
            self._window_energy += float(np.dot(samples.ravel(), samples.ravel()))
            self._window_samples += samples.size
            self._window_frames += len(block)
        if self._window_frames >= METER_WINDOW_S * self._samplerate:
            rms = math.sqrt(self._window_energy / self._window_samples)
            self._level = (to_dbfs(self._window_peak / FULL_SCALE), to_dbfs(rms / FULL_SCALE))
            self._window_peak = self._window_energy = 0.0
            self._window_samples = self._window_frames = 0

    def _drain(self) -> None:
        """Write whatever is still queued (the input has stopped delivering)."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _WAKE:
                self._take(*item)

    def _watchdog(self, now: float) -> Message | None:
        if self._closing:
            return None
        if self._stream_finished.is_set():
            return errors.input_lost()
        if now - self._last_callback > self.config.watchdog_s:
            return errors.input_hung(self.config.watchdog_s)
        return None

    def _interrupt(self, problem: Message) -> None:
        self._accepting = False
        with self._lock:
            if self._state in (RecorderState.RECORDING, RecorderState.PAUSED):
                self._state = RecorderState.INTERRUPTED
            if self._problem is None:
                self._problem = problem
        self._close_stream_async(graceful=False)

    # -- events --------------------------------------------------------------

    def _notify(self) -> None:
        with self._progress:
            self._progress.notify_all()

    def _emit(self, event: RecorderEvent) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(event)
        except Exception:  # a listener's bug must not stop the recorder
            log.exception("a recorder event handler failed")
