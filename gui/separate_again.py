"""The transcript window's "Tell the voices apart again…": another number of voices, without transcribing again.

:class:`SeparateAgain` owns the action's button (shown for a real interview
recorded on one microphone that has a transcript) and :class:`VoicesDialog`,
where the user chooses the number of voices (Auto, 2–5).  The job runs in the
speech worker (:func:`core.ops.separation.separate_again`) with the window's
progress bar and Cancel; when it is saved, its changes go out through the
window's change hub and the window shows the recording's newest transcript
from there (:meth:`gui.transcript_window.TranscriptWindow._on_changes`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.interviews import InterviewKind
from core.ops import separation as separation_ops
from core.transcription.model import Transcript
from core.transcription.speakers import two_track_partner
from gui.i18n import Retranslatable
from gui.tasks import UiCallback

if TYPE_CHECKING:
    from gui.transcript_window import TranscriptWindow

COUNTS = (None, 2, 3, 4, 5)  # None: estimate


class VoicesDialog(Retranslatable, QDialog):
    """How many voices to tell apart."""

    def __init__(self, parent: QWidget | None = None, current: int | None = None):
        super().__init__(parent)
        self.setObjectName("voicesDialog")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.count = QComboBox()
        self.count_label = QLabel()
        self.count_label.setBuddy(self.count)
        form = QFormLayout()
        form.addRow(self.count_label, self.count)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.count.setCurrentIndex(max(0, self.count.findData(current)))
        self.count.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tell the voices apart again"))
        self.explanation.setText(self.tr(
            "Furikaeri listens to the recording again to find who spoke when. The words are not transcribed "
            "again, and your corrections and the names you gave are kept."))
        self.count_label.setText(self.tr("&Number of voices:"))
        self.count.setAccessibleName(self.tr("Number of voices"))
        chosen = self.count.currentIndex()
        self.count.clear()
        for count in COUNTS:
            self.count.addItem(self.tr("Auto (estimate)") if count is None else str(count), count)
        self.count.setCurrentIndex(max(0, chosen))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Tell apart"))
        ok.setAccessibleName(self.tr("Tell the voices apart"))

    def speakers(self) -> int | None:
        value = self.count.currentData()
        return int(value) if value is not None else None


class SeparateAgain(QObject):
    """The action in the transcript window (see the module doc); the window calls :meth:`retranslate`."""

    def __init__(self, window: TranscriptWindow):
        super().__init__(window)
        self.owner = window
        self.button = QPushButton()
        self.button.setObjectName("separateAgainButton")
        self.button.clicked.connect(lambda: self.ask())
        self.button.hide()
        self.dialog: VoicesDialog | None = None
        self.possible = False  # a real interview on one microphone
        self._done = UiCallback(self._finished, self)
        self._shown: Transcript | None = None
        library, recording = window.library, window.recording
        window.tasks.run(lambda: library.interviews.get(recording.interview_id).kind is InterviewKind.REAL
                         and two_track_partner(recording.path) is None, done=self._checked, failed=lambda _e: None)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Tell the voices apart again…"))
        self.button.setAccessibleName(self.tr("Tell the voices apart again, with another number of voices"))
        self.button.setToolTip(self.tr("Find who spoke when again, without transcribing again"))

    def _checked(self, possible: bool) -> None:
        self.possible = possible
        self.show_for(self._shown)

    def show_for(self, transcript: Transcript | None) -> None:
        """Offer the action when ``transcript`` (the one the window shows) can get its voices told apart again."""
        self._shown = transcript
        self.button.setVisible(self.possible and transcript is not None)

    def ask(self) -> None:
        """Open the dialog; on OK the voices are told apart again."""
        if self.owner.job is not None:
            return
        current = self._shown.settings.speakers if self._shown is not None else None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = VoicesDialog(self.owner, current)
        self.dialog.accepted.connect(lambda: self.start(self.dialog.speakers() if self.dialog else None))
        self.dialog.open()

    def start(self, speakers: int | None) -> None:
        window = self.owner
        if window.job is not None:
            return
        try:
            window.job = separation_ops.separate_again(window.library, window._service(), window.recording, speakers,
                                                       on_done=self._done, on_progress=window._progress_callback)
        except separation_ops.SeparationRefusedError as error:
            window.show_failure(error)
            return
        window._set_running(True)
        window.set_status(lambda: self.tr("Telling the voices apart on this computer…"))

    def _finished(self, outcome: separation_ops.Outcome) -> None:
        window = self.owner
        cancelled = window.job is not None and window.job.cancelled
        window.job = None
        window._set_running(False)
        if not isinstance(outcome, Exception):
            window.tasks.hub.publish(outcome.changes)  # the window shows the new transcript from there
        elif cancelled:
            window.set_status(lambda: self.tr("Cancelled: the transcript is unchanged."))
        else:
            window.show_failure(outcome)
