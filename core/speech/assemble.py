"""Durable, verified building of a model folder.

Low-level helpers for :mod:`core.speech.models`; they know nothing about
which model is built and produce no user-visible text.

A folder is built in a temporary sibling (``.<name>.build-XXXX``), every file
is written owner-only and fsync'd, the manifest is written last, and the
folder is then renamed into place.  An interrupted build therefore leaves
either the old folder or a leftover temporary one, never a half-written
folder under the final name.  Builders serialise on an ``fcntl.flock`` lock.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.fsutil import atomic_write_text, fsync_dir
from core.paths import DIR_MODE, FILE_MODE

Progress = Callable[[int, int], None]

CHUNK_SIZE = 1 << 20
MANIFEST_NAME = "furikaeri-model.json"
MANIFEST_FORMAT = 1
MODEL_FILE = "model.bin"


@dataclass(frozen=True)
class Pinned:
    """The expected size and sha256 (hex) of one file."""

    size: int
    sha256: str


class ChecksumMismatchError(Exception):
    """Source data did not have the pinned size or checksum."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} does not match its pinned size or sha256")
        self.what = what


class ManifestError(Exception):
    """The manifest exists but cannot be read or parsed."""


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    """Hash ``path`` in chunks; ``progress(done, total)`` after each chunk."""
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        total = os.fstat(handle.fileno()).st_size
        done = 0
        while count := handle.readinto(buffer):
            digest.update(view[:count])
            done += count
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


@contextmanager
def exclusive_lock(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``lock_path`` (created 0600) for the block.

    The kernel releases the lock when the holder dies, so a killed builder
    never leaves a stale lock behind.  Separate ``open()`` calls conflict even
    inside one process, so threads are serialised as well.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _create_private(path: Path) -> int:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return fd


def concatenate_verified(
    sources: Sequence[Path], dest: Path, expected: Pinned, progress: Progress | None = None
) -> None:
    """Stream ``sources`` one after the other into a new private file ``dest``.

    Never holds more than one chunk in memory.  Raises :class:`ChecksumMismatchError`
    unless the result has exactly ``expected`` size and sha256.
    """
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK_SIZE)
    view = memoryview(buffer)
    done = 0
    if progress is not None:
        progress(0, expected.size)
    with os.fdopen(_create_private(dest), "wb", buffering=0) as out:
        for source in sources:
            with open(source, "rb", buffering=0) as handle:
                while count := handle.readinto(buffer):
                    done += count
                    if done > expected.size:
                        raise ChecksumMismatchError(dest.name)
                    digest.update(view[:count])
                    out.write(view[:count])
                    if progress is not None:
                        progress(done, expected.size)
        os.fsync(out.fileno())
    if done != expected.size or digest.hexdigest() != expected.sha256:
        raise ChecksumMismatchError(dest.name)


def copy_verified(source: Path, dest: Path, expected: Pinned) -> None:
    """Copy ``source`` to a new private file ``dest``, checking size and sha256."""
    concatenate_verified([source], dest, expected)


def model_stat(folder: Path) -> dict[str, int]:
    st = (folder / MODEL_FILE).stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def manifest_dict(name: str, files: Mapping[str, Pinned], model_bin_stat: dict[str, int]) -> dict[str, Any]:
    model = files[MODEL_FILE]
    return {
        "format": MANIFEST_FORMAT,
        "name": name,
        "sha256": model.sha256,
        "size": model.size,
        "files": {fname: {"size": pin.size, "sha256": pin.sha256} for fname, pin in sorted(files.items())},
        "model_bin_stat": model_bin_stat,
    }


def write_manifest(folder: Path, name: str, files: Mapping[str, Pinned],
                   extra: Mapping[str, Any] | None = None) -> None:
    """(Re)write the manifest atomically, recording ``model.bin``'s current stat (and ``extra`` facts: the source)."""
    data = {**(extra or {}), **manifest_dict(name, files, model_stat(folder))}
    atomic_write_text(folder / MANIFEST_NAME, json.dumps(data, indent=2, sort_keys=True) + "\n")


def refresh_manifest_stat(folder: Path) -> None:
    """Record ``model.bin``'s current stat in the manifest, keeping everything else (the content was checked)."""
    data = read_manifest(folder) or {}
    data["model_bin_stat"] = model_stat(folder)
    atomic_write_text(folder / MANIFEST_NAME, json.dumps(data, indent=2, sort_keys=True) + "\n")


def manifest_files(manifest: dict[str, Any]) -> dict[str, Pinned]:
    """The files a manifest lists, with their sizes and sha256; :class:`ManifestError` if malformed."""
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise ManifestError("no files")
    pinned: dict[str, Pinned] = {}
    for name, entry in files.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)
                and "/" not in name and name not in ("", ".", "..")):
            raise ManifestError(f"a bad entry for {name!r}")
        pinned[name] = Pinned(entry["size"], entry["sha256"])
    return pinned


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest as a dict, ``None`` if absent; :class:`ManifestError` if unreadable."""
    try:
        text = (folder / MANIFEST_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(str(exc)) from exc
    try:
        data: object = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(str(exc)) from exc
    if not isinstance(data, dict):
        raise ManifestError("not a JSON object")
    return data


def manifest_matches(manifest: dict[str, Any], name: str, files: Mapping[str, Pinned]) -> bool:
    """Whether ``manifest`` describes exactly this model (ignoring the stat)."""
    expected = manifest_dict(name, files, {})
    return all(manifest.get(key) == value for key, value in expected.items() if key != "model_bin_stat")


def _remove(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def leftovers(final: Path) -> list[Path]:
    """Temporary folders left next to ``final`` by interrupted builds."""
    parent = final.parent
    patterns = (f".{final.name}.build-*", f".{final.name}.old-*")
    return sorted(p for pattern in patterns for p in parent.glob(pattern))


def remove_leftovers(final: Path) -> None:
    """Delete :func:`leftovers`; only call while holding the build lock."""
    for path in leftovers(final):
        _remove(path)


def build_folder(final: Path, populate: Callable[[Path], None]) -> None:
    """Build a folder with ``populate(tmp)`` and atomically put it at ``final``.

    ``populate`` must create every file (fsync'd), the manifest last.  An
    existing ``final`` (a damaged copy) is moved aside and deleted.  On any
    exception the temporary folder is removed and the exception re-raised.
    """
    parent = final.parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.build-", dir=parent))
    try:
        os.chmod(tmp, DIR_MODE)
        populate(tmp)
        fsync_dir(tmp)
        old = None
        if os.path.lexists(final):
            old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=parent))
            os.replace(final, old / final.name)
        os.rename(tmp, final)
        fsync_dir(parent)
    except BaseException:
        _remove(tmp)
        raise
    if old is not None:
        _remove(old)
