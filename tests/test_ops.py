"""Core operations: one transaction each, and an honest report of what changed (no Qt)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.interviews import Interview, InterviewKind, NotFoundError, Status
from core.library import Library
from core.ops import Changes
from core.ops import tracker as ops
from core.tracker.kinds import MessageKind, TaskKind
from core.tracker.withdraw import Reason

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 25, 16, 0, tzinfo=JST)


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def real(company: str = "株式会社サンプル") -> Interview:
    return Interview(company=company, kind=InterviewKind.REAL, starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST))


def test_changes_combine_and_say_whom_they_concern():
    a = Changes(interviews=frozenset({1}), questions=True)
    b = Changes(followups=frozenset({2}), events=frozenset({2}))
    both = a | b
    assert both.interviews == {1} and both.followups == {2} and both.questions and not both.templates
    assert both.concerns(1) and both.concerns(2) and not both.concerns(3) and not both.concerns(None)
    assert not Changes() and both
    assert Changes(recordings=frozenset({5})).interview_list and not Changes(notes=frozenset({5})).interview_list


def test_saving_an_interview_reports_it_its_follow_ups_and_its_timeline(library):
    result = ops.save_interview(library, real(), now=NOW)
    interview = result.value
    assert interview.id is not None
    assert result.changes == Changes.of_interview(interview.id)
    assert [e.kind.value for e in library.events.for_interview(interview.id)] == ["created", "scheduled"]

    held = ops.set_status(library, interview.id, Status.DONE, now=NOW)
    assert held.value.status is Status.DONE and held.changes.followups == {interview.id}
    assert {t.kind for t in library.followups.for_interview(interview.id)} == {TaskKind.THANK_YOU,
                                                                              TaskKind.ASK_RESULT}


def test_withdrawing_sets_the_status_from_the_reason_and_closes_follow_ups(library):
    interview = ops.save_interview(library, real(), now=NOW).value
    ops.set_status(library, interview.id, Status.DONE, now=NOW)
    cancelled = ops.withdraw(library, interview.id, Reason.CANCEL, now=NOW).value
    assert cancelled.status is Status.CANCELLED
    assert not any(t.is_open for t in library.followups.for_interview(interview.id))
    other = ops.save_interview(library, real("Example Ltd."), now=NOW).value
    assert ops.withdraw(library, other.id, Reason.DECLINE, now=NOW).value.status is Status.DECLINED


def test_task_operations_report_the_interview_of_the_task(library):
    interview = ops.save_interview(library, real(), now=NOW).value
    ops.set_status(library, interview.id, Status.DONE, now=NOW)
    thanks = next(t for t in library.followups.for_interview(interview.id) if t.kind is TaskKind.THANK_YOU)
    done = ops.complete_task(library, thanks.id, now=NOW)
    assert not done.value.is_open
    assert done.changes == Changes(followups=frozenset({interview.id}), events=frozenset({interview.id}))
    call = ops.missed_call(library, interview.id, NOW, now=NOW)
    assert call.value.kind is TaskKind.MISSED_CALL and call.changes.followups == {interview.id}
    noted = ops.record_message(library, interview.id, MessageKind.THANK_YOU, sent=True, now=NOW)
    assert noted.changes == Changes(events=frozenset({interview.id}))
    assert library.events.for_interview(interview.id)[-1].kind.value == "message_sent"


def test_a_failed_status_change_changes_nothing(library):
    interview = ops.save_interview(library, real(), now=NOW).value
    before = library.events.for_interview(interview.id)
    with pytest.raises(NotFoundError):
        ops.set_status(library, interview.id + 100, Status.DONE, now=NOW)
    assert library.events.for_interview(interview.id) == before
    assert library.interviews.get(interview.id).status is Status.SCHEDULED


def test_template_operations_report_the_templates(library):
    from core.ops import templates as template_ops

    added = template_ops.add(library, "ja", "給与の質問", "## 提示された条件\n")
    assert added.changes == Changes(templates=True) and added.value.name == "給与の質問"
    assert template_ops.update(library, added.value.id, "給与", "## 条件\n").changes.templates
    assert [t.name for t in library.templates.all("ja") if t.builtin is None] == ["給与"]
    assert template_ops.delete(library, added.value.id).changes.templates
    assert [t for t in library.templates.all("ja") if t.builtin is None] == []


def test_deleting_an_interview_reports_it_gone(library):
    from core.ops import interviews as interview_ops

    interview = ops.save_interview(library, real(), now=NOW).value
    result = interview_ops.delete_interview(library, interview.id)
    assert result.changes == Changes(deleted_interviews=frozenset({interview.id}))
    assert result.changes.interview_list and library.interviews.all() == []
