"""Every command that opens the library first checks its consent records (``doctor`` lists them itself).

Problems go to standard error, so piped output stays clean; the command runs
as usual (its exit status is its own). The check also puts back the
append-only triggers if someone removed them.
"""

from __future__ import annotations

import sqlite3

from core import paths
from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError

LIBRARY_COMMANDS = frozenset({"record", "export", "search", "calendar", "practice", "separate"})


def warn_about_consent(command: str, out: Output) -> None:
    if command not in LIBRARY_COMMANDS or not paths.database_path().exists():
        return
    from core.consent.verify import check_consent
    from core.library import Library

    try:
        with Library(paths.database_path()) as library:  # its own connection, closed before the command runs
            report = check_consent(library)
    except (FurikaeriError, sqlite3.Error, OSError):
        return  # the command itself says why the library cannot be used
    if report.ok:
        return
    out.error(report.summary())
    for problem in report.problems:
        out.error(f"  • {out.text(problem.message)}")
    out.error(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Recordings are kept. main.py doctor repeats this check.")))
