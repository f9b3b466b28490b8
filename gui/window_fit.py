"""Windows as tall as their wrapped text: Qt does not do it by itself.

A shown window does not follow its word-wrapped labels' height-for-width, and
``adjustSize`` keeps a window within two thirds of the screen: a dialog whose
text wraps to more lines than that then squeezes its rows and draws labels over
buttons.  :func:`grow_to_text` grows it to what its layout needs at its width,
up to the screen's height.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget


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
