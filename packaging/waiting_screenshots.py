#!/usr/bin/env python3
"""Render the transcript window waiting behind a recording's live transcript, in Japanese and English.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run packaging/waiting_screenshots.py [--out DIR]

A practice answer (espeak) is imported while another recording is being
transcribed as it is made (a live job following a growing file); "Transcribe"
is clicked in the answer's transcript window, which then says that it waits.
``transcript_waiting_{ja,en}.png``.
"""

from __future__ import annotations

import os
import subprocess
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

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import utc_now
    from core.recording.importer import import_audio
    from core.transcription.model import TranscriptionSettings
    from gui.main_window import MainWindow

    library, interview = practice_library()
    clip = Path(os.environ["FURIKAERI_HOME"]) / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(clip), "I would like to tell you about my last project."],
                   check=True, capture_output=True)
    consent = ConsentRecord(interview_id=interview.stored_id, purpose=ConsentPurpose.IMPORTED,
                            answer=ConsentAnswer.AGREED, who="self", method=ConsentMethod.SELF, asked_at=utc_now())
    recording = import_audio(library, clip, consent)
    window = MainWindow(library, session.settings, session.switcher)
    live = None
    try:
        window.show()
        settle(app, window.tasks, rounds=2)
        service = window.transcription_service()
        growing = Path(os.environ["FURIKAERI_HOME"]) / "being-recorded.wav"
        soundfile.write(growing, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
        live = service.follow(growing, TranscriptionSettings(model="tiny.en", language="en"))
        transcript_window = window.open_transcript(recording, transcribe_if_missing=False)
        settle(app, window.tasks, rounds=2)
        transcript_window.resize(1000, 620)
        transcript_window.transcribe()
        assert transcript_window.waiting, "the transcription should wait behind the live one"
        for language in ("ja", "en"):
            session.switcher.apply(language)
            app.processEvents()
            transcript_window.grab().save(str(out / f"transcript_waiting_{language}.png"))
        transcript_window.cancel()
        transcript_window.close()
    finally:
        if live is not None:
            live.cancel()
        window.close()
        library.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
