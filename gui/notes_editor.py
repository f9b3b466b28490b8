"""Notes beside the selected interview: Markdown, saved as you type, never lost.

* Saved in the background within a second of a pause in typing, at least
  every 1.5 seconds while typing goes on, and whenever the editor loses focus,
  so that a crash loses at most the last two seconds.
  Reads and writes go through one single-threaded runner, so they happen in
  the order they were asked for.
* Every save keeps a revision (see ``core.notes``); History restores one.
* Templates insert the recall, declined or self-review structure (or the
  user's own); time links (``[12:34]``) insert the current recording or
  playback time and play from there when clicked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview
from core.library import Library
from core.messages import FurikaeriError
from core.note_templates import BUILTIN_NAMES, Builtin, NoteTemplate, builtin_text, fill, last_declined, values_for
from core.notes import SaveReason
from core.ops import Changes
from core.timecodes import format_timecode, linkify
from gui.i18n import Retranslatable, render
from gui.notes_text import NotesTextEdit
from gui.tasks import TaskRunner
from gui.theme import themed

PAUSE_MS = 800  # save this long after the last keystroke...
MAX_UNSAVED_MS = 1500  # ...and at the latest this long after the first unsaved one
PROMISE_MS = 2000  # what a crash may lose at most: the timers above leave room for a slow, busy machine
RETRY_MS = 5000
CAPTURE_MINUTES = 5  # the first minutes after a declined request, while memory is fresh
TIME_SCHEME = "furikaeri-time"


class NotesEditor(Retranslatable, QWidget):
    saved = Signal(int)  # interview id
    loaded = Signal(int)  # interview id, once its notes are in the editor
    time_link_activated = Signal(int)  # ms into the recording
    templates_requested = Signal()  # "Manage templates…"

    def __init__(self, library: Library, tasks: TaskRunner, language: Callable[[], str] = lambda: "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.language = language
        self.time_source: Callable[[], int | None] = lambda: None
        self.io = TaskRunner(self, max_threads=1)  # notes reads and writes, strictly in order
        self.interview_id: int | None = None
        self.interview: Interview | None = None
        self._loaded_id: int | None = None
        self._loading = False
        self._dirty = False
        self._reason = SaveReason.EDIT
        self._pending_line: int | None = None
        self._pending_capture: tuple[datetime, str] | None = None  # (declined_at, language)
        self._declined_at: datetime | None = None  # when recording was last declined for the loaded interview
        self._templates: dict[str, list[NoteTemplate]] = {}
        self._capture_left = 0
        self._state: Callable[[], str] = lambda: ""

        self.state_label = QLabel()
        self.state_label.setObjectName("notesState")
        self.preview_button = QToolButton()
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(lambda on: self.set_preview(on))
        self.time_button = QToolButton()
        self.time_button.clicked.connect(lambda: self.insert_current_time())
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button = QToolButton()
        self.template_button.setMenu(self.template_menu)
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.history_button = QToolButton()
        self.history_button.clicked.connect(lambda: self.show_history())
        self.banner = QLabel()
        self.banner.setObjectName("notesBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.editor = NotesTextEdit()
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self._changed)
        self.editor.time_link_clicked.connect(self.time_link_activated)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._anchor_clicked)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.editor)
        self.pages.addWidget(self.preview)

        self._pause = self._timer(PAUSE_MS, self.save_now)
        self._deadline = self._timer(MAX_UNSAVED_MS, self.save_now)
        self._retry = self._timer(RETRY_MS, self.save_now)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        bar = QHBoxLayout()
        bar.addWidget(self.state_label, 1)
        for button in (self.preview_button, self.time_button, self.template_button, self.history_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setStyleSheet(themed("#notesState { color: #666; }"
                           "#notesBanner { background: #fff3cd; border: 1px solid #f0c36d; padding: 4px; }"))
        self.retranslate()
        tasks.hub.changed.connect(self._on_changes)
        self._load_templates()

    def _timer(self, msecs: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    def retranslate(self) -> None:
        self.editor.setAccessibleName(self.tr("Notes"))
        self.editor.setAccessibleDescription(self.tr("The selected interview's notes, saved as you type; Markdown"))
        self.editor.setPlaceholderText(self.tr(
            "What were you asked, what did you answer, what will you do differently? "
            "Markdown works: # headings, - lists."))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Show the notes formatted; click a time to play from there."))
        self.time_button.setText(self.tr("Insert time"))
        self.time_button.setToolTip(self.tr(
            "Insert the current recording or playback time (Ctrl+T). Click a time in the notes to play from there."))
        self.template_button.setText(self.tr("Templates"))
        self.history_button.setText(self.tr("History…"))
        self.history_button.setToolTip(self.tr("Earlier versions of these notes; restore any of them."))
        self._update_banner()
        self.state_label.setText(self._state())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save_now()
        return super().eventFilter(watched, event)

    # -- loading -------------------------------------------------------------------------------
    def load(self, interview_id: int | None, interview: Interview | None = None) -> None:
        if interview_id is not None and interview_id == self._loaded_id == self.interview_id:
            # The same interview shown again (the library list was shown anew): keep the text, cursor and undo.
            self.interview = interview or self.interview
            return
        self.save_now()
        self.interview_id = interview_id
        self.interview = interview
        self._loaded_id = None
        self._pending_line = None
        self._pending_capture = None
        self._countdown.stop()
        self.banner.hide()
        self.setEnabled(interview_id is not None)
        self._set_state(lambda: "")
        self._show("")
        self.editor.setReadOnly(True)  # until the saved text is in: nothing typed may be lost
        if interview_id is not None:
            self.io.run(lambda: (self.library.notes.get(interview_id),
                                 last_declined(self.library.consent.for_interview(interview_id))),
                        done=lambda loaded: self._loaded(interview_id, *loaded), failed=self._failed)

    def _loaded(self, interview_id: int, body: str, declined_at: datetime | None = None) -> None:
        if interview_id != self.interview_id:
            return
        self._declined_at = declined_at
        self._show(body)
        self._loaded_id = interview_id
        self.editor.setReadOnly(False)
        if self._pending_capture is not None:
            declined_at, language = self._pending_capture
            self._pending_capture = None
            self._start_capture(declined_at, language)
        if self._pending_line is not None:
            self.reveal_line(self._pending_line)
        self.loaded.emit(interview_id)

    def _show(self, body: str) -> None:
        self._loading = True
        self.editor.setPlainText(body)
        self._loading = False
        if self.preview_button.isChecked():
            self.set_preview(True)

    def _replace_text(self, body: str) -> None:
        """Replace everything as one undoable step, without saving it again."""
        self._loading = True
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(body)
        cursor.endEditBlock()
        self._loading = False
        if self.preview_button.isChecked():
            self.set_preview(True)

    # -- saving --------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._loading or self.interview_id is None or self._loaded_id != self.interview_id:
            return
        if not self._dirty:
            self._dirty = True
            self._deadline.start()
            self._set_state(lambda: self.tr("Editing…"))
        self._pause.start()

    def save_now(self) -> None:
        """Queue a save of what the editor shows (nothing when unchanged)."""
        for timer in (self._pause, self._deadline, self._retry):
            timer.stop()
        if not self._dirty or self.interview_id is None:
            return
        self._dirty = False
        interview_id, body, reason = self.interview_id, self.editor.toPlainText(), self._reason
        self._reason = SaveReason.EDIT
        self._set_state(lambda: self.tr("Saving…"))
        self.io.run(lambda: self.library.notes.save(interview_id, body, reason),
                    done=lambda _changed: self._saved(interview_id), failed=lambda error: self._save_failed(
                        interview_id, error))

    def _saved(self, interview_id: int) -> None:
        if interview_id == self.interview_id and not self._dirty:
            self._set_state(lambda: self.tr("Saved"))
        self.saved.emit(interview_id)

    def _save_failed(self, interview_id: int, error: Exception) -> None:
        detail = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        if interview_id == self.interview_id:
            # The text is still in the editor: keep trying, and say so.
            self._dirty = True
            self._retry.start()
        self._set_state(lambda: self.tr("Not saved yet ({detail}); retrying.").format(detail=detail))

    def flush(self, msecs: int = 10000) -> bool:
        """Save now and wait for every queued read and write (when quitting)."""
        self.save_now()
        return self.io.wait_for_done(msecs)

    def _set_state(self, text: Callable[[], str]) -> None:
        self._state = text
        self.state_label.setText(text())

    def _failed(self, error: Exception) -> None:
        detail = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        self._set_state(lambda: detail)

    # -- preview, time links, navigation -------------------------------------------------------
    def set_preview(self, on: bool) -> None:
        if on:
            self.preview.setMarkdown(linkify(self.editor.toPlainText(), TIME_SCHEME))
        if self.preview_button.isChecked() != on:
            self.preview_button.setChecked(on)
        self.pages.setCurrentWidget(self.preview if on else self.editor)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == TIME_SCHEME:
            self.time_link_activated.emit(int(url.path()))
        elif url.scheme() in ("http", "https", "mailto", "file"):
            QDesktopServices.openUrl(url)  # the user's own link, opened only on their click

    def insert_current_time(self) -> bool:
        """Insert ``[mm:ss]`` for what is recording or playing now; False when nothing is."""
        if self.interview_id is None:
            return False
        position = self.time_source()
        if position is None:
            self._set_state(lambda: self.tr("Nothing is recording or playing: there is no time to insert."))
            return False
        self.insert_time(position)
        return True

    def insert_time(self, position_ms: int) -> None:
        self.set_preview(False)
        self.editor.insert_at_cursor(format_timecode(position_ms) + " ")
        self.editor.setFocus()

    def reveal_line(self, line: int) -> None:
        """Show line ``line`` (0-based) of the notes with the cursor on it, once they are loaded."""
        if self._loaded_id is None or self._loaded_id != self.interview_id:
            self._pending_line = line
            return
        self._pending_line = None
        self.set_preview(False)
        self.editor.reveal_line(line)
        self.editor.setFocus()

    # -- templates -----------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.templates:
            self._load_templates()

    def _load_templates(self) -> None:
        def load() -> dict[str, list[NoteTemplate]]:
            return {language: self.library.templates.all(language) for language in ("ja", "en")}

        self.tasks.run(load, done=self._templates_loaded, failed=self._failed)

    def _templates_loaded(self, templates: dict[str, list[NoteTemplate]]) -> None:
        self._templates = templates

    def template_name(self, template: NoteTemplate) -> str:
        return render(BUILTIN_NAMES[template.builtin]) if template.builtin else template.name

    def _fill_template_menu(self) -> None:
        menu = self.template_menu
        menu.clear()
        first = self.language() if self.language() in ("ja", "en") else "en"
        other = "en" if first == "ja" else "ja"
        for template in self._templates.get(first, []):
            menu.addAction(self.template_name(template), lambda t=template: self.insert_template(t))
        submenu = menu.addMenu(self.tr("In English") if other == "en" else self.tr("In Japanese"))
        for template in self._templates.get(other, []):
            submenu.addAction(self.template_name(template), lambda t=template: self.insert_template(t))
        menu.addSeparator()
        menu.addAction(self.tr("Manage templates…"), lambda: self.templates_requested.emit())

    def insert_template(self, template: NoteTemplate) -> None:
        """Insert a template at the cursor (the whole notes when empty), filled for this interview."""
        if self.interview_id is None or self._loaded_id != self.interview_id:
            return
        self.set_preview(False)
        text = fill(template.body, values_for(self.interview, declined_at=self._declined_at))
        self._reason = SaveReason.TEMPLATE
        if self.editor.document().isEmpty():
            self.editor.insert_at_top(text)
        else:
            self.editor.insert_at_cursor(text)
        self.editor.setFocus()
        self.save_now()

    def open_with_template(self, interview_id: int, declined_at: datetime, language: str) -> None:
        """After a declined request: the quick-capture template at once, focused, with five minutes shown."""
        if interview_id != self.interview_id:
            self.load(interview_id, self.interview if self.interview and self.interview.id == interview_id else None)
        if self._loaded_id == interview_id:
            self._start_capture(declined_at, language)
        else:
            self._pending_capture = (declined_at, language)

    def _start_capture(self, declined_at: datetime, language: str) -> None:
        # The loaded templates hold the user's version where edited; the shipped text until they have loaded.
        loaded = [t for t in self._templates.get(language, []) if t.builtin is Builtin.DECLINED]
        body = loaded[0].body if loaded else builtin_text(Builtin.DECLINED, language)
        text = fill(body, values_for(self.interview, declined_at=declined_at))
        self.set_preview(False)
        if text.strip().splitlines()[0] not in self.editor.toPlainText():
            self._reason = SaveReason.TEMPLATE
            self.editor.insert_at_top(text)
            self.save_now()
        self._capture_left = CAPTURE_MINUTES * 60
        self._countdown.start()
        self._update_banner()
        self.banner.show()
        self.editor.setFocus()

    def _tick(self) -> None:
        self._capture_left = max(0, self._capture_left - 1)
        if self._capture_left == 0:
            self._countdown.stop()
        self._update_banner()

    def _update_banner(self) -> None:
        text = self.tr("Permission to record was declined. Write down what you remember now, while it is fresh: "
                       "these notes are your record of the interview.")
        if self._capture_left > 0:
            minutes, seconds = divmod(self._capture_left, 60)
            text += " " + self.tr("{time} left of your first five minutes.").format(time=f"{minutes}:{seconds:02d}")
        elif self.banner.isVisible():
            text += " " + self.tr("Five minutes are up. Add more whenever something comes back to you.")
        self.banner.setText(text)

    # -- history -------------------------------------------------------------------------------
    def show_history(self) -> None:
        interview_id = self.interview_id
        if interview_id is None:
            return
        self.save_now()
        self.io.run(lambda: self.library.notes.revisions(interview_id),
                    done=lambda revisions: self._history_loaded(interview_id, revisions), failed=self._failed)

    def _history_loaded(self, interview_id: int, revisions) -> None:
        from gui.note_history_dialog import NoteHistoryDialog

        if interview_id != self.interview_id:
            return
        dialog = NoteHistoryDialog(revisions, self)
        if dialog.exec() == NoteHistoryDialog.DialogCode.Accepted and (chosen := dialog.chosen()) is not None:
            self.restore(chosen)

    def restore(self, revision_id: int) -> None:
        interview_id = self.interview_id
        if interview_id is None:
            return
        self.save_now()
        self.io.run(lambda: self.library.notes.restore(interview_id, revision_id),
                    done=lambda body: self._restored(interview_id, body), failed=self._failed)

    def _restored(self, interview_id: int, body: str) -> None:
        if interview_id == self.interview_id:
            self._replace_text(body)
            self._set_state(lambda: self.tr("Restored an earlier version."))
        self.saved.emit(interview_id)
