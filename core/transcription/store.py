"""Transcripts, their segments and words in the library database (migration 0004).

A transcript belongs to a recording (deleted with it, and so with its
interview) or, with ``recording_id`` NULL, to a file outside the library.
Saving is one transaction with bulk inserts, so an hour of speech (thousands
of segments, tens of thousands of words) is stored at once and never in part.
What Whisper produced is never changed: a user's correction is kept beside it
(:meth:`TranscriptStore.correct_segment`).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from collections.abc import Iterable
from datetime import datetime

from core.interviews import utc_now
from core.recording.store import message_from_json, message_to_json
from core.storage.transaction import transaction
from core.transcription.model import Segment, SegmentFlag, Transcript, TranscriptionSettings, Word

LANGUAGES = ("ja", "en")  # what an interview can remember; None / "" = detect automatically
_SETTING_FIELDS = {f.name for f in dataclasses.fields(TranscriptionSettings)}
_FLAGS = {flag.value: flag for flag in SegmentFlag}
_RELABEL = "relabel:"  # a speaker id while speakers are renamed in a transcript


def _flags_text(flags: Iterable[SegmentFlag]) -> str:
    return ",".join(sorted(flag.value for flag in flags))


def _flags(text: str) -> frozenset[SegmentFlag]:
    return frozenset(_FLAGS[value] for value in text.split(",") if value in _FLAGS)


def _settings_json(settings: TranscriptionSettings) -> str:
    return json.dumps(dataclasses.asdict(settings), ensure_ascii=False, sort_keys=True)


def _settings(text: str) -> TranscriptionSettings:
    data = json.loads(text or "{}")
    return TranscriptionSettings(**{key: value for key, value in data.items() if key in _SETTING_FIELDS})


def _segment(row: sqlite3.Row, words: Iterable[sqlite3.Row]) -> Segment:
    speaker = row["speaker"]
    return Segment(start_ms=row["start_ms"], end_ms=row["end_ms"], text=row["text"],
                   avg_logprob=row["avg_logprob"], no_speech_prob=row["no_speech_prob"],
                   words=tuple(Word(w["start_ms"], w["end_ms"], w["text"], w["probability"], speaker) for w in words),
                   flags=_flags(row["flags"]), corrected_text=row["corrected_text"], id=row["id"], speaker=speaker,
                   origin=row["origin"])


class TranscriptStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    # -- writing --
    def save(self, transcript: Transcript) -> Transcript:
        """Store ``transcript`` as a new transcript (its ``id`` is ignored); returns it as stored, ids filled in."""
        created = transcript.created_at or utc_now()
        conn = self._conn
        with transaction(self._conn, self._lock):
            cursor = conn.execute(
                "INSERT INTO transcripts (recording_id, source, language, duration_ms, model, settings,"
                " created_at, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (transcript.recording_id, transcript.source, transcript.language or "",
                 max(0, int(transcript.duration_ms)), transcript.settings.model,
                 _settings_json(transcript.settings), created.isoformat(), message_to_json(transcript.problem)))
            transcript_id = cursor.lastrowid
            # Ids chosen here (the write lock is held) so that words can refer to them in one executemany.
            first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM segments").fetchone()[0]
            segment_ids = range(first, first + len(transcript.segments))
            conn.executemany(
                "INSERT INTO segments (id, transcript_id, idx, start_ms, end_ms, text, corrected_text,"
                " avg_logprob, no_speech_prob, flags, speaker, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(segment_id, transcript_id, idx, s.start_ms, s.end_ms, s.text, s.corrected_text,
                  float(s.avg_logprob), float(s.no_speech_prob), _flags_text(s.flags), s.speaker, s.origin)
                 for idx, (segment_id, s) in enumerate(zip(segment_ids, transcript.segments, strict=True))])
            conn.executemany(
                "INSERT INTO words (segment_id, start_ms, end_ms, text, probability) VALUES (?, ?, ?, ?, ?)",
                [(segment_id, w.start_ms, w.end_ms, w.text, float(w.probability))
                 for segment_id, s in zip(segment_ids, transcript.segments, strict=True) for w in s.words])
        segments = tuple(dataclasses.replace(s, id=segment_id)
                         for segment_id, s in zip(segment_ids, transcript.segments, strict=True))
        return dataclasses.replace(transcript, id=transcript_id, created_at=created, segments=segments)

    def correct_segment(self, segment_id: int, text: str | None) -> Segment:
        """Record the user's text for a segment (Whisper's stays); ``None`` (or Whisper's own text) reverts."""
        with self._lock:
            row = self._conn.execute("SELECT text FROM segments WHERE id = ?", (segment_id,)).fetchone()
            if row is None:
                raise KeyError(segment_id)
            corrected = None if text is None or text == row["text"] else text
            self._conn.execute("UPDATE segments SET corrected_text = ? WHERE id = ?", (corrected, segment_id))
            return self.segment(segment_id)

    def delete(self, transcript_id: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM transcripts WHERE id = ?", (transcript_id,))

    # -- reading --
    def segment(self, segment_id: int) -> Segment:
        with self._lock:
            row = self._conn.execute("SELECT * FROM segments WHERE id = ?", (segment_id,)).fetchone()
            if row is None:
                raise KeyError(segment_id)
            words = self._conn.execute("SELECT * FROM words WHERE segment_id = ? ORDER BY id",
                                       (segment_id,)).fetchall()
        return _segment(row, words)

    def get(self, transcript_id: int) -> Transcript:
        """The transcript with its segments and words; ``KeyError`` when there is none."""
        with self._lock:
            row = self._conn.execute("SELECT * FROM transcripts WHERE id = ?", (transcript_id,)).fetchone()
            if row is None:
                raise KeyError(transcript_id)
            segment_rows = self._conn.execute(
                "SELECT * FROM segments WHERE transcript_id = ? ORDER BY idx", (transcript_id,)).fetchall()
            word_rows = self._conn.execute(
                "SELECT w.* FROM words w JOIN segments s ON s.id = w.segment_id WHERE s.transcript_id = ?"
                " ORDER BY w.id", (transcript_id,)).fetchall()
        words: dict[int, list[sqlite3.Row]] = {}
        for w in word_rows:
            words.setdefault(w["segment_id"], []).append(w)
        segments = tuple(_segment(s, words.get(s["id"], ())) for s in segment_rows)
        return Transcript(source=row["source"], language=row["language"], duration_ms=row["duration_ms"],
                          settings=_settings(row["settings"]), segments=segments, recording_id=row["recording_id"],
                          created_at=datetime.fromisoformat(row["created_at"]),
                          problem=message_from_json(row["problem"]), id=row["id"])

    def _ids_for_recording(self, recording_id: int) -> list[int]:
        with self._lock:
            rows = self._conn.execute("SELECT id FROM transcripts WHERE recording_id = ? ORDER BY created_at, id",
                                      (recording_id,)).fetchall()
        return [row["id"] for row in rows]

    def for_recording(self, recording_id: int) -> list[Transcript]:
        """Every transcript of a recording, oldest first."""
        return [self.get(transcript_id) for transcript_id in self._ids_for_recording(recording_id)]

    def latest_for_recording(self, recording_id: int) -> Transcript | None:
        ids = self._ids_for_recording(recording_id)
        return self.get(ids[-1]) if ids else None

    def count_for_recording(self, recording_id: int) -> int:
        """How many transcripts the recording has (cheap: nothing else is read)."""
        return len(self._ids_for_recording(recording_id))

    def latest_id_for_recording(self, recording_id: int) -> int | None:
        """The id of the recording's newest transcript (cheap: nothing else is read)."""
        ids = self._ids_for_recording(recording_id)
        return ids[-1] if ids else None

    # -- who spoke --
    def relabel_speakers(self, transcript_id: int, relabel: dict[str, str]) -> None:
        """Rename speaker ids in one transcript (e.g. ``{"S2": "me", "S1": "interviewer"}``), all at once."""
        with transaction(self._conn, self._lock):
            for old, new in relabel.items():  # through a temporary id: S1->S2 and S2->S1 may come together
                self._conn.execute("UPDATE segments SET speaker = ? WHERE transcript_id = ? AND speaker = ?",
                                   (_RELABEL + new, transcript_id, old))
            self._conn.execute("UPDATE segments SET speaker = substr(speaker, ?) WHERE transcript_id = ?"
                               " AND substr(speaker, 1, ?) = ?",
                               (len(_RELABEL) + 1, transcript_id, len(_RELABEL), _RELABEL))

    def speaker_names(self, recording_id: int) -> dict[str, str]:
        """The names the user gave this recording's speakers (speaker id -> name); empty when none."""
        with self._lock:
            rows = self._conn.execute("SELECT speaker, name FROM speaker_names WHERE recording_id = ?",
                                      (recording_id,)).fetchall()
        return {row["speaker"]: row["name"] for row in rows}

    def name_speaker(self, recording_id: int, speaker: str, name: str | None) -> None:
        """Call ``speaker`` ``name`` in this recording's transcripts; ``None`` or blank: back to the default."""
        name = (name or "").strip()
        with transaction(self._conn, self._lock):
            if name:
                self._conn.execute(
                    "INSERT INTO speaker_names (recording_id, speaker, name) VALUES (?, ?, ?)"
                    " ON CONFLICT (recording_id, speaker) DO UPDATE SET name = excluded.name",
                    (recording_id, speaker, name))
            else:
                self._conn.execute("DELETE FROM speaker_names WHERE recording_id = ? AND speaker = ?",
                                   (recording_id, speaker))

    # -- each interview's language --
    def remembered_language(self, interview_id: int) -> str | None:
        """``"ja"``/``"en"``, ``""`` for "detect automatically", ``None`` when nothing was chosen yet."""
        with self._lock:
            row = self._conn.execute("SELECT language FROM transcription_languages WHERE interview_id = ?",
                                     (interview_id,)).fetchone()
        return None if row is None else row["language"]

    def remember_language(self, interview_id: int, language: str | None) -> None:
        """Remember the language chosen for an interview's transcripts; ``None`` (or ``""``) = automatic."""
        value = language or ""
        if value and value not in LANGUAGES:
            raise ValueError(f"unsupported transcription language {language!r}; expected one of {LANGUAGES} or None")
        with self._lock:
            self._conn.execute(
                "INSERT INTO transcription_languages (interview_id, language) VALUES (?, ?)"
                " ON CONFLICT (interview_id) DO UPDATE SET language = excluded.language", (interview_id, value))
