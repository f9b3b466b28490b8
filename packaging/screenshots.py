#!/usr/bin/env python3
"""Render the main screens in Japanese and English into docs/screenshots/.

    uv run packaging/screenshots.py [--out DIR]

Uses a throw-away library with sample interviews (FURIKAERI_HOME is set to a
temporary folder) and Qt's offscreen platform unless a display is set.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta, timezone
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


def _recording_shots(app, window, library, switcher, out: Path, settle) -> None:
    """A mock answer being recorded, through a private PulseAudio microphone when one can start."""
    from PySide6.QtCore import QEventLoop, QTimer

    from core.audio.devices import audio_status
    from tests.audio_rig import PulseRig, missing_tools

    if missing_tools():
        print("pulseaudio not installed: no recording screenshot")
        return
    with PulseRig() as rig:
        os.environ.update(rig.client_env)
        status = audio_status(rescan=True)
        window.pane.recorder.set_audio(status)
        window.status.show_audio(status)
        mock_row = next(r for r in range(window.model.rowCount()) if window.model.interview_at(r).kind.value == "mock")
        window.table.selectRow(mock_row)
        settle(window)
        panel = window.pane.recorder
        panel.start_recording()
        loop = QEventLoop()
        panel.state_changed.connect(loop.quit)
        loop.exec()
        tone = Path(os.environ["FURIKAERI_HOME"]) / "tone.wav"
        _write_speechlike(tone)
        player = rig.play(tone, wait=False)
        wait = QEventLoop()
        QTimer.singleShot(2500, wait.quit)
        wait.exec()
        panel.add_marker()
        settle(window)
        for language in ("ja", "en"):
            switcher.apply(language)
            panel._tick()
            app.processEvents()
            window.grab().save(str(out / f"recording_{language}.png"))
        done = QEventLoop()
        panel.recording_saved.connect(done.quit)
        panel.stop_recording()
        done.exec()
        player.wait()
        _consent_clip_shots(app, window, switcher, out, settle)
        _transcript_shots(app, window, library, switcher, out, settle)


def _consent_clip_shots(app, window, switcher, out: Path, settle) -> None:
    """A real interview's recording with the consent clip's words to read aloud (the microphone rig is running)."""
    from PySide6.QtCore import QEventLoop

    from core.consent import ConsentMethod
    from tests.gui_helpers import handle_modal

    def agree(dialog) -> None:
        dialog.who.setText("Ms Tanaka, HR")
        dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.IN_PERSON.value))
        dialog.clip.setChecked(True)
        dialog.agreed.click()

    real_row = next(r for r in range(window.model.rowCount()) if window.model.interview_at(r).kind.value == "real")
    window.table.selectRow(real_row)
    settle(window)
    panel = window.pane.recorder
    started = QEventLoop()
    panel.state_changed.connect(started.quit)
    handle_modal(panel.start_recording, agree)
    if panel.state != "recording":
        started.exec()
    panel.state_changed.disconnect(started.quit)
    for language in ("ja", "en"):
        switcher.apply(language)
        panel._tick()
        settle(window)
        app.processEvents()  # the window grown to the banner's new minimum
        window.grab().save(str(out / f"recording_clip_{language}.png"))
    done = QEventLoop()
    panel.recording_saved.connect(done.quit)
    panel.stop_recording()
    done.exec()


def _earlier_answer(interview_id: int, language: str):
    """What the interviewer answered an hour ago (the consent dialog, asked again, starts from it)."""
    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord

    return ConsentRecord(interview_id=interview_id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED,
                         who="人事部 田中様" if language == "ja" else "Ms Tanaka, HR", method=ConsentMethod.ONLINE,
                         asked_at=datetime.now(UTC) - timedelta(hours=1),
                         note="面接の冒頭で確認" if language == "ja" else "asked at the start of the call")


SPEECH = ("Thank you for seeing me today. In my last role I led a small team that rebuilt our billing system. "
          "The hardest part was agreeing on priorities, so we met every morning for ten minutes. "
          "We shipped on time, and support tickets fell by a third.")


def _transcript_shots(app, window, library, switcher, out: Path, settle) -> None:
    """A practice answer imported, transcribed with the real model, and reviewed."""
    import subprocess

    from PySide6.QtCore import QEventLoop

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import utc_now
    from core.recording.importer import import_audio

    clip = Path(os.environ["FURIKAERI_HOME"]) / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(clip), SPEECH], check=True, capture_output=True)
    interview = window.pane.interview
    consent = ConsentRecord(interview_id=interview.id, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                            who="self", method=ConsentMethod.SELF, asked_at=utc_now())
    recording = import_audio(library, clip, consent)
    library.recordings.add_marker(recording.id, __import__("core.recording.store", fromlist=["Marker"]).Marker(
        6500, "team"))
    window.settings.set(__import__("core.settings", fromlist=["SPEECH_MODEL"]).SPEECH_MODEL, "base")
    transcript_window = window.open_transcript(recording)
    done = QEventLoop()
    transcript_window.transcription_finished.connect(done.quit)
    done.exec()
    transcript_window.resize(1000, 620)
    segment = transcript_window.transcript.segments[min(1, len(transcript_window.transcript.segments) - 1)]
    transcript_window.seek(segment.start_ms + 400)
    transcript_window.table.selectRow(0)
    app.processEvents()
    for language in ("ja", "en"):
        switcher.apply(language)
        app.processEvents()
        transcript_window.grab().save(str(out / f"transcript_{language}.png"))
    transcript_window.close()


NOTES = {
    "ja": """# 二次面接の振り返り（Northwind Japan）

## 聞かれた質問
- 前職でいちばん難しかった調整は？ [04:12]
- チームで意見が割れたときの進め方 [11:40]

## 自分の回答（要点）
- 結論から話せたが、数字が曖昧だった
- **次回**：成果を「売上 +12%」のように言い切る

## まだ聞きたいこと・確認したいこと
- リモート勤務の頻度（労働条件通知書で確認）
""",
    "en": """# Second interview review (Northwind Japan)

## Questions they asked
- The hardest stakeholder conflict in my last job [04:12]
- How the team decides when opinions split [11:40]

## What I answered (key points)
- Led with the point, but the numbers were vague
- **Next time**: say the result outright ("sales +12%")

## Questions I still have
- How often remote work is possible (check the written terms)
""",
}


def _wait_notes(app, window) -> None:
    from PySide6.QtCore import QEventLoop

    notes = window.pane.notes
    if notes.io.pending:
        loop = QEventLoop()
        notes.io.idle.connect(loop.quit)
        loop.exec()
    app.processEvents()


def _notes_shots(app, window, library, switcher, out: Path, settle) -> None:
    """The notes pane: a formatted preview with time links, and the quick capture after a declined request."""
    rows = {window.model.interview_at(r).company: r for r in range(window.model.rowCount())}
    for language in ("ja", "en"):
        switcher.apply(language)
        interview = library.interviews.all()[rows["Northwind Japan"]]
        library.notes.save(interview.id, NOTES[language])
        window.table.selectRow(rows["さくらテック株式会社"])
        settle(window)
        window.table.selectRow(rows["Northwind Japan"])
        settle(window)
        _wait_notes(app, window)
        window.pane.notes.set_preview(True)
        app.processEvents()
        window.grab().save(str(out / f"notes_{language}.png"))
        window.pane.notes.set_preview(False)
        window.table.selectRow(rows["株式会社みらい商事"])
        settle(window)
        _wait_notes(app, window)
        declined_at = datetime.now().astimezone().replace(hour=14, minute=5, second=0, microsecond=0)
        window.pane.notes.open_with_template(window.pane.interview.id, declined_at, language)
        _wait_notes(app, window)
        window.grab().save(str(out / f"notes_declined_{language}.png"))
        library.notes.save(window.pane.interview.id, "")
        window.table.selectRow(rows["さくらテック株式会社"])
        settle(window)
        _wait_notes(app, window)


def _search_shots(app, window, library, switcher, out: Path, settle) -> None:
    """The library searched for a two-character Japanese word found in notes and a transcript."""
    from PySide6.QtCore import QEventLoop

    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.interviews import utc_now
    from core.recording.store import RecordingState
    from core.transcription.model import Segment, Transcript, TranscriptionSettings
    from core.transcription.speakers import INTERVIEWER, ME

    interviews = {i.company: i for i in library.interviews.all()}
    first, second = interviews["株式会社みらい商事"], interviews["Northwind Japan"]
    library.notes.save(first.id, "# 一次面接の振り返り\n## 聞かれた質問\n- 志望動機\n- 前職での年収と希望年収\n"
                                 "## 次に改善したいこと\n- 年収の話は結論から短く\n")
    library.notes.save(second.id, "Questions: team size, on-call, 年収 range (ask the recruiter).\n")
    consent = library.consent.add(ConsentRecord(
        interview_id=first.id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.AGREED, who="人事部 田中様",
        method=ConsentMethod.IN_PERSON, asked_at=utc_now()))
    recording = library.recordings.begin(consent, f"{first.id}/interview.wav", 48000, 1)
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 1_500_000)  # a 25-minute interview
    lines = ["本日はよろしくお願いいたします。", "まず、これまでのご経歴を簡単に教えてください。",
             "現在の年収と、ご希望の年収を伺ってもよろしいですか。", "現在は五百万円ほどで、希望は六百万円前後です。",
             "入社後にやりたいことを教えてください。"]
    library.transcripts.save(Transcript(
        source=recording.file, language="ja", duration_ms=1_500_000, settings=TranscriptionSettings(),
        segments=tuple(Segment(i * 61_000 + 4_000, i * 61_000 + 11_000, text).spoken_by(ME if i == 3 else INTERVIEWER)
                       for i, text in enumerate(lines)),
        recording_id=recording.id))
    window.load_library()  # written behind the window's back, as by the command line
    settle(window)
    searched = QEventLoop()
    window.search_panel.searched.connect(searched.quit)
    window.search_field.setText("年収")
    searched.exec()
    settle(window)
    for language in ("ja", "en"):
        switcher.apply(language)
        app.processEvents()
        window.grab().save(str(out / f"search_{language}.png"))
    window.search_field.clear()
    _recordings_shots(app, window, switcher, out, settle, first.id)


def _recordings_shots(app, window, switcher, out: Path, settle, interview_id: int) -> None:
    """The interview page's recordings tab: the recording selected, its transcript inline."""
    window.select_interview(interview_id)
    settle(window)
    window.pane.show_recordings()
    preview = window.pane.recorder.transcript_preview
    for language in ("ja", "en"):
        switcher.apply(language)
        while preview.shown is None or preview.shown.transcript is None:  # read in the background
            app.processEvents()
        app.processEvents()
        window.grab().save(str(out / f"recordings_{language}.png"))
    window.pane.tabs.setCurrentWidget(window.pane.notes)


def _write_speechlike(path: Path) -> None:
    import numpy as np
    import soundfile as sf

    rate = 48000
    t = np.arange(rate * 6) / rate
    envelope = 0.5 * (1 + np.sin(2 * np.pi * 3 * t)) * (np.sin(2 * np.pi * 0.4 * t) > -0.3)
    sf.write(path, (0.4 * envelope * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate, subtype="PCM_16")


def main() -> int:
    from shots_session import settle as settle_tasks
    from shots_session import start

    session = start(__doc__)
    app, switcher, settings = session.app, session.switcher, session.settings
    args = session

    from PySide6.QtWidgets import QApplication

    from core.library import Library
    from gui.consent_dialog import ConsentDialog
    from gui.interview_dialog import InterviewDialog
    from gui.main_window import MainWindow

    def settle(window: MainWindow) -> None:
        settle_tasks(app, window.tasks)

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
                window.table.selectRow(0)
                settle(window)
                window.grab().save(str(args.out / f"main_window_{language}.png"))
                dialog = InterviewDialog(window, library.interviews.all()[0])
                dialog.show()
                app.processEvents()
                dialog.grab().save(str(args.out / f"interview_dialog_{language}.png"))
                dialog.close()
                consent = ConsentDialog(library.interviews.all()[0].company, language, window)
                consent.who.setText("人事部 田中様" if language == "ja" else "Ms Tanaka, HR")
                consent.show()
                app.processEvents()
                consent.grab().save(str(args.out / f"consent_dialog_{language}.png"))
                consent.close()
                consent = ConsentDialog(library.interviews.all()[0].company, language, window)
                consent.start_from(_earlier_answer(library.interviews.all()[0].id, language))
                consent.show()
                app.processEvents()
                consent.grab().save(str(args.out / f"consent_dialog_again_{language}.png"))
                consent.close()
        if filled:
            _notes_shots(app, window, library, switcher, args.out, settle)
            _search_shots(app, window, library, switcher, args.out, settle)
            _recording_shots(app, window, library, switcher, args.out, settle)
        window.close()
        library.close()
        if not filled:
            Path(library.path).unlink()
    print(f"screenshots written to {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
