"""Recordings and their markers in the library database."""

from __future__ import annotations

import enum
import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core import paths
from core.consent import ConsentRecord, ConsentRequired
from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message


class RecordingState(enum.Enum):
    RECORDING = "recording"  # in progress, or its process died (then recovered at next start)
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"  # stopped by a failure; everything captured is kept
    RECOVERED = "recovered"  # found unfinished after a crash and repaired


# The marker at the start of the consent clip (the interviewer's permission asked and given, recorded): a name the
# app reads, shown to people in their language (core.export).
CONSENT_CLIP_LABEL = "consent"


@dataclass(frozen=True)
class Marker:
    at_ms: int
    label: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Recording:
    id: int
    interview_id: int
    consent_id: int
    consent_hash: str
    file: str  # relative to the recordings folder
    samplerate: int
    channels: int
    started_at: datetime
    ended_at: datetime | None
    duration_ms: int
    state: RecordingState
    problem: Message | None
    dropped_frames: int
    consent_clip_ms: int
    source_name: str = ""  # an imported recording's original file name ('' for one made in the app)
    keep: bool = False  # never deleted automatically (core.retention)
    retention_notice_at: datetime | None = None  # when its automatic deletion was first announced
    audio_deleted_at: datetime | None = None  # its audio files were deleted (transcripts and metrics kept)

    @property
    def has_audio(self) -> bool:
        """False once its audio was deleted on its own (core.deletion.delete_audio)."""
        return self.audio_deleted_at is None

    @property
    def path(self) -> Path:
        return paths.recordings_dir() / self.file


class AudioDeletedError(FurikaeriError):
    """The recording's audio was deleted on its own (retention of practice audio): it cannot be transcribed or
    played again; its transcripts stay."""


def require_audio(recording: Recording) -> None:
    """Raise :class:`AudioDeletedError` when the recording's audio was deleted."""
    if not recording.has_audio:
        raise AudioDeletedError(Message("Recording", QT_TRANSLATE_NOOP(
            "Recording", "The audio of recording {id} was deleted under your retention settings; its transcript "
                         "is kept, but it cannot be transcribed or played again."), {"id": recording.id}))


def message_to_json(message: Message | None) -> str:
    if message is None:
        return ""
    return json.dumps({"context": message.context, "text": message.text, "params": message.params},
                      ensure_ascii=False, default=str)


def message_from_json(text: str) -> Message | None:
    if not text:
        return None
    data = json.loads(text)
    return Message(data["context"], data["text"], data.get("params", {}))


def _from_row(row: sqlite3.Row) -> Recording:
    return Recording(
        id=row["id"], interview_id=row["interview_id"], consent_id=row["consent_id"],
        consent_hash=row["consent_hash"], file=row["file"], samplerate=row["samplerate"],
        channels=row["channels"], started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
        duration_ms=row["duration_ms"], state=RecordingState(row["state"]),
        problem=message_from_json(row["problem"]), dropped_frames=row["dropped_frames"],
        consent_clip_ms=row["consent_clip_ms"],
        source_name=row["source_name"], keep=bool(row["keep"]),
        retention_notice_at=(datetime.fromisoformat(row["retention_notice_at"]) if row["retention_notice_at"]
                             else None),
        audio_deleted_at=datetime.fromisoformat(row["audio_deleted_at"]) if row["audio_deleted_at"] else None,
    )


class RecordingStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def begin(self, consent: ConsentRecord, file: str, samplerate: int, channels: int,
              consent_clip_ms: int = 0, started_at: datetime | None = None, source_name: str = "") -> Recording:
        """Register a recording under ``consent``, which must be saved, unchanged, in this library
        (``source_name``: an imported file's original name)."""
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO recordings (interview_id, consent_id, consent_hash, file, samplerate, channels,"
                " started_at, state, consent_clip_ms, source_name) SELECT ?, ?, ?, ?, ?, ?, ?, 'recording', ?, ?"
                " WHERE EXISTS (SELECT 1 FROM consent_records WHERE id = ? AND hash = ? AND interview_id = ?)",
                (consent.interview_id, consent.id, consent.hash, file, samplerate, channels,
                 (started_at or utc_now()).isoformat(), consent_clip_ms, source_name, consent.id, consent.hash,
                 consent.interview_id))
            if cursor.rowcount == 0:
                raise ConsentRequired(Message("Consent", QT_TRANSLATE_NOOP(
                    "Consent", "This recording's consent record is not in the library, so it was not added."),
                    {}))
        assert cursor.lastrowid is not None  # set by the INSERT, which inserted one row (rowcount checked above)
        return self.get(cursor.lastrowid)

    def finish(self, recording_id: int, state: RecordingState, duration_ms: int, dropped_frames: int = 0,
               problem: Message | None = None, samplerate: int | None = None,
               ended_at: datetime | None = None) -> Recording:
        """Record how the recording ended (and the rate really recorded at, when given)."""
        with self._lock:
            self._conn.execute(
                "UPDATE recordings SET state = ?, ended_at = ?, duration_ms = ?, dropped_frames = ?, problem = ?,"
                " samplerate = coalesce(?, samplerate) WHERE id = ?",
                (state.value, (ended_at or utc_now()).isoformat(), duration_ms, dropped_frames,
                 message_to_json(problem), samplerate, recording_id))
        return self.get(recording_id)

    def set_consent_clip(self, recording_id: int, consent_clip_ms: int) -> None:
        with self._lock:
            self._conn.execute("UPDATE recordings SET consent_clip_ms = ? WHERE id = ?",
                               (consent_clip_ms, recording_id))

    def set_keep(self, recording_id: int, keep: bool) -> None:
        """Mark the recording to keep (never deleted automatically) or not; ``KeyError`` when it does not exist."""
        with self._lock:
            cursor = self._conn.execute("UPDATE recordings SET keep = ? WHERE id = ?", (int(keep), recording_id))
        if cursor.rowcount == 0:
            raise KeyError(recording_id)

    def announce_retention(self, recording_ids: list[int], at: datetime) -> list[int]:
        """Record that the automatic deletion of these recordings was announced at ``at`` (only the first
        announcement counts); returns the ids announced now for the first time."""
        first: list[int] = []
        with self._lock:
            for recording_id in recording_ids:
                cursor = self._conn.execute(
                    "UPDATE recordings SET retention_notice_at = ? WHERE id = ? AND retention_notice_at IS NULL",
                    (at.isoformat(), recording_id))
                if cursor.rowcount:
                    first.append(recording_id)
        return first

    def mark_audio_deleted(self, recording_id: int, at: datetime) -> None:
        """The recording's audio files are gone; its row, transcripts and metrics stay."""
        with self._lock:
            self._conn.execute("UPDATE recordings SET audio_deleted_at = ? WHERE id = ?",
                               (at.isoformat(), recording_id))

    def delete(self, recording_id: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))

    def add_marker(self, recording_id: int, marker: Marker) -> Marker:
        with self._lock:
            cursor = self._conn.execute("INSERT INTO markers (recording_id, at_ms, label) VALUES (?, ?, ?)",
                                        (recording_id, marker.at_ms, marker.label))
        return Marker(marker.at_ms, marker.label, cursor.lastrowid)

    def markers(self, recording_id: int) -> list[Marker]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM markers WHERE recording_id = ? ORDER BY at_ms, id",
                                      (recording_id,)).fetchall()
        return [Marker(row["at_ms"], row["label"], row["id"]) for row in rows]

    def get(self, recording_id: int) -> Recording:
        with self._lock:
            row = self._conn.execute("SELECT * FROM recordings WHERE id = ?", (recording_id,)).fetchone()
        if row is None:
            raise KeyError(recording_id)
        return _from_row(row)

    def for_interview(self, interview_id: int) -> list[Recording]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM recordings WHERE interview_id = ? ORDER BY started_at, id",
                                      (interview_id,)).fetchall()
        return [_from_row(row) for row in rows]

    def all(self) -> list[Recording]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM recordings ORDER BY id").fetchall()
        return [_from_row(row) for row in rows]

    def files(self, with_audio: bool = False) -> set[str]:
        """Every recording's file, relative to the recordings folder (``with_audio``: only those whose audio was
        not deleted on its own)."""
        where = " WHERE audio_deleted_at IS NULL" if with_audio else ""
        with self._lock:
            return {row["file"] for row in self._conn.execute("SELECT file FROM recordings" + where).fetchall()}

    def unfinished(self) -> list[Recording]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM recordings WHERE state = 'recording' ORDER BY id").fetchall()
        return [_from_row(row) for row in rows]

    def count_for_interview(self, interview_id: int) -> int:
        with self._lock:
            count: int = self._conn.execute("SELECT count(*) FROM recordings WHERE interview_id = ?",
                                            (interview_id,)).fetchone()[0]
        return count
