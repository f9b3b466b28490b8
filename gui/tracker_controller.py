"""The main window's follow-up features in one place: upcoming view, notifications, messages, missed calls
and the cancel / decline walkthrough.

Every change is a core operation (:mod:`core.ops.tracker`) run on a worker
thread; what it changed goes out through the change hub, and each screen
(the upcoming view, the timeline, the notifier, the interview list) decides
for itself whether to show it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from core.interviews import Interview, Status
from core.library import Library
from core.ops import Changes, Result
from core.settings import Settings
from core.tracker.followups import FollowUp
from core.tracker.kinds import MessageKind
from gui import shortcuts
from gui.followup_bar import FollowUpBar
from gui.library_model import LibraryModel
from gui.notification_toast import NotificationToast
from gui.notifier import TaskNotifier
from gui.snooze import ask_datetime
from gui.tasks import TaskRunner
from gui.tracker_labels import task_text

if TYPE_CHECKING:  # the screens and dialogs load when first opened
    from gui.message_dialog import MessageDialog
    from gui.upcoming_view import UpcomingView
    from gui.withdraw_dialog import WithdrawDialog


def local_now() -> datetime:
    return datetime.now(UTC).astimezone()


class TrackerController(QObject):
    """Follow-ups for the main window: the upcoming view, notifications, messages, missed calls, withdrawing.

    Every change runs as a core operation (:mod:`core.ops.tracker`); what it
    changed reaches every screen through the task runner's change hub.  The
    window puts :attr:`followups_menu` and :attr:`upcoming_action` where it
    wants them.
    """

    message_opened = Signal(object)  # MessageDialog

    def __init__(self, window: QMainWindow, library: Library, tasks: TaskRunner, settings: Settings,
                 language: Callable[[], str], bar: FollowUpBar, interviews: LibraryModel,
                 show_error: Callable[[Exception], None], clock: Callable[[], datetime] = local_now):
        super().__init__(window)
        self.window = window
        self.library = library
        self.tasks = tasks
        self.settings = settings
        self.language = language
        self.bar = bar
        self.interviews = interviews
        self.show_error = show_error
        self.clock = clock
        self.upcoming: UpcomingView | None = None
        self.notifier = TaskNotifier(self.library, self.tasks, clock=lambda: self.now(), parent=self)
        self.notifier.due.connect(self.notify)
        self.toast = NotificationToast(window, self.now, self.snooze_choices)
        self.toast.done_requested.connect(self.complete)
        self.toast.dismiss_requested.connect(self.dismiss)
        self.toast.snooze_requested.connect(self.snooze)
        self.toast.message_requested.connect(lambda task: self.prepare_message(self.interview_of(task), task=task))
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.windowIcon()
            if icon.isNull():
                from PySide6.QtWidgets import QStyle

                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.activated.connect(lambda _reason: self._raise_window())
            self.tray.messageClicked.connect(self._raise_window)
        tasks.hub.changed.connect(self._on_changes)
        interviews.modelReset.connect(self._forget_deleted)

        bar.message_requested.connect(lambda interview: self.prepare_message(interview))
        bar.missed_call_requested.connect(self.missed_call)
        bar.withdraw_requested.connect(self.withdraw)
        bar.status_chosen.connect(lambda interview, status: self.set_status(interview.stored_id, status))

        self.upcoming_action = QAction(window)
        self.upcoming_action.setShortcut(shortcuts.UPCOMING.sequence())
        self.upcoming_action.triggered.connect(self.open_upcoming)
        # The selected interview's actions, as in the pane (for the keyboard and the menu bar).
        self.message_action = QAction(window)
        self.message_action.triggered.connect(lambda: self.prepare_message(self._selected()))
        self.missed_call_action = QAction(window)
        self.missed_call_action.triggered.connect(lambda: self._with_selected(self.missed_call))
        self.withdraw_action = QAction(window)
        self.withdraw_action.triggered.connect(lambda: self._with_selected(self.withdraw))
        self.followups_menu = QMenu(window)
        self.followups_menu.addAction(self.upcoming_action)
        self.followups_menu.addSeparator()
        self.followups_menu.addActions([self.message_action, self.missed_call_action, self.withdraw_action])
        self.followups_menu.aboutToShow.connect(self._update_actions)
        self._update_actions()

    # -- start and time -----------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def start(self) -> None:
        if self.tray is not None:
            self.tray.setToolTip("Furikaeri")
            self.tray.show()
        self.notifier.check()

    def _on_changes(self, changes: Changes) -> None:
        if changes.followups or changes.deleted_interviews or changes.interviews:
            self.notifier.check()

    def _forget_deleted(self) -> None:
        """Notifications of interviews no longer in the library (deleted meanwhile) are dropped."""
        listed = {self.interviews.interview_at(r).id for r in range(self.interviews.rowCount())}
        for task in list(self.toast.queue):
            if task.interview_id not in listed:
                self.toast.forget(task.stored_id)

    def _selected(self) -> Interview | None:
        """The interview shown in the pane when it can have follow-ups (a real one)."""
        bar = self.bar
        pane = bar.parentWidget()
        return bar.interview if pane is not None and bar.isVisibleTo(pane) else None

    def _with_selected(self, action: Callable[[Interview], object]) -> None:
        interview = self._selected()
        if interview is not None:
            action(interview)

    def _update_actions(self) -> None:
        possible = self._selected() is not None
        for action in (self.message_action, self.missed_call_action, self.withdraw_action):
            action.setEnabled(possible)

    def interview_of(self, task: FollowUp) -> Interview | None:
        row = self.interviews.row_of(task.interview_id)
        return self.interviews.interview_at(row) if row is not None else None

    # -- saving and task changes ---------------------------------------------------------
    def save_interview(self, item: Interview, done: Callable[[Interview], None] | None = None) -> None:
        """Save through the tracker, which applies the follow-up rules."""
        from core.ops import tracker as tracker_ops  # loaded when first used (start-up)

        self.tasks.run_op(lambda: tracker_ops.save_interview(self.library, item), done=done,
                          failed=self.show_error)

    def set_status(self, interview_id: int, status: Status) -> None:
        """Change only the status (of the interview as stored now), through the tracker."""
        from core.ops import tracker as tracker_ops

        self.tasks.run_op(lambda: tracker_ops.set_status(self.library, interview_id, status), failed=self.show_error)

    def _task_change(self, task: FollowUp, change: Callable[[], Result[FollowUp]]) -> None:
        self.toast.forget(task.stored_id)

        def failed(error: Exception) -> None:
            # The screens showed the change already (the toast closed): let them show the task as it is.
            self.tasks.hub.publish(Changes(followups=frozenset({task.interview_id})))
            self.show_error(error)

        self.tasks.run_op(change, failed=failed)

    def complete(self, task: FollowUp) -> None:
        from core.ops import tracker as tracker_ops

        self._task_change(task, lambda: tracker_ops.complete_task(self.library, task.stored_id, self.now()))

    def dismiss(self, task: FollowUp) -> None:
        from core.ops import tracker as tracker_ops

        self._task_change(task, lambda: tracker_ops.dismiss_task(self.library, task.stored_id, self.now()))

    def snooze(self, task: FollowUp, until: datetime) -> None:
        from core.ops import tracker as tracker_ops

        self._task_change(task, lambda: tracker_ops.snooze_task(self.library, task.stored_id, until, self.now()))

    def call_unanswered(self, task: FollowUp) -> None:
        """Nobody answered the call-back: try again later in a calling window (after two tries, write)."""
        from core.ops import tracker as tracker_ops

        self._task_change(task, lambda: tracker_ops.call_unanswered(self.library, task.stored_id, self.now()))

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
            from gui.upcoming_view import UpcomingView

            self.upcoming = UpcomingView(self, self.window)
            self.notifier.due.connect(self._task_fell_due)
        self.upcoming.load()
        self.upcoming.show()
        self.upcoming.raise_()
        return self.upcoming

    def _task_fell_due(self, _task: FollowUp) -> None:
        if self.upcoming is not None:
            self.upcoming.task_fell_due()

    def prepare_message(self, interview: Interview | None, kind: MessageKind | None = None, task=None,
                        extra: dict | None = None, chosen: frozenset[str] = frozenset()) -> MessageDialog | None:
        if interview is None:
            return None
        if task is not None:
            kind = kind or task.template
            extra = {**task.template_values(), **(extra or {})}
        from gui.message_dialog import MessageDialog

        dialog = MessageDialog(interview, self.settings, self.language(), kind, extra, self.window, task=task,
                               chosen=chosen)
        recorded: set[tuple] = set()  # one timeline entry per message and way of use, however often
        dialog.used.connect(lambda draft, how: self._message_used(interview, draft, how, recorded))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.show()
        self.message_opened.emit(dialog)
        return dialog

    def _message_used(self, interview: Interview, draft, how: str, recorded: set[tuple]) -> None:
        from core.ops import tracker as tracker_ops

        if (draft.kind, how) in recorded:
            return
        recorded.add((draft.kind, how))
        sent = how == "mail"
        self.tasks.run_op(
            lambda: tracker_ops.record_message(self.library, interview.stored_id, draft.kind, sent, self.now()),
            failed=self.show_error)

    def missed_call(self, interview: Interview, missed_at: datetime | None = None) -> None:
        """Ask when they called (unless given), plan the call-back (core) and open the script to prepare it."""
        from core.ops import tracker as tracker_ops

        missed_at = missed_at or ask_missed_at(self.window, self.now())
        if missed_at is None:
            return

        def planned(task: FollowUp) -> None:
            self.prepare_message(interview, MessageKind.MISSED_CALL_SCRIPT, task=task,
                                 extra={"missed_time": missed_at})

        self.tasks.run_op(lambda: tracker_ops.missed_call(self.library, interview.stored_id, missed_at, self.now()),
                          done=planned, failed=self.show_error)

    def withdraw(self, interview: Interview) -> WithdrawDialog:
        """Not modal: the scripts it opens stay usable while the user calls."""
        from core.ops import tracker as tracker_ops
        from gui.withdraw_dialog import WithdrawDialog

        dialog = WithdrawDialog(interview, self.now, self.window)
        dialog.message_requested.connect(lambda kind, chosen: self.prepare_message(interview, kind, chosen=chosen))
        dialog.accepted.connect(lambda: self.tasks.run_op(
            lambda: tracker_ops.withdraw(self.library, interview.stored_id, dialog.reason(), self.now()),
            failed=self.show_error))
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
