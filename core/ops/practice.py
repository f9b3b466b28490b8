"""Practice operations: a mock-interview session from its first question to its review.

* :func:`start_session` creates the mock interview under the user's own
  consent, starts recording, stores the session's plan and marks where the
  first question starts: all of it, or nothing.
* :func:`end_answer` stores an answer's boundary the moment it ends and marks
  where the next question starts; after the session's last answer it stops
  and saves the recording.  :func:`finish` ends a session with no answer in
  progress.
* :func:`open_review` gives a session ready to review (an answer a crash cut
  short is given its end first); :func:`measure` gives each answer's metrics
  (computed once, then cached) and every attempt at its questions;
  :func:`save_review` keeps the user's own review of an answer.

Transcribing the session's recording is :func:`core.ops.transcription.start`
with :attr:`Review.settings` (filler words kept).

Starting is all-or-nothing without being one SQL transaction: the microphone
may open only under a *committed* consent record (a crash must never leave
audio whose consent vanished in a rollback), so the interview and its consent
are committed before recording starts, and any failure after that deletes
them again, with the audio and every row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.ops import recording as recording_ops
from core.ops.changes import NOTHING, Changes, Result
from core.practice.bank import Question
from core.practice.review import measure_answer, practice_transcription_settings, reusable_transcript
from core.practice.run import DEFAULT_LIMIT_FACTOR, AnswerSpan, PracticeRun, PracticeState
from core.practice.session import PRACTICE_NOTE, practice_interview, question_marker, recover_last_answer
from core.practice.store import Answer, Attempt, PracticeSessionInfo
from core.recording.recorder import RecorderState
from core.recording.session import RecordingSession
from core.recording.store import Marker, Recording
from core.transcription.model import Transcript, TranscriptionSettings

log = logging.getLogger(__name__)

Render = Callable[[Message], str]


def _problem(error: Exception) -> Message:
    return error.message if isinstance(error, FurikaeriError) else Message("Practice", str(error))


# -- answering --------------------------------------------------------------------------------
@dataclass
class LiveSession:
    """A practice session being answered: its questions (the run), its recording and its stored row.

    The run's transitions take the recording position (:meth:`position_ms`),
    so every boundary is where the audio is; ``render`` words the markers in
    the user's language.
    """

    run: PracticeRun
    recording: RecordingSession
    info: PracticeSessionInfo
    render: Render = str

    @property
    def interview_id(self) -> int:
        return self.info.interview_id

    def position_ms(self) -> int:
        """Where the recording is now (pauses left out)."""
        return int(self.recording.recorder.elapsed_s * 1000)

    @property
    def paused(self) -> bool:
        return self.recording.recorder.state is RecorderState.PAUSED

    @property
    def finished(self) -> bool:
        """No question is asked any more: the last answer has ended, or the user stopped."""
        return self.run.state is PracticeState.FINISHED

    def changes(self, *, interview: bool = False) -> Changes:
        ids = frozenset({self.interview_id})
        return Changes(practice=frozenset({self.info.id}), recordings=ids,
                       interviews=ids if interview else frozenset())


def _mark_question(live: LiveSession, index: int, at_ms: int) -> None:
    """A marker where question ``index`` starts, so the plain transcript view shows the boundaries too."""
    live.recording.save_marker(Marker(at_ms, live.render(question_marker(index + 1))))


def _discard(library: Library, session: RecordingSession) -> None:
    """Undo a start: the recording stopped, then its interview deleted with the consent, the audio and all rows."""
    try:
        session.stop()
    except Exception as error:  # noqa: BLE001 - the start's own error is the one to report
        log.warning("a practice recording that failed to start did not stop cleanly: %s", error)
    try:
        library.delete_interview(session.recording.interview_id)
    except Exception as error:  # noqa: BLE001 - as above; the next start's recovery tidies up
        log.warning("the interview of a failed practice start was not deleted: %s", error)


def start_session(library: Library, title: str, questions: Sequence[Question], language: str, *,
                  time_limit_s: float | None = None, limit_factor: float | None = DEFAULT_LIMIT_FACTOR,
                  device: int | str | None = None, sd: ModuleType | None = None,
                  on_event: Callable[[Any], None] | None = None, render: Render = str) -> Result[LiveSession]:
    """A new mock interview called ``title``, recording under the user's own consent, the first question asked.

    Each answer may last ``time_limit_s`` seconds when given, else
    ``limit_factor`` times its question's target (``None``: no limit).  On
    any failure nothing is left: no interview, consent record, audio file or
    session row.  ``on_event`` receives the recorder's events (from its threads).
    """
    run = PracticeRun(list(questions), language, time_limit_s=time_limit_s, limit_factor=limit_factor)
    started = recording_ops.start(library, practice_interview(title), device=device, sd=sd, on_event=on_event,
                                  note=PRACTICE_NOTE)
    session = started.value.session
    assert session is not None  # the user's own consent is never a refusal
    try:
        info = library.practice.create_session(session.recording.interview_id, session.recording.id, language,
                                               [question.key for question in run.questions])
        live = LiveSession(run, session, info, render)
        at = live.position_ms()
        run.start(at)
        _mark_question(live, 0, at)
    except BaseException:
        _discard(library, session)
        raise
    return Result(live, started.changes | live.changes())


@dataclass(frozen=True)
class Ended:
    """What became of an answer that ended, and of the session when that was its last."""

    answer: Answer | None  # stored; None: no answer was in progress, or it could not be stored (see problem)
    recording: Recording | None = None  # the session is over: its recording, stopped and saved
    problem: Message | None = None  # what could not be kept (everything else is)

    @property
    def finished(self) -> bool:
        return self.recording is not None


def end_answer(library: Library, live: LiveSession, span: AnswerSpan) -> Result[Ended]:
    """Store the answer ``span`` as soon as it ends, so a crash later loses no boundary.

    When another question follows, a marker goes where it starts; after the
    session's last answer the recording is stopped and saved (:func:`finish`).
    """
    if live.run.ends_session(span):
        return finish(library, live, span)
    answer = library.practice.add_answer(live.info.id, span)
    problem = None
    try:
        _mark_question(live, span.position + 1, span.end_ms)
    except Exception as error:  # noqa: BLE001 - the answer is stored; only the marker is missing
        problem = _problem(error)
    return Result(Ended(answer, None, problem), live.changes())


def finish(library: Library, live: LiveSession, span: AnswerSpan | None = None) -> Result[Ended]:
    """End the session: the answer in progress (``span``) stored, then the recording stopped and saved.

    The recording stops even when the answer cannot be stored; the result
    says what could not be kept.
    """
    answer, problem = None, None
    if span is not None:
        try:
            answer = library.practice.add_answer(live.info.id, span)
        except Exception as error:  # noqa: BLE001 - stopping comes first; the problem is reported
            problem = _problem(error)
    recording = live.recording.stop()
    return Result(Ended(answer, recording, problem or live.recording.library_problem), live.changes(interview=True))


# -- reviewing ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Review:
    """A practice session as its review shows it."""

    info: PracticeSessionInfo
    answers: list[Answer]
    recording: Recording | None
    transcript: Transcript | None  # one made with ``settings`` (fillers kept); None: transcribe first
    settings: TranscriptionSettings  # how the session's recording is transcribed for practice

    @property
    def reviewable(self) -> bool:
        """Whether there are recorded answers to transcribe and measure."""
        return self.recording is not None and bool(self.answers)


def open_review(library: Library, session_id: int, model: str) -> Result[Review]:
    """The session ``session_id``, its answers, its recording and a transcript fit for practice, if one exists.

    A session a crash cut short first gets its last answer, from the plan and
    the repaired recording.  ``model``: the speech model the user chose.
    """
    with library.transaction():
        recovered = recover_last_answer(library, session_id)
        info = library.practice.session(session_id)
        if info is None:
            raise FurikaeriError(Message("Practice", QT_TRANSLATE_NOOP(
                "Practice", "This practice session no longer exists.")))
        answers = library.practice.answers(session_id)
        recording = library.recordings.get(info.recording_id) if info.recording_id is not None else None
    settings = practice_transcription_settings(info.language, model)
    transcript = reusable_transcript(library, recording.id, settings) if recording is not None else None
    changes = Changes(practice=frozenset({session_id})) if recovered is not None else NOTHING
    return Result(Review(info, answers, recording, transcript, settings), changes)


@dataclass(frozen=True)
class Measured:
    metrics: dict[int, dict[str, Any]]  # answer id -> its metrics (see core.practice.review.metrics_to_dict)
    history: dict[str, list[Attempt]]  # question key -> every attempt at it, oldest first


def measure(library: Library, session_id: int, transcript: Transcript, audio: Path | None,
            report: Callable[[int, int], None] | None = None) -> Result[Measured]:
    """Each answer's metrics under ``transcript`` (cached the first time) and every attempt at its questions.

    ``report(done, total)`` as the answers are measured.  Each cached result
    stands on its own: an interrupted run keeps what it measured.
    """
    info = library.practice.session(session_id)
    if info is None:  # deleted meanwhile, and its answers with it
        return Result(Measured({}, {}))
    answers = library.practice.answers(session_id)
    metrics: dict[int, dict[str, Any]] = {}
    computed = False
    for done, answer in enumerate(answers, 1):
        metrics[answer.id], fresh = measure_answer(library, answer, transcript, audio, info.language)
        computed = computed or fresh
        if report is not None:
            report(done, len(answers))
    # Every attempt at these questions, at once: switching answers then needs no work.
    history = {key: library.practice.attempts(key) for key in {answer.question_key for answer in answers}}
    return Result(Measured(metrics, history), Changes(practice=frozenset({session_id})) if computed else NOTHING)


def save_review(library: Library, answer: Answer, text: str) -> Result[Answer]:
    """The user's own review of ``answer``."""
    library.practice.set_review(answer.id, text)
    return Result(replace(answer, self_review=text), Changes(practice=frozenset({answer.session_id})))
