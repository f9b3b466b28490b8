"""Tell one microphone's voices apart again, with another number of speakers, without transcribing again.

:func:`separate_again` queues a separation-only job in the speech worker
(:meth:`core.transcription.service.TranscriptionService.separate`: no speech
model, the same progress and cancel) and returns it at once.  When it is done,
the new voices are put on the recording's newest transcript *as it is then*
(so a correction saved meanwhile is kept), and the result is stored as the
recording's newest transcript, in one transaction; ``on_done`` receives the
:class:`~core.ops.Result` (``Changes(transcripts={recording id})``) or the
exception.  A failed or cancelled job stores nothing: the transcript stays as
it was.  How corrections, speaker names and "this is me" are kept:
:mod:`core.transcription.reseparate`.

Only a real interview recorded on one microphone has voices to tell apart:
practice (the user alone) and a recording with a call track (which already
says who spoke) are refused with :class:`SeparationRefusedError`.
"""

from __future__ import annotations

from collections.abc import Callable

from core.interviews import InterviewKind
from core.library import Library
from core.messages import QT_TRANSLATE_NOOP, FurikaeriError, Message
from core.ops.changes import Changes, Result
from core.recording.store import Recording
from core.transcription import reseparate
from core.transcription.model import Transcript, TranscriptionSettings
from core.transcription.service import Job, TranscriptionService
from core.transcription.speakers import MAX_SEPARATED, two_track_partner

CONTEXT = "Separation"
Outcome = Result[Transcript] | Exception


class SeparationRefusedError(FurikaeriError):
    """This recording's voices cannot be told apart again; ``message`` says why."""


def refusal(library: Library, recording: Recording) -> Message | None:
    """Why the voices of ``recording`` cannot be told apart again, or None when they can."""
    interview = library.interviews.get(recording.interview_id)
    if interview.kind is not InterviewKind.REAL:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Separation", "A practice recording holds your voice alone: there are no voices to tell apart."))
    if two_track_partner(recording.path) is not None:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Separation", "This recording has the call's sound on a track of its own, which already says who "
                          "spoke: there are no voices to tell apart on one microphone."))
    if not recording.has_audio:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Separation", "The audio of this recording was deleted under your retention settings."))
    if library.transcripts.latest_id_for_recording(recording.id) is None:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Separation", "This recording has no transcript yet: transcribe it first."))
    return None


def store(library: Library, recording: Recording, separation: reseparate.Separation) -> Result[Transcript]:
    """Put ``separation`` on the recording's newest transcript and keep the result as its newest, at once."""
    with library.transaction():
        newest = library.transcripts.latest_for_recording(recording.id)
        if newest is None:  # deleted while the voices were told apart
            raise SeparationRefusedError(Message(CONTEXT, QT_TRANSLATE_NOOP(
                "Separation", "This recording has no transcript yet: transcribe it first.")))
        saved = library.transcripts.save(reseparate.apply(newest, separation))
    return Result(saved, Changes(transcripts=frozenset({recording.id})))


def separate_again(library: Library, service: TranscriptionService, recording: Recording, speakers: int | None,
                   on_done: Callable[[Outcome], None], on_progress: Callable[[float], None] | None = None) -> Job:
    """Tell the voices of ``recording`` apart again, ``speakers`` of them (None: estimated); returns the job.

    Raises :class:`SeparationRefusedError` at once for a recording that has no
    voices to tell apart (see the module doc) and ``ValueError`` for a number
    of speakers outside 1..9.
    """
    if speakers is not None and not 1 <= speakers <= MAX_SEPARATED:
        raise ValueError(f"speakers must be from 1 to {MAX_SEPARATED}, or None to estimate them")
    if (why := refusal(library, recording)) is not None:
        raise SeparationRefusedError(why)

    def finished(job: Job) -> None:
        try:
            outcome: Outcome = store(library, recording, job.wait_separation(0))
        except Exception as error:  # noqa: BLE001 - cancelled, failed, or not kept: handed on, never lost
            outcome = error
        on_done(outcome)

    settings = TranscriptionSettings(separate=True, speakers=speakers)
    return service.separate(recording.path, settings, on_progress, on_done=finished, recording_id=recording.id)
