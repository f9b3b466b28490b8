"""The main window's transcripts and playback: the one speech worker, a transcript window per recording, and the
time links between the notes and the audio (a click plays from there; a time noted from the playback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from core.ops import Changes
from core.recording.store import Recording
from core.settings import AUTO_TRANSCRIBE

if TYPE_CHECKING:
    from core.transcription.service import TranscriptionService
    from gui.main_window import MainWindow
    from gui.transcript_window import TranscriptWindow


class TranscriptsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service_made: TranscriptionService | None = None
        self.windows: dict[int, TranscriptWindow] = {}
        window.tasks.hub.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """A deleted recording's transcript window closes: nothing of it stays on screen."""
        for window in list(self.windows.values()):
            recording = window.recording
            if recording.id in changes.deleted_recordings or recording.interview_id in changes.deleted_interviews:
                window.close()

    def service(self) -> TranscriptionService:
        """The one worker process for speech recognition, started on first use."""
        if self.service_made is None:
            from core.transcription.service import TranscriptionService

            self.service_made = TranscriptionService()
        return self.service_made

    def open(self, recording: Recording, transcribe_if_missing: bool = True) -> TranscriptWindow:
        main = self.window
        window = self.windows.get(recording.id)
        if window is None:
            from gui.transcript_window import TranscriptWindow

            window = TranscriptWindow(main.library, recording, self.service, main.settings, main, hub=main.tasks.hub)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _=None, rid=recording.id: self.windows.pop(rid, None))
            window.time_note_requested.connect(self.time_note_from_playback)
            self.windows[recording.id] = window
            live = main.pane.recorder.live
            if live.running and live.recording_id == recording.id:  # being transcribed as it was recorded
                window.await_live(live)
            elif transcribe_if_missing:
                opened = window
                window.loaded.connect(lambda: opened.transcribe() if opened.transcript is None else None)
            window.start()
        window.show()
        window.raise_()
        return window

    def media_position(self) -> int | None:
        """Where the current interview's audio is now: the recording running, else the playback shown."""
        pane = self.window.pane
        recorder = pane.recorder
        if recorder.is_recording():
            return int(recorder.elapsed_s * 1000)
        interview = pane.interview
        windows = [w for w in self.windows.values()
                   if interview is not None and w.recording.interview_id == interview.id]
        from PySide6.QtMultimedia import QMediaPlayer  # loaded with the transcript window

        playing = [w for w in windows if w.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState]
        for window in playing + [w for w in windows if w.player.position() > 0]:
            return window.player.position()
        return None

    def play_from_notes(self, position_ms: int) -> None:
        """A time link was clicked: play the interview's recording from there."""
        pane, status = self.window.pane, self.window.statusBar()
        interview = pane.interview
        if interview is None:
            return
        if pane.recorder.is_recording():
            status.showMessage(self.tr("Playback is possible once the recording has stopped."), 8000)
            return
        shown = [w for w in self.windows.values() if w.recording.interview_id == interview.id]
        recording = shown[0].recording if len(shown) == 1 else pane.recorder.playable_recording()
        if recording is None or recording.interview_id != interview.id or recording.duration_ms <= 0:
            status.showMessage(self.tr("This interview has no recording to play yet."), 8000)
            return
        self.open(recording, transcribe_if_missing=False).play_from(position_ms)

    def time_note_from_playback(self, recording: Recording, position_ms: int) -> None:
        pane, status = self.window.pane, self.window.statusBar()
        interview = pane.interview
        if interview is None or interview.id != recording.interview_id or pane.recorder.is_recording():
            status.showMessage(self.tr(
                "Select this recording's interview in the library to add times to its notes."), 8000)
            return
        pane.notes.insert_time(position_ms)
        status.showMessage(self.tr("Time added to the notes."), 5000)

    def recording_saved(self, recording: Recording) -> None:
        if self.window.settings.get(AUTO_TRANSCRIBE) and recording.duration_ms > 0:
            self.open(recording)

    def close_windows(self) -> None:
        for window in list(self.windows.values()):
            window.close()

    def shutdown(self) -> None:
        """The speech worker ended (the main window closes, its tasks done)."""
        if self.service_made is not None:
            self.service_made.shutdown()
