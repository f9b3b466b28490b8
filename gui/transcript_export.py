"""Exporting the transcript a :class:`~gui.transcript_window.TranscriptWindow` shows: the button, the file
dialog, and the writing (in the background, of the transcript as shown, corrections included)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from core.export import export_target, suggested_name
from core.ops import transcription as transcription_ops
from core.recording.files import sidecar_path
from core.settings import EXPORT_FORMAT
from gui.export_folder import export_folder, remember_folder

if TYPE_CHECKING:
    from gui.transcript_window import TranscriptWindow


class TranscriptExport(QObject):
    """The window's Export… button and what it does."""

    def __init__(self, window: TranscriptWindow) -> None:
        super().__init__(window)
        self.window = window
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.choose())

    def retranslate(self) -> None:
        self.button.setText(self.tr("Export…"))
        self.button.setEnabled(self.window.transcript is not None)

    def choose(self) -> None:
        """Ask where to export (in the folder of the last export, a name made of the company and the day, the last
        export's format chosen) and export there."""
        from PySide6.QtWidgets import QFileDialog

        window, settings = self.window, self.window.settings
        filters = self.filters()
        fmt = settings.get(EXPORT_FORMAT)
        name = suggested_name(window.company, window.recording.started_at, fmt)
        label = next(text for text, value in filters.items() if value == fmt)
        path, chosen = QFileDialog.getSaveFileName(window, self.tr("Export transcript"),
                                                   str(Path(self.folder()) / name), ";;".join(filters), label)
        if not path:
            return
        path, fmt = export_target(path, filters.get(chosen, fmt))
        remember_folder(settings, path)
        settings.set(EXPORT_FORMAT, fmt)
        self.export_to(path, fmt)

    def filters(self) -> dict[str, str]:
        """The file dialog's filters, each with its format."""
        return {self.tr("Text (*.txt)"): "txt", self.tr("Subtitles (*.srt)"): "srt",
                self.tr("WebVTT subtitles (*.vtt)"): "vtt", self.tr("Markdown with notes (*.md)"): "md",
                self.tr("JSON, everything (*.json)"): "json"}

    def folder(self) -> str:
        return export_folder(self.window.settings)

    def export_to(self, path: str, fmt: str) -> None:
        """Write the transcript (with notes and markers where the format holds them) in the background.

        What is written is the window's :attr:`~gui.transcript_window.TranscriptWindow.transcript` as shown,
        corrections included.
        """
        from core.export import export_transcript
        from core.paths import data_dir, database_files
        from core.settings import EXPORT_NOTICE
        from gui.i18n import translate

        window = self.window
        transcript, recording, library = window.transcript, window.recording, window.library
        if transcript is None:
            return
        language = window.content_language()
        notice = window.settings.get(EXPORT_NOTICE)

        def write() -> str:
            interview = library.interviews.get(recording.interview_id)
            title = " — ".join(part for part in (interview.company, interview.position) if part)
            audio = recording.path
            export_transcript(transcript, fmt, path, title=title, notes=library.notes.get(interview.stored_id),
                              language=language, privacy_notice=notice,
                              markers=library.recordings.markers(recording.id), translate=translate,
                              speaker_names=transcription_ops.speaker_names(library, recording, language),
                              inputs=(audio, sidecar_path(audio), *database_files(library.path)),
                              protected=(data_dir(create=False),))
            return path

        window.tasks.run(write, done=lambda written: window.set_status(
            lambda: self.tr("Exported to {path}").format(path=written)), failed=window.show_failure)
