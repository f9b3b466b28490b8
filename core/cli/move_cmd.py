"""``main.py move-library FOLDER``: move the library (database, recordings, consent ledger, voice profile) to
another folder, with Furikaeri closed (core.relocation).

It checks the folder (empty or new, not inside the library, writable, enough free space), copies everything,
verifies the copy (sha256 of every file, the database's integrity, the consent records), then points Furikaeri
at the new place and only then removes the old folder. On any problem the library stays where it was.

Exit status: 0 moved; 1 not moved (said why); 2 the folder cannot be used (said why).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core import paths, relocation
from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP

EXIT_FAILED, EXIT_USAGE = 1, 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    parser = commands.add_parser("move-library", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "move the library to another folder (with Furikaeri closed); the old one is removed once the new "
               "one is verified")))
    parser.add_argument("folder", metavar="FOLDER", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "an empty or new folder, given as a full path")))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    target = Path(args.folder).expanduser()
    if not target.is_absolute():
        target = Path.cwd() / target
    problem = relocation.check_target(target)
    if problem is not None:
        out.error(out.text(problem))
        return EXIT_USAGE
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Moving the library from {source} to {target}…")).format(
        source=paths.data_dir(create=False), target=target))
    try:
        moved = relocation.move(target)
    except relocation.MoveError as error:
        out.error(out.text(error.message))
        return EXIT_FAILED
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Moved and verified: {files} file(s), {mb} MB. Furikaeri now uses {target}.")).format(
        files=moved.files, mb=round(moved.bytes / 2**20, 1), target=moved.target))
    if not moved.old_removed:
        out.print(out.t(QT_TRANSLATE_NOOP(
            "CLI", "The old folder {source} could not be removed entirely: remove what is left yourself.")).format(
            source=moved.source))
    return 0
