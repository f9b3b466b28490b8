"""Every shortcut Help lists exists where it says, none is used twice in one window, and the new ones work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from gui import shortcuts
from tests.test_faults_outputs import transcript_window  # noqa: F401 - the fixture


def _keys(window) -> list[QKeySequence]:
    keys = [action.shortcut() for action in window.findChildren(QAction) if not action.shortcut().isEmpty()]
    return keys + [shortcut.key() for shortcut in window.findChildren(QShortcut)]


def test_the_main_windows_shortcuts_are_all_listed_and_exist(make_window):
    window = make_window()
    keys = _keys(window)
    for shortcut in shortcuts.SHORTCUTS:
        if shortcut.where in (shortcuts.MAIN, shortcuts.RECORDING):
            assert shortcut.sequence() in keys, shortcut.what
    listed = [s.sequence() for s in shortcuts.SHORTCUTS if s.where in (shortcuts.MAIN, shortcuts.RECORDING)]
    assert len(set(s.toString() for s in listed)) == len(listed)  # none twice in the main window
    escape = QKeySequence(Qt.Key.Key_Escape)
    assert all(key in listed or key == escape for key in keys), [k.toString() for k in keys if k not in listed]


@pytest.mark.audio
def test_the_transcript_windows_shortcuts_exist_and_step_through_segments(qtbot, transcript_window):  # noqa: F811
    window = transcript_window
    keys = _keys(window)
    listed = [s.sequence() for s in shortcuts.SHORTCUTS if s.where == shortcuts.TRANSCRIPT]
    assert all(key in keys for key in listed) and len({k.toString() for k in listed}) == len(listed)
    assert window.model.rowCount() == 2
    window.seek(0)
    assert window.step_segment(1) == 1 and window.player.position() == window.model.segment(1).start_ms
    assert window.step_segment(1) is None  # the last one: stays
    assert window.step_segment(-1) == 0 and window.player.position() == 0
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the real key
    qtbot.waitUntil(lambda: window.table.currentIndex().row() == 1, timeout=2000)


def test_the_recording_keys_press_the_buttons_only_when_they_could_be_pressed(qtbot, make_window):
    panel = make_window().pane.recorder
    pressed: list[bool] = []
    panel.pause_button.clicked.connect(lambda: pressed.append(True))
    key = panel.button_shortcuts[panel.pause_button]
    assert key.key() == shortcuts.PAUSE.sequence()
    assert not panel.pause_button.isEnabled()
    key.activated.emit()  # nothing is recording: the key does nothing
    assert pressed == []


@pytest.mark.parametrize("language", ["en", "ja"])
def test_help_lists_the_shortcuts_the_online_interview_and_the_metrics(qtbot, make_window, language):
    window = make_window(language=language)
    window.show_help()
    help_dialog = window._help
    assert help_dialog is not None and help_dialog.isVisible() and help_dialog.topics.count() == 3
    page = help_dialog.page.toPlainText()
    assert shortcuts.RECORD.text() in page and shortcuts.RECORD.description() in page
    help_dialog.show_topic(1)
    online = help_dialog.page.toPlainText()
    help_dialog.show_topic(2)
    metrics = help_dialog.page.toPlainText()
    if language == "ja":
        assert "ヘッドホン" in online and "許可" in online
        assert "フィラー" in metrics and "目安" in metrics
    else:
        assert "headphones" in online and "permission" in online
        assert "Fillers" in metrics and "Aim for" in metrics
    help_dialog.close()
