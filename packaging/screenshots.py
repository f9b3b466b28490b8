#!/usr/bin/env python3
"""Render the main screens in Japanese and English into docs/screenshots/.

    uv run packaging/screenshots.py [--out DIR]

Uses a throw-away library with sample interviews (FURIKAERI_HOME is set to a
temporary folder) and Qt's offscreen platform unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
JST = timezone(timedelta(hours=9))


def _sample(library) -> None:
    from core.interviews import Interview, InterviewKind, Stage, Status

    add = library.interviews.add
    add(Interview(company="株式会社みらい商事", position="法人営業", kind=InterviewKind.REAL, stage=Stage.SECOND.value,
                  status=Status.SCHEDULED, starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=JST)))
    add(Interview(company="Northwind Japan", position="Product Manager", kind=InterviewKind.REAL,
                  stage=Stage.FIRST.value, status=Status.WAITING, starts_at=datetime(2026, 11, 20, 10, 30, tzinfo=JST)))
    add(Interview(company="自己PR練習", position="", kind=InterviewKind.MOCK, status=Status.DONE,
                  starts_at=datetime(2026, 11, 18, 21, 0, tzinfo=JST)))
    add(Interview(company="さくらテック株式会社", position="バックエンドエンジニア", kind=InterviewKind.REAL,
                  stage=Stage.DOCUMENT_SCREENING.value, status=Status.PASSED,
                  starts_at=datetime(2026, 11, 12, 9, 0, tzinfo=JST)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ["FURIKAERI_HOME"] = tempfile.mkdtemp(prefix="furikaeri-shots-")
    os.environ["TZ"] = "Asia/Tokyo"  # the sample interviews are in Japan time
    time.tzset()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from core.library import Library
    from core.settings import SPEECH_MODEL, Settings
    from gui.app import build_application
    from gui.i18n import LanguageSwitcher
    from gui.interview_dialog import InterviewDialog
    from gui.main_window import MainWindow

    app = build_application(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    switcher = LanguageSwitcher()
    settings = Settings()
    settings.set(SPEECH_MODEL, "tiny.en")

    def settle(window: MainWindow) -> None:
        loop = QEventLoop()
        window.tasks.idle.connect(loop.quit)
        if window.tasks.pending:
            loop.exec()
        app.processEvents()

    for filled in (False, True):
        library = Library.open()
        if filled:
            _sample(library)
        window = MainWindow(library, settings, switcher)
        window.resize(1100, 660)
        window.show()
        window.start()
        settle(window)
        for language in ("ja", "en"):
            switcher.apply(language)
            app.processEvents()
            name = "main_window" if filled else "empty_state"
            window.grab().save(str(args.out / f"{name}_{language}.png"))
            if filled:
                dialog = InterviewDialog(window, library.interviews.all()[0])
                dialog.show()
                app.processEvents()
                dialog.grab().save(str(args.out / f"interview_dialog_{language}.png"))
                dialog.close()
        window.close()
        library.close()
        if not filled:
            Path(library.path).unlink()
    print(f"screenshots written to {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
