#!/usr/bin/env python3
"""Speech metrics on a long recording: time and memory of ``analyze_answer`` against a plain read.

    uv run benchmarks/bench_metrics.py [--minutes 20]

Writes a recording of ``--minutes`` at 48 kHz mono 16-bit (speech-like
bursts and silences from a seeded generator) with a synthetic transcript of
one word every 400 ms of sound, then times, median of 5:

* baseline: reading the whole file block by block with libsndfile (same block size), doing nothing else;
* ``analyze_answer`` over the whole recording (signal levels, silences, words, fillers);
* ``analyze_answer`` over a 2-minute answer in the middle (the span is read, not the file).

Peak Python memory (tracemalloc) shows that the audio is never held whole.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RATE = 48000


def _recording(path: Path, minutes: float):
    import numpy as np
    import soundfile

    from core.transcription.model import Segment, Transcript, TranscriptionSettings, Word

    rng = np.random.default_rng(7)
    segments, position = [], 0
    with soundfile.SoundFile(str(path), "w", RATE, 1, "PCM_16") as out:
        while position < minutes * 60 * RATE:
            sound, silence = rng.uniform(1.0, 6.0), rng.choice([0.3, 0.6, 1.0, 3.0])
            n = int(sound * RATE)
            out.write((0.2 * rng.standard_normal(n) * np.sin(np.linspace(0, 40 * np.pi, n))).astype(np.float32))
            start_ms = position * 1000 // RATE
            words = tuple(Word(start_ms + i * 400, start_ms + i * 400 + 350, " um," if i % 17 == 5 else " word", 0.9)
                          for i in range(int(sound * 1000) // 400))
            segments.append(Segment(start_ms, start_ms + int(sound * 1000), "".join(w.text for w in words),
                                    words=words))
            out.write(np.zeros(int(silence * RATE), np.float32))
            position += n + int(silence * RATE)
    return Transcript(str(path), "en", position * 1000 // RATE, TranscriptionSettings(), tuple(segments))


def _median(fn, runs: int = 5) -> tuple[float, float]:
    """Median seconds of ``runs`` timed runs, and the peak Python memory (MB) of one more, traced, run."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=20)
    args = parser.parse_args()

    import soundfile

    from core.analysis.metrics import analyze_answer
    from core.analysis.signal import BLOCK_S

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "long.wav"
        transcript = _recording(wav, args.minutes)
        size = wav.stat().st_size / 1e6

        def baseline():
            with soundfile.SoundFile(str(wav)) as handle:
                for _ in handle.blocks(blocksize=int(RATE * BLOCK_S), dtype="float32", always_2d=True):
                    pass

        middle = transcript.duration_ms // 2
        rows = [
            ("baseline: plain block read", _median(baseline)),
            ("analyze_answer, whole recording", _median(lambda: analyze_answer(transcript, wav))),
            ("analyze_answer, 2-minute span", _median(
                lambda: analyze_answer(transcript, wav, start_ms=middle, end_ms=middle + 120_000))),
        ]
        result = analyze_answer(transcript, wav)
        print(f"{args.minutes:g} min at {RATE} Hz mono 16-bit ({size:.0f} MB), {len(transcript.segments)} segments, "
              f"{result.words} words, {len(result.fillers)} fillers, {len(result.pauses)} pauses")
        for name, (seconds, peak) in rows:
            print(f"{name:36} {seconds * 1000:9.1f} ms   peak Python memory {peak:6.1f} MB")
        print(f"ratio whole / baseline: {rows[1][1][0] / rows[0][1][0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
