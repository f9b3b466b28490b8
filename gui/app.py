"""Starting the desktop application."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from core import paths
from core.library import Library
from core.messages import FurikaeriError
from core.settings import LANGUAGE, Settings
from gui.i18n import LanguageSwitcher, render, resolve_language
from gui.theme import follow_palette

# The name the installed .desktop file and AppStream metadata carry (packaging/linux/): Wayland matches the
# window to its launcher by it, as X11 does by WM_CLASS, which Qt takes from the application name.
DESKTOP_FILE_NAME = "io.github.furikaeri.Furikaeri"


def build_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)  # the only kind of application this process makes (pytest-qt's too)
    app.setApplicationName("Furikaeri")
    app.setOrganizationName("Furikaeri")
    app.setApplicationDisplayName("Furikaeri")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    # From the SVG: drawn at whatever size the window manager or task bar asks (Qt Svg loads on first use).
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "furikaeri.svg")))
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
    move_if_asked()  # a move of the library asked for in Settings: before the library opens
    library = Library.open()
    window = MainWindow(library, settings, switcher)
    window.show()
    window.start()
    return window, library


def move_if_asked() -> None:
    """Move the library as asked in Settings (core.relocation.request_move), in the background behind a progress
    window; a failure is said, and the library stays where it was."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from core import relocation

    target = relocation.pending_move()
    if target is None:
        return
    state: dict[str, object] = {"done": 0, "total": 1}

    def work() -> None:
        try:
            state["moved"] = relocation.move_pending(lambda done, total: state.update(done=done, total=total))
        except Exception as error:  # noqa: BLE001 - any failure is said below, on the UI thread
            state["error"] = error
        finally:
            state["finished"] = True

    dialog = QProgressDialog(QCoreApplication.translate("LibraryMove", "Moving the library to {path}…").format(
        path=target), "", 0, 1000)
    dialog.setWindowTitle("Furikaeri")
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # half a copy is never left: it runs to its end
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(100)

    def poll() -> None:
        dialog.setValue(int(1000 * int(state["done"]) / max(1, int(state["total"]))))  # type: ignore[call-overload]
        if state.get("finished"):
            loop.quit()

    timer.timeout.connect(poll)
    thread = threading.Thread(target=work, name="library-move", daemon=False)
    thread.start()
    timer.start()
    loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    error = state.get("error")
    if isinstance(error, FurikaeriError):
        QMessageBox.warning(None, "Furikaeri", render(error.message))
    elif isinstance(error, Exception):
        QMessageBox.warning(None, "Furikaeri", QCoreApplication.translate(
            "LibraryMove", "The library could not be moved ({detail}); it is where it was.").format(detail=error))


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
