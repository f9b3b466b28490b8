"""Interviews and open follow-ups as an iCalendar file (RFC 5545).

* One ``VEVENT`` per dated interview: ``DTSTART``/``DTEND`` in UTC (the end is
  the planned length, an hour if unknown), ``LOCATION`` (and ``URL`` for an
  online link), a ``DESCRIPTION`` with position, stage, channel, interviewers
  and recruiter, a reminder an hour before, ``STATUS:CANCELLED`` when it was
  cancelled or declined.  Mock practice is left out: it is not an appointment.
* One ``VTODO`` per open follow-up, ``DUE`` at its effective due time, related
  to its interview's event.
* UIDs are stable (the row id and its creation time), so importing the file
  again updates rather than duplicates.  Text is escaped, lines are folded at
  75 octets without splitting a UTF-8 character, and end in CRLF.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from core import __version__
from core.fsutil import PathLike, write_output
from core.interviews import Channel, Interview, InterviewKind, Status, utc_now
from core.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate
from core.tracker.followups import FollowUp
from core.tracker.messages import stage_text

_CONTEXT = "Calendar"
_LIMIT = 75  # octets per line, CRLF excluded
_CANCELLED = (Status.CANCELLED, Status.DECLINED)


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, continuation lines starting with a space."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = _LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, _LIMIT - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def interview_uid(interview: Interview) -> str:
    created = interview.created_at or datetime(1970, 1, 1, tzinfo=timezone.utc)
    return f"interview-{interview.id}-{_utc(created)}@furikaeri"


def followup_uid(task: FollowUp) -> str:
    created = task.created_at or datetime(1970, 1, 1, tzinfo=timezone.utc)
    return f"followup-{task.id}-{_utc(created)}@furikaeri"


_CHANNELS = {
    Channel.DIRECT: QT_TRANSLATE_NOOP("Calendar", "Applied directly"),
    Channel.AGENT: QT_TRANSLATE_NOOP("Calendar", "Through an agent: {agent}"),
    Channel.REFERRAL: QT_TRANSLATE_NOOP("Calendar", "Referral"),
    Channel.PART_TIME: QT_TRANSLATE_NOOP("Calendar", "Part-time job"),
}


def _description(interview: Interview, t: Translate, language: str) -> str:
    def line(text: str, value: str) -> str | None:
        return Message(_CONTEXT, text, {"value": value}).render(t) if value else None

    agent = " ".join(filter(None, (interview.agent_name, interview.agent_contact)))
    lines = [
        line(QT_TRANSLATE_NOOP("Calendar", "Position: {value}"), interview.position),
        line(QT_TRANSLATE_NOOP("Calendar", "Stage: {value}"), stage_text(interview.stage, language)),
        Message(_CONTEXT, _CHANNELS[interview.channel], {"agent": agent or "—"}).render(t),
        line(QT_TRANSLATE_NOOP("Calendar", "Interviewers: {value}"), interview.interviewers),
        line(QT_TRANSLATE_NOOP("Calendar", "Recruiter: {value}"),
             " ".join(filter(None, (interview.contact_name, interview.contact_email)))),
        line(QT_TRANSLATE_NOOP("Calendar", "Online: {value}"), interview.place if interview.is_online else ""),
    ]
    return "\n".join(item for item in lines if item)


def _event(interview: Interview, stamp: str, t: Translate, language: str) -> list[str]:
    stage = stage_text(interview.stage, language)
    if stage:
        summary = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview: {company} ({stage})"),
                          {"company": interview.company, "stage": stage}).render(t)
    else:
        summary = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview: {company}"),
                          {"company": interview.company}).render(t)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{interview_uid(interview)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{_utc(interview.starts_at)}",
        f"DTEND:{_utc(interview.ends_at)}",
        f"SUMMARY:{escape_text(summary)}",
        f"STATUS:{'CANCELLED' if interview.status in _CANCELLED else 'CONFIRMED'}",
    ]
    if interview.updated_at:
        lines.append(f"LAST-MODIFIED:{_utc(interview.updated_at)}")
    if interview.place:
        lines.append(f"LOCATION:{escape_text(interview.place)}")
    link = interview.place.strip()
    if interview.is_online and not any(c.isspace() or ord(c) < 32 or c in '"<>' for c in link):
        lines.append(f"URL:{link}")  # a URI value is not escaped: only a clean one is written
    description = _description(interview, t, language)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if interview.status is Status.SCHEDULED:
        reminder = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview with {company} in one hour"),
                           {"company": interview.company}).render(t)
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT1H", f"DESCRIPTION:{escape_text(reminder)}",
                  "END:VALARM"]
    lines.append("END:VEVENT")
    return lines


TASK_EVENT_LENGTH = timedelta(minutes=15)


def _todo(task: FollowUp, related: Interview | None, stamp: str, t: Translate, as_event: bool) -> list[str]:
    """A VTODO with DUE, or (for calendars that ignore to-dos) a 15-minute VEVENT at the due time."""
    component = "VEVENT" if as_event else "VTODO"
    due = task.effective_due
    lines = [f"BEGIN:{component}", f"UID:{followup_uid(task)}", f"DTSTAMP:{stamp}"]
    if as_event:
        lines += [f"DTSTART:{_utc(due)}", f"DTEND:{_utc(due + TASK_EVENT_LENGTH)}", "TRANSP:TRANSPARENT"]
    else:
        lines += [f"DUE:{_utc(due)}", "STATUS:NEEDS-ACTION"]
    lines += [f"SUMMARY:{escape_text(task.title().render(t))}", f"DESCRIPTION:{escape_text(task.hint().render(t))}"]
    if task.created_at:
        lines.append(f"CREATED:{_utc(task.created_at)}")
    if related is not None and related.starts_at is not None and related.kind is InterviewKind.REAL:
        lines.append(f"RELATED-TO:{interview_uid(related)}")
    lines.append(f"END:{component}")
    return lines


def calendar(interviews: Iterable[Interview], followups: Iterable[FollowUp], now: datetime | None = None,
             translate: Translate = identity_translate, language: str = "en", tasks_as_events: bool = False,
             related: Iterable[Interview] = ()) -> str:
    """The calendar text (CRLF line ends): dated real interviews and the given open follow-ups.

    ``tasks_as_events`` writes follow-ups as short events instead of to-dos,
    for calendar programs that ignore to-dos.  ``related`` are further
    interviews (not written) that follow-ups may point to with RELATED-TO.
    """
    stamp = _utc(now or utc_now())
    by_id: dict[int, Interview] = {interview.id: interview for interview in related}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Furikaeri//Furikaeri {__version__}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Furikaeri"]
    for interview in interviews:
        by_id[interview.id] = interview
        if interview.starts_at is not None and interview.kind is InterviewKind.REAL:
            lines += _event(interview, stamp, translate, language)
    for task in followups:
        if task.is_open:
            lines += _todo(task, by_id.get(task.interview_id), stamp, translate, tasks_as_events)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def select(library, start: datetime | None = None, end: datetime | None = None
           ) -> tuple[list[Interview], list[FollowUp]]:
    """The library's dated interviews starting in [start, end) and open follow-ups due in it (None: unbounded)."""
    def inside(moment: datetime | None) -> bool:
        return moment is not None and (start is None or moment >= start) and (end is None or moment < end)

    interviews = [i for i in library.interviews.all() if inside(i.starts_at)]
    tasks = [task for task in library.followups.open_tasks() if inside(task.effective_due)]
    return interviews, tasks


def write_calendar(library, path: PathLike, start: datetime | None = None, end: datetime | None = None,
                   now: datetime | None = None, translate: Translate = identity_translate,
                   language: str = "en", tasks_as_events: bool = False, inputs: Iterable[PathLike] = (),
                   protected: Iterable[PathLike] = ()) -> tuple[int, int]:
    """Write the library's calendar to ``path``; returns (interviews, follow-ups) written.

    Written by :func:`core.fsutil.write_output` (atomically and owner-only
    for a file, never over ``inputs`` or into ``protected`` folders);
    raises its :class:`core.fsutil.OutputError`.
    """
    interviews, tasks = select(library, start, end)
    events = sum(1 for i in interviews if i.starts_at is not None and i.kind is InterviewKind.REAL)
    text = calendar(interviews, tasks, now, translate, language, tasks_as_events,
                    related=library.interviews.all() if tasks else ())
    write_output(path, text.encode("utf-8"), inputs=inputs, protected=protected)
    return events, len(tasks)

