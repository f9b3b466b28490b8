"""Durable files: the library's own, and the files a user names as an output.

The library's files (settings, sidecars, manifests) are replaced atomically
with :func:`atomic_write_bytes`.  A file the user names (``-o FILE`` on the
command line, *Export…* in the app) goes through :func:`write_output`, which
writes according to what the name points at:

* a regular file, or a name that does not exist yet: an owner-only (0600)
  temporary file in the same folder, flushed to disk and renamed over the
  name, so that readers see the old file or the new one, never half of it.
  A symbolic link is followed: the file it points to is replaced, the link
  stays a link.
* a FIFO, a terminal or another character device (``/dev/null``): written
  straight through; the special file is never replaced by a regular one.
* ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``: the process's own open
  descriptor, so that a shell's ``>>`` still appends.

Refused before anything is written (:class:`OutputRefused`): a folder, a
disk (block device), the same file as one of the inputs (same path, a hard
link or a symbolic link to it) and an existing file inside a protected folder
(the library's).  A failed write (:class:`OutputFailed`: the disk is full,
the folder is missing or not writable) removes its temporary file and leaves
an existing file as it was; no empty file is left behind.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.paths import FILE_MODE

CONTEXT = "Output"
Writer = Callable[[BinaryIO], object]
PathLike = str | os.PathLike[str]


def fsync_dir(path: Path) -> None:
    """Make a rename or creation inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(path: Path, write: Writer, durable: bool = True) -> None:
    """Fill an owner-only temporary file beside ``path`` with ``write(handle)``, then rename it over ``path``.

    Readers see the old file or the new one, never half.  ``durable`` also
    flushes the data and the rename to disk (a cache can do without).  On any
    failure the temporary file is removed and the exception propagates.
    """
    # A short temporary name: the target's own may already be near the 255-byte limit.
    fd, tmp = tempfile.mkstemp(prefix=".furikaeri-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            write(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half."""
    replace_atomically(Path(path), lambda handle: handle.write(data))


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


# -- files the user names ----------------------------------------------------------------------


class OutputError(FurikaeriError):
    """An output was not written; ``message`` says why in one sentence.

    ``usage`` is true when the name itself cannot be used (the command line's
    exit status 2) and false when writing failed (exit status 1).
    """

    usage = False


class OutputRefused(OutputError):  # noqa: N818 - a kind of OutputError, named for what happened
    """The name points at something that must not be written: nothing was touched."""

    usage = True


class OutputFailed(OutputError):  # noqa: N818 - a kind of OutputError, named for what happened
    """Writing failed; an existing file is as it was and no temporary file is left."""


class OutputKind(enum.Enum):
    FILE = "file"  # a regular file or a new name: replaced atomically
    DEVICE = "device"  # a FIFO, a terminal, a character device: written straight through
    DESCRIPTOR = "descriptor"  # /dev/stdout and the like: the process's own descriptor


@dataclass(frozen=True)
class OutputTarget:
    name: str  # as the user gave it, for messages
    path: Path  # where the bytes go (a symbolic link resolved)
    kind: OutputKind
    descriptor: int | None = None  # for OutputKind.DESCRIPTOR

    @property
    def is_file(self) -> bool:
        return self.kind is OutputKind.FILE


def _message(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


def _failed(name: str, error: OSError) -> OutputFailed:
    return OutputFailed(_message(QT_TRANSLATE_NOOP("Output", "Could not write {path}: {detail}"),
                                 path=name, detail=error.strerror or str(error)))


def _own_descriptor(name: str) -> int | None:
    """N when ``name`` leads to ``/proc/self/fd/N`` (``/dev/stdout``, ``/dev/fd/1``), else None."""
    own = {f"/proc/{os.getpid()}/fd", "/proc/self/fd", "/dev/fd"}
    current = os.path.abspath(name)
    for _ in range(40):  # the kernel's own limit on symbolic links in a row
        folder, base = os.path.split(current)
        folder = os.path.realpath(folder)
        if folder in own and base.isdigit():
            return int(base)
        current = os.path.join(folder, base)
        if not os.path.islink(current):
            return None
        current = os.path.normpath(os.path.join(folder, os.readlink(current)))
    return None


def _same_file(name: str, found: os.stat_result, inputs: Iterable[PathLike]) -> None:
    for item in inputs:
        try:
            other = os.stat(item)
        except OSError:  # an input that is not there cannot be overwritten
            continue
        if (other.st_dev, other.st_ino) != (found.st_dev, found.st_ino):
            continue
        if os.path.abspath(item) == os.path.abspath(name):
            raise OutputRefused(_message(QT_TRANSLATE_NOOP(
                "Output", "{path} is being read: choose another name for the output. Nothing was written."),
                path=name))
        raise OutputRefused(_message(QT_TRANSLATE_NOOP(
            "Output", "{path} is the same file as {input}, which is being read: "
                      "choose another name for the output. Nothing was written."),
            path=name, input=os.fspath(item)))


def _protected(name: str, real: Path, protected: Iterable[PathLike]) -> None:
    for folder in protected:
        resolved = Path(os.path.realpath(folder))
        if real.is_relative_to(resolved):
            raise OutputRefused(_message(QT_TRANSLATE_NOOP(
                "Output", "{path} is one of Furikaeri's own files: choose a name outside {folder}. "
                          "Nothing was written."), path=name, folder=os.fspath(folder)))


def check_output(path: PathLike, inputs: Iterable[PathLike] = (),
                 protected: Iterable[PathLike] = ()) -> OutputTarget:
    """What writing to ``path`` would do; :class:`OutputRefused` when it must not be written.

    ``inputs`` are files the command reads; ``protected`` are folders whose
    existing files must not be overwritten.  Call it before slow work, so
    that a wrong name is reported at once; :func:`write_output` checks again.
    """
    name = os.fspath(path)
    inputs, protected = tuple(inputs), tuple(protected)
    descriptor = _own_descriptor(name)
    if descriptor is not None:
        try:
            found = os.fstat(descriptor)
        except OSError as error:
            raise _failed(name, error) from error
        _same_file(name, found, inputs)
        return OutputTarget(name, Path(name), OutputKind.DESCRIPTOR, descriptor)
    real = Path(os.path.realpath(name))
    try:
        found = os.stat(name)
    except FileNotFoundError:
        if name.endswith(os.sep):
            raise _folder(name) from None
        return OutputTarget(name, real, OutputKind.FILE)
    except OSError as error:
        raise _failed(name, error) from error
    if stat.S_ISDIR(found.st_mode):
        raise _folder(name)
    if stat.S_ISBLK(found.st_mode):
        raise OutputRefused(_message(QT_TRANSLATE_NOOP(
            "Output", "{path} is a disk: Furikaeri writes files, never straight onto a disk. Nothing was written."),
            path=name))
    _same_file(name, found, inputs)
    if stat.S_ISREG(found.st_mode):
        _protected(name, real, protected)
        return OutputTarget(name, real, OutputKind.FILE)
    return OutputTarget(name, real, OutputKind.DEVICE)


def _folder(name: str) -> OutputRefused:
    return OutputRefused(_message(QT_TRANSLATE_NOOP(
        "Output", "{path} is a folder: give the name of a file to write. Nothing was written."), path=name))


def write_output(path: PathLike, content: bytes | Writer, *, inputs: Iterable[PathLike] = (),
                 protected: Iterable[PathLike] = ()) -> OutputTarget:
    """Write ``content`` (bytes, or a function writing into a binary handle) to the file the user named.

    See the module's description for what is written how.  Raises
    :class:`OutputRefused` (nothing touched) or :class:`OutputFailed`.
    """
    target = check_output(path, inputs, protected)
    write: Writer = content if callable(content) else (lambda handle: handle.write(content))
    try:
        if target.is_file:
            replace_atomically(target.path, write)
        else:
            _write_through(target, write)
    except BrokenPipeError:
        if target.kind is OutputKind.DESCRIPTOR:
            raise  # the reader of standard output went away: the command line ends quietly
        raise _failed(target.name, BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))) from None
    except OSError as error:
        raise _failed(target.name, error) from error
    return target


def _write_through(target: OutputTarget, write: Writer) -> None:
    if target.descriptor is not None:
        for stream in (sys.stdout, sys.stderr):  # what was printed before comes first
            if stream is not None and _fileno(stream) == target.descriptor:
                stream.flush()
        fd = os.dup(target.descriptor)
    else:
        # No O_CREAT, no O_TRUNC: the node is used as it is, never made anew.
        fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
        if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a plain file since it was checked
            os.close(fd)
            replace_atomically(target.path, write)
            return
    with os.fdopen(fd, "wb") as handle:
        write(handle)
        handle.flush()


def _fileno(stream: TextIO) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
