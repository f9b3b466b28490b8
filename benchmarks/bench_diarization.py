#!/usr/bin/env python3
"""Speaker separation of one microphone: time, peak memory and DER, against transcription in the same run.

    uv run benchmarks/bench_diarization.py [--language en|ja] [--repeat 3] [--threads 2]
                                           [--transcribe-minutes 5] [--no-transcribe]

The audio is tests/diarization_corpus.py's scripted two-voice interview
(10 turns, about 45 s in English, 65 s in Japanese) played ``--repeat`` times
in a row (``--repeat 80``: an hour), decoded to 16 kHz mono as the app decodes
it.  It is made here, then handed to a fresh process, so that the peak RSS
reported is the separation's own (samples, models and work), not the
synthesiser's.  Timed there: loading the two ONNX models (checksums
included), then ``diarize`` (segmentation, embeddings, clustering; estimated
number of speakers, and the DER of what it found); then, in the same process
on the first ``--transcribe-minutes`` of the same samples, faster-whisper
``base`` (int8, the language given, word timestamps as the app asks), both as
a fraction of real time, for the ratio separation / transcription.

    uv run benchmarks/bench_diarization.py --real [--threads 2] [--no-transcribe]

``--real`` measures real recorded speech instead (tests/real_speech.py, provenance in
tests/data/real/PROVENANCE.md): DER of each real two-person recording with the number of speakers given
(2) and estimated, pooled over the recordings; then, unless ``--no-transcribe``, Whisper ``base``'s word
error rate (the app's decoding options, language given) on the English ones and on five LibriVox
sentences.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec (ru_maxrss on Linux keeps the
    parent's peak across fork and exec, so the child would report the synthesiser's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(folder: Path, threads: int, language: str, transcribe_minutes: float) -> None:
    """In a fresh process: separate the samples in ``folder``, then transcribe their first minutes."""
    import numpy as np

    from core.diarization.der import score
    from core.diarization.models import load
    from core.diarization.pipeline import diarize

    samples = np.load(folder / "samples.npy")
    reference = [tuple(turn) for turn in json.loads((folder / "turns.json").read_text())]
    seconds = len(samples) / 16000
    print(f"audio: {seconds / 60:.1f} min ({language}, 2 voices), threads {threads}; "
          f"peak RSS with the samples {peak_mb():.0f} MB", flush=True)
    started = time.perf_counter()
    models = load(threads=threads)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    turns = diarize(samples, models=models)
    separate_s = time.perf_counter() - started
    result = score(reference, [(a / 1000, b / 1000, k) for a, b, k in turns])
    print(f"models load {load_s:.2f} s; separation {separate_s:.1f} s = {separate_s / seconds:.3f} x real time; "
          f"{len({k for *_, k in turns})} speakers estimated, DER {100 * result.der:.1f}%; "
          f"peak RSS {peak_mb():.0f} MB", flush=True)
    if transcribe_minutes <= 0:
        return
    from faster_whisper import WhisperModel

    from core.speech.models import resolve_model

    excerpt = samples[:round(transcribe_minutes * 60 * 16000)]
    model = WhisperModel(str(resolve_model("base")), device="cpu", compute_type="int8", cpu_threads=threads)
    started = time.perf_counter()
    segments, _ = model.transcribe(excerpt, language=language, word_timestamps=True)
    count = sum(1 for _ in segments)
    transcribe_s = time.perf_counter() - started
    rtf = transcribe_s / (len(excerpt) / 16000)
    print(f"transcription (base, int8) of the first {len(excerpt) / 960000:.1f} min: {transcribe_s:.1f} s = "
          f"{rtf:.3f} x real time, {count} segments; separation / transcription = "
          f"{separate_s / seconds / rtf:.2f}; peak RSS {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=["en", "ja"], default="en")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--transcribe-minutes", type=float, default=5.0)
    parser.add_argument("--no-transcribe", action="store_true")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process's folder
    parser.add_argument("--real", action="store_true", help="real recorded conversations (tests/real_speech.py)")
    args = parser.parse_args()
    if args.real:
        real(args.threads, transcribe=not args.no_transcribe)
        return
    minutes = 0.0 if args.no_transcribe else args.transcribe_minutes
    if args.measure:
        measure(args.measure, args.threads, args.language, minutes)
        return

    import numpy as np

    from tests.diarization_corpus import conversation

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        talk = conversation(folder, args.language, speakers=2, repeat=args.repeat)
        np.save(folder / "samples.npy", np.asarray(talk.samples, dtype=np.float32))
        (folder / "turns.json").write_text(json.dumps([list(turn) for turn in talk.turns]))
        del talk
        subprocess.run([sys.executable, __file__, "--measure", str(folder), "--threads", str(args.threads),
                        "--language", args.language, "--transcribe-minutes", str(minutes)], check=True)


def real(threads: int, *, transcribe: bool) -> None:
    from core.diarization.der import score
    from core.diarization.models import load
    from core.diarization.pipeline import diarize
    from tests.real_speech import conversations, read_sentences

    models = load(threads=threads)
    recordings = conversations()
    totals: dict[str, list[float]] = {"2": [0.0, 0.0], "auto": [0.0, 0.0]}
    for recording in recordings:
        line = []
        for label, speakers in (("2", 2), ("auto", None)):
            started = time.perf_counter()
            turns = diarize(recording.samples, speakers=speakers, models=models)
            took = time.perf_counter() - started
            result = score(recording.turns, [(a / 1000, b / 1000, k) for a, b, k in turns])
            totals[label][0] += result.missed_s + result.false_alarm_s + result.confusion_s
            totals[label][1] += result.scored_s
            line.append(f"{label}: DER {100 * result.der:.1f}% ({len({k for *_, k in turns})} found; missed "
                        f"{result.missed_s:.2f} s, false alarm {result.false_alarm_s:.2f} s, confusion "
                        f"{result.confusion_s:.2f} s of {result.scored_s:.1f} s; {took:.1f} s)")
        print(f"{recording.name} ({recording.what}):\n  " + "\n  ".join(line))
    print("pooled: " + ", ".join(f"{label} DER {100 * errors / scored:.1f}%"
                                 for label, (errors, scored) in totals.items()))
    if not transcribe:
        return
    from core.speech.models import load_whisper
    from core.transcription.model import TranscriptionSettings
    from tests.real_speech import word_errors

    model = load_whisper("base", device="cpu")
    settings = TranscriptionSettings(language="en")
    for label, group in (("telephone calls", [r for r in recordings if r.language == "en"]),
                         ("LibriVox sentences", read_sentences())):
        wrong, total = word_errors(model, settings, group)
        print(f"Whisper base, {label}: WER {100 * wrong / total:.1f}% of {total} words")


if __name__ == "__main__":
    main()
