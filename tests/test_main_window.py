from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from core import paths
from core.interviews import Interview, InterviewKind, Status
from core.library import Library
from core.settings import LANGUAGE, Settings
from core.storage import db
from gui.interview_dialog import InterviewDialog
from gui.main_window import MainWindow
from tests.gui_helpers import click_message_box, handle_modal


def _table_texts(window: MainWindow) -> list[list[str]]:
    model = window.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _fill_and_save(company: str, position: str = "", mock: bool = False, status: Status | None = None):
    def handler(dialog):
        assert isinstance(dialog, InterviewDialog)
        dialog.company.setText(company)
        dialog.position.setText(position)
        if mock:
            dialog.mock.setChecked(True)
        if status is not None:
            dialog.status.setCurrentIndex(dialog.status.findData(status.value))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    return handler


def test_empty_library_explains_the_three_uses(make_window):
    window = make_window()
    assert window.stack.currentWidget() is window.empty
    texts = " ".join(card.title.text() for card in (window.empty.practice, window.empty.real, window.empty.notes))
    assert "Practise at home" in texts and "with permission" in texts and "Notes right after" in texts


def test_add_interview_from_the_empty_state(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        handle_modal(window.empty.add_button.click, _fill_and_save("株式会社サンプル", "営業職"))
    assert window.stack.currentWidget() is window.table
    row = _table_texts(window)[0]
    assert (row[0], row[3]) == ("株式会社サンプル", "Scheduled") and row[2]  # company, stage, date, status
    tip = window.model.data(window.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "営業職" in tip and "Real interview" in tip  # the position and the kind: on the page and in the tip
    with Library.open() as check:  # really saved in SQLite
        saved = check.interviews.all()
    assert [(i.company, i.kind) for i in saved] == [("株式会社サンプル", InterviewKind.REAL)]
    assert window.table.selectionModel().selectedRows()[0].row() == 0


def test_edit_by_double_click_updates_row_and_database(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Acme", kind=InterviewKind.REAL)))
    index = window.model.index(0, 1)
    rect = window.table.visualRect(index)

    def double_click():  # a real double click is a press/release followed by a double-click event
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        handle_modal(double_click, _fill_and_save("Acme Japan", "Engineer", mock=True, status=Status.WAITING))
    assert _table_texts(window)[0] == ["Acme Japan", "", "Not fixed", "Waiting for result"]
    assert "Engineer" in window.pane.heading.text() and "Mock practice" in window.pane.details.text()
    with Library.open() as check:
        item = check.interviews.all()[0]
    assert (item.company, item.kind, item.status) == ("Acme Japan", InterviewKind.MOCK, Status.WAITING)


def test_delete_asks_first(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK)))
    window.table.selectRow(0)
    assert window.delete_action.isEnabled()
    handle_modal(window.delete_action.trigger, click_message_box(QMessageBox.StandardButton.No))
    assert window.model.rowCount() == 1
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        handle_modal(window.delete_action.trigger, click_message_box(QMessageBox.StandardButton.Yes))
    assert window.model.rowCount() == 0
    assert window.stack.currentWidget() is window.empty
    assert not window.delete_action.isEnabled()


def test_cancel_saves_nothing(make_window):
    window = make_window()

    def cancel(dialog):
        dialog.company.setText("Never saved")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    handle_modal(window.new_action.trigger, cancel)
    with Library.open() as check:
        assert check.interviews.count() == 0


def test_language_switches_live_and_is_remembered(make_window):
    moment = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)  # a Wednesday
    window = make_window(lambda lib: lib.interviews.add(
        Interview(company="Acme", kind=InterviewKind.REAL, starts_at=moment)))
    window.table.selectRow(0)
    assert "Wed" in window.pane.details.text()
    window.set_language_setting("ja")
    assert "(水)" in window.pane.details.text() and "本番の面接" in window.pane.details.text()
    assert "面接" in window.windowTitle()
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "会社名"
    assert "(水)" in _table_texts(window)[0][2]
    assert Settings().get(LANGUAGE) == "ja"
    window.set_language_setting("en")
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Company"


def test_status_bar_says_why_recording_is_unavailable(no_sound_server, make_window):
    window = make_window()
    text = window.status.recording.text()
    assert text.startswith("Recording unavailable:") and len(text) > len("Recording unavailable: ") + 10


@pytest.mark.audio
def test_status_bar_names_the_microphone(virtual_microphone, make_window):
    window = make_window()
    assert window.status.recording.text().startswith("Recording available:")


def test_speech_model_state_is_shown(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.status.model.text() == "Speech model: ready", timeout=20000)


def test_undated_interview(qtbot):
    dialog = InterviewDialog()
    qtbot.addWidget(dialog)
    dialog.company.setText("A")
    dialog.undated.setChecked(True)
    assert not dialog.starts_at.isEnabled()
    dialog.accept()
    assert dialog.interview().starts_at is None


def test_save_is_disabled_until_a_company_is_named(qtbot):
    dialog = InterviewDialog()
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog.company.setText("   ")
    assert not save.isEnabled()
    dialog.company.setText("B")
    assert save.isEnabled()


def test_edit_dialog_shows_the_saved_values(qtbot):
    moment = datetime(2026, 12, 1, 5, 30, tzinfo=UTC)
    item = Interview(id=7, company="C", position="P", kind=InterviewKind.MOCK, stage="カジュアル面談",
                     status=Status.OFFER, starts_at=moment)
    dialog = InterviewDialog(interview=item)
    qtbot.addWidget(dialog)
    assert dialog.mock.isChecked() and dialog.stage.currentText() == "カジュアル面談"
    dialog.accept()
    result = dialog.interview()
    assert result.id == 7 and result.starts_at == moment and result.status is Status.OFFER
    assert result.stage == "カジュアル面談"


def test_app_refuses_a_newer_library_without_touching_it(qtbot, monkeypatch):
    from gui import app as app_module

    path = paths.database_path()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert app_module.run(["furikaeri"]) == 1
    assert shown and "newer version" in shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_index_helpers(make_window):
    window = make_window()
    assert window.model.rowCount(window.model.index(0, 0)) == 0
    assert window.model.data(QModelIndex()) is None


def test_settings_have_a_shortcut_people_can_type(make_window):
    """Issue 17: the menu named the multimedia "Settings" key as the shortcut of Preferences…."""
    window = make_window(lambda lib: None)
    shortcut = window.settings_action.shortcut()
    assert shortcut.toString() == "Ctrl+,"
    others = [a.shortcut().toString() for a in window.findChildren(QAction) if a is not window.settings_action]
    assert "Ctrl+," not in others


def test_the_agency_and_the_adviser_have_their_own_fields(qtbot):
    """Issue 17, item 17: one "Agent" field held the agency and the person; each has its own now, kept apart."""
    from core.interviews import Channel

    with Library.open() as library:
        saved = library.interviews.add(Interview(company="C", kind=InterviewKind.REAL, channel=Channel.AGENT,
                                                 agency="JobLink", agent_name="Mr Mori"))
    dialog = InterviewDialog(None, saved)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.agency.text() == "JobLink" and dialog.agent_name.text() == "Mr Mori"
    assert dialog.agency.isVisible() and dialog.agent_name.isVisible()
    dialog.agency.setText("ミライエージェント")
    dialog.accept()
    edited = dialog.interview()
    assert edited is not None and (edited.agency, edited.agent_name) == ("ミライエージェント", "Mr Mori")
    with Library.open() as library:
        assert library.interviews.update(edited).agency == "ミライエージェント"
        assert library.interviews.get(saved.stored_id).agency == "ミライエージェント"  # stored (migration 0012)
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.DIRECT.value))
    assert not dialog.agency.isVisible()  # applied directly: no agent to name
