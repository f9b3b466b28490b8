"""Asking the interviewer's permission before a real interview is recorded.

The user reads a polite request aloud (editable, Japanese or English), then
says what happened: they agreed, or they declined. Both answers are saved as
consent records; only "agreed" lets recording start. There is deliberately no
"don't ask again": asked again for the same interview (after a break, a
second recording), the dialog starts from the last answer's who, how, words
and note, says what was answered then, and still waits for today's answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.consent import REQUEST_WORDING, ConsentAnswer, ConsentMethod, ConsentRecord
from core.ops.recording import Permission
from gui.dates import format_moment
from gui.i18n import Retranslatable
from gui.labels import fill_interviewer_methods


class ConsentDialog(Retranslatable, QDialog):
    """``exec()`` returns Accepted once the user has said agreed or declined; read :meth:`answer`."""

    def __init__(self, company: str, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._answer: ConsentAnswer | None = None
        self._previous: ConsentRecord | None = None
        self.company = company
        self.previous = QLabel()  # what was answered the last time (asked again for this interview)
        self.previous.setWordWrap(True)
        self.previous.setObjectName("previousAnswer")
        self.previous.hide()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.wording_ja = QRadioButton("日本語")
        self.wording_en = QRadioButton("English")
        self._wording_group = QButtonGroup(self)
        for button in (self.wording_ja, self.wording_en):
            self._wording_group.addButton(button)
        (self.wording_ja if language == "ja" else self.wording_en).setChecked(True)
        self.wording_ja.toggled.connect(self._load_wording)
        self.request = QPlainTextEdit()
        self.request.setMinimumHeight(90)
        self._load_wording()
        self.who = QLineEdit()
        self.who.textChanged.connect(self._update_buttons)
        self.method = QComboBox()
        self.clip = QCheckBox()
        self.note = QLineEdit()
        self.agreed = QPushButton()
        self.agreed.setObjectName("agreedButton")
        self.declined = QPushButton()
        self.declined.setObjectName("declinedButton")
        self.cancel = QPushButton()
        self.agreed.clicked.connect(lambda: self._finish(ConsentAnswer.AGREED))
        self.declined.clicked.connect(lambda: self._finish(ConsentAnswer.DECLINED))
        self.cancel.clicked.connect(self.reject)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setObjectName("consentReminder")

        wording = QHBoxLayout()
        wording.addWidget(self.wording_ja)
        wording.addWidget(self.wording_en)
        wording.addStretch()
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        for label, field in zip(self._labels, (self.who, self.method, self.note, self.clip), strict=True):
            self.form.addRow(label, field)
        for label, field in zip(self._labels, (self.who, self.method, self.note), strict=False):
            label.setBuddy(field)  # its name for a screen reader
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        buttons.addWidget(self.declined)
        buttons.addWidget(self.agreed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.previous)
        layout.addLayout(wording)
        layout.addWidget(self.request)
        layout.addLayout(self.form)
        layout.addWidget(self.reminder)
        layout.addLayout(buttons)
        # Every text in the text colour (a grey note on grey fails WCAG AA contrast): the reminder matters.
        self.setStyleSheet("#agreedButton { font-weight: 600; }"
                           "#previousAnswer { font-style: italic; }")
        self.retranslate()
        self._update_buttons()
        self.setMinimumWidth(520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ask permission to record"))
        self.intro.setText(self.tr(
            "Before recording, ask the interviewer at {company} for permission. You can read this aloud:"
        ).format(company=self.company))
        texts = (self.tr("Who answered"), self.tr("How"), self.tr("Note"), self.tr("Consent clip"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.who.setPlaceholderText(self.tr("A name or a role, e.g. Ms Tanaka, HR"))
        self.note.setPlaceholderText(self.tr("Optional"))
        self.clip.setText(self.tr("Restate the request at the start of the recording, as evidence"))
        self.request.setAccessibleName(self.tr("The request to read aloud"))
        fill_interviewer_methods(self.method)
        self.agreed.setText(self.tr("They agreed: start recording"))
        self.declined.setText(self.tr("They declined: take notes"))
        self.cancel.setText(self.tr("Cancel"))
        self.reminder.setText(self.tr(
            "Recording without permission can cost you the offer. If they decline, respect it: "
            "notes written right after the interview are enough to review it."))

        self._show_previous()

    def start_from(self, record: ConsentRecord | None) -> None:
        """Asked again for the same interview: the fields as they were answered last time (``record``); the answer
        itself is today's, so no button is chosen."""
        self._previous = record
        if record is not None:
            self.who.setText(record.who)
            index = self.method.findData(record.method.value)
            if index >= 0:
                self.method.setCurrentIndex(index)
            self.note.setText(record.note)
            if record.request_text.strip():
                self.request.setPlainText(record.request_text)
        self._show_previous()

    def _show_previous(self) -> None:
        record = self._previous
        self.previous.setVisible(record is not None)
        if record is None:
            return
        when = format_moment(record.asked_at)
        if record.answer is ConsentAnswer.AGREED:
            text = self.tr("Asked before for this interview: {who} agreed ({when}). Ask again for this recording.")
        else:
            text = self.tr("Asked before for this interview: {who} declined ({when}). Ask again only if the "
                           "situation has changed.")
        self.previous.setText(text.format(who=record.who, when=when))

    def _load_wording(self) -> None:
        self.request.setPlainText(REQUEST_WORDING["ja" if self.wording_ja.isChecked() else "en"])

    def _update_buttons(self) -> None:
        has_who = bool(self.who.text().strip())
        self.agreed.setEnabled(has_who)
        self.declined.setEnabled(has_who)

    def _finish(self, answer: ConsentAnswer) -> None:
        self._answer = answer
        self.accept()

    def answer(self) -> ConsentAnswer | None:
        return self._answer

    def method_value(self) -> ConsentMethod:
        return ConsentMethod(self.method.currentData())

    def permission(self) -> Permission | None:
        """What the interviewer answered, as the user entered it (``None`` until they chose an answer)."""
        if self._answer is None:
            return None
        return Permission(self._answer, self.who.text(), self.method_value(), self.request.toPlainText(),
                          self.note.text())
