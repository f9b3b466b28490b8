"""One recording of one interview, from permission to saved file.

:meth:`RecordingSession.start` is the one way the app records: it asks the
consent store for a permit (no permit, no recording), keeps some disk space in
reserve (:mod:`core.recording.reserve`), registers the recording in the
library, writes a sidecar file beside the audio with the consent record (so
the permission travels with the recording, and every audio file has one), and
only then starts the recorder (which checks the permit again before opening
the microphone).  If any step fails, everything done before is undone:
nothing is left but a note on the interview's timeline saying why.

:meth:`RecordingSession.stop` always finishes the file, then gives back the
reserve and records how the recording ended in the library and the sidecar.
When the library cannot be written even then (another program holds it), the
sidecar still says what happened and the next start brings the library up to
date (:mod:`core.recording.recovery`).

While a session runs it holds an exclusive lock on ``<audio>.lock``; at the
next start recordings whose process died (their lock is free) are repaired
and marked recovered.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from core import __version__, paths
from core.consent import ConsentRecord, RecordingPermit
from core.fsutil import atomic_write_text
from core.interviews import Interview, utc_now
from core.library import Library
from core.messages import FurikaeriError, Message
from core.recording import errors
from core.recording.call_track import CallTrack
from core.recording.errors import RecordingError
from core.recording.files import lock_path, sidecar_path
from core.recording.recorder import Recorder, RecorderConfig, RecorderState
from core.recording.reserve import SpaceReserve
from core.recording.store import CONSENT_CLIP_LABEL, Marker, Recording, RecordingState, message_to_json
from core.storage.errors import DatabaseError


def _take_lock(audio: Path, wait: bool) -> int | None:
    fd = os.open(lock_path(audio), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, paths.FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _release_lock(audio: Path, fd: int) -> None:
    lock_path(audio).unlink(missing_ok=True)
    os.close(fd)


def _new_audio_path(interview_id: int) -> Path:
    folder = paths.ensure_private_dir(paths.recordings_dir() / str(interview_id))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return folder / f"{stamp}-{uuid.uuid4().hex[:8]}.wav"


def _relative(path: Path) -> str:
    return path.relative_to(paths.recordings_dir()).as_posix()


@dataclass
class RecordingSession:
    library: Library
    recording: Recording
    recorder: Recorder
    _lock_fd: int
    reserve: SpaceReserve
    interview: Interview
    consent: ConsentRecord
    markers: list[Marker] = field(default_factory=list)
    consent_clip_ms: int = 0
    library_problem: Message | None = None  # after stop: the library or sidecar could not be updated
    consent_facts: dict[str, Any] = field(default_factory=dict)  # the sidecar's consent record and chain head
    call: CallTrack | None = None  # an online interview's second track: the call's sound
    call_problem: Message | None = None  # why the call's sound is not (or no longer) recorded
    # Markers are saved from worker threads while the user may press Stop: one at a time, none once stopping.
    _changing: threading.Lock = field(default_factory=threading.Lock, repr=False)
    stopping: bool = False

    @classmethod
    def start(
        cls,
        library: Library,
        consent_id: int,
        *,
        device: int | str | None = None,
        samplerate: int = 48000,
        sd: ModuleType | None = None,
        on_event: Callable[[Any], None] | None = None,
        reserve: SpaceReserve | None = None,
        call_source: str | None = None,
    ) -> RecordingSession:
        """Start recording under consent record ``consent_id``.

        ``call_source``: also record the call's sound from this PulseAudio
        source on a second track (an online interview); if it cannot be
        recorded, the microphone still is and :attr:`call_problem` says why.

        Raises :class:`core.consent.ConsentRequired` without a valid agreement,
        :class:`RecordingError` when the disk or the microphone fails, and
        :class:`core.storage.errors.DatabaseError` when the library cannot be
        written; in every failure no audio file and no library entry are left
        behind, and the reason is noted on the interview's timeline.  A
        ``reserve`` taken beforehand is used (and released on failure).
        """
        try:
            permit = library.consent.permit(consent_id)
        except BaseException:
            if reserve is not None:
                reserve.release()
            raise
        try:
            session = cls._start(library, permit, device, samplerate, sd, on_event, reserve)
        except FurikaeriError as error:
            note_failed_start(library, permit.consent.interview_id, error.message)
            raise
        if call_source is not None:
            session._start_call(permit, call_source)
        return session

    def _start_call(self, permit: RecordingPermit, source: str) -> None:
        call = CallTrack(self.path, source, permit, self.library.consent, self.recorder.samplerate)
        # the microphone's clock: both files hold the same instant at the same frame
        call.align_to(self.recorder, on_aligned=self._call_aligned)
        if call.start():
            self.call = call
        self.call_problem = call.problem
        with self._changing, contextlib.suppress(OSError):  # the first sidecar stands; stop writes it again
            self._write_sidecar()

    def _call_aligned(self) -> None:
        """The call track's start has just been set (in its writer thread, which must not wait for the disk):
        the sidecar says so from now on, so that the one a crash leaves tells the truth."""
        threading.Thread(target=self._note_call_aligned, name="sidecar-aligned", daemon=True).start()

    def _note_call_aligned(self) -> None:
        with self._changing:
            if self.stopping or self.call is None:  # the stop (or the start) writes the sidecar itself
                return
            with contextlib.suppress(OSError):  # the earlier sidecar stands; stop writes it again
                self._write_sidecar()

    @classmethod
    def _start(cls, library: Library, permit: RecordingPermit, device: int | str | None, samplerate: int,
               sd: ModuleType | None, on_event: Callable[[Any], None] | None,
               reserve: SpaceReserve | None) -> RecordingSession:
        consent: ConsentRecord = permit.consent
        reserve = reserve or SpaceReserve.take()
        recording: Recording | None = None
        audio: Path | None = None
        lock_fd: int | None = None
        try:
            interview = library.interviews.get(consent.interview_id)
            audio = _new_audio_path(consent.interview_id)
            lock_fd = _take_lock(audio, wait=True)
            assert lock_fd is not None
            recorder = Recorder(RecorderConfig(path=audio, samplerate=samplerate, device=device), permit,
                                sd=sd, on_event=on_event, consent=library.consent)
            recording = library.recordings.begin(consent, _relative(audio), samplerate, recorder.config.channels)
            assert consent.id is not None  # the permit's record was read back from the library
            session = cls(library, recording, recorder, lock_fd, reserve, interview, consent,
                          consent_facts=library.consent.sidecar_facts(consent.interview_id, consent.id))
            session._write_sidecar()  # before the audio: every recording's file has its consent beside it
            recorder.start()
        except BaseException as error:
            _undo_start(library, recording, audio, lock_fd, reserve)
            if isinstance(error, OSError):
                raise RecordingError(errors.not_started_write(error)) from error
            raise
        if recorder.samplerate != samplerate:  # the device's own rate; the row follows at stop
            session.recording = replace(session.recording, samplerate=recorder.samplerate)
            with contextlib.suppress(OSError):  # the first sidecar stands; stop writes it again
                session._write_sidecar()
        return session

    @property
    def path(self) -> Path:
        return self.recording.path

    # -- while recording --------------------------------------------------------
    def pause(self) -> None:
        self.recorder.pause()
        if self.call is not None:
            self.call.pause()

    def resume(self) -> None:
        self.recorder.resume()
        if self.call is not None:
            self.call.resume()

    def mark(self, label: str = "") -> Marker:
        """Note the current position (cheap, no I/O: safe on a UI thread); persist with :meth:`save_marker`."""
        at = self.recorder.add_marker(label)
        return Marker(round(at.at_s * 1000), label)

    def mark_consent_clip(self) -> Marker:
        """The restated request and answer end here (cheap; persist with :meth:`save_marker`)."""
        return self.mark(CONSENT_CLIP_LABEL)

    def save_marker(self, marker: Marker) -> Marker | None:
        """Keep ``marker``; ``None`` when the recording is stopping (the stop writes the final sidecar)."""
        with self._changing:
            if self.stopping:
                return None
            saved = self.library.recordings.add_marker(self.recording.id, marker)
            self.markers.append(saved)
            if marker.label == CONSENT_CLIP_LABEL:
                self.consent_clip_ms = marker.at_ms
                self.library.recordings.set_consent_clip(self.recording.id, marker.at_ms)
                self.recording = replace(self.recording, consent_clip_ms=marker.at_ms)
            self._write_sidecar()
            return saved

    def add_marker(self, label: str = "") -> Marker | None:
        return self.save_marker(self.mark(label))

    def end_consent_clip(self) -> Marker | None:
        """The restated request and answer end here: the first seconds are the consent clip."""
        return self.save_marker(self.mark_consent_clip())

    # -- the end ------------------------------------------------------------------
    def stop(self, timeout_s: float = 5.0) -> Recording:
        """Stop and save; never blocks longer than about ``timeout_s`` even if the audio server hangs.

        Never raises for the library: if the library cannot be written, the
        sidecar still records how the recording ended, :attr:`library_problem`
        says so, and the next start brings the library up to date.
        """
        with self._changing:  # a marker being saved finishes first; later ones are dropped
            self.stopping = True
        try:
            result = self.recorder.stop(timeout_s=timeout_s)
            if self.call is not None:
                self.call.stop(timeout_s=timeout_s)
                self.call_problem = self.call.problem
            self.reserve.release()  # room to finish, even if the recording filled the disk
            interrupted = result.state is RecorderState.INTERRUPTED or result.problem is not None
            state = RecordingState.INTERRUPTED if interrupted else RecordingState.COMPLETED
            duration_ms = round(result.duration_s * 1000)
            self.recording = replace(self.recording, state=state, ended_at=utc_now(), duration_ms=duration_ms,
                                     dropped_frames=result.dropped_frames, problem=result.problem,
                                     samplerate=result.samplerate)
            try:
                self.recording = self.library.recordings.finish(
                    self.recording.id, state, duration_ms, result.dropped_frames, result.problem,
                    samplerate=result.samplerate, ended_at=self.recording.ended_at)
            except DatabaseError as error:
                self.library_problem = errors.library_not_updated(self.path, error.message)
            try:
                self._write_sidecar()
            except OSError as error:
                if self.library_problem is None:
                    self.library_problem = errors.sidecar_not_written(self.path, error.strerror or str(error))
        finally:
            self.reserve.release()
            _release_lock(self.path, self._lock_fd)
        return self.recording

    def wait_closed(self, timeout: float) -> bool:
        """Wait until the input streams are really closed (before a process exits: PortAudio is still in use
        while a stream closes); False when one is still closing after ``timeout`` (a hung sound server)."""
        closed = self.recorder.wait_closed(timeout)
        if self.call is not None:
            closed = self.call.recorder.wait_closed(timeout) and closed
        return closed

    def _write_sidecar(self) -> None:
        """From what the session knows, without reading the library (which may be unwritable by now)."""
        write_sidecar_file(self.interview, self.consent_facts, self.recording, self.markers,
                           self.call.facts() if self.call is not None else None)


def start_recording(library: Library, interview: Interview, consent_for: Callable[[Interview], ConsentRecord],
                    **options: Any) -> RecordingSession:
    """Record in ``interview`` under the consent record ``consent_for(interview)`` returns.

    An interview without an ``id`` is created for this recording only: if
    recording does not start, it is deleted again with its consent record, so
    failed attempts leave nothing behind.  For an interview already in the
    library, the consent record stays (it says what was agreed) and the reason
    recording did not start goes on its timeline.  Disk space is reserved
    before anything is created.  ``options`` go to :meth:`RecordingSession.start`.
    """
    space = SpaceReserve.take()  # a disk too full to record on: nothing is created
    created: Interview | None = None
    try:
        if interview.id is None:
            interview = created = library.tracker.save(interview)  # its timeline starts here
        consent = library.consent.add(consent_for(interview))
        assert consent.id is not None  # add() returns the record as saved, with its id
        return RecordingSession.start(library, consent.id, reserve=space, **options)
    except BaseException:
        space.release()
        if created is not None and created.id is not None:  # a saved interview always has its id
            with contextlib.suppress(DatabaseError):  # the library itself failed; its sentence is the one to show
                library.delete_interview(created.id)
        raise


def _undo_start(library: Library, recording: Recording | None, audio: Path | None, lock_fd: int | None,
                reserve: SpaceReserve) -> None:
    reserve.release()  # first: the deletions below may need the room
    if recording is not None:
        with contextlib.suppress(DatabaseError):  # a row without audio is forgotten at the next start
            library.recordings.delete(recording.id)
    if audio is not None:
        sidecar_path(audio).unlink(missing_ok=True)
        if lock_fd is not None:
            _release_lock(audio, lock_fd)


def note_failed_start(library: Library, interview_id: int, reason: Message) -> None:
    """Put why recording did not start on the interview's timeline (best effort: the library may be the cause)."""
    from core.tracker.events import EventKind  # the tracker imports the library; keep this module light

    with contextlib.suppress(DatabaseError, OSError):
        library.events.add(interview_id, EventKind.RECORDING_FAILED,
                           reason=json.loads(message_to_json(reason)))


def write_sidecar(library: Library, recording: Recording, markers: list[Marker] | None = None) -> None:
    """The recording's facts beside its audio, read from the library: interview, consent record, markers."""
    interview = library.interviews.get(recording.interview_id)
    previous = read_sidecar(recording.path)
    consent = library.consent.sidecar_facts(recording.interview_id, recording.consent_id, previous)
    markers = markers if markers is not None else library.recordings.markers(recording.id)
    call = (previous or {}).get("call_track")
    write_sidecar_file(interview, consent, recording, markers, call if isinstance(call, dict) else None)


def write_sidecar_file(interview: Interview, consent: dict[str, Any], recording: Recording,
                       markers: list[Marker], call: dict[str, Any] | None = None) -> None:
    """``consent``: the record and its chain's head (:meth:`core.consent.ConsentStore.sidecar_facts`)."""
    data = {
        "format": 1,
        "app": f"Furikaeri {__version__}",
        "notice": "Private recording for the user's own review. Do not publish.",
        "interview": {"id": interview.id, "company": interview.company, "position": interview.position,
                      "kind": interview.kind.value},
        **consent,  # the record (with its hash) and the chain's head, so a removed record is noticed
        "recording": {
            "file": Path(recording.file).name,
            "samplerate": recording.samplerate,
            "channels": recording.channels,
            "started_at": recording.started_at.isoformat(),
            "ended_at": recording.ended_at.isoformat() if recording.ended_at else None,
            "duration_ms": recording.duration_ms,
            "state": recording.state.value,
            "problem": recording.problem.render() if recording.problem else None,
            "problem_message": json.loads(message_to_json(recording.problem)) if recording.problem else None,
            "dropped_frames": recording.dropped_frames,
            "consent_clip_ms": recording.consent_clip_ms,
        },
        "markers": [{"at_ms": m.at_ms, "label": m.label} for m in markers],
    }
    if call is not None:
        data["call_track"] = call  # the call's sound, same clock as the audio (file beside it)
    atomic_write_text(sidecar_path(recording.path), json.dumps(data, ensure_ascii=False, indent=2))


def read_sidecar(audio: Path) -> dict[str, Any] | None:
    """The sidecar beside ``audio``, or ``None`` when it is missing or unreadable."""
    try:
        data = json.loads(sidecar_path(audio).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == 1 else None
