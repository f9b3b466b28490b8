"""``main.py practice``: the question bank and past attempts from the command line."""

from __future__ import annotations

import argparse

from core.cli.checks import EXIT_USAGE, library_id
from core.cli.output import Output
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError
from core.practice.bank import DEFAULT_TARGET_S, USER_PREFIX, categories
from core.practice.review import metric_value
from core.practice.selection import Selection, SelectionMode, select_questions
from core.storage.errors import DatabaseError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    parser = commands.add_parser("practice", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "the practice question bank and your attempts over time")))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    category_ids = [c.id for c in categories()]

    listing = actions.add_parser("questions", help=out.t(QT_TRANSLATE_NOOP("CLI", "list the question bank")))
    listing.add_argument("--language", choices=("ja", "en"), default="ja")
    listing.add_argument("--category", choices=category_ids, action="append", default=[])
    listing.add_argument("--tag", action="append", default=[])
    listing.set_defaults(run=run_questions)

    add = actions.add_parser("add", help=out.t(QT_TRANSLATE_NOOP("CLI", "add a question of your own")))
    add.add_argument("text")
    add.add_argument("--language", choices=("ja", "en"), default=None,
                     help=out.t(QT_TRANSLATE_NOOP("CLI", "the question's language (default: guessed from the text)")))
    add.add_argument("--category", choices=category_ids, default="other")
    add.add_argument("--target", type=int, default=DEFAULT_TARGET_S,
                     help=out.t(QT_TRANSLATE_NOOP("CLI", "target answer length in seconds")))
    add.add_argument("--tag", action="append", default=[])
    add.set_defaults(run=run_add)

    history = actions.add_parser("history", help=out.t(QT_TRANSLATE_NOOP(
        "CLI", "your attempts at one question: length, pace, fillers per minute")))
    history.add_argument("key", help=out.t(QT_TRANSLATE_NOOP("CLI", "the question's key, as listed by questions")))
    history.set_defaults(run=run_history)


def run_questions(args: argparse.Namespace, out: Output) -> int:
    with Library.open() as library:
        bank = library.questions.all()
    selection = Selection(SelectionMode.CATEGORY, tuple(args.category), tuple(args.tag), language=args.language)
    try:
        chosen = select_questions(bank, selection)
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    for question in chosen:
        tags = f"  [{', '.join(question.tags)}]" if question.tags else ""
        out.print(f"{question.key:<34} {question.category:<14} {question.target_s:>4}s  "
                  f"{question.text(args.language)}{tags}")
    return 0


def run_add(args: argparse.Namespace, out: Output) -> int:
    from core.ops.questions import add_question
    from core.practice.bank import looks_japanese

    language = args.language or ("ja" if looks_japanese(args.text) else "en")
    try:
        with Library.open() as library:
            question = add_question(library, {language: args.text}, args.category, args.target, tags=args.tag).value
    except DatabaseError:
        raise  # the library's own sentence and exit status (core.cli)
    except FurikaeriError as error:
        out.error(error.message)
        return 1
    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "Added {key}")).format(key=question.key))
    return 0


def run_history(args: argparse.Namespace, out: Output) -> int:
    own_id = args.key[len(USER_PREFIX):] if args.key.startswith(USER_PREFIX) else None
    if own_id is not None and library_id(out, own_id) is None:  # user:<id>, the id as in the library
        return EXIT_USAGE
    with Library.open() as library:
        question = library.questions.get(args.key)
        attempts = library.practice.attempts(args.key)
    if question is None and not attempts:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "No question {key} in the bank.")).format(key=args.key))
        return 1
    if not attempts:
        out.print(out.t(QT_TRANSLATE_NOOP("CLI", "No attempts at this question yet.")))
        return 0

    def number(value: float | None, digits: int = 0) -> str:
        return "–" if value is None else f"{value:.{digits}f}"

    out.print(out.t(QT_TRANSLATE_NOOP("CLI", "when              length  pace  fillers/min")))
    for attempt in attempts:
        metrics = attempt.metrics or {}
        length = metric_value(metrics, "duration") if metrics else None
        out.print(f"{attempt.when.astimezone():%Y-%m-%d %H:%M}  {number(length or attempt.answer.duration_s, 1):>6}  "
                  f"{number(metric_value(metrics, 'pace')):>4}  "
                  f"{number(metric_value(metrics, 'fillers_per_min'), 1):>11}")
    return 0
