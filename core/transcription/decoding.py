"""How the speech worker asks faster-whisper for text: its options, the language, and the segments it gives.

Shared by whole-file jobs (:mod:`core.transcription.worker`) and live ones
(:mod:`core.transcription.live`), which must decode alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np

from core.transcription.guard import (
    COMPRESSION_RATIO_THRESHOLD,
    LOG_PROB_THRESHOLD,
    NO_SPEECH_THRESHOLD,
)
from core.transcription.model import Segment, TranscriptionSettings, Word

# No sampling: Whisper's fallback to warmer temperatures drew its text at random, so that the same audio gave
# other text in each run (whole answers dropped or repeated at different places: a file's CER moved 10.5% -> 9.2%
# between two runs, docs/PERFORMANCE.md) and live transcription could not equal the file's.  A window is decoded
# with beam search; one whose text loops or is unsure is decoded once more greedily: a "temperature" so low that
# sampling always takes the likeliest token (greedy, the same every run), and above PROMPT_RESET_ON_TEMPERATURE,
# so the windows after it are no longer prompted with its text (what stops a loop going on).
GREEDY_TEMPERATURE = 1e-5
TEMPERATURES = (0.0, GREEDY_TEMPERATURE)
HOTWORD_REPETITION_PENALTY = 1.1
PROMPT_RESET_ON_TEMPERATURE = 0.0  # after a retry, stop feeding the previous text (stops loops)


def whisper_options(settings: TranscriptionSettings) -> dict[str, Any]:
    """The keyword arguments for ``WhisperModel.transcribe`` that ``settings`` stand for."""
    return {
        "language": settings.language or None,
        "task": "transcribe",
        "beam_size": settings.beam_size,
        "vad_filter": settings.vad,
        "word_timestamps": settings.word_timestamps,
        "initial_prompt": settings.initial_prompt or None,
        "hotwords": settings.hotwords or None,
        "temperature": TEMPERATURES,
        "best_of": 1,  # the greedy retry's candidates would all be the same
        "compression_ratio_threshold": COMPRESSION_RATIO_THRESHOLD,
        "log_prob_threshold": LOG_PROB_THRESHOLD,
        "no_speech_threshold": NO_SPEECH_THRESHOLD,
        "condition_on_previous_text": True,
        "prompt_reset_on_temperature": PROMPT_RESET_ON_TEMPERATURE,
        # Hotwords precede every window's prompt, and behind the filler prompt they set off loops at the end of an
        # answer (え、え、え…, はい。はい。…): a light penalty on repeated tokens stops them (bench_context.py).
        "repetition_penalty": HOTWORD_REPETITION_PENALTY if settings.hotwords else 1.0,
    }


def with_language(settings: TranscriptionSettings, language: str) -> TranscriptionSettings:
    """``settings`` decoding ``language``, with that language's prompt and hotwords where they are told by language
    (a detected language takes its own: the filler prompt of practice, the interview's names)."""
    prompts, hotwords = dict(settings.prompts_by_language), dict(settings.hotwords_by_language)
    return replace(settings, language=language, initial_prompt=prompts.get(language, settings.initial_prompt),
                   hotwords=hotwords.get(language, settings.hotwords))


def convert(segment: Any) -> Segment:
    words = tuple(Word(round(w.start * 1000), round(w.end * 1000), w.word, float(w.probability))
                  for w in (segment.words or ()))
    return Segment(start_ms=round(segment.start * 1000), end_ms=round(segment.end * 1000), text=segment.text.strip(),
                   avg_logprob=float(segment.avg_logprob), no_speech_prob=float(segment.no_speech_prob), words=words)


def decode_segments(model: Any, samples: np.ndarray, settings: TranscriptionSettings) -> Iterator[Segment]:
    """Whisper's segments for ``samples`` with ``settings`` (language already settled), as :class:`Segment`."""
    segments, _info = model.transcribe(samples, **whisper_options(settings))
    try:
        for segment in segments:
            yield convert(segment)
    finally:
        segments.close()


