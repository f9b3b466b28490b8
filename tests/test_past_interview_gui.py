"""Issue 17, item 17: an interview that has ended but is still marked scheduled asks how it went, and one click
records the answer (through the tracker's own status change)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.interviews import Interview, InterviewKind, Status, utc_now
from core.library import Library
from gui.interview_dialog import InterviewDialog
from tests.gui_helpers import handle_modal


def test_only_a_real_interview_still_scheduled_after_its_end_awaits_an_update():
    now = utc_now()
    ended = Interview(company="A", kind=InterviewKind.REAL, starts_at=now - timedelta(hours=2), duration_min=60)
    assert ended.awaits_update(now)
    assert not Interview(company="A", kind=InterviewKind.REAL, starts_at=now - timedelta(minutes=30),
                         duration_min=60).awaits_update(now)  # still going on
    assert not Interview(company="A", kind=InterviewKind.MOCK, starts_at=ended.starts_at).awaits_update(now)
    assert not Interview(company="A", kind=InterviewKind.REAL, starts_at=ended.starts_at,
                         status=Status.WAITING).awaits_update(now)
    assert not Interview(company="A", kind=InterviewKind.REAL).awaits_update(now)  # no date: nothing to go by


def _two(library: Library) -> None:
    now = utc_now()
    library.interviews.add(Interview(company="株式会社きのう", kind=InterviewKind.REAL,
                                     starts_at=now - timedelta(days=1)))
    library.interviews.add(Interview(company="株式会社あした", kind=InterviewKind.REAL,
                                     starts_at=now + timedelta(days=1)))


def _select(qtbot, window, company: str) -> None:
    row = next(r for r in range(window.model.rowCount()) if window.model.interview_at(r).company == company)
    window.table.selectRow(row)
    qtbot.waitUntil(lambda: window.pane.interview is not None and window.pane.interview.company == company)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_past_interview_asks_how_it_went_and_one_click_answers(qtbot, make_window, language):
    window = make_window(_two, language=language)
    bar = window.pane.followups
    _select(qtbot, window, "株式会社あした")
    assert not bar.past.isVisible()  # not yet
    _select(qtbot, window, "株式会社きのう")
    assert bar.past.isVisible()
    expected = "予定" if language == "ja" else "Scheduled"
    assert expected in bar.past_note.text() and window.pane.interview.starts_at is not None
    if language == "en":
        assert bar.past_note.text().endswith("How did it go?")
    bar.done_button.click()
    qtbot.waitUntil(lambda: window.pane.interview.status is Status.DONE, timeout=10000)
    assert not bar.past.isVisible()
    with Library.open() as check:
        assert {i.company: i.status for i in check.interviews.all()}["株式会社きのう"] is Status.DONE


def test_something_else_opens_the_interview_to_edit(qtbot, make_window):
    window = make_window(_two)
    _select(qtbot, window, "株式会社きのう")
    opened: list[str] = []

    def look(dialog) -> None:
        assert isinstance(dialog, InterviewDialog)
        opened.append(dialog.company.text())
        dialog.reject()

    handle_modal(window.pane.followups.edit_button.click, look)
    assert opened == ["株式会社きのう"]
