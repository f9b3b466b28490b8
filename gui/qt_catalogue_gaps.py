"""Strings Qt's own widgets show that Qt's Japanese catalogue (``qtbase_ja.qm``) leaves in English.

Qt's file dialog names a folder's kind through ``QAbstractFileIconProvider``
("Folder", "Drive", …), which qtbase_ja does not translate: in the Japanese
UI the Kind column said "Folder".  Marking the same context, text and
disambiguation here puts them in the app's catalogue, which Qt consults too.
Nothing calls this module; ``lupdate`` reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Qt asks with a disambiguation ("All other platforms"); a translator holding the text without one answers too.
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut")
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown")
