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
                       "ALTER TABLE recordings DROP COLUMN audio_deleted_at;"
                       "ALTER TABLE recordings DROP COLUMN keep; PRAGMA user_version = 13;")
    conn.close()
    with Library.open(path) as library:
        assert library.schema_version() == db.latest_version() == 14
        again = library.recordings.get(recording.id)
        assert again.keep is False and again.retention_notice_at is None and again.has_audio
        assert again.file == recording.file


def _practice(library: Library, tmp_path: Path, name: str = "drill", at: datetime = T0):
    """A practice session with its recording (ended at ``at``), one answer, a transcript and cached metrics."""
    from core.practice.run import AnswerSpan, EndReason
    from core.recording.files import transcript_text_path
    from core.recording.store import RecordingState
    from core.transcription.model import Segment, Transcript, Word

    interview = library.interviews.add(Interview(company=name, kind=InterviewKind.MOCK))
    recording = importer.import_audio(library, _wav(tmp_path / f"{name}.wav"), _permission(interview.stored_id))
    recording = library.recordings.finish(recording.id, RecordingState.COMPLETED, recording.duration_ms, ended_at=at)
    question = library.questions.all()[0]
    session = library.practice.create_session(interview.stored_id, recording.id, "en", (question.key,))
    answer = library.practice.add_answer(session.id, AnswerSpan(0, question, question.text("en"), 0, 900,
                                                                EndReason.NEXT))
    from core.analysis.prompting import practice_settings
    from core.practice.review import answer_metrics

    words = (Word(0, 200, "I", 0.9), Word(250, 500, "led", 0.9), Word(550, 900, "the team.", 0.9))
    transcript = library.transcripts.save(Transcript(
        source=recording.file, language="en", duration_ms=1000, settings=practice_settings("en", "tiny.en"),
        recording_id=recording.id, segments=(Segment(0, 900, "I led the team.", words=words),)))
    answer_metrics(library, answer, transcript, recording.path, "en")  # cached, as a review leaves them
    transcript_text_path(recording.path).write_text("[00:00] I led the team.\n", "utf-8")
    return recording, answer, transcript


def test_practice_audio_goes_after_its_days_with_transcript_and_metrics_kept(tmp_path):
    from core import deletion
    from core.recording.files import call_track_path, sidecar_path, transcript_text_path

    policy = Policy(practice_days=14)
    with Library.open() as library:
        recording, answer, transcript = _practice(library, tmp_path)
        _, real = _real(library, tmp_path, "Acme", Status.REJECTED)  # real interviews: off in this policy
        _wav(call_track_path(recording.path))
        due = T0 + timedelta(days=14)
        assert [(d.recording.id, d.due_at, d.audio_only) for d in retention.schedule(library, policy)] == [
            (recording.id, due, True)]
        ops.announce(library, policy, due - timedelta(days=NOTICE_DAYS))
        assert ops.run(library, policy, due - timedelta(seconds=1)).value.deleted == ()
        result = ops.run(library, policy, due)
        assert [d.recording.id for d in result.value.deleted] == [recording.id]
        assert result.changes.deleted_recordings == frozenset() and result.changes.recordings
        for gone in (recording.path, call_track_path(recording.path), sidecar_path(recording.path)):
            assert not gone.exists()
        kept = library.recordings.get(recording.id)
        assert not kept.has_audio and kept.audio_deleted_at is not None
        assert transcript_text_path(recording.path).exists()
        assert [t.id for t in library.transcripts.for_recording(recording.id)] == [transcript.id]
        metrics = library.practice.cached_metrics(answer.id, transcript.id)
        assert metrics is not None and metrics["duration_s"] == 0.9
        assert library.practice.answer(answer.id) is not None
        assert library.consent.chain(kept.interview_id)[-1].recording_id == recording.id
        assert check_consent(library).ok
        assert real.path.exists()
        # Gone once: never scheduled again; a start-up after it does not bring anything back.
        assert retention.schedule(library, policy) == []
        assert deletion.finish_pending(library) == 0


def test_a_crash_after_the_audio_went_does_not_bring_it_back(tmp_path):
    """Files set aside, the transaction committed, the process died before removing them: start-up removes them
    (the row stays, its audio marked deleted)."""
    from core import deletion
    from core.deletion import PENDING_PREFIX

    with Library.open() as library:
        recording, _, _ = _practice(library, tmp_path)
        hidden = recording.path.with_name(PENDING_PREFIX + recording.path.name)
        recording.path.rename(hidden)
        library.recordings.mark_audio_deleted(recording.id, T0)
        assert deletion.finish_pending(library) >= 1
        assert not hidden.exists() and not recording.path.exists()


def test_kept_practice_audio_stays(tmp_path):
    policy = Policy(practice_days=7)
    with Library.open() as library:
        recording, _, _ = _practice(library, tmp_path)
        ops.set_keep(library, recording.id, True)
        late = T0 + timedelta(days=100)
        assert ops.announce(library, policy, late).value == []
        assert ops.run(library, policy, late + timedelta(days=NOTICE_DAYS)).value.deleted == ()
        assert recording.path.exists()


def test_a_recording_without_its_audio_is_not_transcribed_again(tmp_path):
    import pytest

    from core import deletion
    from core.ops import transcription as transcription_ops
    from core.recording.store import AudioDeletedError
    from core.transcription.model import TranscriptionSettings

    with Library.open() as library:
        recording, _, _ = _practice(library, tmp_path)
        deletion.delete_audio(library, recording.id)
        gone = library.recordings.get(recording.id)

        class NoService:
            def submit(self, *args, **kwargs):
                raise AssertionError("not submitted")

        with pytest.raises(AudioDeletedError):
            transcription_ops.start(library, NoService(), gone, TranscriptionSettings(),  # type: ignore[arg-type]
                                    on_done=lambda _outcome: None)
