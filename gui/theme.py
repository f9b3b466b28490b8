"""Colours that follow the system's light or dark palette.

The style sheets are written once, in light-mode colours; :func:`themed` gives them back as they are under a
light palette and, under a dark one (the system's dark theme), with each colour swapped for its dark-mode
counterpart from :data:`DARK`: dark text colours become light ones, light banner backgrounds become dark
tints of the same hue.  Every pair keeps WCAG AA contrast against the palette's own text and window colours
(tests/test_contrast.py checks the windows under both palettes).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

# light-mode colour → dark-mode colour
DARK = {
    "#b00020": "#ff8a80",  # errors
    "#8a5a00": "#ffcc80",  # warnings in text
    "#3c0b0b": "#ffdad6",  # text on an alert
    "#666": "#bdbdbd", "#444": "#d0d0d0", "#555": "#c8c8c8", "#757575": "#bdbdbd",  # quieter text
    "#e65100": "#ffab40",  # over time
    "#fff3cd": "#4a3b00", "#f0c36d": "#8d6e00",  # notice banners and their borders
    "#fdecea": "#4a1d1a", "#c5221f": "#ef9a9a", "#e0a3a0": "#a1524d",  # alerts
    "#e3f2fd": "#0d2a45", "#90caf9": "#1e5a8c",  # questions to the user
    "#fff8e1": "#3e3300", "#fffdf3": "#3a3520", "#e0c060": "#8d7a2a", "#fff8d6": "#4a3f00",
    "#bbdefb": "#0d3c61", "#0d47a1": "#bbdefb",  # a pause in a transcript
    "#1a4f9c": "#90caf9", "#1b6b2a": "#a5d6a7",  # the interviewer's and my turns
    "#1a5fb4": "#8ab4f8",  # links in the notes
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}\b|\bcolor: black\b")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (the application's by default) is a dark one: light text on a dark window."""
    palette = palette or QGuiApplication.palette()
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


# Each sheet themed() gave out → the light sheet it was made from: when the palette changes, the sheets that
# widgets hold are made again for the new one (PaletteFollower), without each widget keeping its own copy.
_WRITTEN: dict[str, str] = {}


def themed(sheet: str) -> str:
    """``sheet`` for the application's current palette (unchanged under a light one); followed when the system
    switches between light and dark while the app runs (:class:`PaletteFollower`)."""
    result = _themed(sheet)
    _WRITTEN[result] = sheet
    return result


def _themed(sheet: str) -> str:
    if not is_dark():
        return sheet

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "color: black":
            return found  # black stays on the saturated backgrounds it is written with (amber "paused")
        return DARK.get(found.lower(), found)

    return _COLOUR.sub(swap, sheet)


def tone(light: str) -> QColor:
    """The colour ``light`` (written for a light palette) for the application's current palette."""
    return QColor(DARK.get(light.lower(), light) if is_dark() else light)


class PaletteFollower(QObject):
    """Installed on the application: when its palette changes (the system's light/dark switch, or the user's
    theme), every widget's style sheet written through :func:`themed` is made again for the new palette, and
    :attr:`changed` tells what draws :func:`tone` colours itself (the notes' links) to do so again."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._dark = is_dark()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QApplication.instance():
            QTimer.singleShot(0, self.follow)  # once the widgets have the new palette (it reaches them after)
        return super().eventFilter(watched, event)

    def follow(self) -> None:
        dark = is_dark()
        if dark == self._dark:
            return
        self._dark = dark
        for widget in QApplication.allWidgets():
            sheet = widget.styleSheet()
            if not sheet:
                continue
            light = _WRITTEN.get(sheet)
            # Set afresh even when unchanged: a style sheet fixes the palette its widgets were polished with.
            widget.setStyleSheet("")
            widget.setStyleSheet(themed(light) if light is not None else sheet)
        self.changed.emit()


_made: list[PaletteFollower] = []  # kept here: the app's findChild made Qt's enums and took ~5 ms of start-up


def follower() -> PaletteFollower | None:
    """The application's :class:`PaletteFollower` (see :func:`follow_palette`), if any."""
    app = QApplication.instance()
    return next((made for made in _made if isValid(made) and made.parent() is app), None) if app is not None else None


def follow_palette() -> PaletteFollower | None:
    """The application's :class:`PaletteFollower`, made on first call (the app and its main window call this)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    if (made := follower()) is None:
        _made[:] = [made := PaletteFollower(app)]
    return made
