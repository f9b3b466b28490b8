"""``main.py analyze FILE``: speech metrics of one practice answer, or of my answers in a real interview.

    main.py analyze answer.wav --language ja --target 60
    main.py analyze answer.m4a --json > metrics.json
    main.py analyze interview.wav          # an online interview's microphone track, its call track beside it

A recording whose transcript says who spoke (an online interview recorded
with its call track, :mod:`core.transcription.speakers`) is a real interview:
the report lists the questions the interviewer asked with their times, the
metrics of each of my answers (my words only; the target length from the
question, ``--target`` overrides it for all) and the talk-time split
(:mod:`core.analysis.answers`).  ``--json`` then prints ``talk_time`` and
``questions``, each with ``text``, ``start_ms``, ``answer_start_ms``,
``answer_end_ms``, ``target_s``, ``bank_key`` and ``metrics``.

The file is transcribed on this computer with the settings that keep filler
words (:func:`core.analysis.prompting.practice_settings`), through the same
worker process as the app, then analysed: length, delay before the first
word, pace, articulation rate, fillers and long pauses, each with its target
range and what it means.  ``--json`` prints the metrics as JSON instead
(the transcript's text included).  Progress goes to standard error when it
is a terminal; notes about the result (no speech found, ...) too.

Exit status:
    0    analysed (possibly with a note on standard error)
    1    failed (speech model missing or damaged, recognition failed, a language without metrics)
    2    usage error
    4    the input cannot be used (missing, empty, not audio, damaged, shorter than 0.5 s)
    130  cancelled with Ctrl-C
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from core.transcription.model import Transcript

EXIT_FAILED, EXIT_USAGE, EXIT_UNREADABLE, EXIT_CANCELLED = 1, 2, 4, 130
LANGUAGES = ("ja", "en", "auto")


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text}: expected seconds between 0 and 3600")
    return value


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("analyze", help=t(QT_TRANSLATE_NOOP(
        "CLI", "speech metrics of one practice answer: length, pace, fillers, pauses")))
    parser.add_argument("file", metavar="FILE", help=t(QT_TRANSLATE_NOOP("CLI", "the audio file")))
    parser.add_argument("--language", choices=LANGUAGES, default="auto", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the language spoken (default: detect it)")))
    parser.add_argument("--target", type=_seconds, metavar="SECONDS", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the answer's target length in seconds, e.g. 60 for a self-introduction")))
    parser.add_argument("--model", metavar="NAME", help=t(QT_TRANSLATE_NOOP(
        "CLI", "speech model name or folder (default: the one chosen in the app, normally base)")))
    parser.add_argument("--json", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "print the metrics as JSON")))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    from core.analysis.metrics import AnalysisError, analyze_answer
    from core.analysis.prompting import practice_settings
    from core.cli.transcribe_cmd import transcribe_with_progress
    from core.settings import SPEECH_MODEL, Settings

    path = Path(args.file)
    model = args.model or Settings().get(SPEECH_MODEL)
    settings = practice_settings(None if args.language == "auto" else args.language, model)
    transcript = transcribe_with_progress(path, settings, out)
    if isinstance(transcript, int):
        return transcript
    if transcript.problem is not None:
        out.error(transcript.problem)
    language = transcript.language or (None if args.language == "auto" else args.language)
    if not language:  # nothing was said, so nothing was detected: report in the app's language
        from core.cli.export_cmd import _language as app_language

        language = app_language(None)
    from core.transcription.speakers import has_speakers

    if has_speakers(transcript.segments):  # a real interview: questions and answers
        return _interview(args, out, transcript, language, model)
    try:
        metrics = analyze_answer(transcript, path, language=language, target_s=args.target)
    except AnalysisError as error:
        out.error(error.message)
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "Use --language ja or --language en if the detection was wrong.")))
        return EXIT_FAILED
    if args.json:
        data = {"file": str(path), "model": model, **metrics.to_dict(), "text": transcript.text}
        out.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        out.stdout.flush()
    else:
        from core.cli.analyze_report import report

        out.stdout.write(report(metrics, out, transcript.text))
        out.stdout.flush()
    return 0


def _interview(args: argparse.Namespace, out: Output, transcript: Transcript, language: str, model: str) -> int:
    """A recording with speakers: each question they asked, my answer's metrics, the talk-time split."""
    from core.analysis.answers import review_interview
    from core.analysis.metrics import AnalysisError
    from core.practice.bank import builtin_questions

    try:
        review = review_interview(transcript, language=language, bank=builtin_questions(), target_s=args.target)
    except AnalysisError as error:
        out.error(error.message)
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "Use --language ja or --language en if the detection was wrong.")))
        return EXIT_FAILED
    if args.json:
        data = {"file": str(args.file), "model": model, **review.to_dict(), "text": transcript.text}
        out.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from core.cli.analyze_report import interview_report

        out.stdout.write(interview_report(review, out))
    out.stdout.flush()
    return 0
