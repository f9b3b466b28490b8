"""The one background-task helper: run slow work off the UI thread, and tell every screen what changed.

``runner.run(fn, done=..., failed=..., progress=...)`` runs ``fn`` on a pool
thread and delivers its result (or exception) back on the UI thread through
queued signals.  When ``progress`` is given, ``fn`` receives a ``report``
keyword argument to call with ``(done, total)`` from the worker.  Widgets are
never touched from a worker thread.

``runner.run_op(op, done=...)`` runs a core operation (a callable returning a
:class:`core.ops.Result`); on the UI thread its :class:`core.ops.Changes` go
out through the runner's :class:`ChangeHub` first, so every screen showing
what changed shows it anew, and then ``done`` gets the operation's value.

:class:`UiCallback` is the one bridge for callbacks that core code calls from
its own threads (recorder events, transcription progress).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.ops import Changes, Result

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
        except Exception as error:  # noqa: BLE001 - delivered to the caller, never lost
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


class ChangeHub(QObject):
    """Where operations announce what they changed; screens subscribe to :attr:`changed`."""

    changed = Signal(object)  # core.ops.Changes

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


class UiCallback(QObject):
    """A callable that any thread may call; ``fn`` runs on the UI thread with the same arguments."""

    _delivered = Signal(tuple)

    def __init__(self, fn: Callable[..., None], parent: QObject):
        super().__init__(parent)  # lives on the UI thread: the signal is queued from any other
        self._fn = fn
        self._delivered.connect(self._deliver)

    def __call__(self, *args: Any) -> None:
        try:
            self._delivered.emit(args)
        except RuntimeError:  # the owner was destroyed (a window closed while its job still reports)
            log.debug("callback dropped: its receiver is gone")

    def _deliver(self, args: tuple) -> None:
        self._fn(*args)


class TaskRunner(QObject):
    """Runs callables on a private thread pool; tracks how many are pending."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 2, hub: ChangeHub | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self.hub = hub if hub is not None else ChangeHub(self)

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

    def run_op(
        self,
        op: Callable[..., Result[Any]],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        progress: Callable[[Any, Any], None] | None = None,
    ) -> None:
        """Run a core operation; its changes reach the hub before ``done`` gets its value."""
        def finished(result: Result[Any]) -> None:
            self.hub.publish(result.changes)
            if done is not None:
                done(result.value)

        self.run(op, done=finished, failed=failed, progress=progress)

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
