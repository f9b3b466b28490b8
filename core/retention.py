"""Retention: the recordings of real interviews deleted a chosen number of days after their final result, and the
audio of practice recordings a chosen number of days after they were made.

Both off by default (:data:`core.settings.RETENTION_REAL_DAYS` and :data:`core.settings.RETENTION_PRACTICE_DAYS`
are 0). Real interviews:

* **Which interviews.** Real interviews whose status is a *final result* (:data:`FINAL`): offer, rejected,
  declined, cancelled or no-show. "Passed" (on to the next stage), "done" and "waiting" are not final.
* **From when.** The moment the status last changed to the current final one, as the timeline records it
  (a status event); for an interview whose timeline has none, its last change (``updated_at``).
* **What goes.** Each of its recordings, exactly as "Delete recording" does (:func:`core.deletion.delete_recording`:
  audio, call track, side files, transcripts, search entries; a deletion record joins the consent chain).
* **Never.** A recording marked *keep* (evidence of a 圧迫面接, say), one still being recorded, or one whose
  deletion the user was not told about: a recording is deleted only once its notice has been shown
  (:meth:`core.recording.store.RecordingStore.announce_retention`, stored with the recording) and has stood for
  :data:`NOTICE_DAYS` days. The notice appears in Upcoming from :data:`NOTICE_DAYS` days before the due date;
  a recording first announced later than that is deleted :data:`NOTICE_DAYS` days after its first announcement.

Practice (mock) recordings: only their audio goes (:func:`core.deletion.delete_audio`: audio, call track, sidecar,
waveform caches), counted from when the recording ended; the recording stays listed with its transcripts, the
practice answers, self-reviews and metrics. The same notice, keep and "never being recorded" rules apply.

:func:`schedule` says what goes when (read-only); :func:`announce` records that notices were shown; :func:`run`
deletes what is due. Every function takes ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core import deletion
from core.interviews import Interview, InterviewKind, Status
from core.messages import FurikaeriError, Message
from core.recording.store import Recording, RecordingState
from core.settings import RETENTION_PRACTICE_DAYS, RETENTION_REAL_DAYS, Settings

if TYPE_CHECKING:
    from core.library import Library

FINAL = frozenset({Status.OFFER, Status.REJECTED, Status.DECLINED, Status.CANCELLED, Status.NO_SHOW})
NOTICE_DAYS = 7  # the notice shows this long before anything is deleted
DAY_CHOICES: tuple[int, ...] = RETENTION_REAL_DAYS.choices or (0,)  # 0: off


@dataclass(frozen=True)
class Policy:
    """What the user's settings say: real interviews' recordings, days after the final result; practice audio,
    days after it was recorded (0: never delete automatically)."""

    real_days: int = 0
    practice_days: int = 0

    @property
    def active(self) -> bool:
        return self.real_days > 0 or self.practice_days > 0

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        return cls(int(settings.get(RETENTION_REAL_DAYS)), int(settings.get(RETENTION_PRACTICE_DAYS)))


@dataclass(frozen=True)
class Due:
    """One recording the settings say will be deleted, and when."""

    recording: Recording
    interview: Interview
    since: datetime  # a real interview's final result; a practice recording's end
    due_at: datetime  # since + the days the settings say

    @property
    def audio_only(self) -> bool:
        """A practice recording: only its audio goes."""
        return self.interview.kind is InterviewKind.MOCK

    @property
    def announced_at(self) -> datetime | None:
        return self.recording.retention_notice_at

    def notice_from(self) -> datetime:
        """From when the notice shows."""
        return self.due_at - timedelta(days=NOTICE_DAYS)

    def deletes_at(self, now: datetime) -> datetime:
        """When it will be deleted: the due date, but never sooner than NOTICE_DAYS after the first notice (not
        announced yet: as if announced now, or when the notice starts)."""
        announced = self.announced_at or max(now, self.notice_from())
        return max(self.due_at, announced + timedelta(days=NOTICE_DAYS))

    def noticeable(self, now: datetime) -> bool:
        return now >= self.notice_from()

    def deletable(self, now: datetime) -> bool:
        return self.announced_at is not None and now >= self.deletes_at(now)


def final_result_at(library: Library, interview: Interview) -> datetime | None:
    """When the interview got its current final status; None when its status is not final."""
    if interview.status not in FINAL:
        return None
    changes = [at for at, status in library.events.status_changes(interview.stored_id) if status is interview.status]
    if changes:
        return max(changes)
    return interview.updated_at or interview.created_at


def schedule(library: Library, policy: Policy) -> list[Due]:
    """Every recording the settings say will be deleted, soonest first (kept ones and ones being recorded left
    out); empty when retention is off."""
    if not policy.active:
        return []
    out: list[Due] = []
    for interview in library.interviews.all():
        if interview.kind is InterviewKind.REAL and policy.real_days:
            final_at = final_result_at(library, interview)
            if final_at is None:
                continue
            out += [Due(recording, interview, final_at, final_at + timedelta(days=policy.real_days))
                    for recording in _candidates(library, interview)]
        elif interview.kind is InterviewKind.MOCK and policy.practice_days:
            for recording in _candidates(library, interview):
                if recording.has_audio:
                    made = recording.ended_at or recording.started_at
                    out.append(Due(recording, interview, made, made + timedelta(days=policy.practice_days)))
    return sorted(out, key=lambda due: (due.due_at, due.recording.id))


def _candidates(library: Library, interview: Interview) -> list[Recording]:
    return [recording for recording in library.recordings.for_interview(interview.stored_id)
            if not recording.keep and recording.state is not RecordingState.RECORDING]


def notices(library: Library, policy: Policy, now: datetime) -> list[Due]:
    """The deletions to announce now (in Upcoming): those within NOTICE_DAYS of their date, or already
    announced."""
    return [due for due in schedule(library, policy) if due.noticeable(now) or due.announced_at is not None]


def announce(library: Library, policy: Policy, now: datetime) -> list[Due]:
    """Record that the notices due now were shown (the first time counts); returns them as they are now."""
    shown = notices(library, policy, now)
    if not shown:
        return []
    with library.transaction():
        library.recordings.announce_retention([due.recording.id for due in shown], now)
    return notices(library, policy, now)


@dataclass(frozen=True)
class Report:
    """What a retention pass did (or, dry, would do)."""

    deleted: tuple[Due, ...] = ()
    failed: tuple[tuple[Due, Message], ...] = ()
    waiting: tuple[Due, ...] = ()  # scheduled, not due yet (or not announced long enough)


def run(library: Library, policy: Policy, now: datetime, dry_run: bool = False) -> Report:
    """Delete every recording due under ``policy`` whose notice was shown and has stood long enough."""
    deleted: list[Due] = []
    failed: list[tuple[Due, Message]] = []
    waiting: list[Due] = []
    for due in schedule(library, policy):
        if not due.deletable(now):
            waiting.append(due)
            continue
        if dry_run:
            deleted.append(due)
            continue
        try:
            if due.audio_only:
                deletion.delete_audio(library, due.recording.id, unless_kept=True)
            else:
                deletion.delete_recording(library, due.recording.id, unless_kept=True)
        except FurikaeriError as error:  # kept or being recorded meanwhile, or its files would not go
            failed.append((due, error.message))
            continue
        deleted.append(due)
    return Report(tuple(deleted), tuple(failed), tuple(waiting))
