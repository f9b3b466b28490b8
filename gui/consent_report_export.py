"""The recordings tab's *Consent report…*: the button, the save dialog, and the writing (in the background) of the
page :mod:`core.consent.report` makes (the same as ``main.py consent-report``), in the interface's language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from core.consent import report as consent_report
from core.messages import FurikaeriError
from core.settings import Settings
from gui.export_folder import export_folder, remember_folder
from gui.i18n import render

if TYPE_CHECKING:
    from core.recording.store import Recording
    from gui.recordings_page import RecordingsPage

STATUS_MS = 15000


class ConsentReportExport(QObject):
    """The button (placed by the recordings page) and what it does for the page's selected recording."""

    def __init__(self, panel: RecordingsPage) -> None:
        super().__init__(panel)
        self.panel = panel
        self.button = QPushButton()
        self.button.setObjectName("consentReportButton")
        self.button.clicked.connect(lambda: self.choose())
        self.refresh()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Consent report…"))
        self.button.setToolTip(self.tr("A one-page report of the permission this recording was made under "
                                       "(Markdown or HTML)"))

    def refresh(self) -> None:
        """Enabled for a selected, finished recording."""
        self.button.setEnabled(self.panel.selected_recording() is not None)

    @property
    def settings(self) -> Settings:
        settings = getattr(self.panel.window(), "settings", None)
        return settings if isinstance(settings, Settings) else Settings()

    def filters(self) -> dict[str, str]:
        """The file dialog's filters, each with its format."""
        return {self.tr("Web page (*.html)"): "html", self.tr("Markdown (*.md)"): "md"}

    def suggested_name(self, recording: Recording) -> str:
        interview = self.panel.interview
        return consent_report.suggested_name(interview.company if interview else "", recording.started_at, "html")

    def choose(self) -> None:
        """Ask where to write the report (the last export's folder, ``consent-<company>-<day>.html``), then write."""
        from PySide6.QtWidgets import QFileDialog

        recording = self.panel.selected_recording()
        if recording is None:
            return
        settings, filters = self.settings, self.filters()
        path, chosen = QFileDialog.getSaveFileName(
            self.panel.window(), self.tr("Save consent report"),
            str(Path(export_folder(settings)) / self.suggested_name(recording)), ";;".join(filters),
            next(iter(filters)))
        if not path:
            return
        path, fmt = consent_report.report_target(path, filters.get(chosen, "html"))
        remember_folder(settings, path)
        self.write(recording, path, fmt)

    def write(self, recording: Recording, path: str, fmt: str) -> None:
        """Build and write the report in the background; say where it went (or why not)."""
        from core.paths import data_dir, database_files
        from gui.i18n import current_language, translate

        library, language = self.panel.library, current_language()

        def work() -> str:
            report = consent_report.build_report(library, recording.id)
            consent_report.write_report(report, path, fmt, translate=translate, language=language,
                                        inputs=database_files(library.path), protected=(data_dir(create=False),))
            return path

        self.panel.tasks.run(work, done=self._written, failed=self._failed)

    def _written(self, path: str) -> None:
        window = self.panel.window()
        text = self.tr("Consent report written to {path}").format(path=path)
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)

    def _failed(self, error: Exception) -> None:
        show_error = getattr(self.panel.window(), "show_error", None)
        if callable(show_error):
            show_error(error)
            return
        text = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        QMessageBox.warning(self.panel.window(), self.tr("Consent report"), text)
