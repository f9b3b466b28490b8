"""Starting the desktop application."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from core.library import Library
from core.messages import FurikaeriError
from core.settings import LANGUAGE, Settings
from gui.i18n import LanguageSwitcher, render, resolve_language
from gui.theme import follow_palette


def build_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)  # the only kind of application this process makes (pytest-qt's too)
    app.setApplicationName("Furikaeri")
    app.setOrganizationName("Furikaeri")
    app.setApplicationDisplayName("Furikaeri")
    follow_palette()  # the system's light/dark switch followed while the app runs
    if os.environ.get("FURIKAERI_STARTUP_PROBE"):  # benchmarks/bench_startup.py only
        from gui.startup_probe import install_if_asked

        install_if_asked(app)
    return app


def open_main_window(settings: Settings | None = None):
    """Open the library and show the main window over it, as the app does (raises FurikaeriError)."""
    from gui.main_window import MainWindow  # after QApplication exists

    settings = settings or Settings()
    switcher = LanguageSwitcher()
    switcher.apply(resolve_language(settings.get(LANGUAGE)))
    library = Library.open()
    window = MainWindow(library, settings, switcher)
    window.show()
    window.start()
    return window, library


def run(argv: list[str] | None = None) -> int:
    app = build_application(sys.argv if argv is None else argv)
    try:
        _window, library = open_main_window()  # held here: the window lives as long as the app runs
    except FurikaeriError as error:
        QMessageBox.critical(None, "Furikaeri", render(error.message))
        return 1
    try:
        return app.exec()
    finally:
        library.close()
