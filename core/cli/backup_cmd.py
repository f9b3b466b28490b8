"""``main.py backup`` and ``main.py restore``: the whole library in one archive, and back.

    main.py backup -o ~/furikaeri.backup                 # asks for a passphrase twice
    main.py backup -o furikaeri.backup --passphrase-file key.txt
    main.py backup -o furikaeri.backup --no-encrypt      # NOT encrypted: anyone with the file can read it
    main.py restore ~/furikaeri.backup                   # into an empty library only
    main.py restore ~/furikaeri.backup --replace         # the current library is kept aside, never deleted

What the archive holds and what a restore checks: :mod:`core.backup`.

Exit status: 0 done; 1 the backup or restore failed (a wrong passphrase, a damaged archive, a library that is not
empty; nothing was written); 2 usage (an output that is a folder or one of the library's files, passphrases that
do not match, an empty passphrase); 3 the library cannot be read.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from core import backup
from core.cli.checks import guarded, output_failed, output_target
from core.cli.output import Output
from core.fsutil import OutputError
from core.messages import QT_TRANSLATE_NOOP

EXIT_FAILED, EXIT_USAGE = 1, 2


class _UsageError(Exception):
    """A passphrase problem already said on standard error."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("backup", help=t(QT_TRANSLATE_NOOP(
        "CLI", "back up the whole library (database, recordings, settings) into one encrypted file")))
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help=t(QT_TRANSLATE_NOOP(
        "CLI", "the archive to write, readable only by you")))
    parser.add_argument("--passphrase-file", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "read the passphrase from the first line of this file instead of asking")))
    parser.add_argument("--no-encrypt", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "do NOT encrypt: anyone who gets the file can read your interviews and hear your recordings")))
    parser.set_defaults(run=run_backup)

    parser = commands.add_parser("restore", help=t(QT_TRANSLATE_NOOP(
        "CLI", "restore a backup into an empty library, checking every file and consent record")))
    parser.add_argument("archive", metavar="FILE", help=t(QT_TRANSLATE_NOOP("CLI", "the backup to restore")))
    parser.add_argument("--passphrase-file", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "read the passphrase from the first line of this file instead of asking")))
    parser.add_argument("--replace", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "replace a library that is not empty; it is kept aside in a dated folder, not deleted")))
    parser.set_defaults(run=run_restore)


def _from_file(out: Output, name: str) -> str:
    try:
        with open(name, encoding="utf-8") as handle:
            text = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "The passphrase file {path} cannot be read ({detail}).")).format(
            path=name, detail=getattr(error, "strerror", None) or str(error)))
        raise _UsageError from None
    if not text:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "The passphrase file {path} is empty.")).format(path=name))
        raise _UsageError
    return text


def _ask(out: Output, twice: bool) -> str:
    first = getpass.getpass(out.t(QT_TRANSLATE_NOOP("CLI", "Passphrase: ")))
    if not first:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "An empty passphrase protects nothing. Nothing was written.")))
        raise _UsageError
    if twice and getpass.getpass(out.t(QT_TRANSLATE_NOOP("CLI", "The same passphrase again: "))) != first:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "The two passphrases do not match. Nothing was written.")))
        raise _UsageError
    return first


def _progress(out: Output) -> backup.Report | None:
    """Percentages on standard error when it is a terminal; silence otherwise."""
    if not out.stderr.isatty():
        return None
    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{percent:3d}%", end="", file=out.stderr, flush=True)

    return report


def run_backup(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    from core import paths

    database = paths.database_path() if paths.data_dir(create=False).is_dir() else None
    target = output_target(out, args.output, **guarded(paths.settings_path(), database=database))
    if isinstance(target, int):
        return target
    try:
        passphrase = None if args.no_encrypt else (
            _from_file(out, args.passphrase_file) if args.passphrase_file else _ask(out, twice=True))
    except _UsageError:
        return EXIT_USAGE
    report = _progress(out)
    try:
        result = backup.backup(args.output, passphrase, report=report)
    except OutputError as error:
        return output_failed(out, error)
    except backup.BackupError as error:
        out.error(error.message)
        return EXIT_USAGE if isinstance(error, backup.BackupRefused) else EXIT_FAILED
    finally:
        if report is not None:
            print(file=out.stderr)
    out.print(t(QT_TRANSLATE_NOOP("CLI", "Backed up {files} file(s), {size} MB, to {path}")).format(
        files=result.files, size=f"{result.bytes / 1e6:.1f}", path=args.output))
    if passphrase is None:
        out.error(t(QT_TRANSLATE_NOOP(
            "CLI", "This backup is not encrypted: anyone who gets the file can read it. Keep it somewhere safe.")))
    return 0


def run_restore(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    try:
        backup.refuse_if_not_empty(args.replace)  # before a passphrase is asked for
        passphrase = None
        if backup.is_encrypted(args.archive):
            passphrase = (_from_file(out, args.passphrase_file) if args.passphrase_file
                          else getpass.getpass(t(QT_TRANSLATE_NOOP("CLI", "Passphrase: "))))
        report = _progress(out)
        try:
            result = backup.restore(args.archive, passphrase, replace=args.replace, report=report)
        finally:
            if report is not None:
                print(file=out.stderr)
    except _UsageError:
        return EXIT_USAGE
    except backup.BackupError as error:
        out.error(error.message)
        return EXIT_FAILED
    out.print(t(QT_TRANSLATE_NOOP(
        "CLI", "Restored {interviews} interview(s) and {recordings} recording(s): {files} file(s), {size} MB, "
               "every file and consent record checked.")).format(
        interviews=result.interviews, recordings=result.recordings, files=result.files,
        size=f"{result.bytes / 1e6:.1f}"))
    if result.set_aside is not None:
        out.print(t(QT_TRANSLATE_NOOP(
            "CLI", "The library it replaced was moved to {path}; delete that folder when you no longer need it.")
        ).format(path=str(Path(result.set_aside))))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py backup / main.py restore")
