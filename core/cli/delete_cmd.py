"""``main.py delete``: a recording or a whole interview, for real; or every recording of an interview whose
permission was withdrawn.

    main.py delete --recording 7
    main.py delete --interview 3
    main.py delete --interview 3 --withdrawn [--with-notes]

It first prints what will go and asks ``y/N``; ``--yes`` deletes without
asking. Without a terminal to ask on (a script, a pipe) and without
``--yes``, nothing is deleted.

Exit status: 0 deleted; 1 not deleted (the answer was no, or the deletion is
not possible, e.g. a recording still under way); 2 usage (an id that cannot be
one, options that do not go together, no terminal to ask on); 4 no such
recording or interview.
"""

from __future__ import annotations

import argparse
import sys

from core import deletion
from core.cli.checks import library_id
from core.cli.output import Output
from core.deletion import DeletionError, Plan, RecordingNotFoundError
from core.interviews import NotFoundError
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP
from core.ops import deletion as ops
from core.ops import interviews as interview_ops

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 4
YES = ("y", "yes", "はい")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("delete", help=t(QT_TRANSLATE_NOOP(
        "CLI", "delete a recording or an interview for real, or the recordings of an interview whose "
               "permission was withdrawn")))
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--recording", metavar="ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the recording's number: its audio, files, transcripts and search entries go")))
    which.add_argument("--interview", metavar="ID", help=t(QT_TRANSLATE_NOOP(
        "CLI", "the interview's number: it goes with everything that belongs to it")))
    parser.add_argument("--withdrawn", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "with --interview: the interviewer withdrew permission; all its recordings and transcripts go, "
               "your notes stay, and the withdrawal is recorded with the consent records")))
    parser.add_argument("--with-notes", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "with --withdrawn: the notes and their earlier versions go too")))
    parser.add_argument("-y", "--yes", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "delete without asking")))
    parser.set_defaults(run=run)


def _usage(args: argparse.Namespace, out: Output) -> str | None:
    if args.withdrawn and args.interview is None:
        return out.t(QT_TRANSLATE_NOOP("CLI", "--withdrawn goes with --interview: permission is given per interview."))
    if args.with_notes and not args.withdrawn:
        return out.t(QT_TRANSLATE_NOOP(
            "CLI", "--with-notes goes with --withdrawn (deleting an interview takes its notes anyway)."))
    return None


def _plan(library: Library, args: argparse.Namespace, item: int) -> Plan:
    if args.recording is not None:
        return deletion.plan_recording(library, item)
    if args.withdrawn:
        return deletion.plan_withdrawal(library, item, args.with_notes)
    return deletion.plan_interview(library, item)


def _confirmed(out: Output) -> bool | None:
    """The user's answer; None when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        return None
    print(out.t(QT_TRANSLATE_NOOP("CLI", "Delete this for good? [y/N] ")), end="", file=out.stdout, flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in YES


def run(args: argparse.Namespace, out: Output) -> int:
    problem = _usage(args, out)
    if problem:
        out.error(problem)
        return EXIT_USAGE
    item = library_id(out, args.recording if args.recording is not None else args.interview)
    if item is None:
        return EXIT_USAGE
    with Library.open() as library:
        try:
            plan = _plan(library, args, item)
        except (NotFoundError, RecordingNotFoundError) as error:
            out.error(error.message)
            return EXIT_NOT_FOUND
        except DeletionError as error:
            out.error(error.message)
            return EXIT_FAILED
        out.print(out.t(QT_TRANSLATE_NOOP("CLI", "This will be deleted for good:")))
        for line in plan.lines():
            out.print(f"  - {out.text(line)}")
        for sentence in plan.kept():
            out.print(sentence)
        if not args.yes:
            answer = _confirmed(out)
            if answer is None:
                out.error(out.t(QT_TRANSLATE_NOOP(
                    "CLI", "Nothing was deleted: there is no terminal to ask for confirmation on. "
                           "Add --yes to delete without asking.")))
                return EXIT_USAGE
            if not answer:
                out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Nothing was deleted.")))
                return EXIT_FAILED
        try:
            done = _delete(library, args, item)
        except (NotFoundError, RecordingNotFoundError) as error:  # deleted meanwhile by the app
            out.error(error.message)
            return EXIT_NOT_FOUND
        except DeletionError as error:
            out.error(error.message)
            return EXIT_FAILED
        out.print(_done(out, args, item, len(done.recording_ids)))
        if not done.log_emptied:
            out.print(out.t(QT_TRANSLATE_NOOP(
                "CLI", "Another program has the library open, so its log will be emptied when that program "
                       "closes it.")))
    return 0


def _delete(library: Library, args: argparse.Namespace, item: int) -> deletion.Deleted:
    if args.recording is not None:
        return ops.delete_recording(library, item).value
    if args.withdrawn:
        return ops.withdraw_permission(library, item, args.with_notes).value
    return interview_ops.delete_interview(library, item).value


def _done(out: Output, args: argparse.Namespace, item: int, count: int) -> str:
    if args.recording is not None:
        return out.t(QT_TRANSLATE_NOOP("CLI", "Deleted recording no. {id}.")).format(id=item)
    if args.withdrawn:
        return out.t(QT_TRANSLATE_NOOP(
            "CLI", "Deleted {count} recording(s) of interview no. {id}; the withdrawal is recorded with its "
                   "consent records.")).format(count=count, id=item)
    return out.t(QT_TRANSLATE_NOOP(
        "CLI", "Deleted interview no. {id} with everything that belonged to it.")).format(id=item)
