"""What is coming up: scheduled interviews, open follow-ups and recordings about to be deleted under the user's
retention settings (core.retention), in time order, grouped by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from core.interviews import Interview, InterviewKind, Status
from core.tracker.followups import FollowUp

if TYPE_CHECKING:
    from core.library import Library
    from core.retention import Due, Policy

GROUPS = ("overdue", "today", "week", "later")


def group_of(moment: datetime, now: datetime) -> str:
    """Which heading a moment belongs under, by the local calendar: past, today, the next 7 days, later."""
    if moment < now:
        return "overdue"
    day, today = moment.astimezone().date(), now.astimezone().date()
    if day == today:
        return "today"
    if day < today + timedelta(days=7):
        return "week"
    return "later"


@dataclass(frozen=True)
class Entry:
    """One line: an interview (``task`` and ``retention`` None), a follow-up of ``interview``, or the deletion of
    one of its recordings (``retention``; ``at``: when it will be deleted)."""

    at: datetime
    interview: Interview
    task: FollowUp | None = None
    retention: Due | None = None

    @property
    def key(self) -> tuple[str, int | None]:
        if self.retention is not None:
            return ("recording", self.retention.recording.id)
        return ("task", self.task.id) if self.task is not None else ("interview", self.interview.id)


def entries(interviews: list[Interview], tasks: list[FollowUp], now: datetime) -> list[Entry]:
    """Scheduled real interviews from today on and every open task, in time order."""
    by_id = {i.id: i for i in interviews}
    start_of_today = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    rows = [Entry(i.starts_at, i) for i in interviews
            if i.kind is InterviewKind.REAL and i.status is Status.SCHEDULED and i.starts_at is not None
            and i.starts_at >= start_of_today]
    rows += [Entry(t.effective_due, by_id[t.interview_id], t) for t in tasks if t.interview_id in by_id]
    return sorted(rows, key=lambda e: (e.at, e.task is not None))


def upcoming(library: Library, now: datetime, retention: Policy | None = None) -> list[Entry]:
    """The library's upcoming entries as of ``now``; with the retention ``policy``, the recordings whose
    deletion is announced (core.retention.notices)."""
    rows = entries(library.interviews.all(), library.followups.upcoming(now=now), now)
    if retention is not None:
        from core.retention import notices

        rows += [Entry(due.deletes_at(now), due.interview, retention=due) for due in notices(library, retention, now)]
    return sorted(rows, key=lambda e: (e.at, e.task is not None, e.retention is not None))
