"""The selected interview's follow-up actions: prepare a message, a missed call, cancel or decline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from core.interviews import Interview, InterviewKind
from gui.i18n import Retranslatable


class FollowUpBar(Retranslatable, QWidget):
    message_requested = Signal(object)  # Interview
    missed_call_requested = Signal(object)
    withdraw_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.interview: Interview | None = None
        self.message_button = QPushButton()
        self.missed_call_button = QPushButton()
        self.withdraw_button = QPushButton()
        self.message_button.clicked.connect(lambda: self._emit(self.message_requested))
        self.missed_call_button.clicked.connect(lambda: self._emit(self.missed_call_requested))
        self.withdraw_button.clicked.connect(lambda: self._emit(self.withdraw_requested))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.message_button, self.missed_call_button, self.withdraw_button):
            layout.addWidget(button)
        layout.addStretch()
        self.retranslate()
        self.set_interview(None)

    def _emit(self, signal) -> None:
        if self.interview is not None:
            signal.emit(self.interview)

    def set_interview(self, interview: Interview | None) -> None:
        """Follow-ups belong to real interviews; practice alone has nobody to write to."""
        self.interview = interview
        self.setVisible(interview is not None and interview.kind is InterviewKind.REAL)

    def retranslate(self) -> None:
        self.message_button.setText(self.tr("Prepare message…"))
        self.message_button.setToolTip(self.tr("A thank-you mail, an apology or another message, filled in "
                                               "from this interview"))
        self.missed_call_button.setText(self.tr("I missed their call…"))
        self.missed_call_button.setToolTip(self.tr("Plan a call-back at a good time and prepare what to say"))
        self.withdraw_button.setText(self.tr("Cancel or decline…"))
        self.withdraw_button.setToolTip(self.tr("Step by step: whom to contact, how, and what to say"))
