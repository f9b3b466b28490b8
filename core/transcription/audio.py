"""Reading audio files for transcription: probe, decode to 16 kHz mono float32, explain failures.

Any container and codec FFmpeg (through PyAV) understands is accepted: WAV,
FLAC, MP3, M4A/AAC, Ogg Vorbis/Opus, WebM.  Decoding resamples from whatever
rate the file has (44.1 kHz, 48 kHz, 22.05 kHz...) to Whisper's 16 kHz and
mixes down to mono, exactly as ``faster_whisper.decode_audio`` does (16-bit
intermediate), so the app and plain faster-whisper hear the same samples.

Everything that can go wrong with the *file* raises :class:`AudioFileError`
(a :class:`TranscriptionError`) with a sentence for the user: missing, a
folder, unreadable, empty (0 bytes), not audio, no sound track, nothing
decodable, shorter than :data:`MIN_DURATION_S`.  A file that decodes only in part (cut short, damaged
in the middle) is transcribed as far as it goes and carries a ``problem``.
"""

from __future__ import annotations

import gc
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message

CONTEXT = "Transcription"
SAMPLE_RATE = 16000  # what Whisper expects
MIN_DURATION_S = 0.5  # shorter than this holds no word worth transcribing
SILENCE_PEAK_DBFS = -50.0  # a file whose loudest sample stays below this is treated as silence
_TRUNCATED_SHARE = 0.9  # decoding less than this share of the declared length means the file is damaged
_TRUNCATED_MIN_S = 1.0  # ...when at least this many seconds are missing
_BLOCK_SAMPLES = 500_000  # as faster_whisper.audio groups frames


class TranscriptionError(FurikaeriError):
    """Transcription cannot be done (or could not finish); ``message`` says why."""


class AudioFileError(TranscriptionError):
    """The input itself cannot be transcribed: missing, unreadable, not audio, damaged, too short."""


def _msg(text: str, **params: Any) -> Message:
    return Message(CONTEXT, text, params)


@dataclass(frozen=True)
class AudioInfo:
    """What the file's headers say (``duration_s`` is measured by decoding when they do not say)."""

    duration_s: float
    samplerate: int
    channels: int
    codec: str


@dataclass(frozen=True)
class DecodedAudio:
    """Mono float32 samples at :data:`SAMPLE_RATE`, with a ``problem`` when only part could be read."""

    samples: np.ndarray
    info: AudioInfo
    problem: Message | None = None

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    @property
    def peak_dbfs(self) -> float:
        if not len(self.samples):
            return -math.inf
        peak = float(np.max(np.abs(self.samples)))
        return 20 * math.log10(peak) if peak > 0 else -math.inf

    @property
    def silent(self) -> bool:
        """True when nothing in the file is louder than :data:`SILENCE_PEAK_DBFS` (no speech possible)."""
        return self.peak_dbfs < SILENCE_PEAK_DBFS


# --- checks ------------------------------------------------------------------


def check_file(path: Path) -> None:
    """Raise :class:`AudioFileError` unless ``path`` is an existing, readable, non-empty file."""
    shown = str(path)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise AudioFileError(_msg(QT_TRANSLATE_NOOP("Transcription", "The file {file} does not exist."),
                                      file=shown)) from None
    except OSError as error:
        raise _unreadable(shown, error) from error
    if os.path.isdir(path):
        raise AudioFileError(_msg(QT_TRANSLATE_NOOP("Transcription", "{file} is a folder, not an audio file."),
                                      file=shown))
    if stat.st_size == 0:
        raise AudioFileError(_msg(QT_TRANSLATE_NOOP(
            "Transcription", "The file {file} is empty (0 bytes): there is nothing to transcribe."), file=shown))
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as error:
        raise _unreadable(shown, error) from error


def _unreadable(shown: str, error: OSError) -> AudioFileError:
    return AudioFileError(_msg(QT_TRANSLATE_NOOP("Transcription", "The file {file} cannot be read: {error}."),
                                   file=shown, error=error.strerror or str(error)))


def _not_audio(shown: str) -> AudioFileError:
    return AudioFileError(_msg(QT_TRANSLATE_NOOP(
        "Transcription",
        "The file {file} is not an audio file Furikaeri can read, or it is damaged. "
        "Use WAV, FLAC, MP3, M4A, Ogg or WebM."), file=shown))


def _no_track(shown: str) -> AudioFileError:
    return AudioFileError(_msg(QT_TRANSLATE_NOOP("Transcription", "The file {file} contains no sound track."),
                               file=shown))


def _no_sound(shown: str) -> AudioFileError:
    return AudioFileError(_msg(QT_TRANSLATE_NOOP(
        "Transcription", "The file {file} is damaged: no sound could be read from it."), file=shown))


def too_short(shown: str, seconds: float) -> AudioFileError:
    return AudioFileError(_msg(QT_TRANSLATE_NOOP(
        "Transcription",
        "The recording {file} is too short to transcribe ({seconds} s; at least {minimum} s is needed)."),
        file=shown, seconds=round(seconds, 2), minimum=MIN_DURATION_S))


def require_duration(info: AudioInfo, path: Path) -> None:
    """Raise :class:`AudioFileError` when ``info`` is shorter than :data:`MIN_DURATION_S`."""
    if info.duration_s < MIN_DURATION_S:
        raise too_short(str(path), info.duration_s)


# --- probing and decoding ----------------------------------------------------


def _open(path: Path) -> Any:
    import av

    try:
        return av.open(str(path), mode="r", metadata_errors="ignore")
    except av.error.FFmpegError as error:
        raise _not_audio(str(path)) from error
    except OSError as error:  # e.g. permission changed since check_file
        raise _unreadable(str(path), error) from error


def _declared_duration(container: Any, stream: Any) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        microseconds: int = container.duration  # in AV_TIME_BASE units
        return microseconds / 1_000_000
    return None


def _stream_info(container: Any, stream: Any, duration_s: float) -> AudioInfo:
    context = stream.codec_context
    return AudioInfo(duration_s=duration_s, samplerate=int(context.sample_rate or stream.rate or 0),
                     channels=int(context.channels or 0), codec=str(context.name or ""))


def probe(path: Path | str) -> AudioInfo:
    """Describe the audio in ``path`` from its headers; raises :class:`AudioFileError` when unreadable.

    When the headers give no duration (some WebM files, a damaged WAV) the
    file is decoded to measure it.
    """
    path = Path(path)
    check_file(path)
    with _open(path) as container:
        if not container.streams.audio:
            raise _no_track(str(path))
        stream = container.streams.audio[0]
        declared = _declared_duration(container, stream)
        info = _stream_info(container, stream, declared if declared is not None else 0.0)
    if declared is None:
        decoded = decode(path)
        info = AudioInfo(decoded.duration_s, info.samplerate, info.channels, info.codec)
    return info


def _resample_into(chunks: list[np.ndarray], resampler: Any, block: Any) -> None:
    for out in resampler.resample(block):
        chunks.append(out.to_ndarray().reshape(-1))


def decode(path: Path | str) -> DecodedAudio:
    """Decode ``path`` to mono float32 at 16 kHz.

    Raises :class:`AudioFileError` for files that cannot be used at all
    (see the module docstring).  Invalid frames are skipped; when decoding
    stops early, what was decoded is returned with a ``problem``.
    """
    import av

    path = Path(path)
    shown = str(path)
    check_file(path)
    chunks: list[np.ndarray] = []
    stopped_early = False
    with _open(path) as container:
        if not container.streams.audio:
            raise _no_track(shown)
        stream = container.streams.audio[0]
        declared = _declared_duration(container, stream)
        info = _stream_info(container, stream, declared or 0.0)
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        fifo = av.AudioFifo()  # resample in large blocks: far fewer Python calls than frame by frame

        frames = container.decode(stream)
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                break
            except av.error.InvalidDataError:
                continue  # a damaged packet: skip it, as faster-whisper does
            except av.error.FFmpegError:
                stopped_early = True  # the rest cannot be read
                break
            frame.pts = None  # damaged or uneven timestamps must not stop the FIFO
            fifo.write(frame)
            if fifo.samples >= _BLOCK_SAMPLES:
                _resample_into(chunks, resampler, fifo.read())
        if fifo.samples:
            _resample_into(chunks, resampler, fifo.read())
        _resample_into(chunks, resampler, None)  # what the resampler still holds
        del resampler, fifo
    gc.collect()  # PyAV's resampler keeps memory until collected (faster-whisper issue 390)
    samples = (np.concatenate(chunks) if chunks else np.zeros(0, np.int16)).astype(np.float32) / 32768.0
    decoded_s = len(samples) / SAMPLE_RATE
    if not len(samples):
        raise _no_sound(shown)
    if decoded_s < MIN_DURATION_S:
        raise too_short(shown, decoded_s)
    problem = None
    if stopped_early or (declared is not None and decoded_s < declared * _TRUNCATED_SHARE
                         and declared - decoded_s >= _TRUNCATED_MIN_S):
        problem = _msg(QT_TRANSLATE_NOOP(
            "Transcription",
            "Only {decoded} s of {file} could be read (the file says {declared} s): it seems damaged or "
            "cut short. The readable part was transcribed."),
            file=shown, decoded=round(decoded_s, 1), declared=round(declared or decoded_s, 1))
    info = AudioInfo(declared if declared is not None else decoded_s, info.samplerate, info.channels, info.codec)
    return DecodedAudio(samples, info, problem)
