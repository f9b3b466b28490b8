"""Due-time rules: business days (weekends, Japanese holidays, year-end), thank-you, result, missed calls."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from core.tracker import rules

JST = ZoneInfo("Asia/Tokyo")


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=JST)


# -- business days ---------------------------------------------------------------------------------------

# Japanese public holidays from the Cabinet Office's published calendars, substitute holidays and
# equinoxes included.
HOLIDAYS_2026 = [date(2026, 1, 1), date(2026, 1, 12), date(2026, 2, 11), date(2026, 2, 23), date(2026, 3, 20),
                 date(2026, 4, 29), date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5), date(2026, 5, 6),
                 date(2026, 7, 20), date(2026, 8, 11), date(2026, 9, 21), date(2026, 9, 22), date(2026, 9, 23),
                 date(2026, 10, 12), date(2026, 11, 3), date(2026, 11, 23)]
HOLIDAYS_2027 = [date(2027, 1, 1), date(2027, 1, 11), date(2027, 2, 11), date(2027, 2, 23), date(2027, 3, 21),
                 date(2027, 3, 22), date(2027, 4, 29), date(2027, 5, 3), date(2027, 5, 4), date(2027, 5, 5),
                 date(2027, 7, 19), date(2027, 8, 11), date(2027, 9, 20), date(2027, 9, 23), date(2027, 10, 11),
                 date(2027, 11, 3), date(2027, 11, 23)]


@pytest.mark.parametrize("year, expected", [(2026, HOLIDAYS_2026), (2027, HOLIDAYS_2027)])
def test_public_holidays_of_a_whole_year(year, expected):
    found = [date(year, 1, 1) + timedelta(days=n) for n in range(366)
             if (date(year, 1, 1) + timedelta(days=n)).year == year
             and rules.is_holiday(date(year, 1, 1) + timedelta(days=n))]
    assert found == expected


@pytest.mark.parametrize("day, business", [
    (date(2026, 11, 20), True),    # Friday
    (date(2026, 11, 21), False),   # Saturday
    (date(2026, 11, 22), False),   # Sunday
    (date(2026, 11, 23), False),   # Monday, 勤労感謝の日
    (date(2026, 5, 6), False),     # Wednesday, substitute holiday for Sunday 3 May
    (date(2026, 9, 22), False),    # Tuesday, 国民の休日 between two holidays
    (date(2027, 3, 22), False),    # Monday, substitute for the vernal equinox on Sunday
    (date(2026, 12, 28), True),    # Monday, last working day of the year
    (date(2026, 12, 29), False),   # year-end break
    (date(2027, 1, 3), False),
    (date(2027, 1, 4), True),      # first working day of 2027
])
def test_business_days(day, business):
    assert rules.is_business_day(day) is business


# -- thank-you mail --------------------------------------------------------------------------------------

@pytest.mark.parametrize("ends, due", [
    (jst(2026, 11, 25, 15, 0), jst(2026, 11, 25, 18, 0)),   # Wednesday afternoon: the same day
    (jst(2026, 11, 25, 16, 0), jst(2026, 11, 25, 18, 0)),   # the last moment for a same-day mail
    (jst(2026, 11, 25, 16, 1), jst(2026, 11, 26, 10, 0)),   # later: next morning
    (jst(2026, 11, 25, 23, 30), jst(2026, 11, 26, 10, 0)),  # late evening
    (jst(2026, 11, 20, 21, 0), jst(2026, 11, 24, 10, 0)),   # Friday 21:00 before the Monday holiday → Tuesday
    (jst(2026, 11, 27, 21, 0), jst(2026, 11, 30, 10, 0)),   # an ordinary Friday evening → Monday
    (jst(2026, 11, 28, 11, 0), jst(2026, 11, 30, 10, 0)),   # Saturday interview → Monday
    (jst(2026, 12, 28, 17, 0), jst(2027, 1, 4, 10, 0)),     # after the last working day → after New Year
    (jst(2026, 12, 28, 14, 0), jst(2026, 12, 28, 18, 0)),
])
def test_thank_you_due(ends, due):
    assert rules.thank_you_due(ends) == due


def test_thank_you_is_never_later_than_the_next_business_morning():
    moment = jst(2026, 1, 1, 0, 0)
    while moment < jst(2027, 1, 1):
        due = rules.thank_you_due(moment)
        assert due > moment
        assert due.date() in (moment.date(), rules.next_business_day(moment.date()))
        assert rules.is_business_day(due.date())
        moment += timedelta(hours=5, minutes=7)


def test_rules_keep_the_given_offset_and_refuse_naive_times():
    ny = timezone(timedelta(hours=-5))
    assert rules.thank_you_due(datetime(2026, 11, 25, 15, 0, tzinfo=ny)) == datetime(2026, 11, 25, 18, 0, tzinfo=ny)
    with pytest.raises(ValueError):
        rules.thank_you_due(datetime(2026, 11, 25, 15, 0))


# -- asking about the result -----------------------------------------------------------------------------

@pytest.mark.parametrize("since, due", [
    (jst(2026, 11, 25, 15, 0), jst(2026, 12, 2, 10, 30)),   # Wednesday → the Wednesday after
    (jst(2026, 11, 14, 15, 0), jst(2026, 11, 24, 10, 30)),  # Saturday + 7 = Saturday → Tuesday (Monday holiday)
    (jst(2026, 12, 24, 11, 0), jst(2027, 1, 4, 10, 30)),    # 31 December is in the year-end break
])
def test_ask_result_due(since, due):
    assert rules.ask_result_due(since) == due


# -- missed calls ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("missed, start, end", [
    (jst(2026, 11, 25, 9, 0), jst(2026, 11, 25, 10, 15), jst(2026, 11, 25, 12, 0)),    # before the day starts
    (jst(2026, 11, 25, 10, 40), jst(2026, 11, 25, 10, 40), jst(2026, 11, 25, 12, 0)),  # inside: at once
    (jst(2026, 11, 25, 12, 20), jst(2026, 11, 25, 13, 0), jst(2026, 11, 25, 16, 45)),  # lunch: after it
    (jst(2026, 11, 25, 16, 50), jst(2026, 11, 26, 10, 15), jst(2026, 11, 26, 12, 0)),  # last minutes: next day
    (jst(2026, 11, 20, 18, 0), jst(2026, 11, 24, 10, 15), jst(2026, 11, 24, 12, 0)),   # Friday evening, holiday
    (jst(2026, 12, 28, 17, 0), jst(2027, 1, 4, 10, 15), jst(2027, 1, 4, 12, 0)),
])
def test_missed_call_window(missed, start, end):
    assert rules.missed_call_window(missed) == (start, end)
    assert rules.in_call_window(start)
    assert not rules.in_call_window(end)


def test_written_followup_after_a_call():
    assert rules.written_followup_due(jst(2026, 11, 25, 11, 0)) == jst(2026, 11, 25, 12, 0)
    assert rules.written_followup_due(jst(2026, 11, 25, 17, 30)) == jst(2026, 11, 26, 10, 0)
    assert rules.written_followup_due(jst(2026, 11, 27, 16, 30)) == jst(2026, 11, 27, 17, 30)
