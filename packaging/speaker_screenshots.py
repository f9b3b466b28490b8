#!/usr/bin/env python3
"""Render the transcript of an online interview, with who spoke, in Japanese and English into docs/screenshots/.

    uv run packaging/speaker_screenshots.py [--out DIR]

An interview in two voices (tests/dialogue.py: the interviewer on the call
track, the candidate on the microphone) is kept as a two-track recording in
a throw-away library, transcribed by the base model, and shown: a Japanese
interview in the Japanese window, an English one in the English window.
Needs open_jtalk and espeak-ng (see the README's test packages).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from shots_session import start

    session = start(__doc__)
    app, args, home = session.app, session, session.home

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import Interview, InterviewKind, utc_now
    from core.library import Library
    from core.recording.files import call_track_path
    from core.recording.importer import import_audio
    from core.settings import SPEECH_MODEL
    from gui.main_window import MainWindow
    from tests.audio_rig import PulseRig, missing_tools
    from tests.dialogue import make_dialogue

    interviews = {"ja": Interview(company="株式会社みらい商事", position="法人営業", kind=InterviewKind.REAL,
                                  interviewers="田中様（人事部）、佐藤部長"),
                  "en": Interview(company="Northwind Japan", position="Product Manager", kind=InterviewKind.REAL,
                                  interviewers="Ms. Clark (hiring manager)")}
    switcher, settings = session.switcher, session.settings
    library = Library.open()
    settings.set(SPEECH_MODEL, "base")
    rig = None if missing_tools() else PulseRig().start()  # playback needs a sound server to open the audio
    if rig is not None:
        import os

        os.environ.update(rig.client_env)
    window = MainWindow(library, settings, switcher)
    try:
        for language, interview in interviews.items():
            switcher.apply(language)
            interview = library.interviews.add(interview)
            dialogue = make_dialogue(Path(home), language, name=f"interview-{language}")
            consent = ConsentRecord(interview_id=interview.stored_id, purpose=ConsentPurpose.IMPORTED,
                                    answer=ConsentAnswer.AGREED, who=interview.interviewers,
                                    method=ConsentMethod.ONLINE, asked_at=utc_now())
            recording = import_audio(library, dialogue.mic, consent)
            shutil.copyfile(dialogue.call, call_track_path(recording.path))
            transcript_window = window.open_transcript(recording)
            done = QEventLoop()
            transcript_window.transcription_finished.connect(done.quit)
            done.exec()
            transcript_window.resize(1000, 560)
            transcript_window.table.selectRow(1)
            transcript_window.seek(transcript_window.transcript.segments[1].start_ms + 400)
            app.processEvents()
            transcript_window.grab().save(str(args.out / f"transcript_speakers_{language}.png"))
            transcript_window.show_speaker("interviewer")
            app.processEvents()
            transcript_window.grab().save(str(args.out / f"transcript_questions_{language}.png"))
            transcript_window.close()
    finally:
        window.close()
        library.close()
        if rig is not None:
            rig.stop()
    print(f"speaker screenshots written to {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
