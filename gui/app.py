"""Starting the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from core.library import Library
from core.messages import FurikaeriError
from core.settings import LANGUAGE, Settings
from gui.i18n import LanguageSwitcher, render, resolve_language


def build_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Furikaeri")
    app.setOrganizationName("Furikaeri")
    app.setApplicationDisplayName("Furikaeri")
    return app


def run(argv: list[str] | None = None) -> int:
    from gui.main_window import MainWindow  # after QApplication exists

    app = build_application(sys.argv if argv is None else argv)
    settings = Settings()
    switcher = LanguageSwitcher()
    switcher.apply(resolve_language(settings.get(LANGUAGE)))
    try:
        library = Library.open()
    except FurikaeriError as error:
        QMessageBox.critical(None, "Furikaeri", render(error.message))
        return 1
    window = MainWindow(library, settings, switcher)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        library.close()
