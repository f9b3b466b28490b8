"""The consent gate: no recording without a saved permission record.

Every recording starts from a :class:`ConsentRecord` saved in the library.
Records are append-only (the database refuses updates and deletions, except
together with their interview) and hash-chained per interview: each holds the
hash of the one before, so :meth:`ConsentStore.verify` notices a record that
was changed, removed or reordered behind the app's back.

The recorder accepts only a :class:`RecordingPermit`, obtained from
:meth:`ConsentStore.permit`, and re-checks it against the database
immediately before it opens an input stream.
"""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

HASH_VERSION = 1
# A permission covers the interview it was asked for, not later ones: recording
# may start (or restart after an interruption) for this long after asking.
VALIDITY = timedelta(hours=4)


class ConsentPurpose(enum.Enum):
    REAL = "real"  # a real interview: the interviewer's permission
    MOCK = "mock"  # practice at home: the user's own consent
    IMPORTED = "imported"  # an audio file recorded elsewhere


class ConsentAnswer(enum.Enum):
    AGREED = "agreed"
    DECLINED = "declined"


class ConsentMethod(enum.Enum):
    IN_PERSON = "in_person"  # asked aloud, face to face
    ONLINE = "online"  # asked aloud in an online interview
    WRITTEN = "written"
    EMAIL = "email"
    PLATFORM = "platform"  # the video-call platform's recording notice
    SELF = "self"  # mock practice: the user alone


class ConsentRequired(FurikaeriError):
    """Recording was refused by the gate; the message says why."""


class ConsentInvalid(FurikaeriError):
    """A consent record that cannot be saved as it is."""


def _m(text: str, **params: object) -> Message:
    return Message("Consent", text, params)


@dataclass(frozen=True)
class ConsentRecord:
    interview_id: int
    purpose: ConsentPurpose
    answer: ConsentAnswer
    who: str  # name or role of the person who agreed (or declined)
    method: ConsentMethod
    asked_at: datetime  # timezone-aware
    request_text: str = ""  # the words the user used to ask
    note: str = ""
    id: int | None = None
    created_at: datetime | None = None
    prev_hash: str = ""
    hash: str = ""

    def payload(self) -> bytes:
        """The canonical bytes the hash covers (everything but id and hash)."""
        fields = {
            "v": HASH_VERSION,
            "interview_id": self.interview_id,
            "purpose": self.purpose.value,
            "answer": self.answer.value,
            "who": self.who,
            "method": self.method.value,
            "asked_at": _iso(self.asked_at),
            "request_text": self.request_text,
            "note": self.note,
            "created_at": _iso(self.created_at),
            "prev_hash": self.prev_hash,
        }
        return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def computed_hash(self) -> str:
        return hashlib.sha256(self.payload()).hexdigest()

    @property
    def allows_recording(self) -> bool:
        return self.answer is ConsentAnswer.AGREED and self.purpose in (ConsentPurpose.REAL, ConsentPurpose.MOCK)

    def to_dict(self) -> dict:
        """A plain copy that travels with the recording (its sidecar file)."""
        return {**json.loads(self.payload()), "id": self.id, "hash": self.hash}


def self_consent(interview_id: int, note: str = "") -> ConsentRecord:
    """The one-click consent for practising alone at home."""
    return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.MOCK, answer=ConsentAnswer.AGREED,
                         who="self", method=ConsentMethod.SELF, asked_at=utc_now(), note=note)


def genesis_hash(interview_id: int) -> str:
    return hashlib.sha256(f"furikaeri-consent-genesis:{interview_id}".encode()).hexdigest()


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(timezone.utc).isoformat() if moment else ""


def _validated(record: ConsentRecord) -> ConsentRecord:
    who = record.who.strip()
    if record.asked_at.tzinfo is None:
        raise ValueError("asked_at must be timezone-aware")
    if record.purpose is ConsentPurpose.REAL:
        if not who:
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP(
                "Consent", "Please say who gave or refused permission (a name or a role).")))
        if record.method is ConsentMethod.SELF:
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP(
                "Consent", "In a real interview, permission comes from the interviewer, not from yourself.")))
    if record.purpose is ConsentPurpose.MOCK and record.method is not ConsentMethod.SELF:
        raise ValueError("mock practice uses self-consent")
    asked = record.asked_at.astimezone(timezone.utc).replace(microsecond=0)
    return replace(record, who=who, request_text=record.request_text.strip(), note=record.note.strip(),
                   asked_at=asked)


def _from_row(row: sqlite3.Row) -> ConsentRecord:
    return ConsentRecord(
        id=row["id"],
        interview_id=row["interview_id"],
        purpose=ConsentPurpose(row["purpose"]),
        answer=ConsentAnswer(row["answer"]),
        who=row["who"],
        method=ConsentMethod(row["method"]),
        asked_at=datetime.fromisoformat(row["asked_at"]),
        request_text=row["request_text"],
        note=row["note"],
        created_at=datetime.fromisoformat(row["created_at"]),
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problems: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RecordingPermit:
    """Proof that recording may start; re-checked against the database before every stream opens."""

    consent: ConsentRecord
    database: Path

    def check(self) -> ConsentRecord:
        try:
            conn = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "The consent record could not be read ({detail}); recording was not started."),
                detail=str(error))) from error
        try:
            conn.row_factory = sqlite3.Row
            row = conn.execute("SELECT * FROM consent_records WHERE id = ?", (self.consent.id,)).fetchone()
        except sqlite3.Error as error:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "The consent record could not be read ({detail}); recording was not started."),
                detail=str(error))) from error
        finally:
            conn.close()
        if row is None:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "No saved consent record was found, so recording was not started.")))
        saved = _from_row(row)
        if saved.hash != self.consent.hash or saved.computed_hash() != saved.hash:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "The consent record was changed after it was saved, so recording was not started.")))
        _require_permission(saved)
        return saved


def _require_permission(record: ConsentRecord, now: datetime | None = None) -> None:
    if record.answer is not ConsentAnswer.AGREED:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Permission to record was declined, so Furikaeri will not record. Take notes instead.")))
    if record.purpose is ConsentPurpose.IMPORTED:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "This consent record belongs to an imported file; it does not allow a new recording.")))
    if (now or utc_now()) - record.asked_at > VALIDITY:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Permission was given more than {hours} hours ago. Ask again before recording."),
            hours=int(VALIDITY.total_seconds() // 3600)))


def permit_from(permit: object) -> ConsentRecord:
    """The gate itself: what every recording path calls before touching the microphone."""
    if not isinstance(permit, RecordingPermit):
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Recording needs a saved consent record first: confirm that everyone agreed.")))
    return permit.check()


class ConsentStore:
    """Append-only consent records, hash-chained per interview."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock, database: Path):
        self._conn = conn
        self._lock = lock
        self._database = database

    def add(self, record: ConsentRecord) -> ConsentRecord:
        if record.id is not None:
            raise ValueError("consent records are append-only; this one is saved already")
        item = _validated(record)
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._check_interview(item)
                last = self._conn.execute(
                    "SELECT hash FROM consent_records WHERE interview_id = ? ORDER BY id DESC LIMIT 1",
                    (item.interview_id,)).fetchone()
                item = replace(item, created_at=utc_now(),
                               prev_hash=last["hash"] if last else genesis_hash(item.interview_id))
                item = replace(item, hash=item.computed_hash())
                cursor = self._conn.execute(
                    "INSERT INTO consent_records (interview_id, purpose, answer, who, method, asked_at,"
                    " request_text, note, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.interview_id, item.purpose.value, item.answer.value, item.who, item.method.value,
                     _iso(item.asked_at), item.request_text, item.note, _iso(item.created_at),
                     item.prev_hash, item.hash))
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return replace(item, id=cursor.lastrowid)

    def _check_interview(self, item: ConsentRecord) -> None:
        row = self._conn.execute("SELECT kind FROM interviews WHERE id = ?", (item.interview_id,)).fetchone()
        if row is None:
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP("Consent", "Interview {id} no longer exists."),
                                    id=item.interview_id))
        if item.purpose is ConsentPurpose.MOCK and row["kind"] != "mock":
            raise ConsentInvalid(_m(QT_TRANSLATE_NOOP(
                "Consent", "This is a real interview: recording needs the interviewer's permission, "
                           "not self-consent.")))

    def get(self, consent_id: int) -> ConsentRecord | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM consent_records WHERE id = ?", (consent_id,)).fetchone()
        return _from_row(row) if row else None

    def for_interview(self, interview_id: int) -> list[ConsentRecord]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM consent_records WHERE interview_id = ? ORDER BY id", (interview_id,)).fetchall()
        return [_from_row(row) for row in rows]

    def permit(self, consent_id: int) -> RecordingPermit:
        """A permit for a saved record that allows recording; raises :class:`ConsentRequired` otherwise."""
        record = self.get(consent_id)
        if record is None:
            raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
                "Consent", "No saved consent record was found, so recording was not started.")))
        permit = RecordingPermit(record, self._database)
        permit.check()
        return permit

    def verify(self) -> ChainReport:
        """Walk every interview's chain; report each record that was changed, removed or reordered."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM consent_records ORDER BY interview_id, id").fetchall()
        problems: list[Message] = []
        previous: dict[int, str] = {}
        for row in rows:
            record = _from_row(row)
            expected_prev = previous.get(record.interview_id, genesis_hash(record.interview_id))
            if record.computed_hash() != record.hash:
                problems.append(_m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} was changed after it was saved."), id=record.id))
            elif record.prev_hash != expected_prev:
                problems.append(_m(QT_TRANSLATE_NOOP(
                    "Consent", "Consent record {id} does not follow the record before it: "
                               "a record was removed or reordered."), id=record.id))
            previous[record.interview_id] = record.hash
        return ChainReport(len(rows), tuple(problems))


# What the user can read aloud to ask; both languages always exist, because the
# interview's language need not be the interface's. Editable before asking.
REQUEST_WORDING = {
    "ja": ("本日の面接を、後で自分の受け答えを振り返るために録音させていただいてもよろしいでしょうか。"
           "録音は私自身の振り返りにだけ使い、公開したり他の人と共有したりすることはありません。"),
    "en": ("Would you mind if I recorded today's interview? It is only so that I can review my own "
           "answers afterwards. The recording stays private to me and will never be shared or published."),
}

# Restated at the start of the recording when the user chooses a consent clip.
CLIP_WORDING = {
    "ja": "確認のため録音上でもう一度お伺いします。振り返りのための録音にご了承いただけますか。",
    "en": "Just to have it on the recording: you agree that I record this interview for my own review?",
}
