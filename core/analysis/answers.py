"""My answers in a real interview: each question they asked, my answer's practice metrics, and who talked how much.

::

    review = review_interview(transcript, bank=library.questions.all())
    print(review.talk_time.me_share)
    for answer in review.answers:
        print(answer.question.text, answer.metrics.duration_s, answer.target_s, answer.in_bank)

For a transcript with speakers (:mod:`core.analysis.questions`), every
question gets the metrics of practice (:func:`core.analysis.metrics.analyze_answer`)
over the candidate's words from the end of the interviewer's turn to the
next question: length against a target, time to the first word, pace,
fillers and long pauses.  Only the candidate's own words are measured.  The
target comes from :func:`core.practice.matching.target_seconds` (the length
the question names, the bank's target for the same question, or its
category's).  There are no scores of character or "hireability": only what
can be observed.

Timing comes from the word times of the transcript, not from the audio: in a
real interview the microphone also hears the interviewer, so its silences
are not the candidate's.  Pass ``audio`` only for a track that holds the
candidate alone.

The talk-time split adds up, for each side, the time covered by its words
(overlapping words counted once), leaving out segments Whisper probably
invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.analysis.metrics import AnswerMetrics, analyze_answer
from core.analysis.metrics import _language as checked_language  # the same check and message as practice
from core.analysis.questions import AskedQuestion, find_questions
from core.practice.bank import Question
from core.practice.matching import same_question, target_seconds
from core.transcription.model import Segment, Transcript
from core.transcription.speakers import ME

__all__ = ["InterviewReview", "QuestionAnswer", "TalkTime", "review_interview", "talk_time"]


@dataclass(frozen=True)
class TalkTime:
    """How long each side spoke, in milliseconds of speech."""

    me_ms: int
    interviewer_ms: int

    @property
    def total_ms(self) -> int:
        return self.me_ms + self.interviewer_ms

    @property
    def me_share(self) -> float | None:
        """The candidate's share of all speech (0-1); None when nobody spoke."""
        return self.me_ms / self.total_ms if self.total_ms else None

    @property
    def interviewer_share(self) -> float | None:
        return self.interviewer_ms / self.total_ms if self.total_ms else None

    def to_dict(self) -> dict[str, Any]:
        return {"me_s": round(self.me_ms / 1000, 1), "interviewer_s": round(self.interviewer_ms / 1000, 1),
                "me_share": None if self.me_share is None else round(self.me_share, 3),
                "interviewer_share": None if self.interviewer_share is None else round(self.interviewer_share, 3)}


@dataclass(frozen=True)
class QuestionAnswer:
    """One question they asked and the metrics of my answer to it."""

    question: AskedQuestion
    metrics: AnswerMetrics  # over [question.turn_end_ms, question.window_end_ms), my words only
    target_s: int
    bank_key: str | None  # the same question in the bank (None: not there yet)

    @property
    def answered(self) -> bool:
        return self.question.answer_start_ms is not None

    @property
    def in_bank(self) -> bool:
        return self.bank_key is not None

    def to_dict(self) -> dict[str, Any]:
        return {**self.question.to_dict(), "target_s": self.target_s, "bank_key": self.bank_key,
                "metrics": self.metrics.to_dict() if self.answered else None}


@dataclass(frozen=True)
class InterviewReview:
    language: str
    answers: tuple[QuestionAnswer, ...]
    talk_time: TalkTime

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "talk_time": self.talk_time.to_dict(),
                "questions": [answer.to_dict() for answer in self.answers]}


def _spans(segment: Segment) -> list[tuple[int, int]]:
    if segment.words and segment.corrected_text is None:
        return [(w.start_ms, w.end_ms) for w in segment.words if w.end_ms > w.start_ms]
    return [(segment.start_ms, segment.end_ms)] if segment.end_ms > segment.start_ms else []


def _covered(spans: Iterable[tuple[int, int]]) -> int:
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def talk_time(segments: Sequence[Segment]) -> TalkTime:
    """Seconds of speech of the candidate (``me``) and of everyone else (the interviewers)."""
    spoken = [s for s in segments if not s.invented and s.display_text.strip() and s.speaker is not None]
    mine = _covered(span for s in spoken if s.speaker == ME for span in _spans(s))
    theirs = _covered(span for s in spoken if s.speaker != ME for span in _spans(s))
    return TalkTime(mine, theirs)


def review_interview(transcript: Transcript, audio: Path | None = None, *, language: str | None = None,
                     bank: Sequence[Question] = (), target_s: float | None = None) -> InterviewReview:
    """The questions in ``transcript``, my answer's metrics for each, and the talk-time split.

    ``bank`` (the question bank's questions) recognises questions already
    there and lends them its target length; ``target_s`` overrides every
    target.  Raises :class:`core.analysis.metrics.AnalysisError` for a
    language other than Japanese or English.
    """
    language = checked_language(transcript, language)
    answers = []
    for question in find_questions(transcript, language):
        target = round(target_s) if target_s else target_seconds(question.text, bank)
        same = same_question(question.text, bank)
        metrics = analyze_answer(transcript, audio, language=language, start_ms=question.turn_end_ms,
                                 end_ms=question.window_end_ms, target_s=target)
        answers.append(QuestionAnswer(question, metrics, target, same.key if same else None))
    return InterviewReview(language, tuple(answers), talk_time(transcript.segments))
