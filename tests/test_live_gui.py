"""The transcript is ready when the recording stops (issue 16), driven from the main window like a user would.

Speech is played into the virtual microphone while the app records; the line
under the controls says how far the transcript has got; at Stop the transcript
window opens on the transcript made while recording, and no second
transcription runs.  Switched off in Settings, nothing is transcribed while
recording.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.settings import AUTO_TRANSCRIBE, LIVE_TRANSCRIBE, SPEECH_MODEL
from tests.model_fixtures import word_recall

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def _recording_window(make_window, live: bool):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Practice", kind=InterviewKind.MOCK)))
    window.settings.set(SPEECH_MODEL, "base")
    window.settings.set(AUTO_TRANSCRIBE, True)
    window.settings.set(LIVE_TRANSCRIBE, live)
    window.table.selectRow(0)
    return window


def _record(qtbot, window, virtual_microphone, speech):
    panel = window.pane.recorder
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "recording" and not panel._busy, timeout=20000)
    virtual_microphone.play(speech)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def test_the_transcript_made_while_recording_opens_at_stop(qtbot, virtual_microphone, base_model_in_home,
                                                            make_window, english_interview_speech):
    window = _recording_window(make_window, live=True)
    panel = window.pane.recorder
    seen: list[str] = []
    panel.live.progressed.connect(lambda *_: seen.append(panel.live_line.label.text()))
    recording = _record(qtbot, window, virtual_microphone, english_interview_speech.wav)

    assert any(text.startswith("Transcript: up to ") for text in seen)  # it followed the recording
    assert panel.live_line.bar.accessibleName() == "How far the transcript has got"
    transcript_window = window.transcript_windows[recording.id]
    qtbot.waitUntil(lambda: transcript_window.transcript is not None, timeout=120000)
    assert transcript_window.job is None  # not transcribed a second time
    text = " ".join(s.text for s in transcript_window.transcript.segments)
    assert word_recall(english_interview_speech.content_words, text) >= 0.8, text
    assert transcript_window.model.rowCount() == len(transcript_window.transcript.segments)
    assert transcript_window.transcribe_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.live_line.isVisible(), timeout=10000)
    with Library.open() as library:
        stored = library.transcripts.for_recording(recording.id)
    assert len(stored) == 1 and stored[0].id == transcript_window.transcript.id


def test_switched_off_nothing_is_transcribed_while_recording(qtbot, virtual_microphone, base_model_in_home,
                                                             make_window, english_speech):
    window = _recording_window(make_window, live=False)
    window.settings.set(AUTO_TRANSCRIBE, False)
    panel = window.pane.recorder
    recording = _record(qtbot, window, virtual_microphone, english_speech.wav)
    assert not panel.live.running and not panel.live_line.isVisible()
    assert window._service is None  # no speech worker was even started
    with Library.open() as library:
        assert library.transcripts.latest_for_recording(recording.id) is None
