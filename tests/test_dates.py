"""One date format per language, the same in every screen (it used to be three, sometimes in one window)."""

from __future__ import annotations

from datetime import datetime

from gui.dates import format_clock, format_day, format_moment

MOMENT = datetime(2026, 12, 3, 14, 5).astimezone()  # 14:05 where the computer is


def test_each_language_has_its_one_format(qapp, ui_language):
    ui_language("ja")
    assert format_moment(MOMENT) == "2026/12/03 (木) 14:05"
    assert format_day(MOMENT) == "2026/12/03 (木)" and format_clock(MOMENT) == "14:05"
    assert format_moment(None) == "未定"
    ui_language("en")
    assert format_moment(MOMENT) == "Thu 3 Dec 2026, 14:05"
    assert format_day(MOMENT) == "Thu 3 Dec 2026" and format_moment(None) == "Not fixed"


def test_date_editors_follow_the_language(qtbot, ui_language):
    from core.library import Library
    from gui.interview_dialog import InterviewDialog
    from gui.search_panel import SearchPanel
    from gui.tasks import TaskRunner

    ui_language("ja")
    dialog = InterviewDialog(None)
    qtbot.addWidget(dialog)
    with Library.open() as library:
        panel = SearchPanel(library, TaskRunner())
        qtbot.addWidget(panel)
        assert dialog.starts_at.displayFormat() == "yyyy/MM/dd (ddd) HH:mm"
        assert panel.from_date.displayFormat() == "yyyy/MM/dd (ddd)"
        assert "(" in panel.from_date.text() and panel.from_date.text()[-2] in "月火水木金土日"
        ui_language("en")
        assert dialog.starts_at.displayFormat() == "ddd d MMM yyyy, HH:mm"
        assert panel.to_date.displayFormat() == "ddd d MMM yyyy"
        assert panel.to_date.text()[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
