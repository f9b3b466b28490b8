#!/usr/bin/env python3
"""The interview's own words given to the speech model: accuracy with and without them, on interview answers.

    uv run benchmarks/bench_context.py [--model base]

Twelve synthetic Japanese answers (tests/context_corpus.py, Open JTalk, about
80 s) full of 御社, 志望動機, the company's name and the like, transcribed by
the app's own worker four ways: nothing told; the filler-keeping prompt only
(practice until now); the context as prompt and hotwords (real interviews
now); the context as prompt only (practice now).  Reported: character error rate, how many of the
context words came out right, the punctuation marks written, and the time
(as a ratio to the first way's, same run).
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="base")
    args = parser.parse_args()

    from core.analysis.prompting import practice_settings
    from core.transcription.context import with_context
    from core.transcription.model import TranscriptionSettings
    from core.transcription.service import TranscriptionService
    from tests.context_corpus import CONTEXT, answers_wav, context_words, words_right
    from tests.speech_fixtures import cer

    told = with_context(TranscriptionSettings(model=args.model, language="ja"), CONTEXT, hotwords=True)
    ways = {
        "nothing told": TranscriptionSettings(model=args.model, language="ja"),
        "fillers prompt only": practice_settings("ja", args.model),
        "context: prompt + hotwords (real)": told,
        "context: prompt only (practice)": with_context(TranscriptionSettings(model=args.model, language="ja"),
                                                        CONTEXT),
    }
    with tempfile.TemporaryDirectory() as name, TranscriptionService(idle_timeout_s=60) as service:
        wav, reference = answers_wav(Path(name))
        total = context_words(reference)
        baseline = None
        for label, settings in ways.items():
            started = time.perf_counter()
            transcript = service.transcribe(wav, settings)
            seconds = time.perf_counter() - started
            baseline = baseline or seconds
            text = transcript.text
            marks = sum(text.count(mark) for mark in "、。")
            print(f"{label:28s} CER {100 * cer(reference, text):5.1f}%  context words {words_right(reference, text)}"
                  f"/{total}  punctuation {marks:3d}  time x{seconds / baseline:.2f}", flush=True)
            print(f"    {text}", flush=True)


if __name__ == "__main__":
    main()
