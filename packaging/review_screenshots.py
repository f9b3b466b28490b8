#!/usr/bin/env python3
"""Render the transcript window's interview review, in Japanese and English, into docs/screenshots/.

    xvfb-run -a uv run packaging/review_screenshots.py [--out DIR]

A stored transcript of a short interview (no speech model needed) is shown
twice per language: with its voices separated but not yet named (the
"which voice is yours?" bar), and with me and the interviewer (the
questions they asked, my answer's metrics, the talk-time split).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIALOGUE = {
    "ja": [("them", "本日はよろしくお願いします。では、自己紹介をお願いします。"),
           ("me", "はい、山田太郎と申します。大学では情報工学を専攻し、物流の最適化を研究してきました。"),
           ("them", "ありがとうございます。弊社の物流システムの課題について、どうお考えですか？"),
           ("me", "えーと、在庫の見える化が遅れていると考えます。現場の声を集めて改善したいです。"),
           ("them", "当社を志望した理由を教えてください。"),
           ("me", "御社のサービスを毎日使っていて、開発に関わりたいと考えました。")],
    "en": [("them", "Thanks for joining us today. Could you start by introducing yourself?"),
           ("me", "Sure. I'm Taro Yamada, a software engineer working on logistics systems for five years."),
           ("them", "Great. How would you improve our delivery tracking app?"),
           ("me", "Um, I would start with the notifications, because customers mostly ask where their parcel is."),
           ("them", "Why do you want to work here?"),
           ("me", "I use your service every day, and I want to help build it.")],
}


def segments(language: str, names: dict[str, str]):
    from core.transcription.model import Segment, Word

    result, at = [], 1000
    for who, text in DIALOGUE[language]:
        tokens = list(text) if language == "ja" else text.split()
        step = 120 if language == "ja" else 380
        end = at + step * len(tokens)
        words = tuple(Word(at + i * step, at + (i + 1) * step, (t if language == "ja" else f" {t}"), 0.9)
                      for i, t in enumerate(tokens))
        result.append(Segment(at, end, text, words=words).spoken_by(names[who]))
        at = end + 1200
    return tuple(result), at


def main() -> int:
    from shots_session import settle, start

    session = start(__doc__)
    app, out = session.app, session.out

    import numpy as np
    import soundfile
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from core.consent import self_consent
    from core.interviews import Interview, InterviewKind
    from core.library import Library
    from core.recording.store import RecordingState
    from core.transcription.model import Transcript, TranscriptionSettings
    from gui.main_window import MainWindow

    library = Library.open()
    window = MainWindow(library, session.settings, session.switcher)
    try:
        for language in ("ja", "en"):
            session.switcher.apply(language)
            for shot, names in (("voices", {"them": "S1", "me": "S2"}),
                                ("questions", {"them": "interviewer", "me": "me"})):
                interview = library.interviews.add(Interview(
                    company="株式会社みらい商事" if language == "ja" else "Northwind Japan",
                    kind=InterviewKind.MOCK, interviewers="田中様（人事部）" if language == "ja" else "Ms. Clark"))
                consent = library.consent.add(self_consent(interview.stored_id))
                said, length = segments(language, names)
                recording = library.recordings.begin(consent, f"{interview.id}/take.wav", 16000, 1)
                recording.path.parent.mkdir(parents=True, exist_ok=True)
                soundfile.write(recording.path, np.zeros(16 * length, dtype=np.float32), 16000, subtype="PCM_16")
                library.recordings.finish(recording.id, RecordingState.COMPLETED, length)
                recording = library.recordings.get(recording.id)
                library.transcripts.save(Transcript(source=recording.file, language=language, duration_ms=length,
                                                    settings=TranscriptionSettings(), recording_id=recording.id,
                                                    segments=said))
                transcript_window = window.open_transcript(recording, transcribe_if_missing=False)
                transcript_window.resize(1200, 720)
                settle(app, transcript_window.tasks, rounds=3)
                panel = transcript_window.review.panel
                if panel.questions.count():
                    panel.questions.setCurrentRow(1)
                    settle(app, transcript_window.tasks)
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
                app.processEvents()
                transcript_window.grab().save(str(out / f"transcript_review_{shot}_{language}.png"))
                transcript_window.close()
    finally:
        window.close()
        library.close()
    print(f"review screenshots written to {out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
