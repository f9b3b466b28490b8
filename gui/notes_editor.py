"""Notes beside the selected interview, saved in the background as you type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.library import Library
from gui.tasks import TaskRunner
from gui.i18n import Retranslatable

AUTOSAVE_DELAY_MS = 1500


class NotesEditor(Retranslatable, QWidget):
    saved = Signal(int)  # interview id

    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.interview_id: int | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setObjectName("notesTitle")
        self.banner = QLabel()
        self.banner.setObjectName("notesBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.editor = QPlainTextEdit()
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self._changed)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.editor, 1)
        self.setStyleSheet("#notesTitle { font-weight: 600; }"
                           "#notesBanner { background: #fff3cd; border: 1px solid #f0c36d; padding: 4px; }")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Notes"))
        self.editor.setPlaceholderText(self.tr(
            "What were you asked, what did you answer, what will you do differently?"))
        self.banner.setText(self.tr(
            "Permission to record was declined. Write down what you remember now, while it is fresh: "
            "these notes are your record of the interview."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save_now()
        return super().eventFilter(watched, event)

    def load(self, interview_id: int | None) -> None:
        self.save_now()
        self.interview_id = interview_id
        self.banner.hide()
        self.setEnabled(interview_id is not None)
        self._show("")
        if interview_id is not None:
            self.tasks.run(lambda: self.library.notes.get(interview_id),
                           done=lambda body: self._loaded(interview_id, body))

    def open_with_template(self, interview_id: int, declined_at: str, language: str) -> None:
        """After a declined request: the recall template, focused, with a prompt to write now."""
        self.save_now()
        self.interview_id = interview_id
        self.setEnabled(True)

        def done(body: str) -> None:
            self._loaded(interview_id, body)
            self.banner.show()
            self.editor.setFocus()

        self.tasks.run(lambda: self.library.notes.start_with_template(interview_id, language, declined_at), done=done)

    def _loaded(self, interview_id: int, body: str) -> None:
        if interview_id == self.interview_id:
            self._show(body)
            self.reveal_line(None)  # a line asked for while the notes were loading

    def _show(self, body: str) -> None:
        self._loading = True
        self.editor.setPlainText(body)
        self._loading = False
        self._autosave.stop()

    def _changed(self) -> None:
        if not self._loading and self.interview_id is not None:
            self._autosave.start()

    def save_now(self) -> None:
        if not self._autosave.isActive() or self.interview_id is None:
            return
        self._autosave.stop()
        interview_id, body = self.interview_id, self.editor.toPlainText()
        self.tasks.run(lambda: self.library.notes.save(interview_id, body), done=lambda _: self.saved.emit(interview_id))

    def reveal_line(self, line: int | None) -> None:
        """Put the cursor at the start of ``line`` (0-based), scroll it into view and focus the notes.

        Asked while the interview's notes are still loading (the editor is empty then), the line is
        revealed again when they arrive: ``_loaded`` calls this with ``None``.
        """
        from PySide6.QtGui import QTextCursor

        if line is None:
            pending, self._pending_line = getattr(self, "_pending_line", None), None
            if pending is None or pending[0] != self.interview_id:
                return
            line = pending[1]
        elif not self.editor.toPlainText():
            self._pending_line = (self.interview_id, line)
        document = self.editor.document()
        block = document.findBlockByNumber(max(0, min(line, document.blockCount() - 1)))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()
        self.editor.setFocus()
