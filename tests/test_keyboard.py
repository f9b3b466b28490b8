"""Keyboard use (issue 17): no Alt+letter used twice where it is seen at once (a dialog, the menu bar, one menu;
Cancel/decline used D twice, the message dialog M twice), and Tab leaves the interview list."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

from core.library import Library
from core.settings import Settings
from core.tracker.messages import MessageKind
from tests.tracker_gui_helpers import agent_interview

_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _twice(texts: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text in texts:
        if (letter := _letter(text)) is not None:
            seen.setdefault(letter, []).append(text)
    return {letter: used for letter, used in seen.items() if len(used) > 1}


def _dialog_texts(root: QWidget) -> list[str]:
    """The texts with a mnemonic that are on screen together: buttons, labels of a field, group titles, tabs."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(index) for index in range(tabs.count())]
    return texts


@pytest.mark.parametrize("language", ["en", "ja"])
def test_each_dialog_uses_each_letter_once(qtbot, ui_language, language):
    from gui.consent_dialog import ConsentDialog
    from gui.interview_dialog import InterviewDialog
    from gui.message_dialog import MessageDialog
    from gui.settings_dialog import SettingsDialog
    from gui.tasks import TaskRunner
    from gui.withdraw_dialog import WithdrawDialog

    ui_language(language)
    with Library.open() as library:
        dialogs = {
            "cancel or decline": WithdrawDialog(agent_interview()),
            "message": MessageDialog(agent_interview(), Settings(), language, MessageKind.THANK_YOU),
            "interview": InterviewDialog(),
            "settings": SettingsDialog("system", library=library, tasks=TaskRunner()),
            "consent": ConsentDialog("株式会社サンプル", language),
        }
        seen = 0
        for name, dialog in dialogs.items():
            qtbot.addWidget(dialog)
            dialog.show()
            texts = _dialog_texts(dialog)
            seen += sum(_letter(text) is not None for text in texts)
            assert _twice(texts) == {}, name
        assert seen > 20  # the check sees the dialogs' mnemonics


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_menu_bar_and_each_menu_use_each_letter_once(make_window, language):
    window = make_window(language=language)
    bar = window.menuBar().actions()
    assert _twice([action.text() for action in bar]) == {}
    checked = 0
    for menu in window.menuBar().findChildren(QMenu):  # (not QAction.menu(): its wrapper would own the menu)
        items = [item.text() for item in menu.actions() if item.isVisible()]
        assert _twice(items) == {}, menu.title()
        checked += 1
    assert checked >= 3


def test_tab_leaves_the_interview_list_at_once(qtbot, make_window):
    from core.interviews import Interview, InterviewKind

    def three(library) -> None:
        for company in ("A", "B", "C"):
            library.interviews.add(Interview(company=company, kind=InterviewKind.MOCK))

    window = make_window(three)
    window.activateWindow()
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert not window.table.hasFocus()  # it used to take seven Tabs, each moving the selection
    assert window.table.selected_row() == 0
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.table.hasFocus() and window.table.selected_row() == 0


def test_transcript_is_ready_for_the_newest_recording_without_clicking_it(qtbot, make_window):
    from tests.test_search_gui import fill_library

    window = make_window(fill_library)
    window.table.selectRow(window.model.row_of(1))  # the interview with one recording
    recorder = window.pane.recorder
    qtbot.waitUntil(lambda: recorder.history.count() == 1, timeout=5000)
    assert recorder.selected_recording() is not None  # it used to wait for a click on the only recording
    assert recorder.transcript_button.isEnabled()
