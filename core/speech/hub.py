"""The only code in Furikaeri that opens a network connection: the Hugging Face hub, for a download the user asked for.

Plain ``urllib`` with HTTP ``Range`` requests (see docs/ARCHITECTURE.md,
*Bigger speech models*, for why not ``huggingface_hub``):

* :func:`list_files` asks the hub's API for a repository's files at a
  revision: ``GET {endpoint}/api/models/{repo}/revision/{revision}?blobs=true``
  answers with the commit (``sha``) and, per file (``siblings``), its
  ``rfilename``, ``size``, git ``blobId`` and, for files kept in Git LFS,
  ``lfs.sha256``.  Those are the hub's own checksums.
* :func:`fetch` brings one file to its full content at that commit, from
  ``{endpoint}/{repo}/resolve/{commit}/{file}`` (the hub may redirect to a
  CDN; redirects are followed with the ``Range`` header kept).  Whatever a
  previous, interrupted attempt left in the file is kept: the transfer
  resumes from its end.  A connection cut midway is retried from where it
  stopped, a few times.  The finished file is checked against the listing:
  sha256 for LFS files, the git blob id (SHA-1 of ``blob <size>\\0`` and the
  content) for the others.  A mismatch deletes the file.

``HF_ENDPOINT`` points at another hub (a mirror, or a test server on
127.0.0.1), as it does for ``huggingface_hub``.  Nothing here produces
user-visible text: errors carry a ``kind`` that :mod:`core.speech.download`
turns into a sentence.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import re
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from core import __version__
from core.paths import FILE_MODE

ENDPOINT_ENV = "HF_ENDPOINT"
DEFAULT_ENDPOINT = "https://huggingface.co"
TIMEOUT_S = 30.0
CANCEL_POLL_S = 0.1  # how often a cancel is looked for while a read waits on the server
CHUNK_SIZE = 1 << 20
RETRIES = 2  # a connection cut midway is resumed this many times within one download
_HEX40 = re.compile(r"[0-9a-f]{40}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


class Cancel(Protocol):
    def is_set(self) -> bool: ...


class HubError(Exception):
    """The hub could not be used.  ``kind``: ``unreachable``, ``not_found``, ``refused`` (another HTTP error),
    ``bad_listing``, ``interrupted`` (the transfer broke off, again and again) or ``changed``."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


class Cancelled(Exception):  # noqa: N818 - a state, not a fault
    """The caller's ``cancel`` was set; what was downloaded so far is kept."""


class ChecksumError(Exception):
    """A downloaded file does not match the hub's checksum; it was deleted."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} does not match the hub's checksum")
        self.name = name


@dataclass(frozen=True)
class RemoteFile:
    name: str
    size: int
    sha256: str | None  # LFS files: the sha256 of the content, as the hub lists it
    git_sha1: str | None  # the git blob id (every file has one)


@dataclass(frozen=True)
class Listing:
    repo: str
    commit: str
    files: tuple[RemoteFile, ...]

    def get(self, name: str) -> RemoteFile | None:
        return next((f for f in self.files if f.name == name), None)


def endpoint() -> str:
    return (os.environ.get(ENDPOINT_ENV, "").strip() or DEFAULT_ENDPOINT).rstrip("/")


def _request(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, headers={"User-Agent": f"Furikaeri/{__version__}",
                                                   "Accept-Encoding": "identity", **(headers or {})})
    try:
        return urllib.request.urlopen(request, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 416 and headers and "Range" in headers:  # nothing after that offset: start again
            raise _RestartError from error
        kind = "not_found" if error.code in (401, 404) else "refused"  # the hub answers 401 for unknown repos
        raise HubError(kind, f"HTTP {error.code} for {url}") from error
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise HubError("unreachable", str(getattr(error, "reason", error))) from error


def _sibling(item: object) -> RemoteFile:
    if not isinstance(item, dict) or not isinstance(item.get("rfilename"), str):
        raise HubError("bad_listing", "a file without a name")
    name, size, lfs = item["rfilename"], item.get("size"), item.get("lfs")
    sha256 = lfs.get("sha256") if isinstance(lfs, dict) else None
    if isinstance(lfs, dict) and isinstance(lfs.get("size"), int):
        size = lfs["size"]
    blob = item.get("blobId")
    if not isinstance(size, int) or size < 0 or isinstance(size, bool):
        raise HubError("bad_listing", f"no size for {name}")
    if sha256 is not None and not (isinstance(sha256, str) and _HEX64.fullmatch(sha256)):
        raise HubError("bad_listing", f"a bad sha256 for {name}")
    if blob is not None and not (isinstance(blob, str) and _HEX40.fullmatch(blob)):
        raise HubError("bad_listing", f"a bad blob id for {name}")
    if sha256 is None and blob is None:
        raise HubError("bad_listing", f"no checksum for {name}")
    return RemoteFile(name, size, sha256, None if sha256 else blob)


def list_files(repo: str, revision: str = "main") -> Listing:
    """The files of ``repo`` at ``revision`` with their sizes and checksums, and the commit they belong to."""
    url = f"{endpoint()}/api/models/{repo}/revision/{quote(revision, safe='')}?blobs=true"
    with _request(url) as response:
        try:
            data = json.loads(response.read())
        except (ValueError, OSError, http.client.HTTPException) as error:
            raise HubError("bad_listing", str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("siblings"), list):
        raise HubError("bad_listing", "no list of files")
    commit = data.get("sha")
    if not isinstance(commit, str) or not _HEX40.fullmatch(commit):
        raise HubError("bad_listing", "no commit")
    return Listing(repo, commit, tuple(_sibling(item) for item in data["siblings"]))


class _Hashes:
    """The sha256 of a file, and its git blob id, computed as its bytes arrive."""

    def __init__(self, size: int) -> None:
        self.sha256 = hashlib.sha256()
        self.git = hashlib.sha1(f"blob {size}\0".encode(), usedforsecurity=False)

    def update(self, data: bytes | memoryview) -> None:
        self.sha256.update(data)
        self.git.update(data)

    def matches(self, remote: RemoteFile) -> bool:
        if remote.sha256 is not None:
            return self.sha256.hexdigest() == remote.sha256
        return self.git.hexdigest() == remote.git_sha1


class _RestartError(Exception):
    """The server sent the file from another offset than asked: start it again from the beginning."""


class _BrokenError(Exception):
    """The connection broke off before the file was complete."""


def _hash_existing(fd: int, hashes: _Hashes, cancel: Cancel | None) -> int:
    os.lseek(fd, 0, os.SEEK_SET)
    have = 0
    while chunk := os.read(fd, CHUNK_SIZE):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        hashes.update(chunk)
        have += len(chunk)
    return have


def _write_all(fd: int, data: bytes, hashes: _Hashes) -> int:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)  # ENOSPC raises here; what was written before is a correct prefix
        hashes.update(view[:written])
        view = view[written:]
    return len(data)


def _transfer(url: str, commit: str, fd: int, have: int, remote: RemoteFile, hashes: _Hashes,
              on_bytes: Callable[[int], None], cancel: Cancel | None) -> int:
    """Append what the server sends after byte ``have``; returns the new length of the file."""
    response = _request(url, {"Range": f"bytes={have}-"} if have else {})
    with response:
        served_commit = response.headers.get("X-Repo-Commit")
        if served_commit and served_commit != commit:
            raise HubError("changed", f"{remote.name} is now at {served_commit}")
        if have and response.status == 206:
            match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
            if match is None or int(match.group(1)) != have:
                raise _RestartError
        elif have:  # 200: the server ignored the range and sends the whole file
            raise _RestartError
        with _shut_on_cancel(response, cancel):
            while have < remote.size:
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                try:
                    chunk = response.read1(min(CHUNK_SIZE, remote.size - have))  # what has arrived: kept on cancel
                except (http.client.HTTPException, OSError) as error:  # a timeout is an OSError too
                    if cancel is not None and cancel.is_set():
                        raise Cancelled from error
                    raise _BrokenError from error
                if not chunk:
                    if cancel is not None and cancel.is_set():
                        raise Cancelled
                    raise _BrokenError
                have += _write_all(fd, chunk, hashes)
                on_bytes(have)
    return have


@contextlib.contextmanager
def _shut_on_cancel(response: Any, cancel: Cancel | None) -> Iterator[None]:
    """While the body is read, a cancel shuts the connection down, so that a read waiting on a server that sends
    nothing returns at once instead of after :data:`TIMEOUT_S` (a window closed mid-download would wait for it)."""
    if cancel is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(CANCEL_POLL_S):
            if cancel.is_set():
                with contextlib.suppress(OSError, ValueError), socket.socket(fileno=os.dup(response.fileno())) as sock:
                    sock.shutdown(socket.SHUT_RDWR)  # the connection itself: the read in the other thread returns
                return

    watcher = threading.Thread(target=watch, name="furikaeri-download-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def fetch(repo: str, commit: str, remote: RemoteFile, dest: Path, on_bytes: Callable[[int], None],
          cancel: Cancel | None = None) -> str:
    """Make ``dest`` hold ``remote`` at ``commit``, resuming from what it already holds; returns its sha256.

    ``on_bytes(length)`` reports the file's length as it grows.  Raises
    :class:`Cancelled` (``dest`` kept), :class:`HubError`, :class:`ChecksumError`
    (``dest`` deleted) and ``OSError`` (e.g. a full disk; ``dest`` kept).
    """
    url = f"{endpoint()}/{repo}/resolve/{commit}/{quote(remote.name)}"
    fd = os.open(dest, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        hashes = _Hashes(remote.size)
        have = _hash_existing(fd, hashes, cancel)
        if have > remote.size:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            hashes, have = _Hashes(remote.size), 0
        on_bytes(have)
        broken = 0
        while have < remote.size:
            try:
                have = _transfer(url, commit, fd, have, remote, hashes, on_bytes, cancel)
            except _RestartError:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                hashes, have = _Hashes(remote.size), 0
                broken += 1
            except _BrokenError:
                have = os.lseek(fd, 0, os.SEEK_END)
                broken += 1
            if have < remote.size and broken > RETRIES:
                raise HubError("interrupted", remote.name)
        os.fsync(fd)
    finally:
        os.close(fd)
    if not hashes.matches(remote):
        dest.unlink(missing_ok=True)
        raise ChecksumError(remote.name)
    return hashes.sha256.hexdigest()
