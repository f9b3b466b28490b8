"""Recording operations: permission first, then the session; markers, the consent clip, stopping.

The one rule of the gate lives here for the GUI and the command line alike:
mock practice records under the user's own consent; a real interview needs
the interviewer's answer (:class:`Permission`), which is kept as a consent
record whether they agreed or declined.  Declined: nothing is recorded, and
the result says so (the notes open with the recall template instead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING, Any

from core.consent import (
    ConsentAnswer,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    ConsentRequired,
    self_consent,
)
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, Message
from core.ops.changes import Changes, Result
from core.recording.store import Marker, Recording

if TYPE_CHECKING:  # the recorder (and numpy) load when a recording starts, not with the window
    from core.recording.session import RecordingSession


@dataclass(frozen=True)
class Permission:
    """What the interviewer answered when the user asked to record."""

    answer: ConsentAnswer
    who: str
    method: ConsentMethod
    request_text: str
    note: str = ""
    asked_at: datetime | None = None  # now, when not given


def needs_permission(interview: Interview) -> bool:
    """Whether the interviewer must be asked first (a real interview), or the user's own consent will do."""
    return interview.kind is InterviewKind.REAL


def last_asked(library: Library, interview: Interview) -> ConsentRecord | None:
    """The interviewer's last answer about recording ``interview`` (agreed or declined), or None: asking again
    (after a break, for a second recording) starts from who answered and how.  A read: nothing changes."""
    asked = [record for record in library.consent.for_interview(interview.stored_id)
             if record.purpose is ConsentPurpose.REAL]
    return asked[-1] if asked else None


def consent_record(interview: Interview, permission: Permission | None, note: str = "") -> ConsentRecord:
    """The consent record recording ``interview`` rests on."""
    if interview.id is None:
        raise ValueError("the interview must be saved first")
    if not needs_permission(interview):
        return self_consent(interview.id, note=note)
    if permission is None:
        raise ConsentRequired(Message("Recorder", QT_TRANSLATE_NOOP(
            "Recorder", "A real interview is recorded only with the interviewer's permission: ask them first.")))
    return ConsentRecord(interview_id=interview.id, purpose=ConsentPurpose.REAL, answer=permission.answer,
                         who=permission.who, method=permission.method, asked_at=permission.asked_at or utc_now(),
                         request_text=permission.request_text, note=permission.note or note)


@dataclass(frozen=True)
class Started:
    consent: ConsentRecord
    session: RecordingSession | None  # None: the interviewer declined, nothing is recorded

    @property
    def declined(self) -> bool:
        return self.session is None


def start(library: Library, interview: Interview, permission: Permission | None = None, *,
          device: int | str | None = None, sd: ModuleType | None = None,
          on_event: Callable[[Any], None] | None = None, note: str = "",
          call_source: str | None = None) -> Result[Started]:
    """Keep the answer as a consent record and, when it allows, start recording.

    An interview without an id is created only if recording starts.  With
    ``call_source`` the call's sound is recorded on a second track as well (an
    online interview), under the same permission.
    """
    if permission is not None and permission.answer is ConsentAnswer.DECLINED:
        if interview.id is None:
            interview = library.tracker.save(interview)
        assert interview.id is not None
        consent = library.consent.add(consent_record(interview, permission, note))
        ids = frozenset({interview.id})
        return Result(Started(consent, None), Changes(consent=ids, interviews=ids))
    from core.recording.session import start_recording

    new = interview.id is None
    session = start_recording(library, interview, lambda saved: consent_record(saved, permission, note),
                              device=device, sd=sd, on_event=on_event, call_source=call_source)
    ids = frozenset({session.recording.interview_id})
    return Result(Started(session.consent, session),
                  Changes(recordings=ids, consent=ids, interviews=ids if new else frozenset()))


def save_marker(session: RecordingSession, marker: Marker) -> Result[Marker | None]:
    """Keep a marker placed while recording (``None``: the recording was stopping, the marker is dropped)."""
    saved = session.save_marker(marker)
    return Result(saved, Changes(recordings=frozenset({session.recording.interview_id})))


def end_consent_clip(session: RecordingSession) -> Result[Marker | None]:
    """The restated request and the answer end here: the first seconds are the consent clip."""
    return save_marker(session, session.mark_consent_clip())


def stop(session: RecordingSession) -> Result[Recording]:
    """Stop and save (never blocks long, never raises for the library: see :meth:`RecordingSession.stop`)."""
    recording = session.stop()
    return Result(recording, Changes(recordings=frozenset({recording.interview_id})))
