"""Reviewing one recording: waveform, playback, transcript segments, corrections, find.

Transcription runs in the shared worker process (:mod:`core.transcription.service`);
loading the overview, the transcript and saving corrections run in background tasks.

:attr:`TranscriptWindow.transcript` is the one copy the window shows, searches
and exports: a correction changes it at once (and the table with it), then is
saved; if saving fails, the transcript is read back from the library
(:mod:`gui.transcript_corrections`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.audio.waveform import Overview, call_lane, overview
from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import Changes, Result
from core.ops import transcription as transcription_ops
from core.recording.store import Recording
from core.settings import SPEECH_MODEL, Settings
from core.transcription.model import Transcript, TranscriptionSettings
from core.transcription.service import Job, TranscriptionService
from core.transcription.speakers import INTERVIEWER, ME, names
from gui import shortcuts
from gui.call_playback import CallPlayback
from gui.dates import format_moment
from gui.i18n import Retranslatable, render
from gui.interview_review import InterviewReview
from gui.live_transcript import LiveTranscription
from gui.model_manager import JapaneseModelHint
from gui.segment_model import SPEAKER, SPEAKER_COLOURS, TEXT, SegmentModel, format_time
from gui.separate_again import SeparateAgain
from gui.tasks import ChangeHub, TaskRunner, UiCallback
from gui.transcript_corrections import TranscriptCorrections
from gui.transcript_export import TranscriptExport
from gui.waveform_widget import WaveformWidget

SPEEDS = (0.75, 1.0, 1.25, 1.5)
SKIP_MS = 5000


class TranscriptWindow(Retranslatable, QWidget):
    loaded = Signal()
    transcription_finished = Signal(object)  # the saved Transcript, or None when cancelled or failed
    time_note_requested = Signal(object, int)  # the Recording, the playback position: a time link for the notes

    def __init__(self, library: Library, recording: Recording, service: Callable[[], TranscriptionService],
                 settings: Settings, parent: QWidget | None = None, hub: ChangeHub | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.recording = recording
        self._service = service
        self.settings = settings
        self.tasks = TaskRunner(self, max_threads=2, hub=hub)  # the app's hub: its screens hear of transcripts
        self.transcript: Transcript | None = None
        self._pending_segment: tuple[int | None, int | None] = (None, None)  # a search hit to show once loaded
        self.job: Job | None = None
        self._live: LiveTranscription | None = None  # the recording's transcript being finished, if it is
        self.waiting = False  # queued behind the live transcript of a recording being made
        self._progress_callback = UiCallback(self._progress, self)  # speech worker threads → this thread
        self._done_callback = UiCallback(self._job_done, self)

        self.heading = QLabel()
        self.heading.setObjectName("transcriptHeading")
        self.waveform = WaveformWidget()
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        self.player.setAudioOutput(self.audio_output)
        if recording.has_audio:  # a practice recording's audio may have gone under the retention settings
            self.player.setSource(QUrl.fromLocalFile(str(recording.path)))
        self.call_playback = CallPlayback(self.player, recording.path, self)  # an online interview's call, in step
        self.play_button = QPushButton()
        self.back_button = QPushButton()
        self.forward_button = QPushButton()
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.position_label = QLabel("00:00")
        self.language = QComboBox()
        self.japanese_hint = JapaneseModelHint(settings, self.tasks, self)  # once, on the first use of Japanese
        self.language.activated.connect(lambda _index: self.japanese_hint.first_use(self.language.currentData()))
        self.transcribe_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._status_text: Callable[[], str] = lambda: ""
        self.exporter = TranscriptExport(self)
        self.export_button = self.exporter.button
        self.find_field = QLineEdit()
        self.find_field.setClearButtonEnabled(True)
        self.find_next = QPushButton()
        self.speaker_filter = QComboBox()  # a two-track recording's: everyone, their questions, my answers
        self.speaker_filter.currentIndexChanged.connect(lambda: self._apply_filter())
        self._chosen_names: dict[str, str] = {}  # the names the user gave this recording's speakers
        self._interviewers = ""  # the interview's, for the interviewer's default name
        self.company = ""  # the interview's (once loaded), for an export's file name
        self.model = SegmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().moveSection(SPEAKER, TEXT)  # shown as time | speaker | text
        self.table.setColumnHidden(SPEAKER, True)
        self.review = InterviewReview(self)  # which voice is mine; the questions they asked, my answers
        self.separate_again = SeparateAgain(self)  # another number of voices, without transcribing again
        self.tasks.hub.changed.connect(self._on_changes)

        self.play_button.clicked.connect(lambda: self.toggle_play())
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.speed.currentIndexChanged.connect(lambda: self.player.setPlaybackRate(self.speed.currentData()))
        self.waveform.seek_requested.connect(self.seek)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(lambda _state: self._update_buttons())
        self.player.errorOccurred.connect(self._player_error)
        self._pending_play: int | None = None
        self.player.mediaStatusChanged.connect(self._media_status_changed)
        self.table.clicked.connect(self._segment_clicked)
        self.corrections = TranscriptCorrections(self)  # a segment's text edited in the table: shown, then saved
        self.model.renamed.connect(self._rename)
        self.transcribe_button.clicked.connect(lambda: self.transcribe())
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.find_field.returnPressed.connect(lambda: self.find_text())
        self.find_next.clicked.connect(lambda: self.find_text())
        QShortcut(shortcuts.FIND_IN_TRANSCRIPT.sequence(), self).activated.connect(self.find_field.setFocus)
        QShortcut(shortcuts.PLAY.sequence(), self).activated.connect(lambda: self.toggle_play())
        QShortcut(shortcuts.TIME_LINK.sequence(), self).activated.connect(
            lambda: self.time_note_requested.emit(self.recording, self.player.position()))
        QShortcut(shortcuts.BACK.sequence(), self).activated.connect(lambda: self.skip(-SKIP_MS))
        QShortcut(shortcuts.FORWARD.sequence(), self).activated.connect(lambda: self.skip(SKIP_MS))
        QShortcut(shortcuts.PREVIOUS.sequence(), self).activated.connect(lambda: self.step_segment(-1))
        QShortcut(shortcuts.NEXT.sequence(), self).activated.connect(lambda: self.step_segment(1))

        playback = QHBoxLayout()
        for widget in (self.play_button, self.back_button, self.forward_button, self.speed):
            playback.addWidget(widget)
        playback.addStretch()
        playback.addWidget(self.position_label)
        transcribe = QHBoxLayout()
        transcribe.addWidget(self.language)
        transcribe.addWidget(self.transcribe_button)
        transcribe.addWidget(self.progress_bar, 1)
        transcribe.addWidget(self.cancel_button)
        transcribe.addWidget(self.separate_again.button)
        transcribe.addStretch()
        search = QHBoxLayout()
        search.addWidget(self.speaker_filter)
        search.addWidget(self.find_field, 1)
        search.addWidget(self.find_next)
        search.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.waveform)
        layout.addLayout(playback)
        layout.addLayout(transcribe)
        layout.addWidget(self.japanese_hint)
        layout.addWidget(self.status)
        layout.addLayout(search)
        layout.addWidget(self.review.voice_bar)
        layout.addWidget(self.review.beside(self.table), 1)
        self.setStyleSheet("#transcriptHeading { font-size: 13pt; font-weight: 600; }")
        self.resize(900, 640)
        self.retranslate()
        self._set_running(False)
        for widget in (self.play_button, self.back_button, self.forward_button, self.speed):
            widget.setEnabled(recording.has_audio)

    # -- text ---------------------------------------------------------------------
    def retranslate(self) -> None:
        started = format_moment(self.recording.started_at)
        if self.recording.source_name:  # imported: named by its file too
            started = f"{started} · {self.recording.source_name}"
        self.setWindowTitle(self.tr("Transcript — {when}").format(when=started))
        self.heading.setText(self.tr("Recording of {when} ({length})").format(
            when=started, length=format_time(self.recording.duration_ms)))
        if not self.recording.has_audio:
            self.heading.setText(self.heading.text() + " — " + self.tr(
                "its audio was deleted under your retention settings; the transcript stays"))
        self.back_button.setText(self.tr("−5 s"))
        self.forward_button.setText(self.tr("+5 s"))
        self.transcribe_button.setText(
            self.tr("Transcribe") if self.transcript is None else self.tr("Transcribe again"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.find_field.setPlaceholderText(self.tr("Find in transcript (Ctrl+F)"))
        self.find_field.setAccessibleName(self.tr("Find in transcript"))
        self.table.setAccessibleName(self.tr("Segments: time, speaker and text"))
        self.find_next.setText(self.tr("Next"))
        shown = self.speaker_filter.currentData()
        self.speaker_filter.blockSignals(True)
        self.speaker_filter.clear()
        self.speaker_filter.addItem(self.tr("Everyone"), "")
        self.speaker_filter.addItem(self.tr("Their questions"), INTERVIEWER)
        self.speaker_filter.addItem(self.tr("My answers"), ME)
        self.speaker_filter.setCurrentIndex(max(0, self.speaker_filter.findData(shown or "")))
        self.speaker_filter.blockSignals(False)
        self.speaker_filter.setAccessibleName(self.tr("Show the segments of"))
        self.model.set_names(names(self.content_language(), self._interviewers, self._chosen_names))
        self.separate_again.retranslate()
        self.exporter.retranslate()
        current = self.language.currentData()
        self.language.clear()
        self.language.addItem(self.tr("Language: detect"), "")
        self.language.addItem(self.tr("Japanese"), "ja")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current or "")))
        self._update_buttons()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self.status.setText(self._status_text())

    def content_language(self) -> str:
        return "ja" if self.locale().language() == self.locale().Language.Japanese else "en"

    def _language_name(self, code: str) -> str:
        return {"ja": self.tr("Japanese"), "en": self.tr("English")}.get(code, code)

    def set_status(self, text: Callable[[], str]) -> None:
        """Show a status line; ``text`` is called again when the language changes."""
        self._status_text = text
        self.status.setText(text())

    # -- loading ------------------------------------------------------------------------
    def start(self) -> None:
        recording = self.recording
        store = self.library.transcripts

        library = self.library

        def load():
            peaks = (overview(recording.path) if recording.has_audio
                     else Overview(recording.duration_ms / 1000, recording.samplerate, np.zeros((0, 2), np.float32)))
            lane = call_lane(recording.path) if recording.has_audio else None
            return (peaks, lane, store.latest_for_recording(recording.id),
                    library.recordings.markers(recording.id), store.remembered_language(recording.interview_id),
                    store.speaker_names(recording.id), library.interviews.get(recording.interview_id))

        self.tasks.run(load, done=self._loaded, failed=self.show_failure)

    def _loaded(self, loaded) -> None:
        peaks, call_peaks, transcript, markers, language, self._chosen_names, interview = loaded
        self._interviewers, self.company = interview.interviewers, interview.company
        self.waveform.set_overview(peaks.peaks, peaks.duration_s)
        self.waveform.set_call_overview(call_peaks, (SPEAKER_COLOURS[ME], SPEAKER_COLOURS[INTERVIEWER]))
        self.waveform.set_markers([m.at_ms for m in markers])
        self.language.setCurrentIndex(max(0, self.language.findData(language or "")))
        self._show_transcript(transcript)
        self.reveal_segment(*self._pending_segment)
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        """Show this recording's newest transcript when another one was stored (voices told apart again)."""
        if self.recording.id not in changes.transcripts or self.transcript is None:
            return
        store, recording_id, shown = self.library.transcripts, self.recording.id, self.transcript.id

        def newer() -> Transcript | None:
            newest = store.latest_id_for_recording(recording_id)
            return store.get(newest) if newest is not None and newest != shown else None

        self.tasks.run(newer, done=self._show_newer, failed=self.show_failure)

    def _show_newer(self, transcript: Transcript | None) -> None:
        if transcript is not None and (self.transcript is None or self.transcript.id != transcript.id):
            self._show_transcript(transcript)

    def _show_transcript(self, transcript: Transcript | None) -> None:
        self.transcript = transcript
        self.model.set_segments(transcript.segments if transcript else ())
        two_voices = self.model.has_speakers
        self.table.setColumnHidden(SPEAKER, not two_voices)
        self.speaker_filter.setVisible(two_voices)
        self._apply_filter()
        self.table.resizeRowsToContents()
        self.review.show(transcript)
        self.separate_again.show_for(transcript)
        if transcript is None and self._live is not None:
            self.set_status(lambda: self.tr("Finishing the transcript…"))
        elif transcript is None:
            self.set_status(lambda: self.tr("No transcript yet."))
        elif (problem := transcript.problem) is not None:
            self.set_status(lambda: render(problem))
        else:
            self.set_status(lambda: self.tr("{count} segments, language: {language}").format(
                count=len(transcript.segments), language=self._language_name(transcript.language)))
        self.retranslate()

    # -- transcription -----------------------------------------------------------------------
    def await_live(self, live: LiveTranscription) -> None:
        """The recording is being transcribed as it was made: show that transcript when it is complete."""
        self._live = live
        self._set_running(True)
        self.cancel_button.setVisible(False)  # the live transcription belongs to the recording panel
        self.progress_bar.setRange(0, 0)  # the last piece: no measure of how far
        live.finished.connect(self._live_done)
        self.set_status(lambda: self.tr("Finishing the transcript…"))

    def _live_done(self, outcome: object) -> None:
        live, self._live = self._live, None
        if live is not None:
            live.finished.disconnect(self._live_done)
        self.progress_bar.setRange(0, 1000)
        self._set_running(False)
        if isinstance(outcome, Exception):
            self.show_failure(outcome)
        elif isinstance(outcome, Result) and outcome.value.recording_id == self.recording.id:
            self._show_transcript(outcome.value)

    def transcribe(self) -> None:
        if self.job is not None:
            return
        language = self.language.currentData() or None
        self.japanese_hint.first_use(language)
        options = TranscriptionSettings(model=self.settings.get(SPEECH_MODEL), language=language)
        service = self._service()
        self.job = transcription_ops.start(self.library, service, self.recording, options,
                                           on_progress=self._progress_callback, on_done=self._done_callback)
        self._set_running(True)
        self.waiting = service.behind_recording(self.job)
        if self.waiting:  # one speech worker: the recording being made comes first
            self.set_status(lambda: self.tr("Waiting: the recording being made is transcribed first. "
                                            "This transcription starts when that recording stops."))
        else:
            self.set_status(lambda: self.tr("Transcribing on this computer…"))

    def _job_done(self, outcome: transcription_ops.Outcome) -> None:
        if isinstance(outcome, Exception):
            self._transcription_failed(outcome)
            return
        self.tasks.hub.publish(outcome.changes)
        self._transcribed(outcome.value)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, fraction: float) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        if self.waiting and fraction > 0:
            self.waiting = False
            self.set_status(lambda: self.tr("Transcribing on this computer…"))

    def _transcribed(self, transcript: Transcript) -> None:
        self.job = None
        self._set_running(False)
        self._show_transcript(transcript)
        self.transcription_finished.emit(transcript)

    def _transcription_failed(self, error: Exception) -> None:
        cancelled = self.job is not None and getattr(self.job, "cancelled", False)
        self.job = None
        self._set_running(False)
        if cancelled:
            self.set_status(lambda: self.tr("Transcription cancelled."))
        else:
            self.show_failure(error)
        self.transcription_finished.emit(None)

    def _set_running(self, running: bool) -> None:
        self.transcribe_button.setEnabled(not running and self.recording.has_audio)
        self.separate_again.button.setEnabled(not running and self.recording.has_audio)
        self.language.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress_bar.setVisible(running)
        if running:
            self.progress_bar.setValue(0)
        else:
            self.waiting = False

    def show_failure(self, error: Exception) -> None:
        message = error.message if isinstance(error, FurikaeriError) else Message("Transcription", str(error))
        self.set_status(lambda: render(message))

    # -- playback --------------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, position_ms: int) -> None:
        self.player.setPosition(max(0, int(position_ms)))
        self._position_changed(self.player.position())

    def play_from(self, position_ms: int) -> None:
        """Play from ``position_ms`` (once the audio is open, when it is still opening)."""
        if self.player.mediaStatus() in (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia):
            self._pending_play = position_ms
            return
        self._pending_play = None
        self.seek(position_ms)
        self.player.play()

    def _media_status_changed(self, status) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_play is not None:
            self.play_from(self._pending_play)

    def skip(self, delta_ms: int) -> None:
        self.seek(self.player.position() + delta_ms)

    def step_segment(self, delta: int) -> int | None:
        """Go to the start of the segment ``delta`` rows from the one playing (shown ones only); its row."""
        count = self.model.rowCount()
        if count == 0:
            return None
        row = self.model.row_started(self.player.position()) + delta
        while 0 <= row < count and self.table.isRowHidden(row):
            row += 1 if delta > 0 else -1
        if not 0 <= row < count:
            return None
        self.table.selectRow(row)
        self.seek(self.model.segment(row).start_ms)
        return row

    def _segment_clicked(self, index) -> None:
        if index.column() == 0 or not self.table.isPersistentEditorOpen(index):
            self.seek(self.model.segment(index.row()).start_ms)
            self.player.play()

    def _position_changed(self, position_ms: int) -> None:
        self.waveform.set_position(position_ms)
        self.position_label.setText(format_time(position_ms))
        row = self.model.row_at(position_ms)
        if row is not None and row != self.model.current_row:
            self.table.scrollTo(self.model.index(row, 1), QAbstractItemView.ScrollHint.EnsureVisible)
        self.model.set_current(row)

    def _update_buttons(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _player_error(self, _error, text: str) -> None:
        self.set_status(lambda: self.tr("Playback is not possible: {detail}").format(detail=text))

    def reveal_segment(self, segment_id: int | None, start_ms: int | None) -> None:
        """Select and show the segment (a search hit), the player at its start, not playing.

        Before the transcript has loaded, it is remembered and revealed once it has.
        """
        if segment_id is None:
            return
        rows = [row for row in range(self.model.rowCount()) if self.model.segment(row).id == segment_id]
        if not rows and self.transcript is None:
            self._pending_segment = (segment_id, start_ms)
            return
        self._pending_segment = (None, None)
        row = rows[0] if rows else self.model.row_at(start_ms or 0)  # transcribed again since: the same moment
        if row is None:
            self._seek_when_open(start_ms or 0)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 1), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        self._seek_when_open(self.model.segment(row).start_ms if start_ms is None else start_ms)

    def _seek_when_open(self, position_ms: int) -> None:
        """Seek now, and again once the audio has opened (a position set while it opens may be lost)."""
        self.seek(position_ms)
        if self.player.mediaStatus() not in (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia):
            return

        def opened(status) -> None:
            if status != QMediaPlayer.MediaStatus.LoadingMedia:
                self.player.mediaStatusChanged.disconnect(opened)
                if status == QMediaPlayer.MediaStatus.LoadedMedia:
                    self.seek(position_ms)

        self.player.mediaStatusChanged.connect(opened)

    # -- speakers ----------------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        """Show only the segments of the speaker chosen (all of them when "Everyone" or one voice)."""
        wanted = self.speaker_filter.currentData() or None
        for row in range(self.model.rowCount()):
            speaker = self.model.segment(row).speaker
            self.table.setRowHidden(row, wanted is not None and speaker is not None and speaker != wanted)

    def show_speaker(self, speaker: str | None) -> None:
        """Show only ``speaker``'s segments (``None``: everyone's)."""
        self.speaker_filter.setCurrentIndex(max(0, self.speaker_filter.findData(speaker or "")))

    def _rename(self, speaker: str, name: str) -> None:
        library, recording_id = self.library, self.recording.id
        self.tasks.run_op(lambda: transcription_ops.name_speaker(library, recording_id, speaker, name),
                          done=self._renamed, failed=self.show_failure)

    def _renamed(self, chosen: dict[str, str]) -> None:
        self._chosen_names = chosen
        self.model.set_names(names(self.content_language(), self._interviewers, chosen))
        self.table.resizeColumnToContents(SPEAKER)

    # -- find ----------------------------------------------------------------------------------------------
    def find_text(self) -> int | None:
        needle = self.find_field.text().strip().casefold()
        if not needle or self.model.rowCount() == 0:
            return None
        rows = self.table.selectionModel().selectedRows()
        start = rows[0].row() + 1 if rows else 0
        count = self.model.rowCount()
        for offset in range(count):
            row = (start + offset) % count
            if self.table.isRowHidden(row):
                continue  # another speaker's, filtered out
            if needle in self.model.segment(row).display_text.casefold():
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 1))
                self.set_status(lambda: "")
                return row
        wanted = self.find_field.text().strip()
        self.set_status(lambda: self.tr("“{text}” is not in this transcript.").format(text=wanted))
        return None

    def export_to(self, path: str, fmt: str) -> None:
        """Write the transcript as shown in ``fmt`` (:meth:`TranscriptExport.export_to`)."""
        self.exporter.export_to(path, fmt)

    def closeEvent(self, event) -> None:
        self.player.stop()
        self.cancel()
        self.tasks.wait_for_done(5000)
        super().closeEvent(event)
