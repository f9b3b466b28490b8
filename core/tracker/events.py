"""Each company's timeline: what happened to its interviews, in order.

Events are written by the tracker and the follow-up store (created,
scheduled, status changes, follow-ups done, messages prepared or sent); the
GUI shows them per company.  An event's sentence is a core :class:`Message`;
``detail`` names the follow-up or message it concerns, when there is one.
"""

from __future__ import annotations

import enum
import json
import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.interviews import Status, local_time, utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.tracker.kinds import MessageKind, TaskKind, kind_label, task_title

_CONTEXT = "Timeline"


class EventKind(enum.Enum):
    CREATED = "created"
    SCHEDULED = "scheduled"  # a date was set
    RESCHEDULED = "rescheduled"  # the date moved
    UNSCHEDULED = "unscheduled"  # the date was removed
    STATUS = "status"  # the status changed (detail: the new status)
    TASK_DONE = "task_done"
    TASK_DISMISSED = "task_dismissed"
    MISSED_CALL = "missed_call"
    NEWS = "news"  # the company was in touch (detail: the user's note)
    MESSAGE_PREPARED = "message_prepared"
    MESSAGE_SENT = "message_sent"
    RECORDING_FAILED = "recording_failed"  # recording did not start (detail: why, a message)


_TEXT = {
    EventKind.CREATED: QT_TRANSLATE_NOOP("Timeline", "Added to the tracker"),
    EventKind.SCHEDULED: QT_TRANSLATE_NOOP("Timeline", "Scheduled for {when}"),
    EventKind.RESCHEDULED: QT_TRANSLATE_NOOP("Timeline", "Moved from {before} to {when}"),
    EventKind.UNSCHEDULED: QT_TRANSLATE_NOOP("Timeline", "Date removed (was {before})"),
    EventKind.TASK_DONE: QT_TRANSLATE_NOOP("Timeline", "Follow-up done"),
    EventKind.TASK_DISMISSED: QT_TRANSLATE_NOOP("Timeline", "Follow-up dismissed"),
    EventKind.MISSED_CALL: QT_TRANSLATE_NOOP("Timeline", "Missed a call from the company at {when}"),
    EventKind.NEWS: QT_TRANSLATE_NOOP("Timeline", "Heard from the company: {note}"),
    EventKind.MESSAGE_PREPARED: QT_TRANSLATE_NOOP("Timeline", "Message prepared"),
    EventKind.MESSAGE_SENT: QT_TRANSLATE_NOOP("Timeline", "Message sent"),
    EventKind.RECORDING_FAILED: QT_TRANSLATE_NOOP("Timeline", "Recording did not start: {reason}"),
}

_STATUS_TEXT = {
    Status.SCHEDULED: QT_TRANSLATE_NOOP("Timeline", "Status: scheduled again"),
    Status.DONE: QT_TRANSLATE_NOOP("Timeline", "Interview held"),
    Status.WAITING: QT_TRANSLATE_NOOP("Timeline", "Waiting for the result"),
    Status.PASSED: QT_TRANSLATE_NOOP("Timeline", "Passed this stage"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Timeline", "Not selected"),
    Status.OFFER: QT_TRANSLATE_NOOP("Timeline", "Offer received"),
    Status.DECLINED: QT_TRANSLATE_NOOP("Timeline", "Declined by me"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Timeline", "Interview cancelled"),
    Status.NO_SHOW: QT_TRANSLATE_NOOP("Timeline", "Did not attend"),
}


def when_text(moment: datetime) -> str:
    """A language-neutral date and time for timeline sentences, in the interview's local time."""
    return local_time(moment).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Event:
    at: datetime  # UTC
    kind: EventKind
    interview_id: int
    message: Message
    detail: Message | None = None  # the follow-up or message concerned
    id: int | None = None


def _message(kind: EventKind, params: Mapping[str, Any]) -> Message:  # params: the row's JSON detail
    if kind is EventKind.STATUS:
        return Message(_CONTEXT, _STATUS_TEXT[Status(params["status"])])
    text = _TEXT[kind]
    values = {k: v for k, v in params.items() if "{" + k + "}" in text}
    if isinstance(values.get("reason"), dict):  # a message of its own, translated when shown
        reason = values["reason"]
        values["reason"] = Message(reason["context"], reason["text"], reason.get("params", {}))
    return Message(_CONTEXT, text, values)


def _detail(params: Mapping[str, Any]) -> Message | None:
    if "task" in params:
        return task_title(TaskKind(params["task"]), params.get("company", ""))
    if "message" in params:
        return kind_label(MessageKind(params["message"]))
    return None


class EventLog:
    """Append-only timeline rows, one per thing that happened."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def add(self, interview_id: int, kind: EventKind, at: datetime | None = None, **params: object) -> Event:
        at = (at or utc_now()).astimezone(UTC)
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO interview_events (interview_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                (interview_id, at.isoformat(), kind.value, json.dumps(params, ensure_ascii=False)),
            )
        return Event(at, kind, interview_id, _message(kind, params), _detail(params), cursor.lastrowid)

    def for_interview(self, interview_id: int) -> list[Event]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT e.*, i.company FROM interview_events e JOIN interviews i ON i.id = e.interview_id"
                " WHERE e.interview_id = ? ORDER BY e.at, e.id", (interview_id,)).fetchall()
        return [self._from_row(row) for row in rows]

    def status_changes(self, interview_id: int) -> list[tuple[datetime, Status]]:
        """When the interview's status changed, and to what, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT at, json_extract(detail, '$.status') AS status FROM interview_events"
                " WHERE interview_id = ? AND kind = ? ORDER BY at, id",
                (interview_id, EventKind.STATUS.value)).fetchall()
        return [(datetime.fromisoformat(row["at"]), Status(row["status"])) for row in rows]

    def for_company(self, company: str) -> list[Event]:
        """Every event of every interview with this company (case-insensitive, trimmed), oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT e.*, i.company FROM interview_events e JOIN interviews i ON i.id = e.interview_id"
                " WHERE i.company = ? COLLATE NOCASE ORDER BY e.at, e.id", (company.strip(),)).fetchall()
        return [self._from_row(row) for row in rows]

    @staticmethod
    def _from_row(row: sqlite3.Row) -> Event:
        kind = EventKind(row["kind"])
        params = json.loads(row["detail"])
        params.setdefault("company", row["company"])
        return Event(datetime.fromisoformat(row["at"]), kind, row["interview_id"], _message(kind, params),
                     _detail(params), row["id"])
