"""Importing an audio file: was it recorded with permission?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.interviews import utc_now
from gui.i18n import Retranslatable
from gui.labels import fill_interviewer_methods


class ImportDialog(Retranslatable, QDialog):
    def __init__(self, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_name = file_name
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.agreed = QRadioButton()
        self.practice = QRadioButton()
        self.refused = QRadioButton()
        self._choices = QButtonGroup(self)
        for button in (self.agreed, self.practice, self.refused):
            self._choices.addButton(button)
            button.toggled.connect(self._update)
        self.who = QLineEdit()
        self.who.textChanged.connect(self._update)
        self.method = QComboBox()
        self.form = QFormLayout()
        self._labels = [QLabel(), QLabel()]
        self.form.addRow(self._labels[0], self.who)
        self.form.addRow(self._labels[1], self.method)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.agreed)
        layout.addLayout(self.form)
        layout.addWidget(self.practice)
        layout.addWidget(self.refused)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import audio"))
        self.question.setText(self.tr("Was {name} recorded with permission?").format(name=self.file_name))
        self.agreed.setText(self.tr("Yes: the interviewer agreed to be recorded"))
        self.practice.setText(self.tr("It is my own practice: only my voice"))
        self.refused.setText(self.tr("No: nobody gave permission"))
        self._labels[0].setText(self.tr("Who agreed"))
        self._labels[1].setText(self.tr("How"))
        fill_interviewer_methods(self.method)

    def _update(self) -> None:
        self.who.setEnabled(self.agreed.isChecked())
        self.method.setEnabled(self.agreed.isChecked())
        ready = self.practice.isChecked() or self.refused.isChecked() or (
            self.agreed.isChecked() and bool(self.who.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def consent(self, interview_id: int) -> ConsentRecord:
        """The user's answer as an 'imported' consent record (not saved yet)."""
        if self.practice.isChecked():
            answer, who, method = ConsentAnswer.AGREED, "self", ConsentMethod.SELF
        elif self.agreed.isChecked():
            answer, who, method = ConsentAnswer.AGREED, self.who.text(), ConsentMethod(self.method.currentData())
        else:
            answer, who, method = ConsentAnswer.DECLINED, "", ConsentMethod(self.method.currentData())
        return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.IMPORTED, answer=answer, who=who,
                             method=method, asked_at=utc_now(), note=f"imported file: {self.file_name}")
