#!/usr/bin/env python3
"""Render the library's-life dialogs in Japanese and English into docs/screenshots/: the backup's passphrase,
the restore's passphrase, and the confirmation that says what a deletion takes with it.

    uv run packaging/data_screenshots.py [--out DIR] [--scale 2]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from shots_session import practice_library, settle, start

    session = start(__doc__)
    app, out = session.app, session.out

    import numpy as np
    import soundfile
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from core.consent import self_consent
    from core.recording.store import RecordingState
    from gui.backup_dialog import PassphraseDialog, UnlockDialog
    from gui.deletion_ui import Deleter
    from gui.tasks import TaskRunner

    library, interview = practice_library()
    consent = library.consent.add(self_consent(interview.stored_id))
    recording = library.recordings.begin(consent, f"{interview.id}/answer.wav", 16000, 1)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(recording.path, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 1000)
    tasks = TaskRunner()
    for language in ("ja", "en"):
        session.switcher.apply(language)
        for name, dialog in (("backup_passphrase", PassphraseDialog()), ("restore_passphrase", UnlockDialog())):
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"{name}_{language}.png"))
            dialog.close()
        shot: list[bool] = []

        def grab_box(path: Path = out / f"delete_interview_{language}.png", shot: list[bool] = shot) -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                box.grab().save(str(path))
                shot.append(True)
                box.reject()
            else:
                QTimer.singleShot(50, lambda: grab_box(path, shot))

        QTimer.singleShot(50, grab_box)
        Deleter(library, tasks, QApplication.activeWindow() or PassphraseDialog()).delete_interview(interview.stored_id)
        while not shot:
            app.processEvents()
        settle(app, tasks)
    library.close()
    print(f"data screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
