"""One recording of one interview, from permission to saved file.

:meth:`RecordingSession.start` is the one way the app records: it asks the
consent store for a permit (no permit, no recording), starts the recorder
(which checks the permit again before opening the microphone), registers the
recording in the library and writes a sidecar file beside the audio with the
consent record, so the permission travels with the recording.

While a session runs it holds an exclusive lock on ``<audio>.lock``; at the
next start :func:`recover_unfinished` repairs recordings whose process died
(their lock is free) and marks them recovered.
"""

from __future__ import annotations

import fcntl
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from core import __version__, paths
from core.fsutil import atomic_write_text
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording import wavfile
from core.recording.recorder import Recorder, RecorderConfig, RecorderState
from core.recording.store import Marker, Recording, RecordingState

SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
CONSENT_CLIP_LABEL = "consent"


def sidecar_path(audio: Path) -> Path:
    return audio.with_name(audio.name + SIDECAR_SUFFIX)


def _lock_path(audio: Path) -> Path:
    return audio.with_name(audio.name + LOCK_SUFFIX)


def _take_lock(audio: Path, wait: bool) -> int | None:
    fd = os.open(_lock_path(audio), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, paths.FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _release_lock(audio: Path, fd: int) -> None:
    _lock_path(audio).unlink(missing_ok=True)
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
    markers: list[Marker] = field(default_factory=list)
    consent_clip_ms: int = 0

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
    ) -> RecordingSession:
        """Start recording under consent record ``consent_id``.

        Raises :class:`core.consent.ConsentRequired` without a valid agreement
        and the recorder's errors when the microphone cannot be opened; in
        every failure no audio file and no library entry are left behind.
        """
        permit = library.consent.permit(consent_id)
        audio = _new_audio_path(permit.consent.interview_id)
        lock_fd = _take_lock(audio, wait=True)
        recorder = Recorder(RecorderConfig(path=audio, samplerate=samplerate, device=device), permit,
                            sd=sd, on_event=on_event, consent=library.consent)
        try:
            recorder.start()
        except BaseException:
            _release_lock(audio, lock_fd)
            raise
        try:
            recording = library.recordings.begin(permit.consent, _relative(audio), recorder.samplerate,
                                                 recorder.config.channels)
        except BaseException:
            recorder.stop()  # never leave a microphone open that nothing owns; the file stays
            _release_lock(audio, lock_fd)
            raise
        session = cls(library, recording, recorder, lock_fd)
        session._write_sidecar()
        return session

    @property
    def path(self) -> Path:
        return self.recording.path

    # -- while recording --------------------------------------------------------
    def pause(self) -> None:
        self.recorder.pause()

    def resume(self) -> None:
        self.recorder.resume()

    def mark(self, label: str = "") -> Marker:
        """Note the current position (cheap, no I/O: safe on a UI thread); persist with :meth:`save_marker`."""
        at = self.recorder.add_marker(label)
        return Marker(int(round(at.at_s * 1000)), label)

    def save_marker(self, marker: Marker) -> Marker:
        saved = self.library.recordings.add_marker(self.recording.id, marker)
        self.markers.append(saved)
        if marker.label == CONSENT_CLIP_LABEL:
            self.consent_clip_ms = marker.at_ms
            self.library.recordings.set_consent_clip(self.recording.id, marker.at_ms)
        self._write_sidecar()
        return saved

    def add_marker(self, label: str = "") -> Marker:
        return self.save_marker(self.mark(label))

    def end_consent_clip(self) -> Marker:
        """The restated request and answer end here: the first seconds are the consent clip."""
        return self.add_marker(CONSENT_CLIP_LABEL)

    # -- the end ------------------------------------------------------------------
    def stop(self, timeout_s: float = 5.0) -> Recording:
        """Stop and save; never blocks longer than about ``timeout_s`` even if the audio server hangs."""
        try:
            result = self.recorder.stop(timeout_s=timeout_s)
            interrupted = result.state is RecorderState.INTERRUPTED or result.problem is not None
            self.recording = self.library.recordings.finish(
                self.recording.id,
                RecordingState.INTERRUPTED if interrupted else RecordingState.COMPLETED,
                int(round(result.duration_s * 1000)),
                result.dropped_frames,
                result.problem,
            )
            self._write_sidecar()
        finally:
            _release_lock(self.path, self._lock_fd)
        return self.recording

    def _write_sidecar(self) -> None:
        write_sidecar(self.library, self.library.recordings.get(self.recording.id), self.markers)


def write_sidecar(library: Library, recording: Recording, markers: list[Marker] | None = None) -> None:
    """The recording's facts beside its audio: interview, consent record (with its hash), markers."""
    interview = library.interviews.get(recording.interview_id)
    consent = library.consent.sidecar_facts(recording.interview_id, recording.consent_id,
                                            _read_sidecar(sidecar_path(recording.path)))
    markers = markers if markers is not None else library.recordings.markers(recording.id)
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
            "dropped_frames": recording.dropped_frames,
            "consent_clip_ms": recording.consent_clip_ms,
        },
        "markers": [{"at_ms": m.at_ms, "label": m.label} for m in markers],
    }
    atomic_write_text(sidecar_path(recording.path), json.dumps(data, ensure_ascii=False, indent=2))


def _read_sidecar(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


class RecoveryError(FurikaeriError):
    pass


def recover_unfinished(library: Library) -> list[Recording]:
    """Repair recordings left unfinished by a crash; returns them, marked recovered.

    A recording whose lock is still held belongs to a running process and is
    left alone. One whose audio never got any sound is removed from the library.
    """
    recovered = []
    for recording in library.recordings.unfinished():
        audio = recording.path
        if audio.exists():
            fd = _take_lock(audio, wait=False)
            if fd is None:
                continue  # still recording in another process
            try:
                recovered.append(_recover(library, recording, audio))
            finally:
                _release_lock(audio, fd)
        else:
            library.recordings.delete(recording.id)
    return recovered


def _recover(library: Library, recording: Recording, audio: Path) -> Recording:
    try:
        repaired = wavfile.repair(audio)
        duration_ms = int(round(repaired.duration_s * 1000))
        problem = Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "Furikaeri closed unexpectedly during this recording. "
                        "Everything up to {minutes} min {seconds} s was saved."),
            {"minutes": duration_ms // 60000, "seconds": duration_ms // 1000 % 60})
    except FurikaeriError as error:
        duration_ms, problem = 0, error.message
    result = library.recordings.finish(recording.id, RecordingState.RECOVERED, duration_ms, 0, problem)
    write_sidecar(library, result)
    return result
