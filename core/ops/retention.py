"""Retention (core.retention) as operations: the GUI and ``main.py retention`` call these."""

from __future__ import annotations

from datetime import datetime

from core import retention
from core.library import Library
from core.ops.changes import NOTHING, Changes, Result
from core.recording.store import Recording
from core.retention import Due, Policy, Report


def set_keep(library: Library, recording_id: int, keep: bool) -> Result[Recording]:
    """Mark a recording to keep (never deleted automatically), or not."""
    with library.transaction():
        library.recordings.set_keep(recording_id, keep)
        recording = library.recordings.get(recording_id)
    return Result(recording, Changes(recordings=frozenset({recording.interview_id})))


def announce(library: Library, policy: Policy, now: datetime) -> Result[list[Due]]:
    """The notices due now, recorded as shown (call it when they are shown to the user)."""
    shown = retention.announce(library, policy, now)
    return Result(shown, Changes(recordings=frozenset(due.interview.stored_id for due in shown)) if shown
                  else NOTHING)


def run(library: Library, policy: Policy, now: datetime, dry_run: bool = False) -> Result[Report]:
    """Delete what the settings say is due and was announced long enough ago (``dry_run``: only say what)."""
    report = retention.run(library, policy, now, dry_run)
    if dry_run or not report.deleted:
        return Result(report)
    interviews = frozenset(due.interview.stored_id for due in report.deleted)
    gone = frozenset(due.recording.id for due in report.deleted if not due.audio_only)  # rows and transcripts
    return Result(report, Changes(recordings=interviews, consent=interviews, transcripts=gone,
                                  deleted_recordings=gone))
