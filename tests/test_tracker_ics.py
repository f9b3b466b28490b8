"""The .ics export parses back (with the independent ``icalendar`` package) to the right events and times."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from core.interviews import Channel, Interview, InterviewKind, Stage, Status
from core.library import Library
from core.tracker import ics

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=JST)


@pytest.fixture
def library():
    with Library.open() as lib:
        yield lib


def populated(library) -> tuple[Interview, Interview]:
    online = library.tracker.save(Interview(
        company="株式会社サンプル, 東京本社; 第一営業部", kind=InterviewKind.REAL, stage=Stage.FIRST.value,
        position="営業職", starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST), duration_min=45,
        place="https://meet.example.com/abc-defg", interviewers="人事部 田中様\n課長 鈴木様",
        channel=Channel.AGENT, agent_name="ABCキャリア 佐藤", agent_contact="03-1234-5678"), now=NOW)
    visit = library.tracker.save(Interview(
        company="Example Ltd.", kind=InterviewKind.REAL, stage="カジュアル面談",
        starts_at=datetime(2026, 11, 20, 10, 0, tzinfo=JST),
        place="東京都千代田区丸の内1-1-1 サンプルビル12階"), now=NOW)
    visit = library.tracker.save(replace(visit, status=Status.DONE), now=datetime(2026, 11, 20, 11, 30, tzinfo=JST))
    library.tracker.save(Interview(company="Mock", kind=InterviewKind.MOCK,
                                   starts_at=datetime(2026, 11, 21, 10, 0, tzinfo=JST)), now=NOW)
    return online, visit


def test_the_calendar_parses_back_with_the_right_events_and_times(library):
    online, visit = populated(library)
    text = ics.calendar(library.interviews.all(), library.followups.open_tasks(), now=NOW)
    assert all(line.endswith("\r") or line == "" for line in text.split("\n"))
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 2  # mock practice is not an appointment
    first = events[ics.interview_uid(online)]
    assert first.decoded("DTSTART") == datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
    assert first.decoded("DTEND") == datetime(2026, 11, 25, 5, 45, tzinfo=UTC)
    assert str(first["SUMMARY"]) == "Interview: 株式会社サンプル, 東京本社; 第一営業部 (first interview)"
    assert str(first["URL"]) == "https://meet.example.com/abc-defg"
    description = str(first["DESCRIPTION"])
    assert "Interviewers: 人事部 田中様\n課長 鈴木様" in description
    assert "Through an agent: ABCキャリア 佐藤 03-1234-5678" in description
    assert [str(a["TRIGGER"].to_ical(), "ascii") for a in first.walk("VALARM")] == ["-PT1H"]
    second = events[ics.interview_uid(visit)]
    assert str(second["LOCATION"]) == "東京都千代田区丸の内1-1-1 サンプルビル12階"
    assert second.decoded("DTSTART") == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    todos = list(cal.walk("VTODO"))
    assert sorted((str(t["SUMMARY"]), t.decoded("DUE")) for t in todos) == [
        ("Ask Example Ltd. about the result", datetime(2026, 11, 27, 1, 30, tzinfo=UTC)),  # Friday + 7 days
        ("Send Example Ltd. a thank-you mail", datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
    ]
    assert {str(t["RELATED-TO"]) for t in todos} == {ics.interview_uid(visit)}


def test_uids_are_stable_and_cancelled_interviews_say_so(library):
    online, _ = populated(library)
    before = ics.calendar(library.interviews.all(), [], now=NOW)
    library.tracker.save(replace(online, status=Status.CANCELLED), now=NOW)
    after = icalendar.Calendar.from_ical(ics.calendar(library.interviews.all(), [], now=NOW))
    uids_before = {str(e["UID"]) for e in icalendar.Calendar.from_ical(before).walk("VEVENT")}
    cancelled = [e for e in after.walk("VEVENT") if str(e["STATUS"]) == "CANCELLED"]
    assert {str(e["UID"]) for e in after.walk("VEVENT")} == uids_before
    assert [str(e["UID"]) for e in cancelled] == [ics.interview_uid(online)]


def test_folding_never_splits_a_character_and_escaping_round_trips(library):
    tricky = "あ" * 40 + "; a, b\\c\nd"
    written = library.tracker.save(Interview(
        company=tricky, kind=InterviewKind.REAL, starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST)), now=NOW)
    text = ics.calendar([written], [], now=NOW)
    lines = text.split("\r\n")
    for part in lines:
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")  # each physical line is whole characters
    summary = next(line for line in text.replace("\r\n ", "").split("\r\n") if line.startswith("SUMMARY"))
    assert summary == "SUMMARY:Interview: " + "あ" * 40 + "\\; a\\, b\\\\c\\nd"
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Interview: " + tricky


def test_follow_ups_as_events_for_calendars_without_to_dos(library):
    _, visit = populated(library)
    cal = icalendar.Calendar.from_ical(
        ics.calendar([], library.followups.open_tasks(), now=NOW, tasks_as_events=True,
                     related=library.interviews.all()))
    assert list(cal.walk("VTODO")) == []
    events = sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [str(e["SUMMARY"]) for e in events] == ["Send Example Ltd. a thank-you mail",
                                                   "Ask Example Ltd. about the result"]
    assert events[0].decoded("DTSTART") == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert (events[0].decoded("DTEND") - events[0].decoded("DTSTART")).total_seconds() == 15 * 60
    assert str(events[0]["RELATED-TO"]) == ics.interview_uid(visit)


def test_a_date_range_selects_interviews_and_follow_ups(library):
    populated(library)
    start = datetime(2026, 11, 21, tzinfo=JST)
    end = datetime(2026, 11, 28, tzinfo=JST)
    interviews, tasks = ics.select(library, start, end)
    assert [i.company for i in interviews] == ["株式会社サンプル, 東京本社; 第一営業部", "Mock"]
    assert [str(t.title()) for t in tasks] == ["Ask Example Ltd. about the result"]
    written = library.path.parent / "range.ics"
    assert ics.write_calendar(library, written, start, end, now=NOW) == (1, 1)
    cal = icalendar.Calendar.from_ical(written.read_bytes())
    (todo,) = cal.walk("VTODO")
    assert str(todo["RELATED-TO"]).startswith("interview-2-")  # its interview lies outside the range


def test_a_calendar_in_japanese(library):
    from core.messages import Message

    online, _ = populated(library)
    japanese = {"Interview: {company} ({stage})": "面接：{company}（{stage}）"}
    text = ics.calendar([online], [], now=NOW, language="ja",
                        translate=lambda context, source: japanese.get(source, source))
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "面接：株式会社サンプル, 東京本社; 第一営業部（一次面接）"
    assert Message("Calendar", "Stage: {value}", {"value": "一次面接"}).render() in str(event["DESCRIPTION"])


def test_text_cannot_break_out_of_its_property(library):
    sneaky = library.tracker.save(Interview(
        company="A\r\nEND:VEVENT\r\nBEGIN:VEVENT", kind=InterviewKind.REAL,
        starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST), place="https://x.example/a b\nBEGIN:VTODO"), now=NOW)
    cal = icalendar.Calendar.from_ical(ics.calendar([sneaky], [], now=NOW))
    (event,) = cal.walk("VEVENT")
    assert list(cal.walk("VTODO")) == []
    assert str(event["SUMMARY"]) == "Interview: A\nEND:VEVENT\nBEGIN:VEVENT"
    assert "URL" not in event and str(event["LOCATION"]) == "https://x.example/a b\nBEGIN:VTODO"
