"""Importing an audio file into the selected interview: the file is checked first (no question about permission
for a file that is not audio), then the import dialog asks whose permission it rests on, then it is copied in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from core.interviews import Interview
from core.ops import interviews as interview_ops

if TYPE_CHECKING:
    from core.recording.importer import Checked
    from gui.main_window import MainWindow


class ImportFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import audio"), "",
                                              self.tr("Audio (*.wav *.flac *.mp3 *.m4a *.ogg *.webm)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        from core.recording.importer import check

        window = self.window
        interview = window.pane.interview
        if interview is None:
            return
        window.tasks.run(lambda: check(Path(path)), done=lambda checked: self._checked(path, interview, checked),
                         failed=window.show_error)

    def _checked(self, path: str, interview: Interview, checked: Checked) -> None:
        from gui.import_dialog import ImportDialog

        window = self.window
        if window.pane.interview is None or window.pane.interview.id != interview.id:
            return  # another interview was opened meanwhile
        dialog = ImportDialog(Path(path).name, window)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        consent = dialog.consent(interview.stored_id)
        library = window.library
        window.tasks.run_op(lambda: interview_ops.import_recording(library, Path(path), consent, checked),
                            done=lambda recording: window.pane.recorder.select_recording(recording.id),
                            failed=window.show_error)
