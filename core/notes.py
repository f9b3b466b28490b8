"""Notes beside each interview, with a history the user can restore from.

When recording is declined, notes written right after the interview are the
whole record, so they must never be lost: every save keeps a revision.
Typing is coalesced into one revision per few minutes (``REVISION_SPAN``); a
template insert or a restore always starts a new revision, and a restore
never overwrites anything (the text it replaces is the previous revision).
"""

from __future__ import annotations

import enum
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.storage.transaction import transaction

REVISION_SPAN = timedelta(minutes=5)


class SaveReason(enum.Enum):
    EDIT = "edit"  # the user typed
    TEMPLATE = "template"  # a template was inserted
    RESTORE = "restore"  # an older revision was brought back


@dataclass(frozen=True)
class NoteRevision:
    id: int
    interview_id: int
    body: str
    reason: SaveReason
    created_at: datetime
    saved_at: datetime


class RevisionNotFoundError(FurikaeriError):
    """The revision does not belong to this interview (or no longer exists)."""


def _revision(row: sqlite3.Row) -> NoteRevision:
    return NoteRevision(
        id=row["id"], interview_id=row["interview_id"], body=row["body"], reason=SaveReason(row["reason"]),
        created_at=datetime.fromisoformat(row["created_at"]), saved_at=datetime.fromisoformat(row["saved_at"]))


class NotesStore:
    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._conn = conn
        self._lock = lock

    def get(self, interview_id: int) -> str:
        with self._lock:
            row = self._conn.execute("SELECT body FROM notes WHERE interview_id = ?", (interview_id,)).fetchone()
        return row["body"] if row else ""

    def save(self, interview_id: int, body: str, reason: SaveReason = SaveReason.EDIT,
             now: datetime | None = None) -> bool:
        """Store ``body`` as the interview's notes; False when nothing changed.

        The notes and their revision are written in one transaction: a crash
        leaves either the old or the new text, never half of it.
        """
        now = now or utc_now()
        stamp = now.isoformat()
        with self._lock:
            current = self._conn.execute(
                "SELECT body FROM notes WHERE interview_id = ?", (interview_id,)).fetchone()
            if current is not None and current["body"] == body and reason is SaveReason.EDIT:
                return False
            with transaction(self._conn, self._lock):
                self._conn.execute(
                    "INSERT INTO notes (interview_id, body, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (interview_id) DO UPDATE SET body = excluded.body,"
                    " updated_at = excluded.updated_at",
                    (interview_id, body, stamp))
                self._keep_revision(interview_id, body, reason, now)
        return True

    def _keep_revision(self, interview_id: int, body: str, reason: SaveReason, now: datetime) -> None:
        latest = self._conn.execute(
            "SELECT id, reason, created_at FROM note_revisions WHERE interview_id = ? ORDER BY id DESC LIMIT 1",
            (interview_id,)).fetchone()
        coalesce = (
            latest is not None and reason is SaveReason.EDIT and latest["reason"] == SaveReason.EDIT.value
            and now - datetime.fromisoformat(latest["created_at"]) < REVISION_SPAN
        )
        if coalesce:
            self._conn.execute("UPDATE note_revisions SET body = ?, saved_at = ? WHERE id = ?",
                               (body, now.isoformat(), latest["id"]))
        else:
            self._conn.execute(
                "INSERT INTO note_revisions (interview_id, body, reason, created_at, saved_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (interview_id, body, reason.value, now.isoformat(), now.isoformat()))

    def erase(self, interview_id: int) -> None:
        """Delete the interview's notes and every revision of them (core.deletion, after the user confirmed)."""
        with self._lock:
            self._conn.execute("DELETE FROM note_revisions WHERE interview_id = ?", (interview_id,))
            self._conn.execute("DELETE FROM notes WHERE interview_id = ?", (interview_id,))

    def revisions(self, interview_id: int) -> list[NoteRevision]:
        """The interview's revisions, newest first; the first one is the current text."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM note_revisions WHERE interview_id = ? ORDER BY id DESC", (interview_id,)).fetchall()
        return [_revision(row) for row in rows]

    def restore(self, interview_id: int, revision_id: int) -> str:
        """Make an older revision the current text again (as a new revision); returns the text."""
        with self._lock:
            row = self._conn.execute(
                "SELECT body FROM note_revisions WHERE id = ? AND interview_id = ?",
                (revision_id, interview_id)).fetchone()
            if row is None:
                raise RevisionNotFoundError(Message("Notes", QT_TRANSLATE_NOOP(
                    "Notes", "That version of the notes no longer exists."), {}))
            body: str = row["body"]
            self.save(interview_id, body, SaveReason.RESTORE)
        return body

    def insert_template(self, interview_id: int, text: str, now: datetime | None = None) -> str:
        """Put ``text`` at the top of the notes, keeping what is there; returns the notes.

        Inserting the same text twice does nothing the second time.
        """
        with self._lock:
            body = self.get(interview_id)
            if text and text not in body:
                body = text + ("\n" + body if body else "")
                self.save(interview_id, body, SaveReason.TEMPLATE, now)
        return body
