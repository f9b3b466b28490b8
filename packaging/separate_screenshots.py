#!/usr/bin/env python3
"""Render "Tell the voices apart again…" in the transcript window, in Japanese and English, into docs/screenshots/.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run packaging/separate_screenshots.py [--out DIR]

A real interview recorded on one microphone, with a stored transcript whose
voices were told apart (no speech model needed), is shown in the transcript
window with the dialog that asks how many voices to tell apart, drawn over it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from review_screenshots import segments
    from shots_session import settle, start

    session = start(__doc__)
    app, out = session.app, session.out

    import numpy as np
    import soundfile
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import Interview, InterviewKind, utc_now
    from core.library import Library
    from core.recording.store import RecordingState
    from core.transcription.model import Transcript, TranscriptionSettings
    from gui.main_window import MainWindow

    library = Library.open()
    window = MainWindow(library, session.settings, session.switcher)
    try:
        for language in ("ja", "en"):
            session.switcher.apply(language)
            interview = library.interviews.add(Interview(
                company="株式会社みらい商事" if language == "ja" else "Northwind Japan", kind=InterviewKind.REAL,
                interviewers="田中様（人事部）" if language == "ja" else "Ms. Clark"))
            consent = library.consent.add(ConsentRecord(
                interview_id=interview.stored_id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED,
                who=interview.interviewers, method=ConsentMethod.IN_PERSON, asked_at=utc_now()))
            said, length = segments(language, {"them": "S1", "me": "S2"})
            recording = library.recordings.begin(consent, f"{interview.id}/take.wav", 16000, 1)
            recording.path.parent.mkdir(parents=True, exist_ok=True)
            soundfile.write(recording.path, np.zeros(16 * length, dtype=np.float32), 16000, subtype="PCM_16")
            library.recordings.finish(recording.id, RecordingState.COMPLETED, length)
            recording = library.recordings.get(recording.id)
            library.transcripts.save(Transcript(source=recording.file, language=language, duration_ms=length,
                                                settings=TranscriptionSettings(separate=True),
                                                recording_id=recording.id, segments=said))
            transcript_window = window.open_transcript(recording, transcribe_if_missing=False)
            transcript_window.resize(1200, 720)
            settle(app, transcript_window.tasks, rounds=3)
            action = transcript_window.separate_again
            action.ask()
            dialog = action.dialog
            assert dialog is not None
            dialog.count.setCurrentIndex(dialog.count.findData(3))
            dialog.adjustSize()
            app.processEvents()
            picture = transcript_window.grab()
            painter = QPainter(picture)
            shown = dialog.grab()  # drawn over the window with a plain title bar, as a window manager would
            title_height = 28
            left, top = (picture.width() - shown.width()) // 2, 270  # under the action's button
            painter.fillRect(left, top - title_height, shown.width(), title_height, QColor("#d6d9de"))
            painter.setPen(QColor("#202124"))
            painter.drawText(QRect(left + 10, top - title_height, shown.width() - 20, title_height),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), dialog.windowTitle())
            painter.drawPixmap(QPoint(left, top), shown)
            painter.setPen(QColor("#7a7f87"))
            painter.drawRect(left - 1, top - title_height - 1, shown.width() + 1, shown.height() + title_height + 1)
            painter.end()
            picture.save(str(out / f"separate_again_{language}.png"))
            dialog.reject()
            transcript_window.close()
    finally:
        window.close()
        library.close()
    print(f"screenshots of telling the voices apart again written to {out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
