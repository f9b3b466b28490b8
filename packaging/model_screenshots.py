#!/usr/bin/env python3
"""Render the speech-model manager in Japanese and English into docs/screenshots/.

    uv run packaging/model_screenshots.py [--out DIR]

In a throw-away home: base is assembled and its speed measured on the
built-in clip (a real measurement on this computer), then the manager shows
the models with that speed and the estimates for the bigger ones.  Nothing
is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from shots_session import settle, start

    session = start(__doc__)
    app = session.app

    from core.settings import SPEECH_MODEL
    from core.speech.calibration import calibrate
    from core.speech.models import resolve_model
    from gui.model_manager import ModelManagerDialog
    from gui.tasks import ChangeHub

    session.settings.set(SPEECH_MODEL, "base")
    resolve_model("base")
    calibrate("base")
    dialog = ModelManagerDialog(session.settings, ChangeHub())
    dialog.resize(1180, 470)
    dialog.show()
    settle(app, dialog.tasks)
    dialog.select("small")
    for language in ("ja", "en"):
        session.switcher.apply(language)
        app.processEvents()
        dialog.table.resizeColumnsToContents()
        app.processEvents()
        dialog.grab().save(str(session.out / f"model_manager_{language}.png"))
    dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
