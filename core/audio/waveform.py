"""The waveform overview of a recording: min/max peaks per bucket, cached beside the audio.

    from core.audio.waveform import overview
    view = overview(recording.path, buckets=2000)   # view.peaks: (2000, 2) float32, min and max

The review screen must show the waveform of a two-hour recording quickly, so
the peaks are computed once, streaming the file in large chunks (a few MiB at a
time; never the whole file in memory) with vectorised numpy reductions, and
saved next to the audio as ``<audio file name>.peaks``:

* a 64-byte header (:data:`_HEADER`): magic, version, the audio file's size
  and ``mtime_ns`` (the cache key), sample rate, frame count and the frames
  per bucket, then
* little-endian int16 ``(min, max)`` pairs (full scale 32768) at a fixed high
  resolution: one bucket per 50 ms for long files (a two-hour recording: 144,000
  buckets, 563 KiB), finer for short ones (at least :data:`MIN_CACHE_BUCKETS`).

Later views read that small file and reduce it to the requested bucket count,
so zooming in later needs no new pass over the audio.  A cache whose key does
not match the audio file (changed, replaced, still growing) is ignored and
recomputed.  No cache is written when the file changed while it was read, or
when it is a WAV whose header disagrees with its length (a recording in
progress, or left by a crash before its repair); the peaks are still returned.
The cache file is owner-only (0600) like the recording it describes; delete it
with the recording (:func:`remove_cache`).

Decoding: 16-bit PCM WAV (what the recorder writes) is read directly,
including one still being written; other files through libsndfile
(``soundfile``: WAV, FLAC, OGG, MP3...); what libsndfile cannot read (M4A,
WebM...) through FFmpeg (PyAV), frame by frame.  A file no decoder can read
raises :class:`WaveformError` with a user message; an empty file (no bytes or
no samples) gives an empty overview.
"""

from __future__ import annotations

import io
import logging
import math
import os
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from core.fsutil import replace_atomically
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.recording import wavfile
from core.recording.files import PEAKS_SUFFIX, call_track_path, peaks_path

if TYPE_CHECKING:
    from av.audio.stream import AudioStream
    from av.container import InputContainer

log = logging.getLogger(__name__)

CACHE_SUFFIX = PEAKS_SUFFIX
CACHE_VERSION = 1
BUCKET_S = 0.05  # the cache's coarsest resolution: one bucket per 50 ms
MIN_CACHE_BUCKETS = 16384  # short files get finer buckets, down to one frame each
CHUNK_BYTES = 8 << 20  # how much audio is read at a time
FULL_SCALE = 32768.0

_MAGIC = b"FKPEAKS\0"
# magic, version, channels, samplerate, audio size, audio mtime_ns, frames, frames per bucket, buckets, reserved
_HEADER = struct.Struct("<8sHHIqqQIQ12x")
assert _HEADER.size == 64


class WaveformError(FurikaeriError):
    """The audio file cannot be read; ``message`` says why."""


@dataclass(frozen=True, eq=False)
class Overview:
    """``peaks[i] = (min, max)`` of bucket ``i``, in -1..1; buckets cover ``duration_s`` evenly."""

    duration_s: float
    samplerate: int
    peaks: np.ndarray  # shape (buckets, 2), float32

    @property
    def empty(self) -> bool:
        return len(self.peaks) == 0


@dataclass(frozen=True, eq=False)
class Peaks:
    """The full-resolution peaks, as cached: int16 ``(min, max)`` per ``frames_per_bucket`` frames."""

    samplerate: int
    channels: int
    frames: int
    frames_per_bucket: int
    data: np.ndarray  # shape (n, 2), int16

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0


def cache_path(audio: str | os.PathLike[str]) -> Path:
    """Where the peaks of ``audio`` are cached: ``<audio file name>.peaks`` beside it."""
    audio = Path(audio)
    return peaks_path(audio)


def remove_cache(audio: str | os.PathLike[str]) -> None:
    """Delete the cached peaks of ``audio`` (do so when deleting the recording)."""
    cache_path(audio).unlink(missing_ok=True)


def _drop_cache(audio: Path) -> None:
    """:func:`remove_cache`, quietly: a cache that cannot be removed is ignored anyway (its key is checked)."""
    try:
        remove_cache(audio)
    except OSError as error:
        log.info("outdated waveform cache for %s not removed: %s", audio.name, error)


# -- messages -------------------------------------------------------------------


def _missing(path: Path) -> WaveformError:
    return WaveformError(Message("Waveform", QT_TRANSLATE_NOOP(
        "Waveform", "The audio file {name} does not exist (any more)."), {"name": path.name}))


def _unopenable(path: Path, error: OSError) -> WaveformError:
    return WaveformError(Message("Waveform", QT_TRANSLATE_NOOP(
        "Waveform", "The audio file {name} could not be opened: {detail}"),
        {"name": path.name, "detail": error.strerror or str(error)}))


def _not_audio(path: Path) -> WaveformError:
    return WaveformError(Message("Waveform", QT_TRANSLATE_NOOP(
        "Waveform", "The file {name} is not audio that Furikaeri can read."), {"name": path.name}))


def _damaged(path: Path, detail: str) -> WaveformError:
    return WaveformError(Message("Waveform", QT_TRANSLATE_NOOP(
        "Waveform", "The audio file {name} is damaged and could not be read to the end ({detail})."),
        {"name": path.name, "detail": detail}))


# -- the overview ------------------------------------------------------------------


def overview(path: str | os.PathLike[str], buckets: int = 2000) -> Overview:
    """The waveform of ``path`` as ``buckets`` (min, max) pairs; from the cache when it is current.

    Raises :class:`WaveformError` for a missing or unreadable file.  Safe to
    call from a background thread (the cache is replaced atomically).
    """
    if buckets < 1:
        raise ValueError("buckets must be at least 1")
    path = Path(path)
    peaks = peaks_for(path)
    return Overview(peaks.duration_s, peaks.samplerate, downsample(peaks, buckets))


def call_lane(audio: str | os.PathLike[str], buckets: int = 2000) -> np.ndarray | None:
    """An online interview's call track as ``overview(audio)``'s buckets: the same time scale, so that the two
    are drawn one above the other.  ``None`` without a call track, or when one of them cannot be read."""
    call = call_track_path(audio)
    if not call.is_file():
        return None
    try:
        mine, theirs = overview(audio, buckets), overview(call, buckets)
    except WaveformError:
        return None  # the microphone's waveform is shown all the same
    if not len(theirs.peaks) or mine.duration_s <= 0:
        return None
    covered = max(1, round(len(mine.peaks) * theirs.duration_s / mine.duration_s))  # buckets the call spans
    picks = np.minimum((np.arange(min(covered, len(mine.peaks))) * len(theirs.peaks) / covered).astype(int),
                       len(theirs.peaks) - 1)
    lane = np.zeros_like(mine.peaks, dtype=np.float32)
    lane[:len(picks)] = theirs.peaks[picks]
    return lane


def peaks_for(path: str | os.PathLike[str]) -> Peaks:
    """The full-resolution peaks of ``path``: read from its cache, or computed and cached."""
    path = Path(path)
    before = _stat(path)
    if before.st_size == 0:
        _drop_cache(path)
        return Peaks(0, 1, 0, 1, np.zeros((0, 2), dtype=np.int16))
    cached = read_cache(path, before)
    if cached is not None:
        return cached
    peaks, finished = compute_peaks(path)
    after = _stat(path)
    if finished and _same_file(before, after) and peaks.frames:
        write_cache(path, peaks, after)
    else:
        _drop_cache(path)  # never leave peaks of an older state of the file behind
    return peaks


def _stat(path: Path) -> os.stat_result:
    try:
        result = path.stat()
    except FileNotFoundError as error:
        _drop_cache(path)
        raise _missing(path) from error
    except OSError as error:
        raise _unopenable(path, error) from error
    if not stat.S_ISREG(result.st_mode):
        raise _not_audio(path)
    return result


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_ino, a.st_dev, a.st_size, a.st_mtime_ns) == (b.st_ino, b.st_dev, b.st_size, b.st_mtime_ns)


def downsample(peaks: Peaks, buckets: int) -> np.ndarray:
    """``peaks`` as ``buckets`` (min, max) rows in -1..1 (float32); each row covers an equal time span.

    With fewer cached buckets than asked for, rows repeat the cached bucket
    they fall in.  Empty peaks give an empty ``(0, 2)`` array.
    """
    data = peaks.data
    if len(data) == 0 or peaks.frames == 0:
        return np.zeros((0, 2), dtype=np.float32)
    first_frame = np.arange(buckets, dtype=np.int64) * peaks.frames // buckets
    per_bucket = peaks.frames_per_bucket
    # The cached bucket nearest each row's start: a row borrows at most half a cached bucket.
    starts = np.minimum((first_frame + per_bucket // 2) // per_bucket, len(data) - 1)
    lows = np.minimum.reduceat(data[:, 0], starts)
    highs = np.maximum.reduceat(data[:, 1], starts)
    return np.stack([lows, highs], axis=1).astype(np.float32) / np.float32(FULL_SCALE)


# -- the cache -----------------------------------------------------------------------


def read_cache(path: Path, audio_stat: os.stat_result | None = None) -> Peaks | None:
    """The cached peaks of ``path`` if the cache exists, is whole and matches the audio file; else None."""
    audio_stat = audio_stat or path.stat()
    try:
        raw = cache_path(path).read_bytes()
    except OSError:
        return None
    if len(raw) < _HEADER.size:
        return None
    magic, version, channels, rate, size, mtime_ns, frames, per_bucket, count = _HEADER.unpack_from(raw)
    if (magic, version, size, mtime_ns) != (_MAGIC, CACHE_VERSION, audio_stat.st_size, audio_stat.st_mtime_ns):
        return None
    if len(raw) != _HEADER.size + count * 4 or per_bucket < 1 or count != -(-frames // per_bucket):
        return None
    data = np.frombuffer(raw, dtype="<i2", offset=_HEADER.size).reshape(count, 2).astype(np.int16)
    return Peaks(rate, channels, frames, per_bucket, data)


def write_cache(path: Path, peaks: Peaks, audio_stat: os.stat_result) -> bool:
    """Save ``peaks`` as the cache of ``path`` (atomically, 0600).  False when the folder is not writable.

    Not fsynced: after a power cut a cache is at worst missing or short, and
    a short one fails :func:`read_cache`'s length check and is recomputed.
    """
    header = _HEADER.pack(_MAGIC, CACHE_VERSION, peaks.channels, peaks.samplerate, audio_stat.st_size,
                          audio_stat.st_mtime_ns, peaks.frames, peaks.frames_per_bucket, len(peaks.data))

    def write(handle: BinaryIO) -> None:
        handle.write(header)
        handle.write(peaks.data.astype("<i2", copy=False).tobytes())

    try:
        replace_atomically(cache_path(path), write, durable=False)
        return True
    except OSError as error:
        log.info("waveform cache for %s not written: %s", path.name, error)
        return False


# -- computing -------------------------------------------------------------------------


def frames_per_bucket(samplerate: int, frames: int) -> int:
    """The cache resolution for a file: 50 ms buckets, finer for short files."""
    coarsest = max(1, round(samplerate * BUCKET_S))
    if frames <= 0:
        return coarsest
    return max(1, min(coarsest, math.ceil(frames / MIN_CACHE_BUCKETS)))


class _Reducer:
    """Min/max per bucket of ``per_bucket`` frames, fed blocks of any length (int16 or float)."""

    def __init__(self, per_bucket: int) -> None:
        self.per_bucket = per_bucket
        self._lows: list[np.ndarray] = []
        self._highs: list[np.ndarray] = []
        self._pending: np.ndarray | None = None
        self.frames = 0

    def feed(self, block: np.ndarray) -> None:
        """``block``: shape (frames, channels)."""
        if not len(block):
            return
        self.frames += len(block)
        if self._pending is not None:
            block = np.concatenate([self._pending, block])
            self._pending = None
        whole = len(block) // self.per_bucket * self.per_bucket
        if whole:
            rows = block[:whole].reshape(whole // self.per_bucket, -1)
            self._add(rows.min(axis=1), rows.max(axis=1))
        if whole < len(block):
            self._pending = block[whole:].copy()

    def _add(self, lows: np.ndarray, highs: np.ndarray) -> None:
        if lows.dtype == np.int16:
            self._lows.append(lows)
            self._highs.append(highs)
            return
        # Round outwards so that a quantised envelope still contains the signal.
        self._lows.append(np.clip(np.floor(lows * FULL_SCALE), -32768, 32767).astype(np.int16))
        self._highs.append(np.clip(np.ceil(highs * FULL_SCALE), -32768, 32767).astype(np.int16))

    def finish(self) -> np.ndarray:
        if self._pending is not None:
            rows = self._pending.reshape(1, -1)
            self._add(rows.min(axis=1), rows.max(axis=1))
            self._pending = None
        if not self._lows:
            return np.zeros((0, 2), dtype=np.int16)
        return np.stack([np.concatenate(self._lows), np.concatenate(self._highs)], axis=1)


def compute_peaks(path: Path) -> tuple[Peaks, bool]:
    """Decode ``path`` once, streaming; returns (peaks, whether the file looked finished).

    "Not finished" is a WAV whose header does not match its length: a
    recording still being written or never closed.
    """
    with _open(path) as handle:
        head = handle.read(12)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        try:
            info = wavfile.probe(path)
        except wavfile.WavError:
            info = None
        if info is not None and info.format_tag == wavfile.FORMAT_PCM and info.bits_per_sample == 16:
            return _pcm16_wav_peaks(path, info), not info.stale
    try:
        return _soundfile_peaks(path), True
    except _NotForSoundfileError:
        pass
    return _pyav_peaks(path), True


class _NotForSoundfileError(Exception):
    pass


def _open(path: Path) -> io.BufferedReader:
    try:
        return path.open("rb")
    except FileNotFoundError as error:
        raise _missing(path) from error
    except OSError as error:
        raise _unopenable(path, error) from error


def _pcm16_wav_peaks(path: Path, info: wavfile.WavInfo) -> Peaks:
    """16-bit PCM read straight from the file; for a stale header, every whole frame present."""
    align, channels = info.block_align, info.channels
    if align != 2 * channels:
        raise _damaged(path, "unexpected frame size")
    available = info.available_data_bytes // align
    frames = available if not info.data_size_ok else info.frames
    per_bucket = frames_per_bucket(info.samplerate, frames)
    chunk_frames = max(1, CHUNK_BYTES // (align * per_bucket)) * per_bucket
    reducer = _Reducer(per_bucket)
    buffer = bytearray(chunk_frames * align)
    view = memoryview(buffer)
    with _open(path) as handle:
        handle.seek(info.data_offset)
        left = frames
        try:
            while left:
                want = min(left, chunk_frames) * align
                got = handle.readinto(view[:want])
                if not got:
                    break  # the file shrank meanwhile
                whole = got // align * align
                if whole != got:  # rare short read inside a frame: finish the frame
                    got += handle.readinto(view[got:whole + align]) or 0
                    whole = got // align * align
                reducer.feed(np.frombuffer(buffer, dtype="<i2", count=whole // 2).reshape(-1, channels))
                left -= whole // align
        except OSError as error:
            raise _damaged(path, error.strerror or str(error)) from error
    return Peaks(info.samplerate, channels, reducer.frames, per_bucket, reducer.finish())


def _soundfile_peaks(path: Path) -> Peaks:
    import soundfile

    try:
        sound = soundfile.SoundFile(path)
    except (soundfile.LibsndfileError, RuntimeError, TypeError) as error:
        raise _NotForSoundfileError from error
    except OSError as error:
        raise _unopenable(path, error) from error
    with sound:
        if sound.frames == 0 and sound.format == "MP3":
            raise _NotForSoundfileError  # libsndfile may not know an MP3's length: let FFmpeg count
        dtype = "int16" if sound.subtype == "PCM_16" else "float32"
        per_bucket = frames_per_bucket(sound.samplerate, sound.frames)
        chunk_frames = max(1, CHUNK_BYTES // (4 * sound.channels * per_bucket)) * per_bucket
        buffer = np.empty((chunk_frames, sound.channels), dtype=dtype)
        reducer = _Reducer(per_bucket)
        try:
            while True:
                block = sound.read(chunk_frames, dtype=dtype, always_2d=True, out=buffer)
                if not len(block):
                    break
                reducer.feed(block)
        except (soundfile.LibsndfileError, RuntimeError) as error:
            raise _damaged(path, str(error)) from error
        return Peaks(sound.samplerate, sound.channels, reducer.frames, per_bucket, reducer.finish())


_PYAV_SCALE = {"flt": None, "dbl": None, "s16": 32768.0, "s32": 2147483648.0}


def _pyav_frames(container: InputContainer, stream: AudioStream) -> Iterator[np.ndarray]:
    """Float32 (frames, channels) blocks of ``stream``, in the file's own sample rate and layout.

    The usual decoder outputs (float, double, 16- and 32-bit, planar or
    packed) are converted with numpy; anything else, or a frame whose channel
    count differs from the stream's, goes through FFmpeg's resampler (which
    costs more per frame than decoding it).
    """
    import av

    channels = stream.layout.nb_channels
    resampler = None
    for frame in container.decode(stream):
        kind = frame.format.name.removesuffix("p")
        if kind in _PYAV_SCALE and frame.layout.nb_channels == channels:
            samples = frame.to_ndarray()
            samples = samples.T if frame.format.is_planar else samples.reshape(-1, channels)
            scale = _PYAV_SCALE[kind]
            yield samples.astype(np.float32) / np.float32(scale) if scale else samples.astype(np.float32, copy=False)
            continue
        if resampler is None:
            resampler = av.AudioResampler(format="flt", layout=stream.layout, rate=stream.rate)
        for out in resampler.resample(frame):
            yield out.to_ndarray().reshape(-1, channels)
    if resampler is not None:
        for out in resampler.resample(None):
            yield out.to_ndarray().reshape(-1, channels)


def _pyav_peaks(path: Path) -> Peaks:
    """Formats libsndfile cannot read (M4A, WebM, ...), decoded by FFmpeg frame by frame."""
    import av

    try:
        container = av.open(str(path))
    except av.error.FFmpegError as error:
        raise _not_audio(path) from error
    with container:
        stream = next(iter(container.streams.audio), None)
        if stream is None or not stream.rate:
            raise _not_audio(path)
        rate = stream.rate
        if stream.duration is not None and stream.time_base is not None:
            estimate = int(stream.duration * stream.time_base * rate)
        elif container.duration is not None:
            estimate = int(container.duration / av.time_base * rate)
        else:
            estimate = 0
        per_bucket = frames_per_bucket(rate, estimate)
        chunk_frames = max(1, CHUNK_BYTES // (4 * stream.layout.nb_channels * per_bucket)) * per_bucket
        reducer = _Reducer(per_bucket)
        pending: list[np.ndarray] = []
        pending_frames = 0
        try:
            for block in _pyav_frames(container, stream):
                pending.append(block)
                pending_frames += len(block)
                if pending_frames >= chunk_frames:
                    reducer.feed(np.concatenate(pending))
                    pending, pending_frames = [], 0
        except av.error.FFmpegError as error:
            if reducer.frames == 0 and not pending:
                raise _not_audio(path) from error
            raise _damaged(path, str(error)) from error
        if pending:
            reducer.feed(np.concatenate(pending))
        return Peaks(rate, stream.layout.nb_channels, reducer.frames, per_bucket, reducer.finish())
