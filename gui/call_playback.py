"""Playing an online interview's two tracks together: the call's track follows the microphone's player.

The recording's own file (the microphone) stays the one the window's
QMediaPlayer plays, seeks and reports positions for; when ``<audio>.call.wav``
exists beside it, a second player plays it in step: play, pause, stop and
speed follow the first, and whenever the two positions drift more than
:data:`RESYNC_MS` apart (a seek, or the two outputs' clocks) the call's
player is set to the first one's position.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from core.recording.files import call_track_path

RESYNC_MS = 80  # further apart than this, the call is put back in step (a seek is always further)


class CallPlayback(QObject):
    """Follows ``lead`` with a player of its own for the call's track; inert when there is no call track."""

    def __init__(self, lead: QMediaPlayer, audio: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.path = call_track_path(audio)
        self.player: QMediaPlayer | None = None
        self.resyncs = 0  # how often the call was put back in step
        if not self.path.exists():
            return
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.player.setSource(QUrl.fromLocalFile(str(self.path)))
        # Queued: the call's player acts once the lead's own change is done (never inside it, where the
        # multimedia backend may still hold its locks).
        queued = Qt.ConnectionType.QueuedConnection
        lead.playbackStateChanged.connect(self._follow_state, queued)
        lead.playbackRateChanged.connect(self.player.setPlaybackRate, queued)
        lead.positionChanged.connect(self._follow_position, queued)

    def _follow_state(self, state: QMediaPlayer.PlaybackState) -> None:
        assert self.player is not None
        state = self.lead.playbackState()  # the lead's state now, not when the change was queued
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self._resync()
            self.player.play()
        elif state == QMediaPlayer.PlaybackState.PausedState:
            self.player.pause()
            self._resync()
        else:
            self.player.stop()

    def _follow_position(self, position_ms: int) -> None:
        assert self.player is not None
        if abs(self.player.position() - position_ms) > RESYNC_MS:
            self._resync()

    def _resync(self) -> None:
        assert self.player is not None
        if self.player.position() != self.lead.position():
            self.resyncs += 1
            self.player.setPosition(self.lead.position())
