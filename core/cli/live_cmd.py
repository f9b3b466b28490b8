"""``main.py record --transcribe``: the recording transcribed while it is made, its transcript written beside it.

The transcript is made by the same live transcription as the app's
(:mod:`core.ops.live`), stored in the library like any transcript, and written
as text beside the recording (``<recording>.transcript.txt``, readable only by
you, with the privacy line on top); its path is printed.  A transcription that
fails never costs the recording: it is saved first, and the failure is said in
one sentence (exit status 1).
"""

from __future__ import annotations

import threading

from core.cli.output import Output
from core.fsutil import OutputError
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, printable
from core.ops import live as live_ops
from core.ops.transcription import Outcome, speaker_names
from core.recording.files import transcript_text_path
from core.recording.session import RecordingSession
from core.recording.store import Recording


class LiveCli:
    """The live transcription of one command-line recording."""

    def __init__(self, library: Library, session: RecordingSession, language: str) -> None:
        from core.settings import SPEECH_MODEL, Settings
        from core.transcription.model import TranscriptionSettings
        from core.transcription.service import TranscriptionService

        self.library = library
        self.service = TranscriptionService(idle_timeout_s=0.0)
        self._done = threading.Event()
        self._outcome: list[Outcome] = []
        settings = TranscriptionSettings(model=Settings().get(SPEECH_MODEL),
                                         language=None if language == "auto" else language)
        self.live = live_ops.follow(library, self.service, session, settings, on_done=self._finished)

    def _finished(self, outcome: Outcome) -> None:
        self._outcome.append(outcome)
        self._done.set()

    def finish(self, recording: Recording, out: Output) -> int:
        """After the recording stopped: wait for the last piece, write the transcript; 0, or 1 when it failed."""
        from core.export import export_transcript

        t = out.t
        self.live.recording_stopped()
        out.print(t(QT_TRANSLATE_NOOP("CLI", "Finishing the transcript…")))
        try:
            while not self._done.wait(0.2):
                pass
        except KeyboardInterrupt:
            self.live.cancel()
            self._done.wait(5.0)
        finally:
            self.service.shutdown()
        outcome = self._outcome[0] if self._outcome else None
        if outcome is None or isinstance(outcome, Exception):
            message = outcome.message if isinstance(outcome, FurikaeriError) else t(QT_TRANSLATE_NOOP(
                "CLI", "The transcript could not be made: {error}")).format(error=outcome)
            out.error(message)
            again = t(QT_TRANSLATE_NOOP("CLI", "The recording is kept; transcribe it again with "
                                               "“main.py transcribe {path}”."))
            out.error(again.format(path=printable(str(recording.path))))
            return 1
        transcript = outcome.value
        language = transcript.language if transcript.language in ("ja", "en") else "en"
        path = transcript_text_path(recording.path)
        try:
            export_transcript(transcript, "txt", path, title=recording.path.stem, language=language,
                              speaker_names=speaker_names(self.library, recording, language))
        except OutputError as error:
            out.error(error.message)
            return 1
        out.print(t(QT_TRANSLATE_NOOP("CLI", "Transcript: {path}")).format(path=printable(str(path))))
        if transcript.problem is not None:
            out.error(transcript.problem)
        return 0
