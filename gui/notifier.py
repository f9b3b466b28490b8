"""Tells the user when a follow-up task falls due, while the app runs.

No polling: after every change the notifier asks the core for the open tasks,
notifies those already due (each once: the core records ``notified_at``; a
snooze makes a task due, and notifiable, again), and arms one single-shot
timer for the next due moment.  The clock is injectable for tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from core.library import Library
from gui.tasks import TaskRunner

log = logging.getLogger(__name__)

# A timer never waits longer than this: the wall clock may jump (suspend, time zone change).
MAX_WAIT = timedelta(minutes=30)


def utc_now() -> datetime:
    return datetime.now(UTC)


class TaskNotifier(QObject):
    due = Signal(object)  # a FollowUp that has just become due
    armed = Signal(object)  # the next moment checked (datetime) or None; after every check

    def __init__(self, library: Library, tasks: TaskRunner, clock: Callable[[], datetime] = utc_now,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.clock = clock
        self.next_check: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # one wake-up per due task: be on time
        self._timer.timeout.connect(self.check)
        self._checking = False
        self._again = False

    def check(self) -> None:
        """Notify what is due now and re-arm; call after any change to tasks or interviews."""
        if self._checking:  # one check at a time; a change meanwhile asks for one more
            self._again = True
            return
        self._checking = True
        self._timer.stop()
        now = self.clock()
        self.tasks.run(lambda: self._collect(now), done=self._deliver, failed=self._failed)

    def _collect(self, now: datetime):
        """On a worker thread: the newly due tasks (marked as notified) and the next due moment."""
        store = self.library.followups
        fresh = store.take_due(now)
        later = [t.effective_due for t in store.upcoming(now=now) if t.effective_due > now]
        return fresh, min(later, default=None)

    def _deliver(self, result) -> None:
        fresh, next_due = result
        self._checking = False
        for task in fresh:
            self.due.emit(task)
        self._arm(next_due)

    def _failed(self, error: Exception) -> None:
        log.warning("checking for due follow-ups failed: %s", error)
        self._checking = False
        self._arm(None)

    def _arm(self, next_due: datetime | None) -> None:
        if self._again:
            self._again = False
            self.check()
            return
        now = self.clock()
        wait = MAX_WAIT if next_due is None else min(max(next_due - now, timedelta(0)), MAX_WAIT)
        self.next_check = next_due
        self._timer.start(int(wait.total_seconds() * 1000) + 50)  # a little after, so that it is due
        self.armed.emit(next_due)

    def stop(self) -> None:
        self._timer.stop()
