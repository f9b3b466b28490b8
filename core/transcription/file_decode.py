"""A whole recording decoded the way a live job decodes it while it is being made.

``WhisperModel.transcribe`` would decode a file with its own features, floored
below the file's loudest frame; a live job cannot know that frame before the
recording has ended (:mod:`core.transcription.speech_stream`).  So a file goes
through the same :class:`~core.transcription.speech_stream.SpeechStream` and the
same window loop (:func:`~core.transcription.window.decode_window`) as a live
job: the same speech, features, language detection, prompts and windows, and
with them the same text (``tests/test_live_window.py``).  Everything else is
faster-whisper's own: its voice-activity detection, feature extractor, decoder
and timestamps.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.transcription.decoding import whisper_options, with_language
from core.transcription.model import TranscriptionSettings
from core.transcription.speech_stream import RATE, SpeechStream
from core.transcription.window import (
    Prompting,
    decode_window,
    initial_tokens,
    tokenizer_for,
    transcription_options,
    window_frames,
)

PIECE_S = 30  # the audio goes into the stream in pieces this long (its features are computed piece by piece)


@dataclass(frozen=True)
class FileInfo:
    """What ``transcribe``'s ``TranscriptionInfo`` says that the worker uses, and the settings decoded with (the
    language's prompt and hotwords once it is settled)."""

    language: str
    language_probability: float
    duration_after_vad: float
    settings: TranscriptionSettings


def settled(model: Any, stream: SpeechStream, settings: TranscriptionSettings,
            frames: int) -> tuple[TranscriptionSettings, str, float]:
    """``settings`` with their language (detected on the first ``frames`` of ``stream``, the first window, when
    not given) and that language's prompt and hotwords; the language and how sure the detection is."""
    if not model.model.is_multilingual:  # an English-only model (``*.en``): English, as transcribe decides
        return with_language(settings, "en"), "en", 1.0
    if settings.language:
        return settings, settings.language, 1.0
    if frames <= 0:
        return settings, "", 0.0
    language, probability, _ = model.detect_language(features=stream.window(0, frames))
    return with_language(settings, str(language)), str(language), float(probability)


def transcribe(model: Any, samples: np.ndarray,
               settings: TranscriptionSettings) -> tuple[Generator[Any, None, None], FileInfo]:
    """faster-whisper's segments of ``samples`` (16 kHz mono), timed in the recording, decoded as they are
    asked for, and what is known before the first: the language and the length of the speech."""
    stream = SpeechStream(filtered=settings.vad)
    for start in range(0, len(samples), PIECE_S * RATE):
        stream.feed(samples[start:start + PIECE_S * RATE])
    stream.finish()
    content = stream.content_frames or 0
    settings, language, probability = settled(model, stream, settings, window_frames(0, content))
    info = FileInfo(language, probability, stream.speech_length / RATE, settings)
    if not content:  # no speech: nothing to decode (nor a language to decode it in)
        nothing: tuple[Any, ...] = ()
        return (segment for segment in nothing), info
    tokenizer = tokenizer_for(model, language)
    options = transcription_options(model, tokenizer, whisper_options(settings))
    prompting = Prompting(tokens=initial_tokens(tokenizer, settings.initial_prompt))

    def segments() -> Generator[Any, None, None]:
        seek = 0
        while seek < content:
            count = window_frames(seek, content)
            result = decode_window(model, stream.window(seek, count), seek, tokenizer, options, prompting)
            yield from stream.restore(result.segments)
            seek = result.seek
            stream.release(seek)

    return segments(), info
