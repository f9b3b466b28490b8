from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta

import pytest

from core.consent import (
    ConsentAnswer,
    ConsentInvalid,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    ConsentRequired,
    RecordingPermit,
    genesis_hash,
    permit_from,
    self_consent,
)
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


@pytest.fixture
def real(library):
    return library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL))


@pytest.fixture
def mock(library):
    return library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))


def asked(interview, answer=ConsentAnswer.AGREED, **changes) -> ConsentRecord:
    record = ConsentRecord(interview_id=interview.id, purpose=ConsentPurpose.REAL, answer=answer,
                           who="面接官の田中様", method=ConsentMethod.IN_PERSON, asked_at=utc_now(),
                           request_text="振り返りのために録音してもよろしいでしょうか。")
    return replace(record, **changes)


def _raw(library) -> sqlite3.Connection:
    """A second connection, as someone editing the file behind the app's back would use."""
    conn = sqlite3.connect(library.path, isolation_level=None)
    conn.execute("DROP TRIGGER consent_records_no_update")
    conn.execute("DROP TRIGGER consent_records_no_delete")
    return conn


def test_records_are_chained_per_interview(library, real, mock):
    first = library.consent.add(asked(real, ConsentAnswer.DECLINED))
    second = library.consent.add(asked(real))
    practice = library.consent.add(self_consent(mock.id))
    assert first.prev_hash == genesis_hash(real.id)
    assert second.prev_hash == first.hash
    assert practice.prev_hash == genesis_hash(mock.id)
    assert len({first.hash, second.hash, practice.hash}) == 3
    assert library.consent.for_interview(real.id) == [first, second]
    report = library.consent.verify()
    assert report.ok and report.checked == 3


def test_the_database_refuses_edits_and_deletions(library, real):
    record = library.consent.add(asked(real))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        library._conn.execute("UPDATE consent_records SET who = 'someone else' WHERE id = ?", (record.id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        library._conn.execute("DELETE FROM consent_records WHERE id = ?", (record.id,))
    with pytest.raises(ValueError):
        library.consent.add(record)  # a saved record cannot be saved again


def test_records_go_with_their_interview(library, real):
    library.consent.add(asked(real))
    library.interviews.delete(real.id)
    assert library.consent.for_interview(real.id) == []
    assert library.consent.verify().ok


def test_a_changed_record_is_reported(library, real):
    record = library.consent.add(asked(real))
    library.consent.add(asked(real, who="人事部長"))
    _raw(library).execute("UPDATE consent_records SET answer = 'agreed', who = 'nobody' WHERE id = ?",
                          (record.id,))
    report = library.consent.verify()
    assert not report.ok
    assert [str(p) for p in report.problems] == [f"Consent record {record.id} was changed after it was saved."]


def test_a_removed_record_is_reported(library, real):
    library.consent.add(asked(real, ConsentAnswer.DECLINED))
    middle = library.consent.add(asked(real))
    last = library.consent.add(asked(real))
    _raw(library).execute("DELETE FROM consent_records WHERE id = ?", (middle.id,))
    problems = [str(p) for p in library.consent.verify().problems]
    assert problems == [f"Consent record {last.id} does not follow the record before it: "
                        "a record was removed or reordered."]


def test_a_real_interview_needs_someone_who_agreed(library, real):
    with pytest.raises(ConsentInvalid, match="who gave or refused"):
        library.consent.add(asked(real, who="  "))
    with pytest.raises(ConsentInvalid, match="not from yourself"):
        library.consent.add(asked(real, method=ConsentMethod.SELF))
    with pytest.raises(ConsentInvalid, match="not self-consent"):
        library.consent.add(self_consent(real.id))
    assert library.consent.for_interview(real.id) == []


def test_permit_for_an_agreed_record(library, real, mock):
    record = library.consent.add(asked(real))
    permit = library.consent.permit(record.id)
    assert permit.check() == record
    assert permit_from(permit) == record
    assert library.consent.permit(library.consent.add(self_consent(mock.id)).id).check().method is ConsentMethod.SELF


@pytest.mark.parametrize("change, reason", [
    ({"answer": ConsentAnswer.DECLINED}, "declined"),
    ({"purpose": ConsentPurpose.IMPORTED}, "imported file"),
    ({"asked_at": utc_now() - timedelta(hours=5)}, "Ask again"),
])
def test_no_permit_without_a_current_agreement(library, real, change, reason):
    record = library.consent.add(asked(real, **change))
    with pytest.raises(ConsentRequired, match=reason):
        library.consent.permit(record.id)


def test_gate_refuses_anything_but_a_checked_permit(library, real):
    with pytest.raises(ConsentRequired, match="saved consent record first"):
        permit_from(None)
    with pytest.raises(ConsentRequired, match="No saved consent record"):
        library.consent.permit(12345)
    forged = RecordingPermit(replace(asked(real), id=999, hash="0" * 64), library.path)
    with pytest.raises(ConsentRequired, match="not issued by the library"):  # a permit names no database file
        permit_from(forged)


def test_permit_fails_once_the_record_is_tampered_with(library, real):
    record = library.consent.add(asked(real))
    permit = library.consent.permit(record.id)
    _raw(library).execute("UPDATE consent_records SET who = 'someone else' WHERE id = ?", (record.id,))
    with pytest.raises(ConsentRequired, match="changed after it was saved"):
        permit.check()


def test_record_travels_as_plain_data(library, real):
    record = library.consent.add(asked(real))
    data = record.to_dict()
    assert data["hash"] == record.hash and data["who"] == "面接官の田中様" and data["answer"] == "agreed"
    assert data["prev_hash"] == genesis_hash(real.id)
