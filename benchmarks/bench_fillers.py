#!/usr/bin/env python3
"""Filler recall: does the transcript keep the えーと and um that were really said?

    uv run benchmarks/bench_fillers.py [--language ja|en|both] [--model base]

Four synthesized answers per language, assembled from phrases and fillers
with known positions (tests/scripted_speech.py: Open JTalk for Japanese,
espeak-ng for English; fillers sometimes followed by a hesitation, sometimes
run into the sentence).  Each is transcribed through the app's service
(``transcribe_file``) twice: with the default settings (the language set,
no prompt) and with :func:`core.analysis.prompting.practice_settings`.
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

from tests.scripted_speech import Part  # noqa: E402
from tests.speech_fixtures import ENGLISH_INTERVIEW_TEXT, JAPANESE_INTERVIEW_TEXT  # noqa: E402

F = lambda text, pause=0.0: Part(text, filler=True, pause_after_s=pause)  # noqa: E731
P = lambda text, pause=0.0: Part(text, pause_after_s=pause)  # noqa: E731

CORPUS: dict[str, list[list[Part]]] = {
    "ja": [
        [F("えーと", 0.4), P("私は大学で情報工学を学びました。", 0.6), F("あのー", 0.3),
         P("前職では、ウェブサービスの開発を担当していました。", 0.5), F("まあ"), P("小さなチームでしたので、", 0.2),
         F("その", 0.3), P("設計から運用まで、すべてに関わりました。", 0.8), F("えー", 0.5),
         P("特に力を入れたのは、お客様の声を聞くことです。", 0.6), F("なんか", 0.3),
         P("それが一番の強みだと思っています。", 0.4)],
        [F("えっと", 0.3), P("志望した理由は二つあります。", 0.6), F("あの", 0.2),
         P("一つ目は、御社の製品を長く使ってきたことです。", 0.5), F("えーと", 0.2),
         P("二つ目は、地域のお店を支える仕組みに共感したことです。", 0.7), F("まあ", 0.2),
         P("前の職場でも、", 0.2), F("その", 0.2), P("似たような課題に取り組んでいました。", 0.6), F("えー", 0.3),
         P("入社後は、", 0.1), F("なんか"), P("現場に近いところで働きたいです。", 0.3)],
        # fillers run into the sentence, and the same words used as ordinary words (あの会社, その結果)
        [F("えーと"), P("あの会社で三年間、営業を担当しました。", 0.5), F("まあ"), P("数字を追う仕事でしたが、", 0.2),
         F("あのー"), P("その結果、チームの売上は二割ほど伸びました。", 0.6), F("えっと"),
         P("失敗もありましたが、", 0.2), F("その"), P("経験から多くを学びました。", 0.4)],
    ],
    "en": [
        [F("Um,", 0.4), P("I studied computer science at university.", 0.6), F("Uh,", 0.3),
         P("in my last job I built the payment system,", 0.2), F("you know,", 0.2),
         P("the part that takes the money.", 0.7), F("I mean,", 0.2), P("it was a small team,", 0.3),
         F("so,", 0.3), P("we had to plan carefully.", 0.6), F("Er,", 0.4),
         P("my biggest weakness was saying yes to everything.", 0.5), F("Um,", 0.3),
         P("now I plan my week every Monday.", 0.4)],
        [F("Uh,", 0.3), P("I want to join your company because of your product.", 0.5), F("Like,", 0.3),
         P("I have used it for years.", 0.6), F("Um,", 0.2), P("when two teammates disagreed,", 0.2),
         F("uh,", 0.2), P("I asked each of them to write down their goals.", 0.7), F("You know,", 0.2),
         P("that helped a lot.", 0.5), F("So,", 0.3), P("in five years I hope to lead a team.", 0.3), F("Er,", 0.3),
         P("and mentor younger engineers.", 0.3)],
        # fillers run into the sentence, and the same words used as ordinary words (like this, so that)
        [F("Um"), P("I like working with people, so that part was easy.", 0.5), F("uh"),
         P("the hard part was the budget,", 0.1), F("I mean"), P("we had almost no money.", 0.5), F("um"),
         P("I would like to do things like this again.", 0.4), F("you know"), P("it was a good year.", 0.3)],
        [P(ENGLISH_INTERVIEW_TEXT)],  # fluent: every filler found here is a false positive
    ],
}
TOLERANCE_MS = 500


def match(found: list[tuple[int, int]], truth: list[tuple[int, int]]) -> int:
    """How many true fillers (start, end) have a found one (start, end) close by; one-to-one."""
    used: set[int] = set()
    matched = 0
    for start, end in truth:
        for i, (s, e) in enumerate(found):
            if i not in used and s <= end + TOLERANCE_MS and e >= start - TOLERANCE_MS:
                used.add(i)
                matched += 1
                break
    return matched


def evaluate(transcript, clip) -> tuple[int, int, int, int, int]:
    """(true fillers, found and matched, found without a true filler, edit distance, reference length)
    for one transcript of ``clip``; the distance is in characters (ja) or words (en), fillers included."""
    from core.analysis.fillers import find_fillers
    from tests.speech_fixtures import edit_distance, english_words, japanese_characters

    found = [(h.start_ms, h.end_ms) for h in find_fillers(transcript.segments, clip.language)]
    truth = [(s, e) for s, e, _ in clip.fillers]
    hits = match(found, truth)
    units = japanese_characters if clip.language == "ja" else english_words
    reference = units(clip.text)
    return len(truth), hits, len(found) - hits, edit_distance(reference, units(transcript.text)), len(reference)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=("ja", "en", "both"), default="both")
    parser.add_argument("--model", default="base")
    parser.add_argument("--show", action="store_true", help="print the transcripts")
    args = parser.parse_args()

    from core.analysis.prompting import practice_settings
    from core.speech.models import resolve_model
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
                                   ("keep fillers", practice_settings(language, model))):
                totals = [0, 0, 0, 0, 0]
                start = time.perf_counter()
                for clip in clips:
                    transcript = service.transcribe(clip.wav, settings)
                    if args.show:
                        print(f"  [{name}] {transcript.text}")
                    totals = [a + b for a, b in zip(totals, evaluate(transcript, clip))]
                took = time.perf_counter() - start
                truth, hits, false, errors, length = totals
                print(f"{language:8} {name:13} {truth:7d} {hits:6d} {hits / truth:7.0%} {false:8d} "
                      f"{errors / length:8.1%} {took:6.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
