"""When a follow-up is due: pure functions over aware datetimes, no storage.

Every rule works in the time zone of the moment it is given (the interview's
local time; see :mod:`core.interviews`) and returns an aware datetime in that
zone.  Business days are Monday to Friday except Japanese public holidays
(``jpholiday``, substitute holidays and 国民の休日 included) and the year-end
break, 29 December to 3 January, when most Japanese companies are closed.

The rules, precisely:

* **Thank-you mail** (:func:`thank_you_due`): when the interview ends on a
  business day at or before 16:00, the mail is due the same day at 18:00 (sent
  within business hours, with time to write it).  Otherwise (after 16:00, late
  in the evening, at night, on a weekend or holiday) it is due at 10:00 on the
  next business day: the "next business morning".  It is never due later than
  that morning; an interview ending at 21:00 on a Friday gives Monday 10:00
  (Tuesday after a Monday holiday).  The English norm, within 24 hours, holds
  on working days; over a weekend a Monday-morning mail is the usual practice.
* **Ask about the result** (:func:`ask_result_due`): seven calendar days of
  silence after the interview (or the last news), then at 10:30 on the first
  business day on or after that day.
* **Missed call** (:func:`missed_call_window`): call back on a business day
  between 10:15 and 16:45 (inside 10:00–17:00, avoiding the first and last
  minutes of the working day) and not over the lunch hour 12:00–13:00.  The
  window is the first such span at or after the missed call; a call missed
  inside a span can be returned at once.
* **Calling again** (:func:`next_call_attempt`): when nobody answered, not
  before two hours have passed, and again only inside a calling span; after a
  second unanswered call a short mail is better than more calls.
* **Written follow-up after the call** (:func:`written_followup_due`): within
  the hour when that is still inside business hours (until 18:00), else the
  next business day at 10:00.
* **Working conditions after an offer** (:func:`confirm_terms_due`): the next
  business day at 10:00: ask for, and read, the written notice of employment
  terms (労働条件通知書) before answering the offer.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

BUSINESS_START = time(10, 0)  # mornings start here for our purposes (mails due, calls allowed after 10:15)
BUSINESS_END = time(18, 0)  # same-day mails are due by this time
SAME_DAY_LIMIT = time(16, 0)  # an interview ending later than this gets its thank-you mail next morning
CALL_SPANS = ((time(10, 15), time(12, 0)), (time(13, 0), time(16, 45)))
ASK_RESULT_AFTER = timedelta(days=7)
ASK_RESULT_TIME = time(10, 30)
WRITTEN_FOLLOWUP_AFTER = timedelta(hours=1)
CALL_RETRY_GAP = timedelta(hours=2)
YEAR_END = ((12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3))
_MAX_SEARCH_DAYS = 40  # far more than any run of closed days


def is_holiday(day: date) -> bool:
    """A Japanese public holiday (substitute holidays included)."""
    import jpholiday  # here: its tables load when a follow-up is planned, not with the window

    return jpholiday.is_holiday(day)


def is_year_end(day: date) -> bool:
    return (day.month, day.day) in YEAR_END


def is_business_day(day: date) -> bool:
    """Monday to Friday, not a Japanese public holiday, not in the year-end break (29 Dec – 3 Jan)."""
    return day.weekday() < 5 and not is_holiday(day) and not is_year_end(day)


def next_business_day(day: date, include_today: bool = False) -> date:
    """The first business day after ``day`` (or ``day`` itself with ``include_today``)."""
    candidate = day if include_today else day + timedelta(days=1)
    for _ in range(_MAX_SEARCH_DAYS):
        if is_business_day(candidate):
            return candidate
        candidate += timedelta(days=1)
    raise AssertionError(f"no business day within {_MAX_SEARCH_DAYS} days of {day}")  # pragma: no cover


def _at(moment: datetime, day: date, clock: time) -> datetime:
    """``day`` at ``clock`` in ``moment``'s time zone."""
    _require_aware(moment)
    return datetime.combine(day, clock, tzinfo=moment.tzinfo)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the rules need timezone-aware datetimes")


def next_business_morning(moment: datetime, clock: time = BUSINESS_START) -> datetime:
    """``clock`` (10:00) on the first business day after ``moment``'s day."""
    return _at(moment, next_business_day(moment.date()), clock)


def thank_you_due(ends_at: datetime) -> datetime:
    """When the thank-you mail should be sent by: the same day at 18:00 or the next business morning."""
    _require_aware(ends_at)
    if is_business_day(ends_at.date()) and ends_at.time() <= SAME_DAY_LIMIT:
        return _at(ends_at, ends_at.date(), BUSINESS_END)
    return next_business_morning(ends_at)


def ask_result_due(since: datetime) -> datetime:
    """Ask about the result after seven days without news: 10:30 on the first business day from then."""
    _require_aware(since)
    day = next_business_day((since + ASK_RESULT_AFTER).date(), include_today=True)
    return _at(since, day, ASK_RESULT_TIME)


def confirm_terms_due(offer_at: datetime) -> datetime:
    """Confirm the written terms of employment: the next business morning after the offer."""
    return next_business_morning(offer_at)


def missed_call_window(missed_at: datetime) -> tuple[datetime, datetime]:
    """The first span for calling back at or after ``missed_at``: a business day, 10:15–12:00 or 13:00–16:45."""
    _require_aware(missed_at)
    day = missed_at.date()
    for _ in range(_MAX_SEARCH_DAYS):
        if is_business_day(day):
            for start, end in CALL_SPANS:
                span_start, span_end = _at(missed_at, day, start), _at(missed_at, day, end)
                if missed_at < span_end:
                    return max(span_start, missed_at), span_end
        day += timedelta(days=1)
    raise AssertionError("no calling window found")  # pragma: no cover


def in_call_window(moment: datetime) -> bool:
    """True when ``moment`` is a good time to telephone a company."""
    start, _ = missed_call_window(moment)
    return start == moment


def next_call_attempt(tried_at: datetime) -> tuple[datetime, datetime]:
    """The calling window for another try after an unanswered call: two hours later at the earliest."""
    _require_aware(tried_at)
    return missed_call_window(tried_at + CALL_RETRY_GAP)


def written_followup_due(called_at: datetime) -> datetime:
    """The short mail after returning a call: within the hour during business hours, else next morning."""
    _require_aware(called_at)
    due = called_at + WRITTEN_FOLLOWUP_AFTER
    if is_business_day(called_at.date()) and due.date() == called_at.date() and due.time() <= BUSINESS_END:
        return due
    if is_business_day(called_at.date()) and called_at.time() < BUSINESS_START:
        return _at(called_at, called_at.date(), BUSINESS_START)
    return next_business_morning(called_at)


def apology_due(now: datetime) -> datetime:
    """A missed interview: apologise as soon as possible, by phone in the next calling span."""
    return missed_call_window(now)[0]
