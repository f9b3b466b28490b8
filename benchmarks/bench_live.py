#!/usr/bin/env python3
"""Stop → complete transcript: live transcription against transcribing the finished file, in the same run.

    uv run benchmarks/bench_live.py [--minutes 1 10] [--language ja|en]

Audio: the 12 synthetic Japanese answers of ``tests/context_corpus.py`` (or,
with ``--language en``, LibriVox's real read sentences), repeated with pauses
up to ``--minutes``.  It is written into a WAV the way the recorder does, in
real time (``--pace`` times real time); the recording then "stops".

Printed for each length:

* **live**: seconds from Stop to the complete transcript (target <= 10 s
  whatever the length);
* **after**: seconds to transcribe the finished file (the app's behaviour
  before, and with live transcription switched off);
* accuracy of both against the reference (CER for Japanese, WER for English).
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


def source(language: str, folder: Path) -> tuple[np.ndarray, str]:
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
            name: str, pace: float) -> tuple[float, float, str, str]:
    path = folder / f"{name}.wav"
    job = service.follow(path, settings)
    feed(path, audio, block_s=1.0, pace=pace, timeout_s=3600)
    stopped = time.monotonic()
    job.recording_ended()
    live = job.wait(3600)
    live_s = time.monotonic() - stopped
    began = time.monotonic()
    after = service.submit(path, settings).wait(7200)
    after_s = time.monotonic() - began
    return live_s, after_s, " ".join(s.text for s in live.segments), " ".join(s.text for s in after.segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, nargs="+", default=[1.0])
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--pace", type=float, default=1.0, help="times real time the recording is written")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="furikaeri-live-"))
    one, text = source(args.language, folder)
    pause = np.zeros(int(1.2 * RATE), dtype=np.float32)
    settings = TranscriptionSettings(model=str(resolve_model("base")), language=args.language)
    score = (lambda ref, hyp: cer(japanese_characters(ref), japanese_characters(hyp))) if args.language == "ja" \
        else wer
    with TranscriptionService(idle_timeout_s=600) as service:
        service.submit(_warm(folder, one), settings).wait(600)  # the model loaded before anything is timed
        print(f"{'minutes':>8} {'live: stop->transcript s':>25} {'after: transcribe s':>20} "
              f"{'live err %':>10} {'after err %':>11}")
        for minutes in args.minutes:
            repeats = max(1, round(minutes * 60 / (len(one) / RATE + 1.2)))
            audio = np.concatenate([p for _ in range(repeats) for p in (one, pause)])
            reference = (" " if args.language == "en" else "").join([text] * repeats)
            live_s, after_s, live_text, after_text = measure(service, audio, settings, folder, f"m{minutes}",
                                                              args.pace)
            print(f"{len(audio) / RATE / 60:8.1f} {live_s:25.1f} {after_s:20.1f} "
                  f"{100 * score(reference, live_text):10.1f} {100 * score(reference, after_text):11.1f}", flush=True)


def _warm(folder: Path, audio: np.ndarray) -> Path:
    import soundfile

    path = folder / "warm.wav"
    soundfile.write(path, audio[:RATE * 5], RATE, subtype="PCM_16")
    return path


if __name__ == "__main__":
    main()
