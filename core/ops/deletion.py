"""Deleting recordings for real, and a withdrawn permission (core.deletion); the GUI and the CLI call these.

A whole interview goes with :func:`core.ops.interviews.delete_interview`.
"""

from __future__ import annotations

from core import deletion
from core.deletion import Deleted
from core.library import Library
from core.ops.changes import NOTHING, Changes, Result


def delete_recording(library: Library, recording_id: int) -> Result[Deleted]:
    """One recording with its files, transcripts and search entries; the consent chain records the deletion."""
    done = deletion.delete_recording(library, recording_id)
    ids = frozenset({done.interview_id})
    gone = frozenset(done.recording_ids)
    return Result(done, Changes(recordings=ids, consent=ids, transcripts=gone, deleted_recordings=gone))


def withdraw_permission(library: Library, interview_id: int, with_notes: bool = False) -> Result[Deleted]:
    """Every recording and transcript of the interview (its notes too when ``with_notes``); the consent chain
    records the withdrawal."""
    done = deletion.withdraw_permission(library, interview_id, with_notes)
    ids = frozenset({interview_id})
    gone = frozenset(done.recording_ids)
    changes = Changes(recordings=ids, consent=ids, transcripts=gone, deleted_recordings=gone)
    return Result(done, changes | (Changes(notes=ids) if with_notes else NOTHING))

