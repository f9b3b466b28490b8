"""The tracker: saving interviews applies the follow-up rules and writes the company's timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from core.interviews import Channel, Interview, InterviewKind, Stage, Status, ValidationError
from core.library import Library
from core.tracker.events import EventKind
from core.tracker.followups import TaskError, TaskKind, TaskState
from core.tracker.messages import MessageKind

JST = ZoneInfo("Asia/Tokyo")


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=JST)


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def scheduled(library, **fields) -> Interview:
    values = dict(company="株式会社サンプル", kind=InterviewKind.REAL, stage=Stage.FIRST.value,
                  starts_at=jst(2026, 11, 25, 14, 0), duration_min=60)
    values.update(fields)
    return library.tracker.save(Interview(**values), now=jst(2026, 11, 20, 9, 0))


def kinds(tasks) -> list[tuple[TaskKind, TaskState]]:
    return [(task.kind, task.state) for task in tasks]


def test_new_details_round_trip_with_the_local_offset(library):
    saved = scheduled(library, channel=Channel.AGENT, agent_name="ABCキャリア 佐藤", agent_contact="sato@abc.example",
                      contact_name="田中", contact_email="tanaka@sample.example", place="https://meet.example/x",
                      interviewers="人事部 田中、課長 鈴木")
    loaded = library.interviews.get(saved.id)
    assert loaded == saved.__class__(**{**saved.__dict__, "updated_at": loaded.updated_at})
    assert loaded.starts_at.utcoffset() == timedelta(hours=9) and loaded.starts_at.hour == 14
    assert loaded.ends_at == jst(2026, 11, 25, 15, 0)
    assert loaded.is_online and loaded.channel is Channel.AGENT


def test_details_are_validated(library):
    with pytest.raises(ValidationError):
        scheduled(library, duration_min=0)
    with pytest.raises(ValidationError):
        scheduled(library, contact_email="tanaka at sample")
    assert library.interviews.count() == 0
    assert Interview(company="A", kind=InterviewKind.REAL).ends_at is None
    assert Interview(company="A", kind=InterviewKind.REAL, starts_at=jst(2026, 1, 5, 10, 0)).ends_at == \
        jst(2026, 1, 5, 11, 0)  # an hour when the length is unknown


def test_done_creates_thank_you_and_ask_result(library):
    interview = scheduled(library)
    assert library.followups.for_interview(interview.id) == []
    done = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    tasks = library.followups.for_interview(done.id)
    assert kinds(tasks) == [(TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.OPEN)]
    assert tasks[0].due_at == jst(2026, 11, 25, 18, 0)
    assert tasks[1].due_at == jst(2026, 12, 2, 10, 30)
    assert tasks[0].template is MessageKind.THANK_YOU
    assert str(tasks[0].title()) == "Send 株式会社サンプル a thank-you mail"


def test_mock_interviews_get_no_follow_ups(library):
    interview = scheduled(library, kind=InterviewKind.MOCK)
    library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    assert library.followups.for_interview(interview.id) == []


def test_offer_closes_the_result_question_and_asks_for_written_terms(library):
    interview = scheduled(library)
    interview = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    library.tracker.save(replace(interview, status=Status.OFFER), now=jst(2026, 11, 27, 18, 0))
    tasks = library.followups.for_interview(interview.id)
    assert kinds(tasks) == [(TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.CLOSED),
                            (TaskKind.CONFIRM_TERMS, TaskState.OPEN)]
    assert tasks[2].due_at == jst(2026, 11, 30, 10, 0)  # Friday evening → Monday morning


@pytest.mark.parametrize("status", [Status.REJECTED, Status.DECLINED, Status.CANCELLED])
def test_ending_statuses_close_every_open_task(library, status):
    interview = scheduled(library)
    interview = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    library.followups.missed_call(interview.id, jst(2026, 11, 26, 11, 0), now=jst(2026, 11, 26, 11, 5))
    library.tracker.save(replace(interview, status=status), now=jst(2026, 11, 26, 12, 0))
    assert {task.state for task in library.followups.for_interview(interview.id)} == {TaskState.CLOSED}
    assert library.followups.upcoming() == []


def test_upcoming_due_and_state_changes(library):
    interview = scheduled(library)
    library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    thank_you, ask = library.followups.upcoming()
    assert library.followups.upcoming(now=jst(2026, 11, 25, 16, 0), horizon=timedelta(hours=3)) == [thank_you]
    assert library.followups.due(jst(2026, 11, 25, 17, 59)) == []
    assert library.followups.take_due(jst(2026, 11, 25, 18, 0)) == [thank_you]
    assert library.followups.due(jst(2026, 11, 25, 18, 30)) == []  # notified once
    snoozed = library.followups.snooze(thank_you.id, jst(2026, 11, 26, 9, 0), now=jst(2026, 11, 25, 18, 30))
    assert snoozed.effective_due == jst(2026, 11, 26, 9, 0)
    assert library.followups.due(jst(2026, 11, 26, 9, 0)) == [snoozed]  # due again after the snooze
    done = library.followups.complete(thank_you.id, at=jst(2026, 11, 26, 9, 30))
    assert done.state is TaskState.DONE and done.done_at == jst(2026, 11, 26, 9, 30)
    with pytest.raises(TaskError):
        library.followups.dismiss(thank_you.id)
    dismissed = library.followups.dismiss(ask.id, at=jst(2026, 11, 26, 9, 31))
    assert dismissed.state is TaskState.DISMISSED
    assert library.followups.upcoming() == []


def test_missed_calls_fold_into_one_call_back_and_the_call_asks_for_a_mail(library):
    interview = scheduled(library)
    first = library.tracker.missed_call(interview.id, jst(2026, 11, 27, 18, 0), now=jst(2026, 11, 27, 18, 5))
    assert first.kind is TaskKind.MISSED_CALL
    assert (first.due_at, first.window_end) == (jst(2026, 11, 30, 10, 15), jst(2026, 11, 30, 12, 0))
    again = library.tracker.missed_call(interview.id, jst(2026, 11, 28, 10, 0), now=jst(2026, 11, 28, 10, 1))
    assert again.id == first.id and again.count == 2
    library.followups.complete(first.id, at=jst(2026, 11, 30, 10, 30))
    follow = [t for t in library.followups.for_interview(interview.id) if t.kind is TaskKind.MISSED_CALL_MAIL]
    assert len(follow) == 1 and follow[0].due_at == jst(2026, 11, 30, 11, 30)


def test_timeline_of_a_company(library):
    interview = scheduled(library)
    moved = library.tracker.save(replace(interview, starts_at=jst(2026, 11, 26, 10, 0)), now=jst(2026, 11, 21, 9))
    done = library.tracker.save(replace(moved, status=Status.DONE), now=jst(2026, 11, 26, 11, 30))
    library.tracker.record_message(done.id, MessageKind.THANK_YOU, sent=True, at=jst(2026, 11, 26, 12, 0))
    events = library.tracker.timeline(" 株式会社サンプル ")
    assert [e.kind for e in events] == [EventKind.CREATED, EventKind.SCHEDULED, EventKind.RESCHEDULED,
                                        EventKind.STATUS, EventKind.MESSAGE_SENT]
    assert str(events[2].message) == "Moved from 2026-11-25 14:00 to 2026-11-26 10:00"
    assert str(events[3].message) == "Interview held"
    assert str(events[4].detail) == "Thank-you mail"
    assert events[0].at == jst(2026, 11, 20, 9, 0).astimezone(timezone.utc)
