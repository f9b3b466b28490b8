"""Helpers for driving real widgets in tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def handle_modal(trigger: Callable[[], object], handler: Callable[[QWidget], None]) -> None:
    """Run ``trigger`` (which opens a modal dialog) and let ``handler`` drive that dialog.

    The handler runs inside the dialog's own event loop as soon as the dialog
    is the active modal widget; it must close the dialog.
    """
    handled: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(5, poll)
            return
        handled.append(dialog)
        handler(dialog)

    QTimer.singleShot(0, poll)
    trigger()
    assert handled, "no modal dialog appeared"


def click_message_box(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), type(dialog)
        dialog.button(button).click()

    return handler
