"""What a screen reader finds in a window, read in the app's own process through Qt's accessibility interfaces
(the same ones the AT-SPI bridge serves; tests/test_accessibility.py reads them through the real bridge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(window: QWidget) -> list[str]:
    """Every shown control of ``window`` that Tab can reach and that has no accessible name."""
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a spin box's line edit): the control they belong to is checked
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                           f"{type(widget.parentWidget()).__name__ if widget.parentWidget() else '-'}")
    return missing
