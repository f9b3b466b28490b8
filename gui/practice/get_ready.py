"""A few seconds to read the first question before a practice session records: "Recording starts in 3 s"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

GET_READY_S = 3


class GetReady(QObject):
    """Counts down whole seconds, then calls the start it was given (at once on :meth:`now`)."""

    ticked = Signal(int)  # seconds left

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = GET_READY_S  # 0: no countdown
        self.left = 0
        self._start: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self._start is not None

    def begin(self, start: Callable[[], None]) -> None:
        self._start, self.left = start, self.seconds
        if self.left <= 0:
            self.now()
            return
        self._timer.start()
        self.ticked.emit(self.left)

    def now(self) -> None:
        """Start without waiting for the rest of the countdown."""
        start, self._start, self.left = self._start, None, 0
        self._timer.stop()
        if start is not None:
            start()

    def cancel(self) -> None:
        self._start, self.left = None, 0
        self._timer.stop()

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.now()
        else:
            self.ticked.emit(self.left)
