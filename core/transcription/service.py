"""Transcription jobs: a FIFO queue in this process, faster-whisper in a worker process.

::

    service = TranscriptionService()
    job = service.submit("answer.wav", TranscriptionSettings(language="ja"), on_progress=print)
    transcript = job.wait()          # or job.cancel() from any thread
    service.shutdown()

* One service thread takes jobs in order and feeds them to one worker
  process (:mod:`core.transcription.worker`, ``spawn`` context) that keeps the
  model loaded between jobs.  After ``idle_timeout_s`` without work the
  worker exits, which returns all of its memory; the next job starts a new one.
* ``on_progress(fraction)`` (0..1, the share of the audio done) and
  ``on_done(job)`` are called **from the service thread**; a GUI marshals them.
* :meth:`Job.cancel` ends a running job within a second: the worker is
  terminated (then killed) and started again for the next job.  A worker that
  dies (killed from outside, out of memory) fails only its current job.
* Recognition work is capped at ``max(work_cap_min_s, work_cap_factor x audio
  duration)`` (30 s and 3x by default): on noise Whisper can retry for minutes
  without producing text.  The worker stops itself at the cap between
  segments; one stuck inside a 30-s window is killed ``CAP_GRACE_S`` later.
  A capped transcript keeps the segments found so far and says why in
  :attr:`Transcript.problem`.
* Problems with the file itself (missing, empty, not audio, damaged, too
  short) raise :class:`AudioFileError`, mostly found here before the worker is
  involved; other failures raise :class:`TranscriptionError`, a cancelled job
  :class:`TranscriptionCancelled` (both subclass ``TranscriptionError``).
  Silent audio gives a transcript without segments whose ``problem`` says
  that no speech was found: never invented text.  Every transcript's segments
  went through :func:`core.transcription.guard.flag_segments`.
* The model is resolved here (``base`` is assembled on first use) and passed
  to the worker as a folder; an English-only model refuses other languages.
* :meth:`TranscriptionService.separate` queues a job of another kind in the
  same queue and worker: it only tells one microphone's voices apart again
  (no speech model is resolved or loaded, no work cap), with the same
  progress, cancel and failures; :meth:`Job.wait_separation` gives its
  :class:`~core.transcription.reseparate.Separation`.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from multiprocessing.connection import wait as wait_for
from pathlib import Path
from typing import Any

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.transcription import assemble
from core.transcription.audio import (
    CONTEXT,
    AudioFileError,
    AudioInfo,
    TranscriptionError,
    probe,
    require_duration,
)
from core.transcription.job import (
    DoneCallback,
    Job,
    JobState,
    ProgressCallback,
    TranscriptionCancelled,
)
from core.transcription.live import LIVE, Caught, LiveControl
from core.transcription.messages import (
    SEPARATE,
    Detected,
    Failed,
    Finished,
    JobRequest,
    Progress,
    SegmentDone,
    Separated,
    Started,
)
from core.transcription.model import Transcript, TranscriptionSettings
from core.transcription.process import WorkerProcess
from core.transcription.speakers import two_track_partner

__all__ = [
    "AudioFileError",
    "Job",
    "JobState",
    "TranscriptionCancelled",
    "TranscriptionError",
    "TranscriptionService",
    "transcribe_file",
]

log = logging.getLogger(__name__)

IDLE_TIMEOUT_S = 120.0
WORK_CAP_FACTOR = 3.0
WORK_CAP_MIN_S = 30.0
CAP_GRACE_S = 1.0  # after the cap, the worker has this long to stop by itself before it is killed


class TranscriptionService:
    """A queue of transcription jobs served by one worker process (see the module docstring)."""

    def __init__(self, *, idle_timeout_s: float = IDLE_TIMEOUT_S, work_cap_factor: float = WORK_CAP_FACTOR,
                 work_cap_min_s: float = WORK_CAP_MIN_S, device: str = "auto") -> None:
        self.idle_timeout_s = idle_timeout_s
        self.work_cap_factor = work_cap_factor
        self.work_cap_min_s = work_cap_min_s
        self.device = device
        self._context = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._queue: deque[Job] = deque()
        self._ids = itertools.count(1)
        self._closed = False
        self._thread: threading.Thread | None = None
        self._current: Job | None = None  # the running job
        self._worker: WorkerProcess | None = None  # touched only by the service thread
        self._worker_pid: int | None = None
        self._no_worker = threading.Event()
        self._no_worker.set()
        self._idle_since = time.monotonic()
        self._wake_recv, self._wake_send = self._context.Pipe(duplex=False)

    # -- public API --
    def submit(self, path: Path | str, settings: TranscriptionSettings | None = None,
               on_progress: ProgressCallback | None = None, *, on_done: DoneCallback | None = None,
               source: str | None = None, recording_id: int | None = None) -> Job:
        """Queue ``path`` for transcription and return its :class:`Job` at once.

        ``source`` is stored in the transcript (default: ``path`` as given);
        ``recording_id`` too.  Raises ``RuntimeError`` after :meth:`shutdown`.
        """
        settings = settings or TranscriptionSettings()
        job = Job(self, next(self._ids), Path(path), settings, str(path) if source is None else source,
                  recording_id, on_progress, on_done)
        return self._queued(job)

    def separate(self, path: Path | str, settings: TranscriptionSettings, on_progress: ProgressCallback | None = None,
                 *, on_done: DoneCallback | None = None, recording_id: int | None = None) -> Job:
        """Queue a job that only tells the voices of ``path`` (one microphone) apart again, ``settings.speakers``
        of them (None: estimated); :meth:`Job.wait_separation` gives the result.  No speech model is used."""
        return self._queued(Job(self, next(self._ids), Path(path), settings, str(path), recording_id, on_progress,
                                on_done, kind=SEPARATE))

    def follow(self, path: Path | str, settings: TranscriptionSettings, on_progress: ProgressCallback | None = None,
               *, on_done: DoneCallback | None = None, source: str | None = None, recording_id: int | None = None,
               call_path: Path | str | None = None) -> Job:
        """Queue a **live** job: transcribe ``path`` while it is being recorded (its ``call_path`` too, for an
        online interview), in pieces cut at pauses (:mod:`core.transcription.live`).  Call
        :meth:`Job.recording_ended` when the recording stops; the job then finishes within seconds.
        ``on_progress(fraction)`` gives the share of the audio recorded so far that is transcribed
        (:attr:`Job.caught` the seconds).  Jobs queued before it run first; a recording should not wait for
        them, so the caller queues the live job first."""
        return self._queued(Job(self, next(self._ids), Path(path), settings, str(path) if source is None else source,
                                recording_id, on_progress, on_done, kind=LIVE,
                                call_path=None if call_path is None else Path(call_path)))

    def behind_recording(self, job: Job) -> bool:
        """Whether ``job`` waits behind a live job: it starts once that recording has stopped and its transcript
        is done (one worker; a recording is never kept waiting, see :meth:`follow`)."""
        with self._cond:
            if job.state is not JobState.QUEUED or job not in self._queue:
                return False
            ahead = [self._current, *itertools.takewhile(lambda queued: queued is not job, self._queue)]
            return any(other is not None and other.live and not other.done for other in ahead)

    def _queued(self, job: Job) -> Job:
        with self._cond:
            if self._closed:
                raise RuntimeError("the transcription service has been shut down")
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="furikaeri-transcription", daemon=True)
                self._thread.start()
            self._cond.notify_all()
        return job

    def transcribe(self, path: Path | str, settings: TranscriptionSettings | None = None,
                   progress: ProgressCallback | None = None, cancel: Any = None,
                   source: str | None = None) -> Transcript:
        """Submit and wait; ``cancel`` is an object with ``is_set()`` (a ``threading.Event``)."""
        job = self.submit(path, settings, progress, source=source)
        try:
            while True:
                try:
                    return job.wait(None if cancel is None else 0.1)
                except TimeoutError:
                    if cancel.is_set():
                        job.cancel()
        except BaseException:
            job.cancel()  # e.g. KeyboardInterrupt: do not leave the worker running
            raise

    def work_cap_s(self, duration_s: float) -> float:
        """How long recognition of ``duration_s`` seconds of audio may take before it is stopped."""
        return max(self.work_cap_min_s, self.work_cap_factor * duration_s)

    @property
    def worker_pid(self) -> int | None:
        """The worker process's id while one is running (for diagnostics and tests)."""
        return self._worker_pid

    def wait_for_worker_exit(self, timeout: float | None = None) -> bool:
        """Block until no worker process is running (after the idle timeout or shutdown)."""
        return self._no_worker.wait(timeout)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel every job, stop the worker and the service thread.  Idempotent."""
        with self._cond:
            self._closed = True
            pending = [job for job in self._queue]
            current = self._current
            self._cond.notify_all()
        for job in [*pending, current]:
            if job is not None:
                job.cancel()
        self._wake()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            self._wake_send.close()
            self._wake_recv.close()

    close = shutdown

    def __enter__(self) -> TranscriptionService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # -- called from any thread --
    def _cancel_requested(self, job: Job) -> None:
        with self._cond:
            self._cond.notify_all()
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # closed: the service is shut down
            self._wake_send.send_bytes(b"!")

    # -- the service thread --
    def _serve(self) -> None:
        if hasattr(signal, "pthread_sigmask"):  # workers spawned from here start with Ctrl-C blocked
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            while (job := self._next_job()) is not None:
                try:
                    self._run(job)
                except Exception as error:  # keep serving the next jobs
                    log.exception("transcription job %s failed", job.id)  # a bug: say so in the log
                    self._stop_worker(graceful=False)
                    job._finish(error=TranscriptionError(Message(CONTEXT, QT_TRANSLATE_NOOP(
                        "Transcription", "Speech recognition failed: {error}"),
                        {"error": f"{type(error).__name__}: {error}"})))
                finally:
                    self._current = None
                self._idle_since = time.monotonic()
        finally:
            with self._cond:
                left, self._queue = list(self._queue), deque()
            for job in left:
                job._finish(error=TranscriptionCancelled())
            self._stop_worker(graceful=True)

    def _next_job(self) -> Job | None:
        while True:
            self._drain_wake()
            self._reap_cancelled()
            with self._cond:
                if self._closed:
                    return None
                if self._queue:
                    job = self._queue.popleft()
                    job._set_running()
                    self._current = job
                    return job
                wait: float | None = None
                if self._worker is not None:
                    wait = self._idle_since + self.idle_timeout_s - time.monotonic()
                if wait is None or wait > 0:
                    self._cond.wait(wait)
                    continue
            self._stop_worker(graceful=True)  # idle too long: give its memory back

    def _reap_cancelled(self) -> None:
        """Finish the queued jobs that were cancelled."""
        with self._cond:
            cancelled = [job for job in self._queue if job._cancel_requested]
            for job in cancelled:
                self._queue.remove(job)
        for job in cancelled:
            job._finish(error=TranscriptionCancelled())

    def _drain_wake(self) -> None:
        while self._wake_recv.poll():
            self._wake_recv.recv_bytes()

    def _ensure_worker(self) -> WorkerProcess:
        if self._worker is not None and not self._worker.alive():
            self._stop_worker(graceful=False)  # died while idle
        if self._worker is None:
            self._worker = WorkerProcess(self._context)
            self._worker_pid = self._worker.pid
            self._no_worker.clear()
        return self._worker

    def _stop_worker(self, graceful: bool) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop(graceful)
        self._worker_pid = None
        self._no_worker.set()

    def _prepare(self, job: Job) -> tuple[AudioInfo, str, Path | None]:
        """Check the file(s) and find the model before involving the worker."""
        try:
            if job.kind == LIVE:  # the file is being written: nothing to check in it yet
                info, call = AudioInfo(0.0, 0, 0, "pcm_s16le"), job.call_path
            else:
                info = probe(job.path)
                require_duration(info, job.path)
                if job.kind == SEPARATE:
                    return info, "", None
                call = two_track_partner(job.path)
            from core.speech.models import model_status, resolve_model

            model_path = resolve_model(job.settings.model)
            if job.settings.language not in (None, "", "en") and model_status(str(model_path)).multilingual is False:
                raise TranscriptionError(Message(CONTEXT, QT_TRANSLATE_NOOP(
                    "Transcription",
                    "The speech model “{model}” understands only English. Choose a multilingual model "
                    "(such as base) for speech in other languages."), {"model": job.settings.model}))
        except TranscriptionError:
            raise
        except FurikaeriError as error:  # ModelError
            raise TranscriptionError(error.message) from error
        return info, str(model_path), call

    def _run(self, job: Job) -> None:
        if job._cancel_requested:
            job._finish(error=TranscriptionCancelled())
            return
        try:
            info, model_path, call = self._prepare(job)
        except TranscriptionError as error:
            job._finish(error=error)
            return
        if job._cancel_requested:  # while the file was checked or the model built
            job._finish(error=TranscriptionCancelled())
            return
        tracks = 1 if call is None else 2
        cap_s = tracks * self.work_cap_s(info.duration_s)
        run = assemble.Run(info=info, cap_s=None if job.kind in (SEPARATE, LIVE) else cap_s, call_path=call)
        worker = self._ensure_worker()
        try:
            worker.conn.send(JobRequest(job.id, str(job.path), job.settings, model_path, self.device, cap_s,
                                        call_path=None if call is None else str(call), kind=job.kind))
        except OSError:
            self._worker_died(job, worker)
            return
        if job.live and not self._tell_live(job, worker):
            return
        while True:
            if job._cancel_requested:
                self._stop_worker(graceful=False)
                job._finish(error=TranscriptionCancelled())
                return
            timeout = None if run.deadline is None else max(0.0, run.deadline - time.monotonic())
            ready = wait_for([worker.conn, worker.process.sentinel, self._wake_recv], timeout)
            self._drain_wake()
            self._reap_cancelled()
            if job._cancel_requested:
                continue
            if job.live and not self._tell_live(job, worker):
                return
            if worker.conn in ready:
                try:
                    event = worker.conn.recv()
                except (EOFError, OSError):
                    self._worker_died(job, worker)
                    return
                if self._handle(job, run, event):
                    return
                continue
            if worker.process.sentinel in ready:
                self._worker_died(job, worker)
                return
            if not ready and run.deadline is not None and time.monotonic() >= run.deadline:
                self._stop_worker(graceful=False)  # stuck inside one window: the cap is a promise
                job._finish(assemble.transcript(job, run, capped=True))
                return

    def _tell_live(self, job: Job, worker: WorkerProcess) -> bool:
        """Tell the worker of a live job's end or hold when it changed; False when the worker is gone."""
        with job._lock:
            wanted = (job._ended, job._hold)
        if wanted == job._sent:
            return True
        try:
            worker.conn.send(LiveControl(job.id, ended=wanted[0], hold=wanted[1]))
        except OSError:
            self._worker_died(job, worker)
            return False
        job._sent = wanted
        return True

    def _handle(self, job: Job, run: assemble.Run, event: Any) -> bool:
        """Apply one worker message; True when the job is over."""
        if isinstance(event, Started):
            run.duration_s = event.duration_s
            run.problem = event.problem
            run.started = time.monotonic()
            run.deadline = None if run.cap_s is None else run.started + run.cap_s + CAP_GRACE_S
            if event.device:
                run.extra.update(device=event.device, compute_type=event.compute_type, load_s=round(event.load_s, 3))
        elif isinstance(event, Detected):
            if not run.speech_dbfs:  # the first track's (the microphone's) is the transcript's
                run.language = event.language
                run.extra.update(language_probability=round(event.probability, 3), speech_s=round(event.speech_s, 3))
            run.speech_dbfs[event.speaker] = event.speech_dbfs
        elif isinstance(event, SegmentDone):
            run.segments.append((event.segment, event.level_dbfs))
            job._advance(event.progress)
        elif isinstance(event, Progress):
            job._advance(event.fraction)
        elif isinstance(event, Caught):
            run.duration_s = event.recorded_s
            job._catch_up(event.heard_s, event.recorded_s)
        elif isinstance(event, Separated):
            run.turns, run.separation_problem, run.me = event.turns, event.problem, event.me
            job._advance(1.0)
        elif isinstance(event, Finished):
            if job.kind == SEPARATE:
                try:
                    job._finish(separation=assemble.separation(job, run))
                except TranscriptionError as error:
                    job._finish(error=error)
                return True
            run.extra["transcribe_s"] = round(event.transcribe_s, 3)
            job._finish(assemble.transcript(job, run, capped=event.capped))
            return True
        elif isinstance(event, Failed):
            job._finish(error=(AudioFileError if event.unreadable else TranscriptionError)(event.message))
            return True
        return False

    def _worker_died(self, job: Job, worker: WorkerProcess) -> None:
        reason = worker.exit_reason()
        self._stop_worker(graceful=False)
        job._finish(error=TranscriptionError(Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Transcription",
            "The speech recognition process stopped unexpectedly ({reason}) while transcribing {file}. "
            "Try again; if it happens again, the computer may be short of memory: close other programs "
            "or choose a smaller speech model."), {"reason": reason, "file": str(job.path)})))


def transcribe_file(path: Path | str, settings: TranscriptionSettings | None = None,
                    progress: ProgressCallback | None = None, cancel: Any = None, *,
                    service: TranscriptionService | None = None, device: str = "auto") -> Transcript:
    """Transcribe one file synchronously, through the same worker process as the app.

    ``progress(fraction)`` is called from the service thread; ``cancel`` is a
    ``threading.Event`` (anything with ``is_set()``).  Without ``service`` a
    private one is used and shut down afterwards.  Raises
    :class:`TranscriptionError` / :class:`TranscriptionCancelled`.
    """
    own = service is None
    service = service or TranscriptionService(idle_timeout_s=0.0, device=device)
    try:
        return service.transcribe(path, settings, progress, cancel)
    finally:
        if own:
            service.shutdown()
