"""Opening the library database.

* Schema changes are numbered SQL files in ``migrations/`` (``0001_name.sql``);
  ``PRAGMA user_version`` records the last one applied.  Each runs in its own
  transaction, so a failed migration leaves the previous version intact.
* Before anything can write, :func:`probe` looks at the file read-only: it must
  be an SQLite file (not a folder, not empty, not text), no newer than this
  version, and pass ``PRAGMA quick_check``.  A library that fails is refused
  with a sentence and left byte for byte as it was, its write-ahead log too.
* A new library is built under a temporary name and linked into place only
  when complete, so an empty file at the library's path is never one of ours
  and is never mistaken for a new library.
* Foreign keys are enforced, the journal is WAL, the file is owner-only, and
  every connection waits for a busy library (see :mod:`core.storage.connection`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from core import paths
from core.fsutil import fsync_dir
from core.storage import errors
from core.storage.connection import BUSY_TIMEOUT_S, LibraryConnection, open_connection
from core.storage.errors import DatabaseError

__all__ = ["DatabaseError", "Migration", "Probe", "connect", "latest_version", "migrations", "probe"]

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """All migrations shipped with this version, in order, numbered 1..N without gaps."""
    return list(_shipped())


@functools.cache
def _shipped() -> tuple[Migration, ...]:
    """Read once a process: every open looks at them (a first start, which creates the library, five times)."""
    found: list[Migration] = []
    for entry in resources.files("core.storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError(f"migrations must be numbered 1..N without gaps: {[m.name for m in found]}")
    return tuple(found)


def latest_version() -> int:
    return len(migrations())


@dataclass(frozen=True)
class Probe:
    """What the read-only look at an existing library found (it passed)."""

    version: int
    quick_check: str  # "ok"


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def probe(path: Path) -> Probe:
    """Look at an existing library without writing anything; raise :class:`DatabaseError` if it is unusable.

    Nothing is written to the file or its write-ahead log.  When neither a log
    nor its index exists, the file is read as immutable, so not even those
    side files are created next to a damaged or newer library.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise errors.unreadable(path, error.strerror or str(error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise errors.is_folder(path)
    if not stat.S_ISREG(info.st_mode):
        raise errors.not_a_file(path)
    if info.st_size == 0:
        raise errors.empty_file(path)
    try:
        with open(path, "rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise errors.unreadable(path, error.strerror or str(error)) from error
    if magic != SQLITE_MAGIC:
        raise errors.not_sqlite(path)
    quiet = not any(os.path.lexists(_side(path, suffix)) for suffix in SIDE_FILES)
    try:
        return _read_only_check(path, immutable=quiet)
    except errors.LibraryDamaged:
        if quiet and any(os.path.lexists(_side(path, suffix)) for suffix in SIDE_FILES):
            return _read_only_check(path, immutable=False)  # another program opened it meanwhile: look again
        raise


def _read_only_check(path: Path, immutable: bool) -> Probe:
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = open_connection(path, uri)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        supported = latest_version()
        if version > supported:
            raise errors.too_new(path, version, supported)
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except errors.DatabaseError:
        raise
    except sqlite3.Error as error:
        raise errors.damaged(path, str(error)) from error
    finally:
        conn.close()
    results = [str(row[0]) for row in rows]
    if results != ["ok"]:
        raise errors.damaged(path, check_summary(results))
    return Probe(version, results[0])


def check_summary(results: list[str]) -> str:
    """``PRAGMA quick_check``'s findings on one line ("*** in database main ***" headers left out)."""
    lines = [line.strip() for result in results for line in result.splitlines()]
    text = "; ".join(line for line in lines if line and not line.startswith("***"))
    return text if len(text) <= 200 else text[:199] + "…"


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library database; raises :class:`DatabaseError`."""
    path = Path(path) if path else paths.database_path()
    paths.ensure_private_dir(path.parent)
    if not os.path.lexists(path):
        _create(path)
    probe(path)
    os.chmod(path, paths.FILE_MODE)
    conn = open_connection(path)
    try:
        conn.row_factory = sqlite3.Row
        _prepare(conn)
        return conn
    except BaseException:
        conn.close()
        raise


def _prepare(conn: LibraryConnection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not left in free space (core.deletion)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    supported = latest_version()
    if current > supported:  # written by a newer version since the probe
        raise errors.too_new(conn.library_path, current, supported)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    _migrate(conn, current)


def _create(path: Path) -> None:
    """Build a new library beside ``path``, then link it into place unless another program was quicker."""
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
    try:
        paths.create_private_file(temporary)
        conn = open_connection(temporary)
        try:
            conn.row_factory = sqlite3.Row
            _prepare(conn)
        finally:
            conn.close()  # folds the log into the file and removes it
        with contextlib.suppress(FileExistsError):  # another process created the library first: open theirs
            os.link(temporary, path)
        fsync_dir(path.parent)
    except OSError as error:
        raise errors.not_created(path, error.strerror or str(error)) from error
    finally:
        for leftover in (temporary, *(_side(temporary, suffix) for suffix in SIDE_FILES)):
            leftover.unlink(missing_ok=True)


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
