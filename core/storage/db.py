"""Opening the library database.

* Schema changes are numbered SQL files in ``migrations/`` (``0001_name.sql``);
  ``PRAGMA user_version`` records the last one applied.  Each runs in its own
  transaction, so a failed migration leaves the previous version intact.
* A database written by a newer Furikaeri is refused and left untouched.
* Foreign keys are enforced, the journal is WAL, the file is owner-only.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from core import paths
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseError(FurikaeriError):
    """The library database cannot be used; the message says why."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """All migrations shipped with this version, in order, numbered 1..N without gaps."""
    found: list[Migration] = []
    for entry in resources.files("core.storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError(f"migrations must be numbered 1..N without gaps: {[m.name for m in found]}")
    return found


def latest_version() -> int:
    return len(migrations())


def _too_new(path: Path, found: int, supported: int) -> DatabaseError:
    return DatabaseError(
        Message(
            "Database",
            QT_TRANSLATE_NOOP(
                "Database",
                "The library at {path} was written by a newer version of Furikaeri "
                "(schema {found}; this version knows up to {supported}). "
                "It was not changed. Please update Furikaeri to open it.",
            ),
            {"path": str(path), "found": found, "supported": supported},
        )
    )


def _unreadable(path: Path, error: Exception) -> DatabaseError:
    return DatabaseError(
        Message(
            "Database",
            QT_TRANSLATE_NOOP(
                "Database",
                "The library at {path} cannot be opened ({detail}). "
                "It was not changed; restore it from a backup or move it away to start a new one.",
            ),
            {"path": str(path), "detail": str(error)},
        )
    )


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library database."""
    path = Path(path) if path else paths.database_path()
    paths.ensure_private_dir(path.parent)
    paths.create_private_file(path)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise _unreadable(path, error) from error
        supported = latest_version()
        if current > supported:
            raise _too_new(path, current, supported)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as error:
            raise _unreadable(path, error) from error
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, current)
        return conn
    except BaseException:
        conn.close()
        raise


def _migrate(conn: sqlite3.Connection, current: int) -> None:
    for migration in migrations():
        if migration.version <= current:
            continue
        script = f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
