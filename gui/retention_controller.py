"""The retention pass in the app (core.retention): at start, once the window is shown, then once a day while the
app runs; off unless the settings say.  It deletes in the background what is due and was announced long enough
ago, and says in the status bar what it did or what will go soon."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from gui.main_window import MainWindow

INTERVAL_MS = 24 * 60 * 60 * 1000  # the retention pass runs once a day while the app runs


class RetentionController(QObject):
    checked = Signal(object)  # core.retention.Report of a retention pass that ran

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.window.first_paint.call(self.run)
        self.timer.start()

    def run(self) -> None:
        """Delete in the background what the retention settings say is due and was announced long enough ago."""
        from core.ops import retention as retention_ops
        from core.retention import Policy

        window = self.window
        policy = Policy.of(window.settings)
        if not policy.active:
            return
        now, library = window.tracker_ui.now(), window.library
        window.tasks.run_op(lambda: retention_ops.run(library, policy, now),
                            done=lambda report: self._done(report, now), failed=window.show_error)

    def _done(self, report, now) -> None:
        deleted = len(report.deleted)
        unannounced = [due for due in report.waiting if due.noticeable(now) and due.announced_at is None]
        status = self.window.statusBar()
        if deleted:
            status.showMessage(self.tr(
                "{count} recording(s) deleted under your retention settings.").format(count=deleted), 15000)
        elif unannounced:
            status.showMessage(self.tr(
                "{count} recording(s) will be deleted soon under your retention settings: see Upcoming to keep "
                "them.").format(count=len(unannounced)), 15000)
        self.checked.emit(report)
