"""Windows as tall as their wrapped text: Qt does not do it by itself.

A shown window does not follow its word-wrapped labels' height-for-width, and
``adjustSize`` keeps a window within two thirds of the screen: a dialog whose
text wraps to more lines than that then squeezes its rows and draws labels over
buttons.  :func:`grow_to_text` grows it to what its layout needs at its width,
up to the screen's height.  Inside a window, :class:`WholeLabel` keeps a
crowded layout from cutting a wrapped text off.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


def grow_to_text(window: QWidget) -> None:
    """Grow the shown ``window`` to its layout's height for its width (never beyond the screen)."""
    layout = window.layout()
    if not window.isVisible() or layout is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # inner layouts (a tab's page) first
    layout.activate()
    window.adjustSize()
    needed = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(window.width(), needed)


class WholeLabel(QLabel):
    """A word-wrapped label that a layout never squeezes below its text: its minimum height follows the lines its
    text takes at its width (a plain QLabel's minimum is one line's worth, and a crowded column then cuts the
    words off mid-sentence)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._follow_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow_text()

    def _follow_text(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed < 0:  # no height for a width yet (no text, or not laid out): one line's worth
            needed = self.sizeHint().height()
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
