"""Transcribing a recording while it is being made (a :data:`LIVE` job of the speech worker).

The worker follows the recording's WAV on disk (:class:`~core.transcription.follow.GrowingWav`;
for an online interview, the call's track beside it) and gives each track's
audio, as it is read, to a :class:`~core.transcription.speech_stream.SpeechStream`
(two tracks: in **pieces cut at pauses**, :func:`find_cut`, at least
:data:`PIECE_MIN_S`, the microphone's first cleaned of the call's bleed).  The
stream keeps the track's speech and its features **as a whole-file decode of the
finished recording has them**: the same voice-activity stretches, the same
joined speech, the same log-mel frames to the last bit (only their floor, 80 dB
below the loudest, is the loudest heard so far).  The worker walks those
features in the file's windows (:mod:`core.transcription.window`, the body of
faster-whisper's own loop): once the 3,000 frames from the next window's start
and the one after them are final, that window is decoded, prompted with the
transcript's text so far (the context prompt of
:mod:`core.transcription.context` first, hotwords in every window, the prompt
reset after a retry), its segments are sent, and the next window begins where
its last word ended, as in the file.  Detected speech a prompted decode left
without words is decoded again without the prompt
(:mod:`core.transcription.coverage`).

So the windows decoded while recording are the file's, word for word and to the
millisecond (``tests/test_live_window.py``).  How it came to this, measured
(docs/PERFORMANCE.md, "Live transcription"): pieces decoded on their own gave
Whisper other windows than the file's and other text at every edge (CER 21.9%
live against 17.8% for the file on 1.7 min of Japanese answers); the file's
windows decoded by ``transcribe`` from each window's own audio brought the first
window's text to the file's but not the later ones' (their first frames heard
padding, their voice-activity detection started afresh at a word's end, their
floor was their own): 11.5% live against 9.2% for the file after an hour.

At Stop what is left is the window being filled: up to 30 s of speech.  To keep Stop → transcript short, once a window
holds :data:`DRAFT_S` of speech it is decoded ahead as a draft, which is not
sent, and again every :data:`DRAFT_STEP_S` more: if the recording stops before
the window is complete, the newest draft stands for its first part and only the
rest is decoded; else the drafts are dropped and the window decoded whole.
About :data:`DRAFT_STEP_S` of speech is left at Stop, at the price of extra
decodes of each window while recording (measured on the Japanese answers,
``bench_live.py``: Stop → transcript 14.1 s with one draft at 15 s, 10.7 s with
drafts from 10 s every 7.5 s, 16.9 s from 8 s every 5 s, the worker then
falling behind); a worker that has fallen behind (a whole window waiting) makes no draft.
A whole window's decode (about 9 s for 30 s of speech on a 2-core laptop) runs
in the background, on the model's second decoder (:data:`DECODERS`; CTranslate2
replicas share the weights), while the recording goes on being read.  If Stop
comes during it, its newest draft (the same start and prompt, all but the last
few seconds) stands for it and what follows is decoded at once beside it: Stop
waits for that rest, never for a window (measured: the worst of five stops 10.2
s → see docs/PERFORMANCE.md; a window decode that has just begun used to be
waited for, 9 s, then the rest).  The window's own decode ends by itself and is
not used.  Without a draft of that window (the worker behind), it is waited for.

The messages are those of a whole-file job (:mod:`core.transcription.worker`):
:class:`Started`, one :class:`SegmentDone` per segment (in time order),
:class:`Caught` after each piece (how far the transcript has got: it follows the
recording by up to a window), then at the end one :class:`Detected` per track
(language, speech level over the whole recording), :class:`Separated` for one
microphone's voices (:mod:`core.diarization.incremental`: each stretch of at
least :data:`VOICES_MIN_S` analysed as it is cut, the voices grouped at the end)
and :class:`Finished`.

The recording never pays for it: the worker runs at a lower priority
(:data:`NICE`), and while the parent says ``hold`` (the recorder's callbacks
come late) it starts no new piece.  Nothing of the recording is kept in memory
but what is not yet transcribed: the speech and frames from the next window on,
and the recording's audio from its start (for the coverage check).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.transcription import bleed
from core.transcription.audio import SAMPLE_RATE, SILENCE_PEAK_DBFS
from core.transcription.coverage import redo_uncovered, shifted
from core.transcription.decoding import convert, decode_segments, whisper_options
from core.transcription.file_decode import settled
from core.transcription.follow import GrowingWav
from core.transcription.guard import LEVEL_FRAME_MS, SPEECH_LEVEL_PERCENTILE, Levels
from core.transcription.messages import Detected, SegmentDone
from core.transcription.model import TranscriptionSettings
from core.transcription.speakers import INTERVIEWER, ME
from core.transcription.speech_stream import HOP, SpeechStream
from core.transcription.window import (
    FRAMES,
    Decoded,
    Prompting,
    decode_window,
    initial_tokens,
    tokenizer_for,
    transcription_options,
    window_frames,
)

LIVE = "live"
RATE = SAMPLE_RATE
PIECE_MIN_S = 20.0  # two tracks: pieces no shorter than this (enough of the call to measure its bleed)
# One microphone's voices are analysed in stretches no shorter than this: measured on two-voice interviews
# (tests/test_live_separation.py), 20-s stretches left DER 15.5% against 6.6% for the whole recording (English),
# 30-s ones 9.3% (Japanese 8.9% = 8.9%, a real call 4.1% = 4.1%).
VOICES_MIN_S = 30.0
FEED_MIN_S = 0.5  # one track: audio goes on to the recogniser as read, in pieces no shorter than this
PIECE_MAX_S = 45.0  # cut here even without a pause
DRAFT_S = 10.0  # with this much speech of a window heard, it is decoded ahead, for Stop
DRAFT_STEP_S = 7.5  # and again each time this much more is heard (at Stop, no more than this is left to decode)
DRAFT_FRAMES, DRAFT_STEP_FRAMES = round(DRAFT_S * RATE / HOP), round(DRAFT_STEP_S * RATE / HOP)
PAUSE_MIN_MS = 300  # a silence this long between words can end a piece
TAIL_S = 0.6  # a pause must end this long before the newest audio (it may be a word's beginning)
POLL_S = 0.25  # how often the file is looked at while waiting
NICE = 10  # the worker's priority below the app's (the recorder's threads come first)
DECODERS = 2  # decodes the model runs at once: a window's in the background, and at Stop the rest beside it
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


@dataclass(frozen=True)
class _Decoded:
    """A decode of a track's window at frame ``seek`` (``frames`` of features): Whisper's segments and next window,
    and the prompt it leaves for that window."""

    seek: int
    frames: int
    result: Decoded
    prompting: Prompting
    work_s: float = 0.0


@dataclass
class _Window:
    """A whole window of a track being decoded in the background."""

    track: _Track
    seek: int
    future: Future[_Decoded]


class _Track:
    """One followed file: audio read, its speech as the file's decode will see it, and how far it is decoded."""

    def __init__(self, path: str, speaker: str | None, filtered: bool = True) -> None:
        self.file = GrowingWav(path)
        self.speaker = speaker
        self.pending = np.zeros(0, dtype=np.float32)  # read, not yet given to the stream
        self.start = 0
        self.meter = _Meter()
        self.language = ""
        self.probability = 0.0
        self.stream = SpeechStream(filtered=filtered)
        self.seek = 0  # the next window's first frame (of the joined speech)
        self.decoding: tuple[Any, Any, TranscriptionSettings] | None = None  # tokenizer, options, settings
        self.prompting: Prompting | None = None  # the prompt for the next window (None: before the first)
        self.draft: _Decoded | None = None  # the window so far, decoded ahead of Stop (see _transcribe_ready)
        self.recorded = np.zeros(0, dtype=np.float32)  # the recording from sample heard: not yet transcribed
        self.heard = 0

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

    def feed(self, samples: np.ndarray, last: bool) -> None:
        self.stream.feed(samples)
        if last:
            self.stream.finish()
        self.recorded = np.concatenate([self.recorded, samples])
        if self.caught_up:  # no speech waits: the audio read so far needs no keeping
            self._heard(self.stream.audio_start)

    @property
    def caught_up(self) -> bool:
        """Every frame of speech decoded and no stretch of speech under way."""
        stream = self.stream
        return not stream.speaking and self.seek * HOP >= stream.speech_length - HOP and self.draft is None

    def _heard(self, sample: int) -> None:
        sample = min(max(sample, self.heard), self.heard + len(self.recorded))
        self.recorded, self.heard = self.recorded[sample - self.heard:], sample

    def at(self, seek: int) -> int:
        """The recording's sample where the frame ``seek`` of the joined speech was said."""
        if self.stream.ended and seek >= (self.stream.content_frames or 0):
            return self.stream.received
        return round(self.stream.recording_time(seek * HOP / RATE) * RATE)


def find_cut(samples: np.ndarray, final: bool, minimum_s: float = PIECE_MIN_S) -> int | None:
    """Where the next piece of ``samples`` (audio waiting, 16 kHz) ends: the middle of the last pause before the
    newest audio, once at least ``minimum_s`` wait; all of it when the recording has ended; None: wait."""
    if final:
        return len(samples)
    if len(samples) < minimum_s * RATE:
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
        self.tracks = [_Track(request.path, None if request.call_path is None else ME, self.settings.vad)]
        if request.call_path is not None:
            self.tracks.append(_Track(request.call_path, INTERVIEWER, self.settings.vad))
        self.ended = self.hold = False
        self.bleed: bleed.Bleed | None = None
        self.separate = self.settings.separate and request.call_path is None
        self.collector: Any = None
        self.voice = np.zeros(0, dtype=np.float32)  # the microphone's audio not yet given to the collector
        self.voice_start = 0
        self.work_s = 0.0
        self.heard_s = 0.0
        self._reported = (0.0, 0.0)
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="furikaeri-window")
        self.window: _Window | None = None  # the window being decoded in the background
        self.rescued = 0  # windows whose decode was still running at Stop: their newest draft stood for them

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
        try:
            while True:
                self._control(0.0)
                final = self.ended
                self._collect()
                for track in self.tracks:
                    track.read(final)
                cut = self._cut(final)
                if cut is None or (self.hold and not final):
                    if final:
                        self._piece(0, final=True)  # what waits for a window of its own
                        break
                    self._report()
                    self._control(POLL_S / 5 if self.window is not None else POLL_S)
                    continue
                self._piece(cut, final)
                if final and not any(len(track.pending) for track in self.tracks):
                    break
        finally:
            self._background.shutdown(wait=False)  # a window given up at Stop ends by itself
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
        if len(self.tracks) == 1:  # the speech stream finds the pauses itself
            return waiting if waiting >= FEED_MIN_S * RATE else None
        mixed = sum(_padded(track.pending, waiting) for track in self.tracks)
        # two tracks: pieces cut at pauses, long enough to measure the microphone's bleed of the call
        return find_cut(np.asarray(mixed, dtype=np.float32), final=False, minimum_s=PIECE_MIN_S)

    def _piece(self, count: int, final: bool = False) -> None:
        started = time.monotonic()
        pieces = [(track, *track.take(count)) for track in self.tracks]
        if len(pieces) == 2 and count:
            pieces[0] = (pieces[0][0], pieces[0][1], self._without_bleed(pieces[0][2], _padded(pieces[1][2], count)))
        last = final and not any(len(track.pending) for track in self.tracks)
        for track, _start, samples in pieces:
            track.feed(samples, last)
            self._transcribe_ready(track, last)
        if self.collector is not None:
            self._voices(pieces[0][1], pieces[0][2], last)
        self.work_s += time.monotonic() - started
        self._progress()
        self._report()

    def _progress(self) -> None:
        self.heard_s = min(track.heard for track in self.tracks) / RATE

    def _voices(self, start: int, samples: np.ndarray, final: bool) -> None:
        """The microphone's audio to the voices' analysis, in stretches of :data:`VOICES_MIN_S` cut at pauses."""
        if not len(self.voice):
            self.voice_start = start
        self.voice = np.concatenate([self.voice, samples])
        while len(self.voice) and (cut := find_cut(self.voice, final, VOICES_MIN_S)) is not None:
            self.collector.add(self.voice[:cut], round(self.voice_start * 1000 / RATE))
            self.voice, self.voice_start = self.voice[cut:], self.voice_start + cut

    def _transcribe_ready(self, track: _Track, final: bool) -> None:
        """Decode what of ``track`` is ready: each window of :data:`FRAMES` once its frames are final, or
        (``final``) all that is left, window by window as the file's decode.  Between windows, drafts of the
        window so far are decoded (not sent): at Stop, no more than :data:`DRAFT_STEP_S` is left to do."""
        stream = track.stream
        while True:
            if self.window is not None and (self.window.track is track or not final):
                if not final:
                    return  # one window at a time, in the background: the loop collects it
                self._window_at_stop(track)
                continue
            if final:
                content = stream.content_frames or 0
                draft = track.draft
                if draft is not None and draft.seek == track.seek and content - track.seek > draft.frames:
                    self._emit(track, _settled_part(draft))  # it stands for the window's first part
                    continue
                if track.seek >= content:
                    track.draft = None
                    track._heard(stream.received)
                    return
                self._emit(track, self._decoder(track, window_frames(track.seek, content))())
                continue
            waiting = stream.frames_done - track.seek
            if waiting > FRAMES:  # a whole window and the frame after it (the file's window is then as long)
                self.window = _Window(track, track.seek, self._background.submit(self._decoder(track, FRAMES)))
                return
            due = DRAFT_FRAMES if track.draft is None else track.draft.frames + DRAFT_STEP_FRAMES
            if waiting >= due:
                track.draft = self._decoder(track, waiting)()
            return

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

    def _decoding(self, track: _Track) -> tuple[Any, Any, TranscriptionSettings]:
        """The track's tokenizer, options and settings.  Its language, when not given, is detected on its first
        window, as a file's (:func:`~core.transcription.file_decode.settled`); a draft before that window's frames
        are all there detects it on what there is, for itself only."""
        if track.decoding is not None:
            return track.decoding
        settings = self.settings
        if track.speaker is not None:  # two tracks, each half silence: no context prompt (ops.transcription)
            settings = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                               hotwords_by_language=())
        stream = track.stream
        first = stream.ended or stream.frames_done > FRAMES
        frames = window_frames(0, stream.content_frames or 0) if stream.ended else min(FRAMES, stream.frames_done)
        settings, language, probability = settled(self.model, stream, settings, frames)
        tokenizer = tokenizer_for(self.model, language)
        decoding = (tokenizer, transcription_options(self.model, tokenizer, whisper_options(settings)), settings)
        if first:
            track.decoding, track.language, track.probability = decoding, language, probability
        return decoding

    def _decoder(self, track: _Track, frames: int) -> Callable[[], _Decoded]:
        """A decode of the ``frames`` frames of ``track`` from its next window's, to run here or on another thread
        (it changes nothing of the job): the features are taken now, the prompt copied."""
        seek = track.seek
        features = track.stream.window(seek, frames)
        tokenizer, options, settings = self._decoding(track)
        before = track.prompting or Prompting(tokens=initial_tokens(tokenizer, settings.initial_prompt))
        prompting = replace(before, tokens=list(before.tokens))

        def decode() -> _Decoded:
            started = time.monotonic()
            result = decode_window(self.model, features, seek, tokenizer, options, prompting)
            return _Decoded(seek, frames, result, prompting, time.monotonic() - started)

        return decode

    def _collect(self) -> None:
        """The background window, once decoded: its segments are sent."""
        window = self.window
        if window is None or not window.future.done():
            return
        self.window = None
        decoded = window.future.result()  # a failure fails the job
        self.work_s += decoded.work_s
        self._emit(window.track, decoded)
        self._progress()
        if not self.ended:
            for waiting in self.tracks:  # what came meanwhile: the next window, or its draft, now
                self._transcribe_ready(waiting, False)

    def _window_at_stop(self, track: _Track) -> None:
        """Stop came while ``track``'s window decodes in the background.  Done by now: sent as it is.  Else its
        newest draft (the same start, the same prompt, all but the last few seconds) stands for it and what
        follows is decoded beside it (the other decoder): Stop waits for that rest, not for a whole window."""
        window = self.window
        assert window is not None and window.track is track
        draft = track.draft
        if window.future.done() or draft is None or draft.seek != window.seek:
            window.future.result()  # no draft of this window: it is waited for
            self._collect()
            return
        self.window, self.rescued = None, self.rescued + 1
        self._emit(track, _settled_part(draft))

    def _emit(self, track: _Track, decoded: _Decoded) -> None:
        """Send the segments of a decode of ``track``'s next window, and what a prompted decode left out of them;
        the track goes on from where the decode says the next window begins."""
        stream = track.stream
        self._decoding(track)  # the language settles on the first window's frames, before they are let go
        track.prompting, track.seek, track.draft = decoded.prompting, decoded.result.seek, None
        found = [convert(segment) for segment in stream.restore(decoded.result.segments)]
        stream.release(track.seek)
        end = track.at(track.seek)
        begin, offset_ms = track.heard, round(track.heard * 1000 / RATE)
        samples = track.recorded[:max(0, end - begin)]
        _tokenizer, _options, settings = track.decoding or (None, None, self.settings)
        if settings.initial_prompt or settings.hotwords:  # the prompt may have dropped speech: again without
            plain = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                            hotwords_by_language=(), language=track.language or None)
            own = [shifted(segment, -offset_ms) for segment in found]
            found += [shifted(segment, offset_ms) for segment in redo_uncovered(
                samples, own, lambda piece: decode_segments(self.model, piece, plain))]
        found.sort(key=lambda s: (s.start_ms, s.end_ms))
        levels = track.meter.levels()
        for segment in found:
            moved = segment if track.speaker is None else segment.spoken_by(track.speaker)
            self.send(SegmentDone(self.request.job_id, moved, 0.0, levels.span_dbfs(moved.start_ms, moved.end_ms)))
        track._heard(end)

    def conclude(self) -> list[Any]:
        """The messages that end the job: each track's :class:`Detected`, then the voices if separated."""
        out: list[Any] = []
        for track in self.tracks:
            if track.meter.peak <= 0 or 20 * np.log10(track.meter.peak) < SILENCE_PEAK_DBFS:
                continue
            out.append(Detected(self.request.job_id, track.language, track.probability,
                                track.stream.speech_length / RATE, track.meter.levels().speech_dbfs,
                                speaker=track.speaker))
        return out


def _settled_part(draft: _Decoded) -> _Decoded:
    """A draft without its last segment, which heard its speech cut off where the draft ended (its last word
    guessed, or the decode of what follows starting inside a word: measured, the rest then looped "お客様に…"
    to the end): what follows is decoded from that segment's start, with all the audio after it."""
    segments = draft.result.segments
    if not segments:
        return draft
    last = segments[-1]
    kept = list(segments[:-1])
    tokens = draft.prompting.tokens[:len(draft.prompting.tokens) - len(last.tokens)]
    words = [word for segment in kept for word in (segment.words or ())]
    prompting = Prompting(tokens=list(tokens), reset_since=min(draft.prompting.reset_since, len(tokens)),
                          last_speech_s=words[-1].end if words else min(draft.prompting.last_speech_s, last.start))
    seek = max(draft.seek, round(last.start * RATE / HOP))
    return replace(draft, result=replace(draft.result, segments=kept, seek=seek), prompting=prompting)


def _padded(samples: np.ndarray, length: int) -> np.ndarray:
    if len(samples) >= length:
        return samples[:length]
    return np.pad(samples, (0, length - len(samples)))
