"""Reading a recording while it is being written: new frames, as 16-kHz mono samples, as they reach the disk.

The recorder (:class:`core.recording.wavfile.WavWriter`) writes a 44-byte
PCM-16 header and then hands every block to the kernel as it arrives, so the
file's length always says how many whole frames there are, whatever its header
says between syncs.  :class:`GrowingWav` reads from where it stopped, drops a
trailing partial frame until the rest of it is written, and resamples with the
same resampler and settings as :func:`core.transcription.audio.decode` (PyAV,
16-bit mono at 16 kHz), fed block after block, so the samples equal a decode
of the finished file (bar the resampler's last few samples, given by
:meth:`GrowingWav.finish`).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Any

import numpy as np

from core.messages import QT_TRANSLATE_NOOP, Message
from core.recording.wavfile import HEADER_SIZE, SAMPLE_WIDTH
from core.transcription.audio import CONTEXT, SAMPLE_RATE, AudioFileError

READ_FRAMES = 48000 * 30  # read at most this much at a time (a long catch-up stays in small blocks)
NOT_FOLLOWABLE = QT_TRANSLATE_NOOP(
    "Transcription", "The file {file} is not a recording in progress this app can follow.")
UNREADABLE = QT_TRANSLATE_NOOP("Transcription", "Could not read {file}: {error}")


class GrowingWav:
    """New audio of a WAV the recorder is still writing (see the module doc).  Not thread-safe."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.channels = 0
        self.rate = 0
        self.frames_read = 0  # source frames consumed
        self._resampler: Any = None
        self._handle: Any = None

    def _open(self) -> bool:
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - kept open while the recording grows
        except FileNotFoundError:
            return False  # not created yet
        except OSError as error:
            raise AudioFileError(Message(CONTEXT, UNREADABLE, {"file": str(self.path),
                                                               "error": error.strerror or str(error)})) from error
        header = handle.read(HEADER_SIZE)
        if len(header) < HEADER_SIZE:
            handle.close()
            return False  # the header is not written yet
        if header[:4] != b"RIFF" or header[8:12] != b"WAVE" or header[36:40] != b"data":
            handle.close()
            raise AudioFileError(Message(CONTEXT, NOT_FOLLOWABLE, {"file": str(self.path)}))
        channels, rate = struct.unpack_from("<HI", header, 22)
        bits = struct.unpack_from("<H", header, 34)[0]
        if bits != SAMPLE_WIDTH * 8 or not channels or not rate:
            handle.close()
            raise AudioFileError(Message(CONTEXT, NOT_FOLLOWABLE, {"file": str(self.path)}))
        import av

        self._handle, self.channels, self.rate = handle, channels, rate
        self._resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        return True

    @property
    def duration_s(self) -> float:
        """Of the audio read so far."""
        return self.frames_read / self.rate if self.rate else 0.0

    def read(self) -> np.ndarray:
        """The 16-kHz mono float32 samples that reached the file since the last call (maybe none)."""
        if self._handle is None and not self._open():
            return np.zeros(0, dtype=np.float32)
        frame_bytes = self.channels * SAMPLE_WIDTH
        size = os.fstat(self._handle.fileno()).st_size
        available = (size - HEADER_SIZE) // frame_bytes - self.frames_read
        out: list[np.ndarray] = []
        while available > 0:
            count = min(available, READ_FRAMES)
            self._handle.seek(HEADER_SIZE + self.frames_read * frame_bytes)
            data = self._handle.read(count * frame_bytes)
            count = len(data) // frame_bytes
            if count == 0:
                break
            out.append(self._resample(np.frombuffer(data[:count * frame_bytes], dtype="<i2"), count))
            self.frames_read += count
            available -= count
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)

    def _resample(self, interleaved: np.ndarray | None, count: int = 0) -> np.ndarray:
        import av

        if interleaved is None:
            frames = self._resampler.resample(None)
        else:
            layout = "mono" if self.channels == 1 else "stereo" if self.channels == 2 else f"{self.channels}c"
            frame = av.AudioFrame.from_ndarray(interleaved.reshape(1, -1), format="s16", layout=layout)
            frame.sample_rate = self.rate
            frames = self._resampler.resample(frame)
        parts = [f.to_ndarray().reshape(-1) for f in frames]
        if not parts:
            return np.zeros(0, dtype=np.float32)
        return (np.concatenate(parts).astype(np.float32) / 32768.0).astype(np.float32)

    def finish(self) -> np.ndarray:
        """What is left once the recording has ended: the rest of the file and the resampler's last samples."""
        rest = self.read()
        if self._resampler is None:
            return rest
        tail = self._resample(None)
        self.close()
        return np.concatenate([rest, tail]) if len(tail) else rest

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
