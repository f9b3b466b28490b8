"""Synthesized answers assembled from parts with known silences: the ground truth for speech metrics.

Each part (a phrase, or a filler such as えーと or "um") is synthesized on its
own (Open JTalk for Japanese, espeak-ng for English), trimmed of the silence
the synthesizer leaves around it, and the parts are joined with exactly the
silence asked for.  The clip therefore knows where every part starts and
ends, where the fillers are, and how long each pause is.

Used by ``tests/test_metrics_speech.py`` and ``benchmarks/bench_fillers.py``.
PYTEST_DONT_REWRITE
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from tests.speech_fixtures import japanese_characters, synthesize_english, synthesize_japanese

TRIM_DBFS = -45.0  # the synthesizer's own leading/trailing silence is cut at this level
_FRAME_S = 0.005


@dataclass(frozen=True)
class Part:
    text: str
    filler: bool = False
    pause_after_s: float = 0.0  # silence inserted after this part


@dataclass(frozen=True)
class ScriptedClip:
    wav: Path
    language: str
    parts: tuple[Part, ...]
    spans_ms: tuple[tuple[int, int], ...]  # where each part is in the clip
    lead_s: float  # silence before the first part

    @property
    def text(self) -> str:
        joiner = "" if self.language == "ja" else " "
        return joiner.join(part.text for part in self.parts)

    @property
    def fillers(self) -> list[tuple[int, int, str]]:
        return [(s, e, part.text) for part, (s, e) in zip(self.parts, self.spans_ms, strict=True) if part.filler]

    @property
    def speech_ms(self) -> tuple[int, int]:
        return self.spans_ms[0][0], self.spans_ms[-1][1]

    def silences(self, longer_than_s: float) -> list[tuple[int, int]]:
        """The inserted silences longer than ``longer_than_s`` (between parts)."""
        gaps = [(a[1], b[0]) for a, b in itertools.pairwise(self.spans_ms)]
        return [(s, e) for s, e in gaps if e - s > longer_than_s * 1000]

    def characters(self) -> int:
        return len(japanese_characters(self.text))


def _trimmed(samples: np.ndarray, rate: int) -> np.ndarray:
    frame = max(1, int(rate * _FRAME_S))
    usable = len(samples) // frame * frame
    power = np.mean(np.square(samples[:usable].reshape(-1, frame), dtype=np.float64), axis=1)
    loud = np.flatnonzero(10 * np.log10(np.maximum(power, 1e-12)) > TRIM_DBFS)
    if not len(loud):
        raise ValueError("the synthesizer produced silence")
    return samples[loud[0] * frame:(loud[-1] + 1) * frame]


def _synthesize(text: str, language: str, cache: Path) -> tuple[np.ndarray, int]:
    key = hashlib.sha1(f"{language}:{text}".encode()).hexdigest()[:16]
    wav = cache / f"{language}_{key}.wav"
    if not wav.exists():
        (synthesize_japanese if language == "ja" else synthesize_english)(text, wav)
    samples, rate = soundfile.read(wav, dtype="float32")
    return _trimmed(samples, rate), rate


def build_clip(parts: list[Part] | tuple[Part, ...], language: str, wav: Path, *, lead_s: float = 0.5,
               tail_s: float = 0.5, cache: Path | None = None) -> ScriptedClip:
    """Synthesize ``parts`` into ``wav`` (mono 16-bit) with ``lead_s`` of silence before and ``tail_s`` after."""
    cache = cache or wav.parent
    cache.mkdir(parents=True, exist_ok=True)
    pieces, spans, rate = [], [], None
    position = 0
    for part in parts:
        samples, part_rate = _synthesize(part.text, language, cache)
        if rate is None:
            rate = part_rate
            lead = np.zeros(int(lead_s * rate), np.float32)
            pieces.append(lead)
            position = len(lead)
        pieces.append(samples)
        spans.append((round(position * 1000 / rate), round((position + len(samples)) * 1000 / rate)))
        position += len(samples)
        gap = np.zeros(int(part.pause_after_s * rate), np.float32)
        pieces.append(gap)
        position += len(gap)
    assert rate is not None, "no parts"
    pieces.append(np.zeros(int(tail_s * rate), np.float32))
    soundfile.write(wav, np.concatenate(pieces), rate, subtype="PCM_16")
    return ScriptedClip(wav, language, tuple(parts), tuple(spans), lead_s)
