"""Library → Export to calendar…: the interviews and the open follow-ups as an iCalendar (.ics) file that any
calendar app imports (the same file as ``main.py calendar -o``), written in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gui.export_folder import export_folder, remember_folder

if TYPE_CHECKING:
    from gui.main_window import MainWindow

FILE_NAME = "furikaeri.ics"


class CalendarExport(QObject):
    """The menu action and what it does."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.triggered.connect(lambda: self.choose())

    def retranslate(self) -> None:
        self.action.setText(self.tr("Export to &calendar…"))
        self.action.setToolTip(self.tr("Interviews and open follow-ups as a file your calendar app imports (.ics)"))

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        settings = self.window.settings
        path, _chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export to calendar"),
                                                    str(Path(export_folder(settings)) / FILE_NAME),
                                                    self.tr("iCalendar (*.ics)"))
        if not path:
            return
        if Path(path).suffix.lower() != ".ics":
            path += ".ics"
        remember_folder(settings, path)
        self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the calendar (every interview with a date, every open follow-up) in the background."""
        from core.paths import data_dir, database_files
        from core.tracker import ics
        from gui.i18n import current_language, translate

        library, language = self.window.library, current_language()

        def write() -> tuple[int, int]:
            return ics.write_calendar(library, path, translate=translate, language=language,
                                      inputs=database_files(library.path), protected=(data_dir(create=False),))

        def written(counts: tuple[int, int]) -> None:
            self.window.statusBar().showMessage(self.tr(
                "{interviews} interview(s) and {tasks} follow-up(s) written to {path}").format(
                interviews=counts[0], tasks=counts[1], path=path), 15000)

        self.window.tasks.run(write, done=written, failed=self.window.show_error)
