"""The main window's follow-up features in one place: upcoming view, notifications, messages, missed calls
and the cancel / decline walkthrough.

Every change goes through the core (``library.tracker`` and
``library.followups``) on a worker thread; afterwards :attr:`changed` fires
and each screen (the upcoming view, the timeline, the notifier, the
interview list) refreshes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QStyle,
    QSystemTrayIcon,
)

from core.interviews import Interview
from core.tracker.kinds import MessageKind
from gui.message_dialog import MessageDialog
from gui.notification_toast import NotificationToast
from gui.notifier import TaskNotifier
from gui.snooze import ask_datetime
from gui.tracker_labels import task_text
from gui.upcoming_view import UpcomingView
from gui.withdraw_dialog import WithdrawDialog


def local_now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


class TrackerController(QObject):
    changed = Signal()  # tasks, events or an interview's status changed
    message_opened = Signal(object)  # MessageDialog

    def __init__(self, window, clock: Callable[[], datetime] = local_now):
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.tasks = window.tasks
        self.clock = clock
        self.upcoming: UpcomingView | None = None
        self.notifier = TaskNotifier(self.library, self.tasks, clock=lambda: self.now(), parent=self)
        self.notifier.due.connect(self.notify)
        self.notifier.due.connect(lambda _task: self._refresh_upcoming())
        self.toast = NotificationToast(window, self.now, self.snooze_choices)
        self.toast.done_requested.connect(self.complete)
        self.toast.dismiss_requested.connect(self.dismiss)
        self.toast.snooze_requested.connect(self.snooze)
        self.toast.message_requested.connect(lambda task: self.prepare_message(self.interview_of(task), task=task))
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.windowIcon()
            if icon.isNull():
                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.activated.connect(lambda _reason: self._raise_window())
            self.tray.messageClicked.connect(self._raise_window)
        self._interviews: dict[int, Interview] = {}
        self.changed.connect(self.notifier.check)
        self.changed.connect(lambda: window.pane.timeline.reload())
        window.library_loaded.connect(self._remember_interviews)
        window.library_loaded.connect(self.notifier.check)  # e.g. an interview deleted with its tasks

        pane = window.pane.followups
        pane.message_requested.connect(lambda interview: self.prepare_message(interview))
        pane.missed_call_requested.connect(self.missed_call)
        pane.withdraw_requested.connect(self.withdraw)

        self.upcoming_action = QAction(window)
        self.upcoming_action.setShortcut(QKeySequence("Ctrl+U"))
        self.upcoming_action.triggered.connect(self.open_upcoming)
        # The selected interview's actions, as in the pane (for the keyboard and the menu bar).
        self.message_action = QAction(window)
        self.message_action.triggered.connect(lambda: self.prepare_message(self._selected()))
        self.missed_call_action = QAction(window)
        self.missed_call_action.triggered.connect(lambda: self._selected() and self.missed_call(self._selected()))
        self.withdraw_action = QAction(window)
        self.withdraw_action.triggered.connect(lambda: self._selected() and self.withdraw(self._selected()))
        self.followups_menu = QMenu(window)
        window.menuBar().insertMenu(window.settings_menu.menuAction(), self.followups_menu)
        self.followups_menu.addAction(self.upcoming_action)
        self.followups_menu.addSeparator()
        self.followups_menu.addActions([self.message_action, self.missed_call_action, self.withdraw_action])
        self.followups_menu.aboutToShow.connect(self._update_actions)
        self._update_actions()
        window.toolbar.addAction(self.upcoming_action)

    # -- start and time -----------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def start(self) -> None:
        if self.tray is not None:
            self.tray.setToolTip("Furikaeri")
            self.tray.show()
        self.notifier.check()

    def _remember_interviews(self) -> None:
        model = self.window.model
        self._interviews = {model.interview_at(r).id: model.interview_at(r) for r in range(model.rowCount())}
        for task in list(self.toast.queue):
            if task.interview_id not in self._interviews:  # deleted meanwhile
                self.toast.forget(task.id)

    def _selected(self) -> Interview | None:
        """The interview shown in the pane when it can have follow-ups (a real one)."""
        bar = self.window.pane.followups
        return bar.interview if bar.isVisibleTo(self.window.pane) else None

    def _update_actions(self) -> None:
        possible = self._selected() is not None
        for action in (self.message_action, self.missed_call_action, self.withdraw_action):
            action.setEnabled(possible)

    def interview_of(self, task) -> Interview | None:
        return self._interviews.get(task.interview_id)

    # -- saving and task changes ---------------------------------------------------------
    def save_interview(self, item: Interview, done: Callable[[Interview], None] | None = None) -> None:
        """Save through the tracker, which applies the follow-up rules."""
        def saved(interview: Interview) -> None:
            self.window.reload(select_id=interview.id)
            self.changed.emit()
            if done is not None:
                done(interview)

        self.tasks.run(lambda: self.library.tracker.save(item), done=saved, failed=self.window.show_error)

    def set_status(self, interview_id: int, status) -> None:
        """Change only the status (of the interview as stored now), through the tracker."""
        def change() -> Interview:
            return self.library.tracker.save(replace(self.library.interviews.get(interview_id), status=status))

        def saved(interview: Interview) -> None:
            self.window.reload(select_id=interview.id)
            self.changed.emit()

        self.tasks.run(change, done=saved, failed=self.window.show_error)

    def _task_change(self, task, change: Callable[[], object]) -> None:
        self.toast.forget(task.id)
        self.tasks.run(change, done=lambda _: self.changed.emit(), failed=self._failed_change)

    def _failed_change(self, error: Exception) -> None:
        self.changed.emit()  # show the real state again
        self.window.show_error(error)

    def complete(self, task) -> None:
        self._task_change(task, lambda: self.library.followups.complete(task.id, self.now()))

    def dismiss(self, task) -> None:
        self._task_change(task, lambda: self.library.followups.dismiss(task.id, self.now()))

    def snooze(self, task, until: datetime) -> None:
        self._task_change(task, lambda: self.library.followups.snooze(task.id, until, self.now()))

    def call_unanswered(self, task) -> None:
        """Nobody answered the call-back: try again later in a calling window (after two tries, write)."""
        self._task_change(task, lambda: self.library.followups.call_unanswered(task.id, self.now()))

    def snooze_choices(self, task) -> list[datetime]:
        return self.library.followups.snooze_choices(task, self.now())

    # -- notifications -------------------------------------------------------------------
    def notify(self, task) -> None:
        self.toast.notify(task)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(self.tr("Follow-up due"), task_text(task),
                                  QSystemTrayIcon.MessageIcon.Information, 15000)

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    # -- screens -------------------------------------------------------------------------
    def open_upcoming(self) -> UpcomingView:
        if self.upcoming is None:
            self.upcoming = UpcomingView(self, self.window)
        self.upcoming.reload()
        self.upcoming.show()
        self.upcoming.raise_()
        return self.upcoming

    def _refresh_upcoming(self) -> None:
        """A task just fell due: it moves under "Overdue"."""
        if self.upcoming is not None and self.upcoming.isVisible():
            self.upcoming.reload()

    def prepare_message(self, interview: Interview | None, kind: MessageKind | None = None, task=None,
                        extra: dict | None = None, chosen: frozenset[str] = frozenset()) -> MessageDialog | None:
        if interview is None:
            return None
        if task is not None:
            kind = kind or task.template
            extra = {**task.template_values(), **(extra or {})}
        dialog = MessageDialog(interview, self.window.settings, self.window.switcher.language, kind, extra,
                               self.window, task=task, chosen=chosen)
        recorded: set[tuple] = set()  # one timeline entry per message and way of use, however often
        dialog.used.connect(lambda draft, how: self._message_used(interview, draft, how, recorded))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.show()
        self.message_opened.emit(dialog)
        return dialog

    def _message_used(self, interview: Interview, draft, how: str, recorded: set[tuple]) -> None:
        if (draft.kind, how) in recorded:
            return
        recorded.add((draft.kind, how))
        sent = how == "mail"
        self.tasks.run(lambda: self.library.tracker.record_message(interview.id, draft.kind, sent=sent,
                                                                   at=self.now()),
                       done=lambda _: self.changed.emit(), failed=self.window.show_error)

    def missed_call(self, interview: Interview, missed_at: datetime | None = None) -> None:
        """Ask when they called (unless given), plan the call-back (core) and open the script to prepare it."""
        missed_at = missed_at or ask_missed_at(self.window, self.now())
        if missed_at is None:
            return

        def planned(task) -> None:
            self.changed.emit()
            self.prepare_message(interview, MessageKind.MISSED_CALL_SCRIPT, task=task,
                                 extra={"missed_time": missed_at})

        self.tasks.run(lambda: self.library.tracker.missed_call(interview.id, missed_at, self.now()),
                       done=planned, failed=self.window.show_error)

    def withdraw(self, interview: Interview) -> WithdrawDialog:
        """Not modal: the scripts it opens stay usable while the user calls."""
        dialog = WithdrawDialog(interview, self.now, self.window)
        dialog.message_requested.connect(lambda kind, chosen: self.prepare_message(interview, kind, chosen=chosen))
        dialog.accepted.connect(lambda: self.set_status(interview.id, dialog.status()))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.show()
        return dialog

    # -- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.followups_menu.setTitle(self.tr("F&ollow-ups"))
        self.upcoming_action.setText(self.tr("&Upcoming…"))
        self.upcoming_action.setToolTip(self.tr("Interviews and follow-ups in time order (Ctrl+U)"))
        self.message_action.setText(self.tr("&Prepare message…"))
        self.missed_call_action.setText(self.tr("I &missed their call…"))
        self.withdraw_action.setText(self.tr("&Cancel or decline…"))


def ask_missed_at(parent, now: datetime) -> datetime | None:
    """When did they call? Defaults to now; the future is not allowed."""
    return ask_datetime(parent, QCoreApplication.translate("MissedCall", "I missed their call"),
                        QCoreApplication.translate(
                            "MissedCall", "When did they call? The call-back is planned for a suitable time: a "
                            "business day between about 10:15 and 16:45, not over lunch."),
                        now, latest=now)