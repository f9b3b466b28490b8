"""The tracker: saving interviews applies the follow-up rules and writes the company's timeline."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.interviews import Channel, Interview, InterviewKind, Stage, Status, ValidationError
from core.library import Library
from core.tracker.events import EventKind
from core.tracker.followups import TaskError, TaskState
from core.tracker.kinds import MessageKind, TaskKind

JST = ZoneInfo("Asia/Tokyo")


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=JST)


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


@pytest.fixture
def computer_in_tokyo(monkeypatch):
    """This computer's local zone is Japan's for the test."""
    import time as time_module

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time_module.tzset()
    yield
    monkeypatch.delenv("TZ")
    time_module.tzset()


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
    assert events[0].at == jst(2026, 11, 20, 9, 0).astimezone(UTC)


def test_status_round_trips_close_and_reopen_but_never_recreate_what_the_user_finished(library):
    interview = scheduled(library)
    done = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    thank_you, ask = library.followups.for_interview(done.id)
    library.followups.dismiss(ask.id, at=jst(2026, 11, 25, 15, 20))
    # A mistake corrected: back to scheduled closes the thank-you...
    back = library.tracker.save(replace(done, status=Status.SCHEDULED), now=jst(2026, 11, 25, 15, 30))
    assert kinds(library.followups.for_interview(done.id)) == [
        (TaskKind.THANK_YOU, TaskState.CLOSED), (TaskKind.ASK_RESULT, TaskState.DISMISSED)]
    # ...and done again re-opens the same task; the dismissed question stays dismissed.
    library.tracker.save(replace(back, status=Status.DONE), now=jst(2026, 11, 25, 15, 40))
    tasks = library.followups.for_interview(done.id)
    assert kinds(tasks) == [(TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.DISMISSED)]
    assert tasks[0].id == thank_you.id and tasks[0].due_at == jst(2026, 11, 25, 18, 0)


def test_waiting_after_done_keeps_one_set_of_tasks_and_passed_closes_the_question(library):
    interview = scheduled(library)
    done = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    waiting = library.tracker.save(replace(done, status=Status.WAITING), now=jst(2026, 11, 26, 9, 0))
    assert kinds(library.followups.for_interview(done.id)) == [
        (TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.OPEN)]
    library.tracker.save(replace(waiting, status=Status.PASSED), now=jst(2026, 11, 27, 9, 0))
    assert kinds(library.followups.for_interview(done.id)) == [
        (TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.CLOSED)]


def test_an_interview_created_as_done_gets_its_follow_ups_at_once(library):
    saved = library.tracker.save(Interview(company="B社", kind=InterviewKind.REAL, status=Status.WAITING,
                                           starts_at=jst(2026, 11, 27, 19, 0), duration_min=90),
                                 now=jst(2026, 11, 27, 21, 0))
    tasks = library.followups.for_interview(saved.id)
    assert [(t.kind, t.due_at) for t in tasks] == [
        (TaskKind.THANK_YOU, jst(2026, 11, 30, 10, 0)),     # ended Friday 20:30 → Monday morning
        (TaskKind.ASK_RESULT, jst(2026, 12, 4, 10, 30))]
    events = library.events.for_interview(saved.id)
    assert [e.kind for e in events] == [EventKind.CREATED, EventKind.SCHEDULED, EventKind.STATUS]
    assert str(events[2].message) == "Waiting for the result"


def test_marked_done_early_or_undated_counts_from_now(library, computer_in_tokyo):
    early = scheduled(library, starts_at=jst(2026, 11, 25, 14, 0), duration_min=120)
    library.tracker.save(replace(early, status=Status.DONE), now=jst(2026, 11, 25, 15, 0))
    assert library.followups.for_interview(early.id)[0].due_at == jst(2026, 11, 25, 18, 0)
    undated = scheduled(library, starts_at=None)
    library.tracker.save(replace(undated, status=Status.DONE), now=jst(2026, 11, 25, 20, 0))
    due = library.followups.for_interview(undated.id)[0].due_at
    assert due == jst(2026, 11, 26, 10, 0) and due.utcoffset() == timedelta(hours=9)


def test_moving_a_held_interview_moves_its_open_follow_ups(library):
    interview = scheduled(library)
    done = library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    library.tracker.save(replace(done, starts_at=jst(2026, 11, 24, 17, 0)), now=jst(2026, 11, 25, 15, 20))
    thank_you, ask = library.followups.for_interview(done.id)
    assert thank_you.due_at == jst(2026, 11, 25, 10, 0)  # the real date was the evening before
    assert ask.due_at == jst(2026, 12, 1, 10, 30)


def test_no_show_asks_for_an_apology_at_the_next_calling_time(library):
    interview = scheduled(library, channel=Channel.AGENT, agent_name="佐藤")
    library.tracker.save(replace(interview, status=Status.NO_SHOW), now=jst(2026, 11, 25, 17, 30))
    (task,) = library.followups.for_interview(interview.id)
    assert task.kind is TaskKind.APOLOGISE and task.due_at == jst(2026, 11, 26, 10, 15)
    assert task.template is MessageKind.NO_SHOW_APOLOGY
    assert "agent" in str(task.hint())


def test_snoozing(library):
    interview = scheduled(library)
    call = library.tracker.missed_call(interview.id, jst(2026, 11, 25, 11, 0), now=jst(2026, 11, 25, 11, 2))
    assert call.due_at == jst(2026, 11, 25, 11, 2)  # inside a window: call back now
    assert call.missed_at == jst(2026, 11, 25, 11, 0) and call.template_values() == {"missed_time": call.missed_at}
    # A call-back cannot be snoozed to the evening: it lands in the next calling window.
    later = library.followups.snooze(call.id, jst(2026, 11, 25, 19, 0), now=jst(2026, 11, 25, 11, 5))
    assert later.snoozed_until == jst(2026, 11, 26, 10, 15) and later.window_end == jst(2026, 11, 26, 12, 0)
    with pytest.raises(TaskError) as caught:
        library.followups.snooze(call.id, jst(2026, 11, 25, 11, 0), now=jst(2026, 11, 25, 11, 5))
    assert "future" in str(caught.value)
    with pytest.raises(ValueError):
        library.followups.snooze(call.id, datetime(2026, 11, 26, 9, 0))
    choices = library.followups.snooze_choices(later, now=jst(2026, 11, 25, 11, 5))
    assert choices == [jst(2026, 11, 25, 13, 0), jst(2026, 11, 26, 10, 15)]
    mail = library.followups.add(interview.id, TaskKind.THANK_YOU, jst(2026, 11, 25, 18, 0))
    assert library.followups.snooze_choices(mail, now=jst(2026, 11, 27, 16, 30)) == [
        jst(2026, 11, 27, 17, 30), jst(2026, 11, 27, 19, 30), jst(2026, 11, 30, 10, 0)]
    library.followups.dismiss(mail.id)
    with pytest.raises(TaskError):
        library.followups.snooze(mail.id, jst(2026, 12, 1, 10, 0), now=jst(2026, 11, 27, 16, 30))
    reopened = library.followups.reopen(mail.id)
    assert reopened.is_open and reopened.done_at is None


def test_unanswered_call_backs_wait_two_hours_and_then_suggest_a_mail(library):
    interview = scheduled(library)
    call = library.tracker.missed_call(interview.id, jst(2026, 11, 25, 10, 30), now=jst(2026, 11, 25, 10, 31))
    once = library.followups.call_unanswered(call.id, tried_at=jst(2026, 11, 25, 10, 40))
    assert once.effective_due == jst(2026, 11, 25, 13, 0)  # 12:40 is lunch: after it
    assert once.attempts == 1 and not once.suggests_mail and once.template is MessageKind.MISSED_CALL_SCRIPT
    twice = library.followups.call_unanswered(call.id, tried_at=jst(2026, 11, 25, 15, 0))
    assert twice.effective_due == jst(2026, 11, 26, 10, 15)  # 17:00 is too late
    assert twice.suggests_mail and twice.template is MessageKind.MISSED_CALL_MAIL
    assert "send a short mail" in str(twice.hint())
    library.followups.complete(call.id, at=jst(2026, 11, 26, 9, 0))  # the mail went instead of a third call
    assert [t.kind for t in library.followups.for_interview(interview.id)].count(TaskKind.MISSED_CALL_MAIL) == 0
    with pytest.raises(ValueError):
        library.followups.call_unanswered(library.followups.add(interview.id, TaskKind.THANK_YOU, call.due_at).id)


def test_deleting_an_interview_removes_its_follow_ups_and_events(library):
    interview = scheduled(library)
    library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    other = scheduled(library, company="別の会社")
    library.delete_interview(interview.id)
    assert library.followups.open_tasks() == []
    assert library.tracker.timeline("株式会社サンプル") == []
    assert [e.kind for e in library.tracker.timeline("別の会社")] == [EventKind.CREATED, EventKind.SCHEDULED]
    assert other.id is not None


def test_a_missing_follow_up_is_reported(library):
    with pytest.raises(TaskError) as caught:
        library.followups.complete(999)
    assert "999" in str(caught.value)


def test_utc_times_from_screens_are_read_in_this_computers_zone(library, computer_in_tokyo):
    saved = library.tracker.save(Interview(company="C社", kind=InterviewKind.REAL,
                                           starts_at=datetime(2026, 11, 25, 5, 0, tzinfo=UTC)),
                                 now=jst(2026, 11, 20, 9, 0))
    loaded = library.interviews.get(saved.id)
    assert loaded.starts_at.utcoffset() == timedelta(hours=9) and loaded.starts_at.hour == 14
    library.tracker.save(replace(saved, status=Status.DONE), now=jst(2026, 11, 25, 15, 30))
    due = library.followups.for_interview(saved.id)[0].due_at
    assert due == jst(2026, 11, 25, 18, 0) and due.utcoffset() == timedelta(hours=9)


def test_a_library_from_before_the_tracker_is_upgraded(tmp_path):
    import sqlite3

    from core.storage import db

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for migration in db.migrations()[:7]:
        conn.executescript(f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    conn.execute("INSERT INTO interviews (company, kind, stage, status, starts_at, created_at, updated_at)"
                 " VALUES ('旧社', 'real', 'first', 'done', '2026-11-25T05:00:00+00:00',"
                 " '2026-11-01T00:00:00+00:00', '2026-11-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    with Library.open(path) as upgraded:
        (old,) = upgraded.interviews.all()
        assert old.channel is Channel.DIRECT and old.duration_min is None and old.place == ""
        assert old.starts_at == datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
        assert upgraded.followups.for_interview(old.id) == []
        assert upgraded.tracker.timeline("旧社") == []


def test_a_call_back_for_several_missed_calls_says_so(library):
    interview = scheduled(library)
    for minute in (0, 20, 40):
        task = library.tracker.missed_call(interview.id, jst(2026, 11, 25, 9, minute), now=jst(2026, 11, 25, 9, 50))
    assert str(task.title()) == "Call 株式会社サンプル back (3 missed calls)"
    assert task.missed_at == jst(2026, 11, 25, 9, 0)  # the first call is the one to apologise for
    assert [e.kind for e in library.events.for_interview(interview.id)].count(EventKind.MISSED_CALL) == 3


def test_a_save_that_fails_half_way_changes_nothing(library):
    interview = scheduled(library)
    # A real failure inside SQLite while the follow-ups are written.
    with library._lock:
        library._conn.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON followups "
                              "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(sqlite3.DatabaseError):
        library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    assert library.interviews.get(interview.id).status is Status.SCHEDULED
    assert [e.kind for e in library.events.for_interview(interview.id)] == [EventKind.CREATED, EventKind.SCHEDULED]
    assert not library._conn.in_transaction
    with library._lock:
        library._conn.execute("DROP TRIGGER refuse")
    library.tracker.save(replace(interview, status=Status.DONE), now=jst(2026, 11, 25, 15, 10))
    assert len(library.followups.for_interview(interview.id)) == 2


def test_news_from_the_company_restarts_the_week_of_silence(library):
    interview = scheduled(library)
    library.tracker.save(replace(interview, status=Status.WAITING), now=jst(2026, 11, 25, 15, 10))
    event = library.tracker.heard_from_company(interview.id, " 結果は来週中にご連絡とのこと ",
                                               at=jst(2026, 12, 1, 11, 0))
    assert str(event.message) == "Heard from the company: 結果は来週中にご連絡とのこと"
    ask = next(t for t in library.followups.for_interview(interview.id) if t.kind is TaskKind.ASK_RESULT)
    assert ask.due_at == jst(2026, 12, 8, 10, 30)
    assert library.tracker.timeline("株式会社サンプル")[-1].kind is EventKind.NEWS


def test_changing_between_practice_and_real_interview(library):
    mock = scheduled(library, kind=InterviewKind.MOCK, status=Status.DONE)
    assert library.followups.for_interview(mock.id) == []
    real = library.tracker.save(replace(mock, kind=InterviewKind.REAL), now=jst(2026, 11, 25, 15, 10))
    assert kinds(library.followups.for_interview(real.id)) == [
        (TaskKind.THANK_YOU, TaskState.OPEN), (TaskKind.ASK_RESULT, TaskState.OPEN)]
    library.tracker.save(replace(real, kind=InterviewKind.MOCK), now=jst(2026, 11, 25, 15, 20))
    assert {task.state for task in library.followups.for_interview(real.id)} == {TaskState.CLOSED}
