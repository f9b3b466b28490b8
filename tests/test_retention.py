"""Retention (core.retention): exactly what the settings say is deleted, only after its notice was shown and has
stood NOTICE_DAYS days, never a kept recording, nothing when off. Real SQLite, real files, an injected ``now``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from core import retention
from core.consent import ConsentKind
from core.consent.verify import check_consent
from core.interviews import Interview, InterviewKind, Status
from core.library import Library
from core.ops import retention as ops
from core.ops import tracker as tracker_ops
from core.recording import importer
from core.retention import NOTICE_DAYS, Policy
from core.settings import RETENTION_REAL_DAYS, Settings
from core.tracker.upcoming import upcoming
from tests.test_deletion import _permission, _wav

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # the final result
DAYS = 30
ON = Policy(DAYS)


def _real(library: Library, tmp_path: Path, company: str, status: Status | None, at: datetime = T0,
          kind: InterviewKind = InterviewKind.REAL):
    """An interview with one imported recording; its status set to ``status`` at ``at``."""
    interview = library.tracker.save(Interview(company=company, kind=kind), at - timedelta(days=10))
    recording = importer.import_audio(library, _wav(tmp_path / f"{company}.wav"), _permission(interview.stored_id))
    if status is not None:
        tracker_ops.set_status(library, interview.stored_id, status, at)
    return interview.stored_id, recording


def test_nothing_when_off(tmp_path):
    with Library.open() as library:
        _, recording = _real(library, tmp_path, "Acme", Status.REJECTED)
        far = T0 + timedelta(days=1000)
        assert Settings(tmp_path / "s.json").get(RETENTION_REAL_DAYS) == 0  # off by default
        assert retention.schedule(library, Policy()) == []
        assert ops.announce(library, Policy(), far).value == []
        assert ops.run(library, Policy(), far).value.deleted == ()
        assert recording.path.exists() and library.recordings.get(recording.id).retention_notice_at is None


def test_only_final_results_of_real_interviews_are_scheduled(tmp_path):
    with Library.open() as library:
        finals = {status: _real(library, tmp_path, status.value, status)[1] for status in retention.FINAL}
        for status in (Status.PASSED, Status.WAITING, Status.DONE):
            _real(library, tmp_path, status.value, status)
        _real(library, tmp_path, "Scheduled", None)
        _real(library, tmp_path, "Practice", Status.REJECTED, kind=InterviewKind.MOCK)
        scheduled = retention.schedule(library, ON)
        assert {due.recording.id for due in scheduled} == {r.id for r in finals.values()}
        assert {due.due_at for due in scheduled} == {T0 + timedelta(days=DAYS)}


def test_deleted_only_after_the_notice_has_stood(tmp_path):
    with Library.open() as library:
        interview_id, recording = _real(library, tmp_path, "Acme", Status.REJECTED)
        due = T0 + timedelta(days=DAYS)
        # Long past due, but never announced: nothing goes.
        late = due + timedelta(days=100)
        report = ops.run(library, ON, late).value
        assert report.deleted == () and [d.recording.id for d in report.waiting] == [recording.id]
        assert recording.path.exists()
        # Announced now: it goes NOTICE_DAYS later, not before.
        shown = ops.announce(library, ON, late).value
        assert [d.recording.id for d in shown] == [recording.id]
        assert shown[0].deletes_at(late) == late + timedelta(days=NOTICE_DAYS)
        assert ops.run(library, ON, late + timedelta(days=NOTICE_DAYS, seconds=-1)).value.deleted == ()
        assert recording.path.exists()
        result = ops.run(library, ON, late + timedelta(days=NOTICE_DAYS))
        assert [d.recording.id for d in result.value.deleted] == [recording.id]
        assert result.changes.deleted_recordings == {recording.id}
        assert not recording.path.exists()
        assert library.recordings.for_interview(interview_id) == []
        # Through core.deletion: the consent chain records the deletion and still verifies.
        kinds = [(r.kind, r.recording_id) for r in library.consent.chain(interview_id)]
        assert (ConsentKind.DELETION, recording.id) in kinds
        assert check_consent(library).ok


def test_notice_shows_from_notice_days_before_and_deletion_on_the_due_date(tmp_path):
    with Library.open() as library:
        _, recording = _real(library, tmp_path, "Acme", Status.OFFER)
        due = T0 + timedelta(days=DAYS)
        before_notice = due - timedelta(days=NOTICE_DAYS, seconds=1)
        assert ops.announce(library, ON, before_notice).value == []
        assert retention.notices(library, ON, before_notice) == []
        assert [e.key for e in upcoming(library, before_notice, ON) if e.retention] == []
        at_notice = due - timedelta(days=NOTICE_DAYS)
        entries = [e for e in upcoming(library, at_notice, ON) if e.retention is not None]
        assert [(e.key, e.at) for e in entries] == [(("recording", recording.id), due)]
        ops.announce(library, ON, at_notice)
        assert library.recordings.get(recording.id).retention_notice_at == at_notice
        ops.announce(library, ON, at_notice + timedelta(days=1))  # only the first notice counts
        assert library.recordings.get(recording.id).retention_notice_at == at_notice
        assert ops.run(library, ON, due - timedelta(seconds=1)).value.deleted == ()
        assert [d.recording.id for d in ops.run(library, ON, due).value.deleted] == [recording.id]
        assert [e for e in upcoming(library, due, ON) if e.retention is not None] == []


def test_a_kept_recording_is_never_deleted(tmp_path):
    with Library.open() as library:
        _, kept = _real(library, tmp_path, "Pressure", Status.REJECTED)
        _, other = _real(library, tmp_path, "Other", Status.REJECTED)
        result = ops.set_keep(library, kept.id, True)
        assert result.value.keep and result.changes.recordings
        late = T0 + timedelta(days=DAYS + 100)
        assert [d.recording.id for d in ops.announce(library, ON, late).value] == [other.id]
        assert [d.recording.id for d in ops.run(library, ON, late + timedelta(days=NOTICE_DAYS)).value.deleted] \
            == [other.id]
        assert kept.path.exists() and library.recordings.get(kept.id).keep


def test_kept_after_the_notice_is_not_deleted(tmp_path):
    with Library.open() as library:
        _, recording = _real(library, tmp_path, "Acme", Status.DECLINED)
        late = T0 + timedelta(days=DAYS + 1)
        ops.announce(library, ON, late)
        ops.set_keep(library, recording.id, True)
        report = ops.run(library, ON, late + timedelta(days=NOTICE_DAYS + 1)).value
        assert report.deleted == () and recording.path.exists()
        ops.set_keep(library, recording.id, False)  # unkept: its first notice still counts
        assert [d.recording.id for d in ops.run(library, ON, late + timedelta(days=NOTICE_DAYS + 1)).value.deleted] \
            == [recording.id]


def test_the_final_result_date_is_when_the_status_changed(tmp_path):
    with Library.open() as library:
        interview_id, _ = _real(library, tmp_path, "Acme", Status.WAITING, T0 - timedelta(days=5))
        tracker_ops.set_status(library, interview_id, Status.REJECTED, T0)
        # Another edit later (the notes of the position, say) does not move the date.
        later = library.interviews.get(interview_id)
        library.tracker.save(later.__class__(**{**later.__dict__, "position": "SRE"}), T0 + timedelta(days=3))
        assert retention.final_result_at(library, library.interviews.get(interview_id)) == T0


def test_dry_run_deletes_nothing(tmp_path):
    with Library.open() as library:
        _, recording = _real(library, tmp_path, "Acme", Status.CANCELLED)
        late = T0 + timedelta(days=DAYS + 1)
        ops.announce(library, ON, late)
        report = ops.run(library, ON, late + timedelta(days=NOTICE_DAYS), dry_run=True).value
        assert [d.recording.id for d in report.deleted] == [recording.id]
        assert recording.path.exists() and library.recordings.get(recording.id)


def test_migration_0014_on_a_library_from_before(tmp_path):
    """A library at schema 13 gains the keep flag (off) and the notice time (none) for its recordings."""
    import sqlite3

    from core.storage import db

    path = tmp_path / "old.sqlite3"
    with Library.open(path) as library:
        interview = library.interviews.add(Interview(company="Acme", kind=InterviewKind.REAL))
        recording = importer.import_audio(library, _wav(tmp_path / "a.wav"), _permission(interview.stored_id))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("ALTER TABLE recordings DROP COLUMN retention_notice_at;"
                       "ALTER TABLE recordings DROP COLUMN keep; PRAGMA user_version = 13;")
    conn.close()
    with Library.open(path) as library:
        assert library.schema_version() == db.latest_version() == 14
        again = library.recordings.get(recording.id)
        assert again.keep is False and again.retention_notice_at is None
        assert again.file == recording.file
