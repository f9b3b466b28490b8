"""“Add to question bank” on the notes of an interview: a question you were asked, kept for practice.

Installed from outside the notes editor (``AddToBank(editor, ...)``): the
selected text, or the line under the cursor, becomes a question of your own
that remembers the interview it came from (:func:`core.ops.questions.add_question`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from core.library import Library
from core.ops import questions as bank_ops
from core.practice.bank import clean_noted_text
from gui.practice.question_dialog import QuestionDialog
from gui.tasks import TaskRunner


def noted_text(editor: QPlainTextEdit) -> str:
    """The selection, or else the whole line the cursor is on."""
    cursor = editor.textCursor()
    text = cursor.selectedText().replace("\u2029", " ").strip()
    return text or cursor.block().text().strip()


class AddToBank(QObject):
    """Puts the action into the notes editor's context menu and saves the question."""

    added = Signal(object)  # the new Question
    failed = Signal(object)

    def __init__(self, editor: QPlainTextEdit, interview_id: Callable[[], int | None], library: Library,
                 tasks: TaskRunner, language: Callable[[], str]):
        super().__init__(editor)
        self.editor = editor
        self._interview_id = interview_id
        self.library = library
        self.tasks = tasks
        self._language = language
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show_menu)

    def menu(self) -> QMenu:
        menu = self.editor.createStandardContextMenu()
        menu.addSeparator()
        action = QAction(self.tr("Add to question bank…"), menu)
        action.setEnabled(self._interview_id() is not None and bool(noted_text(self.editor)))
        action.triggered.connect(lambda: self.add())
        menu.addAction(action)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.editor.mapToGlobal(position))

    def add(self, edit: Callable[[QuestionDialog], bool] | None = None) -> None:
        """Ask for the details (text prefilled), then save; ``edit`` replaces ``exec()`` in tests."""
        interview_id = self._interview_id()
        text = clean_noted_text(noted_text(self.editor))
        if interview_id is None or not text:
            return
        dialog = QuestionDialog(self._language(), self.editor.window(), text=text)
        accepted = edit(dialog) if edit else dialog.exec() == QuestionDialog.DialogCode.Accepted
        texts = {lang: value for lang, value in dialog.texts().items() if value.strip()}
        values = (dialog.category.currentData(), dialog.target.value(), dialog.tip.text(), dialog.star.isChecked())
        tags = tuple(dialog.tag_list())
        dialog.deleteLater()  # on the UI thread, not whenever Python's collector runs
        if not accepted:
            return
        library = self.library
        self.tasks.run_op(lambda: bank_ops.add_question(library, texts, *values, source_interview_id=interview_id,
                                                        tags=tags),
                          done=self.added.emit, failed=self.failed.emit)
