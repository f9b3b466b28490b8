"""Consent records: what was asked, who answered, how and when; hash-chained per interview."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

HASH_VERSION = 1
# A permission covers the interview it was asked for, not later ones: recording
# may start (or restart after an interruption) for this long after asking.
VALIDITY = timedelta(hours=4)
# How far ahead of this computer's clock a time of asking may be (another
# device's clock, a rounding); anything later is a mistake and never expires.
CLOCK_SKEW = timedelta(minutes=5)


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


class ConsentKind(enum.Enum):
    """What a record in the chain says: a permission, or what happened to the recordings afterwards."""

    CONSENT = "consent"  # permission asked and answered (agreed or declined)
    DELETION = "deletion"  # a recording was deleted (its id, when); never its content
    WITHDRAWN = "withdrawn"  # the interviewer withdrew permission; the recordings were deleted


class ConsentRequired(FurikaeriError):  # noqa: N818 - a public name core, the GUI, the CLI and tests use
    """Recording was refused by the gate; the message says why."""


class ConsentInvalid(FurikaeriError):  # noqa: N818 - a public name core, the GUI and tests use
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
    kind: ConsentKind = ConsentKind.CONSENT
    recording_id: int | None = None  # DELETION: the id the deleted recording had

    def payload(self) -> bytes:
        """The canonical bytes the hash covers (everything but id and hash)."""
        fields: dict[str, object] = {
            "v": HASH_VERSION,
            "interview_id": self.interview_id,
            "purpose": self.purpose.value,
            "answer": self.answer.value,
            "who": self.who,
            "method": self.method.value,
            "asked_at": iso(self.asked_at),
            "request_text": self.request_text,
            "note": self.note,
            "created_at": iso(self.created_at),
            "prev_hash": self.prev_hash,
        }
        if self.kind is not ConsentKind.CONSENT:  # a permission's hash stays what it was before kinds existed
            fields["kind"] = self.kind.value
            fields["recording_id"] = self.recording_id
        return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def computed_hash(self) -> str:
        return _sha256(self.payload())

    @property
    def allows_recording(self) -> bool:
        return (self.kind is ConsentKind.CONSENT and self.answer is ConsentAnswer.AGREED
                and self.purpose in (ConsentPurpose.REAL, ConsentPurpose.MOCK))

    def to_dict(self) -> dict[str, Any]:
        """A plain copy that travels with the recording (its sidecar file)."""
        return {**json.loads(self.payload()), "id": self.id, "hash": self.hash}


def self_consent(interview_id: int, note: str = "") -> ConsentRecord:
    """The one-click consent for practising alone at home."""
    return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.MOCK, answer=ConsentAnswer.AGREED,
                         who="self", method=ConsentMethod.SELF, asked_at=utc_now(), note=note)


def genesis_hash(interview_id: int) -> str:
    return _sha256(f"furikaeri-consent-genesis:{interview_id}".encode())


def _sha256(data: bytes) -> str:
    import hashlib  # on first use: OpenSSL takes ~3 ms to load, which the app's start-up does without

    return hashlib.sha256(data).hexdigest()


def iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""


def validated(record: ConsentRecord) -> ConsentRecord:
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
    asked = record.asked_at.astimezone(UTC).replace(microsecond=0)
    if asked > utc_now() + CLOCK_SKEW:
        raise ConsentInvalid(_m(QT_TRANSLATE_NOOP(
            "Consent", "The time permission was asked ({asked}) is in the future. "
                       "Check the date and this computer's clock; nothing was saved."),
            asked=local_time(asked)))
    return replace(record, who=who, request_text=record.request_text.strip(), note=record.note.strip(),
                   asked_at=asked)


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def from_row(row: Mapping[str, Any]) -> ConsentRecord:
    """A record from a database row (raises ValueError or KeyError on a row that is not one)."""
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
        kind=ConsentKind(row["kind"]),
        recording_id=row["recording_id"],
    )


def require_permission(record: ConsentRecord, now: datetime | None = None) -> None:
    if record.kind is not ConsentKind.CONSENT or record.answer is not ConsentAnswer.AGREED:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Permission to record was declined, so Furikaeri will not record. Take notes instead.")))
    if record.purpose is ConsentPurpose.IMPORTED:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "This consent record belongs to an imported file; it does not allow a new recording.")))
    now = now or utc_now()
    if record.asked_at > now + CLOCK_SKEW:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "This permission is dated in the future ({asked}), so it cannot be used. "
                       "Check this computer's clock and ask again."), asked=local_time(record.asked_at)))
    if now - record.asked_at > VALIDITY:
        raise ConsentRequired(_m(QT_TRANSLATE_NOOP(
            "Consent", "Permission was given more than {hours} hours ago. Ask again before recording."),
            hours=int(VALIDITY.total_seconds() // 3600)))


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
