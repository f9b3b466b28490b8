"""What every screenshot script shares: a throw-away library, Japan time, offscreen Qt.

    session = start(__doc__)
    ... session.app, session.switcher, session.settings, session.out ...
    settle(session.app, window.tasks)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Session:
    out: Path
    home: Path
    app: object  # QApplication
    switcher: object  # gui.i18n.LanguageSwitcher
    settings: object  # core.settings.Settings


def start(description: str | None) -> Session:
    """Parse ``--out`` and ``--scale``, point FURIKAERI_HOME at a new temporary folder, and start Qt (offscreen
    without a display; ``--scale 2`` draws everything at 200%, as on a high-density screen, into
    ``docs/screenshots/200`` unless ``--out`` says otherwise)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--scale", type=float, default=1.0, help="Qt's scale factor (QT_SCALE_FACTOR), e.g. 2")
    args = parser.parse_args()
    if args.out is None:
        args.out = ROOT / "docs" / "screenshots" / ("200" if args.scale == 2 else "")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    home = Path(tempfile.mkdtemp(prefix="furikaeri-shots-"))
    os.environ["FURIKAERI_HOME"] = str(home)
    os.environ["TZ"] = "Asia/Tokyo"  # the sample interviews are in Japan time
    time.tzset()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if args.scale != 1.0:  # a high-density laptop screen (2560 × 1600), not the plugin's 800 × 800 pixels
            screen = home / "offscreen-screen.json"
            screen.write_text(json.dumps({"screens": [{
                "name": "OffscreenScreen", "x": 0, "y": 0, "width": round(1280 * args.scale),
                "height": round(800 * args.scale), "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

    from core.settings import SPEECH_MODEL, Settings
    from gui.app import build_application
    from gui.i18n import LanguageSwitcher

    app = build_application(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    settings.set(SPEECH_MODEL, "tiny.en")  # used in place: no model assembly for pictures
    return Session(args.out, home, app, LanguageSwitcher(), settings)


def settle(app, tasks, rounds: int = 1) -> None:
    """Let ``tasks`` (a gui.tasks.TaskRunner) finish and their results arrive, ``rounds`` times over."""
    from PySide6.QtCore import QEventLoop

    for _ in range(rounds):
        if tasks.pending:
            loop = QEventLoop()
            tasks.idle.connect(loop.quit)
            loop.exec()
        app.processEvents()


def practice_library(company: str = "自己PR練習"):
    """The throw-away library, opened, with one practice interview in it: ``(library, interview)``."""
    from core.interviews import Interview, InterviewKind
    from core.library import Library

    library = Library.open()
    return library, library.interviews.add(Interview(company=company, kind=InterviewKind.MOCK))
