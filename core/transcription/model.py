"""The transcript data model shared by the transcription service, the library and exports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from core.messages import Message


class SegmentFlag(enum.Enum):
    """Why a segment may be something Whisper invented rather than heard."""

    SILENCE = "silence"  # high no-speech probability: text over (near) silence
    STOCK_PHRASE = "stock_phrase"  # a phrase Whisper is known to hallucinate ("Thanks for watching", ...)
    REPETITION = "repetition"  # the same text repeated in a loop
    LOW_CONFIDENCE = "low_confidence"  # very low average log-probability
    QUIET = "quiet"  # a very short segment over audio far quieter than the recording's speech
    LANGUAGE = "language"  # the detected language is neither Japanese nor English (noise, or not our speech)
    CROWDED = "crowded"  # far more text than anyone can say in the segment's time: written, not heard


# Flags that mean "not said": such segments are greyed and left out of every count and measure.
# LOW_CONFIDENCE alone is not among them: it is usually real, unclear speech.
INVENTED = frozenset({SegmentFlag.SILENCE, SegmentFlag.STOCK_PHRASE, SegmentFlag.REPETITION, SegmentFlag.QUIET,
                      SegmentFlag.LANGUAGE, SegmentFlag.CROWDED})


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    text: str
    probability: float
    speaker: str | None = None  # as its segment's (core.transcription.speakers)


@dataclass(frozen=True)
class Segment:
    start_ms: int
    end_ms: int
    text: str  # what Whisper produced; never overwritten
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    words: tuple[Word, ...] = ()
    flags: frozenset[SegmentFlag] = frozenset()
    corrected_text: str | None = None  # the user's correction, when there is one
    id: int | None = None
    # Who spoke: core.transcription.speakers.ME / INTERVIEWER on a two-track recording; None when one voice track.
    speaker: str | None = None
    # One microphone's voices told apart (core.diarization.assign): the position of the segment Whisper
    # recognised in the transcript; the parts a change of speaker cut it into share it.  None when not separated.
    origin: int | None = None

    def spoken_by(self, speaker: str | None) -> Segment:
        """This segment, and each of its words, said by ``speaker``."""
        return replace(self, speaker=speaker, words=tuple(replace(w, speaker=speaker) for w in self.words))

    @property
    def display_text(self) -> str:
        return self.corrected_text if self.corrected_text is not None else self.text

    @property
    def suspicious(self) -> bool:
        return bool(self.flags)

    @property
    def invented(self) -> bool:
        """Probably not said (see :data:`INVENTED`): left out of counts and measures."""
        return bool(self.flags & INVENTED)


@dataclass(frozen=True)
class TranscriptionSettings:
    model: str = "base"  # a built-in model name or a folder
    language: str | None = None  # "ja", "en", or None to detect
    vad: bool = True
    word_timestamps: bool = True
    beam_size: int = 5
    initial_prompt: str | None = None
    # With language=None: once the language is detected, the initial prompt for it, as (language, prompt)
    # pairs; it replaces initial_prompt (core.analysis.prompting keeps fillers this way).
    prompts_by_language: tuple[tuple[str, str], ...] = ()
    # Names to hear right in every window (core.transcription.context), and per language as prompts are.
    hotwords: str | None = None
    hotwords_by_language: tuple[tuple[str, str], ...] = ()
    # One microphone, several voices (a real interview in a room): separate the speakers after transcription
    # (core.diarization); ``speakers`` forces their number, else it is estimated.
    separate: bool = False
    speakers: int | None = None

    def __post_init__(self) -> None:
        for name in ("prompts_by_language", "hotwords_by_language"):
            pairs = getattr(self, name)
            if not isinstance(pairs, tuple) or any(not isinstance(pair, tuple) for pair in pairs):  # lists from JSON
                object.__setattr__(self, name, tuple(tuple(pair) for pair in pairs))


@dataclass(frozen=True)
class Transcript:
    source: str  # the audio file's path as given (for a recording: relative to the recordings folder)
    language: str  # the language used (detected or chosen)
    duration_ms: int  # of the audio
    settings: TranscriptionSettings
    segments: tuple[Segment, ...] = ()
    recording_id: int | None = None
    created_at: datetime | None = None
    problem: Message | None = None  # e.g. the decoder gave up on noise: the text may be incomplete
    id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # device, compute type, timings

    @property
    def text(self) -> str:
        """All segments' text; Japanese is written without spaces between them."""
        separator = "" if self.language == "ja" else " "
        return separator.join(s.display_text.strip() for s in self.segments if s.display_text.strip())
