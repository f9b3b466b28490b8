"""``main.py search QUERY``: one search over interviews, notes and transcripts.

    main.py search 志望動機
    main.py search "年収 勤務地" --kind real --from 2026-10-01
    main.py search weakness --json | jq '.[0].start_ms'

Every word of the query must occur in the same place (a transcript segment,
an interview's notes, or its company and position); ``"quoted words"`` stay
together as a phrase.  Each hit shows the interview, where the match is
(transcript time, notes line) and the text around it, the match highlighted
on a terminal and in [brackets] otherwise.  ``--json`` prints an array of hits.

Exit status: 0 found; 1 nothing found; 2 usage (a bad date, an empty query);
3 the library cannot be opened (the message says why).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from typing import Any

from core.cli.export_cmd import content_language
from core.cli.output import Output
from core.interviews import InterviewKind, Status
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError
from core.search import SearchFilters, SearchHit

EXIT_NOTHING, EXIT_USAGE, EXIT_NO_LIBRARY = 1, 2, 3
HIGHLIGHT_ON, HIGHLIGHT_OFF = "\x1b[1;7m", "\x1b[0m"

KIND = {  # the same texts as the app's (context "Labels")
    InterviewKind.REAL: QT_TRANSLATE_NOOP("Labels", "Real interview"),
    InterviewKind.MOCK: QT_TRANSLATE_NOOP("Labels", "Mock practice"),
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], out: Output) -> None:
    t = out.t
    parser = commands.add_parser("search", help=t(QT_TRANSLATE_NOOP(
        "CLI", "search interviews, notes and transcripts (Japanese or English)")))
    parser.add_argument("query", metavar="QUERY", help=t(QT_TRANSLATE_NOOP(
        "CLI", "words to find, all in the same place; \"quotes\" keep a phrase together")))
    parser.add_argument("--json", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "CLI", "print the hits as JSON")))
    parser.add_argument("--kind", choices=[k.value for k in InterviewKind], help=t(QT_TRANSLATE_NOOP(
        "CLI", "only real interviews or only mock practice")))
    parser.add_argument("--company", metavar="NAME", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only interviews whose company name contains NAME")))
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only interviews on or after this day")))
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=t(QT_TRANSLATE_NOOP(
        "CLI", "only interviews on or before this day")))
    parser.add_argument("--status", choices=[s.value for s in Status], help=t(QT_TRANSLATE_NOOP(
        "CLI", "only interviews with this status")))
    parser.add_argument("--limit", type=int, default=50, metavar="N", help=t(QT_TRANSLATE_NOOP(
        "CLI", "show at most N hits (default 50)")))
    parser.set_defaults(run=run)


def _day(out: Output, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        out.error(out.t(QT_TRANSLATE_NOOP("CLI", "“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03."))
                  .format(text=text))
        raise


def run(args: argparse.Namespace, out: Output) -> int:
    t = out.t
    if not args.query.strip():
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Give a word or phrase to search for.")))
        return EXIT_USAGE
    if args.limit < 1:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "--limit must be 1 or more.")))
        return EXIT_USAGE
    try:
        date_from, date_to = _day(out, args.date_from), _day(out, args.date_to)
    except ValueError:
        return EXIT_USAGE
    if date_from and date_to and date_from > date_to:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "The --from day ({start}) is after the --to day ({end}).")).format(
            start=date_from, end=date_to))
        return EXIT_USAGE
    filters = SearchFilters(kind=InterviewKind(args.kind) if args.kind else None, company=args.company,
                            date_from=date_from, date_to=date_to,
                            status=Status(args.status) if args.status else None)
    try:
        with Library.open() as library:
            hits = library.search.search(args.query, filters, limit=args.limit, language=content_language(None))
    except FurikaeriError as error:  # e.g. a library written by a newer version: left untouched
        out.error(error.message)
        return EXIT_NO_LIBRARY
    if args.json:
        out.print(json.dumps([hit_to_json(hit) for hit in hits], ensure_ascii=False, indent=2))
        return 0 if hits else EXIT_NOTHING
    if not hits:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "Nothing found for “{query}”.")).format(query=args.query.strip()))
        return EXIT_NOTHING
    terminal = out.stdout.isatty()
    for hit in hits:
        out.print(f"{_title(out, hit)} · {_place(out, hit)}")
        out.print("    " + highlight(hit, terminal))
    if len(hits) == args.limit:
        out.error(t(QT_TRANSLATE_NOOP("CLI", "The first {count} hits; --limit shows more.")).format(count=len(hits)))
    return 0


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    data = dataclasses.asdict(hit)
    data.pop("rank")
    data["kind"], data["status"] = hit.kind.value, hit.status.value
    data["starts_at"] = hit.starts_at.isoformat() if hit.starts_at else None
    data["spans"] = [list(span) for span in hit.spans]
    return data


def highlight(hit: SearchHit, terminal: bool) -> str:
    """The snippet with its matches in reverse bold on a terminal, in [brackets] otherwise."""
    on, off = (HIGHLIGHT_ON, HIGHLIGHT_OFF) if terminal else ("[", "]")
    parts, at = [], 0
    for start, end in hit.spans:
        parts += [hit.snippet[at:start], on, hit.snippet[start:end], off]
        at = end
    parts.append(hit.snippet[at:])
    return "".join(parts)


def format_ms(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def _title(out: Output, hit: SearchHit) -> str:
    name = hit.company + (f" — {hit.position}" if hit.position else "")
    when = (hit.starts_at.astimezone().strftime("%Y-%m-%d %H:%M") if hit.starts_at
            else out.t(QT_TRANSLATE_NOOP("CLI", "date not fixed")))
    return f"{name} ({when}, {out.translate('Labels', KIND[hit.kind])})"


def _place(out: Output, hit: SearchHit) -> str:
    t = out.t
    if hit.source == "transcript":
        place = t(QT_TRANSLATE_NOOP("CLI", "transcript at {time}")).format(time=format_ms(hit.start_ms or 0))
        return place if hit.speaker_name is None else f"{place} · {hit.speaker_name}"
    if hit.source == "note":
        return t(QT_TRANSLATE_NOOP("CLI", "notes, line {line}")).format(line=(hit.note_line or 0) + 1)
    return t(QT_TRANSLATE_NOOP("CLI", "company and position"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: main.py search")
