"""``main.py consent-report``: one page saying under what permission a recording was made.

    main.py consent-report 7 -o consent.html
    main.py consent-report 7 -o consent.md --language en

The page (Markdown or HTML, from the extension unless ``--format`` says)
names who agreed, how and when, the words used to ask, the consent clip, the
note, the recording's file, length and SHA-256, and whether the interview's
consent records are as they were saved (:mod:`core.consent.report`).  It is
written in ``--language`` (default: the app's language), atomically, readable
only by you, never over the recording, its sidecar or the library's files.

Exit status: 0 written; 1 the file could not be written (nothing is left
behind); 2 usage (an id that cannot be one, no format, an output that is a
folder, the recording or one of the library's files); 4 no such recording.
"""

from __future__ import annotations

import argparse

from core.cli.checks import guarded, library_id, output_failed, output_target, written
from core.cli.export_cmd import LANGUAGES, content_language
from core.cli.output import Output
from core.consent import report as consent_report
from core.fsutil import OutputError
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP

EXIT_USAGE, EXIT_NOT_FOUND = 2, 4


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("consent-report", help=t(QT_TRANSLATE_NOOP(
        "CLI", "write a one-page report of a recording's permission to record (Markdown or HTML)")))
    parser.add_argument("recording", metavar="RECORDING_ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the recording's number in the library")))
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help=t(QT_TRANSLATE_NOOP(
        "CLI", "the file to write, readable only by you")))
    parser.add_argument("-f", "--format", choices=consent_report.FORMATS, help=t(QT_TRANSLATE_NOOP(
        "CLI", "md or html (default: from the extension of the -o file)")))
    parser.add_argument("--language", choices=LANGUAGES, help=t(QT_TRANSLATE_NOOP(
        "CLI", "the report's language (default: the app's language)")))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    recording_id = library_id(out, args.recording)
    if recording_id is None:
        return EXIT_USAGE
    fmt = args.format or consent_report.format_of(args.output, None)
    if fmt is None:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Choose a format with --format: md or html.")))
        return EXIT_USAGE
    language = content_language(args.language)
    translate = out.translator(language)
    with Library.open() as library:
        try:
            recording = library.recordings.get(recording_id)
        except (KeyError, LookupError):
            out.error(t(QT_TRANSLATE_NOOP("CLI", "There is no recording {id} in the library.")).format(
                id=recording_id))
            return EXIT_NOT_FOUND
        output = guarded(*consent_report.recording_files(recording), database=library.path)
        target = output_target(out, args.output, **output)
        if isinstance(target, int):
            return target
        report = consent_report.build_report(library, recording_id)
    try:
        consent_report.write_report(report, args.output, fmt, translate=translate, language=language, **output)
    except OutputError as error:
        return output_failed(out, error)
    written(out, target, QT_TRANSLATE_NOOP("CLI", "Consent report written to {path}"))
    return 0
