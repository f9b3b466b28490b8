"""Helpers for driving real widgets in tests."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def handle_modal(trigger: Callable[[], object], handler: Callable[[QWidget], None], timeout_s: float = 10.0) -> None:
    """Run ``trigger``, which opens a modal dialog now or after background work, and let ``handler`` drive it.

    The handler runs inside the dialog's own event loop as soon as the dialog
    is the active modal widget; it must close the dialog.
    """
    handled: list[QWidget] = []
    waiting = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(5, poll)
            else:
                waiting.quit()
            return
        handled.append(dialog)
        handler(dialog)
        waiting.quit()

    QTimer.singleShot(0, poll)
    trigger()
    if not handled:
        waiting.exec()
    assert handled, "no modal dialog appeared"


def click_message_box(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def handler(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), type(dialog)
        dialog.button(button).click()

    return handler
