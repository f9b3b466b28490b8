"""Transcribing a recording while it is being made (a :data:`LIVE` job of the speech worker).

The worker follows the recording's WAV on disk (:class:`~core.transcription.follow.GrowingWav`;
for an online interview, the call's track beside it) and transcribes it in
**pieces cut at pauses**: once at least :data:`PIECE_MIN_S` are waiting, Silero
voice-activity detection finds the last pause that ends before the newest
audio, and everything up to its middle is one piece.  Each piece is decoded with
word timestamps, with the prompt and hotwords the transcript's context gives
(:mod:`core.transcription.context`), in the language detected in the first
piece with speech; inside a piece each 30-s window is conditioned on the text
before it, as in a whole file, and detected speech the decode left without
words is decoded again without the prompt.  Pieces are **not** prompted with
the previous piece's words: measured on the synthetic Japanese answers
(``benchmarks/bench_live.py``), Whisper then wrote the prompt's last sentence
again over the next pause and looped (CER 26.5% against 20.3% without, 18.6%
for the finished file).  When
the recording stops (:class:`LiveControl` ``ended``), what is left is the last
piece: the transcript is complete a few seconds after Stop whatever the length.

The messages are those of a whole-file job (:mod:`core.transcription.worker`):
:class:`Started`, one :class:`SegmentDone` per segment (in time order),
:class:`Caught` after each piece (how far the transcript has got), then at the
end one :class:`Detected` per track (language, speech level over the whole
recording), :class:`Separated` for one microphone's voices
(:mod:`core.diarization.incremental`: each piece analysed as it is cut, the
voices grouped at the end) and :class:`Finished`.

The recording never pays for it: the worker runs at a lower priority
(:data:`NICE`), and while the parent says ``hold`` (the recorder's callbacks
come late) it starts no new piece.  Nothing of the recording is kept in memory
but the audio not yet transcribed.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.transcription import bleed
from core.transcription.audio import SAMPLE_RATE, SILENCE_PEAK_DBFS
from core.transcription.coverage import redo_uncovered, shifted
from core.transcription.decoding import convert, decode_segments, settle_language, whisper_options
from core.transcription.follow import GrowingWav
from core.transcription.guard import LEVEL_FRAME_MS, SPEECH_LEVEL_PERCENTILE, Levels
from core.transcription.messages import Detected, SegmentDone
from core.transcription.model import Segment, TranscriptionSettings
from core.transcription.speakers import INTERVIEWER, ME

LIVE = "live"
RATE = SAMPLE_RATE
PIECE_MIN_S = 20.0  # transcribe no less than this at once while recording (the context a decode needs)
PIECE_MAX_S = 45.0  # cut here even without a pause
PAUSE_MIN_MS = 300  # a silence this long between words can end a piece
TAIL_S = 0.6  # a pause must end this long before the newest audio (it may be a word's beginning)
POLL_S = 0.25  # how often the file is looked at while waiting
NICE = 10  # the worker's priority below the app's (the recorder's threads come first)
VAD_OPTIONS = {"min_silence_duration_ms": PAUSE_MIN_MS, "speech_pad_ms": 100}


@dataclass(frozen=True)
class LiveControl:
    """Parent → worker during a :data:`LIVE` job: the recording ``ended``; ``hold`` off new pieces."""

    job_id: int
    ended: bool = False
    hold: bool = False


@dataclass(frozen=True)
class Caught:
    """Worker → parent after each piece: the transcript has got to ``heard_s`` of ``recorded_s``."""

    job_id: int
    heard_s: float
    recorded_s: float


class _Meter:
    """A track's levels (:class:`~core.transcription.guard.Levels`) measured as its audio arrives."""

    def __init__(self) -> None:
        self.size = RATE * LEVEL_FRAME_MS // 1000
        self.rest = np.zeros(0, dtype=np.float32)
        self.power: list[np.ndarray] = []
        self.peak = 0.0

    def feed(self, samples: np.ndarray) -> None:
        if len(samples):
            self.peak = max(self.peak, float(np.max(np.abs(samples))))
        joined = np.concatenate([self.rest, samples])
        whole = len(joined) // self.size * self.size
        frames = joined[:whole].reshape(-1, self.size)
        if len(frames):
            self.power.append(np.einsum("ij,ij->i", frames, frames) / self.size)
        self.rest = joined[whole:]

    def levels(self) -> Levels:
        power = np.concatenate(self.power) if self.power else np.zeros(1)
        self.power = [power]
        levels = 10 * np.log10(np.maximum(power, 1e-12))
        return Levels(power, float(np.percentile(levels, SPEECH_LEVEL_PERCENTILE)))


def is_silent(samples: np.ndarray) -> bool:
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return peak <= 0 or 20 * np.log10(peak) < SILENCE_PEAK_DBFS


class _Track:
    """One followed file: audio read but not yet transcribed, from sample ``start`` of the recording."""

    def __init__(self, path: str, speaker: str | None) -> None:
        self.file = GrowingWav(path)
        self.speaker = speaker
        self.pending = np.zeros(0, dtype=np.float32)
        self.start = 0
        self.meter = _Meter()
        self.language = ""
        self.probability = 0.0
        self.speech_s = 0.0
        self.ended = False

    def read(self, final: bool) -> None:
        new = self.file.finish() if final else self.file.read()
        if len(new):
            self.meter.feed(new)
            self.pending = np.concatenate([self.pending, new])

    @property
    def end(self) -> int:
        return self.start + len(self.pending)

    def take(self, count: int) -> tuple[int, np.ndarray]:
        piece, start = self.pending[:count], self.start
        self.pending, self.start = self.pending[count:], self.start + count
        return start, piece


def find_cut(samples: np.ndarray, final: bool) -> int | None:
    """Where the next piece of ``samples`` (audio waiting, 16 kHz) ends: the middle of the last pause before the
    newest audio, once at least :data:`PIECE_MIN_S` wait; all of it when the recording has ended; None: wait."""
    if final:
        return len(samples)
    if len(samples) < PIECE_MIN_S * RATE:
        return None
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    usable = len(samples) - int(TAIL_S * RATE)
    speech = get_speech_timestamps(samples, VadOptions(**VAD_OPTIONS), sampling_rate=RATE)
    if not speech:
        return usable  # silence: nothing to wait for
    pause = PAUSE_MIN_MS * RATE // 1000
    pauses = [(left["end"], right["start"]) for left, right in itertools.pairwise(speech)]
    pauses.append((speech[-1]["end"], len(samples)))  # speech may go on just after the newest audio
    cuts = [cut for begin, end in pauses
            if end - begin >= pause and (cut := min((begin + end) // 2, usable)) - begin >= pause // 2 and cut >= RATE]
    if cuts:
        return int(max(cuts))
    if len(samples) >= PIECE_MAX_S * RATE:
        return usable  # no pause for a long while: cut anyway
    return None


Send = Callable[[Any], None]
Receive = Callable[[float], Any]  # the next message within timeout seconds, or None


class LiveJob:
    """One :data:`LIVE` job in the worker (see the module doc); :meth:`run` reports through ``send``."""

    def __init__(self, request: Any, model: Any, send: Send, receive: Receive) -> None:
        self.request, self.model, self.send, self.receive = request, model, send, receive
        self.settings: TranscriptionSettings = request.settings
        self.tracks = [_Track(request.path, None if request.call_path is None else ME)]
        if request.call_path is not None:
            self.tracks.append(_Track(request.call_path, INTERVIEWER))
        self.ended = self.hold = False
        self.bleed: bleed.Bleed | None = None
        self.separate = self.settings.separate and request.call_path is None
        self.collector: Any = None
        self.work_s = 0.0
        self.heard_s = 0.0
        self._reported = (0.0, 0.0)

    def _control(self, timeout: float) -> None:
        """Take the parent's messages (waiting up to ``timeout`` for the first)."""
        while (message := self.receive(timeout)) is not None:
            if isinstance(message, LiveControl) and message.job_id == self.request.job_id:
                self.ended = self.ended or message.ended
                self.hold = message.hold and not self.ended
            timeout = 0.0

    def run(self) -> float:
        """Follow the recording until it has ended and all of it is transcribed; returns the recognition time."""
        if self.separate:
            from core.diarization.incremental import Collector
            from core.diarization.models import load

            try:
                self.collector = Collector(load())
            except Exception:  # noqa: BLE001 - reported at the end by the whole-file separation's failure path
                self.collector = None
        while True:
            self._control(0.0)
            final = self.ended
            for track in self.tracks:
                track.read(final)
            cut = self._cut(final)
            if cut is None or (self.hold and not final):
                if final:
                    break
                self._report()
                self._control(POLL_S)
                continue
            self._piece(cut)
            if final and not any(len(track.pending) for track in self.tracks):
                break
        return self.work_s

    def _cut(self, final: bool) -> int | None:
        """Samples of the next piece (the same for both tracks: they share one clock), or None."""
        if final:
            longest = max(len(track.pending) for track in self.tracks)
            return longest or None
        waiting = min(len(track.pending) for track in self.tracks)
        if len(self.tracks) > 1 and max(len(t.pending) for t in self.tracks) - waiting > PIECE_MAX_S * RATE:
            waiting = max(len(t.pending) for t in self.tracks)  # the call's track stopped growing: go on without
        if waiting == 0:
            return None
        mixed = sum(_padded(track.pending, waiting) for track in self.tracks)
        return find_cut(np.asarray(mixed, dtype=np.float32), final=False)

    def _piece(self, count: int) -> None:
        started = time.monotonic()
        pieces = [(track, *track.take(count)) for track in self.tracks]
        if len(pieces) == 2:
            pieces[0] = (pieces[0][0], pieces[0][1], self._without_bleed(pieces[0][2], _padded(pieces[1][2], count)))
        for track, start, samples in pieces:
            if len(samples) and not is_silent(samples):
                self._transcribe(track, start, samples)
        if self.collector is not None and len(pieces[0][2]):
            self.collector.add(pieces[0][2], round(pieces[0][1] * 1000 / RATE))
        self.work_s += time.monotonic() - started
        self.heard_s = (pieces[0][1] + count) / RATE
        self._report()

    def _report(self) -> None:
        """Say how far the transcript has got, when anything changed since last said."""
        now = (self.heard_s, max(track.file.duration_s for track in self.tracks))
        if now != self._reported:
            self._reported = now
            self.send(Caught(self.request.job_id, *now))

    def _without_bleed(self, mic: np.ndarray, call: np.ndarray) -> np.ndarray:
        if self.bleed is None:
            self.bleed = bleed.measure(mic, call)
        return bleed.clean(mic, call, self.bleed)[0] if self.bleed is not None else mic

    def _settings_for(self, track: _Track, samples: np.ndarray) -> TranscriptionSettings:
        settings = self.settings
        if track.speaker is not None:  # two tracks, each half silence: no context prompt (ops.transcription)
            settings = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                               hotwords_by_language=())
        if track.language:
            prompts, hotwords = dict(settings.prompts_by_language), dict(settings.hotwords_by_language)
            settings = replace(settings, language=track.language,
                               initial_prompt=prompts.get(track.language, settings.initial_prompt),
                               hotwords=hotwords.get(track.language, settings.hotwords))
        elif settings.language:
            track.language, track.probability = settings.language, 1.0
        else:
            settled, probability = settle_language(self.model, samples, settings)
            if settled.language:
                track.language, track.probability, settings = settled.language, probability or 0.0, settled
        return settings

    def _decode(self, samples: np.ndarray, settings: TranscriptionSettings) -> tuple[list[Segment], Any]:
        segments, info = self.model.transcribe(samples, **whisper_options(settings))
        try:
            return [convert(segment) for segment in segments], info
        finally:
            segments.close()

    def _transcribe(self, track: _Track, start: int, samples: np.ndarray) -> None:
        settings = self._settings_for(track, samples)
        found, info = self._decode(samples, settings)
        if not track.language and float(info.duration_after_vad) > 0:
            track.language, track.probability = info.language, float(info.language_probability)
        track.speech_s += float(info.duration_after_vad)
        if settings.initial_prompt or settings.hotwords:  # the prompt may have dropped speech: again without
            plain = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                            hotwords_by_language=(), language=track.language or None)
            found += list(redo_uncovered(samples, found, lambda piece: decode_segments(self.model, piece, plain)))
        found.sort(key=lambda s: (s.start_ms, s.end_ms))
        offset_ms = round(start * 1000 / RATE)
        levels = track.meter.levels()
        for segment in found:
            moved = shifted(segment, offset_ms)
            if track.speaker is not None:
                moved = moved.spoken_by(track.speaker)
            self.send(SegmentDone(self.request.job_id, moved, 0.0, levels.span_dbfs(moved.start_ms, moved.end_ms)))

    def conclude(self) -> list[Any]:
        """The messages that end the job: each track's :class:`Detected`, then the voices if separated."""
        out: list[Any] = []
        for track in self.tracks:
            if track.meter.peak <= 0 or 20 * np.log10(track.meter.peak) < SILENCE_PEAK_DBFS:
                continue
            out.append(Detected(self.request.job_id, track.language, track.probability, track.speech_s,
                                track.meter.levels().speech_dbfs, speaker=track.speaker))
        return out


def _padded(samples: np.ndarray, length: int) -> np.ndarray:
    if len(samples) >= length:
        return samples[:length]
    return np.pad(samples, (0, length - len(samples)))
