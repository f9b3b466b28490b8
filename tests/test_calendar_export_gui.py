"""Issue 17, item 1: the calendar export is in the app (it was only ``main.py calendar``)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QFileDialog

from core.interviews import Interview, InterviewKind, utc_now
from core.settings import EXPORT_FOLDER, Settings


def _one(library) -> None:
    library.interviews.add(Interview(company="株式会社カレンダー", kind=InterviewKind.REAL,
                                     starts_at=utc_now() + timedelta(days=2)))


def test_the_library_menu_exports_the_calendar(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(_one)
    action = window.calendar_export.action
    assert action in window.file_menu.actions() and action.text() == "Export to &calendar…"
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filters, *_rest):
        asked.append(suggested)
        return str(tmp_path / "my interviews"), ""  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    action.trigger()
    assert asked and asked[0].endswith("furikaeri.ics")
    written = tmp_path / "my interviews.ics"
    qtbot.waitUntil(lambda: "written to" in window.statusBar().currentMessage(), timeout=10000)
    text = written.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "株式会社カレンダー" in text
    assert "1 interview(s)" in window.statusBar().currentMessage()
    assert Settings().get(EXPORT_FOLDER) == str(tmp_path)  # the next export's dialog opens here


def test_the_library_itself_is_never_written_over(qtbot, make_window, monkeypatch):
    window = make_window(_one)
    errors: list[Exception] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    database = window.library.path
    before = database.read_bytes()
    window.calendar_export.export_to(str(database))  # the name of the library's own database, chosen by mistake
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "Nothing was written" in str(errors[0].message.text) or "Nothing was written" in str(errors[0])
    assert database.read_bytes() == before
