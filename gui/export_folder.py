"""Where an export dialog opens: the last export's folder while it exists, else Documents, else home."""

from __future__ import annotations

from pathlib import Path

from core.settings import EXPORT_FOLDER, Settings


def export_folder(settings: Settings) -> str:
    """The folder an export dialog opens in: the last export's while it exists, else Documents, else home."""
    from PySide6.QtCore import QStandardPaths

    last = settings.get(EXPORT_FOLDER)
    if last and Path(last).is_dir():
        return str(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(settings: Settings, path: str) -> None:
    """The folder of a file just exported: the next export dialog opens there."""
    settings.set(EXPORT_FOLDER, str(Path(path).parent))
