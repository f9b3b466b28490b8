"""Answering: the question, a countdown, the level meter, Next and Stop.

The session is :class:`core.ops.practice.LiveSession`: its questions' state
machine (:class:`core.practice.run.PracticeRun`), fed the recording position
(the recorder's own clock, pauses excluded) so every boundary is where the
audio is, and its consent-gated recording under the user's self-consent.
Starting, storing each answer and stopping are core operations
(:mod:`core.ops.practice`); this page only shows them and passes the clicks on.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import practice as practice_ops
from core.practice.bank import Question, category
from core.practice.run import DEFAULT_LIMIT_FACTOR, AnswerSpan, PracticeRun, PracticeState
from core.practice.store import PracticeSessionInfo
from core.recording.recorder import Interrupted
from gui.i18n import Retranslatable, render
from gui.practice.get_ready import GetReady
from gui.recording_panel import LEVEL_FLOOR_DB
from gui.tasks import TaskRunner, UiCallback
from gui.theme import themed

TICK_MS = 50

Device = Callable[[], int | str | None]


def format_countdown(seconds: float) -> str:
    total = max(0, math.ceil(seconds))
    return f"{total // 60:d}:{total % 60:02d}"


def _message(error: Exception, context: str) -> Message:
    return error.message if isinstance(error, FurikaeriError) else Message(context, str(error))


class SessionPage(Retranslatable, QWidget):
    """One practice session from the first question to the saved recording."""

    started = Signal()
    answer_saved = Signal(object)  # core.practice.store.Answer
    finished = Signal(object)  # PracticeSessionInfo, once the recording is stopped and saved
    failed = Signal(object)  # a Message: the session could not start

    def __init__(self, library: Library, tasks: TaskRunner, device: Device, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._device = device
        self.run: PracticeRun | None = None  # kept after the session, for what it asked
        self.live: practice_ops.LiveSession | None = None  # while recording
        self.info: PracticeSessionInfo | None = None
        self._starting = False
        self._stop_when_started = False
        self._stopping = False
        self._problem: Message | None = None
        self._recorder_event = UiCallback(self._on_recorder_event, self)  # recorder threads → this thread
        self.get_ready = GetReady(self)  # the first question shown a few seconds before the recording starts
        self.get_ready.ticked.connect(lambda _left: self._show())
        self._preview: tuple[Question, str, int] | None = None  # that question, its language, how many follow

        self.state_label = QLabel()
        self.state_label.setObjectName("practiceState")
        self.progress_label = QLabel()
        self.category_label = QLabel()
        self.question = QLabel()
        self.question.setObjectName("practiceQuestion")
        self.question.setWordWrap(True)
        self.tip = QLabel()
        self.tip.setWordWrap(True)
        self.tip.setObjectName("practiceTip")
        self.countdown = QLabel(format_countdown(0))
        self.countdown.setObjectName("practiceCountdown")
        self.target_label = QLabel()
        self.level = QProgressBar()
        self.level.setRange(LEVEL_FLOOR_DB, 0)
        self.level.setValue(LEVEL_FLOOR_DB)
        self.level.setTextVisible(False)
        self.level.setMaximumHeight(10)
        self.level_label = QLabel()  # what the bar is
        self.level_label.setBuddy(self.level)
        self.next_button = QPushButton()
        self.next_button.setObjectName("practiceNext")
        self.next_button.setDefault(True)
        self.stop_button = QPushButton()
        self.pause_button = QPushButton()  # the paused time is left out of the file: boundaries stay exact
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("practiceMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never clipped
        self.next_button.clicked.connect(lambda: self.next_question())
        self.stop_button.clicked.connect(lambda: self.stop())
        self.pause_button.clicked.connect(lambda: self.toggle_pause())
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        top = QHBoxLayout()
        top.addWidget(self.state_label)
        top.addStretch()
        top.addWidget(self.progress_label)
        timing = QHBoxLayout()
        timing.addWidget(self.countdown)
        timing.addWidget(self.target_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addStretch()
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.category_label)
        layout.addWidget(self.question)
        layout.addWidget(self.tip)
        layout.addStretch(1)
        layout.addLayout(timing)
        level_row = QHBoxLayout()
        level_row.addWidget(self.level_label)
        level_row.addWidget(self.level, 1)
        layout.addLayout(level_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setStyleSheet(themed(
            "#practiceState { font-weight: 700; color: white; background: #c62828; padding: 2px 8px; }"
            "#practiceState[ready='true'] { background: #1565c0; }"
            "#practiceQuestion { font-size: 18pt; font-weight: 600; }"
            "#practiceTip { font-style: italic; }"
            "#practiceCountdown { font-size: 20pt; font-family: monospace; }"
            "#practiceCountdown[over='true'] { color: #e65100; }"
            "#practiceMessage { color: #b00020; }"
        ))
        self.retranslate()

    # -- state ---------------------------------------------------------------------
    @property
    def is_recording(self) -> bool:
        return self.live is not None

    @property
    def busy(self) -> bool:
        """Starting, recording or saving: the window must not close now."""
        return self._starting or self._stopping or self.live is not None

    @property
    def problem(self) -> Message | None:
        """What went wrong in the last session (kept until the next one starts)."""
        return self._problem

    @property
    def paused(self) -> bool:
        return self.live is not None and self.live.paused

    def position_ms(self) -> int:
        return self.live.position_ms() if self.live is not None else 0

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop and review"))
        self.level_label.setText(self.tr("Microphone level"))
        self.level.setAccessibleName(self.tr("Microphone level"))
        self.level.setAccessibleDescription(self.tr("How loud the microphone hears you; speak so that it moves."))
        self._show()

    def _show(self) -> None:
        run = self.run
        ready = self.get_ready.active and self._preview is not None
        question, language, total = ((run.current, run.language, len(run.questions)) if run else
                                     self._preview if ready and self._preview else (None, "en", 0))
        if self.paused:
            self.state_label.setText(self.tr("❚❚ Paused"))
        elif ready:
            self.state_label.setText(self.tr("Recording starts in {seconds} s").format(seconds=self.get_ready.left))
        else:
            self.state_label.setText(self.tr("● Recording") if self.live else self.tr("Getting ready…"))
        self.state_label.setVisible(self.live is not None or ready)
        self.state_label.setProperty("ready", ready)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        if question is None:
            if self._stopping:
                self.question.setText(self.tr("Saving…"))
            elif self._starting or self._problem is None:
                self.question.setText(self.tr("Starting the microphone…"))
            else:  # it could not start: the message below says why
                self.question.setText(self.tr("The practice could not start."))
            self.tip.clear()
            self.category_label.clear()
            self.target_label.clear()
            self.progress_label.clear()
        else:
            self.question.setText(question.text(language))
            tip = question.tip(language)
            self.tip.setText(self.tr("Tip: {tip}").format(tip=tip) if tip else "")
            self.category_label.setText(category(question.category).name(language) +
                                        (self.tr(" · answer with STAR (situation, task, action, result)")
                                         if question.star else ""))
            self.progress_label.setText(self.tr("Question {number} of {total}").format(
                number=run.index + 1 if run else 1, total=total))
            if run is None:
                self.target_label.setText(self.tr("Aim for about {target} s.").format(target=question.target_s))
            elif run.has_limit:
                self.target_label.setText(self.tr(
                    "Aim for about {target} s. After {limit} s the next question comes by itself.").format(
                    target=question.target_s, limit=round(run.limit_s(question))))
            else:
                self.target_label.setText(self.tr(
                    "Aim for about {target} s. No time limit: press Next when you have finished.").format(
                    target=question.target_s))
        answering = run is not None and run.state is PracticeState.ANSWERING and not self._stopping
        self.next_button.setEnabled((answering and not self.paused) or ready)
        self.stop_button.setEnabled(answering)
        self.pause_button.setEnabled(answering)
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))
        self.next_button.setText(self.tr("Start now") if ready else
                                 self.tr("Finish") if run and run.is_last else self.tr("Next question"))
        self.message.setText(render(self._problem) if self._problem else "")
        self.message.setVisible(self._problem is not None)

    # -- starting ---------------------------------------------------------------------
    def begin(self, questions: list[Question], language: str, title: str, time_limit_s: float | None,
              limit_factor: float | None = DEFAULT_LIMIT_FACTOR) -> None:
        """Show the first question for a few seconds (:attr:`get_ready`), then create the mock interview and record
        under self-consent."""
        self.run = self.live = self.info = None
        self._stop_when_started = self._stopping = False
        self._problem = None
        self._preview = (questions[0], language, len(questions)) if questions else None
        self.get_ready.begin(lambda: self._record(questions, language, title, time_limit_s, limit_factor))
        self._show()

    def cancel_get_ready(self) -> None:
        """Back to choosing before anything was recorded."""
        self.get_ready.cancel()
        self._preview = None

    def _record(self, questions: list[Question], language: str, title: str, time_limit_s: float | None,
                limit_factor: float | None) -> None:
        self._starting = True
        device = self._device()
        library, on_event = self.library, self._recorder_event
        self._show()
        self.tasks.run_op(lambda: practice_ops.start_session(
            library, title, questions, language, time_limit_s=time_limit_s, limit_factor=limit_factor,
            device=device, on_event=on_event, render=render), done=self._started, failed=self._start_failed)

    def _started(self, live: practice_ops.LiveSession) -> None:
        self._starting = False
        self.live, self.run, self.info = live, live.run, live.info
        self.timer.start()
        self._show()
        self.started.emit()
        if self._stop_when_started:  # the window was closed meanwhile
            self.stop()

    def _start_failed(self, error: Exception) -> None:
        self._starting = False
        self.run = None
        message = _message(error, "Recorder")
        self._problem = message
        self._show()
        self.failed.emit(message)

    # -- answering ----------------------------------------------------------------------------
    def next_question(self) -> None:
        if self.get_ready.active:
            self.get_ready.now()
            return
        if self.live is None or self.live.run.state is not PracticeState.ANSWERING or self._stopping:
            return
        self._answered(self.live.run.next(self.live.position_ms()))

    def toggle_pause(self) -> None:
        """Pause to think or take a break; the countdown and the recording wait."""
        if self.live is None or self._stopping:
            return
        if self.live.paused:
            self.live.recording.resume()
        else:
            self.live.recording.pause()
        self._show()

    def stop(self) -> None:
        """Stop early: the answer in progress is kept up to now, then the recording is saved."""
        if self._starting:
            self._stop_when_started = True
            return
        live = self.live
        if live is None or self._stopping:
            return
        span = live.run.stop(live.position_ms())
        if span is not None:
            self._answered(span)
        else:
            self._stop_recording()
            self.tasks.run_op(lambda: practice_ops.finish(self.library, live), done=self._ended,
                              failed=self._stop_failed)

    def _tick(self) -> None:
        live = self.live
        if live is None or live.run.state is not PracticeState.ANSWERING:
            return
        run = live.run
        at = live.position_ms()
        span = run.tick(at)
        if span is not None:
            self._answered(span)
            return
        # Time left; without a limit, the time spoken so far.
        self.countdown.setText(format_countdown(run.remaining_s(at) if run.has_limit else run.elapsed_s(at)))
        over = run.over_target(at)
        if self.countdown.property("over") != over:
            self.countdown.setProperty("over", over)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)
        level = live.recording.recorder.level_dbfs
        self.level.setValue(int(max(LEVEL_FLOOR_DB, level)) if math.isfinite(level) else LEVEL_FLOOR_DB)

    def _answered(self, span: AnswerSpan) -> None:
        """Store the answer at once; after the last one the recording stops (and the review opens)."""
        live = self.live
        assert live is not None
        library = self.library
        if live.finished:
            self._stop_recording()
            failed = self._stop_failed
        else:
            self._show()
            failed = self._save_failed
        self.tasks.run_op(lambda: practice_ops.end_answer(library, live, span), done=self._ended, failed=failed)

    def _ended(self, ended: practice_ops.Ended) -> None:
        if ended.answer is not None:
            self.answer_saved.emit(ended.answer)
        if ended.problem is not None:
            self._problem = ended.problem
            self._show()
        if ended.finished:
            self._session_over()

    def _save_failed(self, error: Exception) -> None:
        self._problem = _message(error, "Practice")
        self._show()

    # -- the end ---------------------------------------------------------------------------------
    def _stop_recording(self) -> None:
        self._stopping = True
        self.timer.stop()
        self.level.setValue(LEVEL_FLOOR_DB)
        self._show()

    def _session_over(self) -> None:
        self.live = None
        self._stopping = False
        self._show()
        self.finished.emit(self.info)

    def _stop_failed(self, error: Exception) -> None:
        self._save_failed(error)
        self._session_over()

    def _on_recorder_event(self, event: object) -> None:
        if isinstance(event, Interrupted) and self.live is not None and not self._stopping:
            self._problem = event.reason
            self.stop()
