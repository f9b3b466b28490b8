"""``main.py transcribe FILE``: speech to text on this computer, through the same worker process as the app.

    main.py transcribe answer.m4a --language ja --format srt -o answer.srt

The transcript goes to standard output, or to ``-o FILE`` (written
atomically and readable only by you, never over the audio file; the format
then defaults to the file's extension).  A note about
the result (no speech found, the file cut short, stopped early on noise) and
the progress bar (only when standard error is a terminal) go to standard error.

Exit status:
    0    transcribed (possibly with a note on standard error)
    1    transcription failed (speech model missing or damaged, recognition failed, output not written)
    2    usage error (also an output that is a folder or the audio file itself)
    4    the input cannot be transcribed (missing, empty, not audio, damaged, shorter than 0.5 s)
    130  cancelled with Ctrl-C
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from core.cli.checks import guarded, output_failed, output_target
from core.cli.output import Output
from core.export import FORMATS, format_of
from core.fsutil import OutputError
from core.messages import QT_TRANSLATE_NOOP, Message, printable

if TYPE_CHECKING:  # at run time imported where used: only a command that transcribes loads them
    from core.transcription.model import Transcript, TranscriptionSettings

EXIT_FAILED, EXIT_USAGE, EXIT_UNREADABLE, EXIT_CANCELLED = 1, 2, 4, 130
LANGUAGES = ("ja", "en", "auto")
_BAR_WIDTH = 30


def _speaker_count(text: str, t: Callable[[str], str]) -> int:
    """``--speakers``: a number from 1 to 9, or "auto" (0: estimate)."""
    if text.strip().lower() == "auto":
        return 0
    try:
        count = int(text)
    except ValueError:
        count = -1
    if not 1 <= count <= 9:
        raise argparse.ArgumentTypeError(t(QT_TRANSLATE_NOOP(
            "CLI", "“{text}”: give a number of speakers from 1 to 9, or auto.")).format(text=text))
    return count


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("transcribe", help=t(QT_TRANSLATE_NOOP(
        "CLI", "transcribe an audio file (WAV, FLAC, MP3, M4A, Ogg, WebM) on this computer")))
    parser.add_argument("file", metavar="FILE", help=t(QT_TRANSLATE_NOOP("CLI", "the audio file")))
    parser.add_argument("--model", metavar="NAME", help=t(QT_TRANSLATE_NOOP(
        "CLI", "speech model name or folder (default: the one chosen in the app, normally base)")))
    parser.add_argument("--language", choices=LANGUAGES, default="auto", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the language spoken (default: detect it)")))
    parser.add_argument("--speakers", metavar="N", type=lambda text: _speaker_count(text, t), help=t(QT_TRANSLATE_NOOP(
        "CLI", "one microphone, several voices: tell them apart (N speakers, or \"auto\" to estimate)")))
    parser.add_argument("--words", metavar="TERMS", default="", help=t(QT_TRANSLATE_NOOP(
        "CLI", "names and terms to hear right, separated by commas (the company, people's names...); your own words "
               "from Settings are always added")))
    parser.add_argument("--format", choices=FORMATS, help=t(QT_TRANSLATE_NOOP(
        "CLI", "output format (default: from the output file's extension, else txt)")))
    parser.add_argument("-o", "--output", metavar="OUT", help=t(QT_TRANSLATE_NOOP(
        "CLI", "write the transcript to this file instead of standard output")))
    parser.set_defaults(run=run)


class _ProgressBar:
    """``[#####-----]  42%`` redrawn on standard error; silent when that is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.shown = -1
        self.lock = threading.Lock()

    def __call__(self, fraction: float) -> None:
        if not self.enabled:
            return
        percent = int(fraction * 100)
        with self.lock:
            if percent == self.shown:
                return
            self.shown = percent
            filled = int(fraction * _BAR_WIDTH)
            self.stream.write(f"\r[{'#' * filled}{'-' * (_BAR_WIDTH - filled)}] {percent:3d}%")
            self.stream.flush()

    def end(self) -> None:
        with self.lock:
            if self.enabled and self.shown >= 0:
                self.stream.write("\n")
                self.stream.flush()
            self.enabled = False


def _format(args: argparse.Namespace) -> str:
    if args.format:
        fmt: str = args.format
        return fmt
    return (format_of(args.output) if args.output else None) or "txt"


def transcribe_with_progress(path: Path, settings: TranscriptionSettings, out: Output) -> Transcript | int:
    """Transcribe ``path`` with a progress bar on a terminal.

    Returns the Transcript, or, when it cannot be had, says why on standard
    error and returns the exit status (4 unusable input, 1 failed, 130 cancelled).
    """
    from core.transcription.audio import AudioFileError
    from core.transcription.service import TranscriptionCancelled, TranscriptionError, transcribe_file

    bar = _ProgressBar(out.stderr)
    message: str | Message
    try:
        transcript = transcribe_file(path, settings, progress=bar)
    except KeyboardInterrupt:
        status, message = EXIT_CANCELLED, out.t(QT_TRANSLATE_NOOP("CLI", "Cancelled."))
    except TranscriptionCancelled as error:
        status, message = EXIT_CANCELLED, error.message
    except AudioFileError as error:
        status, message = EXIT_UNREADABLE, error.message
    except TranscriptionError as error:
        status, message = EXIT_FAILED, error.message
    else:
        bar.end()
        return transcript
    bar.end()  # the bar's line is finished before the message
    out.error(message)
    return status


def run(args: argparse.Namespace, out: Output) -> int:
    from core.export import export_transcript
    from core.settings import GLOSSARY, SPEECH_MODEL, Settings
    from core.transcription.context import Context, glossary_terms, with_context
    from core.transcription.model import TranscriptionSettings

    t = out.t
    fmt = _format(args)
    from core.transcription.speakers import two_track_partner

    call_track = two_track_partner(Path(args.file))  # an online interview's call: transcribed too, with speakers
    output = guarded(args.file, *([call_track] if call_track is not None else []))
    if args.output:  # a wrong name is said now, not after minutes of transcription
        checked = output_target(out, args.output, **output)
        if isinstance(checked, int):
            return checked
    preferences = Settings()
    model = args.model or preferences.get(SPEECH_MODEL)
    settings = TranscriptionSettings(model=model, language=None if args.language == "auto" else args.language,
                                     separate=args.speakers is not None, speakers=args.speakers or None)
    words = glossary_terms(args.words) + glossary_terms(preferences.get(GLOSSARY))
    if call_track is None:  # a two-track recording's tracks are half silence, where a prompt's words get written
        settings = with_context(settings, Context(glossary=words))  # the interview words, and the user's own
    transcript = transcribe_with_progress(Path(args.file), settings, out)
    if isinstance(transcript, int):
        return transcript
    notice_language = transcript.language if transcript.language in ("ja", "en") else "en"
    try:
        text = export_transcript(transcript, fmt, args.output or None, title=Path(args.file).stem,
                                 language=notice_language, **output)
    except OutputError as error:
        return output_failed(out, error)
    if not args.output:
        out.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        out.stdout.flush()
    else:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Saved {path}")).format(path=printable(args.output)))
    if fmt == "srt":
        out.error(t(QT_TRANSLATE_NOOP(
            "CLI", "Keep this transcript private: it contains other people's words (SRT files carry no notice).")))
    if transcript.problem is not None:
        out.error(transcript.problem)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py transcribe FILE")
