#!/usr/bin/env python3
"""Render the Settings dialog with its "Your voice" group, in Japanese and English, into docs/screenshots/.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run packaging/settings_screenshots.py [--out DIR]

A throw-away library holds three practice answers made alone (silent files:
the pictures count them, nothing is analysed).  One picture per page:
``settings_general_{ja,en}.png`` (language, the names mails are signed with),
``settings_{ja,en}.png`` (transcription), ``settings_voice_profile_{ja,en}.png``
(a profile, written by core.diarization.profile.save, made on 3 December 2026).
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

    from datetime import datetime, timedelta, timezone

    import numpy as np
    import soundfile
    from PySide6.QtWidgets import QApplication

    from core.consent import self_consent
    from core.diarization import profile
    from core.recording.store import RecordingState
    from core.settings import Settings
    from gui.settings_dialog import SettingsDialog
    from gui.tasks import TaskRunner

    library, interview = practice_library()
    consent = library.consent.add(self_consent(interview.stored_id))
    for index in range(3):
        recording = library.recordings.begin(consent, f"{interview.id}/answer{index}.wav", 16000, 1)
        recording.path.parent.mkdir(parents=True, exist_ok=True)
        soundfile.write(recording.path, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
        library.recordings.finish(recording.id, RecordingState.COMPLETED, 1000)
    vector = np.random.default_rng(1).standard_normal(192)
    made = profile.VoiceProfile(tuple(float(v) for v in vector / np.linalg.norm(vector)), 74.0, 3,
                                datetime(2026, 12, 3, 20, 15, tzinfo=timezone(timedelta(hours=9))))
    tasks = TaskRunner()
    try:
        for shot, saved, page in (("settings_general", None, "general"), ("settings", None, "transcription"),
                                  ("settings_voice_profile", made, "voice_page"), ("settings_data", None, "data_page")):
            if saved is None:
                profile.delete()
            else:
                profile.save(saved)
            for language in ("ja", "en"):
                session.switcher.apply(language)
                dialog = SettingsDialog("system", library=library, tasks=tasks,
                                        glossary="東都大学\n軽音楽部\n精密センサー" if language == "ja" else "",
                                        names=("山田 太郎", "Taro Yamada"))
                dialog.pages.setCurrentWidget(getattr(dialog, page))
                dialog.models.attach(Settings(), tasks.hub)  # as the main window does: advice and "Speech models…"
                dialog.show()
                settle(app, tasks)
                while dialog.models.advice is None:
                    app.processEvents()
                app.processEvents()
                dialog.grab().save(str(out / f"{shot}_{language}.png"))
                print(f"{shot}_{language}: {dialog.width()}x{dialog.height()}")
                dialog.close()
                dialog.deleteLater()
    finally:
        profile.delete()
        library.close()
    print(f"settings screenshots written to {out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
