"""The selected recording's transcript, inline on the interview page (its recordings tab): who said what, with the
times, read-only; the transcript window (Transcript…) is where it is played, corrected and reviewed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from core.library import Library
from core.ops import Changes
from core.recording.store import Recording
from core.timecodes import format_timecode
from core.transcription.model import Transcript
from gui.i18n import Retranslatable
from gui.tasks import TaskRunner


@dataclass(frozen=True)
class _Shown:
    recording_id: int
    transcript: Transcript | None
    names: dict[str, str]


def _read(library: Library, recording: Recording, language: str) -> _Shown:
    from core.ops.transcription import speaker_names

    transcript = library.transcripts.latest_for_recording(recording.id)
    names = speaker_names(library, recording, transcript.language or language) if transcript is not None else {}
    return _Shown(recording.id, transcript, names)


class TranscriptPreview(Retranslatable, QPlainTextEdit):
    def __init__(self, library: Library, tasks: TaskRunner, language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.tasks, self._language = library, tasks, language
        self.setReadOnly(True)
        self.setObjectName("transcriptPreview")
        self.recording: Recording | None = None
        self.shown: _Shown | None = None
        tasks.hub.changed.connect(self._on_changes)
        self.retranslate()

    def show_recording(self, recording: Recording | None) -> None:
        """Show ``recording``'s newest transcript (None: nothing selected)."""
        self.recording = recording
        if recording is None or (self.shown is not None and self.shown.recording_id != recording.id):
            self.shown = None
        self._render()
        if recording is not None:
            library, language = self.library, self._language()
            self.tasks.run(lambda: _read(library, recording, language), done=self._arrived)

    def _arrived(self, shown: _Shown) -> None:
        if self.recording is not None and self.recording.id == shown.recording_id:
            self.shown = shown
            self._render()

    def _on_changes(self, changes: Changes) -> None:
        if self.recording is not None and self.recording.id in changes.transcripts:
            self.show_recording(self.recording)

    def _render(self) -> None:
        shown = self.shown
        if self.recording is None:
            self.setPlainText("")
            self.setPlaceholderText(self.tr("Select a recording to read its transcript here."))
            return
        if shown is None or shown.transcript is None:
            self.setPlainText("")
            self.setPlaceholderText(self.tr("No transcript of this recording yet: Transcript… makes one."))
            return
        lines = []
        for segment in shown.transcript.segments:
            text = segment.display_text  # the user's corrections included
            who = shown.names.get(segment.speaker, segment.speaker) if segment.speaker else ""
            lines.append(f"{format_timecode(segment.start_ms)} " + (f"{who}: " if who else "") + text.strip())
        self.setPlainText("\n".join(lines))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Transcript of the selected recording"))
        self._render()
