"""The library facade: one object that owns the database and its sub-stores.

Usable from a script::

    from core.library import Library
    with Library.open() as lib:
        for interview in lib.interviews.all():
            print(interview.company)

The connection may be used from a background thread; every store serialises
its access through the library's lock.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import paths
from core.consent import ConsentStore
from core.interviews import InterviewStore
from core.note_templates import TemplateStore
from core.notes import NotesStore
from core.practice.bank import QuestionBank
from core.practice.store import PracticeStore
from core.recording.files import side_files
from core.recording.store import RecordingStore
from core.storage import db
from core.storage.transaction import transaction
from core.tracker.events import EventLog
from core.tracker.followups import FollowUpStore
from core.tracker.tracker import Tracker

if TYPE_CHECKING:
    from core.search import SearchIndex
    from core.transcription.store import TranscriptStore


class Library:
    transcripts: TranscriptStore  # these two are made on first use (__getattr__): showing the library needs
    search: SearchIndex  # neither, and their modules take a while to load (the app's start-up)

    def __init__(self, path: Path | None = None) -> None:
        self._conn = db.connect(path)
        self.path = Path(self._conn.execute("PRAGMA database_list").fetchone()["file"])
        self._lock = threading.RLock()
        self.interviews = InterviewStore(self._conn, self._lock)
        self.consent = ConsentStore(self._conn, self._lock, self.path)
        self.recordings = RecordingStore(self._conn, self._lock)
        self.notes = NotesStore(self._conn, self._lock)
        self.templates = TemplateStore(self._conn, self._lock)
        self.events = EventLog(self._conn, self._lock)
        self.followups = FollowUpStore(self._conn, self._lock, self.events)
        self.tracker = Tracker(self, self._conn, self._lock)
        self.questions = QuestionBank(self._conn, self._lock)
        self.practice = PracticeStore(self._conn, self._lock)

    def __getattr__(self, name: str) -> Any:
        if name == "transcripts":
            from core.transcription.store import TranscriptStore

            store: object = TranscriptStore(self._conn, self._lock)
        elif name == "search":
            from core.search import SearchIndex

            store = SearchIndex(self._conn, self._lock)
        else:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with self._lock:  # one store, whichever thread asks first
            return self.__dict__.setdefault(name, store)

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        return cls(path)

    def delete_interview(self, interview_id: int) -> bool:
        """Delete an interview with everything that belongs to it.

        Its notes, consent records, recordings and their files go with it, and
        no trace of them stays in the database's files (:meth:`erase_deleted`,
        whose answer this returns).
        """
        recordings = self.recordings.for_interview(interview_id)
        self.interviews.delete(interview_id)  # the database cascades to its rows
        self.consent.forget_interview(interview_id)  # and its consent records leave the ledger
        for recording in recordings:
            audio = recording.path
            # The audio and everything kept beside it: sidecar, waveform cache, lock.
            for path in (audio, *side_files(audio)):
                path.unlink(missing_ok=True)
        folder = paths.recordings_dir() / str(interview_id)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        return self.erase_deleted()

    def erase_deleted(self) -> bool:
        """After a deletion: leave no trace of what was deleted in the database's files.

        Rows are overwritten as they go (``PRAGMA secure_delete``, set on every
        connection). The search index keeps deleted text in old index segments
        until they are merged, so it is synced and merged into one here; then
        the write-ahead log is folded into the database and truncated. Returns
        False when the log could not be emptied (another program reading the
        library at that moment): it is then emptied at the next deletion or
        when the last connection closes.
        """
        with self._lock:
            self.search.sync()
            with transaction(self._conn, self._lock):
                self._conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
            if self._conn.in_transaction:  # called inside a larger operation: the log is emptied at the next one
                return False
            busy, _, _ = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing across stores: ``with library.transaction(): ...`` (nests as savepoints)."""
        return transaction(self._conn, self._lock)

    def quick_check(self) -> list[str]:
        """SQLite's ``PRAGMA quick_check`` (read-only): ``["ok"]``, or the first problems found."""
        with self._lock:
            return [str(row[0]) for row in self._conn.execute("PRAGMA quick_check(3)").fetchall()]

    def schema_version(self) -> int:
        with self._lock:
            version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
            return version

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
