"""Practice workflows on the library; the session's state machine is :mod:`core.practice.run`.

:func:`begin_practice` creates the mock interview with the user's own consent
(the only permission a practice recording needs); the whole start of a
recorded session, all or nothing, is :func:`core.ops.practice.start_session`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.consent import ConsentRecord, self_consent
from core.interviews import Interview, InterviewKind, Status, utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.practice.run import AnswerSpan, EndReason
from core.practice.store import Answer

if TYPE_CHECKING:
    from core.library import Library


PRACTICE_NOTE = "practice session"  # the note on a practice session's self-consent record
# A practice session's mock interview is called this, in no language: the screens show it in theirs (the date
# is the interview's own).
PRACTICE_TITLE = "Practice"


def question_marker(number: int) -> Message:
    """The label of the marker where question ``number`` (from 1) starts in the session's recording."""
    return Message("Practice", QT_TRANSLATE_NOOP("Practice", "Question {number}"), {"number": number})


@dataclass(frozen=True)
class PracticeStart:
    interview: Interview
    consent: ConsentRecord


def practice_interview(title: str) -> Interview:
    """The mock interview a practice session is kept in (not saved yet): done as it starts."""
    return Interview(company=title, kind=InterviewKind.MOCK, status=Status.DONE, starts_at=utc_now())


def begin_practice(library: Library, title: str) -> PracticeStart:
    """A new mock interview called ``title`` with the user's own consent to record it."""
    with library.transaction():  # both or neither
        interview = library.interviews.add(practice_interview(title))
        assert interview.id is not None  # add() returns the stored row
        consent = library.consent.add(self_consent(interview.id, note=PRACTICE_NOTE))
    return PracticeStart(interview, consent)


RECOVERY_MIN_MS = 1000  # less audio than this after the last boundary is not an answer


def recover_last_answer(library: Library, session_id: int) -> Answer | None:
    """After a crash, the answer that was being recorded has no end boundary: give it one.

    The recording (repaired at start-up) runs past the last stored answer; the
    next question of the session's plan was on screen, so that stretch is its
    answer. Returns the new answer, or ``None`` when nothing was missing.
    """
    info = library.practice.session(session_id)
    if info is None or info.recording_id is None:
        return None
    recording = library.recordings.get(info.recording_id)
    if recording.state.value == "recording":
        return None  # still being recorded (or not repaired yet)
    answers = library.practice.answers(session_id)
    position = len(answers)
    start_ms = answers[-1].end_ms if answers else 0
    if position >= len(info.plan) or recording.duration_ms - start_ms < RECOVERY_MIN_MS:
        return None
    question = library.questions.get(info.plan[position])
    if question is None:
        return None
    span = AnswerSpan(position, question, question.text(info.language), start_ms, recording.duration_ms,
                      EndReason.STOPPED)
    return library.practice.add_answer(session_id, span)
