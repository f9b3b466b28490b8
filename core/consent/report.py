"""A recording's consent report: one page, in Markdown or HTML, saying under what permission it was made.

    from core.consent.report import build_report, write_report
    report = build_report(library, recording_id)
    write_report(report, "consent.html", "html", translate=translate, language="ja")

:func:`build_report` gathers the facts from the library (the recording, its
interview, the consent record it was made under, the consent check of
:func:`core.consent.verify.check_consent` for that interview, which, as at
every start, also puts back removed append-only triggers and brings the
ledger up to date) and hashes the audio file by streaming it; :func:`render` writes them as Markdown or a
standalone HTML page (inline CSS, no scripts, nothing fetched, everything
escaped); :func:`write_report` writes the page through
:func:`core.fsutil.write_output` (atomically, never over an input).  Every
word of the page is marked for translation (context ``ConsentReport``) and
rendered through the ``translate`` function given, so that the report is in
the language asked for.  The GUI and ``main.py consent-report`` call the same
functions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING

from core import __version__
from core.consent.records import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.consent.verify import check_consent
from core.fsutil import OutputTarget, PathLike, write_output
from core.interviews import Interview, InterviewKind, NotFoundError, utc_now
from core.labels import CONSENT_METHODS
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message, Translate, identity_translate
from core.recording.files import sidecar_path
from core.speech.assemble import sha256_file

if TYPE_CHECKING:
    from core.library import Library
    from core.recording.store import Recording

CONTEXT = "ConsentReport"
FORMATS = ("md", "html")
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


_WEEKDAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), "ja": "月火水木金土日"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ReportError(FurikaeriError):
    """No report can be made (no such recording)."""


def _m(text: str, **params: object) -> Message:
    return Message(CONTEXT, text, params)


@dataclass(frozen=True)
class ConsentReport:
    """What the page says, read from the library and the recording's file."""

    recording: Recording
    interview: Interview
    consent: ConsentRecord | None  # None: the record it was made under is no longer in the library
    file_name: str  # the audio file, relative to the recordings folder
    file_present: bool
    size: int | None
    sha256: str | None  # of the audio file as it is now; None when it is missing or unreadable
    chain_records: int  # the interview's consent records now in the library
    problems: tuple[Message, ...]  # what the consent check found for this interview or recording
    generated_at: datetime

    @property
    def chain_ok(self) -> bool:
        return not self.problems


def build_report(library: Library, recording_id: int, now: datetime | None = None) -> ConsentReport:
    """The facts of the report on recording ``recording_id`` (slow: hashes the audio; run it in the background).

    Raises :class:`ReportError` when there is no such recording.
    """
    try:
        recording = library.recordings.get(recording_id)
        interview = library.interviews.get(recording.interview_id)
    except (KeyError, LookupError, NotFoundError):
        raise ReportError(_m(QT_TRANSLATE_NOOP(
            "ConsentReport", "There is no recording {id} in the library."), id=recording_id)) from None
    consent = library.consent.get(recording.consent_id)
    check = check_consent(library)
    problems = tuple(problem.message for problem in check.problems
                     if problem.interview_id == recording.interview_id or problem.recording == recording.file)
    chain = [record for record in library.consent.raw_records() if record["interview_id"] == recording.interview_id]
    path = recording.path
    size: int | None = None
    digest: str | None = None
    present = path.is_file()
    if present:
        try:
            size = path.stat().st_size
            digest = sha256_file(path)  # streamed in chunks, never the whole file in memory
        except OSError:
            digest = None
    return ConsentReport(recording, interview, consent, recording.file, present, size, digest, len(chain),
                         problems, now or utc_now())


# -- the words ------------------------------------------------------------------------


def local_moment(moment: datetime, language: str) -> str:
    """A moment in this computer's time zone, as the app shows it, with its offset from UTC."""
    local = moment.astimezone()
    offset = local.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    weekday = _WEEKDAYS["ja" if language == "ja" else "en"][local.weekday()]
    if language == "ja":
        return f"{local:%Y/%m/%d} ({weekday}) {local:%H:%M:%S} ({zone})"
    return f"{weekday} {local.day} {_MONTHS[local.month - 1]} {local.year}, {local:%H:%M:%S} ({zone})"


def _span(ms: int) -> str:
    total = max(0, ms) // 1000
    hours, minutes, seconds = total // 3600, total // 60 % 60, total % 60
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@dataclass(frozen=True)
class _Page:
    """The report as words: a title, sections of (label, value) rows and paragraphs."""

    title: str
    statement: str  # what kind of permission this is, in one or two sentences
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    chain_heading: str
    chain_ok: bool
    chain_lines: tuple[str, ...]
    footer: str


def _statement(report: ConsentReport, t: Translate) -> str:
    consent = report.consent
    if consent is None:
        return _m(QT_TRANSLATE_NOOP(
            "ConsentReport",
            "The consent record this recording was made under (no. {id}) is no longer in the library."),
            id=report.recording.consent_id).render(t)
    if consent.purpose is ConsentPurpose.IMPORTED:
        if consent.answer is ConsentAnswer.DECLINED:
            text = QT_TRANSLATE_NOOP(
                "ConsentReport", "This recording was imported from a file recorded elsewhere. When it was imported, "
                                 "the user stated that nobody gave permission to record.")
        elif consent.method is ConsentMethod.SELF:
            text = QT_TRANSLATE_NOOP(
                "ConsentReport", "This recording was imported from a file recorded elsewhere. When it was imported, "
                                 "the user stated that it is their own practice, with only their own voice.")
        else:
            text = QT_TRANSLATE_NOOP(
                "ConsentReport", "This recording was imported from a file recorded elsewhere. The permission below was "
                                 "stated by the user when importing it; Furikaeri did not ask for it at the time.")
        return _m(text).render(t)
    if consent.answer is ConsentAnswer.DECLINED:
        return _m(QT_TRANSLATE_NOOP("ConsentReport", "Permission to record was declined.")).render(t)
    if consent.purpose is ConsentPurpose.MOCK or consent.method is ConsentMethod.SELF:
        return _m(QT_TRANSLATE_NOOP(
            "ConsentReport", "This is the user's own practice: a mock interview with only their own voice, "
                             "recorded with their own consent.")).render(t)
    return _m(QT_TRANSLATE_NOOP(
        "ConsentReport", "Permission to record was asked before recording started, and given.")).render(t)


def _page(report: ConsentReport, t: Translate, language: str) -> _Page:
    def tr(text: str, **params: object) -> str:
        return _m(text).render(t) if not params else _m(text, **params).render(t)

    recording, interview, consent = report.recording, report.interview, report.consent
    kind = tr(QT_TRANSLATE_NOOP("ConsentReport", "Mock practice")) if interview.kind is InterviewKind.MOCK \
        else tr(QT_TRANSLATE_NOOP("ConsentReport", "Real interview"))
    interview_rows = [(tr(QT_TRANSLATE_NOOP("ConsentReport", "Company")), interview.company),
                      (tr(QT_TRANSLATE_NOOP("ConsentReport", "Position")), interview.position or "—"),
                      (tr(QT_TRANSLATE_NOOP("ConsentReport", "Kind")), kind)]
    if interview.starts_at is not None:
        interview_rows.append((tr(QT_TRANSLATE_NOOP("ConsentReport", "Date")),
                               local_moment(interview.starts_at, language)))

    rows: list[tuple[str, str]] = []
    if consent is not None:
        answer = tr(QT_TRANSLATE_NOOP("ConsentReport", "Declined")) if consent.answer is ConsentAnswer.DECLINED \
            else tr(QT_TRANSLATE_NOOP("ConsentReport", "Agreed"))
        who = tr(QT_TRANSLATE_NOOP("ConsentReport", "The user (themselves)")) \
            if consent.method is ConsentMethod.SELF and consent.who in ("", "self") else consent.who
        rows += [(tr(QT_TRANSLATE_NOOP("ConsentReport", "Answer")), answer),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "Who answered")), who or "—"),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "How")), t("Labels", CONSENT_METHODS[consent.method])),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "Asked at")), local_moment(consent.asked_at, language)),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "Wording used to ask")),
                  consent.request_text or tr(QT_TRANSLATE_NOOP("ConsentReport", "(not written down)"))),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "Note")), consent.note or "—"),
                 (tr(QT_TRANSLATE_NOOP("ConsentReport", "Consent record")),
                  tr(QT_TRANSLATE_NOOP("ConsentReport", "no. {id}, hash {hash}"), id=consent.id, hash=consent.hash))]
    if recording.consent_clip_ms > 0:
        clip = tr(QT_TRANSLATE_NOOP(
            "ConsentReport",
            "The first {span} of the recording (0:00 to {span}): the request restated on the recording "
            "and the answer. It is kept inside the audio file itself, not as a separate file."),
            span=_span(recording.consent_clip_ms))
    else:
        clip = tr(QT_TRANSLATE_NOOP("ConsentReport", "None: the request was not restated on the recording."))
    rows.append((tr(QT_TRANSLATE_NOOP("ConsentReport", "Consent clip")), clip))

    if not report.file_present:
        digest = tr(QT_TRANSLATE_NOOP("ConsentReport", "The file is missing, so it could not be hashed."))
    elif report.sha256 is None:
        digest = tr(QT_TRANSLATE_NOOP("ConsentReport", "The file could not be read, so it could not be hashed."))
    else:
        digest = report.sha256
    file_rows = [(tr(QT_TRANSLATE_NOOP("ConsentReport", "File")), report.file_name)]
    if recording.source_name:
        file_rows.append((tr(QT_TRANSLATE_NOOP("ConsentReport", "Imported from")), recording.source_name))
    file_rows += [(tr(QT_TRANSLATE_NOOP("ConsentReport", "Recorded")), local_moment(recording.started_at, language)),
                  (tr(QT_TRANSLATE_NOOP("ConsentReport", "Length")), _span(recording.duration_ms))]
    if report.size is not None:
        file_rows.append((tr(QT_TRANSLATE_NOOP("ConsentReport", "Size")),
                          tr(QT_TRANSLATE_NOOP("ConsentReport", "{bytes} bytes"), bytes=f"{report.size:,}")))
    file_rows.append(("SHA-256", digest))

    if report.chain_ok:
        chain_lines: tuple[str, ...] = (tr(QT_TRANSLATE_NOOP(
            "ConsentReport", "Verified: the {count} consent record(s) of this interview are unchanged since they were "
                             "saved, none is missing, and this recording's record matches the one it was made under."),
            count=report.chain_records),)
    else:
        chain_lines = (tr(QT_TRANSLATE_NOOP(
            "ConsentReport",
            "Broken: the consent records of this interview were changed or deleted outside Furikaeri.")),
            *(problem.render(t) for problem in report.problems))
    footer = tr(QT_TRANSLATE_NOOP("ConsentReport", "Generated by Furikaeri {version} on {when}."),
                version=__version__, when=local_moment(report.generated_at, language))
    return _Page(
        title=tr(QT_TRANSLATE_NOOP("ConsentReport", "Consent report")),
        statement=_statement(report, t),
        sections=((tr(QT_TRANSLATE_NOOP("ConsentReport", "Interview")), tuple(interview_rows)),
                  (tr(QT_TRANSLATE_NOOP("ConsentReport", "Permission to record")), tuple(rows)),
                  (tr(QT_TRANSLATE_NOOP("ConsentReport", "Recording")), tuple(file_rows))),
        chain_heading=tr(QT_TRANSLATE_NOOP("ConsentReport", "Consent chain check")),
        chain_ok=report.chain_ok, chain_lines=chain_lines, footer=footer)


# -- Markdown ----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def _md(text: str) -> str:
    """One line of Markdown text: special characters escaped, line breaks kept as breaks."""
    lines = [_MD_SPECIAL.sub(r"\\\1", line) for line in str(text).splitlines()] or [""]
    return "<br>".join(lines) if len(lines) > 1 else lines[0]


def to_markdown(report: ConsentReport, translate: Translate = identity_translate, language: str = "en") -> str:
    page = _page(report, translate, language)
    out = [f"# {_md(page.title)}", "", _md(page.statement), ""]
    for heading, rows in page.sections:
        out += [f"## {_md(heading)}", "", "| | |", "|---|---|"]
        out += [f"| **{_md(label)}** | {_md(value)} |" for label, value in rows]
        out.append("")
    out += [f"## {_md(page.chain_heading)}", ""]
    out += [f"- {_md(line)}" for line in page.chain_lines]
    out += ["", "---", "", f"*{_md(page.footer)}*", ""]
    return "\n".join(out)


# -- HTML ----------------------------------------------------------------------------------

_CSS = """
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; color: #111; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.15em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }
th { width: 12em; background: #f0f0f0; font-weight: 600; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
.statement { font-weight: 600; }
.ok { color: #1b5e20; }
.broken { color: #b00020; }
footer { margin-top: 2em; font-size: .9em; color: #444; }
@media print { body { margin: 0; max-width: none; } th { background: none; } h2, tr { break-inside: avoid; } }
"""


def _h(text: str) -> str:
    return html.escape(str(text), quote=True)


def to_html(report: ConsentReport, translate: Translate = identity_translate, language: str = "en") -> str:
    page = _page(report, translate, language)
    out = ["<!DOCTYPE html>", f'<html lang="{"ja" if language == "ja" else "en"}">', "<head>",
           '<meta charset="utf-8">', f"<title>{_h(page.title)}</title>", f"<style>{_CSS}</style>", "</head>",
           "<body>", f"<h1>{_h(page.title)}</h1>", f'<p class="statement">{_h(page.statement)}</p>']
    for heading, rows in page.sections:
        out += [f"<h2>{_h(heading)}</h2>", "<table>"]
        out += [f"<tr><th>{_h(label)}</th><td>{_h(value)}</td></tr>" for label, value in rows]
        out.append("</table>")
    state = "ok" if page.chain_ok else "broken"
    out.append(f"<h2>{_h(page.chain_heading)}</h2>")
    out.append(f'<p class="{state}">{_h(page.chain_lines[0])}</p>')
    if len(page.chain_lines) > 1:
        out += ["<ul>", *(f"<li>{_h(line)}</li>" for line in page.chain_lines[1:]), "</ul>"]
    out += [f"<footer>{_h(page.footer)}</footer>", "</body>", "</html>", ""]
    return "\n".join(out)


def render(report: ConsentReport, fmt: str, translate: Translate = identity_translate, language: str = "en") -> str:
    """The report as ``fmt`` ("md" or "html") in ``translate``'s language (``language``: its date format)."""
    return to_html(report, translate, language) if fmt == "html" else to_markdown(report, translate, language)


# -- files -----------------------------------------------------------------------------------


def format_of(path: PathLike, default: str | None = "html") -> str | None:
    """The format a file's name asks for (``.md``, ``.markdown``: Markdown; ``.html``, ``.htm``: HTML)."""
    suffix = PurePath(path).suffix.lower().lstrip(".")
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(suffix, default)


def report_target(path: str, chosen: str) -> tuple[str, str]:
    """The file and format a save dialog's answer stands for: a typed ``.md`` or ``.html`` wins over the filter."""
    typed = format_of(path, None)
    if typed is not None:
        return path, typed
    return f"{path}.{chosen}", chosen


def suggested_name(company: str, when: datetime, fmt: str) -> str:
    """``consent-<company>-<day>.<fmt>``, nothing a file system refuses."""
    stem = _UNSAFE_IN_NAMES.sub("_", company).strip(" ._")
    day = when.astimezone().strftime("%Y-%m-%d")
    return f"consent-{stem}-{day}.{fmt}" if stem else f"consent-{day}.{fmt}"


def recording_files(recording: Recording) -> tuple[PathLike, ...]:
    """What a report must never be written over: the recording's audio and its sidecar."""
    return recording.path, sidecar_path(recording.path)


def write_report(report: ConsentReport, path: PathLike, fmt: str, translate: Translate = identity_translate,
                 language: str = "en", inputs: Iterable[PathLike] = (),
                 protected: Iterable[PathLike] = ()) -> OutputTarget:
    """Render the report and write it to ``path`` atomically; never over the recording or any of ``inputs``.

    Raises :class:`core.fsutil.OutputError` (nothing written) when the file cannot or must not be written.
    """
    text = render(report, fmt, translate, language)
    return write_output(path, text.encode("utf-8"), inputs=(*recording_files(report.recording), *inputs),
                        protected=protected)
