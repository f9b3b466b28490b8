"""What the interview page's overview says at a glance (issue 17): where the interviewer's permission stands and
the next open follow-up.  A read: nothing changes."""

from __future__ import annotations

from dataclasses import dataclass

from core.consent import ConsentRecord
from core.interviews import Interview
from core.library import Library
from core.ops.recording import last_asked, needs_permission
from core.tracker.followups import FollowUp


@dataclass(frozen=True)
class Overview:
    interview_id: int
    asks_permission: bool  # a real interview: recorded only with the interviewer's permission
    consent: ConsentRecord | None  # the interviewer's last answer, if they were asked
    next_followup: FollowUp | None  # the open follow-up due first


def overview(library: Library, interview: Interview) -> Overview:
    asks = needs_permission(interview)
    tasks = [task for task in library.followups.for_interview(interview.stored_id) if task.is_open]
    tasks.sort(key=lambda task: task.effective_due)
    return Overview(interview.stored_id, asks, last_asked(library, interview) if asks else None,
                    tasks[0] if tasks else None)
