"""The selected interview's follow-up actions: prepare a message, a missed call, cancel or decline; and, for an
interview that has ended but is still marked scheduled, the question how it went (done, waiting for the result, or
anything else in the interview's dialog)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.interviews import Interview, InterviewKind, Status, utc_now
from gui.dates import format_moment
from gui.i18n import Retranslatable
from gui.labels import status_label
from gui.theme import themed
from gui.window_fit import WholeLabel


class FollowUpBar(Retranslatable, QWidget):
    message_requested = Signal(object)  # Interview
    missed_call_requested = Signal(object)
    withdraw_requested = Signal(object)
    status_chosen = Signal(object, object)  # Interview, Status: how a past interview went
    edit_requested = Signal(object)  # Interview

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], datetime] = utc_now):
        super().__init__(parent)
        self.interview: Interview | None = None
        self.clock = clock
        self.past = QFrame()  # "it has ended: how did it go?"
        self.past.setObjectName("pastInterview")
        self.past_note = WholeLabel()
        self.done_button, self.waiting_button, self.edit_button = QPushButton(), QPushButton(), QPushButton()
        self.done_button.clicked.connect(lambda: self._choose(Status.DONE))
        self.waiting_button.clicked.connect(lambda: self._choose(Status.WAITING))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        past = QVBoxLayout(self.past)
        past.addWidget(self.past_note)
        past_buttons = QHBoxLayout()
        for button in (self.done_button, self.waiting_button, self.edit_button):
            past_buttons.addWidget(button)
        past_buttons.addStretch()
        past.addLayout(past_buttons)
        self.past.setStyleSheet(themed("#pastInterview { background: #e3f2fd; border: 1px solid #90caf9; }"))
        self.message_button = QPushButton()
        self.missed_call_button = QPushButton()
        self.withdraw_button = QPushButton()
        self.message_button.clicked.connect(lambda: self._emit(self.message_requested))
        self.missed_call_button.clicked.connect(lambda: self._emit(self.missed_call_requested))
        self.withdraw_button.clicked.connect(lambda: self._emit(self.withdraw_requested))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.past)
        actions = QHBoxLayout()
        for button in (self.message_button, self.missed_call_button, self.withdraw_button):
            actions.addWidget(button)
        actions.addStretch()
        layout.addLayout(actions)
        self.retranslate()
        self.set_interview(None)

    def _emit(self, signal) -> None:
        if self.interview is not None:
            signal.emit(self.interview)

    def _choose(self, status: Status) -> None:
        if self.interview is not None:
            self.status_chosen.emit(self.interview, status)

    def set_interview(self, interview: Interview | None) -> None:
        """Follow-ups belong to real interviews; practice alone has nobody to write to."""
        self.interview = interview
        self.setVisible(interview is not None and interview.kind is InterviewKind.REAL)
        self.past.setVisible(interview is not None and interview.awaits_update(self.clock()))
        self._say_past()

    def _say_past(self) -> None:
        interview = self.interview
        if interview is None or interview.starts_at is None:
            return
        self.past_note.setText(self.tr(
            "This interview was on {when} and is still marked “{status}”. How did it go?").format(
            when=format_moment(interview.starts_at), status=status_label(Status.SCHEDULED)))

    def retranslate(self) -> None:
        self.message_button.setText(self.tr("Prepare message…"))
        self.message_button.setToolTip(self.tr("A thank-you mail, an apology or another message, filled in "
                                               "from this interview"))
        self.missed_call_button.setText(self.tr("I missed their call…"))
        self.missed_call_button.setToolTip(self.tr("Plan a call-back at a good time and prepare what to say"))
        self.withdraw_button.setText(self.tr("Cancel or decline…"))
        self.withdraw_button.setToolTip(self.tr("Step by step: whom to contact, how, and what to say"))
        self.done_button.setText(self.tr("It took place"))
        self.waiting_button.setText(self.tr("Waiting for the result"))
        self.edit_button.setText(self.tr("Something else…"))
        self.edit_button.setToolTip(self.tr("Change the status, the date or other details (cancelled, moved, …)"))
        self._say_past()
