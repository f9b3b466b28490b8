#!/usr/bin/env python3
"""Transcription: the app's service against plain faster-whisper, same clip, same settings.

    uv run benchmarks/bench_transcription.py [--repeat N] [--minutes 5] [--language auto|ja|en]

The clip is about five minutes of synthetic interview speech (English from
espeak-ng, Japanese from Open JTalk, alternating answers with short pauses),
written as a 48 kHz WAV file like a recording.  Both sides are timed from
"here is a file" to "here are all the segments", **model load included**:

* app: ``TranscriptionService.submit(path, settings).wait()``: a spawned
  worker process (interpreter start, imports, model load), decoding,
  faster-whisper, segments sent back one by one, the hallucination guard;
* plain: ``WhisperModel(folder)`` and ``model.transcribe(path, **options)``
  in this process, with the identical options (``decoding.whisper_options``).

After one untimed warm-up of each side on a 10-s excerpt (so that both find
the same files in the OS cache), runs alternate and swap who goes first each
round, so that machine load affects both alike; the medians and their ratio
are printed, and whether both produced the same text.  Building the ``base``
model from its packages happens once, before any timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ENGLISH = [
    "Thank you for having me today. I am a software engineer with five years of experience in web development.",
    "In my last project, I rebuilt our payment system, and the number of failed orders went down by half.",
    "When two teammates disagreed about the design, I asked each of them to write down their goals first.",
    "My biggest weakness used to be saying yes to everything, so now I plan my week every Monday morning.",
    "I want to join your company because your product helps small shops reach customers all over the country.",
    "In five years, I hope to lead a team and mentor younger engineers, as my first manager did for me.",
]
JAPANESE = [
    "本日はお時間をいただき、ありがとうございます。ウェブ開発の経験を五年ほど積んでまいりました。",
    "前職では決済システムの改修を担当し、注文の失敗を半分に減らすことができました。",
    "チームで意見が分かれたときは、まずそれぞれの目的を書き出してもらうようにしています。",
    "私の短所は、頼まれるとすぐに引き受けてしまうことでしたので、今は毎週月曜日に予定を立てています。",
    "御社を志望した理由は、地域の小さなお店がお客様とつながる仕組みを作っているからです。",
    "五年後には、チームをまとめながら後輩の育成にも関わりたいと考えています。",
]
RATE = 48000


def _load(path: Path) -> object:
    import numpy as np
    import soundfile

    samples, rate = soundfile.read(path, dtype="float32")
    if rate == RATE:
        return samples
    positions = np.arange(int(len(samples) * RATE / rate)) * rate / RATE
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


def make_clip(folder: Path, minutes: float) -> Path:
    """About ``minutes`` of alternating English and Japanese answers, 48 kHz mono."""
    import numpy as np
    import soundfile

    from tests.speech_fixtures import open_jtalk_problem, synthesize_english, synthesize_japanese

    problem = open_jtalk_problem()
    if problem:
        raise SystemExit(problem)
    pieces = []
    for i, (en, ja) in enumerate(zip(ENGLISH, JAPANESE, strict=True)):  # one answer in each language
        pieces.append(_load(synthesize_english(en, folder / f"en{i}.wav")))
        pieces.append(_load(synthesize_japanese(ja, folder / f"ja{i}.wav")))
    pause = np.zeros(RATE, np.float32)
    clip, total, index = [], 0.0, 0
    while total < minutes * 60:
        piece = pieces[index % len(pieces)]
        clip += [piece, pause]
        total += (len(piece) + len(pause)) / RATE
        index += 1
    path = folder / "clip.wav"
    soundfile.write(path, np.concatenate(clip), RATE, subtype="PCM_16")
    return path


def make_excerpt(clip: Path, path: Path, seconds: float) -> Path:
    import soundfile

    samples, rate = soundfile.read(clip, dtype="float32", frames=int(seconds * RATE))
    soundfile.write(path, samples, rate, subtype="PCM_16")
    return path


def run_app(path: Path, settings, folder: Path) -> tuple[float, float, str]:
    """(total, before recognition: worker start, imports, decoding, model load; text)."""
    from core.transcription.service import TranscriptionService

    start = time.perf_counter()
    with TranscriptionService(idle_timeout_s=0) as service:
        transcript = service.submit(path, settings).wait()
        elapsed = time.perf_counter() - start
    return elapsed, elapsed - transcript.extra["work_s"], " ".join(s.text for s in transcript.segments)


def run_plain(path: Path, settings, folder: Path) -> tuple[float, float, str]:
    """(total, model load; text)."""
    import ctranslate2
    from faster_whisper import WhisperModel

    from core.transcription.decoding import whisper_options

    cuda = ctranslate2.get_cuda_device_count() > 0
    start = time.perf_counter()
    model = WhisperModel(str(folder), device="cuda" if cuda else "cpu", compute_type="float16" if cuda else "int8",
                         local_files_only=True)
    loaded = time.perf_counter() - start
    segments, _info = model.transcribe(str(path), **whisper_options(settings))
    texts = [segment.text.strip() for segment in segments]
    elapsed = time.perf_counter() - start
    del model
    return elapsed, loaded, " ".join(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--language", choices=("auto", "ja", "en"), default="auto")
    args = parser.parse_args()

    import faster_whisper  # noqa: F401 - imported once up front; the app's worker pays its own import

    from core.speech.models import resolve_model
    from core.transcription.audio import probe
    from core.transcription.model import TranscriptionSettings

    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as home:
        os.environ["FURIKAERI_HOME"] = home
        folder = resolve_model("base")  # assembled once, outside the timings
        clip = make_clip(Path(home), args.minutes)
        duration = probe(clip).duration_s
        settings = TranscriptionSettings(model=str(folder), language=None if args.language == "auto" else args.language)
        warm_up = make_excerpt(clip, Path(home) / "warm_up.wav", seconds=10)
        run_app(warm_up, settings, folder)  # untimed: both sides start with the same files in the OS cache
        run_plain(warm_up, settings, folder)
        runs: dict[str, list[tuple[float, float]]] = {"app": [], "plain": []}
        texts = set()
        for repeat in range(args.repeat):
            sides = [("app", run_app), ("plain", run_plain)]
            for name, side in sides if repeat % 2 == 0 else sides[::-1]:  # alternate who goes first
                total, before, text = side(clip, settings, folder)
                runs[name].append((total, before))
                texts.add(text)
    print(f"clip                      {duration:7.1f} s of audio ({args.language}), {args.repeat} runs each side")
    labels = {"plain": "plain faster-whisper", "app": "app service (worker)"}
    setup = {"plain": "model load", "app": "worker start+decode+load"}
    for name in ("plain", "app"):
        totals = [total for total, _ in runs[name]]
        med = statistics.median(totals)
        print(f"{labels[name]:<25} {med:7.2f} s median, {min(totals):.2f} s best (RTF {med / duration:.3f}); "
              f"{setup[name]} {statistics.median(b for _, b in runs[name]):.2f} s; runs: "
              + ", ".join(f"{t:.2f}" for t in totals))
    med = {name: statistics.median(total for total, _ in runs[name]) for name in runs}
    best = {name: min(total for total, _ in runs[name]) for name in runs}
    print(f"ratio app / plain         {med['app'] / med['plain']:7.3f} median, {best['app'] / best['plain']:.3f} best"
          "   (target <= 1.05)")
    print(f"identical text            {'yes' if len(texts) == 1 else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
