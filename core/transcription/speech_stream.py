"""A growing recording's speech and its features, as a whole-file decode of the finished recording has them.

faster-whisper transcribes a file (``WhisperModel.transcribe`` with its
voice-activity filter) in three steps: Silero VAD finds the speech
(``get_speech_timestamps``: a speech probability per 512 samples, then
thresholds, at least 2 s of silence to end a stretch, 400 ms of padding), the
stretches are joined end to end, and the log-mel features of that joined
speech are computed at once, floored 80 dB below their loudest value.  Every
one of those steps can be done as the audio arrives and give the same numbers
(``tests/test_speech_stream.py``):

* Silero is a recurrent network run over the 512-sample frames in order, each
  with the last 64 samples of the one before: fed in any pieces with its state
  carried over, it gives the whole file's probabilities, bit for bit.
* The stretches are decided by a loop over those probabilities that only looks
  back; a stretch's padded edges are final once the next stretch has begun or
  twice the padding of silence has followed it.
* A feature frame (400 samples every 160) depends only on the samples under it:
  computed from any slice that holds them, it is the file's.
* Only the floor needs more than the samples under a frame: faster-whisper floors
  a file's features 80 dB below the file's loudest frame, which a recording
  cannot know before it has ended.  Here a window's features are floored below
  the loudest frame **up to the window's end**, for a live job and for a whole
  file alike (:mod:`core.transcription.file_decode` decodes files through this
  class): the same window gets the same features whenever it is decoded.
  Measured on synthetic answers, whose digital silence is always below the
  floor, the whole-file floor left the first windows of a live job other text
  than the file's (the loudest frame came after them), and each later window,
  prompted with that text, followed it.

:class:`SpeechStream` keeps only what is not decoded yet: the recording's audio
from the first sample a stretch may still take, the joined speech and its
frames from the window being decoded.  Frames are indexed in the whole
recording's joined speech, as the file's decode counts them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

RATE = 16000
VAD_FRAME = 512  # Silero's step
VAD_CONTEXT = 64  # samples of the frame before that each frame is given
HOP = 160  # a feature frame every 10 ms
HALF_WINDOW = 200  # the STFT's 400 samples, centred on the frame
END_PADDING = 160  # the zeros faster-whisper adds to the audio before the STFT
MEL_BLOCK = 100  # frames whose mel features are computed in one matrix product (see _mel_blocks)
FLOOR = 8.0  # the features' floor: 80 dB below the loudest (log10 units)


class _Vad:
    """``faster_whisper.vad.get_speech_timestamps``, fed as the audio arrives: raw stretches (before padding)."""

    def __init__(self, options: Any) -> None:
        from faster_whisper.vad import get_vad_model

        self.session = get_vad_model().session
        self.h = np.zeros((1, 1, 128), dtype=np.float32)
        self.c = np.zeros((1, 1, 128), dtype=np.float32)
        self.context = np.zeros(VAD_CONTEXT, dtype=np.float32)
        self.rest = np.zeros(0, dtype=np.float32)
        self.frames = 0  # frames whose probability has gone through the loop
        self.threshold = options.threshold
        self.neg_threshold = (options.neg_threshold if options.neg_threshold is not None
                              else max(options.threshold - 0.15, 0.01))
        pad = RATE * options.speech_pad_ms / 1000
        self.max_speech = RATE * options.max_speech_duration_s - VAD_FRAME - 2 * pad
        self.min_silence = RATE * options.min_silence_duration_ms / 1000
        self.min_speech = RATE * options.min_speech_duration_ms / 1000
        self.min_silence_at_max = RATE * 98 / 1000
        self.triggered = False
        self.current: dict[str, int] = {}
        self.temp_end = self.prev_end = self.next_start = 0
        self.speeches: list[dict[str, int]] = []  # finished raw stretches

    def feed(self, samples: np.ndarray) -> None:
        joined = np.concatenate([self.rest, samples]) if len(self.rest) else samples
        whole = len(joined) // VAD_FRAME * VAD_FRAME
        self.rest = joined[whole:]
        if whole:
            self._frames(joined[:whole].reshape(-1, VAD_FRAME))

    def finish(self, length: int) -> None:
        """The recording has ended at ``length`` samples: its last frame padded as the file's, its last stretch
        ended."""
        self._frames(np.pad(self.rest, (0, VAD_FRAME - len(self.rest) % VAD_FRAME)).reshape(-1, VAD_FRAME))
        self.rest = np.zeros(0, dtype=np.float32)
        if self.current and length - self.current["start"] > self.min_speech:
            self.current["end"] = length
            self.speeches.append(self.current)
        self.current, self.triggered = {}, False

    def _frames(self, frames: np.ndarray) -> None:
        contexts = np.concatenate([self.context[None], frames[:-1, -VAD_CONTEXT:]])
        probabilities, self.h, self.c = self.session.run(
            None, {"input": np.concatenate([contexts, frames], axis=1), "h": self.h, "c": self.c})
        self.context = frames[-1, -VAD_CONTEXT:].copy()
        for probability in np.asarray(probabilities).ravel():
            self._step(float(probability), VAD_FRAME * self.frames)
            self.frames += 1

    def _step(self, probability: float, at: int) -> None:  # the loop of get_speech_timestamps, one frame
        if probability >= self.threshold and self.temp_end:
            self.temp_end = 0
            if self.next_start < self.prev_end:
                self.next_start = at
        if probability >= self.threshold and not self.triggered:
            self.triggered = True
            self.current["start"] = at
            return
        if self.triggered and at - self.current["start"] > self.max_speech:
            if self.prev_end:
                self.current["end"] = self.prev_end
                self.speeches.append(self.current)
                self.current = {}
                if self.next_start < self.prev_end:
                    self.triggered = False
                else:
                    self.current["start"] = self.next_start
                self.prev_end = self.next_start = self.temp_end = 0
            else:
                self.current["end"] = at
                self.speeches.append(self.current)
                self.current = {}
                self.prev_end = self.next_start = self.temp_end = 0
                self.triggered = False
                return
        if probability < self.neg_threshold and self.triggered:
            if not self.temp_end:
                self.temp_end = at
            if at - self.temp_end > self.min_silence_at_max:
                self.prev_end = self.temp_end
            if at - self.temp_end < self.min_silence:
                return
            self.current["end"] = self.temp_end
            if self.current["end"] - self.current["start"] > self.min_speech:
                self.speeches.append(self.current)
            self.current = {}
            self.prev_end = self.next_start = self.temp_end = 0
            self.triggered = False

    def open_end(self) -> int | None:
        """The open stretch's end will be no earlier than this (None: no stretch open)."""
        if not self.triggered:
            return None
        bounds = [self.temp_end or VAD_FRAME * self.frames]
        if self.prev_end and self.max_speech != float("inf"):
            bounds.append(self.prev_end)
        return min(bounds)


class SpeechStream:
    """A recording's joined speech and its features, growing as :meth:`feed` is given the recording's audio."""

    def __init__(self, vad_options: Any = None, filtered: bool = True) -> None:
        """``filtered=False``: no voice-activity detection (a file decoded with ``vad_filter=False``): all of the
        recording is "speech"."""
        from faster_whisper.feature_extractor import FeatureExtractor
        from faster_whisper.vad import VadOptions

        options = vad_options if vad_options is not None else VadOptions()
        self.vad = _Vad(options) if filtered else None
        self.pad = int(RATE * options.speech_pad_ms / 1000)
        self.extractor = FeatureExtractor()
        self.hann = np.hanning(self.extractor.n_fft + 1)[:-1].astype(np.float32)
        self.received = 0  # samples of the recording fed
        self.ended = False
        self.audio = np.zeros(0, dtype=np.float32)  # the recording from sample audio_start
        self.audio_start = 0
        self.chunks: list[dict[str, int]] = []  # padded stretches, in the recording's samples (the last may grow)
        self.final_chunks = 0  # of which this many are complete
        self.taken = 0  # recording sample up to which the last chunk has been joined
        self.speech = np.zeros(0, dtype=np.float32)  # joined speech from sample speech_start
        self.speech_start = 0
        self.speech_length = 0  # samples of joined speech (all of it final)
        self.frames = np.zeros((80, 0), dtype=np.float32)  # log10 mel, unfloored, from frame frames_start
        self.frames_start = 0
        self.frames_done = 0  # frames computed (final)
        self.released_peak = -np.inf  # the loudest of the frames released

    # -- the recording's audio in ------------------------------------------------------------------------------

    def feed(self, samples: np.ndarray) -> None:
        samples = np.asarray(samples, dtype=np.float32)
        self.audio = np.concatenate([self.audio, samples])
        self.received += len(samples)
        if self.vad is not None:
            self.vad.feed(samples)
        self._grow()

    def finish(self) -> None:
        """The recording has ended: its last stretch and last frames as the file's."""
        if self.vad is not None:
            self.vad.finish(self.received)
        self.ended = True
        self._grow()

    @property
    def speaking(self) -> bool:
        """A stretch of speech is under way (its end not yet known)."""
        return self.vad is not None and self.vad.triggered

    @property
    def content_frames(self) -> int | None:
        """The file's frame count (``features.shape[-1] - 1``) once the recording has ended, else None."""
        return self.speech_length // HOP if self.ended else None

    # -- stretches → joined speech -----------------------------------------------------------------------------

    def _padded(self, first: int = 0) -> list[dict[str, int]]:
        """The padded stretches from the ``first`` on, whose start is final, the last one's end final or provisional
        (see module). Those before ``first`` are final already: of them only the last is worked out again, for the
        start it gives the next (an hour of speech has hundreds of stretches, and the stream grows twice a second)."""
        if self.vad is None:  # everything: one stretch
            whole = [{"start": 0, "end": self.received, "next_start": 0, "final": self.ended}] if self.received else []
            return whole[first:]
        speeches = self.vad.speeches
        begin = max(0, first - 1)
        raw = speeches[begin:]
        opened = self.vad.current.get("start") if self.vad.triggered else None
        if opened is not None:
            raw.append({"start": opened, "end": self.vad.open_end() or opened})
        length, pad = self.received, self.pad
        out: list[dict[str, int]] = []
        for offset, speech in enumerate(raw):
            i = begin + offset
            start, end = speech["start"], speech["end"]
            # (the one before ``first`` is there for its next_start only: its own start is not returned)
            start = int(max(0, start - pad)) if i == 0 else out[-1]["next_start"] if out else 0
            complete = i < len(speeches)
            following = raw[offset + 1]["start"] if offset + 1 < len(raw) else None
            if following is not None:
                silence = following - speech["end"]
                if silence < 2 * pad:
                    end, next_start = end + int(silence // 2), int(max(0, following - silence // 2))
                else:
                    end, next_start = int(min(length, end + pad)), int(max(0, following - pad))
                final = complete
            elif self.ended:
                end, next_start, final = int(min(length, end + pad)), 0, complete
            elif complete and VAD_FRAME * self.vad.frames - end >= 2 * pad:  # no stretch can begin near it now
                end, next_start, final = int(min(length, end + pad)), 0, True
            else:
                next_start, final = 0, False  # end: no earlier than the raw end
            out.append({"start": start, "end": end, "next_start": next_start, "final": final})
        return out[first - begin:]

    def _grow(self) -> None:
        for index, chunk in enumerate(self._padded(self.final_chunks), start=self.final_chunks):
            if index >= len(self.chunks):
                self.chunks.append({"start": chunk["start"], "end": chunk["start"]})
                self.taken = chunk["start"]
            end = chunk["end"]
            if end > self.taken:
                self._join(self.audio[self.taken - self.audio_start:end - self.audio_start])
                self.taken = end
            self.chunks[index]["end"] = max(self.chunks[index]["end"], end)
            if not chunk["final"]:
                break
            self.final_chunks = index + 1
        # the recording's audio no stretch can take any more
        if self.final_chunks < len(self.chunks) or self.vad is None:
            keep = self.taken
        else:
            keep = VAD_FRAME * self.vad.frames - 3 * self.pad
        keep = max(self.audio_start, min(keep, self.received))
        self.audio, self.audio_start = self.audio[keep - self.audio_start:], keep
        self._features()

    def _join(self, samples: np.ndarray) -> None:
        self.speech = np.concatenate([self.speech, samples])
        self.speech_length += len(samples)

    # -- joined speech → features ------------------------------------------------------------------------------

    def _features(self) -> None:
        """The frames that have become final, computed in :data:`MEL_BLOCK` blocks as :func:`log_mel` does."""
        if self.ended:
            limit = self.speech_length // HOP + 1 if self.speech_length else 0  # the file's (with its padding)
        else:
            final = (self.speech_length - HALF_WINDOW) // HOP + 1 if self.speech_length >= HALF_WINDOW else 0
            limit = final // MEL_BLOCK * MEL_BLOCK
        if limit <= self.frames_done:
            return
        first = max(0, self.frames_done - 2)  # frame k is centred on sample k * HOP: two frames before cover it
        begin = first * HOP
        if self.ended:
            piece = self.speech[begin - self.speech_start:]
        else:
            piece = self.speech[begin - self.speech_start:(limit - 1) * HOP + HALF_WINDOW - self.speech_start]
        power = _power(self.extractor, self.hann, piece, END_PADDING if self.ended else 0)
        new = _mel_blocks(self.extractor, power[:, self.frames_done - first:limit - first], self.frames_done)
        if new.shape[-1] != limit - self.frames_done:
            raise AssertionError("feature frames missing")
        self.frames = np.concatenate([self.frames, new], axis=1)
        self.frames_done = limit
        keep = max(self.speech_start, min((limit - 2) * HOP, self.speech_length))  # the next frames' samples
        self.speech, self.speech_start = self.speech[keep - self.speech_start:], keep

    # -- what the decoder takes --------------------------------------------------------------------------------

    def window(self, seek: int, count: int) -> np.ndarray:
        """Frames ``seek`` … ``seek + count`` as the decoder is given them: floored 80 dB below the loudest frame
        up to the last of them (see the module's description)."""
        if seek < self.frames_start or seek + count > self.frames_done:
            raise ValueError(f"frames {seek}-{seek + count} are not held ({self.frames_start}-{self.frames_done})")
        upto = self.frames[:, :seek + count - self.frames_start]
        peak = max(self.released_peak, float(upto.max()) if upto.size else -np.inf)
        return floored(self.frames[:, seek - self.frames_start:seek + count - self.frames_start], peak)

    def release(self, seek: int) -> None:
        """Frames before ``seek`` will not be asked for again."""
        drop = min(seek, self.frames_done) - self.frames_start
        if drop <= 0:
            return
        self.released_peak = max(self.released_peak, float(self.frames[:, :drop].max()))
        self.frames, self.frames_start = self.frames[:, drop:], self.frames_start + drop

    def recording_time(self, speech_s: float) -> float:
        """A time in the joined speech as a time in the recording (seconds)."""
        from faster_whisper.vad import SpeechTimestampsMap

        return float(SpeechTimestampsMap(self.chunks, RATE).get_original_time(speech_s))

    def restore(self, segments: list[Any]) -> list[Any]:
        """faster-whisper's segments timed in the joined speech, timed in the recording (as the file's are)."""
        from faster_whisper.transcribe import restore_speech_timestamps

        return list(restore_speech_timestamps(segments, [dict(c) for c in self.chunks], RATE)) if self.chunks else []


def _power(extractor: Any, hann: np.ndarray, samples: np.ndarray, padding: int) -> np.ndarray:
    """The STFT's power, one column per frame (faster-whisper's ``FeatureExtractor`` up to the mel filters)."""
    if padding:
        samples = np.pad(samples, (0, padding))
    stft = extractor.stft(samples, extractor.n_fft, HOP, window=hann, return_complex=True).astype("complex64")
    return np.asarray(np.abs(stft[..., :-1]) ** 2)


def _mel_blocks(extractor: Any, power: np.ndarray, first: int) -> np.ndarray:
    """log10 of the mel filters applied to ``power`` (frames from ``first``), in blocks aligned on
    :data:`MEL_BLOCK` frames of the whole speech: a matrix product's last digits depend on its width, so the same
    frame is only computed alike, live and in a file, in a block of the same place and width."""
    out = np.empty((extractor.mel_filters.shape[0], power.shape[-1]), dtype=np.float32)
    start = 0
    while start < power.shape[-1]:
        end = min(power.shape[-1], (first + start) // MEL_BLOCK * MEL_BLOCK + MEL_BLOCK - first)
        out[:, start:end] = extractor.mel_filters @ np.ascontiguousarray(power[:, start:end])
        start = end
    return np.asarray(np.log10(np.clip(out, a_min=1e-10, a_max=None)))


def log_mel(extractor: Any, samples: np.ndarray, padding: int = END_PADDING) -> np.ndarray:
    """A whole file's log-mel features before their floor, computed as :class:`SpeechStream` computes them (the
    same numbers, to the last bit); ``floored(log_mel(...), its max)`` is faster-whisper's ``FeatureExtractor``."""
    hann = np.hanning(extractor.n_fft + 1)[:-1].astype(np.float32)
    return _mel_blocks(extractor, _power(extractor, hann, np.asarray(samples, dtype=np.float32), padding), 0)


def floored(log: np.ndarray, peak: float) -> np.ndarray:
    """Whisper's features from log10 mel: floored :data:`FLOOR` below ``peak``, scaled."""
    return np.asarray((np.maximum(log, np.float32(peak - FLOOR)) + 4.0) / 4.0, dtype=np.float32)
