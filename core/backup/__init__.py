"""Back up the whole library into one archive, and restore it (``main.py backup`` / ``restore``, Library menu).

The archive (outer layer: :mod:`core.backup.archive`) holds a tar stream of

* ``library/library.sqlite3``: a consistent snapshot of the database, taken with SQLite's backup API while the
  app may be running and writing;
* ``library/…``: every other file of the library's folder (recordings, call tracks, sidecars, the consent
  ledger, the voice profile), the files SQLite keeps beside the database, locks and hidden temporary files
  left out;
* ``settings/settings.json``: the settings file, when there is one;
* ``manifest.json`` last: every file's path, size and SHA-256, the schema version and counts.

A restore goes into a new folder beside the library's, checks every file against the manifest, swaps the
folder in, and checks every consent chain of the restored database. Any failure puts everything back as it
was; a library that was replaced (``replace=True``) is kept aside under a dated name, never deleted.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from core import __version__, paths
from core.backup.archive import (
    KDF_LOG2_N,
    BackupError,
    BackupRefused,
    SealedReader,
    SealedWriter,
    damaged,
)
from core.fsutil import fsync_dir, write_output
from core.messages import QT_TRANSLATE_NOOP, Message
from core.recording.files import LOCK_SUFFIX
from core.storage import errors as db_errors

__all__ = ["BackupError", "BackupRefused", "BackupResult", "RestoreResult", "backup", "is_encrypted", "restore"]

Report = Callable[[int, int], None]
FORMAT = "furikaeri-backup"
MANIFEST = "manifest.json"
DATABASE = "library.sqlite3"
READ_SIZE = 1 << 16  # what is copied out of the tar stream at a time
_SKIPPED_SUFFIXES = ("-wal", "-shm", "-journal", LOCK_SUFFIX)


def _m(text: str, **params: object) -> Message:
    return Message("Backup", text, params)


@dataclass(frozen=True)
class BackupResult:
    files: int
    bytes: int  # of the files inside, before sealing


@dataclass(frozen=True)
class RestoreResult:
    interviews: int
    recordings: int
    files: int
    bytes: int
    set_aside: Path | None  # where the library that was replaced now is


# -- backing up ------------------------------------------------------------------------------------


def _library_files(data: Path) -> list[tuple[str, Path]]:
    """(name in the archive, path) of every file in the library's folder but the database and transient files."""
    found: list[tuple[str, Path]] = []
    for folder, folders, names in os.walk(data):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            relative = path.relative_to(data).as_posix()
            if (name.startswith(".") or relative == DATABASE or name.endswith(_SKIPPED_SUFFIXES)
                    or not path.is_file() or path.is_symlink()):
                continue
            found.append((f"library/{relative}", path))
    return found


def _snapshot(database: Path, into: Path) -> None:
    """A consistent copy of the database as of one moment (SQLite's backup API, all pages in one step)."""
    try:
        source = sqlite3.connect(database, timeout=5.0)
        try:
            target = sqlite3.connect(into)
            try:
                source.backup(target)
                ok = target.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        translated = db_errors.library_error(error, database, 5.0)
        raise (db_errors.unreadable(database, str(error)) if translated is error else translated) from error
    if ok != "ok":
        raise db_errors.damaged(database, str(ok))


class _Hashing(io.RawIOBase):
    """Reads at most ``size`` bytes of ``handle``, hashing them and reporting progress."""

    def __init__(self, handle: BinaryIO, size: int, progress: Callable[[int], None]) -> None:
        self._handle, self._left, self._progress = handle, size, progress
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        wanted = self._left if size < 0 else min(size, self._left)
        data = self._handle.read(wanted)
        self._left -= len(data)
        self.sha256.update(data)
        self._progress(len(data))
        return data


def _add(tar: tarfile.TarFile, name: str, path: Path, progress: Callable[[int], None]) -> dict[str, object]:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(time.time())
        reader = _Hashing(handle, size, progress)
        tar.addfile(info, reader)
    return {"path": name, "size": size, "sha256": reader.sha256.hexdigest()}


def _counts(database: Path) -> tuple[int, int, int]:
    """(schema version, interviews, recordings) of a database file."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        interviews = conn.execute("SELECT COUNT(*) FROM interviews").fetchone()[0]
        recordings = conn.execute("SELECT COUNT(*) FROM recordings").fetchone()[0]
    finally:
        conn.close()
    return int(version), int(interviews), int(recordings)


def check_backup_target(output: str | os.PathLike[str]) -> None:
    """Refuse an archive inside the library's folder (it would be written among the files it backs up)."""
    data = Path(os.path.realpath(paths.data_dir(create=False)))
    target = Path(os.path.realpath(output))
    if target.is_relative_to(data):
        raise BackupRefused(_m(QT_TRANSLATE_NOOP(
            "Backup", "{path} is inside the library's folder: choose a place outside {folder}. Nothing was written."),
            path=os.fspath(output), folder=str(data)))


def backup(output: str | os.PathLike[str], passphrase: str | None, report: Report | None = None,
           log2_n: int = KDF_LOG2_N) -> BackupResult:
    """Write the whole library to ``output`` (encrypted unless ``passphrase`` is None), atomically.

    The output is written under a temporary name beside it and renamed at the end; it may not be a file of
    the library. Raises :class:`BackupError`, :class:`core.fsutil.OutputError` or a
    :class:`core.storage.errors.DatabaseError`, each with nothing left behind.
    """
    check_backup_target(output)
    data = paths.data_dir(create=False)
    database = data / DATABASE
    if not database.is_file():
        raise BackupError(_m(QT_TRANSLATE_NOOP(
            "Backup", "There is no library at {folder} to back up. Nothing was written."), folder=str(data)))
    try:
        return _backup(output, passphrase, report, log2_n, data, database)
    except OSError as error:  # the library's own files could not be read (the output's failures are OutputErrors)
        raise BackupError(_m(QT_TRANSLATE_NOOP(
            "Backup", "The library could not be read for the backup ({detail}). Nothing was written."),
            detail=error.strerror or str(error))) from error


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # deleted since it was listed: left out
        return 0


def _backup(output: str | os.PathLike[str], passphrase: str | None, report: Report | None, log2_n: int,
            data: Path, database: Path) -> BackupResult:
    # The snapshot is as private as the library: in the cache folder (0700), removed when done.
    fd, snapshot_name = tempfile.mkstemp(prefix="snapshot-", suffix=".sqlite3.tmp", dir=paths.cache_dir())
    os.close(fd)
    snapshot = Path(snapshot_name)
    try:
        os.chmod(snapshot, paths.FILE_MODE)
        _snapshot(database, snapshot)
        schema, interviews, recordings = _counts(snapshot)
        files = [("library/" + DATABASE, snapshot), *_library_files(data)]
        settings = paths.settings_path()
        if settings.is_file():
            files.append(("settings/settings.json", settings))
        total = sum(_size(path) for _, path in files)
        done = [0]
        entries: list[dict[str, object]] = []

        def progress(count: int) -> None:
            done[0] += count
            if report is not None and count:
                report(done[0], total)

        def write(handle: BinaryIO) -> None:
            entries.clear()
            sealed = SealedWriter(handle, passphrase, log2_n)
            with tarfile.open(fileobj=sealed, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
                for name, path in files:
                    try:
                        entries.append(_add(tar, name, path, progress))
                    except FileNotFoundError:  # a recording deleted meanwhile: not in the backup, nor its manifest
                        continue
                manifest = json.dumps({
                    "format": FORMAT, "version": 1, "app": __version__, "schema": schema,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "interviews": interviews, "recordings": recordings, "files": entries,
                }, ensure_ascii=False, indent=1).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode, info.mtime = len(manifest), 0o600, int(time.time())
                tar.addfile(info, io.BytesIO(manifest))
            sealed.close()

        write_output(output, write, inputs=(*paths.database_files(database), paths.settings_path()),
                     protected=(data,))
        return BackupResult(len(entries), sum(int(str(entry["size"])) for entry in entries))
    finally:
        snapshot.unlink(missing_ok=True)


# -- restoring -------------------------------------------------------------------------------------


def is_encrypted(archive: str | os.PathLike[str]) -> bool:
    """Whether the archive needs a passphrase (raises :class:`BackupError` when it is not a backup)."""
    with _open_archive(archive) as handle:
        reader = SealedReader(handle)
        reader.read_header()
        return reader.encrypted


def _open_archive(archive: str | os.PathLike[str]) -> BinaryIO:
    try:
        return open(archive, "rb")
    except OSError as error:
        raise BackupError(_m(QT_TRANSLATE_NOOP(
            "Backup", "{path} cannot be read ({detail}). Nothing was restored."),
            path=os.fspath(archive), detail=error.strerror or str(error))) from error


def library_is_empty() -> bool:
    data = paths.data_dir(create=False)
    return not data.exists() or (data.is_dir() and not any(data.iterdir()))


def refuse_if_not_empty(replace: bool) -> None:
    """:class:`BackupRefused` when the library's folder holds anything and ``replace`` was not asked for."""
    if not replace and not library_is_empty():
        raise BackupRefused(_m(QT_TRANSLATE_NOOP(
            "Backup", "The library folder {folder} is not empty: a backup is restored only into an empty library "
                      "(or with --replace, which keeps the current library aside). Nothing was restored."),
            folder=str(paths.data_dir(create=False))))


def _member_path(name: str, staging: Path) -> Path:
    """Where a member of the archive goes under ``staging``; refuses any name that could leave it."""
    pure = PurePosixPath(name)
    if (pure.is_absolute() or ".." in pure.parts or len(pure.parts) < 2 or pure.parts[0] not in ("library", "settings")
            or any(part.startswith(".") for part in pure.parts) or "\\" in name or "\x00" in name):
        raise damaged(QT_TRANSLATE_NOOP("Backup", "it holds an unexpected name, “{name}”"), name=name)
    return staging.joinpath(*pure.parts)


class _Counting(io.RawIOBase):
    """The archive file, counting the bytes read for progress."""

    def __init__(self, handle: BinaryIO, total: int, report: Report | None) -> None:
        self._handle, self._total, self._report, self.done = handle, total, report, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.done += len(data)
        if self._report is not None and data:
            self._report(self.done, self._total)
        return data


def _extract(reader: SealedReader, staging: Path) -> tuple[dict[str, tuple[int, str]], dict[str, object]]:
    """Unpack every file into ``staging``: {name: (size, sha256)} of what was written, and the manifest."""
    written: dict[str, tuple[int, str]] = {}
    manifest: dict[str, object] | None = None
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for member in tar:
                if manifest is not None:
                    raise damaged(QT_TRANSLATE_NOOP("Backup", "it goes on after its manifest"))
                if not member.isfile():
                    raise damaged(QT_TRANSLATE_NOOP("Backup", "it holds something that is not a file, “{name}”"),
                                  name=member.name)
                source = tar.extractfile(member)
                assert source is not None
                if member.name == MANIFEST:
                    if member.size > 64 << 20:
                        raise damaged(QT_TRANSLATE_NOOP("Backup", "its manifest is too large"))
                    loaded = json.loads(source.read().decode("utf-8"))
                    if not isinstance(loaded, dict) or loaded.get("format") != FORMAT:
                        raise damaged(QT_TRANSLATE_NOOP("Backup", "its manifest is not one"))
                    manifest = loaded
                    continue
                if member.name in written:
                    raise damaged(QT_TRANSLATE_NOOP("Backup", "it holds “{name}” twice"), name=member.name)
                path = _member_path(member.name, staging)
                paths.ensure_private_dir(path.parent)
                digest = hashlib.sha256()
                size = 0
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.FILE_MODE)
                with os.fdopen(fd, "wb") as out:
                    while block := source.read(READ_SIZE):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
                    out.flush()
                    os.fsync(out.fileno())
                written[member.name] = (size, digest.hexdigest())
    except (tarfile.TarError, UnicodeDecodeError, ValueError, EOFError) as error:
        raise damaged(QT_TRANSLATE_NOOP("Backup", "its contents cannot be read: {error}"), error=str(error)) from None
    reader.read_to_end()
    if manifest is None:
        raise damaged(QT_TRANSLATE_NOOP("Backup", "its manifest is missing"))
    return written, manifest


def _check_manifest(written: dict[str, tuple[int, str]], manifest: dict[str, object]) -> None:
    entries = manifest.get("files")
    if not isinstance(entries, list):
        raise damaged(QT_TRANSLATE_NOOP("Backup", "its manifest lists no files"))
    listed: dict[str, tuple[int, str]] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise damaged(QT_TRANSLATE_NOOP("Backup", "its manifest is not one"))
        listed[str(entry.get("path"))] = (entry.get("size"), entry.get("sha256"))  # type: ignore[assignment]
    if set(listed) != set(written):
        missing = sorted(set(listed) ^ set(written))
        raise damaged(QT_TRANSLATE_NOOP("Backup", "the files do not match its manifest: {names}"),
                      names=', '.join(missing[:3]))
    for name, (size, digest) in written.items():
        if listed[name] != (size, digest):
            raise damaged(QT_TRANSLATE_NOOP("Backup", "{name} does not match its SHA-256 in the manifest"), name=name)
    if "library/" + DATABASE not in written:
        raise damaged(QT_TRANSLATE_NOOP("Backup", "it holds no database"))


def _newer_schema(manifest: dict[str, object]) -> None:
    from core.storage.db import latest_version

    schema = manifest.get("schema")
    if not isinstance(schema, int) or schema > latest_version():
        raise BackupError(_m(QT_TRANSLATE_NOOP(
            "Backup", "This backup was made by a newer version of Furikaeri. Nothing was restored.")))


def _set_aside_name(data: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = data.with_name(f"{data.name}.before-restore-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = data.with_name(f"{data.name}.before-restore-{stamp}-{number}")
    return candidate


def _verify_consent() -> tuple[int, int]:
    """Open the restored library where it now is and check every consent chain: (interviews, recordings)."""
    from core.consent.verify import check_consent
    from core.library import Library

    with Library(paths.database_path()) as library:
        check = check_consent(library)
        if not check.ok:
            raise BackupError(_m(QT_TRANSLATE_NOOP(
                "Backup", "The consent records in this backup do not verify ({count} finding(s)), "
                          "so it was not restored: run main.py doctor on the library it came from."),
                count=len(check.problems)))
        return len(library.interviews.all()), len(library.recordings.all())


def restore(archive: str | os.PathLike[str], passphrase: str | None, replace: bool = False,
            report: Report | None = None) -> RestoreResult:
    """Restore ``archive`` as the library; see the module's description for the order of the steps.

    Refuses a library folder that is not empty unless ``replace``. Raises :class:`BackupError` (or a
    :class:`core.storage.errors.DatabaseError`) with the library exactly as it was.
    """
    refuse_if_not_empty(replace)
    data = paths.data_dir(create=False)
    with _open_archive(archive) as handle:
        total = os.fstat(handle.fileno()).st_size
        reader = SealedReader(_Counting(handle, total, report))  # type: ignore[arg-type]
        reader.read_header()
        reader.unlock(passphrase)
        paths.ensure_private_dir(data.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{data.name}.restoring-", dir=data.parent))
        try:
            written, manifest = _extract(reader, staging)
            _check_manifest(written, manifest)
            _newer_schema(manifest)
            return _swap_in(staging, data, written)
        except OSError as error:  # a full disk, a folder that cannot be written: everything was put back
            raise BackupError(_m(QT_TRANSLATE_NOOP(
                "Backup", "The backup could not be restored into {folder} ({detail}). Nothing was restored."),
                folder=str(data.parent), detail=error.strerror or str(error))) from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, data: Path, written: dict[str, tuple[int, str]]) -> RestoreResult:
    """Put the checked files in place, check the consent chains, and undo everything if they fail."""
    aside: Path | None = None
    emptied = False
    if data.exists():
        if library_is_empty():
            data.rmdir()
            emptied = True
        else:
            aside = _set_aside_name(data)
            os.rename(data, aside)
    settings = paths.settings_path()
    new_settings = staging / "settings" / "settings.json"
    old_settings = settings.with_name(".settings.json.before-restore")
    settings_replaced = False
    try:
        os.rename(staging / "library", data)
        if new_settings.exists():
            paths.config_dir()
            if settings.exists():
                os.replace(settings, old_settings)
            os.replace(new_settings, settings)
            settings_replaced = True
        fsync_dir(data.parent)
        interviews, recordings = _verify_consent()
    except BaseException:
        if data.exists():
            os.rename(data, staging / "library")
        if aside is not None:
            os.rename(aside, data)
        elif emptied:
            paths.ensure_private_dir(data)
        if settings_replaced:
            settings.unlink(missing_ok=True)
        if old_settings.exists():
            os.replace(old_settings, settings)
        raise
    if old_settings.exists():
        if aside is not None:
            os.replace(old_settings, aside / "settings.json.before-restore")
        else:
            old_settings.unlink()
    return RestoreResult(interviews, recordings, len(written), sum(size for size, _ in written.values()), aside)
