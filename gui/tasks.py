"""The one background-task helper: run slow work off the UI thread.

``runner.run(fn, done=..., failed=..., progress=...)`` runs ``fn`` on a pool
thread and delivers its result (or exception) back on the UI thread through
queued signals.  When ``progress`` is given, ``fn`` receives a ``report``
keyword argument to call with ``(done, total)`` from the worker.  Widgets are
never touched from a worker thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; carries one task's outcome back to it."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, with_progress: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(report=lambda done, total: self._emit(self._relay.progressed, done, total))
            else:
                result = self._fn()
        except Exception as error:  # delivered to the caller, never lost
            log.debug("background task failed:\n%s", traceback.format_exc())
            self._emit(self._relay.failed, error)
        else:
            self._emit(self._relay.succeeded, result)

    @staticmethod
    def _emit(signal, *values: Any) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the receiving side was destroyed (the app is quitting)
            log.debug("background result dropped: its receiver is gone")


class TaskRunner(QObject):
    """Runs callables on a private thread pool; tracks how many are pending."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[..., Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        progress: Callable[[Any, Any], None] | None = None,
    ) -> None:
        relay = _Relay(self)  # goes with the runner: no result reaches a destroyed widget
        self._relays.add(relay)
        relay.succeeded.connect(lambda result: self._finish(relay, done, result))
        relay.failed.connect(lambda error: self._finish(relay, failed or self._unhandled, error))
        if progress is not None:
            relay.progressed.connect(progress)
        self._pool.start(_Job(fn, relay, progress is not None))

    def _finish(self, relay: _Relay, callback: Callable[[Any], None] | None, value: Any) -> None:
        self._relays.discard(relay)
        try:
            if callback is not None:
                callback(value)
        finally:
            relay.deleteLater()
            if not self._relays:
                self.idle.emit()

    @staticmethod
    def _unhandled(error: Exception) -> None:
        log.error("unhandled background error: %s", error)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until worker threads finish (shutdown only; results are not delivered)."""
        return self._pool.waitForDone(msecs)
