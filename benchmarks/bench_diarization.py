#!/usr/bin/env python3
"""Speaker separation of one microphone: time, peak memory and DER, against transcription in the same run.

    uv run benchmarks/bench_diarization.py [--language en|ja] [--repeat 3] [--threads 2] [--no-transcribe]

The audio is tests/diarization_corpus.py's scripted two-voice interview
(10 turns, about 45 s in English, 65 s in Japanese) played ``--repeat`` times
in a row, decoded to 16 kHz mono as the app decodes it.  Timed: loading the
two ONNX models (checksums included), then ``diarize`` (segmentation,
embeddings, clustering; estimated number of speakers); then, in the same
process on the same samples, faster-whisper ``base`` (int8, the language
given, word timestamps as the app asks) for the ratio separation /
transcription.  Peak RSS is the process's maximum so far after each step.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=["en", "ja"], default="en")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-transcribe", action="store_true")
    args = parser.parse_args()

    from core.diarization.der import score
    from core.diarization.models import load
    from core.diarization.pipeline import diarize
    from tests.diarization_corpus import conversation

    with tempfile.TemporaryDirectory() as folder:
        talk = conversation(Path(folder), args.language, speakers=2, repeat=args.repeat)
    seconds = talk.seconds
    print(f"audio: {seconds / 60:.1f} min ({args.language}, 2 voices), threads {args.threads}, "
          f"peak RSS before models {peak_mb():.0f} MB")
    started = time.perf_counter()
    models = load(threads=args.threads)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    turns = diarize(talk.samples, models=models)
    separate_s = time.perf_counter() - started
    result = score(talk.turns, [(a / 1000, b / 1000, k) for a, b, k in turns])
    print(f"models load {load_s:.2f} s; separation {separate_s:.1f} s = {separate_s / seconds:.3f} x real time; "
          f"{len({k for *_, k in turns})} speakers, DER {100 * result.der:.1f}%; peak RSS {peak_mb():.0f} MB")
    if args.no_transcribe:
        return
    from faster_whisper import WhisperModel

    from core.speech.models import resolve_model

    model = WhisperModel(str(resolve_model("base")), device="cpu", compute_type="int8", cpu_threads=args.threads)
    started = time.perf_counter()
    segments, _ = model.transcribe(talk.samples, language=args.language, word_timestamps=True)
    count = sum(1 for _ in segments)
    transcribe_s = time.perf_counter() - started
    print(f"transcription (base, int8) {transcribe_s:.1f} s = {transcribe_s / seconds:.3f} x real time, "
          f"{count} segments; separation / transcription = {separate_s / transcribe_s:.2f}; "
          f"peak RSS {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
