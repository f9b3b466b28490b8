"""Snoozing a follow-up: the core's sensible times (an hour, later today, the next business morning;
calling windows for a call-back) or a time of your own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

from core.messages import QT_TRANSLATE_NOOP  # typed: returns the str it is given
from gui.dates import format_clock, format_moment, show_dates

_TODAY = QT_TRANSLATE_NOOP("Snooze", "Today {time}")
_TOMORROW = QT_TRANSLATE_NOOP("Snooze", "Tomorrow {time}")
_CUSTOM = QT_TRANSLATE_NOOP("Snooze", "Choose a time…")


def choice_text(until: datetime, now: datetime) -> str:
    """"Today 15:30", "Tomorrow 10:00" or a full date, in local time."""
    local, today = until.astimezone(), now.astimezone().date()
    clock = format_clock(until)
    if local.date() == today:
        return QCoreApplication.translate("Snooze", _TODAY).format(time=clock)
    if local.date() == today + timedelta(days=1):
        return QCoreApplication.translate("Snooze", _TOMORROW).format(time=clock)
    return format_moment(until)


def ask_datetime(parent: QWidget | None, title: str, prompt: str, initial: datetime,
                 earliest: datetime | None = None, latest: datetime | None = None) -> datetime | None:
    """A small dialog asking for a date and time (local, aware); None when cancelled."""
    def qt(moment: datetime) -> QDateTime:
        return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    label = QLabel(prompt)
    label.setWordWrap(True)
    edit = QDateTimeEdit(qt(initial))
    edit.setCalendarPopup(True)
    show_dates(edit)
    if earliest is not None:
        edit.setMinimumDateTime(qt(earliest))
    if latest is not None:
        edit.setMaximumDateTime(qt(latest))
    label.setBuddy(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch()).astimezone()
    finally:
        dialog.deleteLater()


def ask_time(parent: QWidget | None, now: datetime) -> datetime | None:
    """When the task should come back; None when cancelled."""
    return ask_datetime(parent, QCoreApplication.translate("Snooze", "Remind me again"),
                        QCoreApplication.translate("Snooze", "Remind me at:"),
                        now + timedelta(hours=2), earliest=now + timedelta(minutes=1))


class SnoozeMenu(QMenu):
    """Filled when shown, from ``choices()`` (the core's times for the current task); calls ``chosen(until)``."""

    def __init__(self, parent: QWidget, now: Callable[[], datetime], choices: Callable[[], list[datetime]],
                 chosen: Callable[[datetime], None]):
        super().__init__(parent)
        self._now = now
        self._choices = choices
        self._chosen = chosen
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        now = self._now()
        for until in self._choices():
            action = self.addAction(choice_text(until, now))
            action.triggered.connect(lambda _=False, until=until: self._chosen(until))
        if not self.isEmpty():
            self.addSeparator()
        custom = self.addAction(QCoreApplication.translate("Snooze", _CUSTOM))
        custom.triggered.connect(lambda _=False: self._ask())

    def _ask(self) -> None:
        until = ask_time(self.parentWidget(), self._now())
        if until is not None:
            self._chosen(until)
