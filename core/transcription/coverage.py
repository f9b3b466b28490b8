"""Speech that voice-activity detection finds but a prompted decode left without words.

An initial prompt (the filler-keeping one of :mod:`core.analysis.prompting`)
steers Whisper's style, and it can also make it stop writing: in a real
English answer, every word after a cough was dropped by the prompted decode
while a plain decode of the same file kept them.  So after a prompted decode
the worker compares the words with the speech that Silero VAD finds
(``faster_whisper.vad``, the detector the decode itself uses), and every
stretch of speech without words, :data:`MIN_GAP_MS` or longer, is decoded
again *without* the prompt; the new segments join the transcript in time
order (the guard then judges them like any other).

Everything here works in milliseconds on 16-kHz mono samples.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import replace

import numpy as np

from core.transcription.model import Segment

RATE = 16000
MIN_GAP_MS = 1000  # uncovered speech shorter than this is left alone (a cough, a breath, a word's edge)
WORD_REACH_MS = 300  # a word covers this much audio on each side (word timestamps are approximate)
PAD_MS = 200  # a stretch is decoded with this much audio around it, never reaching into covered words
# Finer than the decode's own VAD (2 s of silence, 400 ms of padding): the speech itself, not chunks of it.
VAD_OPTIONS = {"threshold": 0.5, "min_silence_duration_ms": 300, "speech_pad_ms": 100}

Span = tuple[int, int]


def speech_spans(samples: np.ndarray, rate: int = RATE) -> list[Span]:
    """Where Silero VAD hears speech in ``samples``, as (start_ms, end_ms)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = get_speech_timestamps(samples, VadOptions(**VAD_OPTIONS), sampling_rate=rate)
    return [(chunk["start"] * 1000 // rate, chunk["end"] * 1000 // rate) for chunk in chunks]


def covered_spans(segments: Iterable[Segment]) -> list[Span]:
    """The audio that ``segments`` account for: their words (or, without words, the segment) in time order."""
    spans: list[Span] = []
    for segment in segments:
        if not segment.text.strip():
            continue
        if segment.words:
            spans += [(w.start_ms, w.end_ms) for w in segment.words if w.text.strip()]
        else:
            spans.append((segment.start_ms, segment.end_ms))
    return sorted(spans)


def _merged(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def gaps_to_redo(speech: Sequence[Span], covered: Sequence[Span], *, min_gap_ms: int = MIN_GAP_MS,
                 reach_ms: int = WORD_REACH_MS, pad_ms: int = PAD_MS) -> list[Span]:
    """The stretches to decode again: detected speech without words, at least ``min_gap_ms`` long.

    Each word covers ``reach_ms`` around it; a stretch is widened by
    ``pad_ms`` on both sides but never into a word.
    """
    reach = _merged((max(0, s - reach_ms), e + reach_ms) for s, e in covered)
    words = _merged(covered)
    gaps: list[Span] = []
    for start, end in _merged(speech):
        pieces = [(start, end)]
        for cover_start, cover_end in reach:
            if cover_end <= start or cover_start >= end:
                continue
            pieces = [part for a, b in pieces
                      for part in ((a, min(b, cover_start)), (max(a, cover_end), b)) if part[1] > part[0]]
        gaps += [piece for piece in pieces if piece[1] - piece[0] >= min_gap_ms]
    redo = []
    for start, end in gaps:
        before = max((e for s, e in words if e <= start), default=0)
        after = min((s for s, e in words if s >= end), default=end + pad_ms)
        redo.append((max(before, start - pad_ms, 0), min(after, end + pad_ms)))
    return _merged(redo)


def shifted(segment: Segment, offset_ms: int) -> Segment:
    """``segment`` moved ``offset_ms`` later, its words too."""
    words = tuple(replace(w, start_ms=w.start_ms + offset_ms, end_ms=w.end_ms + offset_ms) for w in segment.words)
    return replace(segment, start_ms=segment.start_ms + offset_ms, end_ms=segment.end_ms + offset_ms, words=words)


def redo_uncovered(samples: np.ndarray, segments: Sequence[Segment],
                   decode: Callable[[np.ndarray], Iterable[Segment]],
                   rate: int = RATE) -> Generator[Segment, None, None]:
    """Segments for the detected speech that ``segments`` leave without words, decoded by ``decode``.

    ``decode(samples)`` decodes a slice (without the prompt) and yields its
    segments timed from the slice's start; they come back here timed in the
    whole audio, in time order.  A generator: the caller may stop at any time.
    """
    for start, end in gaps_to_redo(speech_spans(samples, rate), covered_spans(segments)):
        piece = samples[start * rate // 1000:end * rate // 1000]
        for segment in decode(piece):
            moved = shifted(segment, start)
            if moved.text.strip():
                yield moved
