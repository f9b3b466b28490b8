"""The messages between the app and its speech worker (:mod:`core.transcription.worker`): small picklable dataclasses.

See the worker's module doc for the protocol; a live job's own two are in
:mod:`core.transcription.live` (:class:`~core.transcription.live.LiveControl`,
:class:`~core.transcription.live.Caught`).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.messages import Message
from core.transcription.model import Segment, TranscriptionSettings

TRANSCRIBE = "transcribe"
SEPARATE = "separate"  # only tell one microphone's voices apart (settings.speakers of them): no speech model


@dataclass(frozen=True)
class JobRequest:
    job_id: int
    path: str
    settings: TranscriptionSettings
    model_path: str  # already resolved by the parent ("" for SEPARATE)
    device: str  # "auto", "cpu" or "cuda"
    work_cap_s: float  # stop after this much recognition work
    call_path: str | None = None  # a two-track recording's call track: its speakers are told apart
    kind: str = TRANSCRIBE


@dataclass(frozen=True)
class Started:
    job_id: int
    duration_s: float  # of the decoded audio
    problem: Message | None  # the file decoded only in part
    silent: bool  # nothing louder than the silence threshold: no recognition will run
    device: str = ""
    compute_type: str = ""
    load_s: float = 0.0  # 0 when the model was already loaded


@dataclass(frozen=True)
class Detected:
    job_id: int
    language: str
    probability: float
    speech_s: float  # audio left after voice-activity detection
    speech_dbfs: float | None = None  # the recording's speech level (guard.Levels)
    speaker: str | None = None  # the track detected (two-track recordings: one Detected per track)


@dataclass(frozen=True)
class SegmentDone:
    job_id: int
    segment: Segment
    progress: float  # 0..1: the segment's end over the audio's duration
    level_dbfs: float | None = None  # the level of the audio under the segment (guard.Levels.span_dbfs)


@dataclass(frozen=True)
class Progress:
    job_id: int
    fraction: float


@dataclass(frozen=True)
class Separated:
    """The speakers' turns on one microphone (after the segments), or why they could not be told apart."""

    job_id: int
    turns: tuple[tuple[int, int, int], ...]  # (start_ms, end_ms, cluster)
    problem: Message | None = None
    me: int | None = None  # the cluster the user's voice profile recognised, if any


@dataclass(frozen=True)
class Finished:
    job_id: int
    capped: bool = False  # stopped early by the work cap
    transcribe_s: float = 0.0


@dataclass(frozen=True)
class Failed:
    job_id: int
    message: Message
    unreadable: bool = False  # the input file is the problem (an AudioFileError)


