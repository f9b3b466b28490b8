"""Create or edit an interview: its basic facts, when and where, who, and how you applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Channel, Interview, InterviewKind, Stage, Status, ValidationError
from gui.dates import show_dates
from gui.i18n import Retranslatable, render
from gui.labels import stage_label, status_label
from gui.theme import themed
from gui.tracker_labels import channel_label


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
        self.error.setStyleSheet(themed("color: #b00020;"))
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.company.textChanged.connect(self._update_save_button)

        # When and where, who, and how the user applied (the tracker's details).
        self.duration = QSpinBox()
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(15)
        self.place = QLineEdit()
        self.interviewers = QLineEdit()
        self.contact_name = QLineEdit()
        self.contact_email = QLineEdit()
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.agency = QLineEdit()
        self.agent_name = QLineEdit()
        self.agent_contact = QLineEdit()
        self.channel.currentIndexChanged.connect(self._update_agent_fields)
        self.mock.toggled.connect(lambda mock: self._update_practice(mock))

        kinds = QHBoxLayout()
        kinds.addWidget(self.real)
        kinds.addWidget(self.mock)
        kinds.addStretch()
        when = QHBoxLayout()
        when.addWidget(self.starts_at, 1)
        when.addWidget(self.undated)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for index, field in ((0, self.company), (1, self.position), (2, kinds), (4, self.stage), (5, self.status)):
            self.form.addRow(self._labels[index], field)
        self._labels[0].setBuddy(self.company)
        self._labels[1].setBuddy(self.position)
        self.basics_box = QGroupBox()
        self.basics_box.setLayout(self.form)

        self.when_form = QFormLayout()
        self._when_labels = [self._labels[3], QLabel(), QLabel()]
        self.when_form.addRow(self._when_labels[0], when)  # a layout: the date and "no date yet"
        self.when_form.addRow(self._when_labels[1], self.duration)
        self.when_form.addRow(self._when_labels[2], self.place)
        self.when_box = QGroupBox()
        self.when_box.setLayout(self.when_form)

        self.people_form = QFormLayout()
        self._people_labels = [QLabel() for _ in range(3)]
        for label, person_field in zip(self._people_labels, (self.interviewers, self.contact_name, self.contact_email),
                                       strict=True):
            label.setBuddy(person_field)
            self.people_form.addRow(label, person_field)
        self.people_box = QGroupBox()
        self.people_box.setLayout(self.people_form)

        self.channel_form = QFormLayout()
        self._channel_labels = [QLabel() for _ in range(4)]
        for label, channel_field in zip(self._channel_labels,
                                        (self.channel, self.agency, self.agent_name, self.agent_contact), strict=True):
            label.setBuddy(channel_field)
            self.channel_form.addRow(label, channel_field)
        self.channel_box = QGroupBox()
        self.channel_box.setLayout(self.channel_form)

        left = QVBoxLayout()
        left.addWidget(self.basics_box)
        left.addWidget(self.when_box)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.channel_box)
        right.addWidget(self.people_box)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._load(interview)
        self._update_save_button()
        self._update_agent_fields()
        self._update_practice(self.mock.isChecked())
        self.setMinimumWidth(760)

    # -- text ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New interview") if self._original is None else self.tr("Edit interview"))
        show_dates(self.starts_at)
        texts = (self.tr("&Company"), self.tr("&Position"), self.tr("Type"), self.tr("Date and time"),
                 self.tr("Stage"), self.tr("Status"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.basics_box.setTitle(self.tr("Interview"))
        self.when_box.setTitle(self.tr("When and where"))
        self._when_labels[1].setText(self.tr("Length"))
        self._when_labels[2].setText(self.tr("P&lace or link"))
        self._when_labels[2].setBuddy(self.place)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("Not set"))
        self.place.setPlaceholderText(self.tr("Address, or the online meeting link"))
        self.people_box.setTitle(self.tr("People"))
        for label, text in zip(self._people_labels, (self.tr("Inter&viewers"), self.tr("Recruiter's &name"),
                                                     self.tr("Recruiter's &mail")), strict=True):
            label.setText(text)
        self.interviewers.setPlaceholderText(self.tr("e.g. Mr Sato (sales manager)"))
        self.contact_email.setPlaceholderText(self.tr("Where thank-you and other mails go"))
        self.channel_box.setTitle(self.tr("How you applied"))
        for label, text in zip(self._channel_labels, (self.tr("C&hannel"), self.tr("Agenc&y"), self.tr("A&gent"),
                                                      self.tr("Agent's con&tact")), strict=True):
            label.setText(text)
        self.agency.setPlaceholderText(self.tr("e.g. JobLink"))
        self.agent_name.setPlaceholderText(self.tr("Your adviser there, e.g. Mr Mori"))
        self.agent_contact.setPlaceholderText(self.tr("Phone number or mail"))
        for index in range(self.channel.count()):
            self.channel.setItemText(index, channel_label(Channel(self.channel.itemData(index))))
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
            self.duration.setValue(60)
            return
        self.channel.setCurrentIndex(self.channel.findData(interview.channel.value))
        self.agency.setText(interview.agency)
        self.agent_name.setText(interview.agent_name)
        self.agent_contact.setText(interview.agent_contact)
        self.contact_name.setText(interview.contact_name)
        self.contact_email.setText(interview.contact_email)
        self.duration.setValue(interview.duration_min or 0)
        self.place.setText(interview.place)
        self.interviewers.setText(interview.interviewers)
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

    def _update_agent_fields(self) -> None:
        """The agent's name and contact only matter when the interview came through an agent."""
        agent = self.channel.currentData() == Channel.AGENT.value
        for row in (1, 2, 3):
            self.channel_form.setRowVisible(row, agent)

    def _update_practice(self, mock: bool) -> None:
        """Practice at home has no channel and no people to write to."""
        self.channel_box.setEnabled(not mock)
        self.people_box.setEnabled(not mock)

    def _update_save_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(self.company.text().strip()))

    def _collect(self) -> Interview:
        starts_at = None
        if not self.undated.isChecked():
            # In the local zone: messages and business-hour rules use the time as the user entered it.
            starts_at = datetime.fromtimestamp(self.starts_at.dateTime().toSecsSinceEpoch(), UTC).astimezone()
        # Every field the dialog shows is set; a new interview starts from the defaults of the rest.
        base = self._original or Interview(company="", kind=InterviewKind.REAL)
        draft = replace(
            base,
            company=self.company.text(),
            position=self.position.text(),
            kind=InterviewKind.REAL if self.real.isChecked() else InterviewKind.MOCK,
            stage=self._stage_value(),
            status=Status(self.status.currentData()),
            starts_at=starts_at,
            channel=Channel(self.channel.currentData()),
            agency=self.agency.text().strip(),
            agent_name=self.agent_name.text().strip(),
            agent_contact=self.agent_contact.text().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_email=self.contact_email.text().strip(),
            duration_min=self.duration.value() or None,
            place=self.place.text().strip(),
            interviewers=self.interviewers.text().strip(),
        )
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
