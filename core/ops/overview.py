"""What the interview page's overview says at a glance (issue 17): where the interviewer's permission stands, the
next open follow-up and, once a transcript says who spoke, the questions the interviewer asked.  A read: nothing
changes."""

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
    questions: tuple[str, ...] = ()  # the interviewer's questions, in the order asked (recordings oldest first)


def overview(library: Library, interview: Interview) -> Overview:
    asks = needs_permission(interview)
    tasks = [task for task in library.followups.for_interview(interview.stored_id) if task.is_open]
    tasks.sort(key=lambda task: task.effective_due)
    return Overview(interview.stored_id, asks, last_asked(library, interview) if asks else None,
                    tasks[0] if tasks else None, asked_questions(library, interview.stored_id))


def asked_questions(library: Library, interview_id: int) -> tuple[str, ...]:
    """The interviewer's questions found in the newest transcript of each of the interview's recordings (only a
    transcript that says who spoke has them: an online interview's call track, or separated voices)."""
    from core.analysis.questions import find_questions  # with the transcript's analysis, when first needed

    found: list[str] = []
    for recording in library.recordings.for_interview(interview_id):
        transcript = library.transcripts.latest_for_recording(recording.id)
        if transcript is not None:
            found += [question.text for question in find_questions(transcript)]
    return tuple(found)
