"""The in-app notification: a small card in the main window's corner for follow-ups that fell due.

It never blocks: the user can go on working and answer it later.  Several due
tasks queue up; the card shows one at a time with how many wait behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from gui.dates import format_moment
from gui.i18n import Retranslatable
from gui.snooze import SnoozeMenu
from gui.theme import themed
from gui.tracker_labels import task_has_message, task_text

MARGIN = 16


class NotificationToast(Retranslatable, QFrame):
    done_requested = Signal(object)  # FollowUp
    dismiss_requested = Signal(object)
    snooze_requested = Signal(object, object)  # FollowUp, until (datetime)
    message_requested = Signal(object)

    def __init__(self, host: QWidget, now: Callable[[], datetime],
                 snooze_choices: Callable[[object], list[datetime]]):
        super().__init__(host)
        self.setObjectName("notificationToast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.host = host
        self.queue: list = []
        self.shown_count = 0  # how many tasks have been presented (for tests and the status)
        self.heading = QLabel()
        self.heading.setObjectName("toastHeading")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.when = QLabel()
        self.more = QLabel()
        self.hide_button = QToolButton()
        self.hide_button.setText("×")
        self.hide_button.setAutoRaise(True)
        self.hide_button.clicked.connect(lambda: self._next())
        self.done_button = QPushButton()
        self.snooze_button = QPushButton()
        self.snooze_menu = SnoozeMenu(
            self, now, lambda: snooze_choices(self._current()) if self._current() else [],
            lambda until: self._answer(lambda task: self.snooze_requested.emit(task, until)))
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton()
        self.message_button = QPushButton()
        self.done_button.clicked.connect(lambda: self._answer(self.done_requested.emit))
        self.dismiss_button.clicked.connect(lambda: self._answer(self.dismiss_requested.emit))
        self.message_button.clicked.connect(lambda: self._request_message())
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.hide_button)
        buttons = QHBoxLayout()
        for button in (self.message_button, self.done_button, self.snooze_button, self.dismiss_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        self.setStyleSheet(themed("#notificationToast { background: #fffdf3; border: 1px solid #e0c060;"
                           " border-radius: 6px; }"
                           "#toastHeading { font-weight: 600; }"))
        self.setMaximumWidth(460)
        host.installEventFilter(self)
        self.hide()
        self.retranslate()

    # -- queue -----------------------------------------------------------------------
    def notify(self, task) -> None:
        """Show ``task`` (or queue it behind the one shown); a task already queued is replaced."""
        self.queue = [t for t in self.queue if t.id != task.id]
        self.queue.append(task)
        self.shown_count += 1
        self._present()

    def forget(self, task_id: int) -> None:
        """Drop a task answered elsewhere (e.g. in the upcoming view)."""
        if any(t.id == task_id for t in self.queue):
            self.queue = [t for t in self.queue if t.id != task_id]
            self._present()

    def _current(self):
        return self.queue[0] if self.queue else None

    def _request_message(self) -> None:
        task = self._current()
        if task is not None:
            self.message_requested.emit(task)

    def _answer(self, action: Callable[[object], None]) -> None:
        """Take the shown task off the card first, then act on it (the action may touch the queue too)."""
        if not self.queue:
            return
        task = self.queue.pop(0)
        action(task)
        self._present()

    def _next(self) -> None:
        if self.queue:
            self.queue.pop(0)
        self._present()

    def _present(self) -> None:
        if not self.queue:
            self.hide()
            return
        self.retranslate()
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        host = self.host
        bottom = host.height() - MARGIN
        status = getattr(host, "statusBar", None)
        if callable(status) and status() is not None and status().isVisible():
            bottom -= status().height()
        self.move(max(MARGIN, host.width() - self.width() - MARGIN), max(MARGIN, bottom - self.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Follow-up due"))
        self.hide_button.setToolTip(self.tr("Hide this notice (the task stays open)"))
        self.done_button.setText(self.tr("Done"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not needed: close the task without doing it"))
        self.message_button.setText(self.tr("Prepare message…"))
        task = self._current()
        if task is None:
            return
        self.title.setText(task_text(task))
        self.when.setText(self.tr("Due {when}").format(when=format_moment(task.effective_due)))
        self.more.setText(self.tr("{count} more waiting").format(count=len(self.queue) - 1))
        self.more.setVisible(len(self.queue) > 1)
        self.message_button.setVisible(task_has_message(task))
