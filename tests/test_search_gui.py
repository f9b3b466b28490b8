"""Search in the main window: type, see highlighted hits, open them at the segment or the notes line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer

from core.consent import self_consent
from core.interviews import Interview, InterviewKind, Status
from core.library import Library
from core.recording.store import RecordingState
from core.search import SearchHit
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from gui.search_panel import HIT_ROLE, SearchPanel, snippet_html
from gui.tasks import TaskRunner

JST = timezone(timedelta(hours=9))
NOTES = "# 面接メモ\n## 聞かれた質問\n- 自己紹介\n- 逆質問：研修制度について\n- 残業の実態\n"
SEGMENTS = ["本日はよろしくお願いいたします。", "それでは自己紹介をお願いします。",
            "前職では法人営業を担当しておりました。", "志望動機を教えてください。",
            "御社の研修制度に魅力を感じました。", "最後に何か質問はありますか？"]


def fill_library(library: Library) -> None:
    """Two interviews; the first with a 30-second recording (real audio file), its transcript and notes."""
    mock = library.interviews.add(Interview(company="株式会社サンプル", position="営業", kind=InterviewKind.MOCK,
                                            status=Status.DONE, starts_at=datetime(2026, 11, 2, 14, 0, tzinfo=JST)))
    library.interviews.add(Interview(company="Example Corp.", kind=InterviewKind.MOCK,
                                     starts_at=datetime(2026, 12, 1, 10, 0, tzinfo=JST)))
    consent = library.consent.add(self_consent(mock.id))
    recording = library.recordings.begin(consent, f"{mock.id}/take.wav", 16000, 1)
    recording.path.parent.mkdir(parents=True, exist_ok=True)
    soundfile.write(recording.path, np.zeros(16000 * 30, dtype=np.int16), 16000, subtype="PCM_16")
    library.recordings.finish(recording.id, RecordingState.COMPLETED, 30_000)
    library.transcripts.save(Transcript(
        source=recording.file, language="ja", duration_ms=30_000, settings=TranscriptionSettings(),
        segments=tuple(Segment(i * 5000, i * 5000 + 4500, text) for i, text in enumerate(SEGMENTS)),
        recording_id=recording.id))
    library.notes.save(mock.id, NOTES)


def search(qtbot, window, query: str) -> list[SearchHit]:
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=5000, check_params_cb=lambda shown: shown == query):
        if query.isascii():
            qtbot.keyClicks(window.search_field, query)
        else:  # what an input method commits (QTest types ASCII only)
            window.search_field.insert(query)
    return panel.hits()


def test_typing_shows_highlighted_hits_in_place_of_the_library(qtbot, make_window):
    window = make_window(fill_library)
    assert window.stack.currentWidget() is window.table
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    assert window.search_field.hasFocus()
    hits = search(qtbot, window, "研修制度")
    assert window.stack.currentWidget() is window.search_panel
    assert {(h.source, h.company) for h in hits} == {("transcript", "株式会社サンプル"), ("note", "株式会社サンプル")}
    assert not window.search_panel.message.isVisible()
    view = window.search_panel.results
    for row, hit in enumerate(hits):
        index = view.model().index(row)
        assert index.data(HIT_ROLE) is hit
        assert view.visualRect(index).height() > view.fontMetrics().height() * 1.5  # two lines
    assert '<span style="background-color: #ffe58a' in snippet_html(hits[0])
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)  # from the field to the hits
    assert view.hasFocus() and view.currentIndex().row() == 0
    window.search_field.setFocus()
    assert ">研修制度</span>" in snippet_html(hits[0])

    window.search_field.clear()
    with qtbot.waitSignal(window.search_panel.searched, timeout=5000):
        window.search_field.insert("ありえない語句")
    assert window.search_panel.hits() == []
    assert window.search_panel.message.isVisible()
    assert window.search_panel.message.text() == "No results for “ありえない語句”."

    # Esc returns to the library.
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == "" and window.stack.currentWidget() is window.table


def test_the_users_text_is_escaped_in_snippets():
    hit = SearchHit(interview_id=1, company="A", position="", kind=InterviewKind.MOCK, status=Status.DONE,
                    starts_at=None, source="note", snippet="<b>x</b> & <script>", spans=((3, 4),), note_line=0)
    assert snippet_html(hit) == ('&lt;b&gt;<span style="background-color: #ffe58a; color: #000000; font-weight: 600;">'
                                 'x</span>&lt;/b&gt; &amp; &lt;script&gt;')


def test_the_highlighted_hit_shows_its_interview_before_enter(qtbot, make_window):
    window = make_window(fill_library)
    window.table.selectRow(window.model.row_of(2))  # Example Corp. is open
    assert window.pane.interview.company == "Example Corp."
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus, timeout=2000)
    hits = search(qtbot, window, "残業")
    assert window.search_panel.results.currentIndex().row() == 0  # the first hit highlighted…
    assert window.pane.interview.company == "株式会社サンプル" == hits[0].company  # …and its interview shown
    assert window.search_field.hasFocus()  # typing goes on in the field


def test_a_note_hit_moves_the_notes_cursor_to_its_line(qtbot, make_window):
    window = make_window(fill_library)
    window.table.selectRow(window.model.row_of(2))  # another interview is open
    hits = search(qtbot, window, "残業")
    assert [h.source for h in hits] == ["note"]
    view = window.search_panel.results
    view.setFocus()
    view.setCurrentIndex(view.model().index(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    notes = window.pane.notes
    qtbot.waitUntil(lambda: notes.editor.toPlainText() == NOTES, timeout=5000)
    assert window.pane.interview.company == "株式会社サンプル"
    assert notes.editor.textCursor().blockNumber() == 4 == hits[0].note_line
    assert notes.editor.hasFocus()
    assert window.stack.currentWidget() is window.search_panel  # the hits stay for the next one
    # The same hit again, its interview already open: the cursor goes back to the line at once.
    notes.editor.moveCursor(notes.editor.textCursor().MoveOperation.Start)
    window.open_hit(hits[0])
    assert notes.editor.textCursor().blockNumber() == 4


def test_a_transcript_hit_opens_the_transcript_at_its_segment(qtbot, virtual_microphone, make_window):
    window = make_window(fill_library)
    hits = search(qtbot, window, "志望動機")
    assert [(h.source, h.start_ms) for h in hits] == [("transcript", 15000)]
    view = window.search_panel.results
    index = view.model().index(0)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double-click starts with a press
    assert window.transcript_windows == {}
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: hits[0].recording_id in window.transcript_windows, timeout=5000)
    transcript = window.transcript_windows[hits[0].recording_id]
    qtbot.waitUntil(lambda: transcript.model.rowCount() == len(SEGMENTS) and bool(transcript.table.selectionModel()
                    .selectedRows()), timeout=10000)
    assert transcript.table.selectionModel().selectedRows()[0].row() == 3
    qtbot.waitUntil(lambda: transcript.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadedMedia,
                                                                 QMediaPlayer.MediaStatus.BufferedMedia), timeout=10000)
    qtbot.waitUntil(lambda: transcript.player.position() == 15000, timeout=5000)
    assert transcript.position_label.text() == "00:15"
    assert transcript.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
    assert window.pane.interview.company == "株式会社サンプル"
    # Asked again with the window open: revealed at once.
    transcript.reveal_segment(hits[0].segment_id - 2, None)
    assert transcript.table.selectionModel().selectedRows()[0].row() == 1
    transcript.close()


def test_filters_and_stale_results(qtbot):
    with Library.open() as library:
        fill_library(library)
        library.notes.save(2, "研修制度の質問を準備")
        tasks = TaskRunner()
        panel = SearchPanel(library, tasks)
        qtbot.addWidget(panel)
        panel.show()
        with qtbot.waitSignal(panel.searched, timeout=5000):
            panel.field.setText("研修制度")
        assert {h.interview_id for h in panel.hits()} == {1, 2}
        with qtbot.waitSignal(panel.searched, timeout=5000):
            panel.company.setText("example")
        assert {h.interview_id for h in panel.hits()} == {2}
        panel.company.clear()
        with qtbot.waitSignal(panel.searched, timeout=5000):
            panel.from_date.setDate(panel.from_date.date().fromString("2026-11-15", "yyyy-MM-dd"))
            panel.from_check.setChecked(True)
        assert {h.interview_id for h in panel.hits()} == {2}
        with qtbot.waitSignal(panel.searched, timeout=5000):
            panel.from_check.setChecked(False)
            panel.status.setCurrentIndex(panel.status.findData(Status.DONE))
        assert {h.interview_id for h in panel.hits()} == {1}

        # An older query that finishes after a newer one is not shown.
        panel._display(panel._shown + 2, "newer", [])
        panel._display(panel._shown - 1, "older", panel.hits() or [None])
        assert panel.shown_query == "newer" and panel.hits() == []
        qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)


@pytest.mark.parametrize("language", ["ja"])
def test_the_panel_speaks_japanese(qtbot, make_window, language):
    window = make_window(fill_library, language=language)
    panel = window.search_panel
    assert "検索" in window.search_field.placeholderText()
    assert panel.kind.itemText(0) and panel.status.itemText(0) != "Any status"
    search(qtbot, window, "残業")
    assert "行目" in panel.results.model().index(0).data()
