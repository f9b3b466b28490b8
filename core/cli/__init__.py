"""Furikaeri's command line, built on the same core as the GUI.

``main.py`` passes a ``translate(context, text)`` function (Qt's catalogue)
so that output follows the user's language; scripts get English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from core import __version__, program
from core.cli import (
    analyze_cmd,
    backup_cmd,
    calendar_cmd,
    consent_report_cmd,
    delete_cmd,
    doctor_cmd,
    export_cmd,
    models_cmd,
    move_cmd,
    practice_cmd,
    record_cmd,
    retention_cmd,
    search_cmd,
    separate_cmd,
    transcribe_cmd,
    voice_cmd,
)
from core.cli.consent_warning import warn_about_consent
from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Translate, identity_translate
from core.storage.errors import DatabaseError

COMMANDS = (doctor_cmd, models_cmd, record_cmd, transcribe_cmd, separate_cmd, export_cmd, practice_cmd, analyze_cmd,
            search_cmd, calendar_cmd, voice_cmd, consent_report_cmd, delete_cmd,
            backup_cmd, retention_cmd, move_cmd)

EXIT_FAILED = 1  # a failure explained in a sentence
EXIT_LIBRARY = 3  # the library cannot be used: damaged, newer, busy, on a full disk (nothing was changed)
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a killed writer


def build_parser(out: Output) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program.command(),
        description=out.t(QT_TRANSLATE_NOOP(
            "CLI", "Furikaeri: interview practice and review. Without a command, the desktop app opens.")),
    )
    parser.add_argument("--version", action="version", version=f"Furikaeri {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands, out)
    return parser


def main(argv: Sequence[str], translate: Translate = identity_translate,
         translator_for: Callable[[str], Translate] | None = None) -> int:
    """Run one command; ``translator_for(language)`` gives a translate function for a language a command's
    output is asked in (``--language``), other than the interface's."""
    out = Output(translate, sys.stdout, sys.stderr, translator_for)
    parser = build_parser(out)
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help()
        return 2
    try:
        warn_about_consent(args.command, out)
        status: int = args.run(args, out)
        return status
    except DatabaseError as error:  # whatever the command: one sentence, the library left as it was
        out.error(error.message)
        return EXIT_LIBRARY
    except FurikaeriError as error:  # any other failure meant for the user that a command did not handle
        out.error(error.message)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (``main.py search x | head``): stop quietly, like other command-line tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that flushing at exit does not raise again
        os.close(devnull)
        return EXIT_BROKEN_PIPE
