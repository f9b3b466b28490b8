#!/usr/bin/env python3
"""Stop → complete transcript: live transcription against transcribing the finished file, in the same run.

    uv run benchmarks/bench_live.py [--minutes 1 10] [--language ja|en|calls]

Audio: the 12 synthetic Japanese answers of ``tests/context_corpus.py`` (or,
with ``--language en``, LibriVox's real read sentences; with ``--language
calls``, two real English telephone calls, spontaneous speech of two voices
at 8 kHz), repeated with pauses
up to ``--minutes``.  It is written into a WAV the way the recorder does, in
real time (``--pace`` times real time); the recording then "stops".
``--real-time-last MINUTES`` writes all but the last MINUTES as fast as the
worker takes them (after each second, until it has read it and transcribed all
but the last :data:`AHEAD_S`) and only those in
real time: an hour's Stop in minutes, where the worker that keeps up in real
time (the 10-minute run shows it) meets Stop as it would after an hour.
``--pace 0`` writes all of it that way (accuracy only); ``--keep DIR`` writes
the reference, live and after texts there.  ``--noise-floor DBFS`` adds a
microphone's hiss under the audio (synthetic speech has digital silence, which
no microphone records and which Whisper's features floor 80 dB below the
loudest moment heard).

Printed for each length:

* **live**: seconds from Stop to the complete transcript (target <= 10 s
  whatever the length);
* **after**: seconds to transcribe the finished file (the app's behaviour
  before, and with live transcription switched off);
* accuracy of both against the reference (CER for Japanese, WER for English).

``--room MINUTES`` measures instead the voices of one microphone (a room
interview): the scripted two-voice interview of ``tests/diarization_corpus.py``
repeated up to MINUTES goes through :class:`core.diarization.incremental.Collector`
as the live job gives it (stretches cut at pauses), and is separated whole
(:func:`core.diarization.pipeline.diarize`) for comparison: DER of both, the
analysis time while recording, and what is left at Stop (``conclude``), also
for an hour of stretches (the measured ones repeated, each embedding moved a
little so that no two are equal).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ["FURIKAERI_HOME"] = tempfile.mkdtemp(prefix="furikaeri-bench-")

import numpy as np

from core.speech.models import resolve_model
from core.transcription.audio import decode
from core.transcription.model import TranscriptionSettings
from core.transcription.service import TranscriptionService
from tests.live_feed import feed
from tests.speech_fixtures import cer, japanese_characters, wer

RATE = 16000
AHEAD_S = 60.0  # written "as fast as the worker takes it": at most this far ahead of the transcript (a window and
# its look-ahead fit): the worker reads far faster than it decodes, and a backlog would be decoded at Stop as one file


def source(language: str, folder: Path) -> tuple[np.ndarray, str]:
    if language == "calls":  # real spontaneous speech: two English telephone calls, both voices on one track
        from tests import real_speech

        calls = [real_speech.pyannote_call(), real_speech.callfriend_call()]
        gap = np.zeros(int(2.5 * RATE), dtype=np.float32)
        return np.concatenate([p for c in calls for p in (c.samples, gap)]), " ".join(c.text for c in calls)
    if language == "en":
        from tests import real_speech

        sentences = real_speech.read_sentences()
        gap = np.zeros(int(0.8 * RATE), dtype=np.float32)
        return (np.concatenate([p for s in sentences for p in (s.samples, gap)]),
                " ".join(s.text for s in sentences))
    from tests.context_corpus import answers_wav

    wav, text = answers_wav(folder)
    return decode(wav).samples, text


def measure(service: TranscriptionService, audio: np.ndarray, settings: TranscriptionSettings, folder: Path,
            name: str, pace: float, tail_s: float | None = None) -> tuple[float, float, str, str]:
    path = folder / f"{name}.wav"
    job = service.follow(path, settings)
    def seen(s: float) -> bool:  # the worker has read s seconds and transcribed all but the last AHEAD_S
        heard, read = job.caught
        return (read >= s - 0.01 and heard >= s - AHEAD_S) or job.done
    if pace <= 0:  # as fast as the worker takes it (accuracy only: the times then say nothing)
        feed(path, audio, block_s=1.0, seen=seen, timeout_s=3600)
    elif tail_s is None:
        feed(path, audio, block_s=1.0, pace=pace, timeout_s=3600)
    else:  # as fast as the worker takes it, then the last tail_s in real time
        feed(path, audio, block_s=1.0, seen=seen, pace=pace, paced_after_s=len(audio) / RATE - tail_s,
             timeout_s=3600)
    stopped = time.monotonic()
    job.recording_ended()
    live = job.wait(3600)
    live_s = time.monotonic() - stopped
    print(f"  ({len(audio) / RATE / 60:.1f} min: live Stop -> transcript {live_s:.1f} s; now the finished file)",
          flush=True)
    began = time.monotonic()
    after = service.submit(path, settings).wait(7200)
    after_s = time.monotonic() - began
    return live_s, after_s, " ".join(s.text for s in live.segments), " ".join(s.text for s in after.segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, nargs="+", default=[1.0])
    parser.add_argument("--language", choices=("ja", "en", "calls"), default="ja",
                        help="calls: two real English telephone calls (spontaneous speech, 8 kHz)")
    parser.add_argument("--pace", type=float, default=1.0,
                        help="times real time the recording is written (0: as fast as the worker takes it)")
    parser.add_argument("--real-time-last", type=float, metavar="MINUTES",
                        help="write all but the last MINUTES as fast as the worker takes them, those in real time")
    parser.add_argument("--context", action="store_true",
                        help="Japanese: the answers' interview context (company, interviewer, words), as the app "
                             "prompts a real interview (tests/context_corpus.py)")
    parser.add_argument("--noise-floor", type=float, metavar="DBFS",
                        help="add white noise of this RMS level (e.g. -70), as a microphone's own hiss")
    parser.add_argument("--keep", type=Path, help="write the reference, live and after texts into this folder")
    parser.add_argument("--room", type=float, metavar="MINUTES", help="measure the separation of two voices instead")
    args = parser.parse_args()
    if args.room:
        room(args.room, args.language)
        return
    folder = Path(tempfile.mkdtemp(prefix="furikaeri-live-"))
    one, text = source(args.language, folder)
    pause = np.zeros(int(1.2 * RATE), dtype=np.float32)
    language = "en" if args.language == "calls" else args.language
    settings = TranscriptionSettings(model=str(resolve_model("base")), language=language)
    if args.context:
        from core.transcription.context import with_context
        from tests.context_corpus import CONTEXT

        settings = with_context(settings, CONTEXT, hotwords=True)
    score = (lambda ref, hyp: cer(japanese_characters(ref), japanese_characters(hyp))) if args.language == "ja" \
        else wer
    with TranscriptionService(idle_timeout_s=600) as service:
        service.submit(_warm(folder, one), settings).wait(600)  # the model loaded before anything is timed
        print(f"{'minutes':>8} {'live: stop->transcript s':>25} {'after: transcribe s':>20} "
              f"{'live err %':>10} {'after err %':>11}")
        for minutes in args.minutes:
            repeats = max(1, round(minutes * 60 / (len(one) / RATE + 1.2)))
            audio = np.concatenate([p for _ in range(repeats) for p in (one, pause)])
            if args.noise_floor is not None:  # a microphone's own hiss under the synthetic voice's digital silence
                hiss = np.random.default_rng(0).standard_normal(len(audio)) * 10 ** (args.noise_floor / 20)
                audio = (audio + hiss).astype(np.float32)
            reference = (" " if language == "en" else "").join([text] * repeats)
            live_s, after_s, live_text, after_text = measure(service, audio, settings, folder, f"m{minutes}",
                                                              args.pace,
                                                              None if args.real_time_last is None
                                                              else args.real_time_last * 60)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for kind, words in (("reference", reference), ("live", live_text), ("after", after_text)):
                    (args.keep / f"{minutes}-{kind}.txt").write_text(words, encoding="utf-8")
            print(f"{len(audio) / RATE / 60:8.1f} {live_s:25.1f} {after_s:20.1f} "
                  f"{100 * score(reference, live_text):10.1f} {100 * score(reference, after_text):11.1f}", flush=True)


def room(minutes: float, language: str) -> None:
    from dataclasses import replace

    from core.diarization.der import der
    from core.diarization.incremental import Collector
    from core.diarization.models import load
    from core.diarization.pipeline import diarize
    from core.transcription.live import FEED_MIN_S, find_cut
    from tests.diarization_corpus import conversation

    folder = Path(tempfile.mkdtemp(prefix="furikaeri-room-"))
    once = conversation(folder, language, speakers=2)
    talk = conversation(folder, language, speakers=2, repeat=max(1, round(minutes * 60 / once.seconds)))
    models = load()
    collector = Collector(models)
    began = time.perf_counter()
    waiting, start, step = np.zeros(0, dtype=np.float32), 0, int(FEED_MIN_S * RATE)
    for at in range(0, len(talk.samples), step):  # as the live job gives the microphone's audio
        waiting = np.concatenate([waiting, talk.samples[at:at + step]])
        while len(waiting) and (cut := find_cut(waiting, at + step >= len(talk.samples))) is not None:
            collector.add(waiting[:cut], round(start * 1000 / RATE))
            waiting, start = waiting[cut:], start + cut
    added_s = time.perf_counter() - began
    began = time.perf_counter()
    live = collector.conclude()
    conclude_s = time.perf_counter() - began
    began = time.perf_counter()
    whole = diarize(talk.samples, models=models)
    whole_s = time.perf_counter() - began

    def seconds(turns: list) -> list:
        return [(a / 1000, b / 1000, k) for a, b, k in turns]

    print(f"{talk.seconds / 60:.1f} min, {len(collector.stretches)} stretches, "
          f"{sum(len(s.chosen) for s in collector.stretches)} embeddings")
    print(f"live:  DER {100 * der(talk.turns, seconds(live)):.1f}%, {len({k for *_, k in live})} speakers; "
          f"stretches analysed in {added_s:.1f} s while recording, conclude at Stop {conclude_s:.2f} s")
    print(f"whole: DER {100 * der(talk.turns, seconds(whole)):.1f}%, {len({k for *_, k in whole})} speakers; "
          f"diarize {whole_s:.1f} s")
    rng = np.random.default_rng(0)
    hour = Collector(models)
    span_ms = round(talk.seconds * 1000)
    for copy in range(int(np.ceil(3600 / talk.seconds))):
        for stretch in collector.stretches:
            moved = stretch.vectors + rng.normal(0, 0.01, stretch.vectors.shape).astype(np.float32)
            moved /= np.linalg.norm(moved, axis=1, keepdims=True)
            hour.stretches.append(replace(stretch, offset_ms=stretch.offset_ms + copy * span_ms, vectors=moved))
    began = time.perf_counter()
    turns = hour.conclude()
    print(f"an hour of stretches ({sum(len(s.chosen) for s in hour.stretches)} embeddings): conclude at Stop "
          f"{time.perf_counter() - began:.2f} s, {len({k for *_, k in turns})} speakers")


def _warm(folder: Path, audio: np.ndarray) -> Path:
    import soundfile

    path = folder / "warm.wav"
    soundfile.write(path, audio[:RATE * 5], RATE, subtype="PCM_16")
    return path


if __name__ == "__main__":
    main()
