"""Transcribe a recording while it is being made, and keep its transcript the moment it is complete.

::

    live = live_ops.follow(library, service, session, settings, on_done=...)   # just after recording starts
    ...                                                                          # live.job.caught: how far
    recording = recording_ops.stop(session).value
    live.recording_stopped()                     # the last piece is transcribed, then on_done(Result | error)

The speech worker follows the recording's file (and an online interview's call
track) as the recorder writes it (:mod:`core.transcription.live`); the
transcript is made with the same context, speakers and guard as one made after
Stop (:func:`core.ops.transcription.settings_for`) and stored the same way.

The recording never pays for it: the worker runs at a lower priority, and a
watcher here holds it off new pieces while the recorder's audio callback comes
late (:data:`LATE_S`), until the callbacks have been regular for
:data:`CALM_S`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace

from core.library import Library
from core.ops.transcription import Outcome, settings_for, storing
from core.recording.files import call_track_path
from core.recording.recorder import Recorder
from core.recording.session import RecordingSession
from core.transcription.model import TranscriptionSettings
from core.transcription.service import Job, TranscriptionService

LATE_S = 0.2  # the audio callback has not run for this long: the machine is short of CPU
CALM_S = 2.0  # regular callbacks for this long: the worker may go on
WATCH_S = 0.05  # how often the recorder is looked at


class LiveTranscript:
    """One recording's live transcription (see the module doc); made by :func:`follow`."""

    def __init__(self, job: Job, recorder: Recorder, recording_id: int | None = None) -> None:
        self.job = job
        self.recorder = recorder
        self.recording_id = recording_id
        self.held = 0  # how many times the worker was held off (for diagnostics and benchmarks)
        self._stopped = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="furikaeri-live-watch", daemon=True)
        self._watcher.start()

    def recording_stopped(self) -> None:
        """The recording has ended: transcribe what is left (returns at once; ``on_done`` follows)."""
        self._stopped.set()
        self.job.recording_ended()

    def cancel(self) -> None:
        """Give up the live transcript (the recording was discarded); ``on_done`` gets the cancellation."""
        self._stopped.set()
        self.job.cancel()

    def _watch(self) -> None:
        recorder = self.recorder
        calm_since: float | None = None
        holding = False
        while not self._stopped.wait(WATCH_S) and not self.job.done:
            late = recorder.callback_age_s > LATE_S
            now = time.monotonic()
            if late and not holding:
                holding, calm_since = True, None
                self.held += 1
                self.job.hold(True)
            elif holding and not late:
                calm_since = calm_since or now
                if now - calm_since >= CALM_S:
                    holding = False
                    self.job.hold(False)
            elif late:
                calm_since = None
        if holding:
            self.job.hold(False)


def follow(library: Library, service: TranscriptionService, session: RecordingSession,
           settings: TranscriptionSettings, *, on_done: Callable[[Outcome], None],
           on_progress: Callable[[float], None] | None = None) -> LiveTranscript:
    """Start transcribing ``session``'s recording as it is made; the transcript is stored when it is complete,
    then ``on_done`` receives the :class:`~core.ops.Result` (or the exception) on the service's thread."""
    recording = session.recording
    two_tracks = session.call is not None
    if settings.language is None:  # the language the user last chose for this interview's transcripts
        settings = replace(settings, language=library.transcripts.remembered_language(recording.interview_id) or None)
    settings = settings_for(library, recording, settings, two_tracks=two_tracks)
    job = service.follow(recording.path, settings, on_progress, on_done=storing(library, recording, settings, on_done),
                         source=recording.file, recording_id=recording.id,
                         call_path=call_track_path(recording.path) if two_tracks else None)
    return LiveTranscript(job, session.recorder, recording.id)
