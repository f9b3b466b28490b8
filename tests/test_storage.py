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
