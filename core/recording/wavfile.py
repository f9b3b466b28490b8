"""WAV files that survive a crash: a streaming 16-bit PCM writer, :func:`probe` and :func:`repair`.

The recorder writes its WAV itself rather than through libsndfile, because
durability needs two things libsndfile (as ``soundfile`` exposes it) does not
offer: rewriting the two size fields of the header in place at a moment we
choose, and an ``fsync`` right after.  The format is small: a 44-byte header
(``RIFF`` size, ``fmt`` chunk, ``data`` size) followed by interleaved
little-endian samples.

Durability model (see :class:`WavWriter`):

* every sample is handed to the kernel with ``os.write`` as soon as it arrives,
  so a killed *process* loses nothing the kernel had received;
* :meth:`WavWriter.sync` rewrites the sizes and ``fsync``\\ s, so a crashed
  *machine* loses at most the time since the last sync;
* a file whose header is stale (the process died between syncs) is made whole
  by :func:`repair`, which sets the sizes from the file length.
"""

from __future__ import annotations

import errno
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from core.fsutil import fsync_dir
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.paths import FILE_MODE

CONTEXT = "Recorder"

HEADER_SIZE = 44
RIFF_SIZE_OFFSET = 4
DATA_SIZE_OFFSET = 40
SAMPLE_WIDTH = 2  # bytes: 16-bit PCM
FORMAT_PCM = 0x0001
FORMAT_FLOAT = 0x0003
FORMAT_EXTENSIBLE = 0xFFFE
# The RIFF size field (file size - 8) must fit in 32 bits.
MAX_DATA_BYTES = 0xFFFFFFFF - (HEADER_SIZE - 8)


class WavError(FurikaeriError):
    """A file that is not a WAV this app can read or repair; ``message`` says why."""


def _not_a_wav(path: Path) -> WavError:
    return WavError(Message(CONTEXT, QT_TRANSLATE_NOOP(
        "Recorder", "The file {name} is not a WAV recording."), {"name": path.name}))


def _empty(path: Path) -> WavError:
    return WavError(Message(CONTEXT, QT_TRANSLATE_NOOP(
        "Recorder", "The file {name} is empty: nothing was recorded into it."), {"name": path.name}))


def _corrupt(path: Path, detail: str) -> WavError:
    return WavError(Message(CONTEXT, QT_TRANSLATE_NOOP(
        "Recorder", "The recording {name} is damaged and cannot be read ({detail})."),
        {"name": path.name, "detail": detail}))


def _unreadable(path: Path, error: OSError) -> WavError:
    return WavError(Message(CONTEXT, QT_TRANSLATE_NOOP(
        "Recorder", "The recording {name} could not be opened: {detail}"),
        {"name": path.name, "detail": error.strerror or str(error)}))


# -- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class WavInfo:
    """What a WAV header says, checked against the file's real length."""

    samplerate: int
    channels: int
    bits_per_sample: int
    block_align: int  # bytes per frame
    format_tag: int
    data_offset: int  # where the samples start
    declared_data_bytes: int  # the data chunk's size field
    available_data_bytes: int  # bytes really present from data_offset to the end of the file
    riff_size: int
    file_size: int
    data_size_ok: bool  # the data chunk's size matches the file

    @property
    def stale(self) -> bool:
        """The header disagrees with the file: an unfinished or crashed recording."""
        return not self.data_size_ok or self.riff_size != self.file_size - 8

    @property
    def frames(self) -> int:
        """Whole frames readable with the header as it is."""
        return min(self.declared_data_bytes, self.available_data_bytes) // self.block_align

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate


def _looks_like_chunk(header: bytes, room: int) -> bool:
    """Whether 8 bytes are a plausible chunk header (``LIST``, ``id3 ``...) fitting in ``room`` bytes."""
    if len(header) < 8:
        return False
    chunk_id, size = struct.unpack("<4sI", header)
    return all(byte == 0x20 or bytes([byte]).isalnum() for byte in chunk_id) and size <= room


def probe(path: str | os.PathLike[str]) -> WavInfo:
    """Read a WAV header; raise :class:`WavError` with a user message for anything else."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            return _parse(path, handle, os.fstat(handle.fileno()).st_size)
    except OSError as error:
        raise _unreadable(path, error) from error


def _parse(path: Path, handle: BinaryIO, file_size: int) -> WavInfo:
    if file_size == 0:
        raise _empty(path)
    head = handle.read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise _not_a_wav(path)
    riff_size = struct.unpack_from("<I", head, 4)[0]
    fmt: tuple[int, int, int, int, int] | None = None
    position = 12
    while position + 8 <= file_size:
        handle.seek(position)
        chunk_id, size = struct.unpack("<4sI", handle.read(8))
        if chunk_id == b"fmt ":
            fmt = _parse_fmt(path, handle.read(min(size, 40)))
        elif chunk_id == b"data":
            if fmt is None:
                raise _corrupt(path, "no format description before the audio data")
            return _info(handle, fmt, position + 8, size, riff_size, file_size)
        position += 8 + size + (size & 1)
    raise _corrupt(path, "no audio data" if fmt else "no format description")


def _parse_fmt(path: Path, body: bytes) -> tuple[int, int, int, int, int]:
    if len(body) < 16:
        raise _corrupt(path, "format description too short")
    tag, channels, rate, _byte_rate, align, bits = struct.unpack_from("<HHIIHH", body)
    if tag not in (FORMAT_PCM, FORMAT_FLOAT, FORMAT_EXTENSIBLE):
        raise _corrupt(path, f"unsupported sample format {tag:#06x}")
    if channels < 1 or rate < 1 or align < 1 or bits < 1:
        raise _corrupt(path, "impossible format values")
    return tag, channels, rate, align, bits


def _info(handle: BinaryIO, fmt: tuple[int, int, int, int, int], data_offset: int, declared: int,
          riff_size: int, file_size: int) -> WavInfo:
    tag, channels, rate, align, bits = fmt
    available = max(file_size - data_offset, 0)
    return WavInfo(samplerate=rate, channels=channels, bits_per_sample=bits, block_align=align,
                   format_tag=tag, data_offset=data_offset, declared_data_bytes=declared,
                   available_data_bytes=available, riff_size=riff_size, file_size=file_size,
                   data_size_ok=_data_size_ok(handle, data_offset, declared, file_size))


def _data_size_ok(handle: BinaryIO, data_offset: int, declared: int, file_size: int) -> bool:
    """Whether the data chunk's size field matches the file.

    Bytes after the declared data are fine when they are a genuine chunk
    (``LIST``, ``id3 ``...); anything else is samples the header never counted.
    """
    tail = data_offset + declared + (declared & 1)
    if data_offset + declared > file_size:
        return False
    if tail >= file_size:
        return True
    handle.seek(tail)
    return _looks_like_chunk(handle.read(8), file_size - tail - 8)


# -- repairing -----------------------------------------------------------------


@dataclass(frozen=True)
class RepairResult:
    frames: int
    duration_s: float
    changed: bool


def repair(path: str | os.PathLike[str]) -> RepairResult:
    """Make a WAV left by a crash readable: sizes from the file length, no partial frame.

    Idempotent (a sound file is left untouched, ``changed=False``) and safe to
    interrupt: it first cuts a trailing partial frame, then rewrites the two
    size fields in place (each a single 4-byte write), each step fsynced, so a
    repair cut short is simply redone by the next call.  Copying an hours-long
    file to rename it over the original would cost far more and protect
    nothing extra.  Raises :class:`WavError` for files that are not WAVs.
    """
    path = Path(path)
    info = probe(path)
    if not info.stale:
        return RepairResult(info.frames, info.duration_s, changed=False)
    if info.data_size_ok:  # only the RIFF size is off; keep any trailing chunks
        data_bytes, end = info.declared_data_bytes, info.file_size
    else:  # the samples run to the end of the file
        data_bytes = min(info.available_data_bytes // info.block_align * info.block_align, MAX_DATA_BYTES)
        end = info.data_offset + data_bytes
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _unreadable(path, error) from error
    try:
        if info.file_size != end:
            os.ftruncate(fd, end)
        if not info.data_size_ok and data_bytes & 1:  # RIFF chunks are padded to an even length
            os.pwrite(fd, b"\0", end)
            end += 1
        os.fsync(fd)
        os.pwrite(fd, struct.pack("<I", data_bytes), info.data_offset - 4)
        os.pwrite(fd, struct.pack("<I", end - 8), RIFF_SIZE_OFFSET)
        os.fsync(fd)
    except OSError as error:
        raise _unreadable(path, error) from error
    finally:
        os.close(fd)
    frames = data_bytes // info.block_align
    return RepairResult(frames, frames / info.samplerate, changed=True)


# -- writing -------------------------------------------------------------------


def pcm16_header(samplerate: int, channels: int, data_bytes: int = 0) -> bytes:
    """The canonical 44-byte header of a 16-bit PCM WAV holding ``data_bytes`` of samples."""
    align = channels * SAMPLE_WIDTH
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", min(HEADER_SIZE - 8 + data_bytes, 0xFFFFFFFF), b"WAVE",
        b"fmt ", 16, FORMAT_PCM, channels, samplerate, samplerate * align, align, SAMPLE_WIDTH * 8,
        b"data", data_bytes,
    )


class WavWriter:
    """Append 16-bit PCM frames to a new WAV, durably.

    ``path`` must not exist: it is created owner-only (0600) with ``O_EXCL``,
    its header written and fsynced together with its folder.  :meth:`write`
    hands bytes to the kernel at once (no user-space buffer), :meth:`sync`
    makes the header match what was written and fsyncs, :meth:`close` does a
    last sync and cuts any partial frame left by a failed write, so the file is
    a valid WAV of everything written whole.  Not thread-safe: one writer thread.
    """

    def __init__(self, path: str | os.PathLike[str], samplerate: int, channels: int) -> None:
        self.path = Path(path)
        self.samplerate = samplerate
        self.channels = channels
        self.block_align = channels * SAMPLE_WIDTH
        self._bytes = 0  # data bytes the kernel accepted, maybe ending in a partial frame
        self._synced_bytes = -1
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        self._fd: int | None = os.open(self.path, flags, FILE_MODE)
        try:
            os.fchmod(self._fd, FILE_MODE)
            self._write_all(pcm16_header(samplerate, channels))
            os.fsync(self._fd)
            fsync_dir(self.path.parent)
        except BaseException:
            self.discard()
            raise

    @property
    def frames(self) -> int:
        """Whole frames written so far."""
        return self._bytes // self.block_align

    @property
    def closed(self) -> bool:
        return self._fd is None

    def _write_all(self, data: memoryview | bytes) -> None:
        assert self._fd is not None, "the WAV file is closed"
        view = memoryview(data).cast("B")
        while view:
            count = os.write(self._fd, view)
            view = view[count:]

    def write(self, data: memoryview | bytes) -> None:
        """Append raw little-endian samples (whole frames).

        Raises ``OSError`` from the file system (ENOSPC, EFBIG, EIO...), and
        ``OSError(EFBIG)`` itself once the WAV format's 4 GiB limit would be
        passed; whatever fitted before the error stays in the file.
        """
        view = memoryview(data).cast("B")
        room = MAX_DATA_BYTES - self._bytes
        if len(view) > room:
            self.write(view[: room - room % self.block_align])
            raise OSError(errno.EFBIG, "the WAV format cannot hold more than 4 GiB")
        assert self._fd is not None, "the WAV file is closed"
        while view:
            count = os.write(self._fd, view)  # a partial write is counted before any error
            self._bytes += count
            view = view[count:]

    def sync(self) -> None:
        """Write the header's sizes for the whole frames written, then fsync."""
        assert self._fd is not None, "the WAV file is closed"
        data_bytes = self.frames * self.block_align
        if data_bytes != self._synced_bytes:
            os.pwrite(self._fd, struct.pack("<I", data_bytes), DATA_SIZE_OFFSET)
            os.pwrite(self._fd, struct.pack("<I", HEADER_SIZE - 8 + data_bytes), RIFF_SIZE_OFFSET)
            self._synced_bytes = data_bytes
        os.fsync(self._fd)

    def close(self) -> None:
        """Finish the file: cut a partial frame, final header, fsync.  Closes even on error."""
        if self._fd is None:
            return
        try:
            whole = HEADER_SIZE + self.frames * self.block_align
            if HEADER_SIZE + self._bytes != whole:
                os.ftruncate(self._fd, whole)
                self._bytes = whole - HEADER_SIZE
            self.sync()
        finally:
            os.close(self._fd)
            self._fd = None

    def discard(self) -> None:
        """Close and delete the file (used when a recording could not start)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self.path.unlink(missing_ok=True)
