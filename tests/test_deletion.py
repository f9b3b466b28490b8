"""Deleting for real (core.deletion): nothing of what went survives in any file of the library's folder, and the
consent chain stays verifiable. Real SQLite files, a real library folder under the test's FURIKAERI_HOME."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
import soundfile

from core import deletion, paths
from core.consent import ConsentAnswer, ConsentKind, ConsentMethod, ConsentPurpose, ConsentRecord, ConsentRequired
from core.consent import ledger as consent_ledger
from core.consent.verify import check_consent
from core.deletion import DeletionError
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.ops import deletion as ops
from core.ops import interviews as interview_ops
from core.recording import importer
from core.recording.files import call_track_path, side_files, transcript_text_path
from core.recording.store import RecordingState
from core.storage import db
from core.tracker.kinds import TaskKind
from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word

SECRET = "zanzibar-quokka-4471 秘密の年収交渉"  # a phrase nowhere else in the library
SECRET_BYTES = SECRET.encode("utf-8")
KEPT = "marmalade-heron-2208 残る録音"


def files_holding(root: Path, needle: bytes = SECRET_BYTES) -> list[Path]:
    """Every file under ``root`` (recursively) whose bytes contain ``needle``."""
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            try:
                if needle in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


def _wav(path: Path, seconds: float = 1.0, tone: float = 440.0) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    soundfile.write(path, (0.2 * np.sin(2 * np.pi * tone * t)).astype(np.float32), 16000, subtype="PCM_16")
    return path


def _permission(interview_id: int) -> ConsentRecord:
    return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                         who="Ms Tanaka", method=ConsentMethod.IN_PERSON, asked_at=utc_now())


def _recording_with_transcript(library: Library, interview_id: int, text: str, tmp_path: Path, name: str):
    """An imported recording with its sidecar, a call track, waveform caches, a transcript and its text file."""
    recording = importer.import_audio(library, _wav(tmp_path / f"{name}.wav"), _permission(interview_id))
    _wav(call_track_path(recording.path), tone=220.0)
    from core.audio import waveform

    waveform.peaks_for(recording.path)
    waveform.peaks_for(call_track_path(recording.path))
    segment = Segment(0, 900, f"Well, {text}.", words=(Word(0, 900, text, 0.9),))
    library.transcripts.save(Transcript(source=recording.file, language="en", duration_ms=1000,
                                        settings=TranscriptionSettings(), recording_id=recording.id,
                                        segments=(segment,)))
    transcript_text_path(recording.path).write_text(f"[00:00] {text}\n", "utf-8")
    return recording


def _interview(library: Library, company: str = "Acme", kind: InterviewKind = InterviewKind.REAL) -> int:
    return library.interviews.add(Interview(company=company, kind=kind)).stored_id


def _notes_with_history(library: Library, interview_id: int, text: str) -> None:
    earlier = utc_now() - timedelta(hours=2)
    library.notes.save(interview_id, f"First draft: {text}", now=earlier)
    library.notes.save(interview_id, f"Asked about salary. {text}")


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def test_deleting_a_recording_leaves_its_text_in_no_file_and_the_chain_records_it(library, tmp_path,
                                                                                   furikaeri_home):
    interview_id = _interview(library)
    gone = _recording_with_transcript(library, interview_id, SECRET, tmp_path, "gone")
    kept = _recording_with_transcript(library, interview_id, KEPT, tmp_path, "kept")
    assert [hit.recording_id for hit in library.search.search("zanzibar")] == [gone.id]  # indexed
    assert files_holding(furikaeri_home), "control: the phrase is in the library's files before the deletion"
    gone_files = [path for path in (gone.path, *side_files(gone.path)) if path.exists()]
    assert {call_track_path(gone.path), transcript_text_path(gone.path)} <= set(gone_files)

    plan = deletion.plan_recording(library, gone.id)
    assert plan.transcripts == 1 and set(plan.files) == set(gone_files)
    result = ops.delete_recording(library, gone.id)

    assert files_holding(furikaeri_home) == []
    assert not any(path.exists() for path in gone_files)
    assert library.search.search("zanzibar") == [] and library.transcripts.for_recording(gone.id) == []
    assert [r.id for r in library.recordings.for_interview(interview_id)] == [kept.id]
    assert [hit.recording_id for hit in library.search.search("marmalade")] == [kept.id]  # the other one stays
    assert kept.path.exists() and files_holding(furikaeri_home, KEPT.encode())
    # The chain: the permission stays, the deletion is appended, with the recording's id and nothing it held.
    chain = library.consent.chain(interview_id)
    assert [record.kind for record in chain] == [ConsentKind.CONSENT, ConsentKind.CONSENT, ConsentKind.DELETION]
    event = chain[-1]
    assert event.recording_id == gone.id and event.id == result.value.consent_record
    assert abs(event.created_at - utc_now()) < timedelta(minutes=1)
    assert not event.allows_recording and library.consent.for_interview(interview_id) == chain[:2]
    assert SECRET not in str(event.to_dict())
    assert library.consent.verify().ok and check_consent(library).ok
    assert result.changes.recordings == {interview_id} and result.changes.consent == {interview_id}
    assert result.changes.transcripts == {gone.id} and result.value.log_emptied
    ledger = consent_ledger.load(library.consent.ledger)
    assert ledger is not None and [r["id"] for r in ledger[interview_id]] == [r.id for r in chain]
    library.close()
    assert files_holding(furikaeri_home) == []
    with Library.open() as again:  # verifiable by a fresh start too
        assert check_consent(again).ok and again.consent.chain(interview_id)[-1].kind is ConsentKind.DELETION


def test_deleting_an_interview_leaves_its_notes_revisions_and_transcripts_in_no_file(library, tmp_path,
                                                                                     furikaeri_home):
    doomed = _interview(library, "Doomed Corp")
    _notes_with_history(library, doomed, SECRET)
    library.followups.add(doomed, TaskKind.THANK_YOU, utc_now() + timedelta(days=1), note=SECRET)
    recording = _recording_with_transcript(library, doomed, SECRET, tmp_path, "doomed")
    other = _interview(library, "Other KK")
    _recording_with_transcript(library, other, KEPT, tmp_path, "other")
    library.notes.save(other, "kept notes")
    assert len(library.notes.revisions(doomed)) == 2
    found = files_holding(furikaeri_home)
    assert found, "control: the phrase is in the library's files before the deletion"
    plan = deletion.plan_interview(library, doomed)
    assert plan.whole_interview and plan.notes and plan.revisions == 2 and plan.transcripts == 1
    assert plan.followups == 1

    result = interview_ops.delete_interview(library, doomed)

    assert result.changes.deleted_interviews == {doomed}
    assert files_holding(furikaeri_home) == []
    assert not recording.path.exists() and not (recording.path.parent).exists()
    assert library.search.search("zanzibar") == [] and library.search.search("marmalade")
    # The rest of the library still verifies; the deleted chain left the ledger with its interview.
    assert library.consent.verify().ok and check_consent(library).ok
    ledger = consent_ledger.load(library.consent.ledger)
    assert ledger is not None and doomed not in ledger and other in ledger
    library.close()
    assert files_holding(furikaeri_home) == []


def test_permission_withdrawn_deletes_the_audio_and_transcripts_and_keeps_the_notes(library, tmp_path,
                                                                                    furikaeri_home):
    interview_id = _interview(library)
    first = _recording_with_transcript(library, interview_id, SECRET, tmp_path, "one")
    second = _recording_with_transcript(library, interview_id, SECRET, tmp_path, "two")
    _notes_with_history(library, interview_id, KEPT)
    assert files_holding(furikaeri_home)
    plan = deletion.plan_withdrawal(library, interview_id)
    assert plan.withdrawal and not plan.notes and len(plan.recordings) == 2 and plan.transcripts == 2

    result = ops.withdraw_permission(library, interview_id)

    assert set(result.value.recording_ids) == {first.id, second.id} and not result.value.notes
    assert files_holding(furikaeri_home) == []
    assert library.recordings.for_interview(interview_id) == []
    assert not first.path.exists() and not second.path.exists()
    assert library.notes.get(interview_id).endswith(KEPT) and len(library.notes.revisions(interview_id)) == 2
    chain = library.consent.chain(interview_id)
    assert chain[-1].kind is ConsentKind.WITHDRAWN and chain[-1].recording_id is None
    assert [r.kind for r in chain[:-1]] == [ConsentKind.CONSENT, ConsentKind.CONSENT]  # the permissions stay
    assert library.consent.verify().ok and check_consent(library).ok
    assert result.changes.notes == frozenset() and result.changes.consent == {interview_id}


def test_permission_withdrawn_with_the_notes_takes_them_and_their_revisions(library, tmp_path, furikaeri_home):
    interview_id = _interview(library)
    _recording_with_transcript(library, interview_id, KEPT, tmp_path, "one")
    _notes_with_history(library, interview_id, SECRET)
    assert files_holding(furikaeri_home)
    plan = deletion.plan_withdrawal(library, interview_id, with_notes=True)
    assert plan.notes and plan.revisions == 2

    result = ops.withdraw_permission(library, interview_id, with_notes=True)

    assert files_holding(furikaeri_home) == [] and files_holding(furikaeri_home, KEPT.encode()) == []
    assert library.notes.get(interview_id) == "" and library.notes.revisions(interview_id) == []
    assert library.interviews.get(interview_id).company == "Acme"  # the interview itself stays
    assert result.changes.notes == {interview_id} and check_consent(library).ok


def test_a_withdrawal_without_recordings_is_still_recorded(library):
    interview_id = _interview(library)
    plan = deletion.plan_withdrawal(library, interview_id)
    assert plan.recordings == () and plan.lines()
    ops.withdraw_permission(library, interview_id)
    assert [r.kind for r in library.consent.chain(interview_id)] == [ConsentKind.WITHDRAWN]
    assert check_consent(library).ok


def test_what_cannot_be_deleted_is_said_in_one_sentence_and_nothing_goes(library, tmp_path):
    with pytest.raises(DeletionError, match="Recording 999 does not exist"):
        ops.delete_recording(library, 999)
    mock = _interview(library, kind=InterviewKind.MOCK)
    with pytest.raises(DeletionError, match="practice interview"):
        ops.withdraw_permission(library, mock)
    real = _interview(library)
    recording = _recording_with_transcript(library, real, KEPT, tmp_path, "busy")
    library._conn.execute("UPDATE recordings SET state = ? WHERE id = ?",  # a recording under way
                          (RecordingState.RECORDING.value, recording.id))
    with pytest.raises(DeletionError, match="still being recorded"):
        ops.delete_recording(library, recording.id)
    with pytest.raises(DeletionError, match="still being recorded"):
        ops.withdraw_permission(library, real)
    assert recording.path.exists() and library.recordings.get(recording.id)
    assert [r.kind for r in library.consent.chain(real)] == [ConsentKind.CONSENT]  # nothing appended


def test_a_deletion_record_never_allows_recording(library, tmp_path):
    interview_id = _interview(library)
    recording = _recording_with_transcript(library, interview_id, KEPT, tmp_path, "one")
    ops.delete_recording(library, recording.id)
    event = library.consent.chain(interview_id)[-1]
    with pytest.raises(ConsentRequired):
        library.consent.permit(event.id)
    with pytest.raises(ValueError):
        library.consent.add(ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.REAL,
                                          answer=ConsentAnswer.AGREED, who="x", method=ConsentMethod.EMAIL,
                                          asked_at=utc_now(), kind=ConsentKind.DELETION))


def test_a_library_from_before_deletion_records_keeps_its_hashes(tmp_path):
    """Schema 12 (before migration 0013): its consent records keep their hashes; new records chain onto them."""
    path = tmp_path / "old.sqlite3"
    with Library.open(path) as library:  # made with this version, then taken back to schema 12
        interview_id = _interview(library)
        saved = library.consent.add(ConsentRecord(
            interview_id=interview_id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED, who="Mr Sato",
            method=ConsentMethod.ONLINE, asked_at=utc_now()))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("PRAGMA legacy_alter_table = OFF;"
                       "ALTER TABLE consent_records DROP COLUMN recording_id;"
                       "ALTER TABLE consent_records DROP COLUMN kind;"
                       "ALTER TABLE recordings DROP COLUMN retention_notice_at;"  # migration 0014's
                       "ALTER TABLE recordings DROP COLUMN audio_deleted_at;"
                       "ALTER TABLE recordings DROP COLUMN keep;"
                       "PRAGMA user_version = 12;")
    assert "kind" not in {row[1] for row in conn.execute("PRAGMA table_info(consent_records)")}
    conn.close()
    with Library.open(path) as library:
        assert library.schema_version() == db.latest_version() >= 13
        again = library.consent.chain(interview_id)
        assert again == [saved] and again[0].computed_hash() == saved.hash
        ops.withdraw_permission(library, interview_id)
        assert library.consent.chain(interview_id)[-1].prev_hash == saved.hash
        assert check_consent(library).ok


def test_inside_a_larger_transaction_the_log_is_left_for_later(library):
    interview_id = _interview(library)
    with library.transaction():
        assert library.erase_deleted() is False  # no checkpoint inside a transaction (SQLite refuses it)
        library.notes.save(interview_id, "still saved")
    assert library.notes.get(interview_id) == "still saved"
    assert library.erase_deleted() is True


def test_a_failed_deletion_puts_every_file_back(library, tmp_path, monkeypatch):
    interview_id = _interview(library)
    recording = _recording_with_transcript(library, interview_id, KEPT, tmp_path, "one")
    files = [path for path in (recording.path, *side_files(recording.path)) if path.exists()]

    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(library.consent, "add_event", broken)
    with pytest.raises(sqlite3.OperationalError):
        ops.delete_recording(library, recording.id)
    assert all(path.exists() for path in files)
    assert library.recordings.get(recording.id) and library.transcripts.count_for_recording(recording.id) == 1
    assert not list(recording.path.parent.glob(f"{deletion.PENDING_PREFIX}*"))


def test_a_crash_after_the_deletion_committed_never_brings_the_recording_back(library, tmp_path, monkeypatch,
                                                                             furikaeri_home):
    assert paths.data_dir() == furikaeri_home / "data"
    from core.recording.recovery import recover_library

    interview_id = _interview(library)
    recording = _recording_with_transcript(library, interview_id, SECRET, tmp_path, "one")
    remove = deletion._remove
    monkeypatch.setattr(deletion, "_remove", lambda *_args: None)  # the process dies before the files go
    ops.delete_recording(library, recording.id)
    assert list(recording.path.parent.glob(f"{deletion.PENDING_PREFIX}*"))  # set aside, hidden
    monkeypatch.setattr(deletion, "_remove", remove)
    report = recover_library(library)  # the next start
    assert not report and library.recordings.for_interview(interview_id) == []  # not attached again
    assert not any(recording.path.parent.iterdir())
    assert files_holding(furikaeri_home) == []


def test_a_crash_before_the_deletion_committed_puts_the_files_back_at_the_next_start(library, tmp_path):
    from core.recording.recovery import recover_library

    interview_id = _interview(library)
    recording = _recording_with_transcript(library, interview_id, KEPT, tmp_path, "one")
    files = [path for path in (recording.path, *side_files(recording.path)) if path.exists()]
    deletion._set_aside((recording,))  # then the process dies: the transaction never ran
    assert not any(path.exists() for path in files)
    recover_library(library)
    assert all(path.exists() for path in files)
    assert library.recordings.get(recording.id).path == recording.path


def test_migration_0013_on_a_library_built_by_the_old_migrations(tmp_path):
    """A library at schema 12, its consent record hashed as the old code did (no kind in the hash)."""
    import hashlib
    import json

    from core.consent import genesis_hash

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for migration in db.migrations()[:12]:
        conn.executescript(f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    now = "2026-11-01T00:00:00+00:00"
    conn.execute("INSERT INTO interviews (id, company, kind, created_at, updated_at) VALUES (1, 'Acme', 'real', ?, ?)",
                 (now, now))
    fields = {"v": 1, "interview_id": 1, "purpose": "real", "answer": "agreed", "who": "Mr Sato",
              "method": "online", "asked_at": now, "request_text": "", "note": "", "created_at": now,
              "prev_hash": genesis_hash(1)}
    old_hash = hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True,
                                         separators=(",", ":")).encode("utf-8")).hexdigest()
    conn.execute("INSERT INTO consent_records (id, interview_id, purpose, answer, who, method, asked_at, created_at,"
                 " prev_hash, hash) VALUES (1, 1, 'real', 'agreed', 'Mr Sato', 'online', ?, ?, ?, ?)",
                 (now, now, genesis_hash(1), old_hash))
    conn.close()
    with Library.open(path) as library:
        assert library.schema_version() == db.latest_version() >= 13
        (record,) = library.consent.chain(1)
        assert record.kind is ConsentKind.CONSENT and record.recording_id is None
        assert record.computed_hash() == old_hash and library.consent.verify().ok
        ops.withdraw_permission(library, 1)
        assert [r.kind for r in library.consent.chain(1)] == [ConsentKind.CONSENT, ConsentKind.WITHDRAWN]
        assert library.consent.verify().ok and check_consent(library).ok
