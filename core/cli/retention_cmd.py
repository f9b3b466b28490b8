"""``main.py retention``: what your retention settings delete, and when; delete what is due.

    main.py retention              announce what is coming, delete what is due
    main.py retention --dry-run    only say what goes when (nothing is recorded or deleted)
    main.py retention --keep 7     never delete recording 7 automatically (--no-keep 7: undo)

What it prints counts as the notice (core.retention): a recording is deleted only once its notice was shown, and
not before it has stood for seven days.

Exit status: 0 done; 1 a recording could not be deleted (said why); 2 usage; 4 no such recording.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from core.cli.checks import library_id
from core.cli.output import Output
from core.interviews import utc_now
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP
from core.ops import retention as ops
from core.retention import Due, Policy
from core.settings import Settings

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 4


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("retention", help=t(QT_TRANSLATE_NOOP(
        "CLI", "what your retention settings delete and when; delete what is due")))
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--dry-run", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only say what goes when: nothing is announced or deleted")))
    which.add_argument("--keep", metavar="ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "never delete this recording automatically")))
    which.add_argument("--no-keep", metavar="ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "let the retention settings delete this recording again")))
    parser.set_defaults(run=run)


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")


def _line(out: Output, due: Due, now: datetime) -> str:
    text = (QT_TRANSLATE_NOOP("CLI", "The audio of practice recording no. {id} ({started}): deleted on {date}; its "
                                     "transcript and metrics stay") if due.audio_only
            else QT_TRANSLATE_NOOP("CLI", "Recording no. {id} of {company} ({started}): deleted on {date}"))
    return out.t(text).format(
        id=due.recording.id, company=due.interview.company,
        started=due.recording.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), date=_day(due.deletes_at(now)))


def run(args: argparse.Namespace, out: Output, now: datetime | None = None) -> int:
    now = now or utc_now()
    keep_arg = args.keep if args.keep is not None else args.no_keep
    if keep_arg is not None:
        item = library_id(out, keep_arg)
        if item is None:
            return EXIT_USAGE
        with Library.open() as library:
            try:
                ops.set_keep(library, item, args.keep is not None)
            except KeyError:
                out.error(out.t(QT_TRANSLATE_NOOP("CLI", "Recording {id} does not exist.")).format(id=item))
                return EXIT_NOT_FOUND
        out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Recording no. {id} is kept: never deleted automatically.")
                        if args.keep is not None else QT_TRANSLATE_NOOP(
                            "CLI", "Recording no. {id} is no longer kept: your retention settings apply to it."))
                  .format(id=item))
        return 0
    policy = Policy.of(Settings())
    if not policy.active:
        out.print(out.t(QT_TRANSLATE_NOOP(
            "CLI", "Retention is off: nothing is deleted automatically (Settings → Your data).")))
        return 0
    with Library.open() as library:
        shown = (ops.run(library, policy, now, dry_run=True).value.deleted if args.dry_run else ())
        if not args.dry_run:
            ops.announce(library, policy, now)  # printed below: the user is told
        report = ops.run(library, policy, now, dry_run=args.dry_run).value
        gone = shown or report.deleted
        verb = (QT_TRANSLATE_NOOP("CLI", "Would be deleted now:") if args.dry_run
                else QT_TRANSLATE_NOOP("CLI", "Deleted now:"))
        if gone:
            out.print(out.t(verb))
            for due in gone:
                out.print(f"  - {_line(out, due, now)}")
        coming = [due for due in report.waiting if due.noticeable(now) or due.announced_at is not None]
        later = [due for due in report.waiting if due not in coming]
        if coming:
            out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Coming (announced: keep one with --keep ID):")))
            for due in coming:
                out.print(f"  - {_line(out, due, now)}")
        if later:
            out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Later (announced seven days before):")))
            for due in later:
                out.print(f"  - {_line(out, due, now)}")
        if not (gone or report.waiting):
            out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Nothing is due for deletion under your retention settings.")))
        for due, reason in report.failed:
            out.error(out.t(QT_TRANSLATE_NOOP("CLI", "Recording no. {id} was not deleted: {reason}")).format(
                id=due.recording.id, reason=out.text(reason)))
    return EXIT_FAILED if report.failed else 0
