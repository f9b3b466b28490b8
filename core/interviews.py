"""The interview: the unit of the library, real or mock.

``starts_at`` keeps the UTC offset it was given with (the interview's local
time): dates in messages and business-hour rules use it.  Give it in the
local zone, e.g. ``datetime(..., tzinfo=ZoneInfo("Asia/Tokyo"))`` or
``moment.astimezone()``; it is stored in UTC so that text order is time order.
A time given in UTC (offset zero), and rows from before the offset was kept,
read back in this computer's zone: see :func:`local_time`.
"""

from __future__ import annotations

import enum
import sqlite3
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone

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


class Channel(enum.Enum):
    """How the application reached the company; it decides whom to contact to cancel or decline."""

    DIRECT = "direct"  # applied directly
    AGENT = "agent"  # through a recruiting agent (エージェント経由): contact the agent, not the company
    REFERRAL = "referral"  # introduced by someone (リファラル)
    PART_TIME = "part_time"  # a part-time job (アルバイト)


DEFAULT_DURATION_MIN = 60  # when the planned length is unknown
MAX_DURATION_MIN = 24 * 60


class ValidationError(FurikaeriError):
    """Input the user has to correct."""


class NotFoundError(FurikaeriError):
    """The interview no longer exists (deleted elsewhere)."""


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


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
    channel: Channel = Channel.DIRECT
    agent_name: str = ""  # Channel.AGENT: the adviser at the agency (before 0012: the agency and the person)
    agent_contact: str = ""  # Channel.AGENT: phone number or mail address
    contact_name: str = ""  # the company's recruiter, to address mails
    contact_email: str = ""
    duration_min: int | None = None  # planned length; None: DEFAULT_DURATION_MIN
    place: str = ""  # an address, or an online meeting link
    interviewers: str = ""  # names and roles, free text
    agency: str = ""  # Channel.AGENT: the recruiting agency (JobLink)

    @property
    def stored_id(self) -> int:
        """The id of an interview read from or saved to the library (``ValueError`` for one not saved yet)."""
        if self.id is None:
            raise ValueError("this interview has not been saved yet")
        return self.id

    @property
    def ends_at(self) -> datetime | None:
        """When the interview is planned to end (``starts_at`` plus its length, an hour if unknown)."""
        if self.starts_at is None:
            return None
        return self.starts_at + timedelta(minutes=self.duration_min or DEFAULT_DURATION_MIN)

    def awaits_update(self, now: datetime) -> bool:
        """A real interview still marked scheduled once it has ended: how it went is asked (done, waiting, …)."""
        ends = self.ends_at
        return self.kind is InterviewKind.REAL and self.status is Status.SCHEDULED and ends is not None and ends < now

    @property
    def is_online(self) -> bool:
        """True when the place is a meeting link rather than an address."""
        return self.place.strip().lower().startswith(("https://", "http://"))

    def validated(self) -> Interview:
        company = self.company.strip()
        if not company:
            raise ValidationError(
                Message("Interviews", QT_TRANSLATE_NOOP("Interviews", "Please enter the company name."))
            )
        if self.starts_at is not None and self.starts_at.tzinfo is None:
            raise ValueError("starts_at must be timezone-aware")
        if self.duration_min is not None and not 0 < self.duration_min <= MAX_DURATION_MIN:
            raise ValidationError(
                Message("Interviews", QT_TRANSLATE_NOOP(
                    "Interviews", "The length of an interview must be between 1 minute and 24 hours."))
            )
        email = self.contact_email.strip()
        if email and ("@" not in email or any(c.isspace() for c in email)):
            raise ValidationError(
                Message("Interviews", QT_TRANSLATE_NOOP(
                    "Interviews", "\"{email}\" is not a mail address."), {"email": email})
            )
        return replace(
            self, company=company, position=self.position.strip(), stage=self.stage.strip(),
            agent_name=self.agent_name.strip(), agent_contact=self.agent_contact.strip(), agency=self.agency.strip(),
            contact_name=self.contact_name.strip(), contact_email=email, place=self.place.strip(),
            interviewers=self.interviewers.strip(),
        )


def local_time(moment: datetime) -> datetime:
    """``moment`` in the interview's local time: its own offset, or this computer's zone when that is UTC.

    Screens and older data hand over UTC; nobody's interview calendar runs on
    UTC, and where local time is UTC+0 the computer's zone says so anyway.
    """
    offset = moment.utcoffset()
    if offset is None or offset == timedelta(0):
        return moment.astimezone()
    return moment


def list_order(interviews: list[Interview], now: datetime) -> list[Interview]:
    """The library list's order: what is still to come first, the soonest at the top (an interview under way
    counts until it ends); then the past, the most recent first; undated ones last, the newest first."""
    undated = sorted((i for i in interviews if i.starts_at is None), key=lambda i: -(i.id or 0))
    dated = [(i.starts_at, i.id or 0, i) for i in interviews if i.starts_at is not None]
    coming = sorted((d for d in dated if (d[2].ends_at or now) >= now), key=lambda d: d[:2])
    past = sorted((d for d in dated if (d[2].ends_at or now) < now), key=lambda d: d[:2], reverse=True)
    return [d[2] for d in coming] + [d[2] for d in past] + undated


def _to_text(moment: datetime | None) -> str | None:
    """Stored in UTC so that text order is time order."""
    return moment.astimezone(UTC).isoformat() if moment else None


def _from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _offset_minutes(moment: datetime | None) -> int | None:
    offset = moment.utcoffset() if moment else None
    return None if offset is None else int(offset.total_seconds() // 60)


def _local(moment: datetime | None, offset_min: int | None) -> datetime | None:
    """The stored UTC moment back in the offset it was entered with (see :func:`local_time`)."""
    if moment is None:
        return None
    return local_time(moment.astimezone(timezone(timedelta(minutes=offset_min or 0))))


_DETAIL_COLUMNS = ("channel", "agent_name", "agent_contact", "contact_name", "contact_email", "duration_min",
                   "place", "interviewers", "starts_offset_min", "agency")


def _details(item: Interview) -> tuple[object, ...]:
    return (item.channel.value, item.agent_name, item.agent_contact, item.contact_name, item.contact_email,
            item.duration_min, item.place, item.interviewers, _offset_minutes(item.starts_at), item.agency)


def _from_row(row: sqlite3.Row) -> Interview:
    return Interview(
        id=row["id"],
        company=row["company"],
        position=row["position"],
        kind=InterviewKind(row["kind"]),
        stage=row["stage"],
        status=Status(row["status"]),
        starts_at=_local(_from_text(row["starts_at"]), row["starts_offset_min"]),
        created_at=_from_text(row["created_at"]),
        updated_at=_from_text(row["updated_at"]),
        channel=Channel(row["channel"]),
        agent_name=row["agent_name"],
        agent_contact=row["agent_contact"],
        contact_name=row["contact_name"],
        contact_email=row["contact_email"],
        duration_min=row["duration_min"],
        place=row["place"],
        interviewers=row["interviewers"],
        agency=row["agency"],
    )


class InterviewStore:
    """Create, read, update and delete interviews."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def add(self, interview: Interview) -> Interview:
        item = interview.validated()
        now = utc_now()
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO interviews (company, position, kind, stage, status, starts_at, created_at, updated_at, "
                + ", ".join(_DETAIL_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + ", ".join("?" * len(_DETAIL_COLUMNS)) + ")",
                (item.company, item.position, item.kind.value, item.stage, item.status.value,
                 _to_text(item.starts_at), _to_text(now), _to_text(now), *_details(item)),
            )
        return replace(item, id=cursor.lastrowid, created_at=now, updated_at=now)

    def update(self, interview: Interview) -> Interview:
        interview_id = interview.id
        if interview_id is None:
            raise ValueError("update needs a saved interview")
        item = interview.validated()
        now = utc_now()
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE interviews SET company = ?, position = ?, kind = ?, stage = ?, status = ?,"
                " starts_at = ?, updated_at = ?, " + ", ".join(f"{c} = ?" for c in _DETAIL_COLUMNS)
                + " WHERE id = ?",
                (item.company, item.position, item.kind.value, item.stage, item.status.value,
                 _to_text(item.starts_at), _to_text(now), *_details(item), interview_id),
            )
        if cursor.rowcount == 0:
            raise self._not_found(interview_id)
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

    def listed(self, now: datetime | None = None) -> list[Interview]:
        """Every interview in the library list's order (:func:`list_order`)."""
        return list_order(self.all(), now or utc_now())

    def delete(self, interview_id: int) -> None:
        with self._lock:
            cursor = self._conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
        if cursor.rowcount == 0:
            raise self._not_found(interview_id)

    def count(self) -> int:
        with self._lock:
            count: int = self._conn.execute("SELECT count(*) FROM interviews").fetchone()[0]
        return count

    @staticmethod
    def _not_found(interview_id: int) -> NotFoundError:
        return NotFoundError(
            Message(
                "Interviews",
                QT_TRANSLATE_NOOP("Interviews", "Interview {id} no longer exists."),
                {"id": interview_id},
            )
        )
