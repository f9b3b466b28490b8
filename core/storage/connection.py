"""The library's SQLite connection: waits for a busy library, and says in words what went wrong.

* Every connection waits up to :data:`BUSY_TIMEOUT_S` for a lock held by
  another program (SQLite's busy timeout).  A single statement outside a
  transaction that still finds the library busy is tried again until that
  time is up; a statement inside a transaction is not (its transaction is
  rolled back by its owner, so nothing is left half-done).
* Errors a user can act on (busy, disk full, damaged, unreadable) come out as
  :class:`core.storage.errors.DatabaseError` sentences, which are also
  ``sqlite3.OperationalError``\\ s.
* SQLite may roll a transaction back by itself after SQLITE_FULL, SQLITE_IOERR
  or SQLITE_BUSY; a ``ROLLBACK`` issued after that is a no-op here instead of a
  second error that would hide the first.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

from core.storage import errors

BUSY_TIMEOUT_S = 5.0  # how long any statement waits for another program's lock
RETRY_PAUSE_S = (0.02, 0.05, 0.1, 0.2)  # between tries of a statement SQLite refused without waiting

T = TypeVar("T")
_CursorT = TypeVar("_CursorT", bound=sqlite3.Cursor)


class LibraryCursor(sqlite3.Cursor):
    """A cursor whose failures are the library's sentences (see the module's docstring)."""

    connection: LibraryConnection

    def execute(self, sql: str, parameters: Any = (), /) -> LibraryCursor:
        return self.connection.guarded(lambda: super(LibraryCursor, self).execute(sql, parameters), retry=True)

    def executemany(self, sql: str, parameters: Any, /) -> LibraryCursor:
        return self.connection.guarded(lambda: super(LibraryCursor, self).executemany(sql, parameters))

    def executescript(self, script: str, /) -> LibraryCursor:
        self.connection.guarded(lambda: super(LibraryCursor, self).executescript(script))
        return self  # what sqlite3's executescript returns: the cursor itself (its stub says only Cursor)

    def fetchone(self) -> Any:
        return self.connection.guarded(super().fetchone)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        return self.connection.guarded(lambda: super(LibraryCursor, self).fetchmany(
            self.arraysize if size is None else size))

    def fetchall(self) -> list[Any]:
        return self.connection.guarded(super().fetchall)

    def __next__(self) -> Any:
        return self.connection.guarded(super().__next__)


class LibraryConnection(sqlite3.Connection):
    """Made by :func:`open_connection`; ``library_path`` names the file in messages."""

    library_path: Path = Path()

    @overload
    def cursor(self, factory: None = None) -> LibraryCursor: ...
    @overload
    def cursor(self, factory: Callable[[sqlite3.Connection], _CursorT]) -> _CursorT: ...
    def cursor(self, factory: Callable[[sqlite3.Connection], sqlite3.Cursor] | None = None) -> sqlite3.Cursor:
        return super().cursor(LibraryCursor if factory is None else factory)

    def execute(self, sql: str, parameters: Any = (), /) -> LibraryCursor:
        if not self.in_transaction and sql.strip().upper() == "ROLLBACK":
            return self.cursor()  # SQLite already rolled back after the error being handled
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> LibraryCursor:
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> LibraryCursor:
        return self.cursor().executescript(script)

    def commit(self) -> None:
        self.guarded(super().commit)

    def guarded(self, call: Callable[[], T], retry: bool = False) -> T:
        """Run ``call``; try again while busy (only if it ran outside a transaction); translate errors."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        tries = 0
        while True:
            outside = not self.in_transaction
            try:
                return call()
            except sqlite3.Error as error:
                if (retry and outside and not self.in_transaction and errors.primary_code(error) in errors.BUSY_CODES
                        and time.monotonic() < deadline):
                    time.sleep(RETRY_PAUSE_S[min(tries, len(RETRY_PAUSE_S) - 1)])
                    tries += 1
                    continue
                translated = errors.library_error(error, self.library_path, BUSY_TIMEOUT_S)
                if translated is error:
                    raise
                raise translated from error


def open_connection(path: Path, uri: str | None = None) -> LibraryConnection:
    """A connection to ``path`` (or to the ``uri`` given for it) with the busy timeout set from the start."""
    try:
        conn = sqlite3.connect(uri or path, uri=uri is not None, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False, factory=LibraryConnection)
    except sqlite3.Error as error:
        translated = errors.library_error(error, path, BUSY_TIMEOUT_S)
        raise (errors.unreadable(path, str(error)) if translated is error else translated) from error
    assert isinstance(conn, LibraryConnection)
    conn.library_path = path
    return conn
