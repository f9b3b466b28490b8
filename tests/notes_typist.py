"""A real Furikaeri process that types into the notes until it is killed (for the crash test).

Run as ``python -m tests.notes_typist`` with ``FURIKAERI_HOME`` set. It opens
the app the way ``main.py`` does, selects the first interview, and from then
on presses keys in the notes editor every 50 ms, typing ``<0><1><2>...``.
After each chunk it prints ``typed N MONOTONIC`` so the test knows what was
typed when.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from gui.app import build_application, open_main_window

INTERVAL_MS = 50


def main() -> int:
    app = build_application(sys.argv[:1])
    window, _library = open_main_window()
    notes = window.pane.notes
    count = 0
    timer = QTimer()
    timer.setInterval(INTERVAL_MS)

    def type_chunk() -> None:
        nonlocal count
        QTest.keyClicks(notes.editor, f"<{count}>")
        print(f"typed {count} {time.monotonic():.4f}", flush=True)
        count += 1

    def start_typing(_interview_id: int) -> None:
        notes.editor.setFocus()
        print("ready", flush=True)
        timer.start()

    timer.timeout.connect(type_chunk)
    notes.loaded.connect(start_typing)
    window.library_loaded.connect(lambda: window.table.selectRow(0))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
