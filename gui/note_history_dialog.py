"""Earlier versions of an interview's notes; pick one to restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.notes import NoteRevision, SaveReason
from gui.dates import format_moment
from gui.i18n import Retranslatable


class NoteHistoryDialog(Retranslatable, QDialog):
    def __init__(self, revisions: list[NoteRevision], parent: QWidget | None = None):
        super().__init__(parent)
        self.revisions = revisions
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.retranslate()
        self.list.setCurrentRow(1 if len(revisions) > 1 else 0)

    def _reason(self, revision: NoteRevision, index: int) -> str:
        if index == 0:
            return self.tr("current")
        return {SaveReason.EDIT: self.tr("edited"), SaveReason.TEMPLATE: self.tr("template inserted"),
                SaveReason.RESTORE: self.tr("restored")}[revision.reason]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Notes history"))
        self.intro.setText(self.tr(
            "Every few minutes of writing is kept as a version. Restoring one keeps the current text as a version "
            "too, so nothing is lost.") if self.revisions else self.tr("These notes have no earlier versions yet."))
        self.restore_button.setText(self.tr("Restore this version"))
        current = self.list.currentRow()
        self.list.clear()
        for index, revision in enumerate(self.revisions):
            first = next((line.strip("# ").strip() for line in revision.body.splitlines() if line.strip()), "")
            label = self.tr("{time} · {reason} · {count} characters").format(
                time=format_moment(revision.saved_at), reason=self._reason(revision, index),
                count=len(revision.body))
            item = QListWidgetItem(label + (f"\n{first[:60]}" if first else ""))
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        valid = 0 <= row < len(self.revisions)
        self.text.setPlainText(self.revisions[row].body if valid else "")
        self.restore_button.setEnabled(valid and row > 0)

    def chosen(self) -> int | None:
        row = self.list.currentRow()
        return self.revisions[row].id if 0 < row < len(self.revisions) else None
