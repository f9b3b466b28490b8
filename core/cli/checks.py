"""What every command checks the same way: library ids and ``-o`` output files.

Exit status for these, in every command: 2 for a usage error (an id that is
not a whole number from 1 to 2**63 - 1; an output that is a folder, a disk,
one of the inputs or one of the library's own files), 1 when the output could
not be written (disk full, folder missing or not writable).  Either way one
sentence on standard error, no traceback, nothing half-written left behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

from core import paths
from core.cli.output import Output
from core.fsutil import OutputError, OutputTarget, PathLike, check_output
from core.messages import QT_TRANSLATE_NOOP, printable

EXIT_FAILED, EXIT_USAGE = 1, 2
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER


class Guard(TypedDict):
    """The ``inputs`` and ``protected`` keyword arguments of the output writers (see :func:`guarded`)."""

    inputs: tuple[PathLike, ...]
    protected: tuple[PathLike, ...]


def library_id(out: Output, text: str) -> int | None:
    """``text`` as an id of something in the library; None (said on standard error) when it cannot be one."""
    value = text.strip()
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_ID:
        return int(value)
    out.error(out.t(QT_TRANSLATE_NOOP(
        "CLI", "“{value}” cannot be an id: use a whole number from 1 to {max}.")).format(
        value=printable(text), max=MAX_ID))
    return None


def guarded(*inputs: PathLike, database: Path | None = None) -> Guard:
    """``inputs`` and ``protected`` for :func:`core.fsutil.write_output`: what an output must never overwrite.

    The command's own input files, the library's database files (``database``,
    for a command that opened the library) and anything already in the
    library's folder.
    """
    files = (*inputs, *(paths.database_files(database) if database is not None else ()))
    return {"inputs": files, "protected": (paths.data_dir(create=False),)}


def output_target(out: Output, name: str, inputs: Iterable[PathLike] = (),
                  protected: Iterable[PathLike] = ()) -> OutputTarget | int:
    """Check ``-o name`` before the work starts: its target, or the exit status after saying why not."""
    try:
        return check_output(name, inputs, protected)
    except OutputError as error:
        return output_failed(out, error)


def output_failed(out: Output, error: OutputError) -> int:
    out.error(error.message)
    return EXIT_USAGE if error.usage else EXIT_FAILED


def written(out: Output, target: OutputTarget, sentence: str, **params: object) -> None:
    """Confirm a written output: on standard output for a file, on standard error when the output is a stream."""
    text = out.t(sentence).format(path=printable(target.name), **params)
    if target.is_file:
        out.print(text)
    else:
        out.error(text)
