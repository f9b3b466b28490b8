"""Settings' "Your voice" group: the user's own voice profile (opt-in), made and deleted on request.

What it shows comes from :func:`core.ops.voice_profile.status` (read off the
UI thread): no profile, a profile made on a date from some practice
recordings, or a profile file that cannot be read (then Delete is offered).
Making one runs :func:`core.ops.voice_profile.create` on the task runner
with a progress bar; a :class:`ProfileMaker` shared by every Settings dialog
keeps one making at a time, so closing and opening Settings again shows it
still running.  Interviewers' voice features are never kept (the box says so).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.library import Library
from core.messages import FurikaeriError, Message
from core.ops import voice_profile
from gui.dates import format_day
from gui.i18n import Retranslatable, render
from gui.tasks import TaskRunner

STEPS = 1000  # of the progress bar


def _why(error: Exception) -> Message:
    if isinstance(error, FurikaeriError):
        return error.message
    return Message("VoiceProfileBox", "{error}", {"error": str(error) or type(error).__name__})


class ProfileMaker(QObject):
    """Makes the voice profile in the background, one making at a time for the whole window."""

    progressed = Signal(float)  # 0..1
    finished = Signal(object)  # None when the profile was made, else the Message saying why not

    @classmethod
    def of(cls, tasks: TaskRunner) -> ProfileMaker:
        """The window's one maker (a child of its task runner), made on first use."""
        found = tasks.findChild(cls)
        return found if isinstance(found, cls) else cls(tasks)

    def __init__(self, tasks: TaskRunner):
        super().__init__(tasks)
        self.tasks = tasks
        self.running = False
        self.fraction = 0.0

    def start(self, library: Library) -> None:
        if self.running:
            return
        self.running, self.fraction = True, 0.0
        self.tasks.run_op(lambda report: voice_profile.create(library, lambda fraction: report(fraction, 1.0)),
                          done=lambda _made: self._end(None), failed=lambda error: self._end(_why(error)),
                          progress=self._progress)

    def _progress(self, done: float, total: float) -> None:
        self.fraction = done / total if total else 0.0
        self.progressed.emit(self.fraction)

    def _end(self, problem: Message | None) -> None:
        self.running = False
        self.finished.emit(problem)


class VoiceProfileBox(Retranslatable, QGroupBox):
    status_shown = Signal()  # the status was read and is on screen (after opening, making or deleting)

    def __init__(self, library: Library, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = TaskRunner(self, max_threads=1, hub=tasks.hub)  # its reads die with it (a closed dialog)
        self.maker = ProfileMaker.of(tasks)  # the app's: a profile being made is finished after the dialog closes
        self.maker.progressed.connect(self._progressed)
        self.maker.finished.connect(self._made)
        self.status: voice_profile.Status | None = None
        self._outcome: Callable[[], str] = self._making if self.maker.running else lambda: ""

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.recordings_label = QLabel()
        self.recordings_label.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.interviewers = QLabel()
        self.interviewers.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, STEPS)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.make_button = QPushButton()
        self.make_button.clicked.connect(self.make)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.ask_delete)

        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.recordings_label)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.outcome)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.interviewers)
        self.setTabOrder(self.make_button, self.delete_button)
        self.setMinimumWidth(self.fontMetrics().height() * 40)  # a few lines each, not a tall column
        self.retranslate()
        self._show()
        self.load()

    # -- reading the status ----------------------------------------------------------------------
    def load(self) -> None:
        """Read the status anew in the background; :attr:`status_shown` follows."""
        library = self.library
        self.tasks.run_op(lambda: voice_profile.status(library), done=self._loaded,
                          failed=lambda error: self._failed(_why(error)))

    def _loaded(self, status: voice_profile.Status) -> None:
        self.status = status
        self._show()
        self.status_shown.emit()

    def _failed(self, problem: Message) -> None:
        self._outcome = lambda: render(problem)
        self._show()
        self.status_shown.emit()

    # -- making and deleting ---------------------------------------------------------------------
    def make(self) -> None:
        if self.maker.running or not self.make_button.isEnabled():
            return
        self._outcome = self._making
        self.maker.start(self.library)
        self._show()

    def _making(self) -> str:
        return self.tr("Making your voice profile from your practice recordings…")

    def _progressed(self, fraction: float) -> None:
        self.progress_bar.setValue(round(fraction * STEPS))

    def _made(self, problem: Message | None) -> None:
        if problem is None:
            self._outcome = lambda: self.tr("Your voice profile was made. It stays on this computer.")
        else:
            self._outcome = lambda: self.tr("Your voice profile could not be made: {reason}").format(
                reason=render(problem))
        self._show()
        self.load()

    def ask_delete(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete your voice profile"), self.tr(
            "Delete your voice profile from this computer? Your turns in recordings made in a room will no longer "
            "be marked as yours automatically. You can make it again at any time."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            library = self.library
            self.tasks.run_op(lambda: voice_profile.delete(library), done=self._deleted,
                              failed=lambda error: self._failed(_why(error)))

    def _deleted(self, _there: bool) -> None:
        self._outcome = lambda: self.tr("Your voice profile was deleted.")
        self.load()

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Your voice"))
        self.explanation.setText(self.tr(
            "The profile is made only from your practice recordings made alone (your voice, with your consent); it "
            "stays on this computer and can be deleted at any time."))
        self.interviewers.setText(self.tr(
            "Interviewers' voices are never kept: their voice features are computed only inside the analysis of one "
            "recording and written nowhere."))
        self.delete_button.setText(self.tr("Delete my voice profile"))
        self.delete_button.setAccessibleDescription(self.tr("Removes your voice profile from this computer"))
        self.progress_bar.setAccessibleName(self.tr("Making your voice profile"))
        self.status_label.setAccessibleName(self.tr("Your voice profile"))
        self.recordings_label.setAccessibleName(self.tr("Practice recordings for your voice profile"))
        self._show()

    def _show(self) -> None:
        status, running = self.status, self.maker.running
        made = status is not None and status.made is not None
        self.status_label.setText(self._status_text())
        self.recordings_label.setText(self._recordings_text())
        self.make_button.setText(self.tr("Make it again") if made else self.tr("Make my voice profile"))
        usable = status is not None and status.practice_recordings > 0
        self.make_button.setEnabled(usable and not running)
        self.make_button.setAccessibleDescription(
            self.explanation.text() if usable or status is None else self.recordings_label.text())
        self.delete_button.setVisible(status is not None and (made or status.problem is not None))
        self.delete_button.setEnabled(not running)
        self.progress_bar.setVisible(running)
        if running:
            self.progress_bar.setValue(round(self.maker.fraction * STEPS))
        self.outcome.setText(self._outcome())
        self.outcome.setVisible(bool(self.outcome.text()))

    def _status_text(self) -> str:
        status = self.status
        if status is None:
            return self.tr("Looking for your voice profile…")
        if status.problem is not None:
            return render(status.problem)
        if status.made is None:
            return self.tr("Not made. With a profile, your turns in a recording made in a room are marked as yours "
                           "automatically.")
        date = format_day(status.made.created_at)
        if status.made.recordings == 1:
            return self.tr("Made on {date} from 1 practice recording ({seconds} s of your speech).").format(
                date=date, seconds=round(status.made.speech_s))
        return self.tr("Made on {date} from {count} practice recordings ({seconds} s of your speech).").format(
            date=date, count=status.made.recordings, seconds=round(status.made.speech_s))

    def _recordings_text(self) -> str:
        status = self.status
        if status is None:
            return ""
        if status.practice_recordings == 0:
            return self.tr("There are no practice recordings of you alone yet: record a few practice answers first "
                           "(Practice in the toolbar), then make your voice profile.")
        if status.practice_recordings == 1:
            return self.tr("1 practice recording made alone can be used.")
        return self.tr("{count} practice recordings made alone can be used.").format(
            count=status.practice_recordings)
