"""The status bar's permanent facts: can we record, is the speech model ready."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from core.messages import Message
from gui.i18n import Retranslatable, render

if TYPE_CHECKING:
    from core.audio.devices import AudioStatus


class AppStatusBar(Retranslatable, QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.recording = QLabel()
        self.recording.setObjectName("recordingAvailability")
        self.model = QLabel()
        self.model.setObjectName("modelState")
        self.addWidget(self.recording, 1)
        self.addPermanentWidget(self.model)
        self._audio: AudioStatus | None = None
        # The detail depends on the state: (done, total) while preparing, the problem when unavailable.
        self._model_state: tuple[str, Any] = ("checking", None)
        self.retranslate()

    # -- recording availability ------------------------------------------------
    def show_audio(self, status: AudioStatus) -> None:
        self._audio = status
        self._render_audio()

    def _render_audio(self) -> None:
        status = self._audio
        if status is None:
            self.recording.setText(self.tr("Checking the microphone…"))
            self.recording.setToolTip("")
        elif status.available:
            default = next((d for d in status.devices if d.is_default), status.devices[0])
            self.recording.setText(self.tr("Recording available: {device}").format(device=default.name))
            self.recording.setToolTip("")
        else:
            reason = render(status.problem) if status.problem else ""
            self.recording.setText(self.tr("Recording unavailable: {reason}").format(reason=reason))
            self.recording.setToolTip(reason)

    # -- speech model ------------------------------------------------------------
    def show_model_preparing(self, done: int = 0, total: int = 0) -> None:
        self._model_state = ("preparing", (done, total))
        self._render_model()

    def show_model_ready(self) -> None:
        self._model_state = ("ready", None)
        self._render_model()

    def show_model_problem(self, problem: Message | str) -> None:
        self._model_state = ("problem", problem)
        self._render_model()

    def _render_model(self) -> None:
        state, detail = self._model_state
        if state == "checking":
            self.model.setText(self.tr("Speech model: checking…"))
        elif state == "preparing":
            done, total = detail
            percent = int(100 * done / total) if total else 0
            self.model.setText(self.tr("Speech model: preparing ({percent}%)").format(percent=percent))
        elif state == "ready":
            self.model.setText(self.tr("Speech model: ready"))
        else:
            text = render(detail) if isinstance(detail, Message) else str(detail)
            self.model.setText(self.tr("Speech model: unavailable"))
            self.model.setToolTip(text)

    def retranslate(self) -> None:
        self._render_audio()
        self._render_model()
