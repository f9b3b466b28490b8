"""``main.py calendar``: the library's interviews and follow-ups as an .ics file."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar

from core.interviews import Interview, InterviewKind
from core.library import Library
from tests.test_cli import run_cli

JST = ZoneInfo("Asia/Tokyo")


def add(company: str, *when: int) -> None:
    with Library.open() as library:
        library.tracker.save(Interview(company=company, kind=InterviewKind.REAL,
                                       starts_at=datetime(*when, tzinfo=JST)))


def test_calendar_to_a_file_with_a_date_range(tmp_path):
    add("November Corp.", 2026, 11, 25, 14, 0)
    add("December Corp.", 2026, 12, 3, 10, 0)
    target = tmp_path / "out.ics"
    result = run_cli("calendar", "-o", str(target), "--from", "2026-12-01", "--to", "2026-12-31",
                     tmp_path=tmp_path, env={"TZ": "Asia/Tokyo"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {target} (interviews: 1, follow-ups: 0)"
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Interview: December Corp."]


def test_calendar_to_standard_output_and_bad_dates(tmp_path):
    add("November Corp.", 2026, 11, 25, 14, 0)
    result = run_cli("calendar", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert "Interview: November Corp." in result.stdout
    bad = run_cli("calendar", "--from", "25/11/2026", tmp_path=tmp_path)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    reversed_range = run_cli("calendar", "--from", "2026-12-02", "--to", "2026-12-01", tmp_path=tmp_path)
    assert reversed_range.returncode == 2
    unwritable = run_cli("calendar", "-o", str(tmp_path / "missing" / "x.ics"), tmp_path=tmp_path)
    assert unwritable.returncode == 1 and not (tmp_path / "missing").exists()


def test_calendar_follows_the_apps_language(tmp_path):
    from core.settings import LANGUAGE, Settings

    with Library.open() as library:
        library.tracker.save(Interview(company="株式会社サンプル", kind=InterviewKind.REAL, stage="final",
                                       starts_at=datetime(2026, 11, 25, 14, 0, tzinfo=JST)))
    Settings().set(LANGUAGE, "ja")
    result = run_cli("calendar", "--tasks-as-events", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    (event,) = icalendar.Calendar.from_ical(result.stdout.replace("\n", "\r\n")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "面接：株式会社サンプル（最終面接）"
