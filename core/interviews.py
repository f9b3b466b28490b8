"""The interview: the unit of the library, real or mock."""

from __future__ import annotations

import enum
import sqlite3
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message


class InterviewKind(enum.Enum):
    REAL = "real"  # with an interviewer; recording needs their permission
    MOCK = "mock"  # practice at home


class Status(enum.Enum):
    SCHEDULED = "scheduled"
    DONE = "done"
    WAITING = "waiting"  # waiting for the result
    PASSED = "passed"
    REJECTED = "rejected"
    OFFER = "offer"
    DECLINED = "declined"  # declined by me
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class Stage(enum.Enum):
    """The usual Japanese selection stages; a custom stage is stored as free text."""

    DOCUMENT_SCREENING = "document_screening"  # 書類選考
    FIRST = "first"  # 一次面接
    SECOND = "second"  # 二次面接
    FINAL = "final"  # 最終面接
    OFFER = "offer"  # 内々定 / 内定


class ValidationError(FurikaeriError):
    """Input the user has to correct."""


class NotFoundError(FurikaeriError):
    """The interview no longer exists (deleted elsewhere)."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class Interview:
    company: str
    kind: InterviewKind
    position: str = ""
    stage: str = ""  # a Stage value or the user's own words
    status: Status = Status.SCHEDULED
    starts_at: datetime | None = None  # timezone-aware
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def validated(self) -> Interview:
        company = self.company.strip()
        if not company:
            raise ValidationError(
                Message("Interviews", QT_TRANSLATE_NOOP("Interviews", "Please enter the company name."))
            )
        if self.starts_at is not None and self.starts_at.tzinfo is None:
            raise ValueError("starts_at must be timezone-aware")
        return replace(self, company=company, position=self.position.strip(), stage=self.stage.strip())


def _to_text(moment: datetime | None) -> str | None:
    """Stored in UTC so that text order is time order."""
    return moment.astimezone(timezone.utc).isoformat() if moment else None


def _from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _from_row(row: sqlite3.Row) -> Interview:
    return Interview(
        id=row["id"],
        company=row["company"],
        position=row["position"],
        kind=InterviewKind(row["kind"]),
        stage=row["stage"],
        status=Status(row["status"]),
        starts_at=_from_text(row["starts_at"]),
        created_at=_from_text(row["created_at"]),
        updated_at=_from_text(row["updated_at"]),
    )


class InterviewStore:
    """Create, read, update and delete interviews."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock):
        self._conn = conn
        self._lock = lock

    def add(self, interview: Interview) -> Interview:
        item = interview.validated()
        now = utc_now()
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO interviews (company, position, kind, stage, status, starts_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item.company, item.position, item.kind.value, item.stage, item.status.value,
                 _to_text(item.starts_at), _to_text(now), _to_text(now)),
            )
        return replace(item, id=cursor.lastrowid, created_at=now, updated_at=now)

    def update(self, interview: Interview) -> Interview:
        if interview.id is None:
            raise ValueError("update needs a saved interview")
        item = interview.validated()
        now = utc_now()
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE interviews SET company = ?, position = ?, kind = ?, stage = ?, status = ?,"
                " starts_at = ?, updated_at = ? WHERE id = ?",
                (item.company, item.position, item.kind.value, item.stage, item.status.value,
                 _to_text(item.starts_at), _to_text(now), item.id),
            )
        if cursor.rowcount == 0:
            raise self._not_found(item.id)
        return replace(item, updated_at=now)

    def get(self, interview_id: int) -> Interview:
        with self._lock:
            row = self._conn.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is None:
            raise self._not_found(interview_id)
        return _from_row(row)

    def all(self) -> list[Interview]:
        """Every interview, the next or most recent first; undated ones last."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM interviews ORDER BY starts_at IS NULL, starts_at DESC, id DESC"
            ).fetchall()
        return [_from_row(row) for row in rows]

    def delete(self, interview_id: int) -> None:
        with self._lock:
            cursor = self._conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
        if cursor.rowcount == 0:
            raise self._not_found(interview_id)

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM interviews").fetchone()[0]

    @staticmethod
    def _not_found(interview_id: int) -> NotFoundError:
        return NotFoundError(
            Message(
                "Interviews",
                QT_TRANSLATE_NOOP("Interviews", "Interview {id} no longer exists."),
                {"id": interview_id},
            )
        )
