from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.interviews import Interview, InterviewKind, NotFoundError, Stage, Status, ValidationError
from core.library import Library

JST = timezone(timedelta(hours=9))


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def test_add_get_update_delete(library):
    saved = library.interviews.add(Interview(
        company="  株式会社サンプル ", position="営業職", kind=InterviewKind.REAL,
        stage=Stage.FIRST.value, starts_at=datetime(2026, 12, 1, 14, 0, tzinfo=JST)))
    assert saved.id is not None and saved.company == "株式会社サンプル"
    loaded = library.interviews.get(saved.id)
    assert loaded.starts_at == datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    assert loaded.status is Status.SCHEDULED and loaded.stage == "first"
    updated = library.interviews.update(Interview(**{**loaded.__dict__, "status": Status.DONE}))
    assert library.interviews.get(saved.id).status is Status.DONE
    assert updated.updated_at >= loaded.updated_at
    library.interviews.delete(saved.id)
    with pytest.raises(NotFoundError):
        library.interviews.get(saved.id)


def test_company_is_required(library):
    with pytest.raises(ValidationError) as caught:
        library.interviews.add(Interview(company="   ", kind=InterviewKind.MOCK))
    assert "company" in str(caught.value)
    assert library.interviews.count() == 0


def test_naive_times_are_rejected(library):
    with pytest.raises(ValueError):
        library.interviews.add(Interview(company="A", kind=InterviewKind.MOCK, starts_at=datetime(2026, 1, 1)))


def test_order_is_by_time_across_offsets_with_undated_last(library):
    add = library.interviews.add
    add(Interview(company="undated", kind=InterviewKind.MOCK))
    add(Interview(company="early", kind=InterviewKind.REAL, starts_at=datetime(2026, 5, 1, 8, 0, tzinfo=JST)))
    # 23:30 UTC on 30 April is 08:30 JST on 1 May: later than "early" although its date text is earlier.
    add(Interview(company="later", kind=InterviewKind.REAL,
                  starts_at=datetime(2026, 4, 30, 23, 30, tzinfo=UTC)))
    assert [i.company for i in library.interviews.all()] == ["later", "early", "undated"]


def test_custom_stage_text_is_kept(library):
    saved = library.interviews.add(Interview(company="A", kind=InterviewKind.REAL, stage="カジュアル面談"))
    assert library.interviews.get(saved.id).stage == "カジュアル面談"


def test_update_or_delete_of_missing_interview(library):
    with pytest.raises(NotFoundError):
        library.interviews.delete(42)
    with pytest.raises(NotFoundError):
        library.interviews.update(Interview(id=42, company="A", kind=InterviewKind.MOCK))


def test_database_constraint_backs_the_rules(library):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        library._conn.execute(
            "INSERT INTO interviews (company, kind, status, created_at, updated_at)"
            " VALUES ('A', 'real', 'maybe', 'x', 'x')")
