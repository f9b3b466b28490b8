"""The main window: the interview library, its empty state and the status bar.

Only what the first screen shows is imported with this module; dialogs, the
transcript window, Qt Multimedia and the speech stack are imported when first
used (tests/test_startup_imports.py), so the window appears at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core import __version__
from core.interviews import Interview
from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import Changes
from core.recording.store import Recording
from core.settings import (
    AUTO_TRANSCRIBE,
    EXPORT_NOTICE,
    GLOSSARY,
    LANGUAGE,
    LIVE_TRANSCRIBE,
    RETENTION_PRACTICE_DAYS,
    RETENTION_REAL_DAYS,
    SPEECH_MODEL,
    USER_NAME,
    USER_NAME_EN,
    Settings,
)
from gui import shortcuts
from gui.consent_alert import ConsentAlert
from gui.deletion_ui import Deleter
from gui.empty_state import EmptyState
from gui.followup_bar import FollowUpBar
from gui.i18n import LanguageSwitcher, Retranslatable, render, resolve_language
from gui.import_flow import ImportFlow
from gui.library_model import LibraryView
from gui.library_search import LibrarySearch
from gui.notes_editor import NotesEditor
from gui.practice.entry import PracticeEntry
from gui.retention_controller import RetentionController
from gui.startup import FirstPaint, check_consent, recover, replace_blank
from gui.status_bar import AppStatusBar
from gui.tasks import TaskRunner
from gui.theme import follow_palette
from gui.tracker_controller import TrackerController
from gui.transcripts_controller import TranscriptsController

if TYPE_CHECKING:
    from core.consent.verify import ConsentCheck
    from core.recording.recovery import RecoveryReport
    from core.transcription.service import TranscriptionService
    from gui.help_dialog import HelpDialog
    from gui.interview_dialog import InterviewDialog
    from gui.interview_pane import InterviewPane
    from gui.search_panel import SearchPanel
    from gui.transcript_window import TranscriptWindow


class _ListColumn(QWidget):
    """The interview list's column: about a third of a laptop screen at first, the page beside it the rest (the
    splitter gives the window's extra room to the page; the user's own sizes are restored by WindowState)."""

    def sizeHint(self) -> QSize:
        return QSize(round(440 * self.logicalDpiX() / 96), super().sizeHint().height())


class MainWindow(Retranslatable, QMainWindow):
    library_loaded = Signal()
    audio_checked = Signal()
    recovery_checked = Signal(list)
    consent_checked = Signal(object)  # ConsentCheck, or the exception when the check could not run

    def __init__(self, library: Library, settings: Settings, switcher: LanguageSwitcher,
                 parent: QWidget | None = None):
        super().__init__(parent)
        follow_palette()  # (made with the application; here too for a window made on another one, as in tests)
        self.library = library
        self.settings = settings
        self.switcher = switcher
        self.tasks = TaskRunner(self)
        self.deleter = Deleter(library, self.tasks, self)

        self.table = LibraryView()
        self.model = self.table.library_model
        self.table.selection_changed.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda index: self.edit_interview(index.row()))
        self.empty = EmptyState()
        self.empty.add_requested.connect(self.new_interview)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search = LibrarySearch(self)
        self.transcripts = TranscriptsController(self)
        self.importer = ImportFlow(self)
        self.retention = RetentionController(self)
        self.retention_checked = self.retention.checked  # a report for each pass that ran
        # The interview pane is built after the first paint, or when first needed (pane); a blank holds its place.
        # Its notes editor and follow-up bar are made now: the practice and follow-up features use them.
        self._pane: InterviewPane | None = None
        self.first_paint = FirstPaint(self, first=lambda: self.pane)
        self._pane_slot = QWidget()
        self._notes = NotesEditor(library, self.tasks, lambda: self.switcher.language)
        self._notes.time_source = self.media_position
        self._notes.time_link_activated.connect(self.play_from_notes)
        self._followups = FollowUpBar()
        self._followups.edit_requested.connect(self.edit_item)
        # A compact list with the search field above it, and beside it the interview page, which takes the room.
        self.list_column = _ListColumn()
        list_layout = QVBoxLayout(self.list_column)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search_field)
        list_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_column)
        self.splitter.addWidget(self._pane_slot)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.consent_alert = ConsentAlert()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.consent_alert)
        column.addWidget(self.splitter, 1)
        self.pages = QStackedWidget()  # the library page; practice takes its place when open (gui/practice/entry.py)
        self.pages.addWidget(central)
        self.setCentralWidget(self.pages)
        self.status = AppStatusBar()
        self.setStatusBar(self.status)

        self._make_actions()
        # Follow-ups: upcoming view, notifications, messages.
        self.tracker_ui = TrackerController(self, library, self.tasks, settings, lambda: self.switcher.language,
                                            self._followups, self.model, self.show_error)
        self.menuBar().insertMenu(self.settings_menu.menuAction(), self.tracker_ui.followups_menu)
        self.toolbar.addAction(self.tracker_ui.upcoming_action)
        self._select_when_listed: int | None = None
        self._help: HelpDialog | None = None
        self.tasks.hub.changed.connect(self._on_changes)
        self.practice = PracticeEntry(self, library, self.tasks, settings, self.transcription_service,
                                      pages=self.pages, language=lambda: self.switcher.language,
                                      device=lambda: self.pane.recorder.device.currentData(),
                                      recording=self._recording,
                                      interview=lambda: self._pane.interview if self._pane is not None else None,
                                      select_interview=self.select_interview, notes=self._notes.editor,
                                      show_message=self.statusBar().showMessage, show_error=self.show_error)
        self.practice.page_changed.connect(self._practice_shown)
        self.toolbar.addAction(self.practice.action)
        self.file_menu.insertAction(self.edit_action, self.practice.action)
        self.empty.practice.add_widget(self.practice.empty_button)
        self.table.selection_changed.connect(self.practice.interview_changed)
        self.retranslate()
        self.resize(1000, 640)
        from gui.window_state import WindowState

        self.window_state = WindowState(self, settings, "main", {"library": self.splitter})

    # -- start-up --------------------------------------------------------------
    @property
    def pane(self) -> InterviewPane:
        """The selected interview's recorder, notes and timeline: built after the first paint, or now if needed."""
        return self._pane or self._build_pane()

    def _build_pane(self) -> InterviewPane:
        from gui.interview_pane import InterviewPane

        pane = self._pane = InterviewPane(self.library, self.tasks, lambda: self.switcher.language,
                                          notes=self._notes, followups=self._followups)
        pane.recorder.state_changed.connect(self._recording_state_changed)
        pane.recorder.elapsed_changed.connect(self._update_title)
        pane.recorder.transcript_requested.connect(self.open_transcript)
        pane.recorder.import_requested.connect(self.choose_audio_to_import)
        pane.recorder.recording_saved.connect(self.transcripts.recording_saved)
        pane.recorder.live.service = self.transcription_service
        pane.recorder.live.settings = self.settings
        pane.actions_row.addWidget(self.practice.review_button)
        pane.actions_row.addStretch()
        replace_blank(self.splitter, self._pane_slot, pane)
        if self._selected_row() is not None:  # selected before the pane was there
            self._selection_changed()
            self.practice.interview_changed()
        return pane

    def _recording(self) -> bool:
        return self._pane is not None and self._pane.recorder.is_recording()

    def start(self) -> None:
        """Load the library, and once the window is shown probe audio and the speech model, all in the background."""
        self.load_library()
        self.tracker_ui.start()
        # Recovery and the consent check after the paint too: their threads load modules, and share the GIL.
        self.first_paint.call(self._check_library)
        self.status.show_model_preparing()
        self.first_paint.call(self._probe)  # the window first: PortAudio and the model check load a lot
        # What changed since the last search, indexed before one is typed (the search module loads then too).
        self.first_paint.call(lambda: self.tasks.run(self.library.search.sync))
        self.retention.start()  # (core.retention): off unless the settings say

    def _check_library(self) -> None:
        self.tasks.run_op(lambda: recover(self.library), done=self._recovered, failed=self.show_error)
        self.tasks.run(lambda: check_consent(self.library), done=self._consent_checked,
                       failed=self._consent_check_failed)

    def run_retention(self) -> None:
        self.retention.run()

    def _probe(self) -> None:
        from core.audio.devices import audio_status
        from core.speech.models import resolve_model

        # Probing anew re-initialises PortAudio: only while nothing records (here, at start).
        self.tasks.run(lambda: audio_status(rescan=True), done=self._audio_ready)
        name = self.settings.get(SPEECH_MODEL)
        self.tasks.run(
            lambda report: resolve_model(name, progress=report),
            done=lambda _path: self.status.show_model_ready(),
            failed=self._model_failed,
            progress=self.status.show_model_preparing,
        )

    def _audio_ready(self, status) -> None:
        self.status.show_audio(status)
        self.pane.recorder.set_audio(status)
        self.audio_checked.emit()

    def _recovered(self, report: RecoveryReport) -> None:
        from core.recording.recovery import recovery_messages

        messages = recovery_messages(report)
        if messages:
            self.statusBar().showMessage(" ".join(render(message) for message in messages), 15000)
        self.recovery_checked.emit(list(report.recovered))

    def _consent_checked(self, report: ConsentCheck) -> None:
        self.consent_alert.show_report(report)
        self.consent_checked.emit(report)

    def _consent_check_failed(self, error: Exception) -> None:
        self.consent_alert.show_failure(error.message if isinstance(error, FurikaeriError)
                                        else Message("Consent", str(error)))
        self.consent_checked.emit(error)

    def _model_failed(self, error: Exception) -> None:
        self.status.show_model_problem(error.message if isinstance(error, FurikaeriError) else str(error))

    # -- actions ---------------------------------------------------------------
    def _make_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(shortcuts.NEW.sequence())
        self.new_action.triggered.connect(self.new_interview)
        self.edit_action = QAction(self)
        self.edit_action.setShortcut(shortcuts.EDIT.sequence())
        self.edit_action.triggered.connect(lambda: self.edit_interview(self._selected_row()))
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(shortcuts.DELETE.sequence())
        self.delete_action.triggered.connect(self.delete_selected)
        self.settings_action = QAction(self)
        # Not StandardKey.Preferences: on Linux that is the multimedia "Settings" key, which the menu then names
        self.settings_action.setShortcut(shortcuts.PREFERENCES.sequence())
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(shortcuts.QUIT.sequence())
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_action = QAction(self)
        self.help_action.setShortcut(shortcuts.HELP.sequence())
        self.help_action.triggered.connect(lambda: self.show_help())
        self.time_action = QAction(self)  # a time link in the notes, while recording or playing
        self.time_action.setShortcut(shortcuts.TIME_NOTE.sequence())
        self.time_action.triggered.connect(lambda: self.pane.notes.insert_current_time())
        self.addAction(self.time_action)
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(False)
            self.table.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.new_action, self.edit_action, self.delete_action])
        self.file_menu.addSeparator()
        from gui.calendar_export import CalendarExport

        self.calendar_export = CalendarExport(self)
        self.file_menu.addAction(self.calendar_export.action)
        from gui.backup_dialog import BackupAction

        self.backup = BackupAction(self)
        self.file_menu.addAction(self.backup.action)
        self.file_menu.addAction(self.backup.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.settings_menu = self.menuBar().addMenu("")
        self.settings_menu.addAction(self.settings_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.help_action, self.about_action])
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.new_action)
        QShortcut(shortcuts.FIND.sequence(), self).activated.connect(self.focus_search)
        self.close_search_on_escape(self.search_field)
        self.addToolBar(self.toolbar)

    def close_search_on_escape(self, widget: QWidget) -> None:
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), widget)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_search)

    def _base_title(self) -> str:  # the window system adds " — Furikaeri" (the application's display name)
        return self.practice.title() or self.tr("Interview practice and review")

    def _update_title(self) -> None:
        recorder = self._pane.recorder if self._pane is not None else None
        if recorder is None or recorder.state == "idle":
            self.setWindowTitle(self._base_title())
        else:
            from gui.recording_panel import format_elapsed

            state = recorder.state
            label = self.tr("● REC") if state == "recording" else self.tr("❚❚ PAUSED")
            elapsed = format_elapsed(recorder.elapsed_s)
            self.setWindowTitle(f"{label} {elapsed} — {self._base_title()}")

    def _recording_state_changed(self) -> None:
        """While a recording runs, its interview cannot be changed, deleted or left."""
        self._update_title()
        locked = self.pane.recorder.is_recording()
        self.table.setEnabled(not locked)
        self.empty.setEnabled(not locked)
        for action in (self.new_action, self.settings_action):
            action.setEnabled(not locked)
        self.practice.set_enabled(not locked)
        self._update_actions()

    def _practice_shown(self, shown: bool) -> None:
        """The practice page in the library's place: what acts on the hidden list and notes waits until the
        library is back (the recorder's keys do nothing while its buttons are hidden)."""
        self._update_title()
        for action in (self.new_action, self.time_action):
            action.setEnabled(not shown)
        self.search_field.setEnabled(not shown)
        self._update_actions()

    def retranslate(self) -> None:
        self._update_title()
        if self.search.made is None:  # the panel's own words, until it is made and says them itself
            self.search_field.setPlaceholderText(QCoreApplication.translate(
                "SearchPanel", "Search notes, transcripts and companies (Ctrl+F)"))
        self.file_menu.setTitle(self.tr("&Library"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("&New interview…"))
        self.edit_action.setText(self.tr("&Edit interview…"))
        self.delete_action.setText(self.tr("&Delete interview"))
        self.settings_action.setText(self.tr("&Preferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Furikaeri"))
        self.help_action.setText(self.tr("&Help and keyboard shortcuts"))
        self.calendar_export.retranslate()
        self.backup.retranslate()
        self.time_action.setText(self.tr("Insert the current time into the notes"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        # What a screen reader says for each region (its placeholder text is not a name).
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setAccessibleDescription(self.tr("Search notes, transcripts and companies"))
        self.table.setAccessibleName(self.tr("Interviews"))
        self.table.setAccessibleDescription(self.tr("Company, position, type, stage, date and status of each "
                                                    "interview; Enter edits the selected one"))
        self.practice.retranslate()
        self.model.retranslate()
        self.tracker_ui.retranslate()

    # -- library ---------------------------------------------------------------
    def load_library(self) -> None:
        self.tasks.run(self.library.interviews.listed, done=self._show, failed=self.show_error)

    def _on_changes(self, changes: Changes) -> None:
        if changes.interview_list:
            self.load_library()

    def _show(self, interviews: list[Interview]) -> None:
        row = self._selected_row()
        shown = self.model.interview_at(row).id if row is not None else None
        self.model.set_interviews(interviews)
        self.stack.setCurrentWidget(self.table if interviews else self.empty)
        self.search.show()
        wanted, self._select_when_listed = self._select_when_listed or shown, None
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed()
        self.library_loaded.emit()

    def _selected_row(self) -> int | None:
        return self.table.selected_row()

    def _update_actions(self) -> None:
        possible = self._selected_row() is not None and not self._recording() and not self.practice.practising
        self.edit_action.setEnabled(possible)
        self.delete_action.setEnabled(possible)

    def _selection_changed(self) -> None:
        self._update_actions()
        if self._pane is not None and not self._recording():  # else shown once the pane is built
            row = self._selected_row()
            self.pane.show_interview(self.model.interview_at(row) if row is not None else None)

    def select_interview(self, interview_id: int) -> bool:
        """Select an interview in the library list (it opens in the pane).

        False when it is not listed yet: it is selected as soon as the list shows it.
        """
        row = self.model.row_of(interview_id)
        if row is None:
            self._select_when_listed = interview_id
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- search (gui.library_search) --------------------------------------------
    @property
    def search_panel(self) -> SearchPanel:
        return self.search.panel

    def focus_search(self) -> None:
        self.search.focus()

    def close_search(self) -> None:
        self.search.close()

    def preview_hit(self, hit) -> None:
        self.search.preview_hit(hit)

    def open_hit(self, hit) -> None:
        self.search.open_hit(hit)

    def new_interview(self) -> None:
        from gui.interview_dialog import InterviewDialog

        self._edit(InterviewDialog(self))

    def edit_interview(self, row: int | None) -> None:
        from gui.interview_dialog import InterviewDialog

        if row is not None:
            self._edit(InterviewDialog(self, self.model.interview_at(row)))

    def edit_item(self, interview: Interview) -> None:
        from gui.interview_dialog import InterviewDialog

        self._edit(InterviewDialog(self, interview))

    def _edit(self, dialog: InterviewDialog) -> None:
        if dialog.exec() != dialog.DialogCode.Accepted or (item := dialog.interview()) is None:
            return
        # The tracker adds the follow-ups; the list shows the change by itself, and the interview is selected.
        self.tracker_ui.save_interview(item, done=lambda saved: self._select_saved(saved))

    def _select_saved(self, saved: Interview) -> None:
        self.select_interview(saved.stored_id)

    def delete_selected(self) -> None:
        """Delete the selected interview, after a confirmation that lists what goes (gui.deletion_ui)."""
        row = self._selected_row()
        if row is None:
            return
        self.deleter.delete_interview(self.model.interview_at(row).stored_id)

    # -- settings and help -----------------------------------------------------
    def open_settings(self) -> None:
        from gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.get(LANGUAGE), self, self.settings.get(AUTO_TRANSCRIBE),
                                self.settings.get(SPEECH_MODEL), self.settings.get(EXPORT_NOTICE),
                                library=self.library, tasks=self.tasks, glossary=self.settings.get(GLOSSARY),
                                live_transcribe=self.settings.get(LIVE_TRANSCRIBE),
                                names=(self.settings.get(USER_NAME), self.settings.get(USER_NAME_EN)),
                                retention_days=self.settings.get(RETENTION_REAL_DAYS),
                                practice_retention_days=self.settings.get(RETENTION_PRACTICE_DAYS))
        dialog.models.attach(self.settings, self.tasks.hub)  # the advice, and "Speech models…"
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.settings.set(GLOSSARY, dialog.chosen_glossary())
            japanese, english = dialog.chosen_names()
            self.settings.set(USER_NAME, japanese)
            self.settings.set(USER_NAME_EN, english)
            self.settings.set(AUTO_TRANSCRIBE, dialog.auto_transcribe.isChecked())
            self.settings.set(LIVE_TRANSCRIBE, dialog.live_transcribe.isChecked())
            self.settings.set(EXPORT_NOTICE, dialog.export_notice.isChecked())
            self.settings.set(SPEECH_MODEL, dialog.model.currentData())
            self.settings.set(RETENTION_REAL_DAYS, dialog.chosen_retention_days())
            self.settings.set(RETENTION_PRACTICE_DAYS, dialog.chosen_practice_retention_days())
            self.set_language_setting(dialog.chosen_language())
        dialog.deleteLater()  # a child of the window: not one more hidden dialog each time

    # -- transcripts, playback and imports (gui.transcripts_controller, gui.import_flow) --------------
    def transcription_service(self) -> TranscriptionService:
        return self.transcripts.service()

    @property
    def _service(self) -> TranscriptionService | None:
        return self.transcripts.service_made

    @property
    def transcript_windows(self) -> dict[int, TranscriptWindow]:
        return self.transcripts.windows

    def open_transcript(self, recording: Recording, transcribe_if_missing: bool = True) -> TranscriptWindow:
        return self.transcripts.open(recording, transcribe_if_missing)

    def media_position(self) -> int | None:
        return self.transcripts.media_position()

    def play_from_notes(self, position_ms: int) -> None:
        self.transcripts.play_from_notes(position_ms)

    def choose_audio_to_import(self) -> None:
        self.importer.choose()

    def import_audio_file(self, path: str) -> None:
        self.importer.import_file(path)

    def set_language_setting(self, choice: str) -> None:
        self.settings.set(LANGUAGE, choice)
        self.switcher.apply(resolve_language(choice))

    def show_help(self, topic: int = 0) -> None:
        """Help: keyboard shortcuts, recording an online interview, what the metrics mean (not modal)."""
        from gui.help_dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show_topic(topic)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Furikaeri"), self.tr(
            "Furikaeri {version}\n\nPractise interviews at home, record real interviews only with the "
            "interviewer's permission, and review them afterwards. Everything stays on this computer."
        ).format(version=__version__))

    def show_error(self, error: Exception) -> None:
        text = render(error.message) if isinstance(error, FurikaeriError) else str(error)
        QMessageBox.warning(self, self.tr("Furikaeri"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.practice.leave(then=self.close):  # a practice recording is stopped and saved first
            event.ignore()
            return
        recorder = self._pane.recorder if self._pane is not None else None
        if recorder is not None and recorder.is_recording():
            event.ignore()
            answer = QMessageBox.question(
                self, self.tr("Recording in progress"),
                self.tr("A recording is running. Stop it, save it and quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                recorder.stop_recording(then=self.close)
            return
        self._notes.flush()
        self.transcripts.close_windows()
        self.tasks.wait_for_done()
        self.transcripts.shutdown()
        super().closeEvent(event)
