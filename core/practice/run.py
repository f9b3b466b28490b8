"""A practice session as a state machine, independent of any clock, widget or database.

The caller passes the recording position (ms from the start of the audio file)
to every transition, so answer boundaries are exactly where the audio is::

    run = PracticeRun(questions, "ja", time_limit_s=90)
    run.start(at_ms=0)                    # the first question is shown
    run.tick(at_ms=recorder_position)     # advances by itself when the time limit has passed
    run.next(at_ms=recorder_position)     # the user pressed Next
    run.stop(at_ms=recorder_position)     # the user stopped early
    run.spans                             # one AnswerSpan per question asked
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from core.practice.bank import Question

DEFAULT_LIMIT_FACTOR = 1.5  # without an explicit limit: 1.5x the question's target length
LIMIT_FACTORS = (1.0, 1.5, 2.0, None)  # the choices offered: the target, 1.5x, 2x, no limit (Next only)
MIN_LIMIT_S = 0.2


class PracticeState(enum.Enum):
    READY = "ready"  # nothing asked yet
    ANSWERING = "answering"  # a question is shown and the answer is being recorded
    FINISHED = "finished"


class EndReason(enum.Enum):
    NEXT = "next"
    TIME_LIMIT = "time_limit"
    STOPPED = "stopped"


@dataclass(frozen=True)
class AnswerSpan:
    position: int  # 0-based order within the session
    question: Question
    text: str  # the question as shown, in the session's language
    start_ms: int
    end_ms: int
    ended_by: EndReason

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


class PracticeRun:
    def __init__(self, questions: list[Question], language: str, *, time_limit_s: float | None = None,
                 limit_factor: float | None = DEFAULT_LIMIT_FACTOR) -> None:
        if not questions:
            raise ValueError("a practice session needs at least one question")
        self.questions = list(questions)
        self.language = language
        self._time_limit_s = time_limit_s
        self._limit_factor = limit_factor
        self.state = PracticeState.READY
        self.index = -1
        self._started_ms = 0
        self.spans: list[AnswerSpan] = []

    # -- queries ------------------------------------------------------------------
    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.state is PracticeState.ANSWERING else None

    def limit_s(self, question: Question) -> float:
        """How long an answer may run before the session moves on by itself."""
        if self._time_limit_s is not None:
            return max(MIN_LIMIT_S, float(self._time_limit_s))
        if self._limit_factor is None:
            return math.inf  # no limit: the answer ends with Next or Stop
        return max(MIN_LIMIT_S, question.target_s * self._limit_factor)

    @property
    def has_limit(self) -> bool:
        return self._time_limit_s is not None or self._limit_factor is not None

    def elapsed_s(self, at_ms: int) -> float:
        return max(0, at_ms - self._started_ms) / 1000 if self.state is PracticeState.ANSWERING else 0.0

    def remaining_s(self, at_ms: int) -> float:
        question = self.current
        return max(0.0, self.limit_s(question) - self.elapsed_s(at_ms)) if question else 0.0

    def over_target(self, at_ms: int) -> bool:
        question = self.current
        return question is not None and self.elapsed_s(at_ms) > question.target_s

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.questions) - 1

    def ends_session(self, span: AnswerSpan) -> bool:
        """Whether ``span`` is the session's last answer: the last question's, or one the user stopped early.

        Decided from the span alone, so any thread may ask while the run goes on.
        """
        return span.ended_by is EndReason.STOPPED or span.position >= len(self.questions) - 1

    # -- transitions -----------------------------------------------------------------
    def start(self, at_ms: int) -> Question:
        if self.state is not PracticeState.READY:
            raise RuntimeError(f"cannot start a session that is {self.state.value}")
        self._ask(0, at_ms)
        return self.questions[0]

    def next(self, at_ms: int) -> AnswerSpan:
        """End the current answer here and show the next question (or finish after the last)."""
        return self._advance(at_ms, EndReason.NEXT)

    def tick(self, at_ms: int) -> AnswerSpan | None:
        """Move on when the current answer has reached its time limit; ``None`` while it has not."""
        question = self.current
        if question is None or self.elapsed_s(at_ms) < self.limit_s(question):
            return None
        return self._advance(at_ms, EndReason.TIME_LIMIT)

    def stop(self, at_ms: int) -> AnswerSpan | None:
        """Stop the session early; the answer in progress is kept up to here."""
        if self.state is not PracticeState.ANSWERING:
            self.state = PracticeState.FINISHED
            return None
        span = self._close(at_ms, EndReason.STOPPED)
        self.state = PracticeState.FINISHED
        return span

    def _ask(self, index: int, at_ms: int) -> None:
        self.index = index
        self._started_ms = max(int(at_ms), self.spans[-1].end_ms if self.spans else 0)
        self.state = PracticeState.ANSWERING

    def _close(self, at_ms: int, reason: EndReason) -> AnswerSpan:
        question = self.questions[self.index]
        span = AnswerSpan(self.index, question, question.text(self.language), self._started_ms,
                          max(self._started_ms, int(at_ms)), reason)
        self.spans.append(span)
        return span

    def _advance(self, at_ms: int, reason: EndReason) -> AnswerSpan:
        if self.state is not PracticeState.ANSWERING:
            raise RuntimeError(f"no question is being answered (the session is {self.state.value})")
        span = self._close(at_ms, reason)
        if self.is_last:
            self.state = PracticeState.FINISHED
        else:
            self._ask(self.index + 1, span.end_ms)
        return span
