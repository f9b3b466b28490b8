#!/usr/bin/env python3
"""Filler recall: does the transcript keep the えーと and um that were really said?

    uv run benchmarks/bench_fillers.py [--language ja|en|both] [--model base]

Four synthesized answers per language (``tests/filler_corpus.py``), assembled from phrases and fillers
with known positions (tests/scripted_speech.py: Open JTalk for Japanese,
espeak-ng for English; fillers sometimes followed by a hesitation, sometimes
run into the sentence).  Each is transcribed through the app's service
(``transcribe_file``) four times: with the default settings (the language
set, no prompt), with :func:`core.analysis.prompting.practice_settings`, and
with those told the words of interviews as the app now tells a practice
recording (:func:`core.transcription.context.with_context`, the prompt; nothing
known of the interview) and a real interview (the prompt and hotwords).
Fillers are then found with :func:`core.analysis.fillers.find_fillers`, as the
metrics do, and matched one-to-one to the true ones by time (a hit counts
when it lies within :data:`TOLERANCE_MS` of a true filler).

A third answer runs fillers into the sentence next to the same words used
ordinarily (あの会社, "like this"); a fourth is the fluent test answer with no
filler at all, where anything found is a false positive.

Printed per language and settings: recall (true fillers found), false
positives (fillers found where none was said), the character (ja) or word
(en) error rate of the whole text, fillers included, and the time taken.
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

from tests.filler_corpus import CORPUS, TOLERANCE_MS, evaluate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=("ja", "en", "both"), default="both")
    parser.add_argument("--model", default="base")
    parser.add_argument("--show", action="store_true", help="print the transcripts")
    args = parser.parse_args()

    from core.analysis.prompting import practice_settings
    from core.speech.models import resolve_model
    from core.transcription.context import Context, with_context
    from core.transcription.model import TranscriptionSettings
    from core.transcription.service import TranscriptionService
    from tests.scripted_speech import build_clip

    model = str(resolve_model(args.model))
    languages = ("ja", "en") if args.language == "both" else (args.language,)
    print(f"model {args.model}; fillers matched by time within ±{TOLERANCE_MS} ms")
    print(f"{'language':8} {'settings':13} {'fillers':>7} {'found':>6} {'recall':>7} {'false +':>8} "
          f"{'CER/WER':>8} {'time':>7}")
    with tempfile.TemporaryDirectory() as tmp, TranscriptionService() as service:
        for language in languages:
            clips = [build_clip(parts, language, Path(tmp) / f"{language}{i}.wav", cache=Path(tmp) / "parts")
                     for i, parts in enumerate(CORPUS[language])]
            for name, settings in (("default", TranscriptionSettings(model=model, language=language)),
                                   ("keep fillers", practice_settings(language, model)),
                                   ("+ context", with_context(practice_settings(language, model), Context())),
                                   ("+ hotwords", with_context(practice_settings(language, model), Context(),
                                                               hotwords=True))):
                totals = [0, 0, 0, 0, 0]
                start = time.perf_counter()
                for clip in clips:
                    transcript = service.transcribe(clip.wav, settings)
                    if args.show:
                        print(f"  [{name}] {transcript.text}")
                    totals = [a + b for a, b in zip(totals, evaluate(transcript, clip), strict=True)]
                took = time.perf_counter() - start
                truth, hits, false, errors, length = totals
                print(f"{language:8} {name:13} {truth:7d} {hits:6d} {hits / truth:7.0%} {false:8d} "
                      f"{errors / length:8.1%} {took:6.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
