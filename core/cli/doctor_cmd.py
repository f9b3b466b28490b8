"""``main.py doctor``: is everything in place? Exit status 1 when something needed is missing."""

from __future__ import annotations

import argparse

from core import __version__
from core.cli.output import Output
from core.doctor import Level, run_checks
from core.messages import QT_TRANSLATE_NOOP, printable

_MARK = {Level.OK: "[ ok ]", Level.WARN: "[warn]", Level.FAIL: "[FAIL]"}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    parser = commands.add_parser("doctor", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "check Python, Qt, speech models, audio devices and the library")))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    out.print(f"Furikaeri {__version__} — doctor")
    failed = 0
    for check in run_checks():
        label = out.text(check.label)
        out.print(f"{_MARK[check.level]} {label:<22} {printable(out.text(check.detail))}")  # folders, device names
        failed += check.level is Level.FAIL
    out.print()
    if failed:
        out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Something needed is missing: see the lines marked FAIL.")))
        return 1
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Everything needed is in place.")))
    return 0
