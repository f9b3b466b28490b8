"""Tracker operations: saving interviews, their status, follow-ups, messages and missed calls.

Each runs in one transaction through the tracker (which applies the follow-up
rules and writes the timeline) and reports what it changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.interviews import Interview, Status
from core.library import Library
from core.ops.changes import Changes, Result
from core.tracker.followups import FollowUp
from core.tracker.kinds import MessageKind
from core.tracker.withdraw import Reason, status_after

Now = datetime | None


def save_interview(library: Library, interview: Interview, now: Now = None) -> Result[Interview]:
    """Add (no id) or update an interview; follow-ups and timeline follow the rules."""
    saved = library.tracker.save(interview, now)
    assert saved.id is not None
    return Result(saved, Changes.of_interview(saved.id))


def set_status(library: Library, interview_id: int, status: Status, now: Now = None) -> Result[Interview]:
    """Change only the status of the interview as it is stored now."""
    with library.transaction():
        current = library.interviews.get(interview_id)
        saved = library.tracker.save(replace(current, status=status), now)
    return Result(saved, Changes.of_interview(interview_id))


def withdraw(library: Library, interview_id: int, reason: Reason, now: Now = None) -> Result[Interview]:
    """The user cancelled this interview or declined the selection: the status says so."""
    return set_status(library, interview_id, status_after(reason), now)


def _task_changes(task: FollowUp) -> Changes:
    ids = frozenset({task.interview_id})
    return Changes(followups=ids, events=ids)


def complete_task(library: Library, task_id: int, now: Now = None) -> Result[FollowUp]:
    task = library.followups.complete(task_id, now)
    return Result(task, _task_changes(task))


def dismiss_task(library: Library, task_id: int, now: Now = None) -> Result[FollowUp]:
    task = library.followups.dismiss(task_id, now)
    return Result(task, _task_changes(task))


def snooze_task(library: Library, task_id: int, until: datetime, now: Now = None) -> Result[FollowUp]:
    task = library.followups.snooze(task_id, until, now)
    return Result(task, _task_changes(task))


def call_unanswered(library: Library, task_id: int, now: Now = None) -> Result[FollowUp]:
    """Nobody answered the call-back: try again later in a calling window (after two tries, write)."""
    task = library.followups.call_unanswered(task_id, now)
    return Result(task, _task_changes(task))


def record_message(library: Library, interview_id: int, kind: MessageKind, sent: bool,
                   now: Now = None) -> Result[None]:
    """A message was prepared (copied) or sent (opened in the mail program): the timeline notes it."""
    library.tracker.record_message(interview_id, kind, sent=sent, at=now)
    return Result(None, Changes(events=frozenset({interview_id})))


def missed_call(library: Library, interview_id: int, missed_at: datetime, now: Now = None) -> Result[FollowUp]:
    """'I missed their call': a call-back planned for a suitable time, on the timeline."""
    task = library.tracker.missed_call(interview_id, missed_at, now)
    return Result(task, _task_changes(task))


def heard_from_company(library: Library, interview_id: int, note: str = "", now: Now = None) -> Result[None]:
    library.tracker.heard_from_company(interview_id, note, now)
    return Result(None, Changes(events=frozenset({interview_id}), followups=frozenset({interview_id})))
