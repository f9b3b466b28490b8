"""Transcribing a recording while it is being made (a :data:`LIVE` job of the speech worker).

The worker follows the recording's WAV on disk (:class:`~core.transcription.follow.GrowingWav`;
for an online interview, the call's track beside it) and takes it in **pieces
cut at pauses** (:func:`find_cut`: Silero voice-activity detection finds the last
pause before the newest audio; at least :data:`FEED_MIN_S` for one track, or
:data:`PIECE_MIN_S` for two, whose microphone is first cleaned of the call's
bleed).  The pieces only bring audio in: it is **decoded in the windows a
whole-file decode would use**.  faster-whisper decodes a file as its speech
(silences left out by its voice-activity detection) in 30-s windows, each
prompted with the text before it, the next window beginning where the last word
of the previous one ended.  So once :data:`WINDOW_S` of speech wait
(:func:`window_end`, counted as that detection counts it) and
:data:`LOOKAHEAD_S` more audio, the worker decodes that one window, prompted with
the transcript's text so far (the context prompt of
:mod:`core.transcription.context` first, hotwords in every window, the prompt
reset after a retry, as in a file), sends its segments, and goes on from
its last word.  Detected speech a prompted decode left without words is decoded
again without the prompt (:mod:`core.transcription.coverage`).

Why: decoding each piece on its own (the first version) gave Whisper other
windows than the file's, and its text differed at every edge: on the synthetic
Japanese answers (``benchmarks/bench_live.py``, 1.7 min) CER 21.9% live against
17.8% for the file; prompting each piece with the previous one's text looped
(26.5%); pieces of 12-28 s all left a gap of 2-4 points.  With the file's
windows the texts are the same but for the end (measured in one process, the
audio arriving as recorded; docs/PERFORMANCE.md):

=============================  ============  ======  =============
audio                          whole file    pieces  file's windows
=============================  ============  ======  =============
ja, test clip twice (43 s)     5.5%          8.7%    5.5%
ja, 12 answers (1.7 min)       17.0%         18.9%   16.5%
en, LibriVox read (29 s)       2.8%          2.8%    2.8%
en, 2 real phone calls (56 s)  17.1%         17.6%   16.5%
=============================  ============  ======  =============

(CER for Japanese, WER for English.)  A window is decoded from the features
the file's decode gives it: with the second of audio after it (its last frames
hear what follows, not padding), and floored below the loudest audio of the
recording heard so far, not its own (:class:`RunningFloor`; Whisper floors
its features 80 dB below their loudest value): with only one of the two as
the file's, a window's words still differed (``tests/test_live_features.py``).
At Stop what is left is the window being filled: up to 30 s of speech.  To keep Stop → transcript short, once a window
holds :data:`DRAFT_S` of speech it is decoded ahead as a draft, which is not
sent, and again every :data:`DRAFT_STEP_S` more: if the recording stops before
the window is complete, the newest draft stands for its first part and only the
rest is decoded; else the drafts are dropped and the window decoded whole.
About :data:`DRAFT_STEP_S` of speech is left at Stop, at the price of extra
decodes of each window while recording (measured on the Japanese answers,
``bench_live.py``: Stop → transcript 14.1 s with one draft at 15 s, 10.7 s with
drafts from 10 s every 7.5 s, 16.9 s from 8 s every 5 s, the worker then
falling behind); a worker that has fallen behind (more than
:data:`DRAFT_MAX_S` waiting) makes no draft.
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
but the audio not yet transcribed (silence before any speech is let go).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.transcription import bleed
from core.transcription.audio import SAMPLE_RATE, SILENCE_PEAK_DBFS
from core.transcription.coverage import redo_uncovered, shifted
from core.transcription.decoding import (
    PROMPT_RESET_ON_TEMPERATURE,
    convert,
    decode_segments,
    settle_language,
    whisper_options,
)
from core.transcription.floor import Peak, RunningFloor
from core.transcription.follow import GrowingWav
from core.transcription.guard import LEVEL_FRAME_MS, SPEECH_LEVEL_PERCENTILE, Levels
from core.transcription.messages import Detected, SegmentDone
from core.transcription.model import Segment, TranscriptionSettings
from core.transcription.speakers import INTERVIEWER, ME

LIVE = "live"
RATE = SAMPLE_RATE
PIECE_MIN_S = 20.0  # two tracks: pieces no shorter than this (enough of the call to measure its bleed)
# One microphone's voices are analysed in stretches no shorter than this: measured on two-voice interviews
# (tests/test_live_separation.py), 20-s stretches left DER 15.5% against 6.6% for the whole recording (English),
# 30-s ones 9.3% (Japanese 8.9% = 8.9%, a real call 4.1% = 4.1%).
VOICES_MIN_S = 30.0
FEED_MIN_S = 2.0  # one track: audio goes on to the recogniser in pieces no shorter than this
PIECE_MAX_S = 45.0  # cut here even without a pause
WINDOW_S = 30.0  # Whisper's window: speech is decoded in these, as in a whole file
WINDOW_FRAMES = 3000  # the same in Whisper's feature frames (10 ms)
LOOKAHEAD_S = 1.0  # a window is decoded once this much audio follows it (its speech is settled)
DRAFT_S = 10.0  # with this much speech of a window heard, it is decoded ahead, for Stop
DRAFT_STEP_S = 7.5  # and again each time this much more is heard (at Stop, no more than this is left to decode)
DRAFT_MAX_S = 30.0  # not when more audio waits (the worker is behind: a draft would cost nearly a window)
PROMPT_TOKENS = 223  # Whisper's prompt: the last this many tokens of the text before (as faster-whisper)
PAUSE_MIN_MS = 300  # a silence this long between words can end a piece
TAIL_S = 0.6  # a pause must end this long before the newest audio (it may be a word's beginning)
POLL_S = 0.25  # how often the file is looked at while waiting
NICE = 10  # the worker's priority below the app's (the recorder's threads come first)
DECODERS = 2  # decodes the model runs at once: a window's in the background, and at Stop the rest beside it
VAD_OPTIONS = {"min_silence_duration_ms": PAUSE_MIN_MS, "speech_pad_ms": 100}
VAD_GRID = 512  # Silero's frame: silence dropped in whole frames keeps the detection where a file's would be


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


@dataclass(frozen=True)
class _Decoded:
    """A decode of the start of a track's audio not yet transcribed: it accounts for ``end`` samples."""

    end: int
    found: list[Segment]
    tokens: list[int]  # the prompt for what follows
    speech_s: float
    settings: TranscriptionSettings
    language: tuple[str, float] | None = None  # what Whisper detected, for a track that has no language yet
    work_s: float = 0.0


@dataclass
class _Window:
    """A whole window of a track being decoded in the background: it will account for ``end`` samples at most."""

    track: _Track
    end: int
    future: Future[_Decoded]


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
        self.unheard = np.zeros(0, dtype=np.float32)  # cut, not yet transcribed, from sample unheard_start
        self.unheard_start = 0
        self.tokens: list[int] | None = None  # the text so far, as Whisper's prompt (None: not started)
        self.draft: _Decoded | None = None  # the window so far, decoded ahead of Stop (see _transcribe_ready)
        self.draft_heard = 0  # the speech (samples) the draft heard
        self.peak = Peak()  # its loudest audio so far, for the features' floor (RunningFloor)

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


def window_end(samples: np.ndarray) -> tuple[int | None, int, int]:
    """The sample of ``samples`` where :data:`WINDOW_S` of speech have been heard, counted as a whole-file decode
    counts it (its voice-activity detection, silences left out), or None when there is less; how many samples at
    the start are silence that can go (all but the last second before any speech); and how much speech there is
    (samples, up to the window's)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    speech = get_speech_timestamps(samples, VadOptions(max_speech_duration_s=WINDOW_S), sampling_rate=RATE)
    silent = int(speech[0]["start"]) if speech else len(samples)
    silent = max(0, silent - RATE) // VAD_GRID * VAD_GRID
    heard, window = 0, int(WINDOW_S * RATE)
    for chunk in speech:
        if heard + chunk["end"] - chunk["start"] >= window:
            return int(chunk["start"] + window - heard), silent, window
        heard += chunk["end"] - chunk["start"]
    return None, silent, int(heard)


Send = Callable[[Any], None]
Receive = Callable[[float], Any]  # the next message within timeout seconds, or None


class LiveJob:
    """One :data:`LIVE` job in the worker (see the module doc); :meth:`run` reports through ``send``."""

    def __init__(self, request: Any, model: Any, send: Send, receive: Receive) -> None:
        self.request, self.model, self.send, self.receive = request, model, send, receive
        if not isinstance(getattr(model, "feature_extractor", None), (RunningFloor, type(None))):
            model.feature_extractor = RunningFloor(model.feature_extractor)
        self.settings: TranscriptionSettings = request.settings
        self.tracks = [_Track(request.path, None if request.call_path is None else ME)]
        if request.call_path is not None:
            self.tracks.append(_Track(request.call_path, INTERVIEWER))
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
        mixed = sum(_padded(track.pending, waiting) for track in self.tracks)
        minimum = PIECE_MIN_S if len(self.tracks) > 1 else FEED_MIN_S  # two tracks: enough to measure the bleed
        return find_cut(np.asarray(mixed, dtype=np.float32), final=False, minimum_s=minimum)

    def _piece(self, count: int, final: bool = False) -> None:
        started = time.monotonic()
        pieces = [(track, *track.take(count)) for track in self.tracks]
        if len(pieces) == 2 and count:
            pieces[0] = (pieces[0][0], pieces[0][1], self._without_bleed(pieces[0][2], _padded(pieces[1][2], count)))
        last = final and not any(len(track.pending) for track in self.tracks)
        for track, _start, samples in pieces:
            track.unheard = np.concatenate([track.unheard, samples])
            self._transcribe_ready(track, last)
        if self.collector is not None:
            self._voices(pieces[0][1], pieces[0][2], last)
        self.work_s += time.monotonic() - started
        self.heard_s = min(track.unheard_start for track in self.tracks) / RATE
        self._report()

    def _voices(self, start: int, samples: np.ndarray, final: bool) -> None:
        """The microphone's audio to the voices' analysis, in stretches of :data:`VOICES_MIN_S` cut at pauses."""
        if not len(self.voice):
            self.voice_start = start
        self.voice = np.concatenate([self.voice, samples])
        while len(self.voice) and (cut := find_cut(self.voice, final, VOICES_MIN_S)) is not None:
            self.collector.add(self.voice[:cut], round(self.voice_start * 1000 / RATE))
            self.voice, self.voice_start = self.voice[cut:], self.voice_start + cut

    def _transcribe_ready(self, track: _Track, final: bool) -> None:
        """Decode what of ``track`` is ready: each window of :data:`WINDOW_S` of speech once :data:`LOOKAHEAD_S`
        follow it, or (``final``) all that is left; the next window begins where this one's words end.  Halfway
        to a window, a draft of it is decoded (not sent): at Stop, no more than half a window is left to do."""
        while len(track.unheard):
            if self.window is not None and (self.window.track is track or not final):
                if not final:
                    return  # one window at a time, in the background: the loop collects it
                self._window_at_stop(track)
                continue
            limit, silent, heard = window_end(track.unheard)
            if final:
                if track.draft is not None and heard > track.draft_heard and track.draft.end <= len(track.unheard):
                    self._consume(track, self._emit(track, track.unheard[:track.draft.end], track.draft))
                end = len(track.unheard)
            else:
                if silent and (limit is None or limit + LOOKAHEAD_S * RATE > len(track.unheard)):
                    self._consume(track, silent)
                    continue  # silence before any speech: nothing to keep
                if limit is None or limit + LOOKAHEAD_S * RATE > len(track.unheard):
                    due = DRAFT_S if track.draft is None else track.draft_heard / RATE + DRAFT_STEP_S
                    if (heard >= due * RATE and len(track.unheard) <= DRAFT_MAX_S * RATE
                            and not is_silent(track.unheard)):
                        track.draft, track.draft_heard = self._decode(track, track.unheard, whole=True), heard
                    return
                end = limit
            samples = track.unheard[:end]
            if is_silent(samples):
                self._consume(track, end)
            elif final:
                self._consume(track, self._emit(track, samples, self._decode(track, samples, whole=True)))
            else:  # a whole window: decoded in the background, the recording goes on being read
                # with the audio that follows it: its last frames are then a whole file's (measured: one frame
                # that heard padding instead changed a word)
                decode = self._decoder(track, track.unheard[:end + int(LOOKAHEAD_S * RATE)], whole=False, window=end)
                self.window = _Window(track, end, self._background.submit(decode))
                return
            if final:
                return

    @staticmethod
    def _consume(track: _Track, count: int) -> None:
        track.unheard, track.unheard_start = track.unheard[count:], track.unheard_start + count
        track.draft = None

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

    def _prompt(self, track: _Track, settings: TranscriptionSettings) -> list[int]:
        """The prompt's tokens for the next window: the context prompt, then the text so far (as in a file)."""
        if track.tokens is None:
            track.tokens = []
            if settings.initial_prompt:
                track.tokens = list(self.model.hf_tokenizer.encode(" " + settings.initial_prompt.strip(),
                                                                  add_special_tokens=False).ids)
        return track.tokens[-PROMPT_TOKENS:]

    def _decode(self, track: _Track, samples: np.ndarray, whole: bool) -> _Decoded:
        """Decode now (see :meth:`_decoder`)."""
        return self._adopt(track, self._decoder(track, samples, whole)())

    def _adopt(self, track: _Track, decoded: _Decoded, background: bool = False) -> _Decoded:
        """A decode's language becomes its track's when the track had none; a background one's time counts as
        work (a decode here is counted with its piece)."""
        if not track.language and decoded.language is not None:
            track.language, track.probability = decoded.language
        if background:
            self.work_s += decoded.work_s
        return decoded

    def _decoder(self, track: _Track, samples: np.ndarray, whole: bool,
                 window: int | None = None) -> Callable[[], _Decoded]:
        """A decode of ``samples`` to run here or on another thread (it changes nothing of the job): Whisper's
        segments, the text before as the prompt: all of them (``whole``), else the first window's (the first
        ``window`` samples; those after it only complete its last frames), which account for the samples up to
        its last word when the window ended within speech (a file's decode goes on from there)."""
        settings = self._settings_for(track, samples[:window])
        tokens = self._prompt(track, settings)
        options = whisper_options(settings)
        options["initial_prompt"] = tokens or None
        known = bool(track.language)
        return lambda: self._decoded(samples, options, tokens, settings, whole, known, window, track.peak)

    def _decoded(self, samples: np.ndarray, options: dict[str, Any], tokens: list[int],
                 settings: TranscriptionSettings, whole: bool, language_known: bool,
                 window: int | None = None, peak: Peak | None = None) -> _Decoded:
        started = time.monotonic()
        floor = self.model.feature_extractor
        found: list[Segment] = []
        more = full = False
        with floor.track(peak) if isinstance(floor, RunningFloor) and peak is not None else nullcontext():
            segments, info = self.model.transcribe(samples, **options)
        try:
            for segment in segments:
                if not whole and segment.seek != 0:
                    more = True  # the first window's last segment was not complete: the next one begins after
                    full = segment.seek >= WINDOW_FRAMES  # ... or it was, and the next window begins after it
                    break
                found.append(convert(segment))
                tokens = tokens + list(segment.tokens)
                if segment.temperature > PROMPT_RESET_ON_TEMPERATURE:
                    tokens = []  # as a file's decode: no text before after a retry (stops loops)
        finally:
            segments.close()
        used = len(samples) if window is None else min(window, len(samples))
        ends = [word.end_ms for segment in found for word in segment.words]
        if more and not full and ends:
            used = min(used, max(RATE, ends[-1] * RATE // 1000))
        detected = None
        if not language_known and float(info.duration_after_vad) > 0:
            detected = (str(info.language), float(info.language_probability))
        speech_s = float(info.duration_after_vad) * used / max(len(samples), 1)
        return _Decoded(used, found, tokens, speech_s, settings, detected, time.monotonic() - started)

    def _collect(self) -> None:
        """The background window, once decoded: its segments are sent and its samples transcribed."""
        window = self.window
        if window is None or not window.future.done():
            return
        self.window = None
        track = window.track
        decoded = self._adopt(track, window.future.result(), background=True)  # a failure fails the job
        self._consume(track, self._emit(track, track.unheard[:window.end], decoded))
        self.heard_s = min(t.unheard_start for t in self.tracks) / RATE
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
        if window.future.done() or draft is None or draft.end > window.end:
            window.future.result()  # no draft of this window: it is waited for
            self._collect()
            return
        self.window, self.rescued = None, self.rescued + 1
        self._consume(track, self._emit(track, track.unheard[:draft.end], draft))

    def _emit(self, track: _Track, samples: np.ndarray, decoded: _Decoded) -> int:
        """Send the segments ``decoded`` found in ``samples`` (which begin the track's audio not yet transcribed),
        and what a prompted decode left out; returns how many samples they account for."""
        track.tokens = decoded.tokens
        track.speech_s += decoded.speech_s
        found, settings = list(decoded.found), decoded.settings
        if settings.initial_prompt or settings.hotwords:  # the prompt may have dropped speech: again without
            plain = replace(settings, initial_prompt=None, prompts_by_language=(), hotwords=None,
                            hotwords_by_language=(), language=track.language or None)
            found += list(redo_uncovered(samples[:decoded.end], found,
                                         lambda piece: decode_segments(self.model, piece, plain)))
        found.sort(key=lambda s: (s.start_ms, s.end_ms))
        offset_ms = round(track.unheard_start * 1000 / RATE)
        levels = track.meter.levels()
        for segment in found:
            moved = shifted(segment, offset_ms)
            if track.speaker is not None:
                moved = moved.spoken_by(track.speaker)
            self.send(SegmentDone(self.request.job_id, moved, 0.0, levels.span_dbfs(moved.start_ms, moved.end_ms)))
        return decoded.end

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
