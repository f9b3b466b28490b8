"""Moving the library (database, recordings, consent ledger, voice profile) to another folder.

Where the library is: :func:`core.paths.data_dir` reads the *pointer file* ``library-location`` in the config folder
(one line, an absolute path) and falls back to the default place (``FURIKAERI_HOME/data`` when that variable is
set, else the platform's data folder). Settings and the speech-model cache stay where they are.

:func:`move` does it in order, and stops with one sentence, nothing changed, at the first problem:

1. **checked** (:func:`check_target`): not the current folder, not inside it (nor it inside the target), empty or
   new, writable (a probe file is written and removed), with room for everything plus a margin; no recording is
   under way (the library is held with a write lock for the whole move, so nothing else changes it);
2. **copied**: the database through SQLite's backup (a consistent copy, whatever its write-ahead log holds), every
   other file byte for byte, folders 0700 and files 0600;
3. **verified**: the sha256 of every file copied, against the original; the new database's ``integrity_check``;
   then the pointer is written and the library opened at the new place has its consent records verified
   (:func:`core.consent.verify.check_consent`: no more findings than the old place had);
4. **switched**: the pointer stays; the old folder is removed only now. On any failure before that, the pointer
   is put back as it was and the copy removed: the library is where it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core import paths
from core.fsutil import atomic_write_text
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

CONTEXT = "Relocation"
DATABASE = "library.sqlite3"
MARGIN_BYTES = 64 * 1024 * 1024  # room left over on the target's disk after the copy
_SQLITE_SIDE = ("-wal", "-shm", "-journal")

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # bytes done, bytes in all


class MoveError(FurikaeriError):
    """The library could not be moved; the message says why. It is where it was, unchanged."""


def _m(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


@dataclass(frozen=True)
class Moved:
    source: Path
    target: Path
    files: int
    bytes: int
    old_removed: bool  # False: the old folder could not be removed entirely (what is left is listed in the log)


def _foreign(root: Path) -> set[Path]:
    """What lies in ``root`` but is not the library's: the speech-model cache (inside the library's folder on
    Windows), the settings folder, and settings files an older version kept there (macOS, Windows). A move neither
    copies nor removes them."""
    root = Path(root).resolve()
    found = {root / name for name in paths.CONFIG_NAMES}
    for folder in (paths.cache_dir().resolve(), paths.config_dir().resolve()):
        if root in folder.parents:
            found.add(folder)
    return found


def _walk(root: Path) -> list[Path]:
    """Every file of the library under ``root`` (what :func:`_foreign` names left out), relative to ``root``."""
    root = Path(root).resolve()
    foreign = _foreign(root)
    out: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if Path(folder) / d not in foreign]
        out.extend((Path(folder) / name).relative_to(root) for name in names if Path(folder) / name not in foreign)
    return sorted(out)


def _files(root: Path) -> list[Path]:
    """Every file under ``root`` to copy byte for byte (the database and its SQLite side files are copied through
    SQLite), relative to ``root``."""
    out = []
    for relative in _walk(root):
        if relative.as_posix() in {DATABASE, *(DATABASE + s for s in _SQLITE_SIDE)}:
            continue
        if (root / relative).is_symlink():
            raise MoveError(_m(QT_TRANSLATE_NOOP(
                "Relocation", "The library holds a link ({name}), which Furikaeri did not make. Nothing was "
                              "moved."), name=relative.as_posix()))
        out.append(relative)
    return out


def _size(root: Path) -> int:
    total = 0
    for relative in _walk(root):
        with contextlib.suppress(OSError):
            total += (root / relative).stat().st_size
    return total


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(target: Path, source: Path | None = None) -> Message | None:
    """Why the library cannot move to ``target``, or None when it can (read-only but for a probe file)."""
    source = (source or paths.data_dir(create=False)).resolve()
    target = Path(target).expanduser()
    if not target.is_absolute():
        return _m(QT_TRANSLATE_NOOP("Relocation", "Give the new folder as a full path."))
    target = target.resolve()
    if _inside(target, source):
        return _m(QT_TRANSLATE_NOOP(
            "Relocation", "The new folder is the library's folder or inside it: choose a folder elsewhere."))
    if _inside(source, target):
        return _m(QT_TRANSLATE_NOOP(
            "Relocation", "The library's folder is inside the new folder: choose an empty folder of its own."))
    config, cache = paths.config_dir().resolve(), paths.cache_dir().resolve()
    if _inside(target, config) or _inside(config, target) or _inside(target, cache):  # (the cache may be inside)
        return _m(QT_TRANSLATE_NOOP(
            "Relocation", "The new folder is Furikaeri's settings or speech-model folder, inside one or around the "
                          "settings: choose a folder elsewhere."))
    if target.exists() and (not target.is_dir() or set(target.iterdir()) - _foreign(target)):
        return _m(QT_TRANSLATE_NOOP("Relocation", "The new folder must be empty (or not exist yet): {path}"),
                  path=str(target))
    existing = target
    while not existing.exists():
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        return _m(QT_TRANSLATE_NOOP("Relocation", "Furikaeri may not write in {path}."), path=str(existing))
    needed = _size(source) + MARGIN_BYTES
    free = shutil.disk_usage(existing).free
    if free < needed:
        return _m(QT_TRANSLATE_NOOP(
            "Relocation", "Not enough free space there: the library needs {needed} MB, {free} MB are free."),
            needed=needed // 2**20 + 1, free=free // 2**20)
    return None


def _sha256(path: Path) -> str:
    import hashlib  # here: OpenSSL loads in ~3 ms, which the app's start-up (this module's first user) skips

    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_file(source: Path, target: Path) -> None:
    paths.ensure_private_dir(target.parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.FILE_MODE)
    with os.fdopen(fd, "wb") as out, source.open("rb") as data:
        shutil.copyfileobj(data, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(target, paths.FILE_MODE)


def _probe(target: Path) -> None:
    probe = target / ".furikaeri-write-test"
    try:
        paths.ensure_private_dir(target)
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        raise MoveError(_m(QT_TRANSLATE_NOOP(
            "Relocation", "Furikaeri may not write in {path} ({detail}). Nothing was moved."),
            path=str(target), detail=error.strerror or str(error))) from error


def set_library_location(folder: Path) -> None:
    """Point at ``folder`` as the library's place from now on (the default place: the pointer goes)."""
    folder = Path(folder).resolve()
    if folder == paths.default_data_dir().resolve():
        paths.library_pointer_path().unlink(missing_ok=True)
    else:
        atomic_write_text(paths.library_pointer_path(), str(folder) + "\n")


def _pointer_text() -> str | None:
    try:
        return paths.library_pointer_path().read_text("utf-8")
    except FileNotFoundError:
        return None


def _restore_pointer(text: str | None) -> None:
    pointer = paths.library_pointer_path()
    if text is None:
        pointer.unlink(missing_ok=True)
    else:
        atomic_write_text(pointer, text)


def move(target: Path, progress: Progress | None = None) -> Moved:
    """Move the library to ``target`` (see the module's description); the library must not be open in this
    process. Raises :class:`MoveError` with the reason when it stays where it was."""
    from core.consent.verify import check_consent
    from core.library import Library

    source = paths.data_dir(create=False).resolve()
    problem = check_target(Path(target), source)
    if problem is not None:
        raise MoveError(problem)
    target = Path(target).expanduser().resolve()
    created = not target.exists()
    with Library.open() as library:
        if library.recordings.unfinished():
            raise MoveError(_m(QT_TRANSLATE_NOOP(
                "Relocation", "A recording is under way (or waits to be recovered at the next start): move the "
                              "library when it has finished. Nothing was moved.")))
        before = len(check_consent(library).problems)
        library.erase_deleted()  # the write-ahead log folded in: the database file is whole
    _probe(target)
    pointer_before = _pointer_text()
    hold = sqlite3.connect(source / DATABASE, timeout=5, isolation_level=None)
    try:
        try:
            hold.execute("BEGIN IMMEDIATE")  # nobody else writes while the copy is made and checked
        except sqlite3.OperationalError as error:
            raise MoveError(_m(QT_TRANSLATE_NOOP(
                "Relocation", "The library is in use by another program (is Furikaeri open?). Nothing was "
                              "moved."))) from error
        files = _files(source)
        total = sum((source / f).stat().st_size for f in files) + (source / DATABASE).stat().st_size
        done = 0
        try:
            reader = sqlite3.connect(source / DATABASE, timeout=5, isolation_level=None)  # the backup reads
            copy = sqlite3.connect(target / DATABASE, isolation_level=None)  # through a connection of its own
            try:
                reader.backup(copy)
                verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                copy.close()
                reader.close()
            os.chmod(target / DATABASE, paths.FILE_MODE)
            if verdict != "ok":
                raise MoveError(_m(QT_TRANSLATE_NOOP(
                    "Relocation", "The copied database did not pass its integrity check ({detail}). Nothing was "
                                  "moved."), detail=verdict))
            done += (source / DATABASE).stat().st_size
            for relative in files:
                _copy_file(source / relative, target / relative)
                if _sha256(source / relative) != _sha256(target / relative):
                    raise MoveError(_m(QT_TRANSLATE_NOOP(
                        "Relocation", "The copy of {name} differs from the original. Nothing was moved."),
                        name=relative.as_posix()))
                done += (source / relative).stat().st_size
                if progress is not None:
                    progress(done, total)
            set_library_location(target)
            with Library.open() as moved:
                after = check_consent(moved).problems
            if len(after) > before:
                raise MoveError(_m(QT_TRANSLATE_NOOP(
                    "Relocation", "The consent records at the new place did not verify ({detail}). Nothing was "
                                  "moved."), detail=after[0].message))
        except BaseException as error:
            _restore_pointer(pointer_before)
            _remove_copy(target, created)
            if isinstance(error, OSError):
                raise MoveError(_m(QT_TRANSLATE_NOOP(
                    "Relocation", "The library could not be copied ({detail}). Nothing was moved."),
                    detail=error.strerror or str(error))) from error
            raise
    finally:
        hold.close()
    removed = _remove_old(source, files)
    return Moved(source, target, len(files) + 1, total, removed)


def _remove_copy(target: Path, created: bool) -> None:
    if not target.exists():
        return
    foreign = _foreign(target)
    keep = {child for child in target.iterdir() if any(f == child or child in f.parents for f in foreign)}
    if created and not keep:
        shutil.rmtree(target, ignore_errors=True)
    else:  # the user's empty folder (or the usual place, with the settings or the cache in it): emptied, kept
        for child in set(target.iterdir()) - keep:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)


def _remove_old(source: Path, files: list[Path]) -> bool:
    """Remove the library's files from ``source`` (those copied, the database and its side files), then the folders
    left empty, ``source`` too; what is not the library's (:func:`_foreign`) stays. True: nothing of it is left."""
    for relative in [*files, *(Path(DATABASE + s) for s in ("", *_SQLITE_SIDE))]:
        with contextlib.suppress(OSError):
            (source / relative).unlink(missing_ok=True)
    foreign = _foreign(source)
    for folder, dirs, _names in os.walk(source, topdown=False):
        for name in dirs:
            path = Path(folder) / name
            if not any(f == path or path in f.parents or f in path.parents for f in foreign):
                with contextlib.suppress(OSError):
                    path.rmdir()  # only when empty
    with contextlib.suppress(OSError):
        source.rmdir()
    left = _walk(source) if source.exists() else []
    if left:
        log.warning("the old library folder %s still holds %s", source, ", ".join(p.as_posix() for p in left))
    return not left


# -- a move asked for in the app: done at its next start, before the library opens --------------------------------
REQUEST_NAME = "library-move-request"


def _request_path() -> Path:
    return paths.config_dir() / REQUEST_NAME


def request_move(target: Path) -> None:
    """Ask for the library to move to ``target`` at the next start (the app has it open now)."""
    atomic_write_text(_request_path(), str(Path(target).expanduser().resolve()) + "\n")


def pending_move() -> Path | None:
    """The folder a move was asked to, if one waits."""
    try:
        text = _request_path().read_text("utf-8").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return Path(text) if text and Path(text).is_absolute() else None


def cancel_move() -> None:
    _request_path().unlink(missing_ok=True)


def move_pending(progress: Progress | None = None) -> Moved | None:
    """Do the move asked for, if any (the request goes whatever happens: a failed move is said, not retried at
    every start). Raises :class:`MoveError` when it failed; the library is then where it was."""
    target = pending_move()
    if target is None:
        return None
    cancel_move()
    return move(target, progress)
