"""Interviews and open follow-ups as an iCalendar file (RFC 5545).

* One ``VEVENT`` per dated interview: ``DTSTART``/``DTEND`` in UTC (the end is
  the planned length, an hour if unknown), ``LOCATION`` (and ``URL`` for an
  online link), a ``DESCRIPTION`` with position, stage, channel, interviewers
  and recruiter, a reminder an hour before, ``STATUS:CANCELLED`` when it was
  cancelled or declined.  Mock practice is left out: it is not an appointment.
* One ``VTODO`` per open follow-up, ``DUE`` at its effective due time, related
  to its interview's event.
* UIDs are stable (the row id and its creation time), so importing the file
  again updates rather than duplicates.

The text is written by the ``icalendar`` package (escaping, line folding at 75
octets, CRLF), the same package calendar programs' tests rely on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import icalendar

from core import __version__
from core.fsutil import PathLike, write_output
from core.interviews import Channel, Interview, InterviewKind, Status, utc_now
from core.labels import channel_label, stage_text
from core.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate
from core.tracker.followups import FollowUp

if TYPE_CHECKING:
    from core.library import Library

_CONTEXT = "Calendar"
_CANCELLED = (Status.CANCELLED, Status.DECLINED)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _as_utc(moment: datetime) -> datetime:
    """Times are written in UTC (``...Z``): every calendar program reads them the same way."""
    return moment.astimezone(UTC)


def interview_uid(interview: Interview) -> str:
    created = interview.created_at or datetime(1970, 1, 1, tzinfo=UTC)
    return f"interview-{interview.id}-{_utc(created)}@furikaeri"


def followup_uid(task: FollowUp) -> str:
    created = task.created_at or datetime(1970, 1, 1, tzinfo=UTC)
    return f"followup-{task.id}-{_utc(created)}@furikaeri"


_AGENT = QT_TRANSLATE_NOOP("Calendar", "Through an agent: {agent}")  # the channel, with who the agent is


def _description(interview: Interview, t: Translate, language: str) -> str:
    def line(text: str, value: str) -> str | None:
        return Message(_CONTEXT, text, {"value": value}).render(t) if value else None

    agent = " ".join(filter(None, (interview.agency, interview.agent_name, interview.agent_contact)))
    lines = [
        line(QT_TRANSLATE_NOOP("Calendar", "Position: {value}"), interview.position),
        line(QT_TRANSLATE_NOOP("Calendar", "Stage: {value}"), stage_text(interview.stage, language)),
        (Message(_CONTEXT, _AGENT, {"agent": agent or "—"}) if interview.channel is Channel.AGENT
         else channel_label(interview.channel)).render(t),
        line(QT_TRANSLATE_NOOP("Calendar", "Interviewers: {value}"), interview.interviewers),
        line(QT_TRANSLATE_NOOP("Calendar", "Recruiter: {value}"),
             " ".join(filter(None, (interview.contact_name, interview.contact_email)))),
        line(QT_TRANSLATE_NOOP("Calendar", "Online: {value}"), interview.place if interview.is_online else ""),
    ]
    return "\n".join(item for item in lines if item)


def _event(interview: Interview, stamp: datetime, t: Translate, language: str) -> icalendar.Event:
    starts, ends = interview.starts_at, interview.ends_at
    if starts is None or ends is None:
        raise ValueError("only a dated interview is a calendar event")
    stage = stage_text(interview.stage, language)
    if stage:
        summary = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview: {company} ({stage})"),
                          {"company": interview.company, "stage": stage}).render(t)
    else:
        summary = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview: {company}"),
                          {"company": interview.company}).render(t)
    event = icalendar.Event()
    event.add("uid", interview_uid(interview))
    event.add("dtstamp", stamp)
    event.add("dtstart", _as_utc(starts))
    event.add("dtend", _as_utc(ends))
    event.add("summary", summary)
    event.add("status", "CANCELLED" if interview.status in _CANCELLED else "CONFIRMED")
    if interview.updated_at:
        event.add("last-modified", _as_utc(interview.updated_at))
    if interview.place:
        event.add("location", interview.place)
    link = interview.place.strip()
    if interview.is_online and not any(c.isspace() or ord(c) < 32 or c in '"<>' for c in link):
        event.add("url", link)  # a URI value is not escaped: only a clean one is written
    description = _description(interview, t, language)
    if description:
        event.add("description", description)
    if interview.status is Status.SCHEDULED:
        reminder = Message(_CONTEXT, QT_TRANSLATE_NOOP("Calendar", "Interview with {company} in one hour"),
                           {"company": interview.company}).render(t)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -timedelta(hours=1))
        alarm.add("description", reminder)
        event.add_component(alarm)
    return event


TASK_EVENT_LENGTH = timedelta(minutes=15)


def _todo(task: FollowUp, related: Interview | None, stamp: datetime, t: Translate,
          as_event: bool) -> icalendar.Component:
    """A VTODO with DUE, or (for calendars that ignore to-dos) a 15-minute VEVENT at the due time."""
    due = _as_utc(task.effective_due)
    component: icalendar.Component = icalendar.Event() if as_event else icalendar.Todo()
    component.add("uid", followup_uid(task))
    component.add("dtstamp", stamp)
    if as_event:
        component.add("dtstart", due)
        component.add("dtend", due + TASK_EVENT_LENGTH)
        component.add("transp", "TRANSPARENT")
    else:
        component.add("due", due)
        component.add("status", "NEEDS-ACTION")
    component.add("summary", task.title().render(t))
    component.add("description", task.hint().render(t))
    if task.created_at:
        component.add("created", _as_utc(task.created_at))
    if related is not None and related.starts_at is not None and related.kind is InterviewKind.REAL:
        component.add("related-to", interview_uid(related))
    return component


def calendar(interviews: Iterable[Interview], followups: Iterable[FollowUp], now: datetime | None = None,
             translate: Translate = identity_translate, language: str = "en", tasks_as_events: bool = False,
             related: Iterable[Interview] = ()) -> str:
    """The calendar text (CRLF line ends): dated real interviews and the given open follow-ups.

    ``tasks_as_events`` writes follow-ups as short events instead of to-dos,
    for calendar programs that ignore to-dos.  ``related`` are further
    interviews (not written) that follow-ups may point to with RELATED-TO.
    """
    stamp = _as_utc(now or utc_now())
    by_id: dict[int | None, Interview] = {interview.id: interview for interview in related}
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Furikaeri//Furikaeri {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Furikaeri")
    for interview in interviews:
        by_id[interview.id] = interview
        if interview.starts_at is not None and interview.kind is InterviewKind.REAL:
            cal.add_component(_event(interview, stamp, translate, language))
    for task in followups:
        if task.is_open:
            cal.add_component(_todo(task, by_id.get(task.interview_id), stamp, translate, tasks_as_events))
    ical: bytes = cal.to_ical()  # icalendar leaves to_ical() unannotated
    return ical.decode("utf-8")


def select(library: Library, start: datetime | None = None, end: datetime | None = None
           ) -> tuple[list[Interview], list[FollowUp]]:
    """The library's dated interviews starting in [start, end) and open follow-ups due in it (None: unbounded)."""
    def inside(moment: datetime | None) -> bool:
        return moment is not None and (start is None or moment >= start) and (end is None or moment < end)

    interviews = [i for i in library.interviews.all() if inside(i.starts_at)]
    tasks = [task for task in library.followups.open_tasks() if inside(task.effective_due)]
    return interviews, tasks


def write_calendar(library: Library, path: PathLike, start: datetime | None = None, end: datetime | None = None,
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

