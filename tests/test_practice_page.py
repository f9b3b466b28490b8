"""Issue 17, item 1: practice is a page of the main window, not a modal window of its own. The library comes
back with one click or Esc (a running session is stopped and saved first), and while the user practises
nothing on the hidden library page can start a second recording."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.recording.store import RecordingState
from gui import shortcuts


def _one_interview(library) -> None:
    interview = library.interviews.add(Interview(company="Example Corp.", kind=InterviewKind.REAL))
    library.notes.save(interview.id, "Ask about the team.")


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _library_shown(window) -> bool:
    return window.practice.pages.currentWidget() is window.practice.library_page and window.splitter.isVisible()


def test_practice_opens_in_the_main_window_and_the_back_button_brings_the_library_back(qtbot, no_sound_server,
                                                                                       make_window):
    window = make_window(_one_interview)
    _active(qtbot, window)
    window.table.selectRow(0)
    notes = window.pane.notes.editor
    qtbot.waitUntil(lambda: "team" in notes.toPlainText(), timeout=10000)
    window.table.setFocus()
    assert window.windowTitle() == "Interview practice and review"

    practice = window.practice.open()
    # A page of the main window: no window of its own, nothing modal, the library hidden in its place.
    assert not practice.isWindow() and practice.window() is window and window.isAncestorOf(practice)
    assert practice not in QApplication.topLevelWidgets() and QApplication.activeModalWidget() is None
    assert window.centralWidget() is window.practice.pages and window.practice.pages.currentWidget() is practice
    assert practice.isVisible() and not window.splitter.isVisible() and not notes.isVisible()
    assert window.practice.practising and window.windowTitle() == "Practice"
    assert practice.isAncestorOf(window.focusWidget())  # the keyboard is on the page
    # What acts on the hidden list and notes waits; the way back is named and listed with its key.
    assert not window.new_action.isEnabled() and not window.edit_action.isEnabled()
    assert not window.delete_action.isEnabled() and not window.time_action.isEnabled()
    assert not window.search_field.isEnabled()
    leave = practice.leave_button
    assert leave.isVisible() and leave.isEnabled() and leave.accessibleName() == "Back to interviews"
    assert practice.leave_shortcut.key() == shortcuts.LEAVE_PRACTICE.sequence() == Qt.Key.Key_Escape
    assert "Esc" in leave.toolTip()
    assert window.practice.open() is practice  # Practice… again: the same page, not a second one

    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    assert _library_shown(window) and window.practice.window is None and not window.practice.practising
    assert window.windowTitle() == "Interview practice and review"
    assert window.new_action.isEnabled() and window.edit_action.isEnabled() and window.search_field.isEnabled()
    assert window.focusWidget() is window.table  # the keyboard where it was before practising
    # The notes are there again and take typing.
    assert notes.isVisible()
    notes.setFocus()
    qtbot.keyClicks(notes, " Salary?")
    assert "Salary?" in notes.toPlainText()


def test_esc_leaves_the_practice_page_and_the_help_lists_it(qtbot, no_sound_server, make_window):
    window = make_window(language="ja")
    _active(qtbot, window)
    practice = window.practice.open()
    assert window.windowTitle() == "模擬面接の練習" and practice.leave_button.text() == "面接一覧に戻る"
    qtbot.keyClick(practice.choose.questions, Qt.Key.Key_Escape)  # the real key, from inside the page
    assert _library_shown(window) and window.practice.window is None
    assert window.windowTitle() == "面接の練習と振り返り"
    window.show_help()
    page = window._help.page.toPlainText()
    assert "練習中（メインウィンドウ）" in page and shortcuts.LEAVE_PRACTICE.description() in page
    window._help.close()


@pytest.mark.audio
def test_the_main_recorder_cannot_start_while_practising(qtbot, virtual_microphone, make_window, monkeypatch):
    window = make_window(_one_interview)
    _active(qtbot, window)
    window.table.selectRow(0)
    recorder = window.pane.recorder
    qtbot.waitUntil(recorder.record_button.isEnabled, timeout=10000)
    started: list[bool] = []
    monkeypatch.setattr(recorder, "start_recording", lambda: started.append(True))  # no consent dialog
    record_key = recorder.button_shortcuts[recorder.record_button]
    record_key.activated.emit()  # on the library page the key records
    assert started == [True]
    started.clear()

    practice = window.practice.open()
    record_key.activated.emit()
    _active(qtbot, window)
    qtbot.keyClick(practice.choose.questions, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the real key
    assert started == [] and not recorder.is_recording()
    window.practice.action.trigger()  # Practice… while practising: still the one page
    assert window.practice.window is practice and window.practice.pages.count() == 2
    practice.close()
    assert _library_shown(window)


@pytest.mark.audio
def test_the_way_back_stops_and_saves_a_running_session_first(qtbot, virtual_microphone, make_window):
    window = make_window()
    _active(qtbot, window)
    window.practice.time_limit_s = 60
    practice = window.practice.open()
    choose, page = practice.choose, practice.session
    qtbot.waitUntil(lambda: bool(choose.bank) and choose.start_button.isEnabled(), timeout=10000)
    choose.language.setCurrentIndex(choose.language.findData("en"))
    choose.set_categories(["self_intro"])
    with qtbot.waitSignal(page.started, timeout=20000):
        choose.start_button.click()
        page.next_button.click()  # Start now
    qtbot.waitUntil(lambda: page.position_ms() > 500, timeout=10000)
    assert practice.leave_button.isEnabled()  # the way out stays open while recording

    _active(qtbot, window)  # (the offscreen platform may have let it go meanwhile)
    with qtbot.waitSignal(page.finished, timeout=20000):
        qtbot.keyClick(page.next_button, Qt.Key.Key_Escape)
        assert practice.isVisible() and not _library_shown(window)  # not before the recording is safe
    qtbot.waitUntil(lambda: window.practice.window is None, timeout=30000)
    assert _library_shown(window) and window.windowTitle() == "Interview practice and review"
    with Library.open() as check:
        [info] = check.practice.sessions()
        recording = check.recordings.get(info.recording_id)
        answers = check.practice.answers(info.id)
    assert recording.state is RecordingState.COMPLETED and recording.path.exists() and len(answers) == 1
    # The saved session is selected in the library, with its notes and the way back to its review.
    qtbot.waitUntil(lambda: window.pane.interview is not None and window.pane.interview.id == info.interview_id,
                    timeout=10000)
    assert window.pane.notes.editor.isVisible()
    qtbot.waitUntil(window.practice.review_button.isVisible, timeout=10000)


@pytest.mark.audio
def test_quitting_while_practising_saves_the_session_then_closes(qtbot, virtual_microphone, make_window):
    window = make_window()
    practice = window.practice.open()
    choose, page = practice.choose, practice.session
    qtbot.waitUntil(lambda: bool(choose.bank) and choose.start_button.isEnabled(), timeout=10000)
    choose.set_categories(["self_intro"])
    with qtbot.waitSignal(page.started, timeout=20000):
        choose.start_button.click()
        page.next_button.click()  # Start now
    qtbot.waitUntil(lambda: page.position_ms() > 500, timeout=10000)
    assert not window.close()  # not before the practice recording is saved
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert window.practice.window is None
    with Library.open() as check:
        [info] = check.practice.sessions()
        assert check.recordings.get(info.recording_id).state is RecordingState.COMPLETED
