"""Create or edit an interview's basic facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview, InterviewKind, Stage, Status, ValidationError
from gui.i18n import Retranslatable, render
from gui.labels import stage_label, status_label


class InterviewDialog(Retranslatable, QDialog):
    """Returns the edited :class:`Interview` from :meth:`interview` after ``accept()``."""

    def __init__(self, parent: QWidget | None = None, interview: Interview | None = None):
        super().__init__(parent)
        self._original = interview
        self._result: Interview | None = None

        self.company = QLineEdit()
        self.position = QLineEdit()
        self.real = QRadioButton()
        self.mock = QRadioButton()
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.real)
        self._kinds.addButton(self.mock)
        self.stage = QComboBox()
        self.stage.setEditable(True)
        self.status = QComboBox()
        self.starts_at = QDateTimeEdit()
        self.starts_at.setCalendarPopup(True)
        self.undated = QCheckBox()
        self.undated.toggled.connect(lambda on: self.starts_at.setEnabled(not on))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.company.textChanged.connect(self._update_save_button)

        kinds = QHBoxLayout()
        kinds.addWidget(self.real)
        kinds.addWidget(self.mock)
        kinds.addStretch()
        when = QHBoxLayout()
        when.addWidget(self.starts_at, 1)
        when.addWidget(self.undated)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(self._labels, (self.company, self.position, kinds, when, self.stage, self.status)):
            self.form.addRow(label, field)
        self._labels[0].setBuddy(self.company)
        self._labels[1].setBuddy(self.position)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._load(interview)
        self._update_save_button()
        self.setMinimumWidth(440)

    # -- text ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New interview") if self._original is None else self.tr("Edit interview"))
        texts = (self.tr("&Company"), self.tr("&Position"), self.tr("Type"), self.tr("Date and time"),
                 self.tr("Stage"), self.tr("Status"))
        for label, text in zip(self._labels, texts):
            label.setText(text)
        self.company.setPlaceholderText(self.tr("e.g. Example Corporation"))
        self.position.setPlaceholderText(self.tr("e.g. Sales, new graduate"))
        self.real.setText(self.tr("Real interview"))
        self.mock.setText(self.tr("Mock practice at home"))
        self.undated.setText(self.tr("Not fixed yet"))
        self._fill_combos()

    def _fill_combos(self) -> None:
        current_stage = self.stage.currentData() or self.stage.currentText()
        self.stage.clear()
        self.stage.addItem("", "")
        for stage in Stage:
            self.stage.addItem(stage_label(stage.value), stage.value)
        self._select_stage(current_stage)
        current_status = self.status.currentData()
        self.status.clear()
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        if current_status:
            self.status.setCurrentIndex(self.status.findData(current_status))

    # -- data ---------------------------------------------------------------
    def _load(self, interview: Interview | None) -> None:
        if interview is None:
            self.real.setChecked(True)
            tomorrow = QDateTime.currentDateTime().addDays(1)
            tomorrow.setTime(QTime(10, 0))
            self.starts_at.setDateTime(tomorrow)
            self.status.setCurrentIndex(self.status.findData(Status.SCHEDULED.value))
            return
        self.company.setText(interview.company)
        self.position.setText(interview.position)
        (self.real if interview.kind is InterviewKind.REAL else self.mock).setChecked(True)
        self._select_stage(interview.stage)
        self.status.setCurrentIndex(self.status.findData(interview.status.value))
        if interview.starts_at is None:
            self.undated.setChecked(True)
            self.starts_at.setDateTime(QDateTime.currentDateTime())
        else:
            self.starts_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(interview.starts_at.timestamp())))

    def _select_stage(self, stage: str) -> None:
        index = self.stage.findData(stage)
        if index >= 0:
            self.stage.setCurrentIndex(index)
        else:
            self.stage.setEditText(stage)

    def _stage_value(self) -> str:
        text = self.stage.currentText().strip()
        index = self.stage.findText(text)
        return self.stage.itemData(index) if index >= 0 else text

    def _update_save_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(self.company.text().strip()))

    def _collect(self) -> Interview:
        starts_at = None
        if not self.undated.isChecked():
            starts_at = datetime.fromtimestamp(self.starts_at.dateTime().toSecsSinceEpoch(), timezone.utc)
        fields = dict(
            company=self.company.text(),
            position=self.position.text(),
            kind=InterviewKind.REAL if self.real.isChecked() else InterviewKind.MOCK,
            stage=self._stage_value(),
            status=Status(self.status.currentData()),
            starts_at=starts_at,
        )
        draft = replace(self._original, **fields) if self._original else Interview(**fields)
        return draft.validated()

    def accept(self) -> None:
        try:
            self._result = self._collect()
        except ValidationError as error:
            self.error.setText(render(error.message))
            self.error.show()
            return
        super().accept()

    def interview(self) -> Interview | None:
        return self._result
