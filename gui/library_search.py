"""The main window's search: the field above the interview list, the hits in the list's place while it holds a
query, and what a hit opens (its interview; the notes at its line or the transcript at its segment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.search_panel import SearchPanel


class LibrarySearch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.made: SearchPanel | None = None  # made when the first query is typed (panel)
        window.search_field.textChanged.connect(lambda _text: self.show())

    @property
    def panel(self) -> SearchPanel:
        """The search hits, in place of the library list; made on first use (it takes over the search field)."""
        if self.made is None:
            from gui.search_panel import SearchPanel

            window = self.window
            panel = self.made = SearchPanel(window.library, window.tasks, field=window.search_field)
            panel.hit_activated.connect(self.open_hit)
            panel.hit_current.connect(self.preview_hit)
            window.stack.addWidget(panel)
            window.close_search_on_escape(panel)
            if window.search_field.text().strip():
                panel.schedule()  # the text typed before the panel listened
        return self.made

    def focus(self) -> None:
        self.window.search_field.setFocus()
        self.window.search_field.selectAll()

    def close(self) -> None:
        self.window.search_field.clear()
        self.window.table.setFocus()

    def show(self) -> None:
        """The hits replace the library list while the search field holds a query."""
        window = self.window
        if window.search_field.text().strip():
            window.stack.setCurrentWidget(self.panel)
        elif self.made is not None and window.stack.currentWidget() is self.made:
            window.stack.setCurrentWidget(window.table if window.model.rowCount() else window.empty)

    def preview_hit(self, hit) -> None:
        """The highlighted hit's interview beside the hits (not while a recording keeps its interview open)."""
        if not self.window.pane.recorder.is_recording():
            self.window.select_interview(hit.interview_id)

    def open_hit(self, hit) -> None:
        """A search hit: its interview selected, and the notes at its line or the transcript at its segment."""
        window = self.window
        pane = window.pane
        recording = pane.recorder.is_recording()
        if not recording and not window.select_interview(hit.interview_id):
            window.load_library()  # added since the list was loaded (elsewhere: another process)
            return
        shown = pane.interview is not None and pane.interview.id == hit.interview_id
        if recording and not shown:
            window.statusBar().showMessage(self.tr("A recording is running: its interview stays open."), 10000)
        if hit.source == "note" and shown:
            pane.notes.reveal_line(hit.note_line or 0)
        elif hit.source == "transcript" and hit.recording_id is not None:
            library = window.library
            window.tasks.run(lambda: library.recordings.get(hit.recording_id),
                             done=lambda found: window.open_transcript(found, transcribe_if_missing=False)
                             .reveal_segment(hit.segment_id, hit.start_ms),
                             failed=lambda _error: window.statusBar().showMessage(
                                 self.tr("That recording no longer exists."), 10000))
