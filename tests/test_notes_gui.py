"""The notes pane driven through the real window: autosave, undo, history, templates, time links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QDialogButtonBox

from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
from core.interviews import Interview, InterviewKind, utc_now
from core.library import Library
from core.note_templates import Builtin
from core.notes import SaveReason
from core.ops import Changes
from core.recording.importer import import_audio
from gui.note_history_dialog import NoteHistoryDialog
from gui.notes_editor import MAX_UNSAVED_MS, PAUSE_MS, PROMISE_MS
from gui.templates_dialog import TemplatesDialog
from tests.gui_helpers import handle_modal


def _window(make_window, qtbot, kind=InterviewKind.REAL, company="株式会社みらい", language="en", prepare=None):
    def setup(lib: Library) -> None:
        item = lib.interviews.add(Interview(company=company, kind=kind, position="企画職"))
        if prepare:
            prepare(lib, item)

    window = make_window(setup, language=language)
    window.table.selectRow(0)
    notes = window.pane.notes
    qtbot.waitUntil(lambda: notes._loaded_id == window.pane.interview.id, timeout=10000)
    return window, notes


def _stored(interview_id: int) -> str:
    with Library.open() as check:
        return check.notes.get(interview_id)


def _type(qtbot, notes, text: str) -> None:
    """Real key presses for ASCII; Japanese arrives as an input method would commit it."""
    notes.editor.setFocus()
    notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    if text.isascii():
        qtbot.keyClicks(notes.editor, text)
    else:
        notes.editor.insertPlainText(text)


def test_typing_is_saved_within_two_seconds_of_the_last_key(qtbot, make_window):
    window, notes = _window(make_window, qtbot)
    interview_id = window.pane.interview.id
    assert PAUSE_MS <= MAX_UNSAVED_MS < PROMISE_MS == 2000
    with qtbot.waitSignal(notes.saved, timeout=PROMISE_MS):
        _type(qtbot, notes, "Asked about my thesis")
    assert _stored(interview_id) == "Asked about my thesis"
    assert notes.state_label.text() == "Saved"


def test_leaving_the_editor_saves_at_once(qtbot, make_window):
    window, notes = _window(make_window, qtbot)
    interview_id = window.pane.interview.id
    _type(qtbot, notes, "逆質問：配属")
    assert notes._pause.isActive()
    with qtbot.waitSignal(notes.saved, timeout=PAUSE_MS - 200):  # sooner than the pause would have
        notes.editor.clearFocus()
    assert _stored(interview_id) == "逆質問：配属"


def test_switching_interviews_keeps_both_notes(qtbot, make_window):
    def second(lib, _item):
        lib.interviews.add(Interview(company="Beta", kind=InterviewKind.MOCK))

    window, notes = _window(make_window, qtbot, prepare=second)
    first_id = window.pane.interview.id
    _type(qtbot, notes, "first interview")
    window.table.selectRow(1)
    second_id = window.pane.interview.id
    qtbot.waitUntil(lambda: notes._loaded_id == second_id, timeout=10000)
    assert notes.editor.toPlainText() == ""
    _type(qtbot, notes, "second interview")
    with qtbot.waitSignal(notes.saved, timeout=5000):
        window.table.selectRow(0)
    qtbot.waitUntil(lambda: notes._loaded_id == first_id and notes.io.pending == 0, timeout=10000)
    assert notes.editor.toPlainText() == "first interview"
    assert _stored(first_id) == "first interview" and _stored(second_id) == "second interview"


def test_undo_and_history_restore(qtbot, make_window):
    window, notes = _window(make_window, qtbot)
    interview_id = window.pane.interview.id
    _type(qtbot, notes, "draft one")
    with qtbot.waitSignal(notes.saved, timeout=5000):
        notes.save_now()
    recall = next(t for t in notes._templates["en"] if t.builtin is Builtin.RECALL)
    with qtbot.waitSignal(notes.saved, timeout=5000):
        notes.insert_template(recall)
    assert "Notes right after the interview (株式会社みらい)" in notes.editor.toPlainText()
    notes.editor.undo()  # the template insert is one undoable step
    assert notes.editor.toPlainText() == "draft one"
    notes.editor.redo()
    _type(qtbot, notes, " more")
    with qtbot.waitSignal(notes.saved, timeout=5000):
        notes.save_now()
    seen = {}

    def restore_oldest(dialog: NoteHistoryDialog) -> None:
        seen["rows"] = dialog.list.count()  # current, the template insert, the first draft
        dialog.list.setCurrentRow(2)
        seen["text"] = dialog.text.toPlainText()
        dialog.restore_button.click()

    with qtbot.waitSignal(notes.saved, timeout=5000):
        handle_modal(notes.show_history, restore_oldest)
    assert seen == {"rows": 3, "text": "draft one"}
    assert notes.editor.toPlainText() == "draft one"
    assert _stored(interview_id) == "draft one"
    with Library.open() as check:
        reasons = [r.reason for r in check.notes.revisions(interview_id)]
    assert reasons[0] is SaveReason.RESTORE and SaveReason.TEMPLATE in reasons
    notes.editor.undo()  # even a restore can be undone
    assert notes.editor.toPlainText().endswith(" more")


@pytest.mark.parametrize("language, heading, other_menu", [
    ("ja", "面接直後の振り返りメモ（株式会社みらい）", "In English"),
    ("en", "Notes right after the interview (株式会社みらい)", "In Japanese"),
])
def test_template_menu_offers_both_languages(qtbot, make_window, language, heading, other_menu):
    window, notes = _window(make_window, qtbot, language=language)
    qtbot.waitUntil(lambda: bool(notes._templates), timeout=5000)
    notes._fill_template_menu()
    actions = [a for a in notes.template_menu.actions() if not a.isSeparator()]
    names = [a.text() for a in actions]
    expected = {"ja": ["面接直後の振り返り", "録音なし：すぐに書き残す", "模擬面接の自己レビュー"],
                "en": ["Right after the interview", "Recording declined: quick capture",
                       "Mock interview self-review"]}[language]
    assert names[:3] == expected
    submenu = next(a.menu() for a in actions if a.menu() is not None)
    assert len([a for a in submenu.actions() if not a.isSeparator()]) == 3
    with qtbot.waitSignal(notes.saved, timeout=5000):
        actions[0].trigger()
    assert notes.editor.toPlainText().startswith("# " + heading)
    assert _stored(window.pane.interview.id).startswith("# " + heading)


def test_own_template_and_edited_builtin_reach_the_menu(qtbot, make_window):
    window, notes = _window(make_window, qtbot)

    def edit(dialog: TemplatesDialog) -> None:
        qtbot.waitUntil(lambda: len(dialog.templates) == 3, timeout=5000)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        qtbot.waitUntil(lambda: dialog.current() is not None and dialog.current().language == "en", timeout=5000)
        dialog.list.setCurrentRow(0)
        dialog.body.setPlainText("# My recall for {company}\n")
        with qtbot.waitSignal(dialog.tasks.hub.changed, timeout=5000):
            dialog.save_button.click()
        with qtbot.waitSignal(dialog.tasks.hub.changed, timeout=5000):
            dialog.new_button.click()
        qtbot.waitUntil(lambda: len(dialog.templates) == 4, timeout=5000)
        dialog.name.setText("Salary questions")
        dialog.body.setPlainText("## What they offered\n")
        with qtbot.waitSignal(dialog.tasks.hub.changed, timeout=5000):
            dialog.save_button.click()
        qtbot.waitUntil(lambda: [t.name for t in dialog.templates if t.builtin is None] == ["Salary questions"],
                        timeout=5000)
        assert "(edited)" in dialog.list.item(0).text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    handle_modal(window.pane.manage_templates, edit)
    qtbot.waitUntil(lambda: any(t.name == "Salary questions" for t in notes._templates.get("en", [])), timeout=5000)
    notes._fill_template_menu()
    names = [a.text() for a in notes.template_menu.actions()]
    assert "Salary questions" in names
    recall = next(a for a in notes.template_menu.actions() if a.text() == "Right after the interview")
    with qtbot.waitSignal(notes.saved, timeout=5000):
        recall.trigger()
    assert notes.editor.toPlainText().startswith("# My recall for 株式会社みらい")


def test_time_link_click_plays_the_recording_from_there(qtbot, make_window, virtual_microphone, english_speech):
    def with_recording(lib: Library, item: Interview) -> None:
        consent = ConsentRecord(interview_id=item.id, purpose=ConsentPurpose.IMPORTED, answer=ConsentAnswer.AGREED,
                                who="self", method=ConsentMethod.SELF, asked_at=utc_now())
        import_audio(lib, english_speech.wav, consent)
        lib.notes.save(item.id, "Opening\n- strong start [00:02] then rambled")

    window, notes = _window(make_window, qtbot, kind=InterviewKind.MOCK, prepare=with_recording)
    qtbot.waitUntil(lambda: window.pane.recorder.playable_recording() is not None, timeout=10000)
    editor = notes.editor
    block = editor.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("[00:02]") + 3)
    point = editor.cursorRect(cursor).center()
    assert editor.link_at(point) == 2000
    assert editor.link_at(QPoint(editor.viewport().width() - 5, point.y())) is None  # past the end of the line
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: len(window.transcript_windows) == 1, timeout=5000)
    player = next(iter(window.transcript_windows.values())).player
    qtbot.waitUntil(lambda: player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                    and player.position() >= 2000, timeout=10000)
    assert editor.toPlainText().endswith("[00:02] then rambled"), "a click on a link does not edit the text"

    # While it plays, Ctrl+T in the notes adds the playback time.
    player.pause()
    qtbot.waitUntil(lambda: window.media_position() is not None and window.media_position() >= 2000, timeout=5000)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert notes.insert_current_time()
    assert editor.toPlainText().rstrip().endswith(f"[00:0{player.position() // 1000}]")

    # The preview renders Markdown and its time links play too.
    with qtbot.waitSignal(notes.time_link_activated, timeout=2000) as clicked:
        notes.set_preview(True)
        notes.preview.anchorClicked.emit(QUrl("furikaeri-time:2000"))
    assert clicked.args == [2000]
    assert "strong start" in notes.preview.toPlainText() and "Opening" in notes.preview.toPlainText()


def test_insert_time_without_audio_says_why(qtbot, make_window):
    window, notes = _window(make_window, qtbot)
    assert not notes.insert_current_time()
    assert "Nothing is recording or playing" in notes.state_label.text()
    assert notes.editor.toPlainText() == ""
    notes.time_link_activated.emit(5000)  # a time link with no recording: a message, nothing else
    assert "no recording to play" in window.statusBar().currentMessage()


def test_reveal_line_waits_for_the_notes_to_load(qtbot, make_window):
    def long_notes(lib, item):
        lib.notes.save(item.id, "\n".join(f"line {n}" for n in range(200)))
        lib.interviews.add(Interview(company="Beta", kind=InterviewKind.MOCK))

    window, notes = _window(make_window, qtbot, prepare=long_notes)
    rows = [window.model.interview_at(r) for r in range(2)]
    noted = next(i for i in rows if i.company != "Beta")
    other = next(i for i in rows if i.company == "Beta")
    notes.load(other.id, other)
    notes.load(noted.id, noted)
    notes.reveal_line(150)  # asked before the text has arrived
    assert notes._pending_line == 150
    qtbot.waitUntil(lambda: notes.editor.textCursor().blockNumber() == 150, timeout=5000)
    assert notes.editor.textCursor().block().text() == "line 150"


def test_notes_are_read_only_until_loaded(qtbot, make_window):
    def second(lib, _item):
        lib.interviews.add(Interview(company="Beta", kind=InterviewKind.MOCK))

    window, notes = _window(make_window, qtbot, prepare=second)
    other = next(window.model.interview_at(r) for r in range(2)
                 if window.model.interview_at(r).id != window.pane.interview.id)
    notes.load(other.id, other)
    assert notes.editor.isReadOnly()
    qtbot.waitUntil(lambda: not notes.editor.isReadOnly(), timeout=5000)
    assert notes._loaded_id == other.id


@pytest.mark.audio
def test_ctrl_t_while_recording_inserts_the_recording_time(qtbot, make_window, virtual_microphone):
    window, notes = _window(make_window, qtbot, kind=InterviewKind.MOCK)
    panel = window.pane.recorder
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == "recording" and panel.session.recorder.elapsed_s > 1.2, timeout=20000)
    notes.editor.setFocus()
    qtbot.keyClick(notes.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    inserted = notes.editor.toPlainText().strip()
    assert inserted in ("[00:01]", "[00:02]", "[00:03]"), inserted
    with qtbot.waitSignal(panel.recording_saved, timeout=20000):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _stored(window.pane.interview.id).strip() == inserted, timeout=5000)


def test_refreshing_the_library_keeps_the_cursor_and_undo(qtbot, make_window):
    window, notes = _window(make_window, qtbot)
    interview_id = window.pane.interview.id
    _type(qtbot, notes, "first line")
    notes.editor.insertPlainText("\nsecond line")
    cursor = notes.editor.textCursor()
    cursor.setPosition(5)
    notes.editor.setTextCursor(cursor)
    done = Changes(interviews=frozenset({interview_id}), followups=frozenset({interview_id}))
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.tasks.hub.publish(done)  # e.g. a follow-up was marked done: the list shows the library anew
    assert window.pane.interview.id == interview_id
    assert notes.editor.toPlainText() == "first line\nsecond line"
    assert notes.editor.textCursor().position() == 5
    notes.editor.undo()
    assert notes.editor.toPlainText() == "first line", "the undo history survived the refresh"
    qtbot.waitUntil(lambda: _stored(interview_id) == "first line", timeout=5000)


def test_the_declined_template_from_the_menu_says_when_recording_was_declined(qtbot, make_window):
    """Issue 17, item 12: inserted from Templates, the quick capture showed the literal 「{declined_at}」."""
    asked = datetime(2026, 12, 3, 5, 40, tzinfo=UTC)

    def declined(lib: Library, item: Interview) -> None:
        lib.consent.add(ConsentRecord(interview_id=item.stored_id, purpose=ConsentPurpose.REAL,
                                      answer=ConsentAnswer.DECLINED, who="Ms Ito", method=ConsentMethod.IN_PERSON,
                                      asked_at=asked))

    _main, notes = _window(make_window, qtbot, prepare=declined)
    capture = next(t for t in notes._templates["en"] if t.builtin is Builtin.DECLINED)
    with qtbot.waitSignal(notes.saved, timeout=5000):
        notes.insert_template(capture)
    text = notes.editor.toPlainText()
    assert "{declined_at}" not in text
    assert asked.astimezone().strftime("%Y-%m-%d %H:%M") in text
