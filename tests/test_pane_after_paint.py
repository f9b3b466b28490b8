"""The interview pane is built once the window is painted (issue 16, "a window at once").

Built later, it must behave as if it had been there from the start: the
keyboard reaches it between the library list and the search field, and an
interview selected before it existed shows in it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind
from core.library import Library
from core.settings import Settings
from gui.i18n import LanguageSwitcher
from gui.main_window import MainWindow


def _add_acme(library: Library) -> None:
    library.interviews.add(Interview(company="Acme", position="Engineer", kind=InterviewKind.MOCK))


def _tab_order(window: MainWindow) -> list:
    """The widgets the Tab key moves through, in order."""
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and widget is not None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_the_keyboard_goes_from_the_search_field_to_the_list_and_into_the_pane(make_window):
    window = make_window(_add_acme)
    order = _tab_order(window)
    table, search = order.index(window.table), order.index(window.search_field)
    assert window.pane.isAncestorOf(order[table + 1])  # from the list, Tab goes into the pane
    pane = window.pane
    for widget in (pane.recorder.record_button, pane.recorder.device, pane.tabs, pane.notes.editor):
        assert search < table < order.index(widget)  # the search field above the list comes before it


def test_an_interview_selected_before_the_pane_is_built_shows_in_it(qapp, qtbot):
    switcher = LanguageSwitcher()
    switcher.apply("en")
    library = Library.open()
    _add_acme(library)
    window = MainWindow(library, Settings(), switcher)  # never shown: the pane waits for a paint
    try:
        with qtbot.waitSignal(window.library_loaded, timeout=10000):
            window.load_library()
        window.table.selectRow(0)
        pane = window.pane
        assert pane.interview is not None and pane.interview.company == "Acme"
        assert pane.heading.text() == "Acme — Engineer"
        assert pane.notes.editor.isEnabled()
        assert window.edit_action.isEnabled()
    finally:
        window.close()
        shiboken6.delete(window)
        library.close()
