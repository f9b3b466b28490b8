"""Deleting for real: a recording, an interview, or every recording of an interview whose permission was withdrawn.

What goes with a recording: its audio, the call track beside it (``<audio>.call.wav``), its sidecar, waveform
caches and lock, its transcripts with their segments, words and speakers, and its rows in the search index.
With an interview: all its recordings, its notes and every note revision, its follow-ups and timeline, its
consent records. Withdrawal takes every recording of the interview (and its notes only when the user chooses).

Deleted text must not survive anywhere in the library's files: every connection has ``PRAGMA secure_delete``
on, the search index is merged so that its old segments go, and the write-ahead log is folded into the
database and truncated (:meth:`core.library.Library.erase_deleted`).

The consent chain stays verifiable: deleting a recording, or a withdrawal, *appends* a record to the
interview's chain (what happened, when, which recording id: never what the recording held); the records the
recordings were made under stay. A deleted interview's chain goes with it, from the database and the ledger.

First :func:`plan_recording` / :func:`plan_interview` / :func:`plan_withdrawal` say what will go (for the
confirmation, read-only); then the matching delete runs in one transaction; the files go after it commits.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core import paths
from core.consent import ConsentKind
from core.interviews import InterviewKind, utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording.files import side_files, transcript_text_path
from core.recording.store import Recording, RecordingState

if TYPE_CHECKING:
    from core.library import Library

CONTEXT = "Deletion"


class DeletionError(FurikaeriError):
    """A deletion that cannot be done as asked; the message says why (nothing was deleted)."""


class RecordingNotFoundError(DeletionError):
    """No recording has that id."""


def _m(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


@dataclass(frozen=True)
class Plan:
    """What a deletion will remove, for the confirmation that says what goes."""

    interview_id: int
    company: str
    recordings: tuple[Recording, ...]
    transcripts: int
    notes: bool  # the notes and their revisions go
    revisions: int
    followups: int  # only when the whole interview goes
    whole_interview: bool = False
    withdrawal: bool = False
    files: tuple[Path, ...] = field(default=())  # the files that exist now and will go

    def lines(self) -> list[Message]:
        """What goes, one line each (for the GUI's confirmation and the CLI's question)."""
        out = []
        if self.whole_interview:
            out.append(_m(QT_TRANSLATE_NOOP("Deletion", "The interview with {company} (no. {id})"),
                          company=self.company, id=self.interview_id))
        out += self.recording_lines()
        if self.notes:
            out.append(_m(QT_TRANSLATE_NOOP("Deletion", "The notes and their {count} earlier version(s)"),
                          count=self.revisions))
        if self.followups:
            out.append(_m(QT_TRANSLATE_NOOP("Deletion", "{count} follow-up(s) and the interview's timeline"),
                          count=self.followups))
        return out

    def recording_lines(self) -> list[Message]:
        """The recordings and transcripts that go."""
        out = [_m(QT_TRANSLATE_NOOP(
            "Deletion", "Recording no. {id} of {started} ({minutes} min): its audio, call track, waveform "
                        "and sidecar files"),
            id=recording.id, started=recording.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            minutes=round(recording.duration_ms / 60000)) for recording in self.recordings]
        if self.transcripts:
            out.append(_m(QT_TRANSLATE_NOOP("Deletion", "{count} transcript(s) with their words and search entries"),
                          count=self.transcripts))
        if not self.recordings:
            out.append(_m(QT_TRANSLATE_NOOP("Deletion", "(no recordings to delete)")))
        return out

    def kept(self) -> list[Message]:
        """What stays, said after the list."""
        if self.whole_interview:
            return [_m(QT_TRANSLATE_NOOP("Deletion", "Nothing of this interview is kept."))]
        if self.withdrawal:
            withdrawn = _m(QT_TRANSLATE_NOOP(
                "Deletion", "The consent records keep that permission was withdrawn, and when."))
            if self.notes:
                return [withdrawn]
            return [_m(QT_TRANSLATE_NOOP("Deletion", "Your notes are kept.")), withdrawn]
        return [_m(QT_TRANSLATE_NOOP(
            "Deletion", "The consent records keep that recording no. {id} was deleted, and when; "
                        "nothing of what it held."), id=self.recordings[0].id)]


@dataclass(frozen=True)
class Deleted:
    """What a deletion removed."""

    interview_id: int
    recording_ids: tuple[int, ...]
    notes: bool
    consent_record: int | None  # the record appended to the chain (None when the interview went)
    log_emptied: bool  # False: another program kept the write-ahead log open (emptied later)


def _company(library: Library, interview_id: int) -> tuple[str, InterviewKind]:
    interview = library.interviews.get(interview_id)  # NotFoundError: one sentence
    return interview.company, interview.kind


def _files(recordings: tuple[Recording, ...]) -> tuple[Path, ...]:
    every = (path for recording in recordings for path in (recording.path, *side_files(recording.path)))
    return tuple(path for path in every if path.exists())


def _recording(library: Library, recording_id: int) -> Recording:
    try:
        return library.recordings.get(recording_id)
    except KeyError:
        raise RecordingNotFoundError(_m(QT_TRANSLATE_NOOP("Deletion", "Recording {id} does not exist."),
                               id=recording_id)) from None


def _not_while_recording(recordings: tuple[Recording, ...]) -> None:
    for recording in recordings:
        if recording.state is RecordingState.RECORDING:
            raise DeletionError(_m(QT_TRANSLATE_NOOP(
                "Deletion", "Recording {id} is still being recorded: stop it first. Nothing was deleted."),
                id=recording.id))


def plan_recording(library: Library, recording_id: int) -> Plan:
    recording = _recording(library, recording_id)
    company, _ = _company(library, recording.interview_id)
    recordings = (recording,)
    return Plan(recording.interview_id, company, recordings, library.transcripts.count_for_recording(recording_id),
                notes=False, revisions=0, followups=0, files=_files(recordings))


def plan_withdrawal(library: Library, interview_id: int, with_notes: bool = False) -> Plan:
    company, kind = _company(library, interview_id)
    if kind is not InterviewKind.REAL:
        raise DeletionError(_m(QT_TRANSLATE_NOOP(
            "Deletion", "Interview {id} is a practice interview: there is no interviewer's permission to "
                        "withdraw. Delete its recordings one by one instead."), id=interview_id))
    recordings = tuple(library.recordings.for_interview(interview_id))
    transcripts = sum(library.transcripts.count_for_recording(r.id) for r in recordings)
    revisions = len(library.notes.revisions(interview_id)) if with_notes else 0
    notes = with_notes and bool(library.notes.get(interview_id) or revisions)
    return Plan(interview_id, company, recordings, transcripts, notes=notes, revisions=revisions, followups=0,
                withdrawal=True, files=_files(recordings))


def plan_interview(library: Library, interview_id: int) -> Plan:
    company, _ = _company(library, interview_id)
    recordings = tuple(library.recordings.for_interview(interview_id))
    transcripts = sum(library.transcripts.count_for_recording(r.id) for r in recordings)
    revisions = len(library.notes.revisions(interview_id))
    return Plan(interview_id, company, recordings, transcripts,
                notes=bool(library.notes.get(interview_id) or revisions), revisions=revisions,
                followups=len(library.followups.for_interview(interview_id)), whole_interview=True,
                files=_files(recordings))


# -- the files: set aside before the transaction, removed after it commits ---------------------------------
# A file still in place after a crash would be attached again at the next start (core.recording.recovery adopts
# audio whose sidecar names a saved permission). So each file is first renamed to a hidden name; the
# transaction commits or not; then the hidden files go, or come back. At start-up, :func:`finish_pending`
# completes what a crash interrupted: the row gone, the deletion committed (remove); the row there, it did not
# (put back).
PENDING_PREFIX = ".deleting-"


def _every_file(recording: Recording) -> tuple[Path, ...]:
    return (recording.path, *side_files(recording.path))


def _set_aside(recordings: tuple[Recording, ...],
               files: Callable[[Recording], tuple[Path, ...]] = _every_file) -> list[tuple[Path, Path]]:
    moved: list[tuple[Path, Path]] = []
    try:
        for recording in recordings:
            for path in files(recording):
                if path.exists():
                    hidden = path.with_name(PENDING_PREFIX + path.name)
                    os.replace(path, hidden)
                    moved.append((path, hidden))
    except OSError as error:
        _put_back(moved)
        raise DeletionError(_m(QT_TRANSLATE_NOOP(
            "Deletion", "The recording's files could not be deleted ({detail}). Nothing was deleted."),
            detail=error.strerror or str(error))) from error
    return moved


def _put_back(moved: list[tuple[Path, Path]]) -> None:
    for original, hidden in reversed(moved):
        with contextlib.suppress(OSError):
            os.replace(hidden, original)


def _remove(moved: list[tuple[Path, Path]], interview_ids: set[int]) -> None:
    for _, hidden in moved:
        with contextlib.suppress(FileNotFoundError):
            hidden.unlink()
    for interview_id in interview_ids:
        folder = paths.recordings_dir() / str(interview_id)
        with contextlib.suppress(OSError):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def finish_pending(library: Library) -> int:
    """Complete deletions a crash interrupted (run at start-up, before recovery); returns how many files went."""
    root = paths.recordings_dir()
    known = library.recordings.files(with_audio=True)  # a recording whose audio went keeps its row, not its files
    removed = 0
    for hidden in sorted(root.glob(f"*/{PENDING_PREFIX}*")):
        name = hidden.name.removeprefix(PENDING_PREFIX)
        folder = hidden.parent.name
        owned = any(f"{folder}/{name}" == file or f"{folder}/{name}".startswith(file + ".") for file in known)
        try:
            if owned:  # the deletion did not commit: the recording is still in the library
                os.replace(hidden, hidden.with_name(name))
            else:
                hidden.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _checked_recording(library: Library, recording_id: int, unless_kept: bool = False) -> Recording:
    recording = _recording(library, recording_id)
    _not_while_recording((recording,))
    if unless_kept and recording.keep:
        raise DeletionError(_m(QT_TRANSLATE_NOOP(
            "Deletion", "Recording {id} is marked to keep. Nothing was deleted."), id=recording_id))
    return recording


def delete_recording(library: Library, recording_id: int, unless_kept: bool = False) -> Deleted:
    """One recording with its files, transcripts and search entries; a deletion record joins the consent chain.
    ``unless_kept`` (automatic deletion, core.retention): a recording marked to keep is refused."""
    recording = _checked_recording(library, recording_id, unless_kept)
    moved = _set_aside((recording,))
    try:
        with library.transaction():
            recording = _checked_recording(library, recording_id, unless_kept)  # as it is now, under the lock
            library.recordings.delete(recording_id)  # the database cascades to transcripts, words, markers, speakers
            record = library.consent.add_event(recording.interview_id, ConsentKind.DELETION, recording_id)
            library.search.sync()  # its search entries go in the same transaction
    except BaseException:
        _put_back(moved)
        raise
    _remove(moved, {recording.interview_id})
    emptied = library.erase_deleted()
    return Deleted(recording.interview_id, (recording_id,), False, record.id, emptied)


def audio_files(recording: Recording) -> tuple[Path, ...]:
    """What :func:`delete_audio` removes: the audio, the call track, the sidecar and waveform caches (not the
    transcript's text file: the transcript stays)."""
    keep = transcript_text_path(recording.path)
    return tuple(path for path in (recording.path, *side_files(recording.path)) if path != keep)


def delete_audio(library: Library, recording_id: int, unless_kept: bool = False) -> Deleted:
    """Only the recording's audio files (see :func:`audio_files`); its row, transcripts, practice answers and
    metrics stay. A deletion record joins the consent chain as for a whole recording."""
    recording = _checked_recording(library, recording_id, unless_kept)
    if not recording.has_audio:
        return Deleted(recording.interview_id, (), False, None, True)
    moved = _set_aside((recording,), audio_files)
    try:
        with library.transaction():
            recording = _checked_recording(library, recording_id, unless_kept)  # as it is now, under the lock
            library.recordings.mark_audio_deleted(recording_id, utc_now())
            record = library.consent.add_event(recording.interview_id, ConsentKind.DELETION, recording_id)
    except BaseException:
        _put_back(moved)
        raise
    _remove(moved, set())
    return Deleted(recording.interview_id, (recording_id,), False, record.id, True)


def withdraw_permission(library: Library, interview_id: int, with_notes: bool = False) -> Deleted:
    """Permission withdrawn: every recording of the interview goes (and its notes when asked); the withdrawal
    joins the consent chain."""
    plan = plan_withdrawal(library, interview_id, with_notes)
    _not_while_recording(plan.recordings)
    moved = _set_aside(plan.recordings)
    try:
        with library.transaction():
            plan = plan_withdrawal(library, interview_id, with_notes)  # as it is now, under the write lock
            _not_while_recording(plan.recordings)
            for recording in plan.recordings:
                library.recordings.delete(recording.id)
            if with_notes:
                library.notes.erase(interview_id)
            record = library.consent.add_event(interview_id, ConsentKind.WITHDRAWN)
            library.search.sync()
    except BaseException:
        _put_back(moved)
        raise
    _remove(moved, {interview_id})
    emptied = library.erase_deleted()
    return Deleted(interview_id, tuple(r.id for r in plan.recordings), with_notes, record.id, emptied)


def delete_interview(library: Library, interview_id: int) -> Deleted:
    """The whole interview (see :meth:`core.library.Library.delete_interview`), leaving no trace of its text."""
    library.interviews.get(interview_id)  # NotFoundError: one sentence, nothing set aside
    recordings = tuple(library.recordings.for_interview(interview_id))
    _not_while_recording(recordings)
    moved = _set_aside(recordings)
    try:
        emptied = library.delete_interview(interview_id)  # erases what was deleted from the database's files too
    except BaseException:
        if library.recordings.for_interview(interview_id):  # not deleted: everything comes back
            _put_back(moved)
        else:
            _remove(moved, {interview_id})
        raise
    _remove(moved, {interview_id})
    return Deleted(interview_id, tuple(r.id for r in recordings), True, None, emptied)
