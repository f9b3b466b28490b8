"""What the speech worker reported for one job, made into its result (for :mod:`core.transcription.service`).

:class:`Run` collects the worker's messages as they come; :func:`transcript`
makes the :class:`Transcript` of a transcription job (each track's segments
through the guard, two tracks merged, one microphone's voices applied), and
:func:`separation` the :class:`~core.transcription.reseparate.Separation` of
a job that only tells the voices apart again (no speech recognition).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.interviews import utc_now
from core.messages import QT_TRANSLATE_NOOP, Message
from core.transcription.audio import CONTEXT, AudioInfo, TranscriptionError
from core.transcription.guard import SUPPORTED_LANGUAGES, flag_segments
from core.transcription.model import Segment, Transcript
from core.transcription.reseparate import Separation
from core.transcription.speakers import drop_echoes, merge

if TYPE_CHECKING:
    from core.transcription.service import Job


@dataclass
class Run:
    """What the worker reported so far for the running job."""

    info: AudioInfo
    cap_s: float | None  # None: no work cap (telling the voices apart again)
    duration_s: float = 0.0
    problem: Message | None = None
    language: str = ""
    speech_dbfs: dict[str | None, float | None] = field(default_factory=dict)  # per speaker (None: one track)
    call_path: Path | None = None  # a two-track recording's call track
    turns: tuple[tuple[int, int, int], ...] | None = None  # one microphone's speakers, when separated
    separation_problem: Message | None = None
    me: int | None = None  # the separated voice the user's profile recognised
    segments: list[tuple[Segment, float | None]] = field(default_factory=list)  # with the level under each
    extra: dict[str, Any] = field(default_factory=dict)
    started: float | None = None  # when recognition began (monotonic)
    deadline: float | None = None


def transcript(job: Job, run: Run, capped: bool) -> Transcript:
    """The transcript of a transcription job."""
    tracks: dict[str | None, tuple[Segment, ...]] = {}
    for speaker in dict.fromkeys(s.speaker for s, _ in run.segments):  # each track's guard sees its own levels
        ordered = sorted(((s, level) for s, level in run.segments if s.speaker == speaker),
                         key=lambda pair: (pair[0].start_ms, pair[0].end_ms))  # a second pass follows
        tracks[speaker] = flag_segments([s for s, _ in ordered], levels=[level for _, level in ordered],
                                        speech_dbfs=run.speech_dbfs.get(speaker),
                                        detected_language=None if job.settings.language else run.language)
    segments = tuple(drop_echoes(merge(*tracks.values())) if run.call_path is not None
                     else tracks.get(None, ()))
    if run.turns:  # one microphone, several voices: split at each change of speaker
        from core.diarization.assign import with_turns

        recognised = tuple(replace(s, origin=index) for index, s in enumerate(segments))  # parts keep it
        segments, facts = with_turns(recognised, run.turns, run.me)
        run.extra.update(facts)
    shown = str(job.path)
    problem = run.problem
    if capped:
        problem = Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Transcription",
            "The audio seems to be mostly noise: transcription stopped early after {seconds} s of work. "
            "The text may be incomplete."), {"seconds": round(run.cap_s or 0)})
    elif not any(s.text.strip() for s in segments):
        problem = Message(CONTEXT, QT_TRANSLATE_NOOP("Transcription", "No speech was found in {file}."),
                          {"file": shown})
    elif all(s.invented for s in segments if s.text.strip()):
        problem = Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Transcription", "No clear speech was found in {file}: the text there is probably invented by the "
            "speech model, and is greyed."), {"file": shown})
    if run.call_path is not None:
        run.extra["call_track"] = run.call_path.name
    if run.separation_problem is not None:
        run.extra["separation_problem"] = run.separation_problem.render()
        problem = problem or run.separation_problem
    if run.started is not None:
        run.extra["work_s"] = round(time.monotonic() - run.started, 3)  # recognition, as the cap counts it
    # A detected language other than ja/en is kept only when something was said (over noise it was not).
    said = any(s.text.strip() and not s.invented for s in segments)
    detected = run.language if segments and (said or run.language in SUPPORTED_LANGUAGES) else ""
    language = job.settings.language or detected
    duration_s = run.duration_s or run.info.duration_s
    return Transcript(source=job.source, language=language, duration_ms=round(duration_s * 1000),
                      settings=job.settings, segments=segments, recording_id=job.recording_id,
                      created_at=utc_now(), problem=problem, extra=dict(run.extra, capped=capped))


def separation(job: Job, run: Run) -> Separation:
    """The voices of a job that only tells them apart; raises :class:`TranscriptionError` when none were found."""
    if run.separation_problem is not None:
        raise TranscriptionError(run.separation_problem)
    if not run.turns:
        raise TranscriptionError(Message(CONTEXT, QT_TRANSLATE_NOOP(
            "Transcription", "No voices were found in {file}: the transcript is unchanged."), {"file": str(job.path)}))
    return Separation(turns=run.turns, me=run.me, speakers=job.settings.speakers)
