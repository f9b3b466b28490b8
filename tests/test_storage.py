from __future__ import annotations

import hashlib
import sqlite3
import stat

import pytest

from core import paths
from core.library import Library
from core.storage import db


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_library_is_migrated_with_wal_and_foreign_keys():
    with Library.open() as library:
        assert library.schema_version() == db.latest_version() >= 1
        conn = library._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "interviews" in tables


def test_database_files_are_private():
    with Library.open() as library:
        library.interviews.count()
        for suffix in ("", "-wal", "-shm"):
            path = library.path.with_name(library.path.name + suffix)
            assert path.exists(), path
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(paths.data_dir().stat().st_mode) == 0o700


def test_reopening_keeps_data_and_does_not_rerun_migrations():
    from core.interviews import Interview, InterviewKind

    with Library.open() as library:
        library.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK))
    with Library.open() as library:
        assert [i.company for i in library.interviews.all()] == ["Acme"]


def test_database_from_a_newer_version_is_refused_and_untouched():
    path = paths.database_path()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {db.latest_version() + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(db.DatabaseError) as caught:
        Library.open()
    text = str(caught.value)
    assert "newer version" in text and str(path) in text
    assert _digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_corrupt_database_is_reported_and_untouched():
    path = paths.database_path()
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(db.DatabaseError) as caught:
        Library.open()
    assert "cannot be opened" in str(caught.value)
    assert _digest(path) == before


def test_failed_migration_leaves_previous_version(monkeypatch):
    good = db.migrations()
    db.connect().close()  # a library at the current version (a new one is only ever created whole)
    broken = db.Migration(len(good) + 1, "9999_broken.sql",
                          "CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);")
    monkeypatch.setattr(db, "migrations", lambda: [*good, broken])
    with pytest.raises(sqlite3.OperationalError):
        db.connect()
    conn = sqlite3.connect(paths.database_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(good)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_shipped_migrations_are_numbered_without_gaps():
    versions = [m.version for m in db.migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_a_transaction_commits_all_or_nothing_and_nests_as_savepoints():
    from core.interviews import Interview, InterviewKind

    def interview(company: str) -> Interview:
        return Interview(company=company, kind=InterviewKind.MOCK)

    with Library.open() as library:
        with library.transaction():
            library.interviews.add(interview("Kept A"))
            with pytest.raises(RuntimeError), library.transaction():
                library.interviews.add(interview("Undone inner"))
                raise RuntimeError("inner step fails")
            library.interviews.add(interview("Kept B"))
        assert sorted(i.company for i in library.interviews.all()) == ["Kept A", "Kept B"]

        with pytest.raises(RuntimeError), library.transaction():
            library.interviews.add(interview("Undone outer"))
            with library.transaction():
                library.interviews.add(interview("Undone with its outer"))
            raise RuntimeError("the whole operation fails")
        assert sorted(i.company for i in library.interviews.all()) == ["Kept A", "Kept B"]
        assert not library._conn.in_transaction


def test_work_after_commit_waits_for_the_outermost_commit_and_is_dropped_on_rollback():
    from core.storage.transaction import after_commit, transaction

    with Library.open() as library:
        conn, lock, done = library._conn, library._lock, []
        after_commit(conn, lambda: done.append("at once"))
        assert done == ["at once"]
        with transaction(conn, lock):
            with transaction(conn, lock):
                after_commit(conn, lambda: done.append("after commit"))
            assert done == ["at once"]
        assert done == ["at once", "after commit"]
        with pytest.raises(RuntimeError), transaction(conn, lock):
            after_commit(conn, lambda: done.append("never"))
            raise RuntimeError("rolled back")
        assert done == ["at once", "after commit"]


def test_a_consent_record_rolled_back_with_its_operation_never_reaches_the_ledger():
    from core.consent import ledger as consent_ledger
    from core.consent import self_consent
    from core.consent.verify import check_consent
    from core.interviews import Interview, InterviewKind

    with Library.open() as library:
        kept = library.interviews.add(Interview(company="Kept", kind=InterviewKind.MOCK))
        library.consent.add(self_consent(kept.id))
        with pytest.raises(RuntimeError), library.transaction():
            interview = library.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK))
            library.consent.add(self_consent(interview.id))
            raise RuntimeError("the recording could not start")
        assert [i.company for i in library.interviews.all()] == ["Kept"]
        assert set(consent_ledger.load(library.consent.ledger)) == {kept.id}
        assert check_consent(library).ok
