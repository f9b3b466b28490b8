"""Cancelling an interview or declining, step by step: whom to contact, how, and what to say.

The plan comes from the core (:func:`core.tracker.withdraw.withdrawal_plan`); this
dialog asks the questions it needs (cancel or decline; when cancelling, whether
to ask for another date; has the time already passed), shows the plan, opens
the scripts and mails, and on *Finish* reports the chosen status for the
tracker to save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview, Status
from core.tracker import withdraw
from gui.dates import format_moment
from gui.i18n import Retranslatable, render
from gui.theme import themed
from gui.tracker_labels import message_kind_label
from gui.window_fit import grow_to_text


class WithdrawDialog(Retranslatable, QDialog):
    """Emits :attr:`message_requested` with a message kind and the template choices (a frozenset);
    after *Finish*, :meth:`status` is the new status."""

    message_requested = Signal(object, object)

    def __init__(self, interview: Interview, now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.interview = interview
        self._now = now or (lambda: datetime.now().astimezone())
        self.plan: withdraw.Plan | None = None
        self.step_buttons: list[QPushButton] = []
        self._step_rows: list[tuple[QLabel, QPushButton | None]] = []

        # Page 1: what, and has the time already passed?
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.cancel_choice = QRadioButton()
        self.decline_choice = QRadioButton()
        self._reasons = QButtonGroup(self)
        self._reasons.addButton(self.cancel_choice)
        self._reasons.addButton(self.decline_choice)
        self.cancel_choice.setChecked(True)
        # Cancelling one date is not withdrawing: ask for another date only when the user wants to continue.
        self.new_date = QCheckBox()
        self.new_date.setChecked(True)
        self.cancel_choice.toggled.connect(lambda on: self.new_date.setEnabled(on))
        self.already_missed = QCheckBox()
        self.already_missed.setChecked(withdraw.is_missed(interview, withdraw.Reason.CANCEL, False, self._now()))
        new_date_row = QHBoxLayout()
        new_date_row.addSpacing(24)
        new_date_row.addWidget(self.new_date, 1)
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(self.question)
        ask_layout.addWidget(self.cancel_choice)
        ask_layout.addLayout(new_date_row)
        ask_layout.addWidget(self.decline_choice)
        ask_layout.addSpacing(8)
        ask_layout.addWidget(self.already_missed)
        ask_layout.addStretch()

        # Page 2: the plan.
        self.contact = QLabel()
        self.contact.setObjectName("planContact")
        self.contact.setWordWrap(True)
        self.steps_box = QGroupBox()
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.call_time = QLabel()
        self.warnings = QLabel()
        self.warnings.setObjectName("planWarnings")
        self.warnings.setWordWrap(True)
        self.no_show = QLabel()
        self.no_show.setObjectName("noShow")
        self.no_show.setWordWrap(True)
        self.done_check = QCheckBox()
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.contact)
        plan_layout.addWidget(self.steps_box)
        plan_layout.addWidget(self.call_time)
        plan_layout.addWidget(self.warnings)
        plan_layout.addWidget(self.no_show)
        plan_layout.addStretch()
        plan_layout.addWidget(self.done_check)

        # Two pages shown one at a time (not a QStackedWidget: it would not let wrapped text grow the dialog).
        self.pages = (ask, plan)
        self.page = 0
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.finish_button = QPushButton()
        self.close_button = QPushButton()
        self.back_button.clicked.connect(lambda: self._go(0))
        self.next_button.clicked.connect(lambda: self.show_plan())
        self.finish_button.clicked.connect(lambda: self.accept())
        self.close_button.clicked.connect(lambda: self.reject())
        self.done_check.toggled.connect(lambda _: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        for button in (self.next_button, self.finish_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(ask, 1)
        layout.addWidget(plan, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(themed("#planContact { font-size: 12pt; font-weight: 600; }"
                           "#planWarnings { color: #8a5a00; }"
                           "#noShow { background: #fdecea; border: 1px solid #e0a3a0; padding: 6px; }"))
        self.setMinimumWidth(620)
        self.retranslate()
        self._go(0)

    # -- flow ------------------------------------------------------------------------
    def reason(self) -> withdraw.Reason:
        return withdraw.Reason.CANCEL if self.cancel_choice.isChecked() else withdraw.Reason.DECLINE

    def status(self) -> Status:
        """The interview's status once the user withdraws as chosen (decided in core)."""
        return withdraw.status_after(self.reason())

    def show_plan(self) -> None:
        self.plan = withdraw.withdrawal_plan(self.interview, self.reason(), self.already_missed.isChecked(),
                                             self._now(), new_date=self.new_date.isChecked())
        self.already_missed.setChecked(self.plan.missed)  # e.g. found from the time: shown on going back
        self._build_steps(self.plan)
        self.done_check.setChecked(False)
        self._go(1)

    def _build_steps(self, plan: withdraw.Plan) -> None:
        """One line per step; a button under each step that has a script or mail."""
        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self._step_rows = []
        self.step_buttons = []
        for step in plan.steps:
            label = QLabel()
            label.setWordWrap(True)
            self.steps_layout.addWidget(label)
            button = None
            if step.message_kind is not None:
                button = QPushButton()
                button.setProperty("message_kind", step.message_kind.value)
                button.clicked.connect(lambda _=False, step=step: self.message_requested.emit(step.message_kind,
                                                                                            step.choices))
                self.steps_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                self.step_buttons.append(button)
            self._step_rows.append((label, button))

    def _go(self, page: int) -> None:
        self.page = page
        for index, widget in enumerate(self.pages):
            widget.setVisible(index == page)
        self._update_buttons()
        self.retranslate()
        grow_to_text(self)

    def _update_buttons(self) -> None:
        on_plan = self.page == 1
        self.back_button.setVisible(on_plan)
        self.next_button.setVisible(not on_plan)
        self.finish_button.setVisible(on_plan)
        self.finish_button.setEnabled(on_plan and self.done_check.isChecked())

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cancel or decline — {company}").format(company=self.interview.company))
        self.question.setText(self.tr("What do you want to do?"))
        self.cancel_choice.setText(self.tr("&Cancel the interview"))
        self.new_date.setText(self.tr("&Ask whether another date is possible: I want to stay in the selection"))
        self.decline_choice.setText(self.tr("&Decline: the offer, or the rest of the selection"))
        self.already_missed.setText(self.tr("The interview time has already &passed without me"))
        self.back_button.setText(self.tr("&Back"))
        self.next_button.setText(self.tr("&Show me how"))
        self.close_button.setText(self.tr("Close"))
        self.steps_box.setTitle(self.tr("Steps"))
        self.no_show.setText(self.tr(
            "Never simply stay away without a word: not showing up ends this application, and an agent or "
            "related companies may remember it. A short call now keeps your name clean."))
        self.finish_button.setText(self.tr("&Finish: mark as cancelled") if self.reason() is withdraw.Reason.CANCEL
                                   else self.tr("&Finish: mark as declined"))
        if self.plan is not None:
            self._show_plan_texts(self.plan)

    def contact_name(self) -> str:
        interview = self.interview
        if self.plan is not None and self.plan.contact is withdraw.Contact.AGENT:
            return interview.agent_name or interview.agency or self.tr("your recruiting agent")
        return interview.contact_name or interview.company

    def _show_plan_texts(self, plan: withdraw.Plan) -> None:
        if plan.contact is withdraw.Contact.AGENT:
            self.contact.setText(self.tr("Contact {agent}, your recruiting agent — not the company. "
                                         "The agent passes it on.").format(agent=self.contact_name()))
        else:
            self.contact.setText(self.tr("Contact {company} directly, by phone first.").format(
                company=self.interview.company if not self.interview.contact_name
                else f"{self.interview.company} ({self.interview.contact_name})"))
        for number, ((label, button), step) in enumerate(zip(self._step_rows, plan.steps, strict=True), 1):
            hint = f"\n{render(step.hint)}" if step.hint is not None else ""
            label.setText(f"{number}. {render(step.message)}{hint}")
            if button is not None:
                button.setText(self.tr("Open: {what}").format(what=message_kind_label(step.message_kind)))
        if plan.call_from is not None:
            self.call_time.setText(self.tr("A good time to call: from {when}").format(
                when=format_moment(plan.call_from)))
        self.call_time.setVisible(plan.call_from is not None)
        self.warnings.setText("\n".join(render(w) for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        who = self.contact_name()
        self.done_check.setText(self.tr("I have told {who}").format(who=who))

    def offered_kinds(self) -> list:
        """The message kinds the plan's buttons open, in order."""
        return [button.property("message_kind") for button in self.step_buttons]

    def step_texts(self) -> list[str]:
        """The steps as shown, in order."""
        return [label.text() for label, _ in self._step_rows]
