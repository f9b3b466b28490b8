"""Room kept free on the disk so that a recording that fills it can still be finished.

A recording writes until the disk is full.  Finishing it then needs a little
space: a few pages of the library's write-ahead log for its row, and the
sidecar file.  :class:`SpaceReserve` takes that space before recording starts
(a file of :data:`RESERVE_BYTES`, really allocated) and gives it back just
before the recording is finished.  A disk too full for the reserve is too full
to record on: recording does not start, and nothing is created.

The reserve lies in the recordings folder, on the disk that fills, beside the
library in the usual layout.  It is locked while in use; :func:`remove_stale`
deletes reserves left by a process that died.
"""

from __future__ import annotations

import errno
import fcntl
import os
import uuid
from pathlib import Path

from core import paths
from core.recording import errors
from core.recording.errors import RecordingError

RESERVE_BYTES = 256 * 1024
PREFIX = ".reserve-"
_NO_FALLOCATE = (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS)


class SpaceReserve:
    """Allocated by :meth:`take`; :meth:`release` frees the space (idempotent)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def take(cls, folder: Path | None = None, size: int = RESERVE_BYTES) -> SpaceReserve:
        """Reserve ``size`` bytes in ``folder`` (the recordings folder); raises :class:`RecordingError` when full."""
        try:
            path = (folder or paths.recordings_dir()) / f"{PREFIX}{uuid.uuid4().hex}"
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, paths.FILE_MODE)
        except OSError as error:
            raise RecordingError(errors.not_started_write(error)) from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            _allocate(fd, size)
        except OSError as error:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise RecordingError(errors.not_started_write(error)) from error
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the space back to the disk."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)
            self._fd = None


def _allocate(fd: int, size: int) -> None:
    try:
        os.posix_fallocate(fd, 0, size)
    except OSError as error:
        if error.errno not in _NO_FALLOCATE:
            raise
        block = b"\0" * 65536  # a file system without fallocate: write the bytes
        written = 0
        while written < size:
            written += os.write(fd, block[: size - written])
    os.fsync(fd)


def remove_stale(folder: Path | None = None) -> int:
    """Delete reserves whose process died (their lock is free); returns how many."""
    folder = folder or paths.recordings_dir()
    removed = 0
    for path in folder.glob(f"{PREFIX}*"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            path.unlink(missing_ok=True)
            removed += 1
        except BlockingIOError:
            pass  # in use by a recording in another process
        finally:
            os.close(fd)
    return removed
