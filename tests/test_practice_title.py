"""Issue 17, item 13: a practice session's title follows the UI language (it kept the language it was made in)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind
from core.practice.session import PRACTICE_TITLE, practice_interview


def _company_cell(window, row: int) -> str:
    column = window.model.COLUMNS.index("company")
    return window.model.data(window.model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_a_practice_session_is_named_in_the_language_shown(qtbot, make_window):
    def prepare(library) -> None:
        library.interviews.add(practice_interview(PRACTICE_TITLE))
        library.interviews.add(Interview(company="Practice", kind=InterviewKind.REAL))  # a company called so

    window = make_window(prepare, language="en")
    rows = {window.model.interview_at(r).kind: r for r in range(window.model.rowCount())}
    assert _company_cell(window, rows[InterviewKind.MOCK]) == "Practice"
    window.table.selectRow(rows[InterviewKind.MOCK])
    qtbot.waitUntil(lambda: window.pane.interview is not None and window.pane.interview.kind is InterviewKind.MOCK)
    window.set_language_setting("ja")  # switched live
    assert _company_cell(window, rows[InterviewKind.MOCK]) == "練習"
    assert window.pane.heading.text() == "練習"
    assert _company_cell(window, rows[InterviewKind.REAL]) == "Practice"  # a real company's name is never translated
    window.set_language_setting("en")
    assert window.pane.heading.text() == "Practice"
