"""Windows open as they were left: their place and size, and where their splitters were, kept in the settings
(:data:`core.settings.WINDOWS`, by window name) when the window closes and given back when it is made.  A saved
place on a screen that is no longer there is put back on a screen by Qt (restoreGeometry); anything unreadable is
ignored and the window keeps its default size."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtWidgets import QSplitter, QWidget

from core.settings import WINDOWS, Settings


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: object) -> QByteArray | None:
    return QByteArray.fromBase64(text.encode("ascii")) if isinstance(text, str) and text else None


class WindowState(QObject):
    """Remembers ``window`` as ``name``, with its ``splitters`` (by name): restored now, saved on each close."""

    def __init__(self, window: QWidget, settings: Settings, name: str, splitters: dict[str, QSplitter]):
        super().__init__(window)
        self.window, self.settings, self.name, self.splitters = window, settings, name, splitters
        self.restore()
        window.installEventFilter(self)

    def restore(self) -> bool:
        """The saved state put back; False when there was none (or none readable)."""
        saved = self.settings.get(WINDOWS).get(self.name)
        if not isinstance(saved, dict):
            return False
        geometry = _decode(saved.get("geometry"))
        restored = geometry is not None and self.window.restoreGeometry(geometry)
        splitters = saved.get("splitters")
        for key, splitter in self.splitters.items():
            state = _decode(splitters.get(key)) if isinstance(splitters, dict) else None
            if state is not None:
                splitter.restoreState(state)
        return restored

    def save(self) -> None:
        windows = dict(self.settings.get(WINDOWS))
        windows[self.name] = {"geometry": _encode(self.window.saveGeometry()),
                              "splitters": {key: _encode(s.saveState()) for key, s in self.splitters.items()}}
        self.settings.set(WINDOWS, windows)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()  # also when the close is refused (a recording runs): what the user set is kept
        return super().eventFilter(watched, event)
