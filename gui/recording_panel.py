"""Recording one interview: consent first, then an unmistakable recording state.

Business rules live in :mod:`core.ops.recording` (who must be asked, what a
declined request means) and below it; this widget asks, shows and forwards.
Opening and closing the stream and saving markers run as core operations in
background tasks.  The interview's recordings are listed on a page of their own
(:mod:`gui.recordings_page`), which the panel owns and tells what it records.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.audio.call_sources import CallSources, find_call_sources, records_call_by_default
from core.audio.devices import AudioStatus
from core.consent import CLIP_WORDING, ConsentRecord
from core.interviews import Interview
from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import recording as recording_ops
from core.recording.call_watch import CallWatch
from core.recording.store import Recording
from gui import shortcuts
from gui.call_audio_row import CallAudioRow
from gui.dates import format_elapsed
from gui.i18n import Retranslatable, render
from gui.level_meter import LEVEL_FLOOR_DB, LevelMeter
from gui.live_transcript import LiveLine, LiveTranscription
from gui.recordings_page import RecordingsPage
from gui.tasks import TaskRunner, UiCallback
from gui.theme import themed
from gui.window_fit import WholeLabel

if TYPE_CHECKING:  # the recorder (and numpy) load when a recording starts
    from core.ops.recording import Permission
    from core.recording.session import RecordingSession

MARKER_SHORTCUT = shortcuts.MARKER.sequence()
# LEVEL_FLOOR_DB: the practice page's meter uses it too; format_elapsed: the window title (it lives in gui.dates)
__all__ = ["LEVEL_FLOOR_DB", "RecordingPanel", "format_elapsed"]


class PanelState(enum.StrEnum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"


class RecordingPanel(Retranslatable, QWidget):
    state_changed = Signal()  # idle / recording / paused: emitted on each transition
    elapsed_changed = Signal()  # while recording, about ten times a second
    notes_requested = Signal(int, object)  # interview id, when permission was declined (a datetime)
    recording_saved = Signal(object)  # core.recording.store.Recording
    busy_changed = Signal(bool)
    transcript_requested = Signal(object)  # the Recording to review
    import_requested = Signal()
    history_shown = Signal()  # the interview's recordings are listed (the panel's height may change)

    def __init__(self, library: Library, tasks: TaskRunner, language: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._language = language
        self.interview: Interview | None = None
        self.session: RecordingSession | None = None
        self._busy = False
        self._shown_state = "idle"
        self._problem: Message | None = None
        self._recorder_event = UiCallback(self._on_recorder_event, self)  # recorder threads → this thread
        self._call_sources: CallSources | None = None  # where this computer's call sound comes from
        self._dialog_call_row: CallAudioRow | None = None  # the option in the consent dialog while it is open
        self.call_watch: CallWatch | None = None  # while recording the call: is its sound arriving?
        self.new_call_watch: Callable[[str], CallWatch] = lambda source: CallWatch(source)
        self._call_notice: Message | None = None  # what became of the call's track (after it stopped)
        self.live = LiveTranscription(library, tasks, parent=self)  # its service is given by the main window
        self.live_line = LiveLine(self.live)

        self.state_label = QLabel()
        self.state_label.setObjectName("recordingState")
        self.elapsed = QLabel(format_elapsed(0))
        self.elapsed.setObjectName("recordingElapsed")
        self.mic_meter = LevelMeter()
        self.mic_meter.setObjectName("microphoneMeter")
        self.level = self.mic_meter.bar
        self.call_meter = LevelMeter()
        self.call_meter.setObjectName("callMeter")
        self.call_meter.hide()
        self.call_row = CallAudioRow()  # for interviews recorded without asking (mock): the consent dialog has its own
        self.call_message = WholeLabel()  # messages are never cut off by a crowded panel
        self.call_message.setObjectName("callMessage")
        self.call_message.hide()
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordButton")
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.marker_button = QPushButton()
        self.device = QComboBox()
        self.device_label = QLabel()
        self.device_label.setBuddy(self.device)  # a screen reader names the list by it (on Linux: its current item)
        self.message = WholeLabel()
        self.message.setObjectName("recordingMessage")
        self.clip_banner = QFrame()
        self.clip_banner.setObjectName("clipBanner")
        self.clip_text = WholeLabel()  # the words to read aloud: never cut off (issue 17, item 6)
        self.clip_done = QPushButton()
        clip_layout = QVBoxLayout(self.clip_banner)  # the text as wide as the panel, the button under it
        clip_layout.addWidget(self.clip_text)
        clip_layout.addWidget(self.clip_done, 0, Qt.AlignmentFlag.AlignRight)
        self.clip_banner.hide()
        # clicked(bool) would fill optional parameters: connect argument-free calls.
        self.record_button.clicked.connect(lambda: self.start_recording())
        self.pause_button.clicked.connect(lambda: self.toggle_pause())
        self.stop_button.clicked.connect(lambda: self.stop_recording())
        self.marker_button.clicked.connect(lambda: self.add_marker())
        self.clip_done.clicked.connect(lambda: self._end_consent_clip())
        self.marker_shortcut = QShortcut(MARKER_SHORTCUT, self)
        self.marker_shortcut.activated.connect(lambda: self.add_marker())
        self.marker_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        # The buttons' own keys, anywhere in the window, and only when the button could be pressed.
        self.button_shortcuts = {button: QShortcut(shortcut.sequence(), self) for button, shortcut in (
            (self.record_button, shortcuts.RECORD), (self.pause_button, shortcuts.PAUSE),
            (self.stop_button, shortcuts.STOP))}
        for button, key in self.button_shortcuts.items():
            key.setContext(Qt.ShortcutContext.WindowShortcut)
            key.activated.connect(lambda button=button: button.isEnabled() and button.isVisible() and button.click())
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)

        # A compact bar (issue 17): the state, the level and the elapsed time on one line, the buttons on the next,
        # the microphone under them; notices below only while there is something to say.
        meters = QVBoxLayout()
        meters.setSpacing(2)
        meters.addWidget(self.mic_meter)
        meters.addWidget(self.call_meter)
        top = QHBoxLayout()
        top.addWidget(self.state_label)
        top.addLayout(meters, 1)
        top.addWidget(self.elapsed)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.pause_button, self.stop_button, self.marker_button):
            buttons.addWidget(button)
        buttons.addStretch()
        devices = QHBoxLayout()
        devices.addWidget(self.device_label)
        devices.addWidget(self.device, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addLayout(devices)
        layout.addWidget(self.live_line)
        layout.addWidget(self.clip_banner)
        layout.addWidget(self.call_row)
        layout.addWidget(self.message)
        layout.addWidget(self.call_message)
        # The interview's recordings: a page of their own beside the notes (the interview page shows it as a tab).
        self.recordings_page = page = RecordingsPage(
            library, tasks, language, recorder_idle=lambda: self.session is None and not self._busy,
            failed=self._failed, parent=self)
        page.hide()
        page.transcript_requested.connect(self.transcript_requested)
        page.import_requested.connect(self.import_requested)
        page.history_shown.connect(self.history_shown)
        # What the page shows, under the names callers have always used.
        self.history = page.history
        self.history_label = page.history_label
        self.transcript_button = page.transcript_button
        self.import_button = page.import_button
        self.consent_report = page.consent_report
        self.delete_button = page.delete_button
        self.withdrawn_button = page.withdrawn_button
        self.keep_box = page.keep_box
        self.transcript_preview = page.transcript_preview
        self.select_recording = page.select_recording
        self.selected_recording = page.selected_recording
        self.playable_recording = page.playable_recording
        self.setStyleSheet(themed(
            "#recordingState { font-size: 14pt; font-weight: 700; }"
            "#recordingState[state='recording'] { color: white; background: #c62828; padding: 2px 8px; }"
            "#recordingState[state='paused'] { color: black; background: #f9a825; padding: 2px 8px; }"
            "#recordingElapsed { font-size: 14pt; font-family: monospace; }"
            "#recordingMessage { color: #b00020; }"
            "#callMessage { background: #fff3cd; border: 1px solid #f0c36d; padding: 4px; }"
            "#clipBanner { background: #fff3cd; border: 1px solid #f0c36d; }"
        ))
        self.retranslate()
        self._update()

    # -- state ------------------------------------------------------------------
    @property
    def state(self) -> PanelState:
        if self.session is None:
            return PanelState.IDLE
        from core.recording.recorder import RecorderState  # loaded: a session is running

        return PanelState.PAUSED if self.session.recorder.state is RecorderState.PAUSED else PanelState.RECORDING

    def is_recording(self) -> bool:
        return self.session is not None

    @property
    def elapsed_s(self) -> float:
        """How long the running recording is (0 when none runs)."""
        return self.session.recorder.elapsed_s if self.session is not None else 0.0

    def set_interview(self, interview: Interview | None) -> None:
        if self.session is not None:
            return  # the running recording keeps its interview
        if interview is None or self.interview is None or interview.id != self.interview.id:
            self.elapsed.setText(format_elapsed(0))  # the last recording's time belongs to its own interview
        self.interview = interview
        self._problem = None
        self._call_notice = None
        if interview is not None:
            self.call_row.set_default(records_call_by_default(None, interview.is_online), again=True)
        self._update()
        self.recordings_page.set_interview(interview)

    def set_audio(self, status: AudioStatus) -> None:
        current = self.device.currentData()
        self.device.clear()
        for device in status.devices:
            self.device.addItem(device.name, device.index)
            if device.is_default and current is None:
                self.device.setCurrentIndex(self.device.count() - 1)
        if current is not None and self.device.findData(current) >= 0:
            self.device.setCurrentIndex(self.device.findData(current))
        self._audio_problem = None if status.available else status.problem
        self._update()
        if status.available:
            self.tasks.run(find_call_sources, done=self._call_sources_found)

    def _call_sources_found(self, found: CallSources) -> None:
        self._call_sources = found
        for row in (self.call_row, self._dialog_call_row):
            if row is not None:
                row.set_sources(found)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)
        self._update()

    def _update(self) -> None:
        state = self.state
        has_device = self.device.count() > 0
        idle = state is PanelState.IDLE
        can_start = self.interview is not None and idle and has_device and not self._busy
        self.record_button.setEnabled(can_start)
        self.pause_button.setEnabled(not idle and not self._busy)
        self.stop_button.setEnabled(not idle and not self._busy)
        markers = state is PanelState.RECORDING and not self._busy  # not while stopping
        self.marker_button.setEnabled(markers)
        self.marker_shortcut.setEnabled(markers)
        self.device.setEnabled(idle)
        asks = self.interview is not None and recording_ops.needs_permission(self.interview)
        self.call_row.setVisible(idle and self.interview is not None and not asks)
        self.call_row.setEnabled(not self._busy)
        self.call_meter.setVisible(self.session is not None and self.session.call is not None)
        self._show_call_message()
        self.recordings_page.update_buttons()
        self.state_label.setProperty("state", state)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        self.state_label.setText({"idle": self.tr("■ Not recording"), "recording": self.tr("● Recording"),
                                  "paused": self.tr("❚❚ Paused")}[state])
        self.pause_button.setText(self.tr("Resume") if state is PanelState.PAUSED else self.tr("Pause"))
        problem = self._problem or getattr(self, "_audio_problem", None)
        self.message.setText(render(problem) if problem else "")
        self.message.setVisible(problem is not None)
        if state != self._shown_state:
            self._shown_state = state
            self.state_changed.emit()

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record…"))
        self.stop_button.setText(self.tr("Stop"))
        self.marker_button.setText(self.tr("Marker (Ctrl+M)"))
        self.device_label.setText(self.tr("Microphone"))
        self.device.setAccessibleName(self.tr("Microphone"))
        self.mic_meter.set_label(self.tr("Microphone"), self.tr("Microphone level"))
        self.call_meter.set_label(self.tr("The call"), self.tr("Call sound level"))
        width = max(meter.label.sizeHint().width() for meter in (self.mic_meter, self.call_meter))
        for meter in (self.mic_meter, self.call_meter):  # the two bars start at the same place
            meter.label.setMinimumWidth(width)
        self.clip_done.setText(self.tr("Consent clip done"))
        self.clip_text.setText(self.tr("Now restate the request on the recording and let them answer:") +
                               "\n" + CLIP_WORDING.get(self._language(), CLIP_WORDING["en"]))
        self._update()

    # -- starting: consent first -------------------------------------------------------
    def start_recording(self) -> None:
        if self.interview is None or self.session is not None or self._busy:
            return
        interview = self.interview
        if recording_ops.needs_permission(interview):  # the last answer read first: the dialog starts from it
            self._set_busy(True)
            self.tasks.run(lambda: recording_ops.last_asked(self.library, interview),
                           done=lambda previous: self._ask_permission(interview, previous), failed=self._failed)
            return
        self._start(interview, None, False, self.call_row.source())

    def _ask_permission(self, interview: Interview, previous: ConsentRecord | None) -> None:
        from gui.consent_dialog import ConsentDialog  # loaded when first asked for

        self._set_busy(False)
        if self.interview is None or self.interview.id != interview.id or self.session is not None:
            return  # another interview was opened meanwhile
        dialog = ConsentDialog(interview.company, self._language(), self)
        dialog.start_from(previous)
        row = self._dialog_call_row = CallAudioRow(dialog)
        row.set_sources(self._call_sources)
        dialog.form.addRow(row)
        row.follow(dialog.method, interview.is_online)  # on when permission is given online
        try:
            if dialog.exec() != ConsentDialog.DialogCode.Accepted or dialog.permission() is None:
                return
        finally:
            self._dialog_call_row = None
        self._start(interview, dialog.permission(), dialog.clip.isChecked(), row.source())

    def _start(self, interview: Interview, permission: Permission | None, clip: bool,
               call_source: str | None) -> None:
        device = self.device.currentData()
        self._set_busy(True)
        self._call_notice = None
        self.tasks.run_op(lambda: recording_ops.start(self.library, interview, permission, device=device,
                                                      on_event=self._recorder_event, call_source=call_source),
                          done=lambda started: self._started(started, clip), failed=self._failed)

    def _started(self, started: recording_ops.Started, clip: bool) -> None:
        self._set_busy(False)
        if started.session is None:  # declined: the notes are the record now
            self.notes_requested.emit(started.consent.interview_id, started.consent.asked_at)
            return
        self.session = started.session
        self._problem = None
        call = started.session.call
        self.call_watch = self.new_call_watch(call.source) if call is not None else None
        self.clip_banner.setVisible(clip)
        self.timer.start()
        self._update()
        if self.live.begin(started.session, self.live_settings()):
            self.live_line.started()

    def live_settings(self):
        """What the recording is transcribed with while it is made (the language: the one last chosen)."""
        from core.settings import SPEECH_MODEL
        from core.transcription.model import TranscriptionSettings

        return TranscriptionSettings(model=self.live.settings.get(SPEECH_MODEL))

    def _failed(self, error: Exception) -> None:
        self._problem = error.message if isinstance(error, FurikaeriError) else Message("Recorder", str(error))
        self._set_busy(False)

    # -- while recording ------------------------------------------------------------------
    def toggle_pause(self) -> None:
        if self.session is None:
            return
        if self.state is PanelState.PAUSED:
            self.session.resume()
        else:
            self.session.pause()
        self._update()

    def add_marker(self, label: str = "") -> None:
        if self.session is None or self.state is not PanelState.RECORDING or self._busy:
            return
        session = self.session
        marker = session.mark(label)  # where the user pressed, not where the worker gets to it
        self.tasks.run_op(lambda: recording_ops.save_marker(session, marker), failed=self._failed)

    def _end_consent_clip(self) -> None:
        self.clip_banner.hide()
        if self.session is not None and not self._busy:
            session = self.session
            self.tasks.run_op(lambda: recording_ops.end_consent_clip(session), failed=self._failed)

    def _tick(self) -> None:
        if self.session is None:
            return
        recorder = self.session.recorder
        self.elapsed.setText(format_elapsed(recorder.elapsed_s))
        self.mic_meter.set_level(recorder.level_dbfs)
        call = self.session.call
        if call is not None:
            self.call_meter.set_level(call.recorder.level_dbfs)
            if self.call_watch is not None:
                self.call_watch.update(recorder.elapsed_s, recorder.level_dbfs, call.recorder.level_dbfs)
        self._show_call_message()
        self.elapsed_changed.emit()

    def _show_call_message(self) -> None:
        """The call's track: why it is not recorded, or that its sound does not arrive; nothing when all is well."""
        session = self.session
        if session is None:
            notice = self._call_notice
        elif session.call is None:
            notice = session.call_problem  # it could not start: the microphone records alone
        else:
            notice = session.call.problem or (self.call_watch.alert if self.call_watch is not None else None)
        self.call_message.setText(render(notice) if notice is not None else "")
        self.call_message.setVisible(notice is not None)

    def _on_recorder_event(self, event: object) -> None:
        problem = getattr(event, "reason", None)
        if problem is not None and self.session is not None:
            self._problem = problem
            self.stop_recording()

    # -- stopping ---------------------------------------------------------------------------
    def stop_recording(self, then=None) -> None:
        if self.session is None or self._busy:
            return
        session = self.session
        self._set_busy(True)
        self.timer.stop()

        def finished(recording: Recording) -> None:
            self.session = None
            self.call_watch = None
            self._call_notice = session.call_problem
            self.call_meter.reset()
            self.clip_banner.hide()
            if recording.problem is not None or session.library_problem is not None:
                self._problem = session.library_problem or recording.problem  # the library's news first
            self.mic_meter.reset()
            self._set_busy(False)
            self.live.end()  # the file is complete: its last piece is transcribed now
            self.select_recording(recording.id)
            self.recording_saved.emit(recording)
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            self.live.end()  # whatever reached the disk is transcribed
            self._failed(error)

        self.tasks.run_op(lambda: recording_ops.stop(session), done=finished, failed=failed)
