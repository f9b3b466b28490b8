"""Whether practice can record: the microphone checked when the practice page opens, and again on request.

Without an input device "Start practice" stays disabled and this row says why
(it used to stay enabled, then hang on "Starting the microphone…").  Checking
re-initialises PortAudio, which is safe here: practice never opens while the
main window records.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from core.audio.devices import AudioStatus
from gui.i18n import Retranslatable, render
from gui.tasks import TaskRunner
from gui.theme import themed


class MicrophoneCheck(Retranslatable, QWidget):
    changed = Signal(bool)  # whether a microphone is there

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.status: AudioStatus | None = None  # None: being checked
        self.label = QLabel()
        self.label.setObjectName("microphoneProblem")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.again = QPushButton()
        self.again.clicked.connect(lambda: self.check())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.again)
        self.setStyleSheet(themed("#microphoneProblem { color: #b00020; }"))
        self.retranslate()

    @property
    def available(self) -> bool:
        return self.status is not None and self.status.available

    def check(self) -> None:
        """Look for input devices in the background; :attr:`changed` says what was found."""
        from core.audio.devices import audio_status

        self.status = None
        self.retranslate()
        self.changed.emit(False)
        self.tasks.run(lambda: audio_status(rescan=True), done=self._checked)

    def _checked(self, status: AudioStatus) -> None:
        self.status = status
        self.retranslate()
        self.changed.emit(status.available)

    def retranslate(self) -> None:
        status = self.status
        self.again.setText(self.tr("Check again"))
        if status is None:
            self.label.setText(self.tr("Checking the microphone…"))
        elif not status.available:
            reason = render(status.problem) if status.problem else ""
            self.label.setText(self.tr("Practice needs a microphone. {reason}").format(reason=reason).strip())
        self.setVisible(not self.available)
        self.again.setVisible(status is not None and not status.available)
