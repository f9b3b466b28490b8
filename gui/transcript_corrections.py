"""The transcript window's corrections: a segment's text edited in the table, shown at once, then saved.

The window's :attr:`~gui.transcript_window.TranscriptWindow.transcript` is the
copy it shows, searches and exports, so a correction changes it (and the table)
before it is saved.  Saves run in the window's background tasks, one at a time
and always with the newest text asked for, so of quick corrections the last one
wins; if saving fails, the window says why and shows what the library holds.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from core.ops import Result
from core.ops import transcription as transcription_ops
from core.transcription.model import Segment, Transcript

if TYPE_CHECKING:
    from gui.transcript_window import TranscriptWindow


class TranscriptCorrections(QObject):
    """Follows the window's table (``SegmentModel.corrected``) and saves what the user typed."""

    def __init__(self, window: TranscriptWindow) -> None:
        super().__init__(window)
        self.window = window
        self._newest: dict[int, str | None] = {}  # segment id → the newest correction asked for
        self._saving = threading.Lock()  # saves one correction at a time, always the newest
        window.model.corrected.connect(self.correct)

    def correct(self, row: int, text: str | None) -> None:
        """Show ``text`` (None: Whisper's words again) in ``row`` now, and save it."""
        window = self.window
        segment = window.model.segment(row)
        if segment.id is None:
            return
        self.show_segment(row, replace(segment, corrected_text=text))
        corrections, saving, library, recording_id = self._newest, self._saving, window.library, window.recording.id
        corrections[segment.id] = text
        segment_id = segment.id

        def save() -> Result[tuple[str | None, Segment]]:
            # Saves run on several threads in any order: each saves the newest text, so the last one wins.
            with saving:
                newest = corrections[segment_id]
                saved = transcription_ops.correct_segment(library, recording_id, segment_id, newest)
                return Result((newest, saved.value), saved.changes)

        window.tasks.run_op(save, done=self._saved, failed=self._failed)

    def show_segment(self, row: int, segment: Segment) -> None:
        """Put ``segment`` in ``row`` of the table and of the window's transcript, the copy exports read."""
        window = self.window
        window.model.replace_segment(row, segment)
        if window.transcript is not None:
            segments = list(window.transcript.segments)
            segments[row] = segment
            window.transcript = replace(window.transcript, segments=tuple(segments))

    def _saved(self, result: tuple[str | None, Segment]) -> None:
        text, saved = result
        if saved.id is None or (saved.id in self._newest and self._newest[saved.id] != text):
            return  # a newer correction of the segment is on its way
        model = self.window.model
        rows = [row for row in range(model.rowCount()) if model.segment(row).id == saved.id]
        for row in rows:  # none when transcribed again meanwhile
            self.show_segment(row, saved)  # as stored (back to Whisper's text when the same)

    def _failed(self, error: Exception) -> None:
        """Show why, and what the library really holds."""
        window = self.window
        window.show_failure(error)
        shown = window.transcript
        if shown is None or shown.id is None:
            return
        shown_id = shown.id
        store = window.library.transcripts

        def show_stored(stored: Transcript) -> None:
            if window.transcript is not None and window.transcript.id == stored.id:
                window.transcript = stored
                window.model.set_segments(stored.segments)

        window.tasks.run(lambda: store.get(shown_id), done=show_stored, failed=window.show_failure)
