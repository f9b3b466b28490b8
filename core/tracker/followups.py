"""Follow-up tasks: what the candidate has to do after an interview, and by when.

The tracker (:mod:`core.tracker.tracker`) creates and closes the automatic
ones from the interview's status; :meth:`FollowUpStore.missed_call` adds the
on-demand call-back.  The store changes their state (done, snoozed,
dismissed) and answers what is upcoming and what is due for a notification.

Times are aware datetimes in the interview's local offset.  A snoozed task is
due again at ``snoozed_until`` (its *effective due*); a missed call can only
be snoozed into a calling window.
"""

from __future__ import annotations

import enum
import sqlite3
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from core.interviews import local_time, utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.storage.transaction import transaction
from core.tracker import rules
from core.tracker.events import EventKind, EventLog, when_text
from core.tracker.kinds import MessageKind, TaskKind, task_title

_CONTEXT = "FollowUps"


class TaskState(enum.Enum):
    OPEN = "open"
    DONE = "done"  # done by the user
    DISMISSED = "dismissed"  # the user decided it is not needed
    CLOSED = "closed"  # closed by the tracker: the interview's status made it moot


_HINTS = {
    TaskKind.THANK_YOU: QT_TRANSLATE_NOOP(
        "FollowUps", "Short and sincere: thank them for their time, mention one thing from the conversation, "
        "and say you look forward to hearing from them."),
    TaskKind.CONFIRM_TERMS: QT_TRANSLATE_NOOP(
        "FollowUps", "Before you accept, ask for the written notice of employment terms (労働条件通知書) and "
        "compare pay, hours, place and duties with what you were told. Ask the recruiter about any difference."),
    TaskKind.ASK_RESULT: QT_TRANSLATE_NOOP(
        "FollowUps", "A week has passed without news. A polite, short enquiry is fine; if they named a date, "
        "wait until it has passed."),
    TaskKind.MISSED_CALL: QT_TRANSLATE_NOOP(
        "FollowUps", "Prepare before you call: a brief apology, the reason in one sentence, how they can reach "
        "you from now on, and that you still want to continue. Call once; do not call again and again."),
    TaskKind.MISSED_CALL_MAIL: QT_TRANSLATE_NOOP(
        "FollowUps", "Confirm in writing what you discussed on the phone, and how to reach you."),
    TaskKind.APOLOGISE: QT_TRANSLATE_NOOP(
        "FollowUps", "Contact them as soon as possible even though the time has passed: call first, then a "
        "mail. Apologise plainly, without excuses. Through an agent, tell the agent."),
}

_TEMPLATES = {
    TaskKind.THANK_YOU: MessageKind.THANK_YOU,
    TaskKind.CONFIRM_TERMS: MessageKind.REQUEST_TERMS_MAIL,
    TaskKind.ASK_RESULT: MessageKind.ASK_RESULT_MAIL,
    TaskKind.MISSED_CALL: MessageKind.MISSED_CALL_SCRIPT,
    TaskKind.MISSED_CALL_MAIL: MessageKind.MISSED_CALL_MAIL,
    TaskKind.APOLOGISE: MessageKind.NO_SHOW_APOLOGY,
}


class TaskError(FurikaeriError):
    """A follow-up change that cannot be made; the message says why."""


@dataclass(frozen=True)
class FollowUp:
    interview_id: int
    kind: TaskKind
    due_at: datetime  # aware, in the interview's local offset
    state: TaskState = TaskState.OPEN
    snoozed_until: datetime | None = None
    created_at: datetime | None = None
    done_at: datetime | None = None  # done, dismissed or closed at
    note: str = ""
    window_end: datetime | None = None  # missed calls: the calling window ends here
    count: int = 1  # missed calls folded into this task
    attempts: int = 0  # call-backs tried without reaching anyone
    missed_at: datetime | None = None  # missed calls: when the company called
    notified_at: datetime | None = None
    company: str = ""  # of its interview, for titles
    id: int | None = None

    @property
    def stored_id(self) -> int:
        """The id of a follow-up read from or saved to the library (``ValueError`` for one not saved yet)."""
        if self.id is None:
            raise ValueError("this follow-up has not been saved yet")
        return self.id

    @property
    def effective_due(self) -> datetime:
        return self.snoozed_until or self.due_at

    @property
    def is_open(self) -> bool:
        return self.state is TaskState.OPEN

    def title(self) -> Message:
        if self.kind is TaskKind.MISSED_CALL and self.count > 1:
            return Message(_CONTEXT, QT_TRANSLATE_NOOP("FollowUps", "Call {company} back ({count} missed calls)"),
                           {"company": self.company, "count": self.count})
        return task_title(self.kind, self.company)

    def hint(self) -> Message:
        """What to keep in mind while doing it."""
        if self.kind is TaskKind.MISSED_CALL and self.attempts >= 2:
            return Message(_CONTEXT, QT_TRANSLATE_NOOP(
                "FollowUps", "You have tried {attempts} times: rather than calling again, send a short mail "
                "with your apology and the times you can be reached."), {"attempts": self.attempts})
        return Message(_CONTEXT, _HINTS[self.kind])

    @property
    def suggests_mail(self) -> bool:
        """A call-back tried twice without success: write instead (the MISSED_CALL_MAIL template)."""
        return self.kind is TaskKind.MISSED_CALL and self.attempts >= 2

    @property
    def template(self) -> MessageKind | None:
        """The message template that helps with this task (a call-back tried twice: the mail)."""
        if self.suggests_mail:
            return MessageKind.MISSED_CALL_MAIL
        return _TEMPLATES.get(self.kind)

    def template_values(self) -> dict[str, datetime]:
        """Extra values for :func:`core.tracker.messages.render` that the task knows (a missed call's time)."""
        return {"missed_time": self.missed_at} if self.missed_at else {}


def _text(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_SELECT = "SELECT f.*, i.company FROM followups f JOIN interviews i ON i.id = f.interview_id"


def _from_row(row: sqlite3.Row) -> FollowUp:
    return FollowUp(
        id=row["id"], interview_id=row["interview_id"], kind=TaskKind(row["kind"]),
        due_at=datetime.fromisoformat(row["due_at"]),
        state=TaskState(row["state"]), snoozed_until=_time(row["snoozed_until"]),
        created_at=_time(row["created_at"]), done_at=_time(row["done_at"]), note=row["note"],
        window_end=_time(row["window_end"]), count=row["count"], attempts=row["attempts"],
        missed_at=_time(row["missed_at"]), notified_at=_time(row["notified_at"]),
        company=row["company"],
    )


class FollowUpStore:
    """Follow-up tasks in the library; state changes are written to the company's timeline."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock, events: EventLog) -> None:
        self._conn = conn
        self._lock = lock
        self._events = events

    # -- reading -----------------------------------------------------------------------------------------

    def get(self, task_id: int) -> FollowUp:
        with self._lock:
            row = self._conn.execute(_SELECT + " WHERE f.id = ?", (task_id,)).fetchone()
        if row is None:
            raise TaskError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
                "FollowUps", "Follow-up {id} no longer exists."), {"id": task_id}))
        return _from_row(row)

    def for_interview(self, interview_id: int) -> list[FollowUp]:
        """Every follow-up of one interview, whatever its state, in order of creation."""
        with self._lock:
            rows = self._conn.execute(_SELECT + " WHERE f.interview_id = ? ORDER BY f.id", (interview_id,)).fetchall()
        return [_from_row(row) for row in rows]

    def open_tasks(self) -> list[FollowUp]:
        """Every open follow-up, the most urgent first."""
        with self._lock:
            rows = self._conn.execute(_SELECT + " WHERE f.state = 'open'").fetchall()
        return sorted((_from_row(row) for row in rows), key=lambda t: (t.effective_due, t.id))

    def upcoming(self, now: datetime | None = None, horizon: timedelta | None = None) -> list[FollowUp]:
        """Open follow-ups by effective due time, overdue ones included; ``horizon`` limits how far ahead."""
        tasks = self.open_tasks()
        if horizon is None:
            return tasks
        limit = (now or utc_now()) + horizon
        return [task for task in tasks if task.effective_due <= limit]

    def due(self, now: datetime | None = None) -> list[FollowUp]:
        """Open follow-ups whose effective due time has come and that have not been notified since."""
        now = now or utc_now()
        return [task for task in self.open_tasks()
                if task.effective_due <= now
                and (task.notified_at is None or task.notified_at < task.effective_due)]

    def mark_notified(self, task_id: int, at: datetime | None = None) -> None:
        """Remember that a notification was shown, so that :meth:`due` does not repeat it."""
        self._set(task_id, notified_at=_text(at or utc_now()))

    def take_due(self, now: datetime | None = None) -> list[FollowUp]:
        """:meth:`due`, marking each as notified: what a notifier should show now."""
        now = now or utc_now()
        tasks = self.due(now)
        for task in tasks:
            assert task.id is not None  # read from the library
            self.mark_notified(task.id, now)
        return tasks

    # -- changing ----------------------------------------------------------------------------------------

    def add(self, interview_id: int, kind: TaskKind, due_at: datetime, note: str = "",
            window_end: datetime | None = None, now: datetime | None = None,
            missed_at: datetime | None = None) -> FollowUp:
        if due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        now = now or utc_now()
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO followups (interview_id, kind, due_at, state, created_at, note, window_end, missed_at)"
                " VALUES (?, ?, ?, 'open', ?, ?, ?, ?)",
                (interview_id, kind.value, _text(due_at), _text(now), note, _text(window_end), _text(missed_at)),
            )
        assert cursor.lastrowid is not None  # set by every INSERT
        return self.get(cursor.lastrowid)

    def complete(self, task_id: int, at: datetime | None = None) -> FollowUp:
        """Mark done.  A returned call adds its written follow-up (not when a mail replaced the call)."""
        at = at or utc_now()
        with transaction(self._conn, self._lock):
            task = self._change_state(task_id, TaskState.DONE, at)
            self._events.add(task.interview_id, EventKind.TASK_DONE, at, task=task.kind.value)
            if task.kind is TaskKind.MISSED_CALL and not task.suggests_mail:
                local = at.astimezone(task.due_at.tzinfo)
                self.add(task.interview_id, TaskKind.MISSED_CALL_MAIL, rules.written_followup_due(local), now=at,
                         missed_at=task.missed_at)
        return self.get(task_id)

    def dismiss(self, task_id: int, at: datetime | None = None) -> FollowUp:
        at = at or utc_now()
        with transaction(self._conn, self._lock):
            task = self._change_state(task_id, TaskState.DISMISSED, at)
            self._events.add(task.interview_id, EventKind.TASK_DISMISSED, at, task=task.kind.value)
        return task

    def reopen(self, task_id: int) -> FollowUp:
        """Undo done or dismissed: open again with its due time (a past due time is due at once)."""
        self.get(task_id)
        self._set(task_id, state=TaskState.OPEN.value, done_at=None, notified_at=None)
        return self.get(task_id)

    def snooze(self, task_id: int, until: datetime, now: datetime | None = None) -> FollowUp:
        """Remind again at ``until`` (a missed call: the first calling window from then)."""
        if until.tzinfo is None:
            raise ValueError("until must be timezone-aware")
        now = now or utc_now()
        task = self.get(task_id)
        if not task.is_open:
            raise self._not_open(task)
        if until <= now:
            raise TaskError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
                "FollowUps", "Choose a time in the future to be reminded again.")))
        until = until.astimezone(task.due_at.tzinfo)
        if task.kind is TaskKind.MISSED_CALL:
            until, window_end = rules.missed_call_window(until)
            self._set(task_id, window_end=_text(window_end))
        self._set(task_id, snoozed_until=_text(until), notified_at=None)
        return self.get(task_id)

    def snooze_choices(self, task: FollowUp, now: datetime | None = None) -> list[datetime]:
        """Sensible snooze times: in an hour, three hours, and the next business morning (calls: next windows)."""
        local = (now or utc_now()).astimezone(task.due_at.tzinfo).replace(second=0, microsecond=0)
        if task.kind is TaskKind.MISSED_CALL:
            first = rules.missed_call_window(local + timedelta(hours=1))[0]
            second = rules.missed_call_window(rules.next_business_morning(local, rules.CALL_SPANS[0][0]))[0]
            return sorted({first, second})
        return sorted({local + timedelta(hours=1), local + timedelta(hours=3), rules.next_business_morning(local)})

    def missed_call(self, interview_id: int, missed_at: datetime, now: datetime | None = None) -> FollowUp:
        """'I missed their call': one call-back task in the next calling window.

        Another missed call while one is open is folded into it (``count``),
        so that the user calls back once rather than piling up calls.
        """
        if missed_at.tzinfo is None:
            raise ValueError("missed_at must be timezone-aware")
        missed_at = local_time(missed_at)
        now = now or utc_now()
        start, end = rules.missed_call_window(max(missed_at, now.astimezone(missed_at.tzinfo)))
        with transaction(self._conn, self._lock):
            self._events.add(interview_id, EventKind.MISSED_CALL, now, when=when_text(missed_at))
            for task in self.for_interview(interview_id):
                if task.kind is TaskKind.MISSED_CALL and task.is_open:
                    assert task.id is not None  # read from the library
                    self._conn.execute("UPDATE followups SET count = count + 1 WHERE id = ?", (task.id,))
                    return self.get(task.id)
            return self.add(interview_id, TaskKind.MISSED_CALL, start, window_end=end, now=now,
                            missed_at=missed_at)

    def call_unanswered(self, task_id: int, tried_at: datetime | None = None) -> FollowUp:
        """A call-back that nobody answered: due again in the calling window two hours later at the earliest.

        ``attempts`` counts the tries; after two, the hint suggests writing instead of calling again.
        """
        task = self.get(task_id)
        if task.kind is not TaskKind.MISSED_CALL:
            raise ValueError("only a call-back can be unanswered")
        if not task.is_open:
            raise self._not_open(task)
        tried_at = (tried_at or utc_now()).astimezone(task.due_at.tzinfo)
        start, end = rules.next_call_attempt(tried_at)
        self._set(task_id, snoozed_until=_text(start), window_end=_text(end), notified_at=None,
                  attempts=task.attempts + 1)
        return self.get(task_id)

    def close_open(self, interview_id: int, kinds: set[TaskKind], at: datetime | None = None) -> list[FollowUp]:
        """Close (state CLOSED) this interview's open follow-ups of these kinds: they no longer apply."""
        at = at or utc_now()
        closed: list[FollowUp] = []
        for task in self.for_interview(interview_id):
            if task.is_open and task.kind in kinds:
                assert task.id is not None  # read from the library
                closed.append(self._change_state(task.id, TaskState.CLOSED, at))
        return closed

    def reschedule(self, task_id: int, due_at: datetime) -> FollowUp:
        """A new due time from the rules (the interview moved); a snooze is cleared."""
        self._set(task_id, due_at=_text(due_at), snoozed_until=None, notified_at=None)
        return self.get(task_id)

    # -- internals ---------------------------------------------------------------------------------------

    def _change_state(self, task_id: int, state: TaskState, at: datetime) -> FollowUp:
        task = self.get(task_id)
        if not task.is_open:
            raise self._not_open(task)
        self._set(task_id, state=state.value, done_at=_text(at))
        return replace(task, state=state, done_at=at)

    def _set(self, task_id: int, **columns: object) -> None:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        with self._lock:
            cursor = self._conn.execute(f"UPDATE followups SET {assignments} WHERE id = ?",
                                        (*columns.values(), task_id))
        if cursor.rowcount == 0:
            self.get(task_id)  # raises the "no longer exists" error

    @staticmethod
    def _not_open(task: FollowUp) -> TaskError:
        return TaskError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "FollowUps", "This follow-up is already closed."), {}))
