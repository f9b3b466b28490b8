"""Finding and repairing what a crash, a full disk or a busy library left behind.

:func:`recover_library` is what every entry point runs when it starts (the
app, ``main.py record``, ``main.py doctor``):

* recordings still marked *recording* whose process is gone (their lock is
  free) get their WAV repaired and are finished: as the sidecar says when it
  recorded the end (the library could not be written then), else marked
  *recovered*;
* audio files in the recordings folder that no recording points to are
  attached again when their sidecar names a consent record the library holds;
  one that holds no audio at all is removed; any other is kept and reported;
* space reserves left by a dead process are removed.

:func:`recovery_messages` says what was done, in sentences for the user.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import paths
from core.consent import ConsentRecord
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording import reserve, wavfile
from core.recording.files import call_track_path, is_call_track, sidecar_path
from core.recording.store import Marker, Recording, RecordingState

AUDIO_SUFFIXES = (".wav", ".flac", ".mp3", ".m4a", ".ogg", ".webm")
_ENDED = {RecordingState.COMPLETED.value, RecordingState.INTERRUPTED.value}


@dataclass(frozen=True)
class RecoveryReport:
    recovered: tuple[Recording, ...] = ()  # finished now: repaired, brought up to date, or attached again
    unattached: tuple[Path, ...] = ()  # audio that belongs to no recording and could not be attached: kept
    removed: int = 0  # leftovers without any audio (empty files, stale reserves)

    @property
    def kept_ms(self) -> int:
        return sum(recording.duration_ms for recording in self.recovered)

    def __bool__(self) -> bool:
        return bool(self.recovered or self.unattached)


def recover_library(library: Library) -> RecoveryReport:
    """Repair unfinished recordings and reconcile the recordings folder with the library."""
    from core.deletion import finish_pending  # deletions a crash interrupted: finished or undone first

    finish_pending(library)
    removed = reserve.remove_stale()
    recovered = recover_unfinished(library)
    attached, unattached, emptied = _reconcile_files(library)
    return RecoveryReport(tuple(recovered + attached), tuple(unattached), removed + emptied)


def recover_unfinished(library: Library) -> list[Recording]:
    """Repair recordings left unfinished by a crash; returns them, finished.

    A recording whose lock is still held belongs to a running process and is
    left alone. One that never got an audio file is removed from the library.
    """
    recovered = []
    for recording in library.recordings.unfinished():
        from core.recording.session import _release_lock, _take_lock  # the recorder's modules: not at every start

        audio = recording.path
        try:
            fd = _take_lock(audio, wait=False)
        except FileNotFoundError:  # not even its folder: nothing was recorded
            library.recordings.delete(recording.id)
            continue
        if fd is None:
            continue  # still recording in another process
        try:
            if library.recordings.get(recording.id).state is not RecordingState.RECORDING:
                continue  # finished by its own process a moment ago
            if audio.exists():
                recovered.append(_recover(library, recording, audio))
            else:
                library.recordings.delete(recording.id)
                sidecar_path(audio).unlink(missing_ok=True)
        finally:
            _release_lock(audio, fd)
    return recovered


def _closed_unexpectedly(duration_ms: int) -> Message:
    return Message("Recorder", QT_TRANSLATE_NOOP(
        "Recorder", "Furikaeri closed unexpectedly during this recording. "
                    "Everything up to {minutes} min {seconds} s was saved."),
        {"minutes": duration_ms // 60000, "seconds": duration_ms // 1000 % 60})


def _ending(side: dict[str, Any] | None) -> tuple[RecordingState, Message | None, int] | None:
    """How the sidecar says the recording ended, if it got that far."""
    details = (side or {}).get("recording") or {}
    if details.get("state") not in _ENDED:
        return None
    problem = details.get("problem_message")
    message = message_from_json_dict(problem) if isinstance(problem, dict) else None
    return RecordingState(details["state"]), message, int(details.get("dropped_frames") or 0)


def message_from_json_dict(data: dict[str, Any]) -> Message | None:
    try:
        return Message(str(data["context"]), str(data["text"]), dict(data.get("params") or {}))
    except (KeyError, TypeError, ValueError):
        return None


def _finish_from_file(library: Library, recording: Recording, audio: Path, side: dict[str, Any] | None) -> Recording:
    """Repair the audio, then record how it ended: as the sidecar says, else recovered after a crash."""
    from core.recording.session import write_sidecar
    samplerate = None
    dropped = 0
    try:
        repaired = wavfile.repair(audio)
        call = call_track_path(audio)
        if call.exists():  # the online interview's second track, cut off at the same moment
            with contextlib.suppress(FurikaeriError, OSError):
                wavfile.repair(call)
        samplerate = wavfile.probe(audio).samplerate
        duration_ms = round(repaired.duration_s * 1000)
        ending = _ending(side)
        if ending is not None:
            state, problem, dropped = ending
        else:
            state, problem = RecordingState.RECOVERED, _closed_unexpectedly(duration_ms)
    except FurikaeriError as error:
        state, duration_ms, problem = RecordingState.RECOVERED, 0, error.message
    ended_at = None
    if state is not RecordingState.RECOVERED:  # it ended then, not now
        ended_at = _when(((side or {}).get("recording") or {}).get("ended_at"))
    result = library.recordings.finish(recording.id, state, duration_ms, dropped, problem, samplerate=samplerate,
                                       ended_at=ended_at)
    write_sidecar(library, result)
    return result


def _recover(library: Library, recording: Recording, audio: Path) -> Recording:
    from core.recording.session import read_sidecar
    return _finish_from_file(library, recording, audio, read_sidecar(audio))


def _when(text: object) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


# -- files without a recording --------------------------------------------------------


def _reconcile_files(library: Library) -> tuple[list[Recording], list[Path], int]:
    root = paths.recordings_dir()
    known = library.recordings.files()
    attached: list[Recording] = []
    unattached: list[Path] = []
    emptied = 0
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for audio in sorted(folder.iterdir()):
            if (audio.name.startswith(".") or audio.suffix.lower() not in AUDIO_SUFFIXES or not audio.is_file()
                    or audio.relative_to(root).as_posix() in known or is_call_track(audio)):
                continue
            from core.recording.session import _release_lock, _take_lock

            fd = _take_lock(audio, wait=False)
            if fd is None:
                continue  # being recorded or imported right now
            try:
                outcome = _adopt(library, audio)
            finally:
                _release_lock(audio, fd)
            if isinstance(outcome, Recording):
                attached.append(outcome)
            elif outcome:
                unattached.append(audio)
            else:
                emptied += 1
    return attached, unattached, emptied


def _adopt(library: Library, audio: Path) -> Recording | bool:
    """Attach ``audio`` to the library again; False when it held nothing and was removed; True when kept as is."""
    from core.recording.session import read_sidecar
    side = read_sidecar(audio)
    consent = _consent_of(library, audio, side)
    if consent is not None and audio.suffix.lower() == ".wav":
        try:
            info = wavfile.probe(audio)
        except FurikaeriError:
            return True
        details = (side or {}).get("recording") or {}
        relative = audio.relative_to(paths.recordings_dir()).as_posix()
        recording = library.recordings.begin(consent, relative, info.samplerate, info.channels,
                                             int(details.get("consent_clip_ms") or 0),
                                             started_at=_when(details.get("started_at")))
        for marker in (side or {}).get("markers") or []:
            if isinstance(marker, dict) and isinstance(marker.get("at_ms"), int) and marker["at_ms"] >= 0:
                library.recordings.add_marker(recording.id, Marker(marker["at_ms"], str(marker.get("label", ""))))
        return _finish_from_file(library, recording, audio, side)
    if _holds_no_audio(audio):
        audio.unlink(missing_ok=True)
        sidecar_path(audio).unlink(missing_ok=True)
        return False
    return True


def _consent_of(library: Library, audio: Path, side: dict[str, Any] | None) -> ConsentRecord | None:
    """The consent record the sidecar names, if the library holds exactly that one for this folder's interview."""
    saved = (side or {}).get("consent") or {}
    consent_id = saved.get("id")
    if not isinstance(consent_id, int):
        return None
    consent = library.consent.get(consent_id)
    if consent is None or consent.hash != saved.get("hash") or str(consent.interview_id) != audio.parent.name:
        return None
    return consent if consent.allows_recording else None


def _holds_no_audio(audio: Path) -> bool:
    if os.path.getsize(audio) == 0:
        return True
    if audio.suffix.lower() != ".wav":
        return False
    try:
        return wavfile.probe(audio).available_data_bytes == 0
    except FurikaeriError:
        return False


# -- saying what was done ---------------------------------------------------------------


def format_kept(ms: int) -> str:
    """A duration as m:ss (h:mm:ss from an hour), whole seconds: 6 s is 0:06."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def recovery_messages(report: RecoveryReport) -> list[Message]:
    """What :func:`recover_library` did, one sentence each; empty when there was nothing to do."""
    messages = []
    count = len(report.recovered)
    if count == 1:
        messages.append(Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "Recovered 1 recording ({kept} kept) after an unexpected stop."),
            {"kept": format_kept(report.kept_ms)}))
    elif count > 1:
        messages.append(Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "Recovered {count} recordings ({kept} kept) after an unexpected stop."),
            {"count": count, "kept": format_kept(report.kept_ms)}))
    if len(report.unattached) == 1:
        messages.append(Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "The audio file {path} belongs to no recording in the library; it was kept as it is."),
            {"path": str(report.unattached[0])}))
    elif report.unattached:
        messages.append(Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "{count} audio files in {folder} belong to no recording in the library; "
                        "they were kept as they are."),
            {"count": len(report.unattached), "folder": str(paths.recordings_dir())}))
    return messages

