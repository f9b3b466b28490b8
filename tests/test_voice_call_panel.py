"""The recording panel for an online interview (issue 13, item 3), driven like a user through the online rig.

The rig's online layout: the microphone hears ``micfeed``, the computer plays
to ``speakers`` and the call's sound is that sink's monitor.
"""

# Named to run after the other GUI tests: Qt keeps one PulseAudio connection per process, made on first use.
# Here that first use can happen under this module's short-lived online rig; later playback tests would then talk
# to a server that is gone (seen as failed playback in test_notes_gui and test_interview_review_gui).

from __future__ import annotations

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt

from core.audio.call_sources import CallSources
from core.audio.pulse_capture import CallSource
from core.consent import ConsentMethod
from core.interviews import Interview, InterviewKind
from core.recording.call_watch import CallWatch
from core.recording.files import call_track_path
from gui.call_audio_row import CallAudioRow
from gui.consent_dialog import ConsentDialog
from tests.audio_rig import SAMPLE_RATE
from tests.gui_helpers import handle_modal

pytestmark = pytest.mark.audio


@pytest.fixture
def open_panel(qtbot, online_rig, make_window):
    """``open_panel(kind, company, place)``: a main window showing a new interview, and its recording panel.

    A recording a failed test left running is stopped before the window closes (closing would ask, and wait).
    """
    panels: list = []

    def open_(kind: InterviewKind, company: str = "Northwind Japan", place: str = ""):
        window = make_window(lambda lib: lib.interviews.add(Interview(company=company, kind=kind, place=place)))
        window.table.selectRow(0)
        panel = window.pane.recorder
        panels.append(panel)
        # The sources of the call's sound are looked for in the background once the microphone is known.
        qtbot.waitUntil(lambda: panel.call_row.check.isEnabled(), timeout=20000)
        return window, panel

    yield open_
    for panel in panels:
        if panel.session is not None:
            qtbot.waitUntil(lambda: not panel._busy, timeout=20000)  # noqa: B023 - used at once
            with qtbot.waitSignal(panel.recording_saved, timeout=20000):
                panel.stop_recording()


def _wait_state(qtbot, panel, state: str) -> None:
    qtbot.waitUntil(lambda: panel.state == state and not panel._busy, timeout=20000)


def _noise(path, seconds: float, seed: int, gain: float = 0.2):
    signal = (np.random.default_rng(seed).standard_normal(int(seconds * SAMPLE_RATE)) * gain).astype(np.float32)
    soundfile.write(path, signal, SAMPLE_RATE, subtype="PCM_16")
    return path


def _agree(method: ConsentMethod, expect_ticked: bool, tick: bool | None = None):
    """Answer the consent dialog: agreed, permission given by ``method``; check the option's default first."""
    def handler(dialog):
        assert isinstance(dialog, ConsentDialog)
        row = dialog.findChild(CallAudioRow)
        assert row is not None and row.check.isEnabled()
        dialog.who.setText("Ms Tanaka, HR")
        dialog.method.setCurrentIndex(dialog.method.findData(method.value))
        assert row.check.isChecked() is expect_ticked
        if tick is not None and tick != row.check.isChecked():
            row.check.click()
        dialog.agreed.click()

    return handler


def test_the_option_is_on_for_permission_given_online_and_off_in_person(qtbot, online_rig, open_panel):
    _window, panel = open_panel(InterviewKind.REAL)
    assert not panel.call_row.isVisible()  # a real interview: the option is where permission is given
    seen: list[tuple[str, bool]] = []

    def handler(dialog):
        row = dialog.findChild(CallAudioRow)
        for method in (ConsentMethod.ONLINE, ConsentMethod.IN_PERSON, ConsentMethod.PLATFORM):
            dialog.method.setCurrentIndex(dialog.method.findData(method.value))
            seen.append((method.value, row.check.isChecked()))
        dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.IN_PERSON.value))
        row.check.click()  # the user wants it anyway: their choice stands
        dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.WRITTEN.value))
        seen.append(("chosen", row.check.isChecked()))
        assert panel._call_sources.default.name == "speakers.monitor"
        assert panel._call_sources.default.description in row.note.text()  # what will be recorded
        dialog.reject()

    handle_modal(panel.record_button.click, handler)
    assert seen == [("online", True), ("in_person", False), ("platform", True), ("chosen", True)]
    assert panel.state == "idle"


def test_an_online_interview_records_the_call_on_its_own_track_with_two_meters(qtbot, online_rig, open_panel,
                                                                              tmp_path):
    _window, panel = open_panel(InterviewKind.REAL)
    handle_modal(panel.record_button.click, _agree(ConsentMethod.ONLINE, expect_ticked=True))
    _wait_state(qtbot, panel, "recording")
    assert panel.session.call is not None
    assert panel.mic_meter.isVisible() and panel.call_meter.isVisible()
    assert panel.mic_meter.label.text() == "Microphone" and panel.call_meter.label.text() == "The call"
    assert panel.mic_meter.bar.accessibleName() == "Microphone level"
    assert panel.call_meter.bar.accessibleName() == "Call sound level"
    player = online_rig.play_call(_noise(tmp_path / "them.wav", 2.0, seed=1), wait=False)
    qtbot.waitUntil(lambda: panel.call_meter.bar.value() > -40, timeout=20000)  # the call is heard
    assert player.wait(30) == 0
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    recording = saved.args[0]
    call = call_track_path(recording.path)
    assert call.exists()
    sound, rate = soundfile.read(call)
    assert sound.shape[1] == 2 and len(sound) > rate and np.abs(sound).max() > 0.1
    assert not panel.call_meter.isVisible() and not panel.call_message.isVisible()


def test_in_person_permission_records_the_microphone_only(qtbot, online_rig, open_panel):
    _window, panel = open_panel(InterviewKind.REAL)
    handle_modal(panel.record_button.click, _agree(ConsentMethod.IN_PERSON, expect_ticked=False))
    _wait_state(qtbot, panel, "recording")
    assert panel.session.call is None and not panel.call_meter.isVisible() and panel.mic_meter.isVisible()
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        panel.stop_recording()
    assert not call_track_path(saved.args[0].path).exists()


def test_a_mock_interview_over_a_call_offers_the_option_off_by_default(qtbot, online_rig, open_panel):
    _window, panel = open_panel(InterviewKind.MOCK, "自己PR練習")
    assert panel.call_row.isVisible() and not panel.call_row.check.isChecked()
    panel.call_row.check.click()  # a friend plays the interviewer on a call
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    assert panel.session.call is not None and panel.call_meter.isVisible()
    assert not panel.call_row.isVisible()  # the choice is made; the meters show what is recorded
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        panel.stop_recording()
    assert call_track_path(saved.args[0].path).exists()


def test_a_mock_interview_at_a_meeting_link_starts_with_the_option_on(qtbot, online_rig, open_panel):
    _window, panel = open_panel(InterviewKind.MOCK, "模擬面接", place="https://meet.example/abc")
    assert panel.call_row.isVisible() and panel.call_row.check.isChecked()


def test_a_silent_call_while_the_microphone_hears_speech_is_said(qtbot, online_rig, open_panel,
                                                                english_interview_speech, tmp_path):
    _window, panel = open_panel(InterviewKind.MOCK)
    panel.call_row.check.click()
    # The real watch, with a short threshold (the 30 s default is tested in test_call_sources.py).
    panel.new_call_watch = lambda source: CallWatch(source, silent_s=3.0, min_speech_s=1.0)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    assert not panel.call_message.isVisible()
    speech = online_rig.play(english_interview_speech.wav, wait=False)  # the microphone only
    qtbot.waitUntil(lambda: panel.call_message.isVisible(), timeout=30000)
    text = panel.call_message.text()
    assert "not reaching Furikaeri" in text and "speakers.monitor" in text and "\n" not in text
    call = online_rig.play_call(_noise(tmp_path / "them.wav", 2.0, seed=3), wait=False)
    qtbot.waitUntil(lambda: not panel.call_message.isVisible(), timeout=20000)  # the call is heard again
    speech.terminate()
    assert call.wait(30) == 0
    speech.wait(30)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000):
        panel.stop_recording()


def test_a_call_source_that_cannot_be_opened_is_said_and_the_microphone_records(qtbot, online_rig, open_panel):
    _window, panel = open_panel(InterviewKind.MOCK)
    # The list of sources is older than the device: it went away before recording started.
    panel._call_sources_found(CallSources((CallSource("gone-headset.monitor", "Gone headset", True),)))
    panel.call_row.check.click()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    assert panel.session.call is None and panel.session.call_problem is not None
    assert panel.call_message.isVisible() and "gone-headset.monitor" in panel.call_message.text()
    assert "Only the microphone" in panel.call_message.text() and not panel.call_meter.isVisible()
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        panel.stop_recording()
    assert saved.args[0].duration_ms > 0
    assert panel.call_message.isVisible()  # still said after the recording, until the next one


def test_playback_plays_both_tracks_together(qtbot, online_rig, open_panel, tmp_path):
    from PySide6.QtMultimedia import QMediaPlayer

    window, panel = open_panel(InterviewKind.MOCK)
    panel.call_row.check.click()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    qtbot.waitUntil(lambda: panel.session.recorder.elapsed_s > 3.0, timeout=20000)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        panel.stop_recording()
    transcript = window.open_transcript(saved.args[0], transcribe_if_missing=False)
    call = transcript.call_playback.player
    assert call is not None and transcript.call_playback.path == call_track_path(saved.args[0].path)
    playing = QMediaPlayer.PlaybackState.PlayingState
    transcript.play_from(500)
    qtbot.waitUntil(lambda: transcript.player.playbackState() == playing and call.playbackState() == playing,
                    timeout=20000)
    transcript.seek(2000)  # a seek: the call follows
    qtbot.waitUntil(lambda: abs(call.position() - transcript.player.position()) <= 250
                    and transcript.player.position() >= 2000, timeout=20000)
    transcript.toggle_play()
    qtbot.waitUntil(lambda: call.playbackState() == QMediaPlayer.PlaybackState.PausedState, timeout=20000)
    transcript.close()
