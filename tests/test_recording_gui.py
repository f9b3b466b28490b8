"""Recording from the main window, driven like a user would, through the virtual microphone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.consent import ConsentAnswer, ConsentMethod
from core.consent.records import CLIP_WORDING
from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from gui.consent_dialog import ConsentDialog
from gui.recording_panel import format_elapsed
from tests.gui_helpers import click_message_box, handle_modal

ZERO = format_elapsed(0)


def _window_with(make_window, kind: InterviewKind, company: str = "株式会社サンプル"):
    window = make_window(lambda lib: lib.interviews.add(Interview(company=company, kind=kind)))
    window.table.selectRow(0)
    return window


def _wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=20000)


def _wait_state(qtbot, panel, state: str):
    qtbot.waitUntil(lambda: panel.state == state and not panel._busy, timeout=20000)


def _consent(who: str, answer: ConsentAnswer, clip: bool = False):
    def handler(dialog):
        assert isinstance(dialog, ConsentDialog)
        assert "録音" in dialog.request.toPlainText() or "record" in dialog.request.toPlainText()
        assert not dialog.agreed.isEnabled()  # nobody named yet
        dialog.who.setText(who)
        dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.ONLINE.value))
        dialog.clip.setChecked(clip)
        (dialog.agreed if answer is ConsentAnswer.AGREED else dialog.declined).click()

    return handler


@pytest.mark.audio
def test_another_interview_does_not_show_the_last_recordings_time(qtbot, virtual_microphone, make_window):
    """Issue 17, item 11: after a recording, an interview without recordings still showed its elapsed time."""
    def two(lib: Library) -> None:
        lib.interviews.add(Interview(company="自己PR練習", kind=InterviewKind.MOCK))
        lib.interviews.add(Interview(company="ガクチカ練習", kind=InterviewKind.MOCK))

    window = make_window(two)
    window.table.selectRow(0)
    panel = window.pane.recorder
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    qtbot.waitUntil(lambda: panel.elapsed.text() != ZERO, timeout=10000)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert panel.elapsed.text() != ZERO  # the recording just made, on its own interview
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: panel.interview is not None and panel.interview.company == window.pane.interview.company
                    and panel.elapsed.text() == ZERO, timeout=10000)


@pytest.mark.audio
def test_mock_practice_records_with_one_click(qtbot, virtual_microphone, make_window):
    window = _window_with(make_window, InterviewKind.MOCK, "自己PR練習")
    panel = window.pane.recorder
    assert panel.record_button.isEnabled()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    assert window.windowTitle().startswith("● REC")
    assert panel.state_label.text() == "● Recording"
    assert not window.table.isEnabled()  # the interview being recorded cannot change under it
    qtbot.waitUntil(lambda: panel.session.recorder.elapsed_s > 0.5, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _wait_idle(qtbot, window)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.state == "paused" and window.windowTitle().startswith("❚❚ PAUSED")
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    recording = saved.args[0]
    assert recording.state is RecordingState.COMPLETED and recording.path.exists()
    assert panel.state == "idle" and window.table.isEnabled()
    assert not window.windowTitle().startswith("●")
    with Library.open() as check:
        markers = check.recordings.markers(recording.id)
        consent = check.consent.get(recording.consent_id)
    assert len(markers) == 1 and 400 <= markers[0].at_ms <= recording.duration_ms
    assert consent.method is ConsentMethod.SELF and consent.answer is ConsentAnswer.AGREED
    _wait_idle(qtbot, window)
    assert panel.history.count() == 1 and "saved" in panel.history.item(0).text()


@pytest.mark.audio
def test_real_interview_declined_opens_notes_and_records_nothing(qtbot, virtual_microphone, make_window):
    window = _window_with(make_window, InterviewKind.REAL)
    panel = window.pane.recorder
    handle_modal(panel.record_button.click, _consent("人事の田中様", ConsentAnswer.DECLINED))
    notes = window.pane.notes
    qtbot.waitUntil(lambda: "No recording: capture it now" in notes.editor.toPlainText(), timeout=10000)
    assert notes.banner.isVisible() and "declined" in notes.banner.text()
    assert "5:00 left" in notes.banner.text() or "4:59 left" in notes.banner.text()
    assert "Recording was declined" in notes.editor.toPlainText()
    assert window.focusWidget() is notes.editor and notes.editor.textCursor().block().text().startswith("-")
    assert panel.state == "idle"
    interview_id = window.model.interview_at(0).id
    qtbot.waitUntil(lambda: notes.state_label.text() == "Saved", timeout=10000)
    with Library.open() as check:
        assert [c.answer for c in check.consent.for_interview(interview_id)] == [ConsentAnswer.DECLINED]
        assert check.recordings.for_interview(interview_id) == []
        assert "No recording: capture it now" in check.notes.get(interview_id)


@pytest.mark.audio
def test_cancelling_the_consent_dialog_records_nothing(qtbot, virtual_microphone, make_window):
    window = _window_with(make_window, InterviewKind.REAL)
    handle_modal(window.pane.recorder.record_button.click, lambda dialog: dialog.reject())
    with Library.open() as check:
        interview_id = window.model.interview_at(0).id
        assert check.consent.for_interview(interview_id) == []
    assert window.pane.recorder.state == "idle"


@pytest.mark.audio
def test_quitting_while_recording_asks_and_keeps_the_file(qtbot, virtual_microphone, make_window):
    window = _window_with(make_window, InterviewKind.REAL)
    panel = window.pane.recorder
    handle_modal(panel.record_button.click, _consent("Ms Tanaka", ConsentAnswer.AGREED, clip=True))
    _wait_state(qtbot, panel, "recording")
    assert panel.clip_banner.isVisible()
    qtbot.waitUntil(lambda: panel.session.recorder.elapsed_s > 0.5, timeout=10000)  # the request is restated
    qtbot.mouseClick(panel.clip_done, Qt.MouseButton.LeftButton)
    assert not panel.clip_banner.isVisible()
    handle_modal(window.close, click_message_box(QMessageBox.StandardButton.No))
    assert window.isVisible() and panel.state == "recording"
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        handle_modal(window.close, click_message_box(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    recording = saved.args[0]
    assert recording.path.exists() and recording.state is RecordingState.COMPLETED
    with Library.open() as check:
        assert 500 <= check.recordings.get(recording.id).consent_clip_ms <= recording.duration_ms


def test_record_button_needs_a_microphone(monkeypatch, tmp_path, make_window):
    (tmp_path / "client.conf").write_text("autospawn = no\n")
    monkeypatch.setenv("PULSE_CLIENTCONFIG", str(tmp_path / "client.conf"))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nobody")
    window = _window_with(make_window, InterviewKind.MOCK)
    panel = window.pane.recorder
    assert not panel.record_button.isEnabled()
    assert panel.message.isVisible() and "microphone" in panel.message.text()


def test_unfinished_recording_is_recovered_and_shown_at_start(qtbot, make_window):
    import numpy as np
    import soundfile as sf

    from core import paths
    from core.consent import self_consent

    def crashed_recording(library):
        interview = library.interviews.add(Interview(company="練習", kind=InterviewKind.MOCK))
        consent = library.consent.add(self_consent(interview.id))
        folder = paths.ensure_private_dir(paths.recordings_dir() / str(interview.id))
        audio = folder / "crashed.wav"
        sf.write(audio, np.zeros(48000 * 3, dtype=np.float32), 48000, subtype="PCM_16")
        with open(audio, "r+b") as handle:  # the header a killed writer leaves: sizes never updated
            handle.seek(4)
            handle.write((36).to_bytes(4, "little"))
            handle.seek(40)
            handle.write((0).to_bytes(4, "little"))
        library.recordings.begin(consent, f"{interview.id}/crashed.wav", 48000, 1)

    window = make_window(crashed_recording)
    qtbot.waitUntil(lambda: "Recovered 1 recording" in window.statusBar().currentMessage(), timeout=10000)
    window.table.selectRow(0)
    history = window.pane.recorder.history
    qtbot.waitUntil(lambda: history.count() == 1, timeout=10000)
    assert "recovered after a crash" in history.item(0).text() and "0:00:03" in history.item(0).text()


@pytest.mark.audio
def test_lost_sound_server_keeps_the_file_and_says_so(qtbot, private_microphone, make_window, tmp_path):
    from tests.recording_helpers import make_speech

    window = _window_with(make_window, InterviewKind.MOCK)
    panel = window.pane.recorder
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "recording")
    player = private_microphone.play(make_speech(tmp_path / "speech.wav"), wait=False)
    qtbot.waitUntil(lambda: panel.session.recorder.elapsed_s > 1.0, timeout=10000)
    with qtbot.waitSignal(panel.recording_saved, timeout=20000) as saved:
        private_microphone.kill()
    player.wait(timeout=10)  # paplay ends with its server
    recording = saved.args[0]
    assert recording.state is RecordingState.INTERRUPTED and recording.duration_ms >= 1000
    assert recording.path.exists()
    assert panel.state == "idle" and panel.message.isVisible()
    assert "saved" in panel.message.text() and "\n" not in panel.message.text()
    _wait_idle(qtbot, window)
    assert "interrupted (kept)" in panel.history.item(0).text()


def _fully_shown(label, below) -> bool:
    """A word-wrapped label is as tall as its text needs at its width (nothing cut off at the bottom), and the
    widget ``below`` it does not cover it."""
    return (label.height() >= label.heightForWidth(label.width())
            and below.geometry().top() > label.geometry().bottom())


@pytest.mark.audio
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_consent_clip_script_is_shown_whole(qtbot, virtual_microphone, make_window, language):
    """Issue 17, item 6: the words to read aloud were cut off mid-sentence in Japanese (「…振り返…」)."""
    window = make_window(lambda lib: lib.interviews.add(Interview(company="株式会社サンプル",
                                                                   kind=InterviewKind.REAL)), language=language)
    window.table.selectRow(0)
    panel = window.pane.recorder
    handle_modal(panel.record_button.click, _consent("Ms Tanaka", ConsentAnswer.AGREED, clip=True))
    _wait_state(qtbot, panel, "recording")
    try:
        assert panel.clip_banner.isVisible()
        qtbot.waitUntil(lambda: panel.history.count() > 0, timeout=5000)
        with Library.open() as check:  # one recording, listed once
            assert len(check.recordings.for_interview(window.model.interview_at(0).id)) == 1
        assert panel.history.count() == 1
        assert panel.clip_text.text().endswith(CLIP_WORDING[language])
        qtbot.waitUntil(lambda: _fully_shown(panel.clip_text, panel.clip_done), timeout=5000)
        banner = panel.clip_banner
        assert banner.visibleRegion().boundingRect().height() == banner.height()  # not under the notes
        window.resize(window.width() - 200, window.height())  # narrower: more lines, still whole
        qtbot.waitUntil(lambda: _fully_shown(panel.clip_text, panel.clip_done), timeout=5000)
    finally:  # a failure leaves no recording running (closing the window would ask)
        with qtbot.waitSignal(panel.recording_saved, timeout=20000):
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)


@pytest.mark.audio
def test_asked_again_the_dialog_starts_from_the_last_answer(qtbot, virtual_microphone, make_window):
    """Issue 17, item 17: a second recording of the same interview asked everything again from nothing."""
    window = _window_with(make_window, InterviewKind.REAL)
    panel = window.pane.recorder
    first: list[ConsentDialog] = []

    def fresh(dialog) -> None:
        first.append(dialog)
        assert not dialog.previous.isVisible() and dialog.who.text() == ""  # never asked: nothing to start from
        dialog.note.setText("asked at the start of the video call")
        _consent("Ms Tanaka, HR", ConsentAnswer.AGREED)(dialog)

    handle_modal(panel.record_button.click, fresh)
    _wait_state(qtbot, panel, "recording")
    with qtbot.waitSignal(panel.recording_saved, timeout=20000):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    _wait_state(qtbot, panel, "idle")
    seen: dict[str, object] = {}

    def again(dialog) -> None:
        assert isinstance(dialog, ConsentDialog) and dialog is not first[0]
        seen.update(who=dialog.who.text(), method=dialog.method_value(), note=dialog.note.text(),
                    previous=dialog.previous.text() if dialog.previous.isVisible() else "",
                    answered=dialog.answer(), can_agree=dialog.agreed.isEnabled())
        dialog.reject()  # the answer is today's: cancelling records nothing

    handle_modal(panel.record_button.click, again)
    assert seen["who"] == "Ms Tanaka, HR" and seen["method"] is ConsentMethod.ONLINE
    assert seen["note"] == "asked at the start of the video call"
    assert "Ms Tanaka, HR agreed" in str(seen["previous"]) and "Ask again" in str(seen["previous"])
    assert seen["answered"] is None and seen["can_agree"]
    assert panel.state == "idle"
    with Library.open() as check:
        assert len(check.consent.for_interview(window.model.interview_at(0).id)) == 1


@pytest.mark.parametrize("language", ["ja", "en"])
def test_without_a_microphone_the_message_is_shown_whole(qtbot, no_sound_server, make_window, language):
    """The red message under the microphone was cut off top and bottom in a crowded panel (issue 17, item 14)."""
    from datetime import timedelta

    from core.interviews import utc_now

    yesterday = utc_now() - timedelta(days=1)  # still "scheduled": the pane asks how it went, so it is crowded
    window = make_window(lambda lib: lib.interviews.add(Interview(
        company="株式会社サンプル", kind=InterviewKind.REAL, starts_at=yesterday)), language=language)
    window.resize(1100, 520)  # a small laptop screen
    window.table.selectRow(0)
    panel = window.pane.recorder
    qtbot.waitUntil(lambda: panel.message.isVisible() and bool(panel.message.text()), timeout=10000)
    assert window.pane.followups.past.isVisible()
    tabs = window.pane.tabs  # the notes, under the recorder's bar

    def whole() -> bool:
        bottom = panel.message.mapTo(window, panel.message.rect().bottomLeft()).y()
        return (panel.message.height() >= panel.message.heightForWidth(panel.message.width())
                and bottom < tabs.mapTo(window, tabs.rect().topLeft()).y())

    qtbot.waitUntil(whole, timeout=5000)
