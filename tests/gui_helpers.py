"""Helpers for driving real widgets in tests."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from gui.settings_dialog import SettingsDialog


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


@contextmanager
def settings_dialog(qtbot, language: str) -> Iterator[SettingsDialog]:
    """The real Settings dialog over this test's library, shown with its voice page's status read; closed after
    its background reads are done."""
    from core.library import Library
    from gui.settings_dialog import SettingsDialog
    from gui.tasks import TaskRunner

    with Library.open() as library:
        tasks = TaskRunner()
        dialog = SettingsDialog(language, library=library, tasks=tasks)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.voice.status is not None)
        try:
            yield dialog
        finally:
            dialog.close()
            qtbot.waitUntil(lambda: tasks.pending == 0 and dialog.voice.tasks.pending == 0)


def each_page(qtbot, dialog: SettingsDialog) -> Iterator[str]:
    """Show the dialog's pages one after the other; yields each page's tab text while it is shown."""
    for index in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(index)
        qtbot.waitUntil(lambda index=index: dialog.pages.widget(index).isVisible())
        yield dialog.pages.tabText(index)
