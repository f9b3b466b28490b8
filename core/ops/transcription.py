"""Transcribe a recording in the speech worker and keep the transcript, without blocking anyone's thread.

:func:`start` queues the job and returns it at once (``job.cancel()`` stops
it).  When the worker is done, the transcript is stored (with the language
the user chose for the interview) on the service's thread, and ``on_done``
receives the :class:`~core.ops.Result` — or the exception, e.g.
:class:`~core.transcription.service.TranscriptionCancelled`.  A GUI wraps both
callbacks so that they run on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from core.interviews import InterviewKind
from core.library import Library
from core.ops.changes import Changes, Result
from core.recording.store import Recording, require_audio
from core.transcription.context import Context, glossary_terms, with_context
from core.transcription.model import Segment, Transcript, TranscriptionSettings
from core.transcription.service import Job, TranscriptionService
from core.transcription.speakers import INTERVIEWER, ME, SPEAKERS, names, two_track_partner

Outcome = Result[Transcript] | Exception


def store(library: Library, recording: Recording, transcript: Transcript, language: str | None) -> Result[Transcript]:
    """Keep ``transcript`` as the recording's newest, and the language chosen for its interview."""
    with library.transaction():
        library.transcripts.remember_language(recording.interview_id, language)
        saved = library.transcripts.save(replace(transcript, recording_id=recording.id, source=recording.file))
    return Result(saved, Changes(transcripts=frozenset({recording.id})))


def context_for(library: Library, recording: Recording, glossary: str | None = None) -> Context:
    """What is known about ``recording`` before it is heard: its interview's company, position, stage and
    interviewers, the practice questions answered in it, and the user's glossary (Settings, unless given)."""
    if glossary is None:
        from core.settings import GLOSSARY, Settings

        glossary = Settings().get(GLOSSARY)
    interview = library.interviews.get(recording.interview_id)
    questions: list[str] = []
    for session in library.practice.sessions_for_recording(recording.id):
        answers = library.practice.answers(session.id)
        questions += [a.question_text for a in answers] if answers else [
            q.text(session.language) for q in library.questions.many(session.plan)]
    return Context(company=interview.company, position=interview.position, stage=interview.stage,
                   interviewers=interview.interviewers, questions=tuple(dict.fromkeys(q for q in questions if q)),
                   glossary=glossary_terms(glossary))


def start(library: Library, service: TranscriptionService, recording: Recording, settings: TranscriptionSettings,
          *, on_done: Callable[[Outcome], None], on_progress: Callable[[float], None] | None = None,
          context: Context | None = None) -> Job:
    """Transcribe ``recording`` and store the result; returns the job at once.

    The speech model is told the interview's own words (:func:`context_for`,
    unless ``context`` is given; :mod:`core.transcription.context`).  A real
    interview recorded on one microphone has two voices: its speakers are
    separated after the words (``settings.separate``), unless a call track
    already says who spoke; practice (one voice) is not separated.
    """
    require_audio(recording)
    settings = settings_for(library, recording, settings, two_tracks=two_track_partner(recording.path) is not None,
                            context=context)
    return service.submit(recording.path, settings, on_progress=on_progress,
                          on_done=storing(library, recording, settings, on_done),
                          source=recording.file, recording_id=recording.id)


def settings_for(library: Library, recording: Recording, settings: TranscriptionSettings, *, two_tracks: bool,
                 context: Context | None = None) -> TranscriptionSettings:
    """``settings`` told what the recording is: its context words, and whether its voices are to be told apart."""
    if two_tracks:  # each track is half silence, where a prompt's words get written; the tracks say who spoke
        return settings
    interview = library.interviews.get(recording.interview_id)
    # Real interviews: names matter most, hotwords too; practice: the fillers matter, the prompt only (context.py).
    settings = with_context(settings, context if context is not None else context_for(library, recording),
                            hotwords=interview.kind is InterviewKind.REAL)
    return replace(settings, separate=True) if interview.kind is InterviewKind.REAL else settings


def storing(library: Library, recording: Recording, settings: TranscriptionSettings,
            on_done: Callable[[Outcome], None]) -> Callable[[Job], None]:
    """A job's ``on_done`` that keeps its transcript and hands ``on_done`` the result (or the exception)."""
    def finished(job: Job) -> None:
        try:
            outcome: Outcome = store(library, recording, job.wait(0), settings.language)
        except Exception as error:  # noqa: BLE001 - cancelled, failed, or not kept: handed on, never lost
            outcome = error
        on_done(outcome)

    return finished


def correct_segment(library: Library, recording_id: int, segment_id: int, text: str | None) -> Result[Segment]:
    """The user's own words for a segment (``None``: back to what Whisper heard); the original is kept."""
    segment = library.transcripts.correct_segment(segment_id, text)
    return Result(segment, Changes(transcripts=frozenset({recording_id})))


def name_speaker(library: Library, recording_id: int, speaker: str, name: str | None) -> Result[dict[str, str]]:
    """Call ``speaker`` ``name`` in this recording's transcripts (blank: back to the default name).

    Returns the names the user chose for the recording's speakers.
    """
    if speaker not in SPEAKERS:
        raise ValueError(f"unknown speaker {speaker!r}; expected one of {SPEAKERS}")
    library.recordings.get(recording_id)  # KeyError for a recording that is gone
    with library.transaction():
        library.transcripts.name_speaker(recording_id, speaker, name)
        chosen = library.transcripts.speaker_names(recording_id)
    return Result(chosen, Changes(transcripts=frozenset({recording_id})))


def identify_me(library: Library, recording_id: int, speaker: str) -> Result[Transcript]:
    """On one microphone: the voice ``speaker`` (S1, S2, ...) is the user's.  It becomes ``me`` in the recording's
    newest transcript; with two voices the other one becomes the interviewer."""
    transcript = library.transcripts.latest_for_recording(recording_id)
    if transcript is None or transcript.id is None:
        raise KeyError(recording_id)
    voices = {s.speaker for s in transcript.segments if s.speaker is not None}
    if speaker not in voices:
        raise ValueError(f"no voice {speaker!r} in this transcript; it has {sorted(voices)}")
    others = voices - {speaker, ME, INTERVIEWER}
    relabel = {speaker: ME} | ({others.pop(): INTERVIEWER} if len(others) == 1 and INTERVIEWER not in voices else {})
    with library.transaction():
        library.transcripts.relabel_speakers(transcript.id, relabel)
        saved = library.transcripts.get(transcript.id)
    return Result(saved, Changes(transcripts=frozenset({recording_id})))


def speaker_names(library: Library, recording: Recording, language: str) -> dict[str, str]:
    """The names of ``recording``'s speakers: the user's, else its interview's interviewer, else the defaults
    in ``language``."""
    interview = library.interviews.get(recording.interview_id)
    return names(language, interview.interviewers, library.transcripts.speaker_names(recording.id))
