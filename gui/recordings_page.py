"""The interview's recordings: the page the interview pane shows as a tab beside the notes.

The list of its recordings (it follows the change hub), what can be done with the one selected (*Transcript…*,
*Consent report…*, *Delete recording…*, *Keep*) or with all of them (*Import audio…*, *Permission withdrawn…*), and
the selected one's transcript, inline.  The recorder (:mod:`gui.recording_panel`) owns the page: it tells it the
interview, and whether a recording is running (nothing is deleted or imported meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.interviews import Interview
from core.library import Library
from core.ops import Changes
from core.ops import recording as recording_ops
from core.ops import retention as retention_ops
from core.recording.store import Recording, RecordingState
from gui.consent_report_export import ConsentReportExport
from gui.dates import format_elapsed, format_moment
from gui.deletion_ui import Deleter
from gui.i18n import Retranslatable
from gui.labels import recording_state_label
from gui.tasks import TaskRunner
from gui.transcript_preview import TranscriptPreview


class RecordingsPage(Retranslatable, QWidget):
    transcript_requested = Signal(object)  # the Recording to review
    import_requested = Signal()
    history_shown = Signal()  # the interview's recordings are listed

    def __init__(self, library: Library, tasks: TaskRunner, language: Callable[[], str],
                 recorder_idle: Callable[[], bool], failed: Callable[[Exception], None],
                 parent: QWidget | None = None):
        """``recorder_idle``: no recording runs or starts or stops; ``failed``: where a failure is shown."""
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._recorder_idle = recorder_idle
        self._failed = failed
        self.interview: Interview | None = None
        self._select_recording: int | None = None
        self._recordings: list[Recording] = []
        tasks.hub.changed.connect(self._on_changes)

        self.history_label = QLabel()
        self.history = QListWidget()
        self.transcript_button = QPushButton()
        self.import_button = QPushButton()
        self.consent_report = ConsentReportExport(self)
        self.delete_button = QPushButton()  # the selected finished recording, for real (gui.deletion_ui)
        self.withdrawn_button = QPushButton()  # a real interview's permission withdrawn: all its recordings go
        self.deleter = Deleter(library, tasks, self)
        # The selected recording is never deleted automatically (core.retention): evidence, say.
        self.keep_box = QCheckBox()
        self.keep_box.clicked.connect(self.set_keep)
        self.delete_button.clicked.connect(self.delete_selected)
        self.withdrawn_button.clicked.connect(self.permission_withdrawn)
        self.history.itemSelectionChanged.connect(self.update_buttons)
        self.history.itemDoubleClicked.connect(lambda _item: self.request_transcript())
        self.transcript_button.clicked.connect(lambda: self.request_transcript())
        self.import_button.clicked.connect(self.import_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.history_label)
        # As tall as its recordings (up to six), the transcript below gets the rest.
        self.history.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.history.setMaximumHeight(self.history.fontMetrics().height() * 9)
        layout.addWidget(self.history)
        history_buttons = QHBoxLayout()
        history_buttons.addWidget(self.transcript_button)
        history_buttons.addWidget(self.consent_report.button)
        history_buttons.addWidget(self.delete_button)
        history_buttons.addWidget(self.keep_box)
        history_buttons.addStretch()
        layout.addLayout(history_buttons)
        interview_buttons = QHBoxLayout()  # for the whole interview: a file brought in, permission withdrawn
        interview_buttons.addWidget(self.import_button)
        interview_buttons.addStretch()
        interview_buttons.addWidget(self.withdrawn_button)
        layout.addLayout(interview_buttons)
        self.transcript_preview = TranscriptPreview(library, tasks, language)  # the selected one's, inline
        layout.addWidget(self.transcript_preview, 1)
        self.history.itemSelectionChanged.connect(
            lambda: self.transcript_preview.show_recording(self.selected_recording()))
        self.retranslate()

    def retranslate(self) -> None:
        self.history.setAccessibleName(self.tr("Recordings of this interview"))
        self._update_history_label()
        self.transcript_button.setText(self.tr("Transcript…"))
        self.import_button.setText(self.tr("Import audio…"))
        self.consent_report.retranslate()
        self.delete_button.setText(self.tr("Delete recording…"))
        self.keep_box.setText(self.tr("Keep"))
        self.keep_box.setToolTip(self.tr(
            "Never delete this recording automatically, whatever your retention settings say (Settings → Your "
            "data): for example as evidence"))
        self.withdrawn_button.setText(self.tr("Permission withdrawn…"))
        self.withdrawn_button.setToolTip(self.tr(
            "The interviewer withdrew permission: delete all recordings and transcripts of this interview"))
        self._show_history(self.interview, self._recordings, None)

    def set_interview(self, interview: Interview | None) -> None:
        """List that interview's recordings (none: an empty page)."""
        self.interview = interview
        self.update_buttons()
        self._load_history()

    # -- the list ------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if self.interview is not None and self.interview.id in changes.recordings:
            self._load_history()

    def select_recording(self, recording_id: int) -> None:
        """Select that recording in the list, now or once the list shows it."""
        for row in range(self.history.count()):
            if self.history.item(row).data(Qt.ItemDataRole.UserRole).id == recording_id:
                self.history.setCurrentRow(row)
                return
        self._select_recording = recording_id

    def _load_history(self) -> None:
        interview = self.interview
        if interview is None:
            self._show_history(None, [], None)
            return
        self.tasks.run(lambda: self.library.recordings.for_interview(interview.stored_id),
                       done=lambda rows: self._show_history(interview, rows, None))

    def _show_history(self, interview: Interview | None, recordings: list[Recording], select_id: int | None) -> None:
        if interview is not self.interview:
            return
        current = self.history.currentItem()
        select_id = select_id or self._select_recording or (
            current.data(Qt.ItemDataRole.UserRole).id if current is not None else None)
        self._select_recording = None
        self._recordings = recordings
        self.history.clear()
        for recording in recordings:
            when = format_moment(recording.started_at)
            text = f"{when}  {format_elapsed(recording.duration_ms / 1000)}  {recording_state_label(recording.state)}"
            if recording.state is RecordingState.RECORDING:
                text = f"{when}  {recording_state_label(recording.state)}"
            elif recording.source_name:  # imported: the file's own name is what the user recognises
                text = f"{when}  {format_elapsed(recording.duration_ms / 1000)}  {recording.source_name}"
            if recording.keep:
                text += "  " + self.tr("(kept)")
            if not recording.has_audio:
                text += "  " + self.tr("(audio deleted, transcript kept)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, recording)
            self.history.addItem(item)
            if recording.id == select_id:
                self.history.setCurrentItem(item)
        if self.history.currentItem() is None and (newest := self.playable_recording()) is not None:
            self.select_recording(newest.id)  # "Transcript…" works at once, on the newest finished one
        self.history.setVisible(bool(recordings))  # no empty box: "no recordings yet" says it
        self.transcript_preview.setVisible(bool(recordings))
        self._update_history_label()
        self.update_buttons()
        self.history_shown.emit()

    def _update_history_label(self) -> None:
        self.history_label.setText(self.tr("Recordings of this interview") if self.history.count()
                                   else self.tr("No recordings of this interview yet."))

    def selected_recording(self) -> Recording | None:
        item = self.history.currentItem()
        if item is None or not item.isSelected():
            return None
        recording = item.data(Qt.ItemDataRole.UserRole)
        return None if recording.state is RecordingState.RECORDING else recording

    def playable_recording(self) -> Recording | None:
        """The recording time links refer to: the one selected, else the newest finished one."""
        selected = self.selected_recording()
        if selected is not None:
            return selected
        recordings = [self.history.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.history.count())]
        done = [r for r in recordings if r.state is not RecordingState.RECORDING and r.duration_ms > 0 and r.has_audio]
        return max(done, key=lambda r: r.started_at) if done else None

    def update_buttons(self) -> None:
        """Each button enabled when it can do something now (the recorder calls it when its state changes)."""
        selected = self.selected_recording()
        idle = self._recorder_idle()  # nothing is deleted or imported while recording
        self.import_button.setEnabled(self.interview is not None and idle)
        self.transcript_button.setEnabled(selected is not None)
        self.consent_report.refresh()
        self.delete_button.setEnabled(selected is not None and idle)
        self.keep_box.setEnabled(selected is not None)
        self.keep_box.setChecked(selected is not None and selected.keep)
        real = self.interview is not None and recording_ops.needs_permission(self.interview)
        self.withdrawn_button.setVisible(real)
        self.withdrawn_button.setEnabled(real and idle)

    # -- what the buttons do -------------------------------------------------------------------
    def set_keep(self, keep: bool) -> None:
        """Mark the selected recording to keep (never deleted automatically), or not."""
        recording = self.selected_recording()
        if recording is None:
            return
        self.tasks.run_op(lambda: retention_ops.set_keep(self.library, recording.id, keep), failed=self._failed)

    def delete_selected(self) -> None:
        """The selected recording, after a confirmation that says what goes."""
        recording = self.selected_recording()
        if recording is not None and self._recorder_idle():
            self.deleter.delete_recording(recording.id)

    def permission_withdrawn(self) -> None:
        """The interviewer withdrew permission: every recording of this interview goes, after a confirmation."""
        if self.interview is not None and self._recorder_idle():
            self.deleter.withdraw(self.interview.stored_id)

    def request_transcript(self) -> None:
        recording = self.selected_recording()
        if recording is not None:
            self.transcript_requested.emit(recording)
