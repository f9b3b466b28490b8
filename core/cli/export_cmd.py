"""``main.py export``: a transcript from the library as plain text, subtitles, Markdown or JSON.

    main.py export 12 --format srt -o "interview.srt"
    main.py export 12 --format txt --times | less

Without ``-o`` the export goes to standard output (UTF-8).  Markdown and JSON
also carry the interview's notes and the recording's markers when the
transcript belongs to a recording.

The file is written atomically and readable only by you; a FIFO or a device
(``/dev/stdout``) is written straight through.  It may not be the recording
itself nor any file in the library's folder.

Exit status: 0 exported; 1 the file could not be written (nothing is left
behind); 2 usage (an id that cannot be one, an output that is a folder or
one of the library's files); 4 no such transcript.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core.cli.checks import guarded, library_id, output_failed, output_target, written
from core.cli.output import Output
from core.export import FORMATS, FORMATS_WITHOUT_NOTICE, export_transcript, format_of
from core.fsutil import OutputError
from core.interviews import NotFoundError
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP
from core.ops.transcription import speaker_names
from core.recording.files import sidecar_path
from core.recording.store import Marker
from core.transcription.speakers import has_speakers

EXIT_USAGE, EXIT_NOT_FOUND = 2, 4
LANGUAGES = ("ja", "en")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("export", help=t(QT_TRANSLATE_NOOP(
        "CLI", "export a transcript as text, subtitles (SRT, WebVTT), Markdown or JSON")))
    parser.add_argument("transcript", metavar="TRANSCRIPT_ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the transcript's number in the library")))
    parser.add_argument("-f", "--format", choices=FORMATS, help=t(QT_TRANSLATE_NOOP(
        "CLI", "the file format (default: from the extension of the -o file)")))
    parser.add_argument("-o", "--output", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "write to this file, readable only by you, instead of printing")))
    parser.add_argument("--times", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "txt: start each line with its time, [mm:ss]")))
    parser.add_argument("--no-notice", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "leave out the first line saying that the content is private")))
    parser.add_argument("--language", choices=LANGUAGES, help=t(QT_TRANSLATE_NOOP(
        "CLI", "language of that line and of Markdown headings (default: the app's language)")))
    parser.set_defaults(run=run)


def content_language(chosen: str | None) -> str:
    """The language for the notice: as chosen, else the app's setting, else the environment's locale."""
    if chosen:
        return chosen
    from core.settings import LANGUAGE, Settings

    setting = Settings().get(LANGUAGE)
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        fmt: str = args.format
        return fmt
    return format_of(args.output, None) if args.output else None


def _recording_files(library: Library, recording_id: int | None) -> tuple[Path, ...]:
    """The recording's audio and sidecar: an export must never overwrite them."""
    try:
        audio = library.recordings.get(recording_id).path if recording_id is not None else None
    except (LookupError, NotFoundError):
        audio = None
    return (audio, sidecar_path(audio)) if audio is not None else ()


def _context(library: Library, recording_id: int | None) -> tuple[str, str, list[Marker]]:
    """(title, notes, markers) of the recording a transcript belongs to; empty for a loose file."""
    if recording_id is None:
        return "", "", []
    markers = library.recordings.markers(recording_id)
    try:
        recording = library.recordings.get(recording_id)
        interview = library.interviews.get(recording.interview_id)
    except (LookupError, NotFoundError):
        return "", "", markers
    date = recording.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    title = " ".join(part for part in (interview.company, interview.position, date) if part)
    return title, library.notes.get(recording.interview_id), markers


def _speaker_names(library: Library, recording_id: int | None, language: str) -> dict[str, str] | None:
    """The recording's speakers as the user named them (or its interview's interviewer), None for a file."""
    if recording_id is None:
        return None
    try:
        return speaker_names(library, library.recordings.get(recording_id), language)
    except (LookupError, NotFoundError):
        return None


_language = content_language  # the name other commands import


def run(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    transcript_id = library_id(out, args.transcript)
    if transcript_id is None:
        return EXIT_USAGE
    fmt = _format(args)
    if fmt is None:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Choose a format with --format: txt, srt, vtt, md or json.")))
        return EXIT_USAGE
    language = content_language(args.language)
    with Library.open() as library:
        try:
            transcript = library.transcripts.get(transcript_id)
        except (LookupError, NotFoundError):
            transcript = None
        if transcript is None:
            out.error(t(QT_TRANSLATE_NOOP("CLI", "There is no transcript {id} in the library.")).format(
                id=transcript_id))
            return EXIT_NOT_FOUND
        title, notes, markers = _context(library, transcript.recording_id) if fmt in ("md", "json") else ("", "", [])
        names = (_speaker_names(library, transcript.recording_id, language)
                 if has_speakers(transcript.segments) else None)
        recording_files = _recording_files(library, transcript.recording_id) if args.output else ()
        output = guarded(*recording_files, database=library.path)
    target = output_target(out, args.output, **output) if args.output else None
    if isinstance(target, int):
        return target
    try:
        text = export_transcript(transcript, fmt, args.output or None, title=title, notes=notes, language=language,
                                 privacy_notice=not args.no_notice, markers=markers, times=args.times,
                                 translate=out.translate, speaker_names=names, **output)
    except OutputError as error:
        return output_failed(out, error)
    if target is None:
        _write_stdout(out, text)
    else:
        written(out, target, QT_TRANSLATE_NOOP("CLI", "Exported to {path}"))
    if fmt in FORMATS_WITHOUT_NOTICE and not args.no_notice:
        out.error(t(QT_TRANSLATE_NOOP(
            "CLI", "SRT files have no place for the privacy line: keep this file to yourself.")))
    return 0


def _write_stdout(out: Output, text: str) -> None:
    """The export's bytes, UTF-8 whatever the terminal's encoding, exactly as ``-o`` would write them."""
    stream = out.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
    else:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py export")
