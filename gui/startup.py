"""The main window's start-up (issue 16, "a window at once").

:class:`FirstPaint` watches a window for its first expose (under X: mapped,
first paint asked for) and then, on the next turns of the event loop, runs
what waited for it; :func:`replace_blank` puts a widget built late where a blank held its
place: the same size, and where the keyboard would have reached it;
:func:`recover` and :func:`check_consent` run on worker threads at start and
load their modules there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QSplitter, QWidget

if TYPE_CHECKING:
    from core.consent.verify import ConsentCheck
    from core.library import Library
    from core.ops import Result
    from core.recording.recovery import RecoveryReport

LATEST_MS = 1000  # a window shown but never exposed (started minimised): go on after this


class FirstPaint(QObject):
    """``first()`` on the first turn of the event loop after ``window``'s first expose, then each of
    :meth:`call`'s callables on a turn of its own."""

    def __init__(self, window: QWidget, first: Callable[[], object]):
        super().__init__(window)
        self._window = window
        self._first = first
        self._waiting: list[Callable[[], object]] | None = []  # None once painted
        self._watching = False
        window.installEventFilter(self)

    def call(self, then: Callable[[], object]) -> None:
        """``then`` once the window is painted (on the next turn if it is, or if it was never shown)."""
        if self._waiting is None or not self._watching:
            QTimer.singleShot(0, self, then)
        else:
            self._waiting.append(then)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self._window and self._waiting is not None and not self._watching:
            handle = self._window.windowHandle()
            if handle is not None:
                self._watching = True
                handle.installEventFilter(self)
                QTimer.singleShot(LATEST_MS, self, self._painted)
        elif kind == QEvent.Type.Expose and isinstance(watched, QWindow) and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        if self._waiting is None:
            return
        waiting, self._waiting = self._waiting, None
        self._window.removeEventFilter(self)
        self._first()
        for then in waiting:
            QTimer.singleShot(0, self, then)


def tab_after(first: QWidget | None, widget: QWidget) -> None:
    """Put ``widget`` and everything in it that takes the keyboard right after ``first`` in the tab order."""
    while first is not None and first.focusPolicy() == Qt.FocusPolicy.NoFocus and first.parentWidget() is not None:
        first = first.previousInFocusChain()  # setTabOrder orders only widgets that take the keyboard
    chain: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None and (current is widget or widget.isAncestorOf(current)):
        chain.append(current)
        current = current.nextInFocusChain()
    for item in chain:
        if first is not None and item.focusPolicy() != Qt.FocusPolicy.NoFocus:
            QWidget.setTabOrder(first, item)
            first = item


def replace_blank(splitter: QSplitter, blank: QWidget, widget: QWidget) -> None:
    """``widget`` in ``blank``'s place in ``splitter``: nothing moves, the tab order is as if it had been there."""
    sizes, before = splitter.sizes(), blank.previousInFocusChain()
    splitter.replaceWidget(splitter.indexOf(blank), widget)
    if splitter.isVisible():
        splitter.setSizes(sizes)
    tab_after(before, widget)
    blank.deleteLater()


def recover(library: Library) -> Result[RecoveryReport]:
    from core.ops import recordings

    return recordings.recover(library)


def check_consent(library: Library) -> ConsentCheck:
    from core.consent.verify import check_consent

    return check_consent(library)
