"""Deleting from the real main window: a recording from the recordings tab, every recording when permission was
withdrawn, and a whole interview from the library; each after a confirmation that lists what goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from core.consent import ConsentKind
from core.consent.verify import check_consent
from core.library import Library
from tests.gui_helpers import click_message_box, handle_modal
from tests.test_deletion import KEPT, SECRET, _interview, _notes_with_history, _recording_with_transcript, files_holding

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _content(tmp_path):
    def prepare(library: Library) -> None:
        interview = _interview(library, "Acme")
        _recording_with_transcript(library, interview, SECRET, tmp_path, "first")
        _recording_with_transcript(library, interview, KEPT, tmp_path, "second")
        _notes_with_history(library, interview, KEPT)

    return prepare


def _recordings_tab(qtbot, window, count: int):
    window.table.selectRow(0)
    recorder = window.pane.recorder
    qtbot.waitUntil(lambda: recorder.history.count() == count, timeout=5000)
    window.pane.show_recordings()
    return recorder


def _answer(texts: list[str], button: QMessageBox.StandardButton, tick: bool = False):
    def handler(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(f"{dialog.text()}\n{dialog.informativeText()}")
        if tick:
            dialog.checkBox().setChecked(True)
        dialog.button(button).click()

    return handler


def test_a_recording_is_deleted_from_the_recordings_tab_after_saying_what_goes(qtbot, make_window, tmp_path,
                                                                             furikaeri_home):
    window = make_window(_content(tmp_path))
    recorder = _recordings_tab(qtbot, window, 2)
    with Library.open() as check:
        first, second = check.recordings.for_interview(check.interviews.all()[0].stored_id)
    recorder.select_recording(first.id)
    shown = window.transcripts.open(first, transcribe_if_missing=False)
    qtbot.waitUntil(lambda: shown.transcript is not None, timeout=10000)
    assert shown.isVisible()
    assert recorder.delete_button.isVisible() and recorder.delete_button.isEnabled()
    assert recorder.delete_button.text() == "Delete recording…"
    texts: list[str] = []
    handle_modal(recorder.delete_button.click, _answer(texts, NO))
    assert f"Recording no. {first.id}" in texts[0] and "1 transcript(s)" in texts[0]
    assert "consent records keep that recording" in texts[0]
    assert first.path.exists() and recorder.history.count() == 2

    handle_modal(recorder.delete_button.click, _answer(texts, YES))
    qtbot.waitUntil(lambda: recorder.history.count() == 1, timeout=10000)
    assert not first.path.exists() and second.path.exists()
    qtbot.waitUntil(lambda: first.id not in window.transcripts.windows, timeout=5000)  # its transcript closed
    window.tasks.wait_for_done()
    assert files_holding(furikaeri_home) == []
    with Library.open() as check:
        interview_id = first.interview_id
        assert check.consent.chain(interview_id)[-1].kind is ConsentKind.DELETION
        assert check_consent(check).ok


def test_no_deleting_without_a_selected_finished_recording(qtbot, make_window, tmp_path):
    window = make_window(_content(tmp_path))
    recorder = _recordings_tab(qtbot, window, 2)
    recorder.history.clearSelection()
    assert not recorder.delete_button.isEnabled()
    assert recorder.withdrawn_button.isVisible() and recorder.withdrawn_button.isEnabled()  # a real interview
    recorder._set_busy(True)  # e.g. while a recording starts or stops
    assert not recorder.withdrawn_button.isEnabled()
    recorder._set_busy(False)


def test_permission_withdrawn_deletes_every_recording_and_keeps_the_notes(qtbot, make_window, tmp_path,
                                                                        furikaeri_home):
    window = make_window(_content(tmp_path))
    recorder = _recordings_tab(qtbot, window, 2)
    assert recorder.withdrawn_button.text() == "Permission withdrawn…"
    texts: list[str] = []
    handle_modal(recorder.withdrawn_button.click, _answer(texts, YES))
    qtbot.waitUntil(lambda: recorder.history.count() == 0, timeout=10000)
    window.tasks.wait_for_done()
    assert "withdrew permission" in texts[0] and "2 transcript(s)" in texts[0]
    assert "consent records keep that permission was withdrawn" in texts[0]
    assert files_holding(furikaeri_home) == []
    with Library.open() as check:
        interview_id = check.interviews.all()[0].stored_id
        assert check.notes.get(interview_id).endswith(KEPT)
        assert check.consent.chain(interview_id)[-1].kind is ConsentKind.WITHDRAWN
        assert check_consent(check).ok


def test_permission_withdrawn_with_the_box_ticked_takes_the_notes(qtbot, make_window, tmp_path, furikaeri_home):
    window = make_window(_content(tmp_path))
    recorder = _recordings_tab(qtbot, window, 2)
    texts: list[str] = []
    handle_modal(recorder.withdrawn_button.click, _answer(texts, YES, tick=True))
    qtbot.waitUntil(lambda: recorder.history.count() == 0, timeout=10000)
    window.tasks.wait_for_done()
    assert files_holding(furikaeri_home, KEPT.encode()) == []
    with Library.open() as check:
        interview_id = check.interviews.all()[0].stored_id
        assert check.notes.get(interview_id) == "" and check.notes.revisions(interview_id) == []


def test_deleting_the_interview_lists_what_goes(qtbot, make_window, tmp_path, furikaeri_home):
    window = make_window(_content(tmp_path))
    _recordings_tab(qtbot, window, 2)
    texts: list[str] = []
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        handle_modal(window.delete_action.trigger, _answer(texts, YES))
    window.tasks.wait_for_done()
    assert "Delete the interview with Acme?" in texts[0] and "2 transcript(s)" in texts[0]
    assert "The notes and their 2 earlier version(s)" in texts[0]
    assert window.model.rowCount() == 0
    assert files_holding(furikaeri_home) == [] and files_holding(furikaeri_home, KEPT.encode()) == []


def test_the_confirmation_is_in_japanese(qtbot, make_window, tmp_path):
    window = make_window(_content(tmp_path), language="ja")
    recorder = _recordings_tab(qtbot, window, 2)
    assert recorder.delete_button.text() != "Delete recording…"
    texts: list[str] = []
    handle_modal(recorder.withdrawn_button.click, _answer(texts, NO))
    assert "withdrew" not in texts[0] and "transcript" not in texts[0]
    assert recorder.history.count() == 2
    handle_modal(window.delete_action.trigger, click_message_box(NO))
