"""Reviewing a practice session: per answer, play it, read it, see its measures, write a self-review.

The recording is transcribed once (settings that keep filler words) in the
shared transcription worker, with progress and Cancel
(:func:`core.ops.transcription.start`); metrics per answer are computed by
:func:`core.ops.practice.measure` in a background task and cached, so
reopening a review is instant.  Everything that writes is a core operation
whose changes reach the app's change hub.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import Result
from core.ops import practice as practice_ops
from core.ops import transcription as transcription_ops
from core.practice.review import (
    CHART_KEYS,
    answer_pieces,
    answer_words_flagged,
    chart_key,
    metric_band,
    metric_value,
    practice_transcription_settings,
)
from core.practice.store import Answer, Attempt
from core.recording.store import Recording
from core.settings import SPEECH_MODEL, Settings
from core.transcription.guard import flag_reasons
from core.transcription.model import SegmentFlag, Transcript
from core.transcription.service import Job, TranscriptionCancelled, TranscriptionService
from gui.i18n import Retranslatable, render
from gui.live_transcript import LiveTranscription
from gui.practice.charts import AttemptsChart
from gui.practice.metrics_view import MetricsView, describe, pieces_html
from gui.segment_model import format_time
from gui.tasks import TaskRunner, UiCallback
from gui.theme import themed

REVIEW_SAVE_DELAY_MS = 1000


class ReviewPage(Retranslatable, QWidget):
    loaded = Signal()  # answers and (when available) metrics are shown
    review_saved = Signal(int)  # answer id

    def __init__(self, library: Library, tasks: TaskRunner, service: Callable[[], TranscriptionService],
                 settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._service = service
        self.settings = settings
        self.session_id: int | None = None
        self.language = "en"
        self.recording: Recording | None = None
        self.answers: list[Answer] = []
        self.transcript: Transcript | None = None
        self.metrics: dict[int, dict] = {}
        self.job: Job | None = None
        self._live: LiveTranscription | None = None
        self._status: Callable[[], str] = lambda: ""
        self._answer_end_ms: int | None = None
        self._pending_start_ms: int | None = None
        # The speech worker's threads → this thread.
        self._progress_callback = UiCallback(lambda fraction: self.progress_bar.setValue(int(fraction * 1000)), self)
        self._done_callback = UiCallback(self._job_done, self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.transcribe_button = QPushButton()
        self.transcribe_button.clicked.connect(lambda: self.transcribe())
        self.answer_list = QListWidget()
        self.answer_list.setWordWrap(True)
        self.answer_list.currentRowChanged.connect(self._answer_changed)
        self.question = QLabel()
        self.question.setObjectName("reviewQuestion")
        self.question.setWordWrap(True)
        self.length_label = QLabel()
        self.play_button = QPushButton()
        self.play_button.clicked.connect(lambda: self.toggle_play())
        self.transcript_view = QTextBrowser()
        self.transcript_view.setFixedHeight(110)
        self.invented_label = QLabel()  # why some text is greyed, when it is
        self.invented_label.setObjectName("inventedReason")
        self.invented_label.setWordWrap(True)
        self.invented_label.setVisible(False)
        self.metrics_view = MetricsView()
        self.review_label = QLabel()
        self.review = QPlainTextEdit()
        self.review.setFixedHeight(70)
        self.review.textChanged.connect(self._review_changed)
        self._review_timer = QTimer(self)
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(REVIEW_SAVE_DELAY_MS)
        self._review_timer.timeout.connect(self.save_review)
        self._loading_review = False
        self._review_answer: Answer | None = None
        self.chart_label = QLabel()
        self.chart = AttemptsChart()
        self.attempts: list[Attempt] = []
        self.history: dict[str, list[Attempt]] = {}  # question key -> attempts, loaded with the metrics
        self.player: QMediaPlayer | None = None  # made when a recording is shown: it opens the audio output

        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress_bar)
        status_row.addWidget(self.cancel_button)
        status_row.addWidget(self.transcribe_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # scroll, never squeeze
        heading = QHBoxLayout()
        heading.addWidget(self.question, 1)
        heading.addWidget(self.length_label)
        heading.addWidget(self.play_button)
        detail_layout.addLayout(heading)
        detail_layout.addWidget(self.transcript_view)
        detail_layout.addWidget(self.invented_label)
        detail_layout.addWidget(self.metrics_view)
        detail_layout.addWidget(self.review_label)
        detail_layout.addWidget(self.review)
        detail_layout.addWidget(self.chart_label)
        detail_layout.addWidget(self.chart)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        splitter = QSplitter()
        splitter.addWidget(self.answer_list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(status_row)
        layout.addWidget(splitter, 1)
        self.setStyleSheet(themed("#reviewQuestion { font-size: 13pt; font-weight: 600; }"
                           " #inventedReason { color: #757575; }"))
        self._set_running(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.transcribe_button.setText(self.tr("Transcribe again"))
        self.review_label.setText(self.tr("Your own review of this answer"))
        self.review.setPlaceholderText(self.tr("What went well? What will you say differently next time?"))
        self.chart_label.setText(self.tr("Your attempts at this question over time"))
        self.status.setText(self._status())
        self._update_play()
        self._fill_list()
        self._show_answer()

    def _set_status(self, text: Callable[[], str]) -> None:
        self._status = text
        self.status.setText(text())

    def _has_audio(self) -> bool:
        """The session's recording is there with its audio (a practice recording's audio may have gone under the
        retention settings; its transcript and metrics stay)."""
        return self.recording is not None and self.recording.has_audio

    def _set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.transcribe_button.setVisible(not running and self._has_audio())
        if running:
            self.progress_bar.setValue(0)

    # -- loading -------------------------------------------------------------------------------
    def load(self, session_id: int, live: LiveTranscription | None = None) -> None:
        """Show a session; transcribe its recording first when no suitable transcript exists yet (``live``: the
        session's recording is being transcribed as it was made: its transcript is awaited instead)."""
        self._live = live
        self.save_review()
        self.stop_playback()
        self.session_id = session_id
        self.answers, self.metrics, self.transcript, self.recording = [], {}, None, None
        self.history = {}
        library, model = self.library, self.settings.get(SPEECH_MODEL)
        self._set_status(lambda: self.tr("Loading…"))
        self.tasks.run_op(lambda: practice_ops.open_review(library, session_id, model), done=self._loaded,
                          failed=self._failed)

    def _loaded(self, review: practice_ops.Review) -> None:
        self.answers, self.recording, self.transcript = review.answers, review.recording, review.transcript
        self.language = review.info.language
        self._fill_list()
        if self.answers:
            self.answer_list.setCurrentRow(0)
        if not review.reviewable:
            self._set_status(lambda: self.tr("This session has no recorded answers."))
            self._set_running(False)
            self.loaded.emit()
        elif self.transcript is None and self._live is not None:
            self._await_live(self._live)
        elif self.transcript is None and not self._has_audio():
            self._set_status(lambda: self.tr(
                "The audio of this session was deleted under your retention settings, before it was transcribed."))
            self._set_running(False)
            self.loaded.emit()
        elif self.transcript is None:
            self.transcribe()
        else:
            self._live = None
            self._compute_metrics()

    def _await_live(self, live: LiveTranscription) -> None:
        if live.running:
            live.finished.connect(self._live_done)
            self._set_running(True)
            self.cancel_button.setVisible(False)  # the last answer's few seconds: nothing to cancel
            self._set_status(lambda: self.tr("Finishing the transcript of your answers…"))
        else:
            self._live_done(live.outcome)

    def _live_done(self, outcome: object) -> None:
        live, self._live = self._live, None
        if live is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected when it had finished already
                live.finished.disconnect(self._live_done)
        if isinstance(outcome, Result) and self.recording is not None \
                and outcome.value.recording_id == self.recording.id:
            self.transcript = outcome.value
            self._compute_metrics()
        elif isinstance(outcome, Exception):
            self._transcription_failed(outcome)
        else:
            self.transcribe()

    def _fill_list(self) -> None:
        current = self.answer_list.currentRow()
        self.answer_list.blockSignals(True)
        self.answer_list.clear()
        for answer in self.answers:
            item = QListWidgetItem(self.tr("{number}. {question} ({length})").format(
                number=answer.position + 1, question=answer.question_text,
                length=format_time(answer.end_ms - answer.start_ms)))
            item.setData(Qt.ItemDataRole.UserRole, answer.id)
            self.answer_list.addItem(item)
        self.answer_list.setCurrentRow(current if 0 <= current < len(self.answers) else -1)
        self.answer_list.blockSignals(False)

    # -- transcription and metrics ------------------------------------------------------------
    def transcribe(self) -> None:
        if self.job is not None or self.recording is None or not self.recording.has_audio:
            return
        settings = practice_transcription_settings(self.language, self.settings.get(SPEECH_MODEL))
        try:
            self.job = transcription_ops.start(self.library, self._service(), self.recording, settings,
                                               on_done=self._done_callback, on_progress=self._progress_callback)
        except FurikaeriError as error:
            self._failed(error)
            return
        self._set_running(True)
        self._set_status(lambda: self.tr("Transcribing the session on this computer…"))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _job_done(self, outcome: transcription_ops.Outcome) -> None:
        if isinstance(outcome, Exception):
            self._transcription_failed(outcome)
            return
        self.tasks.hub.publish(outcome.changes)
        self.job = None
        self.transcript = outcome.value
        self._compute_metrics()

    def _transcription_failed(self, error: Exception) -> None:
        cancelled = isinstance(error, TranscriptionCancelled)
        self.job = None
        self._set_running(False)
        if cancelled:
            self._set_status(lambda: self.tr("Transcription cancelled. Your answers and recording are kept."))
            self.loaded.emit()
        else:
            self._failed(error)

    def _compute_metrics(self) -> None:
        library, session_id, transcript = self.library, self.session_id, self.transcript
        assert session_id is not None and transcript is not None and self.recording is not None
        audio = self.recording.path if self.recording.has_audio else None  # gone: the metrics kept are shown
        self._set_running(True)
        self.progress_bar.setValue(0)
        self._set_status(lambda: self.tr("Measuring each answer…"))
        self.tasks.run_op(lambda report: practice_ops.measure(library, session_id, transcript, audio, report),
                          done=self._measured, failed=self._failed,
                          progress=lambda done, total: self.progress_bar.setValue(int(done / max(1, total) * 1000)))

    def _measured(self, measured: practice_ops.Measured) -> None:
        self.metrics, self.history = measured.metrics, measured.history
        metrics = self.metrics
        self._set_running(False)
        problem = self.transcript.problem if self.transcript else None
        if problem is not None:
            self._set_status(lambda: render(problem))
        else:
            self._set_status(lambda: self.tr("{count} answers measured.").format(count=len(metrics)))
        self._show_answer()
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        message = error.message if isinstance(error, FurikaeriError) else Message("Practice", str(error))
        self._set_status(lambda: render(message))
        self.loaded.emit()

    # -- one answer ------------------------------------------------------------------------------
    def current_answer(self) -> Answer | None:
        row = self.answer_list.currentRow()
        return self.answers[row] if 0 <= row < len(self.answers) else None

    def _show_answer(self) -> None:
        answer = self.current_answer()
        self.play_button.setEnabled(answer is not None and self._has_audio())
        if answer is None:
            self._review_answer = None
            self.question.clear()
            self.length_label.clear()
            self.transcript_view.clear()
            self._show_invented(frozenset())
            self.metrics_view.set_metrics(None, self.language)
            self.chart.set_series([])
            return
        self.question.setText(answer.question_text)
        self.length_label.setText(self.tr("{length} (target {target} s)").format(
            length=format_time(answer.end_ms - answer.start_ms), target=answer.target_s))
        metrics = self.metrics.get(answer.id)
        invented: frozenset[SegmentFlag] = frozenset()
        if self.transcript is not None:
            flagged = answer_words_flagged(self.transcript, answer.start_ms, answer.end_ms)
            pieces = answer_pieces([w for w, _ in flagged], metrics, [f for _, f in flagged])
            invented = frozenset().union(*(p.flags for p in pieces))
            text = pieces_html(pieces, self.language, self.tr("pause {seconds} s"))
            self.transcript_view.setHtml(text or self.tr("No speech was recognised in this answer."))
        else:
            self.transcript_view.setPlainText(self.tr("No transcript yet."))
        self._show_invented(invented)
        self.metrics_view.set_metrics(metrics, self.language)
        self._loading_review = True
        self._review_answer = answer
        self.review.setPlainText(answer.self_review)
        self._loading_review = False
        self._show_attempts(self.history.get(answer.question_key, []))

    def _show_invented(self, flags: frozenset[SegmentFlag]) -> None:
        """Say why greyed text is greyed (and that it is not counted), or hide the note."""
        reasons = [render(reason) for reason in flag_reasons(flags)]
        self.invented_label.setVisible(bool(reasons))
        self.invented_label.setText(" ".join([self.tr("Greyed text:"), *reasons]) if reasons else "")

    def _show_attempts(self, attempts: list[Attempt]) -> None:
        self.attempts = attempts
        series = []
        for key in CHART_KEYS:
            values = [metric_value(a.metrics, key) if a.metrics else None for a in attempts]
            name, unit, _meaning = describe(chart_key(key, self.language), self.language)
            series.append((f"{name} ({unit})" if unit else name, values, metric_band(attempts, key)))
        self.chart.set_series(series)

    # -- self-review ----------------------------------------------------------------------------------
    def _review_changed(self) -> None:
        if not self._loading_review and self._review_answer is not None:
            self._review_timer.start()

    def save_review(self) -> None:
        if not self._review_timer.isActive():
            return
        self._review_timer.stop()
        answer = self._review_answer
        if answer is None:
            return
        text = self.review.toPlainText()
        self.answers = [replace(a, self_review=text) if a.id == answer.id else a for a in self.answers]
        self._review_answer = replace(answer, self_review=text)
        library = self.library
        self.tasks.run_op(lambda: practice_ops.save_review(library, answer, text),
                          done=lambda _saved: self.review_saved.emit(answer.id), failed=self._failed)

    # -- playback -----------------------------------------------------------------------------------
    def _ensure_player(self) -> QMediaPlayer:
        """The player, made on first use (it opens the audio output), on the shown recording."""
        if self.player is None:
            self.player = QMediaPlayer(self)
            self.audio_output = QAudioOutput(self)
            self.player.setAudioOutput(self.audio_output)
            self.player.positionChanged.connect(self._position_changed)
            self.player.playbackStateChanged.connect(lambda _state: self._update_play())
            self.player.mediaStatusChanged.connect(self._media_status_changed)
        if self.recording is None:
            raise RuntimeError("no recording is shown")
        source = QUrl.fromLocalFile(str(self.recording.path))
        if self.player.source() != source:
            self.player.setSource(source)
        return self.player

    def stop_playback(self) -> None:
        if self.player is not None:
            self.player.stop()

    def is_playing(self) -> bool:
        return self.player is not None and self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def _answer_changed(self, _row: int) -> None:
        self.save_review()  # what was typed about the answer left behind
        self._show_answer()

    def toggle_play(self) -> None:
        answer = self.current_answer()
        if answer is None or not self._has_audio():
            return
        player = self._ensure_player()
        if self.is_playing():
            player.pause()
            return
        self._answer_end_ms = answer.end_ms
        if player.mediaStatus() in (QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.LoadingMedia):
            self._pending_start_ms = answer.start_ms  # seeking works once the file is open
            return
        player.setPosition(answer.start_ms)
        player.play()

    def _media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.LoadedMedia and self._pending_start_ms is not None:
            start, self._pending_start_ms = self._pending_start_ms, None
            player = self._ensure_player()
            player.setPosition(start)
            player.play()

    def _position_changed(self, position_ms: int) -> None:
        if self._answer_end_ms is not None and position_ms >= self._answer_end_ms and self.player is not None:
            self.player.pause()
            self._answer_end_ms = None

    def _update_play(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.is_playing() else self.tr("Play this answer"))
