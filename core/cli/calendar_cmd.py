"""``main.py calendar``: interviews and open follow-ups as an iCalendar (.ics) file.

    main.py calendar -o interviews.ics
    main.py calendar --from 2026-12-01 --to 2026-12-31 -o december.ics

``--from`` and ``--to`` are dates in this computer's time zone, both included.
``--tasks-as-events`` writes follow-ups as short events, for calendar programs
that ignore to-dos (VTODO).  Titles follow the app's language.
Without ``-o`` the calendar goes to standard output.  Importing the file again
updates the same events (their identifiers are stable).

The file is written atomically and readable only by you (a FIFO or a device
straight through), never over one of the library's files.

Exit status: 0 written; 1 the file could not be written (nothing is left
behind); 2 usage (a date that is not YYYY-MM-DD, or --to before --from; an
output that is a folder or one of the library's files).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta

from core.cli.checks import guarded, output_failed, output_target, written
from core.cli.export_cmd import _language, _write_stdout
from core.cli.output import Output
from core.fsutil import OutputError
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP
from core.tracker import ics

EXIT_USAGE = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("calendar", help=t(QT_TRANSLATE_NOOP(
        "CLI", "export interviews and open follow-ups as an iCalendar (.ics) file")))
    parser.add_argument("-o", "--output", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "write to this file instead of printing")))
    parser.add_argument("--from", dest="start", metavar="DATE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only from this day on (YYYY-MM-DD)")))
    parser.add_argument("--to", dest="end", metavar="DATE", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only up to this day, included (YYYY-MM-DD)")))
    parser.add_argument("--tasks-as-events", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "write follow-ups as short events, for calendars that ignore to-dos")))
    parser.set_defaults(run=run)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def run(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    try:
        first, last = _day(args.start), _day(args.end)
    except ValueError:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Dates are written YYYY-MM-DD, e.g. 2026-12-01.")))
        return EXIT_USAGE
    if first and last and last < first:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "--to must not be before --from.")))
        return EXIT_USAGE
    zone = datetime.now().astimezone().tzinfo
    start = datetime.combine(first, time(0), tzinfo=zone) if first else None
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone) if last else None
    language = _language(None)  # stage names follow the app's language, like the rest of the output
    with Library.open() as library:
        if args.output:
            output = guarded(database=library.path)
            target = output_target(out, args.output, **output)
            if isinstance(target, int):
                return target
            try:
                events, tasks = ics.write_calendar(library, args.output, start, end, translate=out.translate,
                                                   language=language, tasks_as_events=args.tasks_as_events,
                                                   **output)
            except OutputError as error:
                return output_failed(out, error)
            written(out, target, QT_TRANSLATE_NOOP("CLI", "Wrote {path} (interviews: {events}, follow-ups: {tasks})"),
                    events=events, tasks=tasks)
            return 0
        interviews, follow_ups = ics.select(library, start, end)
        _write_stdout(out, ics.calendar(interviews, follow_ups, translate=out.translate, language=language,
                                        tasks_as_events=args.tasks_as_events, related=library.interviews.all()))
    return 0
