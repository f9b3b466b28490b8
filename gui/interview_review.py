"""A real interview's review in the transcript window: which voice is mine, the questions they asked, my answers.

:class:`InterviewReview` owns two widgets that the transcript window places:

- :class:`VoiceBar`, above the table, for a one-microphone transcript whose
  voices are separated but not yet named (S1, S2, ...): a "Play" button per
  voice plays a few seconds of it, "This is me" runs
  :func:`core.ops.transcription.identify_me`, and the transcript then shows
  me and the interviewer.
- :class:`QuestionsPanel`, beside the table, for a transcript that says who
  spoke: the questions found (:func:`core.analysis.answers.review_interview`,
  computed off the UI thread), a click plays from one, my answer's key
  practice metrics in the practice review's words (:class:`gui.practice.metrics_view.MetricsView`),
  the talk-time split, and "Add to question bank" (:func:`core.ops.questions.add_asked_question`).

The panel shows anew from the ChangeHub: the bank changed (a question now in
it) or this recording's transcript changed (a correction).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.analysis.answers import InterviewReview as Review
from core.analysis.answers import QuestionAnswer, review_interview
from core.messages import FurikaeriError
from core.ops import Changes
from core.ops.questions import AskedQuestionSaved, add_asked_question
from core.ops.transcription import identify_me
from core.transcription.model import Segment, Transcript
from core.transcription.speakers import has_speakers, names, separated
from gui.i18n import Retranslatable, render
from gui.practice.metrics_view import MetricsView
from gui.segment_model import format_time
from gui.theme import themed

if TYPE_CHECKING:
    from gui.transcript_window import TranscriptWindow

KEY_METRICS = ("duration", "first_word_delay", "pace", "fillers_per_min", "longest_pause")
LONG_SEGMENT_MS = 3000  # a voice's sample: its first segment at least this long (else its longest)
SAMPLE_MS = 5000  # ... played for at most this long


def sample_of(segments: Sequence[Segment], speaker: str) -> tuple[int, int] | None:
    """Where to listen to ``speaker``: (start, end) of a few seconds of their first long segment."""
    theirs = [s for s in segments if s.speaker == speaker and s.end_ms > s.start_ms]
    if not theirs:
        return None
    chosen = next((s for s in theirs if s.end_ms - s.start_ms >= LONG_SEGMENT_MS),
                  max(theirs, key=lambda s: s.end_ms - s.start_ms))
    return chosen.start_ms, min(chosen.end_ms, chosen.start_ms + SAMPLE_MS)


class VoiceBar(Retranslatable, QFrame):
    """"Which voice is yours?": one row of buttons per separated voice."""

    def __init__(self, window: TranscriptWindow):
        super().__init__()
        self.owner = window
        self.setObjectName("voiceBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(themed("#voiceBar { background: #fff8e1; }"))
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("voiceQuestion")
        self.voices: list[tuple[str, QLabel, QPushButton, QPushButton]] = []
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(self.grid)
        self._stop_at: int | None = None
        window.player.positionChanged.connect(self._stop_sample)
        self.hide()

    def show_voices(self, transcript: Transcript | None) -> None:
        voices = separated(transcript.segments) if transcript is not None else []
        for _speaker, *widgets in self.voices:
            for widget in widgets:
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.voices = []
        for row, speaker in enumerate(voices):
            label, play, mine = QLabel(self), QPushButton(self), QPushButton(self)
            play.clicked.connect(lambda _checked=False, s=speaker: self.play_voice(s))
            mine.clicked.connect(lambda _checked=False, s=speaker: self.choose(s))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(play, row, 1)
            self.grid.addWidget(mine, row, 2)
            self.voices.append((speaker, label, play, mine))
        self.grid.setColumnStretch(3, 1)
        buttons = [b for _s, _l, play, mine in self.voices for b in (play, mine)]
        for before, after in zip([self.owner.export_button, *buttons], [*buttons, self.owner.table], strict=True):
            QWidget.setTabOrder(before, after)  # after the search row, before the table: where it is seen
        self.setVisible(bool(voices))
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr(
            "Which voice is yours? This recording has {count} voices on one microphone. Listen to each, then "
            "choose yours: their questions and your answers are then told apart.").format(count=len(self.voices)))
        shown = names(self.owner.content_language(), self.owner._interviewers, self.owner._chosen_names)
        for speaker, label, play, mine in self.voices:
            name = shown.get(speaker, speaker)
            label.setText(name)
            play.setText(self.tr("Play"))
            play.setAccessibleName(self.tr("Play a few seconds of {voice}").format(voice=name))
            mine.setText(self.tr("This is me"))
            mine.setAccessibleName(self.tr("{voice} is my voice").format(voice=name))

    def play_voice(self, speaker: str) -> None:
        """Play a few seconds of ``speaker``'s first long segment."""
        sample = sample_of(self.owner.transcript.segments if self.owner.transcript else (), speaker)
        if sample is None:
            return
        self._stop_at = sample[1]
        self.owner.play_from(sample[0])

    def _stop_sample(self, position_ms: int) -> None:
        if self._stop_at is not None and position_ms >= self._stop_at:
            self._stop_at = None
            self.owner.player.pause()

    def choose(self, speaker: str) -> None:
        window = self.owner
        library, recording_id = window.library, window.recording.id
        for _s, _l, _play, mine in self.voices:
            mine.setEnabled(False)
        window.tasks.run_op(lambda: identify_me(library, recording_id, speaker),
                            done=window._show_transcript, failed=self._failed)

    def _failed(self, error: Exception) -> None:
        for _s, _l, _play, mine in self.voices:
            mine.setEnabled(True)
        self.owner.show_failure(error)


class QuestionsPanel(Retranslatable, QWidget):
    """The questions they asked, my answer to the one chosen, and who talked how much."""

    def __init__(self, window: TranscriptWindow):
        super().__init__()
        self.owner = window
        self.review: Review | None = None
        self._shown: QuestionAnswer | None = None  # the answer whose metrics are shown
        self._asked = 0  # the newest computation asked for; older results are dropped
        self.heading = QLabel()
        self.heading.setObjectName("questionsHeading")
        self.talk_time = QLabel()
        self.talk_time.setWordWrap(True)
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.itemClicked.connect(lambda item: self.play_question(self.questions.row(item)))
        self.questions.itemActivated.connect(lambda item: self.play_question(self.questions.row(item)))
        self.questions.currentRowChanged.connect(lambda _row: self._show_answer())
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.metrics = MetricsView()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_to_bank(self.questions.currentRow()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._status: Callable[[], str] = lambda: ""
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.answer)
        detail_layout.addWidget(self.metrics)
        detail_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.talk_time)
        layout.addWidget(self.questions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 3)
        self.setStyleSheet(themed("#questionsHeading { font-weight: 600; }"))
        window.tasks.hub.changed.connect(self._on_changes)
        self.hide()
        self.retranslate()

    # -- what is shown ------------------------------------------------------------------------------
    def show_questions(self, transcript: Transcript | None) -> None:
        """Find the questions of ``transcript`` in the background (hidden unless it says who spoke)."""
        wanted = transcript is not None and has_speakers(transcript.segments) and not separated(transcript.segments)
        self.setVisible(wanted)
        self._asked += 1
        if transcript is None or not wanted:
            self.review = None
            return
        asked, library = self._asked, self.owner.library
        if self.review is None:  # a recomputation (the bank changed) keeps what the status says, e.g. "Added"
            self._set_status(lambda: self.tr("Finding their questions…"))

        def compute() -> Review:
            return review_interview(transcript, bank=library.questions.all())

        self.owner.tasks.run(compute, done=lambda review: self._computed(asked, review),
                              failed=lambda error: self._compute_failed(asked, error))

    def _computed(self, asked: int, review: Review) -> None:
        if asked != self._asked:
            return
        row = self.questions.currentRow()
        first, self.review = self.review is None, review
        self.questions.clear()
        for _answer in review.answers:
            self.questions.addItem(QListWidgetItem())
        if not review.answers:
            self._set_status(lambda: self.tr("No questions were found in the interviewer's words."))
        elif first:
            self._set_status(lambda: "")
        self.retranslate()
        if review.answers:
            self.questions.setCurrentRow(min(max(row, 0), len(review.answers) - 1))

    def _compute_failed(self, asked: int, error: Exception) -> None:
        if asked == self._asked:
            self._set_status(lambda: render(error.message) if isinstance(error, FurikaeriError) else str(error))

    def _on_changes(self, changes: Changes) -> None:
        if self.isHidden():
            return
        if changes.questions or self.owner.recording.id in changes.transcripts:
            self.show_questions(self.owner.transcript)

    def _set_status(self, text: Callable[[], str]) -> None:
        """Show a status line; ``text`` is called again when the language changes."""
        self._status = text
        self.status.setText(text())
        self.status.setVisible(bool(self.status.text()))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Questions they asked"))
        self.questions.setAccessibleName(self.tr("Questions they asked (Enter plays from the question)"))
        review = self.review
        if review is not None:
            time = review.talk_time
            if time.me_share is None or time.interviewer_share is None:
                self.talk_time.setText(self.tr("Nobody's speech was recognised."))
            else:
                self.talk_time.setText(self.tr("Talk time: you {mine} ({my_share}%), the interviewer {theirs} "
                                               "({their_share}%).").format(
                    mine=format_time(time.me_ms), my_share=round(time.me_share * 100),
                    theirs=format_time(time.interviewer_ms), their_share=round(time.interviewer_share * 100)))
            for row, answer in enumerate(review.answers):
                item = self.questions.item(row)
                when = format_time(answer.question.start_ms)
                in_bank = self.tr("in the bank")
                mark = f"  ✓ {in_bank}" if answer.in_bank else ""
                item.setText(f"{when}  {answer.question.text}{mark}")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("At {time}: {question}").format(
                    time=when, question=answer.question.text))
        self.talk_time.setVisible(review is not None)
        self.status.setText(self._status())
        self._show_answer()

    def current(self) -> QuestionAnswer | None:
        row = self.questions.currentRow()
        return self.review.answers[row] if self.review is not None and 0 <= row < len(self.review.answers) else None

    def _show_answer(self) -> None:
        answer = self.current()
        self.add_button.setVisible(answer is not None)
        self.add_button.setEnabled(answer is not None and not answer.in_bank)
        self.add_button.setText(self.tr("Already in your question bank") if answer is not None and answer.in_bank
                                else self.tr("Add to question bank"))
        self.add_button.setAccessibleName(self.add_button.text())
        self.metrics.setVisible(answer is not None and answer.answered)
        if answer is None:
            self.answer.clear()
        elif not answer.answered:
            self.answer.setText(self.tr("You did not answer this question."))
        else:
            self.answer.setText(self.tr("Your answer: {start}–{end} (target {target} s)").format(
                start=format_time(answer.question.answer_start_ms or 0),
                end=format_time(answer.question.answer_end_ms or 0), target=answer.target_s))
        same = answer is not None and self._shown is not None and answer.question == self._shown.question \
            and answer.metrics == self._shown.metrics  # the bank or the language changed: the metrics stay
        self._shown = answer
        if answer is not None and answer.answered and not same:
            values = [v for v in answer.metrics.to_dict()["metrics"] if v["key"] in KEY_METRICS]
            self.metrics.set_metrics({"values": values}, answer.metrics.language)

    # -- actions -----------------------------------------------------------------------------------
    def play_question(self, row: int) -> None:
        if self.review is not None and 0 <= row < len(self.review.answers):
            self.owner.play_from(self.review.answers[row].question.start_ms)

    def add_to_bank(self, row: int) -> None:
        """Put the question of ``row`` into the bank (recognised, not added twice, when it is there)."""
        if self.review is None or not 0 <= row < len(self.review.answers):
            return
        question = self.review.answers[row].question
        library, interview_id = self.owner.library, self.owner.recording.interview_id
        self.add_button.setEnabled(False)
        self.owner.tasks.run_op(
            lambda: add_asked_question(library, interview_id, question.text, question.language),
            done=lambda saved: self._added(question.text, saved), failed=self._add_failed)

    def _added(self, text: str, saved: AskedQuestionSaved) -> None:
        self._set_status((lambda: self.tr("Added to your question bank.")) if saved.added
                         else (lambda: self.tr("Already in your question bank: not added again.")))
        if self.review is not None:
            answers = tuple(replace(a, bank_key=saved.question.key) if a.question.text == text else a
                            for a in self.review.answers)
            self.review = replace(self.review, answers=answers)
        self.retranslate()

    def _add_failed(self, error: Exception) -> None:
        self._show_answer()
        self._set_status(lambda: render(error.message) if isinstance(error, FurikaeriError) else str(error))


class InterviewReview(QObject):
    """The transcript window's interview review: :attr:`voice_bar` above the table, :attr:`panel` beside it."""

    def __init__(self, window: TranscriptWindow):
        super().__init__(window)
        self.voice_bar = VoiceBar(window)
        self.panel = QuestionsPanel(window)

    def beside(self, table: QWidget) -> QSplitter:
        """``table`` with the questions panel on its right."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def show(self, transcript: Transcript | None) -> None:
        self.voice_bar.show_voices(transcript)
        self.panel.show_questions(transcript)
