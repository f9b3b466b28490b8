"""``main.py voice-profile``: your own voice profile (opt-in), so that your voice is recognised in real interviews.

``create`` makes it from your practice recordings made alone; ``show`` says
whether there is one; ``delete`` removes it.  It never leaves this computer.
"""

from __future__ import annotations

import argparse

from core.cli.output import Output
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("voice-profile", help=t(QT_TRANSLATE_NOOP(
        "CLI", "your own voice profile, to recognise your voice in real interviews (stays on this computer)")))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("create", help=t(QT_TRANSLATE_NOOP(
        "CLI", "make it from your practice recordings made alone"))).set_defaults(run=run_create)
    actions.add_parser("show", help=t(QT_TRANSLATE_NOOP(
        "CLI", "say whether there is one"))).set_defaults(run=run_show)
    actions.add_parser("delete", help=t(QT_TRANSLATE_NOOP(
        "CLI", "delete it"))).set_defaults(run=run_delete)


def run_create(args: argparse.Namespace, out: Output) -> int:
    from core.ops import voice_profile

    try:
        with Library.open() as library:
            made = voice_profile.create(library).value
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Your voice profile was made from {seconds} s of your speech in {count} practice recordings. "
               "It stays on this computer; `voice-profile delete` removes it.")).format(
        seconds=round(made.speech_s), count=made.recordings))
    return 0


def run_show(args: argparse.Namespace, out: Output) -> int:
    from core.diarization import profile

    try:
        mine = profile.load()
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    if mine is None:
        out.print(out.t(QT_TRANSLATE_NOOP("CLI", "There is no voice profile.")))
        return 0
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Voice profile of {date}, from {seconds} s of your speech in {count} practice recordings.")).format(
        date=mine.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), seconds=round(mine.speech_s),
        count=mine.recordings))
    return 0


def run_delete(args: argparse.Namespace, out: Output) -> int:
    from core.diarization import profile

    there = profile.delete()
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Your voice profile was deleted.")) if there
              else out.t(QT_TRANSLATE_NOOP("CLI", "There is no voice profile.")))
    return 0
