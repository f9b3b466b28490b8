"""The interview page (issue 17, item 1): a compact list with the search field above it, and beside it the page:
the recorder as a compact bar that stays in view, then the notes at the page's full height, the recordings and the
timeline as tabs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from core.interviews import Interview, InterviewKind, Status, list_order
from tests.test_search_gui import fill_library

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def _at(company: str, hours: float | None, status: Status = Status.SCHEDULED, id_: int = 0) -> Interview:
    starts = None if hours is None else NOW + timedelta(hours=hours)
    return Interview(company=company, kind=InterviewKind.REAL, starts_at=starts, status=status, id=id_ or None)


def test_the_list_shows_what_is_coming_first_soonest_at_the_top():
    interviews = [_at("last week", -24 * 7, Status.WAITING, 1), _at("next week", 24 * 7, id_=2),
                  _at("undated", None, id_=3), _at("tomorrow", 24, id_=4), _at("under way", -0.5, id_=5),
                  _at("yesterday", -24, Status.DONE, 6), _at("undated, newer", None, id_=7)]
    ordered = [i.company for i in list_order(interviews, NOW)]
    # an interview that began half an hour ago lasts an hour: it is still on (at the top)
    assert ordered == ["under way", "tomorrow", "next week", "yesterday", "last week", "undated, newer", "undated"]


def test_the_library_lists_in_that_order(tmp_path):
    from core.library import Library

    with Library.open(tmp_path / "library.db") as library:
        for item in (_at("past", -48), _at("coming", 48), _at("later", 96), _at("no date", None)):
            library.interviews.add(item)
        assert [i.company for i in library.interviews.listed(NOW)] == ["coming", "later", "past", "no date"]
        assert [i.company for i in library.interviews.all()][:2] == ["later", "coming"]  # the store's own order


def test_the_list_is_compact_and_the_search_field_sits_above_it(make_window):
    window = make_window(fill_library)
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Company", "Stage", "Date", "Status"]
    column = window.list_column
    assert window.search_field.parentWidget() is column and window.stack.parentWidget() is column
    assert window.search_field.geometry().bottom() < window.stack.geometry().top()
    assert window.splitter.widget(0) is column
    # the page gets the room: the list is the narrower side
    sizes = window.splitter.sizes()
    assert sizes[0] < sizes[1]
    status = model.index(0, model.COLUMNS.index("status"))
    assert model.data(status, Qt.ItemDataRole.FontRole).bold()  # the status reads as a badge
    assert model.data(status, Qt.ItemDataRole.ForegroundRole) is not None


@pytest.mark.parametrize("language", ["en", "ja"])
def test_notes_take_the_page_and_the_recorder_stays_in_view(qtbot, make_window, language):
    window = make_window(fill_library, language=language)
    window.resize(1000, 640)
    window.table.selectRow(window.model.row_of(1))  # the interview with one recording
    pane, recorder = window.pane, window.pane.recorder
    qtbot.waitUntil(lambda: recorder.history.count() == 1, timeout=5000)
    tabs = pane.tabs
    assert [tabs.widget(i) for i in range(tabs.count())] == [pane.notes, recorder.recordings_page, pane.timeline]
    assert tabs.currentWidget() is pane.notes
    assert tabs.tabText(1) == ("録音（1件）" if language == "ja" else "Recordings (1)")
    # the notes: the page's largest part (before, the recordings' list took the room: about eight lines were left)
    qtbot.waitUntil(lambda: pane.notes.editor.height() > pane.height() * 0.42, timeout=5000)
    assert recorder.height() < pane.height() // 3  # a compact bar
    for page in (recorder.recordings_page, pane.timeline, pane.notes):
        tabs.setCurrentWidget(page)
        qtbot.waitUntil(page.isVisible, timeout=2000)
        assert recorder.state_label.isVisible() and recorder.elapsed.isVisible() and recorder.record_button.isVisible()
    pane.show_recordings()
    assert recorder.history.isVisible() and recorder.transcript_button.isEnabled()
    assert recorder.history.height() >= recorder.transcript_button.height() * 2  # room for it (the transcript below)


def test_the_recordings_tab_says_none_yet(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Acme", kind=InterviewKind.MOCK)))
    window.table.selectRow(0)
    recorder = window.pane.recorder
    qtbot.waitUntil(lambda: "No recordings" in recorder.history_label.text(), timeout=5000)
    assert window.pane.tabs.tabText(1) == "Recordings"
    window.pane.show_recordings()
    assert not recorder.history.isVisible() and recorder.import_button.isVisible()


def _real(library) -> None:
    library.interviews.add(Interview(company="株式会社サンプル", kind=InterviewKind.REAL,
                                     starts_at=NOW + timedelta(days=30)))


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_overview_says_where_permission_and_the_follow_ups_stand(qtbot, make_window, language):
    from core.consent import ConsentAnswer, ConsentMethod, ConsentPurpose, ConsentRecord
    from core.ops import Changes
    from core.tracker.kinds import TaskKind

    window = make_window(_real, language=language)
    window.table.selectRow(0)
    overview = window.pane.overview
    qtbot.waitUntil(lambda: overview.shown is not None, timeout=5000)
    assert overview.permission.isVisible()
    assert ("まだ確認していません" if language == "ja" else "not asked yet") in overview.permission.text()
    assert not overview.next_step.isVisible()  # nothing to do yet

    interview_id = window.model.interview_at(0).stored_id
    window.library.consent.add(ConsentRecord(
        interview_id=interview_id, purpose=ConsentPurpose.REAL, answer=ConsentAnswer.DECLINED, who="田中様",
        method=ConsentMethod.ONLINE, asked_at=NOW))
    window.library.followups.add(interview_id, TaskKind.THANK_YOU, NOW + timedelta(days=31))
    window.tasks.hub.changed.emit(Changes(consent=frozenset({interview_id}), followups=frozenset({interview_id})))
    qtbot.waitUntil(lambda: "田中様" in overview.permission.text(), timeout=5000)
    declined = "お断り" if language == "ja" else "declined"
    assert declined in overview.permission.text()
    assert overview.next_step.isVisible() and "株式会社サンプル" in overview.next_step.text()


def test_a_practice_interview_has_no_permission_line(qtbot, make_window):
    window = make_window(lambda lib: lib.interviews.add(Interview(company="Mock", kind=InterviewKind.MOCK)))
    window.table.selectRow(0)
    overview = window.pane.overview
    qtbot.waitUntil(lambda: overview.shown is not None, timeout=5000)
    assert not overview.permission.isVisible() and not overview.next_step.isVisible()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_overview_lists_the_questions_they_asked_once_a_transcript_says_who_spoke(qtbot, make_window, language):
    from tests.test_interview_review_gui import KNOWN_QUESTION, NEW_QUESTION, _interview, _store

    window = make_window(lambda lib: _store(lib, _interview()), language=language)
    window.table.selectRow(0)
    overview = window.pane.overview
    qtbot.waitUntil(lambda: overview.shown is not None, timeout=5000)
    assert overview.shown.questions == (NEW_QUESTION, KNOWN_QUESTION)  # in the order asked
    text = overview.questions.text()
    assert overview.questions.isVisible() and NEW_QUESTION in text and KNOWN_QUESTION in text
    assert ("（2）" in text or "(2)" in text) if language == "ja" else "Questions they asked (2)" in text


def test_a_transcript_without_speakers_lists_no_questions(qtbot, make_window):
    from tests.test_interview_review_gui import _interview, _store

    window = make_window(lambda lib: _store(lib, tuple(s.spoken_by(None) for s in _interview())))
    window.table.selectRow(0)
    overview = window.pane.overview
    qtbot.waitUntil(lambda: overview.shown is not None, timeout=5000)
    assert overview.shown.questions == () and not overview.questions.isVisible()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_recordings_tab_shows_the_selected_recordings_transcript_inline(qtbot, make_window, language):
    """Who said what, with the times and the user's corrections, without opening the transcript window."""
    from core.ops import Changes
    from tests.test_interview_review_gui import FIRST_ANSWER, NEW_QUESTION, _interview, _store

    window = make_window(lambda lib: _store(lib, _interview()), language=language)
    window.table.selectRow(0)
    pane, recorder = window.pane, window.pane.recorder
    qtbot.waitUntil(lambda: recorder.history.count() == 1, timeout=5000)
    pane.show_recordings()
    preview = recorder.transcript_preview
    qtbot.waitUntil(lambda: NEW_QUESTION in preview.toPlainText(), timeout=5000)
    lines = preview.toPlainText().splitlines()
    interviewer = "田中様（人事）"  # the interview's interviewer names the interviewer's voice
    assert lines[0] == f"[00:01] {interviewer}: {NEW_QUESTION}"
    assert lines[1].startswith("[00:04] ") and lines[1].endswith(FIRST_ANSWER)
    assert preview.isVisible() and preview.isReadOnly()

    transcript = window.library.transcripts.latest_for_recording(recorder.selected_recording().id)
    window.library.transcripts.correct_segment(transcript.segments[1].id, "訂正した答え")
    window.tasks.hub.changed.emit(Changes(transcripts=frozenset({recorder.selected_recording().id})))
    qtbot.waitUntil(lambda: "訂正した答え" in preview.toPlainText(), timeout=5000)  # corrections shown
