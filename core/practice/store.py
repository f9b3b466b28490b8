"""Practice sessions in the library: each answer's span in the recording, self-reviews, cached metrics."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.interviews import utc_now
from core.practice.run import AnswerSpan


@dataclass(frozen=True)
class PracticeSessionInfo:
    id: int
    interview_id: int
    recording_id: int | None
    language: str
    created_at: datetime
    plan: tuple[str, ...] = ()  # the question keys to ask, in order


@dataclass(frozen=True)
class Answer:
    id: int
    session_id: int
    position: int
    question_key: str
    question_text: str
    category: str
    target_s: int
    start_ms: int
    end_ms: int
    self_review: str = ""

    @property
    def duration_s(self) -> float:
        return (self.end_ms - self.start_ms) / 1000


@dataclass(frozen=True)
class Attempt:
    """One past answer to a question, with the metrics cached for it (``None`` until reviewed)."""

    answer: Answer
    when: datetime
    metrics: dict[str, Any] | None  # as :func:`core.practice.review.metrics_to_dict` made them


def _session(row: sqlite3.Row) -> PracticeSessionInfo:
    return PracticeSessionInfo(row["id"], row["interview_id"], row["recording_id"], row["language"],
                               datetime.fromisoformat(row["created_at"]), tuple(json.loads(row["plan"])))


def _answer(row: sqlite3.Row) -> Answer:
    return Answer(row["id"], row["session_id"], row["position"], row["question_key"], row["question_text"],
                  row["category"], row["target_s"], row["start_ms"], row["end_ms"], row["self_review"])


class PracticeStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    # -- sessions -------------------------------------------------------------------
    def create_session(self, interview_id: int, recording_id: int | None, language: str,
                       plan: list[str] | tuple[str, ...] = ()) -> PracticeSessionInfo:
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO practice_sessions (interview_id, recording_id, language, plan, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (interview_id, recording_id, language, json.dumps(list(plan)), utc_now().isoformat()))
            assert cursor.lastrowid is not None  # set by every INSERT
            session = self.session(cursor.lastrowid)
        assert session is not None  # just inserted, under the lock
        return session

    def session(self, session_id: int) -> PracticeSessionInfo | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM practice_sessions WHERE id = ?", (session_id,)).fetchone()
        return _session(row) if row else None

    def session_for_interview(self, interview_id: int) -> PracticeSessionInfo | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM practice_sessions WHERE interview_id = ?",
                                     (interview_id,)).fetchone()
        return _session(row) if row else None

    def sessions_for_recording(self, recording_id: int) -> list[PracticeSessionInfo]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM practice_sessions WHERE recording_id = ? ORDER BY id",
                                      (recording_id,)).fetchall()
        return [_session(row) for row in rows]

    def sessions(self) -> list[PracticeSessionInfo]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM practice_sessions ORDER BY created_at, id").fetchall()
        return [_session(row) for row in rows]

    # -- answers ----------------------------------------------------------------------
    def add_answer(self, session_id: int, span: AnswerSpan) -> Answer:
        """Store one answer's span as soon as it ends, so a crash later loses no boundary."""
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO practice_answers (session_id, position, question_key, question_text, category,"
                " target_s, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, span.position, span.question.key, span.text, span.question.category,
                 span.question.target_s, span.start_ms, span.end_ms))
            assert cursor.lastrowid is not None  # set by every INSERT
            answer = self.answer(cursor.lastrowid)
        assert answer is not None  # just inserted, under the lock
        return answer

    def answer(self, answer_id: int) -> Answer | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM practice_answers WHERE id = ?", (answer_id,)).fetchone()
        return _answer(row) if row else None

    def answers(self, session_id: int) -> list[Answer]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM practice_answers WHERE session_id = ? ORDER BY position",
                                      (session_id,)).fetchall()
        return [_answer(row) for row in rows]

    def set_review(self, answer_id: int, text: str) -> None:
        with self._lock:
            self._conn.execute("UPDATE practice_answers SET self_review = ? WHERE id = ?", (text, answer_id))

    # -- metrics cache -------------------------------------------------------------------
    def save_metrics(self, answer_id: int, transcript_id: int, metrics: dict[str, Any]) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO practice_metrics (answer_id, transcript_id, metrics, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (answer_id, transcript_id) DO UPDATE SET metrics = excluded.metrics,"
                " created_at = excluded.created_at",
                (answer_id, transcript_id, json.dumps(metrics, ensure_ascii=False), utc_now().isoformat()))

    def cached_metrics(self, answer_id: int, transcript_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT metrics FROM practice_metrics WHERE answer_id = ? AND transcript_id = ?",
                                     (answer_id, transcript_id)).fetchone()
        if row is None:
            return None
        metrics: dict[str, Any] = json.loads(row["metrics"])
        return metrics

    def attempts(self, question_key: str) -> list[Attempt]:
        """Every answer to ``question_key``, oldest first, with the metrics of its newest transcript."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT a.*, s.created_at AS session_created,"
                " (SELECT m.metrics FROM practice_metrics m WHERE m.answer_id = a.id"
                "  ORDER BY m.transcript_id DESC LIMIT 1) AS metrics"
                " FROM practice_answers a JOIN practice_sessions s ON s.id = a.session_id"
                " WHERE a.question_key = ? ORDER BY s.created_at, s.id, a.position", (question_key,)).fetchall()
        return [Attempt(_answer(row), datetime.fromisoformat(row["session_created"]),
                        json.loads(row["metrics"]) if row["metrics"] else None) for row in rows]
