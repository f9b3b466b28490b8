"""The tracker: the one place that saves an interview and applies the follow-up rules.

On every save it compares the interview with what was stored and

* writes timeline events: created, scheduled / rescheduled / unscheduled,
  status changes;
* keeps the automatic follow-ups in step with the status (real interviews
  only; mock practice has no one to thank):

  ========================  ==================================================
  status                    follow-ups
  ========================  ==================================================
  done, waiting             thank-you mail (once), ask about the result after
                            seven days without news
  offer                     check the written terms of employment
  passed                    (the result arrived: asking about it closes)
  no-show                   apologise at once
  rejected, declined,       every open follow-up closes
  cancelled
  scheduled (again)         thank-you, result and terms close
  ========================  ==================================================

  A follow-up the user finished or dismissed is never created again; one the
  tracker closed re-opens if the status comes back.  When the interview
  moves, open follow-ups computed from its time move with it.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from core.interviews import Interview, InterviewKind, Status, local_time, utc_now
from core.storage.transaction import transaction
from core.tracker import rules
from core.tracker.events import Event, EventKind, when_text
from core.tracker.followups import FollowUp, TaskState
from core.tracker.kinds import MessageKind, TaskKind

if TYPE_CHECKING:
    from core.library import Library

# Which automatic follow-ups each status asks for, and which it makes moot.
_CREATES: dict[Status, tuple[TaskKind, ...]] = {
    Status.DONE: (TaskKind.THANK_YOU, TaskKind.ASK_RESULT),
    Status.WAITING: (TaskKind.THANK_YOU, TaskKind.ASK_RESULT),
    Status.OFFER: (TaskKind.CONFIRM_TERMS,),
    Status.NO_SHOW: (TaskKind.APOLOGISE,),
}
_AUTOMATIC = {TaskKind.THANK_YOU, TaskKind.ASK_RESULT, TaskKind.CONFIRM_TERMS, TaskKind.APOLOGISE}
_ALL = set(TaskKind)
_CLOSES: dict[Status, set[TaskKind]] = {
    Status.SCHEDULED: {TaskKind.THANK_YOU, TaskKind.ASK_RESULT, TaskKind.CONFIRM_TERMS, TaskKind.APOLOGISE},
    Status.DONE: {TaskKind.CONFIRM_TERMS, TaskKind.APOLOGISE},
    Status.WAITING: {TaskKind.CONFIRM_TERMS, TaskKind.APOLOGISE},
    Status.PASSED: {TaskKind.ASK_RESULT, TaskKind.CONFIRM_TERMS, TaskKind.APOLOGISE},
    Status.OFFER: {TaskKind.ASK_RESULT, TaskKind.APOLOGISE},
    Status.NO_SHOW: {TaskKind.THANK_YOU, TaskKind.ASK_RESULT, TaskKind.CONFIRM_TERMS},
    Status.REJECTED: _ALL,
    Status.DECLINED: _ALL,
    Status.CANCELLED: _ALL,
}


def local_zone(interview: Interview) -> tzinfo | None:
    """The interview's own offset, or this computer's zone when it has no date."""
    if interview.starts_at is not None:
        return local_time(interview.starts_at).tzinfo
    return datetime.now().astimezone().tzinfo


class Tracker:
    """Saves interviews through the library and keeps follow-ups and timeline in step."""

    def __init__(self, library: Library, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._lib = library
        self._conn = conn
        self._lock = lock

    def save(self, interview: Interview, now: datetime | None = None) -> Interview:
        """Add (no id) or update the interview; returns it as stored.

        The interview, its follow-ups and its timeline change together or not at all.
        """
        now = now or utc_now()
        with transaction(self._conn, self._lock):
            return self._save(interview, now)

    def _save(self, interview: Interview, now: datetime) -> Interview:
        before = self._lib.interviews.get(interview.id) if interview.id is not None else None
        saved = self._lib.interviews.update(interview) if before else self._lib.interviews.add(interview)
        interview_id = saved.id
        assert interview_id is not None  # add() and update() return the stored row
        events = self._lib.events
        if before is None:
            events.add(interview_id, EventKind.CREATED, now)
            if saved.starts_at:
                events.add(interview_id, EventKind.SCHEDULED, now, when=when_text(saved.starts_at))
            if saved.status is not Status.SCHEDULED:
                events.add(interview_id, EventKind.STATUS, now, status=saved.status.value)
        else:
            old, new = before.starts_at, saved.starts_at
            if old is not None and new is None:
                events.add(interview_id, EventKind.UNSCHEDULED, now, before=when_text(old))
            elif old is None and new is not None:
                events.add(interview_id, EventKind.SCHEDULED, now, when=when_text(new))
            elif old is not None and new is not None and old != new:
                events.add(interview_id, EventKind.RESCHEDULED, now, before=when_text(old), when=when_text(new))
            if before.status is not saved.status:
                events.add(interview_id, EventKind.STATUS, now, status=saved.status.value)
        self._apply_rules(saved, before, now)
        return saved

    def timeline(self, company: str) -> list[Event]:
        """Everything that happened with this company, oldest first."""
        return self._lib.events.for_company(company)

    def record_message(self, interview_id: int, kind: MessageKind, sent: bool = False,
                       at: datetime | None = None) -> Event:
        """Note on the timeline that a message was prepared (copied) or sent (opened in the mail client)."""
        event = EventKind.MESSAGE_SENT if sent else EventKind.MESSAGE_PREPARED
        return self._lib.events.add(interview_id, event, at, message=kind.value)

    def heard_from_company(self, interview_id: int, note: str = "", at: datetime | None = None) -> Event:
        """The company was in touch (without a result yet): the timeline notes it, and the seven days of
        silence before asking about the result start again from now."""
        at = at or utc_now()
        with transaction(self._conn, self._lock):
            interview = self._lib.interviews.get(interview_id)
            event = self._lib.events.add(interview_id, EventKind.NEWS, at, note=note.strip() or "—")
            for task in self._lib.followups.for_interview(interview_id):
                if task.kind is TaskKind.ASK_RESULT and task.is_open:
                    assert task.id is not None  # read from the library
                    local = at.astimezone(local_zone(interview))
                    self._lib.followups.reschedule(task.id, rules.ask_result_due(local))
        return event

    def missed_call(self, interview_id: int, missed_at: datetime, now: datetime | None = None) -> FollowUp:
        """'I missed their call': see :meth:`core.tracker.followups.FollowUpStore.missed_call`."""
        return self._lib.followups.missed_call(interview_id, missed_at, now)

    # -- rules -------------------------------------------------------------------------------------------

    def _apply_rules(self, interview: Interview, before: Interview | None, now: datetime) -> None:
        interview_id = interview.id
        assert interview_id is not None  # just saved
        store = self._lib.followups
        if interview.kind is not InterviewKind.REAL:
            if before is not None and before.kind is InterviewKind.REAL:  # turned into practice: nothing to send
                store.close_open(interview_id, _AUTOMATIC, now)
            return
        status_changed = before is None or before.status is not interview.status or before.kind is not interview.kind
        moved = before is not None and before.starts_at != interview.starts_at
        tasks = {task.kind: task for task in store.for_interview(interview_id) if task.kind in _AUTOMATIC}
        if status_changed:
            store.close_open(interview_id, _CLOSES[interview.status], now)
            for kind in _CREATES.get(interview.status, ()):
                task = tasks.get(kind)
                due = self._due(kind, interview, now)
                if task is None:
                    store.add(interview_id, kind, due, now=now)
                elif task.state is TaskState.CLOSED:
                    assert task.id is not None  # read from the library
                    store.reopen(task.id)
                    store.reschedule(task.id, due)
        if moved:
            current = {task.kind: task for task in store.for_interview(interview_id)}
            for kind in (TaskKind.THANK_YOU, TaskKind.ASK_RESULT):
                task = current.get(kind)
                if task is not None and task.is_open:
                    assert task.id is not None  # read from the library
                    store.reschedule(task.id, self._due(kind, interview, now))

    @staticmethod
    def _due(kind: TaskKind, interview: Interview, now: datetime) -> datetime:
        zone = local_zone(interview)
        local_now = now.astimezone(zone)
        ended = interview.ends_at.astimezone(zone) if interview.ends_at else None
        # Marked done before its planned end (or without a date): it ended now.
        ended = local_now if ended is None or ended > local_now else ended
        if kind is TaskKind.THANK_YOU:
            return rules.thank_you_due(ended)
        if kind is TaskKind.ASK_RESULT:
            return rules.ask_result_due(ended)
        if kind is TaskKind.CONFIRM_TERMS:
            return rules.confirm_terms_due(local_now)
        return rules.apology_due(local_now)
