"""Why the library database cannot be used, in one sentence for the user.

SQLite reports trouble with a handful of result codes; :func:`library_error`
turns the ones a user can do something about (another program holds the
library, the disk is full, the file is damaged, it cannot be read or written)
into a :class:`DatabaseError` carrying a translatable sentence.  These errors
are also ``sqlite3.OperationalError``\\ s, so code that catches SQLite's own
errors (to roll a transaction back, say) keeps working unchanged.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

CONTEXT = "Database"

# SQLite's primary result codes (sqlite3.h); extended codes carry them in their low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED = 3, 5, 6
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
BUSY_CODES = frozenset({SQLITE_BUSY, SQLITE_LOCKED})
FULL_BELOW_BYTES = 64 * 1024  # less free space than this, and an I/O error is the disk being full


class DatabaseError(FurikaeriError):
    """The library database cannot be used; the message says why."""


class LibraryUnavailable(DatabaseError, sqlite3.OperationalError):  # noqa: N818 - named, like its subclasses LibraryBusy, LibraryFull and LibraryDamaged, for the library's state
    """SQLite could not read or write the library just now (also an ``sqlite3.OperationalError``)."""


class LibraryBusy(LibraryUnavailable):
    """Another program kept the library locked for longer than the busy timeout."""


class LibraryFull(LibraryUnavailable):
    """The disk holding the library is full."""


class LibraryDamaged(LibraryUnavailable):
    """The file is not a usable library: damaged, truncated, or something else entirely."""


def _m(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


def primary_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


# -- the file itself ---------------------------------------------------------------


def too_new(path: Path, found: int, supported: int) -> DatabaseError:
    return DatabaseError(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} was written by a newer version of Furikaeri "
        "(schema {found}; this version knows up to {supported}). "
        "It was not changed. Please update Furikaeri to open it."),
        path=str(path), found=found, supported=supported))


def unreadable(path: Path, detail: str) -> DatabaseError:
    return LibraryUnavailable(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} cannot be opened ({detail}). "
        "It was not changed; restore it from a backup or move it away to start a new one."),
        path=str(path), detail=detail))


def not_created(path: Path, detail: str) -> DatabaseError:
    return LibraryUnavailable(_m(QT_TRANSLATE_NOOP(
        "Database", "A new library could not be created at {path} ({detail})."),
        path=str(path), detail=detail))


def is_folder(path: Path) -> DatabaseError:
    return LibraryDamaged(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} cannot be opened: it is a folder, not a file. "
        "Nothing was changed; move the folder away to start a new library."),
        path=str(path)))


def not_a_file(path: Path) -> DatabaseError:
    return LibraryDamaged(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} cannot be opened: it is not an ordinary file. "
        "Nothing was changed; move it away to start a new library."),
        path=str(path)))


def empty_file(path: Path) -> DatabaseError:
    return LibraryDamaged(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} cannot be opened: the file is empty (0 bytes), so its interviews are missing. "
        "It was not changed and no new library was started over it; restore it from a backup, "
        "or move it away to start a new one."),
        path=str(path)))


def not_sqlite(path: Path) -> DatabaseError:
    return LibraryDamaged(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} cannot be opened: it is not a Furikaeri library file. "
        "It was not changed; restore it from a backup or move it away to start a new one."),
        path=str(path)))


def damaged(path: Path, detail: str) -> LibraryDamaged:
    return LibraryDamaged(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} is damaged and cannot be opened ({detail}). "
        "It was not changed; restore it from a backup, or move it away to start a new one."),
        path=str(path), detail=detail))


# -- while it is used --------------------------------------------------------------


def busy(path: Path, seconds: float) -> LibraryBusy:
    return LibraryBusy(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} is busy: another program has been changing it for more than {seconds} seconds. "
        "Nothing was changed; close that program or try again in a moment."),
        path=str(path), seconds=f"{seconds:g}"))


def full(path: Path) -> LibraryFull:
    return LibraryFull(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The disk holding the library at {path} is full, so the change was not saved. "
        "Free some space and try again."),
        path=str(path)))


def io_failed(path: Path, detail: str) -> LibraryUnavailable:
    return LibraryUnavailable(_m(QT_TRANSLATE_NOOP(
        "Database",
        "The library at {path} could not be read or written ({detail}). The change was not saved."),
        path=str(path), detail=detail))


def library_error(error: sqlite3.Error, path: Path, busy_seconds: float) -> sqlite3.Error:
    """The user's sentence for an error SQLite raised, or ``error`` itself when it is a program's mistake."""
    if isinstance(error, DatabaseError):
        return error
    code = primary_code(error)
    detail = str(error)
    if code in BUSY_CODES:
        return busy(path, busy_seconds)
    if code == SQLITE_FULL:
        return full(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, detail)
    if code in (SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM):
        # A full disk often reaches SQLite as an I/O error (growing the log's index fails): say what it is.
        return full(path) if code != SQLITE_READONLY and _disk_full(path) else io_failed(path, detail)
    return error


def _disk_full(path: Path) -> bool:
    try:
        usage = os.statvfs(path.parent)
    except OSError:
        return False
    return usage.f_bavail * usage.f_frsize < FULL_BELOW_BYTES
