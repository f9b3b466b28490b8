"""The transcript made while recording, seen from the GUI: one object per recording, and the line that shows it.

:class:`LiveTranscription` starts :func:`core.ops.live.follow` when a
recording starts (unless Settings → "Transcribe while recording" is off), says
how far the transcript has got (:attr:`progressed`), is told when the recording
has stopped (:meth:`end`), then publishes the stored transcript's changes to
every screen and emits :attr:`finished` with the outcome — all on the UI
thread.  The recording panel and the practice session use it; the transcript
window and the practice review wait for it instead of transcribing again.

:class:`LiveLine` is the line under the recording controls: "Transcript: up to
12:10 of 12:30", then "Finishing the transcript…", with a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from core.messages import FurikaeriError
from core.settings import LIVE_TRANSCRIBE, Settings
from gui.i18n import Retranslatable, render
from gui.tasks import TaskRunner, UiCallback

if TYPE_CHECKING:
    from core.library import Library
    from core.ops.live import LiveTranscript
    from core.recording.session import RecordingSession
    from core.transcription.model import TranscriptionSettings
    from core.transcription.service import TranscriptionService


def clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class LiveTranscription(QObject):
    """One recording at a time transcribed as it is made (see the module doc)."""

    progressed = Signal(float, float)  # seconds transcribed, seconds recorded
    stopping = Signal()  # the recording stopped: the last piece is being transcribed
    finished = Signal(object)  # core.ops.transcription.Outcome: the stored Result, or the exception

    def __init__(self, library: Library, tasks: TaskRunner, settings: Settings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.tasks = library, tasks
        self.settings = settings or Settings()
        self.service: Callable[[], TranscriptionService] | None = None  # given by the main window or the practice page
        self.live: LiveTranscript | None = None
        self.outcome: Any = None  # the last one's, once finished
        self._starting = False  # follow() runs off the UI thread
        self._end_asked = False  # the recording stopped before follow() returned
        self._progress = UiCallback(self._on_progress, self)
        self._done = UiCallback(self._on_done, self)

    @property
    def running(self) -> bool:
        return self.live is not None or self._starting

    @property
    def recording_id(self) -> int | None:
        return self.live.recording_id if self.live is not None else None

    def begin(self, session: RecordingSession, settings: TranscriptionSettings) -> bool:
        """Start following ``session``'s recording (its context is read off the UI thread); False when switched
        off or no speech service is at hand."""
        from core.ops import live as live_ops

        if self.service is None or not self.settings.get(LIVE_TRANSCRIBE) or self._starting or self.live is not None:
            return False
        self.outcome, self._starting, self._end_asked = None, True, False
        library, service, done, progress = self.library, self.service(), self._done, self._progress
        self.tasks.run(lambda: live_ops.follow(library, service, session, settings, on_done=done,
                                               on_progress=progress),
                       done=self._following, failed=self._not_started)
        return True

    def _following(self, live: LiveTranscript) -> None:
        self._starting, self.live = False, live
        if self._end_asked:
            self.end()

    def _not_started(self, error: Exception) -> None:  # e.g. no speech model: the recording goes on regardless
        self._starting = False
        self.outcome = error
        self.finished.emit(error)

    def end(self) -> None:
        """The recording has stopped and is saved: transcribe the rest."""
        if self._starting:
            self._end_asked = True
        elif self.live is not None:
            self.live.recording_stopped()
            self.stopping.emit()

    def cancel(self) -> None:
        if self.live is not None:
            self.live.cancel()

    def _on_progress(self, _fraction: float) -> None:
        if self.live is not None:
            self.progressed.emit(*self.live.job.caught)

    def _on_done(self, outcome: Any) -> None:
        self.live, self.outcome = None, outcome
        if not isinstance(outcome, Exception):
            self.tasks.hub.publish(outcome.changes)
        self.finished.emit(outcome)


class LiveLine(Retranslatable, QWidget):
    """How far the transcript of the recording in progress has got (hidden when there is none)."""

    def __init__(self, live: LiveTranscription, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.label = QLabel()
        self.label.setObjectName("liveTranscriptLabel")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setObjectName("liveTranscriptProgress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.label.setBuddy(self.bar)
        self._state: tuple[str, float, float] = ("idle", 0.0, 0.0)
        self._error = ""
        live.progressed.connect(lambda heard, recorded: self._set(("following", heard, recorded)))
        live.stopping.connect(lambda: self._set(("finishing", *self._state[1:])))
        live.finished.connect(self._finished)
        self.hide()
        self.retranslate()

    def started(self) -> None:
        self._error = ""
        self._set(("following", 0.0, 0.0))

    def _finished(self, outcome: object) -> None:
        if isinstance(outcome, Exception):
            self._error = render(outcome.message) if isinstance(outcome, FurikaeriError) else str(outcome)
            self._set(("failed", 0.0, 0.0))
        else:
            self._set(("idle", 0.0, 0.0))

    def _set(self, state: tuple[str, float, float]) -> None:
        self._state = state
        self.retranslate()

    def retranslate(self) -> None:
        kind, heard, recorded = self._state
        self.setVisible(kind != "idle")
        self.bar.setVisible(kind in ("following", "finishing"))
        self.bar.setValue(int(1000 * min(1.0, heard / recorded)) if recorded > 0 else 0)
        if kind == "following":
            text = self.tr("Transcript: up to {heard} of {recorded}").format(heard=clock(heard),
                                                                              recorded=clock(recorded))
        elif kind == "finishing":
            text = self.tr("Finishing the transcript…")
        elif kind == "failed":
            text = self.tr("The transcript could not be made while recording ({error}). The recording is kept: "
                           "open its transcript to try again.").format(error=self._error)
        else:
            text = ""
        self.label.setText(text)
        self.bar.setAccessibleName(self.tr("How far the transcript has got"))
        self.label.setWordWrap(kind == "failed")
