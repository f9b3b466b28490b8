"""A job of the transcription service (:mod:`core.transcription.service`): its state, progress and result.

A :class:`Job` is created by the service and finished from its thread; any
thread may wait for it, cancel it, or (a live job) say that the recording has
ended or that the worker should hold off (see :mod:`core.transcription.live`).
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from core.messages import QT_TRANSLATE_NOOP, Message
from core.transcription.audio import CONTEXT, TranscriptionError
from core.transcription.live import LIVE
from core.transcription.messages import TRANSCRIBE
from core.transcription.model import Transcript, TranscriptionSettings
from core.transcription.reseparate import Separation

log = logging.getLogger(__name__)


class _Service(Protocol):
    def _cancel_requested(self, job: Job) -> None: ...


class TranscriptionCancelled(TranscriptionError):  # noqa: N818 - a public name core, the GUI and tests use
    """The job was cancelled (by :meth:`Job.cancel` or the service shutting down)."""

    def __init__(self) -> None:
        super().__init__(Message(CONTEXT, QT_TRANSLATE_NOOP("Transcription", "Transcription cancelled.")))


class JobState(enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"  # a transcript is available (it may carry a problem)
    FAILED = "failed"
    CANCELLED = "cancelled"


ProgressCallback = Callable[[float], None]
DoneCallback = Callable[["Job"], None]


class Job:
    """One file to transcribe (or whose voices to tell apart again: ``kind``).  Thread-safe; created by
    :meth:`TranscriptionService.submit` (or :meth:`~TranscriptionService.separate`)."""

    def __init__(self, service: _Service, job_id: int, path: Path, settings: TranscriptionSettings,
                 source: str, recording_id: int | None, on_progress: ProgressCallback | None,
                 on_done: DoneCallback | None, kind: str = TRANSCRIBE, call_path: Path | None = None) -> None:
        self.id = job_id
        self.kind = kind
        self.path = path
        self.settings = settings
        self.source = source
        self.recording_id = recording_id
        self._service = service
        self._on_progress = on_progress
        self._on_done = on_done
        self._lock = threading.Lock()
        self._finished = threading.Event()
        self._state = JobState.QUEUED
        self._progress = 0.0
        self._cancel_requested = False
        self._transcript: Transcript | None = None
        self._separation: Separation | None = None
        self._error: TranscriptionError | None = None
        self.call_path = call_path  # a live job's call track (known before the file exists)
        self._ended = False  # a live job's recording has ended
        self._hold = False  # a live job starts no new piece (the recorder needs the CPU)
        self._sent: tuple[bool, bool] = (False, False)  # (ended, hold) as the worker was last told
        self._caught = (0.0, 0.0)

    def __repr__(self) -> str:
        return f"<Job {self.id} {self.state.value} {self.progress:.0%} {self.path}>"

    @property
    def state(self) -> JobState:
        return self._state

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    @property
    def cancelled(self) -> bool:
        return self._state is JobState.CANCELLED or (self._cancel_requested and not self.done)

    @property
    def transcript(self) -> Transcript | None:
        return self._transcript

    @property
    def error(self) -> TranscriptionError | None:
        return self._error

    def cancel(self) -> None:
        """Stop the job (queued: never started; running: worker terminated).  Returns at once."""
        with self._lock:
            if self._finished.is_set() or self._cancel_requested:
                return
            self._cancel_requested = True
        self._service._cancel_requested(self)

    @property
    def live(self) -> bool:
        return self.kind == LIVE

    @property
    def caught(self) -> tuple[float, float]:
        """A live job: (seconds transcribed, seconds recorded) so far."""
        return self._caught

    def recording_ended(self) -> None:
        """A live job: the recording has stopped; the worker transcribes what is left and finishes."""
        with self._lock:
            self._ended = True
        self._service._cancel_requested(self)  # wakes the service thread, which tells the worker

    def hold(self, on: bool) -> None:
        """A live job: start no new piece while ``on`` (the recorder's callbacks come late); returns at once."""
        with self._lock:
            if self._hold == on:
                return
            self._hold = on
        self._service._cancel_requested(self)

    def wait(self, timeout: float | None = None) -> Transcript:
        """The transcript; raises :class:`TranscriptionError` (or :class:`TranscriptionCancelled`),
        or ``TimeoutError`` when ``timeout`` seconds pass first."""
        self._wait(timeout)
        assert self._transcript is not None
        return self._transcript

    def wait_separation(self, timeout: float | None = None) -> Separation:
        """The voices told apart by a :data:`SEPARATE` job; raises as :meth:`wait` does."""
        self._wait(timeout)
        assert self._separation is not None
        return self._separation

    def _wait(self, timeout: float | None) -> None:
        if not self._finished.wait(timeout):
            raise TimeoutError(f"transcription job {self.id} still {self.state.value} after {timeout} s")
        if self._error is not None:
            raise self._error

    # -- called from the service thread --
    def _set_running(self) -> None:
        self._state = JobState.RUNNING

    def _catch_up(self, heard_s: float, recorded_s: float) -> None:
        self._caught = (heard_s, recorded_s)
        if self._on_progress is not None:
            call_back(self._on_progress, min(1.0, heard_s / recorded_s) if recorded_s > 0 else 0.0)

    def _advance(self, fraction: float) -> None:
        fraction = min(1.0, max(self._progress, fraction))
        if fraction == self._progress:
            return
        self._progress = fraction
        if self._on_progress is not None:
            call_back(self._on_progress, fraction)

    def _finish(self, transcript: Transcript | None = None, error: TranscriptionError | None = None,
                separation: Separation | None = None) -> None:
        with self._lock:
            if self._finished.is_set():
                return
            if isinstance(error, TranscriptionCancelled):
                self._state = JobState.CANCELLED
            elif error is not None:
                self._state = JobState.FAILED
            else:
                self._state = JobState.DONE
            self._transcript, self._error, self._separation = transcript, error, separation
        if error is None:
            self._advance(1.0)
        self._finished.set()
        if self._on_done is not None:
            call_back(self._on_done, self)


def call_back(callback: Callable[[Any], None], value: Any) -> None:
    try:
        callback(value)
    except Exception:  # a faulty callback must not stop the service thread
        log.exception("transcription callback %r failed", callback)


