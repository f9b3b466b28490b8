"""The speech-recognition worker: faster-whisper in a child process.

:class:`core.transcription.service.TranscriptionService` starts :func:`serve`
in a process of the ``spawn`` context and talks to it over one
``multiprocessing`` pipe.  The worker loads a model once and keeps it for
the jobs that follow (a job naming another model replaces it); it exits when
the pipe closes or it receives ``None``.  Freeing a model's memory is thus
simply the process ending, and cancelling a job is terminating it: the
parent never waits for Whisper to notice anything.

Protocol (all messages are small picklable dataclasses):

parent → worker
    :class:`JobRequest`, or ``None`` to exit.
worker → parent, for each job
    :class:`Started` (audio decoded, model ready, recognition begins), then
    :class:`Detected` (language), then one :class:`SegmentDone` per segment,
    then :class:`Finished`; or :class:`Failed` at any point.  Segments come
    in time order, except those of a second pass (below), which follow.
    A job of kind :data:`SEPARATE` tells one microphone's voices apart again
    without loading any speech model: :class:`Started`, :class:`Progress`,
    :class:`Separated`, :class:`Finished`.

A two-track recording (``call_path``: an online interview's call track) is
transcribed track after track: the microphone's, once the call's bleed is
taken out of it (:mod:`core.transcription.bleed`), then the call's, each with
its own :class:`Detected`, and every segment says its speaker.

After a decode with an initial prompt, detected speech the decode left
without words is decoded again without the prompt
(:mod:`core.transcription.coverage`).  Each segment carries the level of the
audio under it and :class:`Detected` the recording's speech level, for the
guard (:mod:`core.transcription.guard`).

The worker ignores Ctrl-C (SIGINT): the terminal sends it to the whole
process group, and it is the parent's decision to cancel.  It writes no
library's telemetry (:func:`no_telemetry`) and uses the private temporary
folder the parent made for it, which the parent removes when it ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.transcription import bleed, file_decode
from core.transcription.audio import CONTEXT, AudioFileError, DecodedAudio, TranscriptionError, decode
from core.transcription.coverage import redo_uncovered
from core.transcription.decoding import convert as _convert
from core.transcription.decoding import decode_segments
from core.transcription.estimate import Pace, Ticker
from core.transcription.guard import Levels
from core.transcription.live import DECODERS, LIVE, NICE, LiveJob
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
from core.transcription.model import Segment, TranscriptionSettings
from core.transcription.speakers import INTERVIEWER, ME

__all__ = ["SEPARATION_FAILED", "no_telemetry", "run_job", "serve"]

# Libraries' own telemetry switches.  onnxruntime (faster-whisper's VAD) otherwise writes $TMPDIR/.ses and,
# under the cache folder, a persistent device id and a database of events, as soon as it is imported.
TELEMETRY_OFF = {"ORT_DISABLE_TELEMETRY": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}

# --- the process ------------------------------------------------------------


def _load(path: str, device: str) -> tuple[Any, float]:
    from core.speech.models import load_whisper

    start = time.perf_counter()
    model = load_whisper(path, device=device, workers=DECODERS)
    return model, time.perf_counter() - start


class _Models:
    """The one loaded model, replaced when a job asks for another.

    Loading runs on a helper thread (:meth:`prefetch`) so that it overlaps
    with decoding the audio; :meth:`get` waits for it.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="furikaeri-model-load")
        self._key: tuple[str, str] | None = None
        self._future: Future[tuple[Any, float]] | None = None
        self._reported = False  # the load time goes to the first job that used the model
        self.pace = Pace()  # how fast this machine decodes with the model (progress between segments)

    def prefetch(self, path: str, device: str) -> None:
        if self._key == (path, device):
            return
        self._future = None  # drop the old model (once its load, if running, ends)
        self._key, self._reported = (path, device), False
        self.pace = Pace()  # another model decodes at another pace
        self._future = self._executor.submit(_load, path, device)

    def get(self, path: str, device: str) -> tuple[Any, float]:
        self.prefetch(path, device)
        assert self._future is not None
        try:
            model, load_s = self._future.result()
        except BaseException:
            self._key = self._future = None  # try again for the next job
            raise
        load_s, self._reported = (0.0 if self._reported else load_s), True
        return model, load_s


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # the parent spawned us with SIGINT blocked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _no_process_locks() -> None:
    """faster-whisper's (disabled) tqdm bar would create a multiprocessing lock: a named semaphore
    the resource tracker reports as leaked whenever a cancel terminates this process."""
    try:
        from tqdm import tqdm
    except ImportError:
        return
    tqdm.set_lock(threading.RLock())


def no_telemetry() -> None:
    """Switch off the telemetry of the libraries this process may load; before they are imported."""
    os.environ.update(TELEMETRY_OFF)


def _private_temp(folder: str | None) -> None:
    """Temporary files of this process (and of the libraries in it) go to ``folder``."""
    if folder:
        os.environ["TMPDIR"] = folder
        tempfile.tempdir = folder


def _lower_priority() -> None:
    """Below the app's threads (the recorder's above all): the worker takes only the CPU left over."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)


def serve(conn: Connection, temp_dir: str | None = None) -> None:
    """The worker's main loop: run jobs from ``conn`` until it closes or sends ``None``.

    ``temp_dir``: a private temporary folder (the parent made it and removes it).
    """
    no_telemetry()
    _private_temp(temp_dir)
    _ignore_interrupts()
    _no_process_locks()
    _lower_priority()
    os.environ["HF_HUB_OFFLINE"] = "1"
    models = _Models()

    def receive(timeout: float) -> Any:
        return conn.recv() if conn.poll(timeout) else None

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        if not isinstance(request, JobRequest):
            continue  # e.g. a live job's control that came after it ended
        try:
            run_job(request, conn.send, models, receive)
        except (BrokenPipeError, EOFError, ConnectionError):
            return  # the parent is gone


@dataclass(frozen=True)
class _Track:
    speaker: str | None  # None: a recording with one voice track
    audio: DecodedAudio


def _tracks(request: JobRequest) -> list[_Track]:
    """The job's audio: the one file, or a two-track recording's microphone (bleed taken out) and call."""
    audio = decode(request.path)
    if request.call_path is None:
        return [_Track(None, audio)]
    try:
        call = decode(request.call_path)
    except AudioFileError:  # a call track that never got any sound (or is damaged): the microphone alone
        return [_Track(ME, audio)]
    length = max(len(audio.samples), len(call.samples))  # equal lengths: the tracks start together

    def padded(samples: np.ndarray) -> np.ndarray:  # a copy only when needed: an hour is 230 MB
        return samples if len(samples) == length else np.pad(samples, (0, length - len(samples)))

    call_samples = padded(call.samples)
    mic_samples, _bleed = bleed.clean(padded(audio.samples), call_samples)
    return [_Track(ME, replace(audio, samples=mic_samples)),
            _Track(INTERVIEWER, replace(call, samples=call_samples, problem=None))]


class _Clock:
    """The job's work cap, shared by its tracks."""

    def __init__(self, cap_s: float) -> None:
        self.start, self.cap_s = time.monotonic(), cap_s

    @property
    def over(self) -> bool:
        return time.monotonic() - self.start > self.cap_s


def _run_track(job_id: int, track: _Track, share: tuple[float, float], settings: TranscriptionSettings,
               model: Any, clock: _Clock, send: Any, pace: Pace) -> bool:
    """Transcribe one track, reporting its segments (said by its speaker); True when the work cap is reached.

    ``share``: the part of the job's progress (first, size) this track stands for.
    """
    samples = track.audio.samples
    levels = Levels.measure(samples)
    # decoded as a live job decodes a recording while it is made: the same features and windows, the same text
    segments, info = file_decode.transcribe(model, samples, settings)
    settings = info.settings
    send(Detected(job_id, info.language, info.language_probability, info.duration_after_vad, levels.speech_dbfs,
                  speaker=track.speaker))
    duration = max(track.audio.duration_s, 1e-6)
    done: list[Segment] = []
    sending = threading.Lock()

    def locked(message: Any) -> None:  # the ticker's thread sends too
        with sending:
            send(message)

    with Ticker(locked, job_id, share, duration, pace) as ticker:

        def report(segment: Segment) -> bool:
            """Send one segment; True when the work cap is reached."""
            if track.speaker is not None:
                segment = segment.spoken_by(track.speaker)
            fraction = min(1.0, max(0.0, segment.end_ms / 1000 / duration))
            ticker.heard(fraction)
            locked(SegmentDone(job_id, segment, share[0] + share[1] * fraction,
                               levels.span_dbfs(segment.start_ms, segment.end_ms)))
            done.append(segment)
            return clock.over

        capped = False
        try:
            for whisper_segment in segments:
                if capped := report(_convert(whisper_segment)):
                    break
        finally:
            segments.close()
        if not capped and (settings.initial_prompt or settings.hotwords):  # the prompt may have dropped speech
            plain = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                            hotwords_by_language=(), language=info.language)
            again = redo_uncovered(samples, done, lambda piece: decode_segments(model, piece, plain))
            try:
                for segment in again:
                    if capped := report(segment):
                        break
            finally:
                again.close()
    return capped


SEPARATION_SHARE = 0.25  # of the progress bar, when the speakers are separated after the words
SEPARATION_FAILED = QT_TRANSLATE_NOOP(
    "Transcription", "The voices could not be told apart ({error}); the transcript is kept without speakers.")
SEPARATION_FAILED_AGAIN = QT_TRANSLATE_NOOP(
    "Transcription", "The voices could not be told apart ({error}); the transcript is unchanged.")


def _separate(job_id: int, samples: np.ndarray, speakers: int | None, start: float, send: Any,
              failed: str = SEPARATION_FAILED) -> Separated:
    """Who spoke when (:mod:`core.diarization`); a failure says why (``failed``) and leaves the words as they are."""
    from core.diarization.models import load
    from core.diarization.pipeline import diarize

    try:
        models = load()
        turns = diarize(samples, speakers=speakers, models=models,
                        progress=lambda fraction: send(Progress(job_id, start + (1 - start) * fraction)))
        found = tuple((t.start_ms, t.end_ms, t.cluster) for t in turns)
        return Separated(job_id, found, me=_my_voice(models, samples, found))
    except FurikaeriError as error:  # the separation models are missing or damaged
        return Separated(job_id, (), error.message)
    except (BrokenPipeError, EOFError, ConnectionError):
        raise
    except Exception as error:  # noqa: BLE001 - the transcript is kept whatever happens here
        return Separated(job_id, (), Message(CONTEXT, failed, {"error": f"{type(error).__name__}: {error}"}))


def _my_voice(models: Any, samples: np.ndarray, turns: tuple[tuple[int, int, int], ...]) -> int | None:
    """The voice the user's profile recognises (none without a profile); the voices' features stay here."""
    from core.diarization import profile

    try:
        mine = profile.load()
    except profile.VoiceProfileError:
        return None  # an unreadable profile: the app asks which voice is the user's instead
    if mine is None or not turns:
        return None
    return profile.match(mine.array, profile.voice_vectors(models, samples, turns))


def _separate_again(request: JobRequest, send: Any) -> None:
    """A :data:`SEPARATE` job: decode the recording and tell its voices apart; no speech model is loaded."""
    audio = decode(request.path)
    send(Started(request.job_id, audio.duration_s, audio.problem, silent=audio.silent))
    if not audio.silent:
        send(_separate(request.job_id, audio.samples, request.settings.speakers, 0.0, send, SEPARATION_FAILED_AGAIN))
    send(Finished(request.job_id))


def _live(request: JobRequest, send: Any, models: _Models, receive: Any) -> None:
    """A :data:`~core.transcription.live.LIVE` job: transcribe the recording while it is being made."""
    model, load_s = models.get(request.model_path, request.device)
    send(Started(request.job_id, 0.0, None, silent=False, device=str(model.model.device),
                 compute_type=str(model.model.compute_type), load_s=load_s))
    job = LiveJob(request, model, send, receive)
    transcribe_s = job.run()
    for message in job.conclude():
        send(message)
    if job.separate:
        if job.collector is None:
            send(_separate(request.job_id, np.zeros(0, dtype=np.float32), request.settings.speakers, 1.0, send))
        else:
            send(_separated_live(request.job_id, job.collector, request.settings.speakers))
    send(Finished(request.job_id, transcribe_s=transcribe_s))


def _separated_live(job_id: int, collector: Any, speakers: int | None) -> Separated:
    """The voices of a recording analysed piece by piece (:mod:`core.diarization.incremental`)."""
    from core.diarization import profile

    try:
        turns = collector.conclude(speakers)
        found = tuple((t.start_ms, t.end_ms, t.cluster) for t in turns)
        me = None
        try:
            mine = profile.load()
        except profile.VoiceProfileError:
            mine = None
        if mine is not None and found:
            me = profile.match(mine.array, collector.voices(turns))
        return Separated(job_id, found, me=me)
    except Exception as error:  # noqa: BLE001 - the transcript is kept whatever happens here
        return Separated(job_id, (), Message(CONTEXT, SEPARATION_FAILED, {"error": f"{type(error).__name__}: {error}"}))


def run_job(request: JobRequest, send: Any, models: _Models, receive: Any = None) -> None:
    """Run one job, reporting through ``send`` (a live job also hears the parent through ``receive``).
    Only a failing ``send`` raises."""
    job_id = request.job_id
    try:
        if request.kind == SEPARATE:
            _separate_again(request, send)
            return
        if request.kind == LIVE:
            _live(request, send, models, receive or (lambda _timeout: None))
            return
        models.prefetch(request.model_path, request.device)  # load while decoding
        tracks = _tracks(request)
        first = tracks[0].audio
        duration_s = max(track.audio.duration_s for track in tracks)
        heard = [track for track in tracks if not track.audio.silent]
        if not heard:
            send(Started(job_id, duration_s, first.problem, silent=True))
            send(Finished(job_id))
            return
        model, load_s = models.get(request.model_path, request.device)
        send(Started(job_id, duration_s, first.problem, silent=False, device=str(model.model.device),
                     compute_type=str(model.model.compute_type), load_s=load_s))
        clock = _Clock(request.work_cap_s)
        capped = False
        separate = request.settings.separate and len(tracks) == 1  # two tracks already say who spoke
        whole = 1 - SEPARATION_SHARE if separate else 1.0
        for index, track in enumerate(heard):
            share = (whole * index / len(heard), whole / len(heard))
            if capped := _run_track(job_id, track, share, request.settings, model, clock, send, models.pace):
                break
        if separate and not capped:
            send(_separate(job_id, heard[0].audio.samples, request.settings.speakers, whole, send))
        send(Finished(job_id, capped=capped, transcribe_s=time.monotonic() - clock.start))
    except AudioFileError as error:
        send(Failed(job_id, error.message, unreadable=True))
    except TranscriptionError as error:
        send(Failed(job_id, error.message))
    except FurikaeriError as error:  # e.g. ModelError
        send(Failed(job_id, error.message))
    except (BrokenPipeError, EOFError, ConnectionError):
        raise
    except Exception as error:  # noqa: BLE001 - anything from the decoder or CTranslate2 ends this job only
        send(Failed(job_id, Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Transcription", "Speech recognition failed: {error}"), {"error": f"{type(error).__name__}: {error}"})))
